"""情景推演: build(State) → View, plain data any renderer draws.

Every answer is a formula of formulas.py run here in Python; the View carries the formulas,
so the static edition runs the same ones in Vega. Texts are plain, the still-needed
table a Table, the chart a spec with its rows, and the share links Targets.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from lib.engine.scenario import BASE_YEAR, PLAN_YEARS, TARGET_YEAR, Outcome, run
from lib.present.blocks import Chart, Table, Target, target
from lib.present.formula import Var, fixed
from lib.present.formula import run as run_program
from lib.present.numbers import figure
from lib.views.scenarios import formulas
from lib.views.scenarios import state as page
from lib.views.scenarios.catalogue import IndicatorOption, indicator_options, options_by_id
from lib.views.scenarios.chart import chart_about, scenario_rows, scenario_spec, with_rows
from lib.views.scenarios.panels import (
    CHART_HEIGHT,
    HANDOUT_HEIGHT,
    PRESENTER_HEIGHTS,
    Goal,
    Metric,
    Slider,
    Studio,
    gdp_studio,
    income_studio,
    shown_decimals,
)
from lib.views.scenarios.state import State

__all__ = ["Metric", "Slider", "Studio", "View", "build", "link"]  # bake/studio.py reads the parts from here

SOURCE = "来源：《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）；情景为按所设速度的推算，不是预测。"
PRESENTER_SCALE = 1.6  # chart type and marks in presenter mode


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
    qr_alt: str  # what a screen reader says for the code: the caption under it is read separately
    copy_label: str
    share: Target  # this State, as a link
    handout: Target  # the same State as a printable page
    studio_link: Target  # what a handout links to: the same State, open in the studio
    handout_label: str
    source: str
    # Shown under the link when it names the presenter's own machine: the room can't open it.
    local_hint: str = (
        "这个链接指向本机（localhost / 127.0.0.1），会场里的手机打不开。"
        "请把环境变量 DASHBOARD_PUBLIC_URL 设为大家能打开的网址后重新启动，"
        "或用 python -m deploy.serve 的 --public-url 选项启动。"
    )


def _outcome_metrics(outcome: Outcome, option: IndicatorOption, name: str) -> tuple[tuple[Metric, ...], int]:
    """A scenario's three answers, and the decimals its value is shown with."""
    shown = run_program(formulas.landing(option), {"value": outcome.value_2020})
    relative = None
    if shown["gap_shown"] != "0" and outcome.gap_pct is not None and option.unit != "%":
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
        verdict = Metric("结论", shown["verdict"], when, "off", value_field="verdict")
        gap_label = "与目标之差"
    metrics = (
        Metric(value_label, shown["value_text"], value_field="value_text"),
        Metric(gap_label, shown["gap_text"], relative, colour, value_field="gap_text"),
        verdict,
    )
    return metrics, int(shown["digits"])


def _indicator_studio(state: State, scale: float, height: int = CHART_HEIGHT) -> Studio:
    option = options_by_id()[state.indicator]
    plan = option.plan_pace
    pace_label = f"（{option.pace_unit}）"

    def slider(key: str, widget_key: str, label: str) -> Slider:
        value = page.slider_value(state, key)
        return Slider(key, widget_key, label, option.low, option.high, option.step, value, shown_decimals(value, option.pace_decimals))

    if state.yearly:
        row_a = tuple(slider(key, f"{key}_{option.indicator_id}", f"{year}年") for key, year in zip(page.YEAR_KEYS, PLAN_YEARS))
    else:
        row_a = (slider("pace", f"pace_{option.indicator_id}", f"情景A：假设速度{pace_label}"),)
    rows = [row_a]

    def project(chosen: list[float]) -> Outcome:
        return run(option.kind, option.direction, option.base, option.target, chosen, option.qualifier)

    outcome, needed = project([s.value for s in row_a]), project([plan])
    metrics_a, digits = _outcome_metrics(outcome, option, "情景A")
    metric_rows = [metrics_a]
    paths = {"情景A": outcome.values[:6], "完成目标所需路径": needed.values[:6]}
    if state.compare:
        slider_b = slider("pace_b", f"paceb_{option.indicator_id}", f"情景B：假设速度{pace_label}")
        # Side by side when A is one slider, so both scenarios' answers fit a projector screen.
        rows = [row_a + (slider_b,)] if len(row_a) == 1 else [row_a, (slider_b,)]
        outcome_b = project([slider_b.value])
        metric_rows.append(_outcome_metrics(outcome_b, option, "情景B")[0])
        paths["情景B"] = outcome_b.values[:6]
    pace_digits = option.pace_decimals
    if option.base is None:  # a five-year total or cut starts from nothing in 2015
        start = f"{BASE_YEAR + 1}—{TARGET_YEAR}年累计目标：{option.target_text}"
    else:
        start = (
            f"{BASE_YEAR}年：{option.base_raw}{'' if option.kind == 'ratio' else option.unit}；{TARGET_YEAR}年目标：{option.target_text}"
        )
    # The required pace as 指标总览 words it (lib.engine.pace, one place); the slider starts on its
    # grid, on the side that still meets the target, which can read one step more.
    on_slider = figure(plan, pace_digits)
    same = option.required_value is not None and figure(option.required_value, pace_digits) == on_slider
    required = option.required_text + ("" if same else f"（滑块默认 {on_slider}，取刻度上达标的一侧）")
    caption = f"{start}；所需速度：{required}；“十二五”速度：{option.achieved_text}"
    still_needed = Table(
        headers=("截至", "情景值", f"剩余年份所需速度（{option.pace_unit}）"),
        rows=tuple(
            (f"{year}年底", figure(outcome.values[year - BASE_YEAR], digits), figure(pace, pace_digits))
            for year, pace in outcome.still_needed.items()
        ),
    )
    spec = scenario_spec(
        option.unit, scale, tuple(paths), height=height, title=f"情景推演：{option.name}", about=chart_about(option.label, option.unit)
    )
    return Studio(
        section=state.section,
        slider_rows=tuple(rows),
        caption=caption,
        metric_rows=tuple(metric_rows),
        chart=Chart(with_rows(spec, scenario_rows(paths, option.target, option.target_text, digits)), alt=spec["title"]["text"]),
        still_needed=still_needed,
        goal=None
        if state.yearly
        else Goal(
            f"目标值：{TARGET_YEAR}年达到（{option.unit or '比值'}）",
            round(outcome.value_2020, digits),
            10.0**-digits,
            digits,
            f"输入{TARGET_YEAR}年想达到的数，情景A的速度随之算出，恰好落在这个数上。",
        ),
        heading=option.name,
        program=formulas.landing(option),
        paths=(("情景A", formulas.path(option)),),
        shown=fixed(Var("value"), Var("digits")),
    )


STUDIOS = {"任选指标": _indicator_studio, "地区生产总值": gdp_studio, "城乡收入": income_studio}


def link(state: State) -> Target:
    """The Target that reopens this State."""
    return target("scenarios", page.to_query(state))


def _height(state: State) -> int:
    if state.presenter:
        return PRESENTER_HEIGHTS[state.section == page.SECTIONS[0] and state.yearly]
    return HANDOUT_HEIGHT if state.handout else CHART_HEIGHT


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
        indicator_labels={o.indicator_id: o.search_label for o in options},
        yearly_label="逐年设定",
        compare_label="对比情景B",
        switches_label="推演方式",
        studio=STUDIOS[state.section](state, scale, _height(state)),
        share_heading="分享本情景",
        share_hint="点“复制链接”，或用手机扫码：打开的是同一个情景。",
        handout_hint="用手机扫码，或在浏览器中输入这个链接，打开同一个情景。",
        qr_caption="扫码打开本情景",
        qr_alt="本情景链接的二维码",
        copy_label="复制链接",
        share=link(state),
        handout=link(dataclasses.replace(state, handout=True, presenter=False)),
        studio_link=link(dataclasses.replace(state, handout=False)),
        handout_label="打印讲义",
        source=SOURCE,
    )
