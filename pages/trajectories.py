"""指标轨迹: one indicator's 2010 → 2015 → 2020 path, and which targets need the biggest acceleration."""

import streamlit as st

from lib import charts, params, trajectory
from pages._shared import DIFFICULTY_NOTE, plain_errors, query_values, url_notice
from pages import _compat

_compat.ensure_navigation()


@st.cache_data(show_spinner=False)
def choices() -> dict[str, str]:
    """Label → series id, in the order of the two tables."""
    series = trajectory.series_catalogue()
    return dict(zip(series.label, series.series_id))


@st.cache_data(show_spinner=False)
def view(series_id: str) -> dict:
    return trajectory.series_view(series_id)


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
    id_by_label = choices()
labels = list(id_by_label)
default_label = next(label for label, sid in id_by_label.items() if sid == trajectory.DEFAULT_SERIES)

url_notice({"indicator": params.invalid_choices(query_values("indicator"), labels)})
label = st.selectbox(
    "选择指标（可输入文字搜索）", labels, index=labels.index(default_label),
    key="indicator", bind="query-params",
)
series_id = id_by_label.get(label, trajectory.DEFAULT_SERIES)
with plain_errors():
    shown = view(series_id)

if shown["summary"]:
    st.markdown(shown["summary"])
if not shown["has_points"]:
    st.info("规划没有为这一指标列出可以作图的数值。")
elif shown["kind"] in trajectory.PERIOD_KINDS:
    st.vega_lite_chart(series_chart(series_id, shown["kind"], shown["unit"]), width="stretch")
    st.caption("五年累计数、五年降幅和年均增速按规划期作柱状图：它们不是某一年的水平值。")
elif shown["kind"] == "class":
    st.info("水质类别以“类”计（Ⅲ类为目标），不作连续曲线。2015年与2020年均为Ⅲ类，目标是保持。")
    st.dataframe(shown["class_rows"], hide_index=True)
else:
    st.vega_lite_chart(series_chart(series_id, shown["kind"], shown["unit"]), width="stretch")
    legend = "实线：规划公布的2010、2015年数值；虚线：完成2020年目标所需的路径；点线：按“十二五”速度延续；菱形：2020年目标。"
    if shown["basis_break"]:
        legend += f" 2010与2015年统计口径不同（{shown['basis_break']}），两点之间不连线，也不计算增速。"
    st.caption(legend)
    if shown["notes"]:
        st.markdown("\n".join(shown["notes"]))

if shown["related"]:
    st.markdown("**正文中的相关目标**")
    for target in shown["related"]:
        st.markdown(f"- {target['text']}（{target['place']}）")
        st.page_link("pages/plan_reader.py", label=f"在原文中阅读 {target['place']}", icon=":material/menu_book:", query_params=target["query"])

st.divider()
st.subheader("哪些目标需要最大的加速？")
st.caption("水平类指标按2016—2020年所需年均增速排序，旁边是2011—2015年按公布水平计算的年均增速。" + DIFFICULTY_NOTE)
with plain_errors():
    st.vega_lite_chart(acceleration_chart(), width="stretch")
