"""情景推演: move a slider, see where 2020 lands against the target."""

import pandas as pd
import streamlit as st

from lib import charts, params, scenario
from lib.values import format_number
from pages._shared import PRESENTER_CSS, plain_errors, query_values, url_notice
from pages import _compat

_compat.ensure_navigation()

SECTIONS = ["任选指标", "地区生产总值", "城乡收入"]
YEARS = scenario.YEARS


@st.cache_data(show_spinner=False)
def options():
    return scenario.scenario_options()


@st.cache_data(show_spinner=False)
def chart_spec(unit: str, scale: float, series: tuple[str, ...]) -> dict:
    return charts.spec(charts.scenario_chart(unit, scale, series), keep_data=False)


def draw(paths: dict[str, list[float]], target: float, target_label: str, unit: str, scale: float) -> None:
    frame = charts.scenario_frame(paths, target, target_label)
    st.vega_lite_chart(frame, chart_spec(unit, scale, tuple(paths)), width="stretch")


with plain_errors():
    catalogue = options().set_index("indicator_id")
labels = dict(zip(catalogue.index, catalogue.label))
id_by_label = {label: iid for iid, label in labels.items()}

GDP_CONTROLS, INCOME_CONTROLS = scenario.gdp_controls(), scenario.income_controls()


def indicator_controls(iid: str) -> dict:
    return scenario.indicator_controls(iid, catalogue.loc[iid, "plan_pace"])


def reset_to_plan() -> None:
    for key, spec in {**GDP_CONTROLS, **INCOME_CONTROLS}.items():
        st.session_state[key] = spec[4]
    for iid in catalogue.index:
        for key, value in indicator_controls(iid).items():
            if key in st.session_state:
                st.session_state[key] = value


def apply_preset() -> None:
    chosen = scenario.PRESETS.get(st.session_state.get("preset"), {})
    reset_to_plan()
    for key, value in chosen.items():
        st.session_state[key] = labels[value] if key == "indicator" else value


@st.cache_data(show_spinner=False)
def slider_ranges() -> dict[str, tuple[float, float]]:
    """Every URL-bound slider key and the range its value must fall in."""
    ranges = {key: spec[1:3] for key, spec in {**GDP_CONTROLS, **INCOME_CONTROLS}.items()}
    for row in options().itertuples():
        for key in scenario.indicator_controls(row.indicator_id, row.plan_pace):
            ranges[key] = (row.min, row.max)
    return ranges


def number_notices() -> dict[str, list[str]]:
    problems: dict[str, list[str]] = {}
    specs = slider_ranges()
    for key in st.query_params:
        values = query_values(key)
        if key in specs:
            bad = [v for v in values if params.invalid_number(v, *specs[key])]
        elif key == "section":
            bad = params.invalid_choices(values, SECTIONS)
        elif key == "indicator":
            bad = params.invalid_choices(values, list(id_by_label))
        elif key in ("presenter", "yearly", "compare"):
            bad = params.invalid_choices(values, ["true", "false", "True", "False"])
        else:
            bad = values  # an unknown key is ignored too
        if bad:
            problems[params.shorten(key)] = bad
    return problems


def shown(value: float, digits: int = 2) -> str:
    return format_number(value, digits)


# Read the URL before any bound widget drops what it cannot use.
url_problems = number_notices()
presenter = st.toggle("演示模式（大字、隐藏导航）", key="presenter", bind="query-params")
if presenter:
    # PRESENTER_CSS is a fixed string (pages/_shared.py); no data or URL text reaches it.
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)
scale = 1.6 if presenter else 1.0

st.title("情景推演")
url_notice(url_problems)
top = st.columns([2, 2, 1])
section = top[0].segmented_control("推演对象", SECTIONS, default=SECTIONS[0], key="section", bind="query-params", required=True)
top[1].selectbox("预设情景", list(scenario.PRESETS), index=None, key="preset", on_change=apply_preset, placeholder="选择一个准备好的情景")
top[2].button("恢复规划数字", on_click=reset_to_plan, icon=":material/restart_alt:", type="primary")


def outcome_metrics(outcome: scenario.Outcome, row: pd.Series, label: str) -> None:
    cols = st.columns(4)
    cols[0].metric(f"{label}：2020年", f"{shown(outcome.value_2020)} {row.unit}", help=f"目标：{row.target_raw}")
    gap_pct = "" if outcome.gap_pct is None else f"（{outcome.gap_pct:+.1f}%）"
    cols[1].metric("与目标之差", f"{outcome.gap:+,.4g} {row.unit}", gap_pct, delta_color="normal" if row.direction != "lower" else "inverse")
    if row.kind == "total" and row.direction == "lower":
        text = "2025年前不会超过" if outcome.year_breached is None else f"{outcome.year_breached}年超过上限"
        cols[2].metric("累计上限", text)
    else:
        cols[2].metric("按此速度达标年份", "2025年前不能达标" if outcome.year_reached is None else f"{outcome.year_reached}年")
    cols[3].metric("结论", "达到目标" if outcome.met else "未达目标")


@st.fragment
def indicator_studio() -> None:
    label = st.selectbox("指标", list(id_by_label), key="indicator", bind="query-params")
    iid = id_by_label.get(label, catalogue.index[0])
    row = catalogue.loc[iid]
    st.caption(
        f"2015年：{shown(row.base) if pd.notna(row.base) else '―'} {row.unit}；2020年目标：{row.target_raw}；"
        f"所需速度 {shown(row.plan_pace)} {row.pace_unit}；“十二五”速度：{row.achieved_text}"
    )
    toggles = st.columns(2)
    yearly = toggles[0].toggle("逐年设定", key="yearly", bind="query-params")
    compare = toggles[1].toggle("对比情景B", key="compare", bind="query-params")
    slider = dict(min_value=float(row["min"]), max_value=float(row["max"]), step=float(row.step), bind="query-params")
    if yearly:
        cols = st.columns(5)
        paces = [
            cols[i].slider(f"{year}年", value=float(row.plan_pace), key=f"pace_{iid}_{year}", **slider) for i, year in enumerate(YEARS)
        ]
    else:
        paces = [st.slider(f"情景A：假设速度（{row.pace_unit}）", value=float(row.plan_pace), key=f"pace_{iid}", **slider)]
    pace_b = st.slider(f"情景B：假设速度（{row.pace_unit}）", value=float(row.plan_pace), key=f"paceb_{iid}", **slider) if compare else None

    base = None if pd.isna(row.base) else float(row.base)
    outcome = scenario.run(row.kind, row.direction, base, float(row.target), paces, row.qualifier)
    outcome_metrics(outcome, row, "情景A")
    plan = scenario.run(row.kind, row.direction, base, float(row.target), [float(row.plan_pace)], row.qualifier)
    paths = {"情景A": outcome.values[:6], "完成目标所需路径": plan.values[:6]}
    if pace_b is not None:
        outcome_b = scenario.run(row.kind, row.direction, base, float(row.target), [pace_b], row.qualifier)
        outcome_metrics(outcome_b, row, "情景B")
        paths["情景B"] = outcome_b.values[:6]
    draw(paths, float(row.target), row.target_raw, row.unit, scale)
    needed = [
        {"截至": f"{year}年底", "情景值": shown(outcome.values[year - 2015]), f"剩余年份所需速度（{row.pace_unit}）": "―" if p is None else shown(p)}
        for year, p in outcome.still_needed.items()
    ]
    st.markdown(params.markdown_table(pd.DataFrame(needed).set_index("截至")))


def slider_row(controls: dict) -> dict[str, float]:
    """One row of URL-bound sliders from a {key: (label, min, max, step, plan value)} table."""
    values = {}
    for col, (key, (label, low, high, step, plan)) in zip(st.columns(len(controls)), controls.items()):
        values[key] = col.slider(label, low, high, plan, step, key=key, bind="query-params")
    return values


@st.fragment
def gdp_studio() -> None:
    values = slider_row(GDP_CONTROLS)
    st.caption(
        f"规划：实际增长9%左右（专栏2第1行）。规划未列价格涨幅：默认 {GDP_CONTROLS['gdp_deflator'][4]}% 由 2.5万亿元与9% 推算；"
        f"人口增速默认 {GDP_CONTROLS['population'][4]}% 由“常住人口累计增加200万左右”（第十二章第二节）推算。"
    )
    nominal = scenario.gdp_2020(values["gdp_real"], values["gdp_deflator"])
    per_capita = scenario.gdp_per_capita_2020(values["gdp_real"], values["gdp_deflator"], values["population"])
    cols = st.columns(2)
    cols[0].metric(
        "2020年地区生产总值（现价）", f"{nominal / 10000:.2f} 万亿元", f"{(nominal - scenario.GDP_TARGET_2020) / 10000:+.2f} 万亿元，对比目标2.5万亿元"
    )
    cols[1].metric(
        "2020年人均地区生产总值", f"{per_capita / 10000:.2f} 万元", f"{(per_capita - scenario.GDP_PER_CAPITA_TARGET_2020) / 10000:+.2f} 万元，对比目标7.5万元左右"
    )
    paths = {"情景A": scenario.gdp_path(values["gdp_real"], values["gdp_deflator"]), "完成目标所需路径": scenario.gdp_path_required()}
    draw(paths, scenario.GDP_TARGET_2020, "2.5万亿元", "亿元", scale)


@st.fragment
def income_studio() -> None:
    values = slider_row(INCOME_CONTROLS)
    st.caption(
        "默认增速是同时满足“城乡收入比2.4∶1”和“常住居民收入年均增长9.5%”的一组数（专栏2第2、10行）；"
        "规划未设2020年常住人口城镇化率，默认按“十二五”每年提高1.58个百分点延续。"
    )
    ratio = scenario.income_ratio_2020(values["urban_income"], values["rural_income"])
    growth = scenario.average_income_growth(values["urban_income"], values["rural_income"], values["urbanization"])
    cols = st.columns(2)
    cols[0].metric("2020年城乡收入比", f"{ratio:.2f}∶1", f"{ratio - scenario.INCOME_RATIO_TARGET:+.2f}，对比目标2.4∶1", delta_color="inverse")
    cols[1].metric("常住居民人均可支配收入年均增速", f"{growth:.2f}%", f"{growth - scenario.INCOME_GROWTH_TARGET:+.2f} 个百分点，对比目标9.5%")


if section == "地区生产总值":
    gdp_studio()
elif section == "城乡收入":
    income_studio()
else:
    indicator_studio()
