"""情景推演: build(State) → View, plain data any renderer draws.

Every answer is a formula of formulas.py run here in Python; the View carries the formulas,
so the static edition runs the same ones in Vega. Texts are plain, the still-needed
table a Table, the chart a spec with its rows, and the share links Targets.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from lib.engine.scenario import BASE_YEAR, PLAN_YEARS, TARGET_YEAR, Outcome, run
from lib.present.blocks import Chart, Table, Target, paragraph, target
from lib.present.formula import Var, fixed
from lib.present.formula import run as run_program
from lib.present.i18n import DEFAULT, EN, N_, ZH_HANT, gettext, hant, term
from lib.present.numbers import figure
from lib.views.scenarios import formulas, words
from lib.views.scenarios import state as page
from lib.views.scenarios.catalogue import IndicatorOption, indicator_options, options_by_id
from lib.views.scenarios.chart import REQUIRED, SCENARIO_A, SCENARIO_B, chart_about, scenario_rows, scenario_spec, with_rows
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

SOURCE = N_("来源：《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）；情景为按所设速度的推算，不是预测。")
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
    local_hint: str  # under the link when it names the presenter's own machine: the room can't open it
    section_labels: dict[str, str]  # each panel's words (the sections are URL values)
    preset_labels: dict[str, str]  # each preset's words (a preset is chosen by its 简体 name)
    indicator_placeholder: str
    copied_label: str  # the copy button's word once it has copied
    handout_title: str  # 情景推演：森林覆盖率
    lang: str = DEFAULT


LOCAL_HINT = N_(
    "这个链接指向本机（localhost / 127.0.0.1），会场里的手机打不开。"
    "请把环境变量 DASHBOARD_PUBLIC_URL 设为大家能打开的网址后重新启动，"
    "或用 python -m deploy.serve 的 --public-url 选项启动。"
)


def indicator_label(option: IndicatorOption, lang: str) -> str:
    """The indicator box's words: its name, its row of 专栏2 and the other names it is searched by
    (in English only those written in Latin letters, as R&D and PM2.5)."""
    if lang == ZH_HANT:
        return hant(option.search_label)
    if lang != EN:
        return option.search_label
    _ = gettext(lang)
    label = _("{name}（专栏2·{number}）").format(name=term(option.name, "indicator", lang), number=option.number)
    latin = [alias for alias in option.aliases if alias.isascii()]
    return label + (_("（又称{aliases}）").format(aliases=_("、").join(latin)) if latin else "")


def _outcome_metrics(outcome: Outcome, option: IndicatorOption, name: str, lang: str) -> tuple[tuple[Metric, ...], int]:
    """A scenario's three answers, and the decimals its value is shown with."""
    _ = gettext(lang)
    shown = run_program(formulas.landing(option, lang), {"value": outcome.value_2020})
    relative = None
    if shown["gap_shown"] != "0" and outcome.gap_pct is not None and option.unit != "%":
        relative = figure(outcome.gap_pct, 1, signed=True)
        relative = None if relative == "0" else f"{relative}%"
    colour = "inverse" if option.direction == "lower" else "normal"
    total = option.kind in ("total", "reduction")
    value_label = (_("{name}：到{year}年累计") if total else _("{name}：{year}年")).format(name=_(name), year=TARGET_YEAR)
    if option.is_cap:
        breached = outcome.year_breached
        # A ceiling is met by staying under it: the words follow the year the running total passes it.
        if breached is not None and breached <= TARGET_YEAR:
            verdict = Metric(_("结论"), _(formulas.VERDICTS[1]), _("{year}年超过上限").format(year=breached), "off")
        else:
            later = _("2025年前不会超过") if breached is None else _("{year}年才超过").format(year=breached)
            verdict = Metric(_("结论"), _(formulas.VERDICTS[0]), _("未超上限；{later}").format(later=later), "off")
        gap_label = _("与上限之差")
    else:
        reached = outcome.year_reached
        when = _("2025年前不能达标") if reached is None else _("按此速度{year}年达标").format(year=reached)
        verdict = Metric(_("结论"), shown["verdict"], when, "off", value_field="verdict")
        gap_label = _("与目标之差")
    metrics = (
        Metric(value_label, shown["value_text"], value_field="value_text"),
        Metric(gap_label, shown["gap_text"], relative, colour, value_field="gap_text"),
        verdict,
    )
    return metrics, int(shown["digits"])


def _caption(option: IndicatorOption, lang: str) -> str:
    """Where the indicator starts and must land, the required pace and the 2011–2015 one."""
    _ = gettext(lang)
    unit = "" if option.kind == "ratio" else option.unit
    target = words.printed(option.target_raw, unit, lang)
    if option.base is None:  # a five-year total or cut starts from nothing in 2015
        start = _("{start}—{end}年累计目标：{target}").format(start=BASE_YEAR + 1, end=TARGET_YEAR, target=target)
    else:
        start = _("{base_year}年：{base}；{year}年目标：{target}").format(
            base_year=BASE_YEAR, base=words.printed(option.base_raw, unit, lang), year=TARGET_YEAR, target=target
        )
    # The required pace as 指标总览 words it (lib.engine.pace, one place); the slider starts on its
    # grid, on the side that still meets the target, which can read one step more.
    on_slider = figure(option.plan_pace, option.pace_decimals)
    same = option.required_value is not None and figure(option.required_value, option.pace_decimals) == on_slider
    required = words.pace(option.required_text, lang) + (
        "" if same else _("（滑块默认 {pace}，取刻度上达标的一侧）").format(pace=on_slider)
    )
    return _("{start}；所需速度：{required}；“十二五”速度：{achieved}").format(
        start=start, required=required, achieved=words.pace(option.achieved_text, lang)
    )


def _indicator_studio(state: State, scale: float, height: int = CHART_HEIGHT) -> Studio:
    option, lang = options_by_id()[state.indicator], state.lang
    _ = gettext(lang)
    plan = option.plan_pace
    pace_unit = words.pace_unit(option.unit, option.pace_unit, lang)
    unit = words.unit_name(option.unit, lang)

    def slider(key: str, widget_key: str, label: str) -> Slider:
        value = page.slider_value(state, key)
        decimals = shown_decimals(value, option.pace_decimals)
        return Slider(key, widget_key, label, option.low, option.high, option.step, value, decimals, _(Slider.exact_label))

    if state.yearly:
        row_a = tuple(
            slider(key, f"{key}_{option.indicator_id}", _("{year}年").format(year=year)) for key, year in zip(page.YEAR_KEYS, PLAN_YEARS)
        )
    else:
        row_a = (slider("pace", f"pace_{option.indicator_id}", _("情景A：假设速度（{unit}）").format(unit=pace_unit)),)
    rows = [row_a]

    def project(chosen: list[float]) -> Outcome:
        return run(option.kind, option.direction, option.base, option.target, chosen, option.qualifier)

    outcome, needed = project([s.value for s in row_a]), project([plan])
    metrics_a, digits = _outcome_metrics(outcome, option, SCENARIO_A, lang)
    metric_rows = [metrics_a]
    paths = {SCENARIO_A: outcome.values[:6], REQUIRED: needed.values[:6]}
    if state.compare:
        slider_b = slider("pace_b", f"paceb_{option.indicator_id}", _("情景B：假设速度（{unit}）").format(unit=pace_unit))
        # Side by side when A is one slider, so both scenarios' answers fit a projector screen.
        rows = [row_a + (slider_b,)] if len(row_a) == 1 else [row_a, (slider_b,)]
        outcome_b = project([slider_b.value])
        metric_rows.append(_outcome_metrics(outcome_b, option, SCENARIO_B, lang)[0])
        paths[SCENARIO_B] = outcome_b.values[:6]
    still_needed = Table(
        headers=(_("截至"), _("情景值"), _("剩余年份所需速度（{unit}）").format(unit=pace_unit)),
        rows=tuple(
            (_("{year}年底").format(year=year), figure(outcome.values[year - BASE_YEAR], digits), figure(pace, option.pace_decimals))
            for year, pace in outcome.still_needed.items()
        ),
    )
    name = term(option.name, "indicator", lang)
    about = chart_about(_("{name}（专栏2·{number}）").format(name=name, number=option.number), unit, lang)
    spec = scenario_spec(unit, scale, tuple(paths), height=height, title=_("情景推演：{name}").format(name=name), about=about, lang=lang)
    target_text = words.printed(option.target_raw, "" if option.kind == "ratio" else option.unit, lang)
    return Studio(
        section=state.section,
        slider_rows=tuple(rows),
        caption=paragraph(_caption(option, lang), tone="caption"),
        metric_rows=tuple(metric_rows),
        chart=Chart(with_rows(spec, scenario_rows(paths, option.target, target_text, digits, lang)), alt=spec["title"]["text"], lang=lang),
        still_needed=still_needed,
        goal=None
        if state.yearly
        else Goal(
            _("目标值：{year}年达到（{unit}）").format(year=TARGET_YEAR, unit=unit or _("比值")),
            round(outcome.value_2020, digits),
            10.0**-digits,
            digits,
            _("输入{year}年想达到的数，情景A的速度随之算出，恰好落在这个数上。").format(year=TARGET_YEAR),
        ),
        heading=name,
        program=formulas.landing(option, lang),
        paths=((_(SCENARIO_A), formulas.path(option)),),
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
    options, lang = indicator_options(), state.lang
    _ = gettext(lang)
    studio = STUDIOS[state.section](state, scale, _height(state))
    return View(
        title=_("情景推演"),
        presenter_label=_("演示模式"),
        presenter_help=_("大字、高对比、隐藏导航，适合投影"),
        sections=page.SECTIONS,
        section_label=_("推演对象"),
        preset_label=_("预设情景"),
        preset_names=tuple(p.name for p in page.presets()),
        preset=page.preset_of(state),
        preset_placeholder=_("选择一个准备好的情景"),
        reset_label=_("恢复规划数字"),
        indicator_label=_("指标"),
        indicator_ids=tuple(o.indicator_id for o in options),
        indicator_labels={o.indicator_id: indicator_label(o, lang) for o in options},
        yearly_label=_("逐年设定"),
        compare_label=_("对比情景B"),
        switches_label=_("推演方式"),
        studio=studio,
        share_heading=_("分享本情景"),
        share_hint=_("点“复制链接”，或用手机扫码：打开的是同一个情景。"),
        handout_hint=_("用手机扫码，或在浏览器中输入这个链接，打开同一个情景。"),
        qr_caption=_("扫码打开本情景"),
        qr_alt=_("本情景链接的二维码"),
        copy_label=_("复制链接"),
        share=link(state),
        handout=link(dataclasses.replace(state, handout=True, presenter=False)),
        studio_link=link(dataclasses.replace(state, handout=False)),
        handout_label=_("打印讲义"),
        source=_(SOURCE),
        local_hint=_(LOCAL_HINT),
        section_labels={section: _(section) for section in page.SECTIONS},
        preset_labels={p.name: p.label(lang) for p in page.presets()},
        indicator_placeholder=_("请选择"),
        copied_label=_("已复制"),
        handout_title=_("{title}：{heading}").format(title=_("情景推演"), heading=studio.heading),
        lang=lang,
    )
