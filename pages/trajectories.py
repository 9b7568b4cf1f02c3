"""指标轨迹: one indicator's 2010 → 2015 → 2020 path, and which targets need the biggest acceleration."""

import streamlit as st

from lib import charts, params, trajectory
from pages._shared import DIFFICULTY_NOTE, plain_errors, query_values, url_notice


@st.cache_data(show_spinner=False)
def catalogue():
    return trajectory.series_catalogue()


@st.cache_data(show_spinner=False)
def series_points(series_id: str):
    return trajectory.trajectory(series_id), trajectory.basis_break(series_id)


# Altair builds and validates a chart in tens of milliseconds; each spec is built once.
@st.cache_data(show_spinner=False)
def series_chart(series_id: str, kind: str, unit: str) -> dict:
    points, break_label = trajectory.trajectory(series_id), trajectory.basis_break(series_id)
    chart = charts.period_chart(points, unit) if kind in trajectory.PERIOD_KINDS else charts.trajectory_chart(points, unit, break_label)
    return charts.spec(chart)


@st.cache_data(show_spinner=False)
def acceleration_chart() -> dict:
    return charts.spec(charts.acceleration_chart(trajectory.level_paces()))


st.title("指标轨迹")
with plain_errors():
    series = catalogue()
labels = list(series.label)
id_by_label = dict(zip(series.label, series.series_id))
default_label = series.set_index("series_id").loc[trajectory.DEFAULT_SERIES, "label"]

url_notice({"indicator": params.invalid_choices(query_values("indicator"), labels)})
label = st.selectbox(
    "选择指标（可输入文字搜索）", labels, index=labels.index(default_label), key="indicator", bind="query-params"
)
series_id = id_by_label.get(label, trajectory.DEFAULT_SERIES)
chosen = series.set_index("series_id").loc[series_id]

with plain_errors():
    points, break_label = series_points(series_id)

target = points[points.line_key == "target"]
if not target.empty:
    required = points[points.line_key == "required"]
    summary = f"2020年目标：{target.note.iloc[0]}"
    if not required.empty:
        summary += f"　·　完成目标所需：{required.note.iloc[0]}"
    st.markdown(params.markdown_escape(summary))

if points.empty:
    st.info("规划没有为这一指标列出可以作图的数值。")
elif chosen.kind in trajectory.PERIOD_KINDS:
    st.vega_lite_chart(series_chart(series_id, chosen.kind, chosen.unit), width="stretch")
    st.caption("五年累计数、五年降幅和年均增速按规划期作柱状图：它们不是某一年的水平值。")
elif chosen.kind == "class":
    st.info("水质类别以“类”计（Ⅲ类为目标），不作连续曲线。2015年与2020年均为Ⅲ类，目标是保持。")
    st.dataframe(points[["period", "line", "note"]], hide_index=True)
else:
    st.vega_lite_chart(series_chart(series_id, chosen.kind, chosen.unit), width="stretch")
    legend = "实线：规划公布的2010、2015年数值；虚线：完成2020年目标所需的路径；点线：按“十二五”速度延续；菱形：2020年目标。"
    if break_label:
        legend += f" 2010与2015年统计口径不同（{break_label}），两点之间不连线，也不计算增速。"
    st.caption(legend)
    notes = points[points.line_key.isin(["required", "previous"])].drop_duplicates("line_key")
    for note in notes.itertuples():
        st.markdown(f"- **{note.line}**：{note.note}")

related = trajectory.related_text_targets(series_id)
if not related.empty:
    st.markdown("**正文中的相关目标**")
    for target in related.itertuples():
        place = f"{target.chapter}{target.section}" + (f" {target.box}" if target.box else "")
        st.markdown(f"- {params.markdown_escape(target.sentence)}（{place}）")
        st.page_link(
            "pages/plan_reader.py",
            label=f"在原文中阅读 {place}",
            icon=":material/menu_book:",
            query_params={"chapter": target.chapter, **({"section": target.section} if target.section else {})},
        )

st.divider()
st.subheader("哪些目标需要最大的加速？")
st.caption("水平类指标按2016—2020年所需年均增速排序，旁边是2011—2015年按公布水平计算的年均增速。" + DIFFICULTY_NOTE)
with plain_errors():
    st.vega_lite_chart(acceleration_chart(), width="stretch")
