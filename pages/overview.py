"""概览: what the plan set out to do, in one screen."""

import streamlit as st

from lib import map_builders, overview, params, schemas, zones
from pages._shared import map_tables, plain_errors, svg_uri
from pages import _compat

_compat.ensure_navigation()


@st.cache_data(show_spinner=False)
def cards():
    return overview.headline_cards()


@st.cache_data(show_spinner=False)
def summary(by: str, label: str) -> str:
    # A markdown table: static, and far cheaper per rerun than st.table.
    return params.markdown_table(overview.difficulty_summary(by), index_label=label)


@st.cache_data(show_spinner=False)
def zone_picture() -> str:
    # A static SVG of a few kilobytes: the landing page loads no map bundle.
    zone_table, districts, _, _ = map_tables()
    return svg_uri(map_builders.zone_svg(zones.load_district_shapes(), districts, zone_table))


PILLARS = list(schemas.PILLARS[1:])  # "总体" is the two headline rows, not one of the five


def remember_pillar() -> None:
    # Cleared at once, so coming back to this page never jumps away again.
    st.session_state["open_pillar"] = st.session_state["pillar_link"]
    st.session_state["pillar_link"] = None


st.title("重庆“十三五”规划：承诺与难度")
st.caption(
    "《重庆市国民经济和社会发展第十三个五年规划纲要》于2016年2月印发，是重庆2016—2020年经济社会发展的总蓝图。"
    "它用两张指标表（专栏1回顾“十二五”，专栏2设定“十三五”目标）和正文中的一百多项数字目标，说明五年要达到哪里。"
    "本站把这些数字逐一对照原文整理，并计算每个目标所需的速度、与以往速度相比有多难。"
)

with plain_errors():
    headline = cards()
for row_start in (0, 4):
    columns = st.columns(4)
    for column, card in zip(columns, headline[row_start : row_start + 4]):
        with column.container(border=True):
            st.metric(card["title"], card["target"], help=f"出处：{card['source']}")
            st.caption(f"{card['base']}；{card['pace']}")

st.page_link("pages/indicators.py", label="查看全部指标与计算方法", icon=":material/table:")

st.subheader("目标有多难：按“五大发展”与指标属性")
st.caption(
    "“以往÷所需”：把“十二五”实际速度与“十三五”所需速度相比（联合国进展图表 / Open SDG 方法）。"
    "这是难度，不是对实际完成情况的评估；没有“十二五”可比数据的指标记为“无法比较”。"
)
with plain_errors():
    st.markdown(summary("pillar", "五大发展") + "\n\n" + summary("attribute", "指标属性"))
# One widget rather than a row of links: every element costs the browser time on first load.
st.pills("按“五大发展”查看指标", PILLARS, key="pillar_link", on_change=remember_pillar)
st.page_link("pages/trajectories.py", label="哪些目标需要最大的加速", icon=":material/show_chart:")
if pillar := st.session_state.pop("open_pillar", None):
    st.switch_page("pages/indicators.py", query_params={"pillar": pillar})

st.subheader("五大功能区域")
map_column, text_column = st.columns([3, 2])
with plain_errors():
    map_column.image(zone_picture(), caption="按主要功能区着色；都市功能核心区（渝中区及内环以内部分）面积很小，详见地图页。")
text_column.markdown(
    "规划以**五大功能区域**统筹全市38个区县：都市功能核心区、都市功能拓展区、城市发展新区"
    "（合称大都市区），渝东北生态涵养发展区、渝东南生态保护发展区（合称大生态区）。"
)
text_column.page_link("pages/zones_map.py", label="查看地图与项目", icon=":material/map:")
