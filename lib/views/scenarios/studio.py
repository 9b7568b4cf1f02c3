"""情景推演: build(State) → View, every number formatted by lib.present.figures.figure."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pandas as pd

from lib.engine import economy
from lib.engine.scenario import BASE_YEAR, PLAN_YEARS, TARGET_YEAR, Outcome, run
from lib.present.numbers import change_unit, figure, gap_decimals
from lib.views import scenarios as page
from lib.views.scenarios import State
from lib.views.scenarios.catalogue import IndicatorOption, indicator_options, options_by_id
from lib.views.scenarios.chart import scenario_frame, scenario_spec

SOURCE = "来源：《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）；情景为按所设速度的推算，不是预测。"
PRESENTER_SCALE = 1.6  # chart type and marks in presenter mode


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    delta: str | None = None
    delta_color: str = "normal"  # st.metric's: "normal", "inverse", "off"

    @property
    def arrow(self) -> str:
        return "off" if self.delta_color == "off" else "auto"


@dataclass(frozen=True)
class Slider:
    key: str  # the State's URL key; also what changes() takes
    widget_key: str  # the widget's session key, one per indicator so ranges never clash
    label: str
    low: float
    high: float
    step: float
    value: float


@dataclass(frozen=True)
class Chart:
    spec: dict  # shared: never changed by the page
    data: pd.DataFrame


@dataclass(frozen=True)
class Studio:
    section: str
    slider_rows: tuple[tuple[Slider, ...], ...]  # one row of columns each
    caption: str
    metric_rows: tuple[tuple[Metric, ...], ...]
    chart: Chart | None
    table_markdown: str = ""  # the still-needed pace, year by year (indicator panel only)
    heading: str = ""  # what the studio shows, for the handout


@dataclass(frozen=True)
class View:
    title: str
    presenter_label: str
    presenter_help: str
    sections: tuple[str, ...]
    section_label: str
    preset_label: str
    preset_names: tuple[str, ...]
    preset: str | None  # the preset the State is, or None
    preset_placeholder: str
    reset_label: str
    indicator_label: str
    indicator_ids: tuple[str, ...]
    indicator_labels: dict[str, str]
    yearly_label: str
    compare_label: str
    switches_label: str
    studio: Studio
    share_heading: str
    share_hint: str  # on screen: copy or scan
    handout_hint: str  # on paper: scan or type
    qr_caption: str
    copy_label: str
    share_query: str  # "?section=…" (or ""), appended to the page's own address
    handout_query: str  # the same State as a printable page
    studio_query: str  # what a handout links to: the same State, open in the studio
    handout_label: str
    source: str


def _outcome_metrics(outcome: Outcome, option: IndicatorOption, name: str) -> tuple[Metric, ...]:
    digits = gap_decimals(outcome.gap, option.decimals, option.resolution)
    unit = "∶1" if option.kind == "ratio" else f" {option.unit}" if option.unit else ""
    gap_unit = change_unit(option.kind, option.unit)
    gap = figure(outcome.gap, digits, signed=True)
    relative = None
    if gap != "0" and outcome.gap_pct is not None and option.unit != "%":
        relative = figure(outcome.gap_pct, 1, signed=True)
        relative = None if relative == "0" else f"{relative}%"
    colour = "inverse" if option.direction == "lower" else "normal"
    total = option.kind in ("total", "reduction")
    value_label = f"{name}：到{TARGET_YEAR}年累计" if total else f"{name}：{TARGET_YEAR}年"
    if option.is_cap:
        breached = outcome.year_breached
        # A ceiling is met by staying under it: the words follow the year the running total passes it.
        if breached is not None and breached <= TARGET_YEAR:
            verdict = Metric("结论", "未达目标", f"{breached}年超过上限", "off")
        else:
            later = "2025年前不会超过" if breached is None else f"{breached}年才超过"
            verdict = Metric("结论", "达到目标", f"未超上限；{later}", "off")
        gap_label = "与上限之差"
    else:
        reached = outcome.year_reached
        when = "2025年前不能达标" if reached is None else f"按此速度{reached}年达标"
        verdict = Metric("结论", "达到目标" if outcome.met else "未达目标", when, "off")
        gap_label = "与目标之差"
    return (
        Metric(value_label, f"{figure(outcome.value_2020, digits)}{unit}"),
        Metric(gap_label, f"{gap} {gap_unit}".strip(), relative, colour),
        verdict,
    )


def _indicator_studio(state: State, scale: float) -> Studio:
    option = options_by_id()[state.indicator]
    plan = option.plan_pace
    widget = dict(low=option.low, high=option.high, step=option.step)
    pace_label = f"（{option.pace_unit}）"
    if state.yearly:
        row_a = tuple(
            Slider(key, f"{key}_{option.indicator_id}", f"{year}年", value=page.slider_value(state, key), **widget)
            for key, year in zip(page.YEAR_KEYS, PLAN_YEARS)
        )
    else:
        row_a = (
            Slider("pace", f"pace_{option.indicator_id}", f"情景A：假设速度{pace_label}", value=page.slider_value(state, "pace"), **widget),
        )
    rows = [row_a]
    paces = [s.value for s in row_a]

    def project(chosen: list[float]) -> Outcome:
        return run(option.kind, option.direction, option.base, option.target, chosen, option.qualifier)

    outcome, needed = project(paces), project([plan])
    metric_rows = [_outcome_metrics(outcome, option, "情景A")]
    paths = {"情景A": outcome.values[:6], "完成目标所需路径": needed.values[:6]}
    if state.compare:
        slider_b = Slider(
            "pace_b", f"paceb_{option.indicator_id}", f"情景B：假设速度{pace_label}", value=page.slider_value(state, "pace_b"), **widget
        )
        # Side by side when A is one slider, so both scenarios' answers fit a projector screen.
        rows = [row_a + (slider_b,)] if len(row_a) == 1 else [row_a, (slider_b,)]
        outcome_b = project([slider_b.value])
        metric_rows.append(_outcome_metrics(outcome_b, option, "情景B"))
        paths["情景B"] = outcome_b.values[:6]
    digits = gap_decimals(outcome.gap, option.decimals, option.resolution)
    pace_digits = option.pace_decimals
    if option.base is None:  # a five-year total or cut starts from nothing in 2015
        start = f"{BASE_YEAR + 1}—{TARGET_YEAR}年累计目标：{option.target_raw}"
    else:
        start = f"{BASE_YEAR}年：{option.base_raw} {option.unit}".strip() + f"；{TARGET_YEAR}年目标：{option.target_raw}"
    caption = f"{start}；所需速度 {figure(plan, pace_digits)} {option.pace_unit}；“十二五”速度：{option.achieved_text}"
    # Built by hand: every cell is a figure or a year of ours (no data or URL text), and pandas
    # plus escaping cost more than the rest of a slider move.
    lines = [f"| 截至 | 情景值 | 剩余年份所需速度（{option.pace_unit}） |", "| --- | --- | --- |"]
    lines += [
        f"| {year}年底 | {figure(outcome.values[year - BASE_YEAR], digits)} | {figure(pace, pace_digits)} |"
        for year, pace in outcome.still_needed.items()
    ]
    frame = scenario_frame(paths, option.target, option.target_raw, digits)
    return Studio(
        section=state.section,
        slider_rows=tuple(rows),
        caption=caption,
        metric_rows=tuple(metric_rows),
        chart=Chart(
            scenario_spec(option.unit, scale, tuple(paths), title=f"情景推演：{option.name}", about=chart_about(option.label, option.unit)),
            frame,
        ),
        table_markdown="\n".join(lines),
        heading=option.name,
    )


def _control_row(state: State, keys: tuple[str, ...]) -> tuple[Slider, ...]:
    controls = page.controls()
    return tuple(
        Slider(key, key, controls[key].label, controls[key].low, controls[key].high, controls[key].step, page.slider_value(state, key))
        for key in keys
    )


def _against(gap: float, digits: int, unit: str, target_raw: str) -> tuple[str, str]:
    """A metric delta against a printed target: "+0.12 万亿元，对比目标2.5万亿元", or level with it."""
    shown = figure(gap, digits, signed=True)
    if shown == "0":
        return f"与目标持平（{target_raw}）", "off"
    return f"{shown} {unit}，对比目标{target_raw}".replace(" ，", "，"), "normal"


def chart_about(what: str, unit: str) -> str:
    """The chart's subtitle: what is drawn and in what unit (the source line follows it)."""
    return f"{what}，单位：{unit}" if unit else what


def _gdp_studio(state: State, scale: float) -> Studio:
    plan = economy.figures()
    sliders = _control_row(state, ("gdp_real", "gdp_deflator", "population"))
    real, deflator, population = (s.value for s in sliders)
    controls = page.controls()
    nominal = economy.gdp_2020(real, deflator)
    per_capita = economy.gdp_per_capita_2020(real, deflator, population)
    # Two decimals of 万亿元, one more than 2.5万亿元 prints, so a slowdown to 2.28 is not read as 2.3.
    gdp_delta, gdp_colour = _against((nominal - plan.gdp_target.value) / 10_000, 2, "万亿元", plan.gdp_target.raw)
    per_delta, per_colour = _against((per_capita - plan.gdp_per_capita_target.value) / 10_000, 2, "万元", plan.gdp_per_capita_target.raw)
    caption = (
        f"规划：实际增长{economy.real_growth_text().raw}（{plan.real_growth.place}）。规划未列价格涨幅："
        f"默认 {figure(controls['gdp_deflator'].plan, 2)}% 由 {plan.gdp_target.raw}与{plan.real_growth.raw}% 推算；"
        f"人口增速默认 {figure(controls['population'].plan, 2)}% 由“常住人口累计增加{plan.population_increase.raw}”（{plan.population_increase.place}）推算。"
    )
    paths = {"情景A": economy.gdp_path(real, deflator), "完成目标所需路径": economy.gdp_path_required()}
    return Studio(
        section=state.section,
        slider_rows=(sliders,),
        caption=caption,
        metric_rows=(
            (
                Metric("2020年地区生产总值（现价）", f"{figure(nominal / 10_000, 2)} 万亿元", gdp_delta, gdp_colour),
                Metric("2020年人均地区生产总值", f"{figure(per_capita / 10_000, 2)} 万元", per_delta, per_colour),
            ),
        ),
        chart=Chart(
            scenario_spec("亿元", scale, tuple(paths), title="情景推演：地区生产总值", about=chart_about("地区生产总值（现价）", "亿元")),
            scenario_frame(paths, plan.gdp_target.value, plan.gdp_target.raw, 0),
        ),
        heading="地区生产总值",
    )


def _income_studio(state: State, scale: float) -> Studio:
    plan = economy.figures()
    sliders = _control_row(state, ("urban_income", "rural_income", "urbanization"))
    urban, rural, urbanization = (s.value for s in sliders)
    ratio = economy.income_ratio_2020(urban, rural)
    growth = economy.average_income_growth(urban, rural, urbanization)
    ratio_delta, ratio_colour = _against(ratio - plan.income_ratio_target.value, 2, "", plan.income_ratio_target.raw)
    growth_delta, growth_colour = _against(growth - plan.income_growth_target.value, 2, "个百分点", f"{plan.income_growth_target.raw}%")
    caption = (
        f"默认增速是同时满足“城乡收入比{plan.income_ratio_target.raw}”和“常住居民人均可支配收入年均增长{plan.income_growth_target.raw}%”的一组数"
        f"（{plan.income_growth_target.place}、{plan.income_ratio_target.place}）；规划未设2020年常住人口城镇化率，默认按“十二五”"
        f"每年提高{figure(economy.urbanization_step_2011_2015(), 2)}个百分点延续。"
    )
    return Studio(
        section=state.section,
        slider_rows=(sliders,),
        caption=caption,
        metric_rows=(
            (
                Metric("2020年城乡收入比", f"{figure(ratio, 2)}∶1", ratio_delta, "off" if ratio_colour == "off" else "inverse"),
                Metric("常住居民人均可支配收入年均增速", f"{figure(growth, 2)}%", growth_delta, growth_colour),
            ),
        ),
        chart=None,
        heading="城乡收入",
    )


STUDIOS = {"任选指标": _indicator_studio, "地区生产总值": _gdp_studio, "城乡收入": _income_studio}


def share_query(state: State) -> str:
    """The query that reopens this State, percent-encoded as a browser sends it."""
    query = page.to_query(state)
    return "?" + urlencode(query, doseq=True, quote_via=quote) if query else ""


def build(state: State) -> View:
    scale = PRESENTER_SCALE if state.presenter else 1.0
    options = indicator_options()
    return View(
        title="情景推演",
        presenter_label="演示模式",
        presenter_help="大字、高对比、隐藏导航，适合投影",
        sections=page.SECTIONS,
        section_label="推演对象",
        preset_label="预设情景",
        preset_names=tuple(p.name for p in page.presets()),
        preset=page.preset_of(state),
        preset_placeholder="选择一个准备好的情景",
        reset_label="恢复规划数字",
        indicator_label="指标",
        indicator_ids=tuple(o.indicator_id for o in options),
        indicator_labels={o.indicator_id: o.label for o in options},
        yearly_label="逐年设定",
        compare_label="对比情景B",
        switches_label="推演方式",
        studio=STUDIOS[state.section](state, scale),
        share_heading="分享本情景",
        share_hint="点“复制链接”，或用手机扫码：打开的是同一个情景。",
        handout_hint="用手机扫码，或在浏览器中输入这个链接，打开同一个情景。",
        qr_caption="扫码打开本情景",
        copy_label="复制链接",
        share_query=share_query(state),
        handout_query=share_query(dataclasses.replace(state, handout=True, presenter=False)),
        studio_query=share_query(dataclasses.replace(state, handout=False)),
        handout_label="打印讲义",
        source=SOURCE,
    )
