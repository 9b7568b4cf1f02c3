"""情景推演's parts (Slider, Metric, Studio) and its two fixed panels: 地区生产总值 and 城乡收入.

Each panel's answers are a program of formulas.py (the static edition runs the same one in Vega).
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.engine import economy
from lib.plan.yearly import reported_growth
from lib.present.blocks import Chart, Paragraph, Table, paragraph, quoting
from lib.present.formula import Expr, Program, Var, fixed
from lib.present.formula import run as run_program
from lib.present.i18n import N_, gettext
from lib.present.numbers import figure, step_decimals
from lib.views.scenarios import formulas, words
from lib.views.scenarios import state as page
from lib.views.scenarios.chart import REPORTED, REQUIRED, SCENARIO_A, chart_about, scenario_rows, scenario_spec, with_rows
from lib.views.scenarios.state import State

CHART_HEIGHT = 380  # px before the presenter's scale
# Presenter mode, × 1.6: the answer and the chart on one 1280×720 screen under one row of sliders
# (448 px; Streamlit fits the title, subtitle, axes and legend inside it, so the plot gets what is
# left) or under the five year-by-year sliders and their fields (368 px; B's row goes under the chart).
PRESENTER_HEIGHTS = (280, 230)
HANDOUT_HEIGHT = 320  # px: the chart, the answers, the working and the link with its QR on one A4 page


def shown_decimals(value: float, fewest: int, most: int = formulas.SOLVED_DECIMALS) -> int:
    """The digits a slider's figure needs to be its value: 0.094 shows as 0.094, never as 0.09."""
    return next((d for d in range(fewest, most) if abs(round(value, d) - value) < 1e-9), most)


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    delta: str | None = None
    delta_color: str = "normal"  # "normal": up is good; "inverse": down is good; "off": neither
    value_field: str = ""  # the Studio.program steps that write value and delta ("" where none does)
    delta_field: str = ""

    @property
    def arrow(self) -> str:
        return "off" if self.delta_color == "off" else "auto"


@dataclass(frozen=True)
class Slider:
    key: str  # the State's URL key; also what changes() takes and the formulas' name for it
    widget_key: str  # the widget's session key, one per indicator so ranges never clash
    label: str
    low: float
    high: float
    step: float
    value: float
    decimals: int = 2  # the figure on the slider and in its number field: every digit the value has
    exact_label: str = N_("精确值")  # the number field beside the slider (the View gives it in the page's language)

    @property
    def exact_decimals(self) -> int:
        """The number field takes one digit finer than the slider's step (0.094 on a 0.01 slider)."""
        return max(self.decimals, step_decimals(self.step) + 1)


@dataclass(frozen=True)
class Goal:
    """The “目标值” entry: a 2020 value typed in; the page writes the pace that lands on it
    (formulas.pace_for) as scenario A's."""

    label: str
    value: float  # scenario A's 2020 value, at the digits shown
    step: float
    decimals: int
    help: str


@dataclass(frozen=True)
class Studio:
    section: str
    slider_rows: tuple[tuple[Slider, ...], ...]  # one row of columns each
    caption: Paragraph  # where each default comes from; the plan's words quoted as printed
    metric_rows: tuple[tuple[Metric, ...], ...]
    chart: Chart | None  # the spec with its rows inline
    still_needed: Table | None = None  # the pace still needed, year by year (indicator panel only)
    goal: Goal | None = None  # the “目标值” entry (indicator panel, one pace)
    heading: str = ""  # what the studio shows, for the handout
    # As formulas, for the static edition to run in Vega: the answers, from the sliders (or an
    # indicator's 2020 ``value``) to each Metric's fields; each drawn scenario's value in a row's
    # ``year``; a row's tooltip text.
    program: Program = ()
    paths: tuple[tuple[str, Expr], ...] = ()
    shown: Expr | None = None


def _control_row(state: State, keys: tuple[str, ...]) -> tuple[Slider, ...]:
    controls = page.controls()
    _ = gettext(state.lang)
    return tuple(
        Slider(
            key,
            key,
            _(controls[key].label),
            controls[key].low,
            controls[key].high,
            controls[key].step,
            page.slider_value(state, key),
            shown_decimals(page.slider_value(state, key), step_decimals(controls[key].step)),
            _(Slider.exact_label),
        )
        for key in keys
    )


def _panel_metrics(program: Program, sliders: tuple[Slider, ...], labels: dict[str, str]) -> tuple[Metric, ...]:
    """The panel's answers, each the program's ``<name>_value`` and ``<name>_delta``."""
    shown = run_program(program, {s.key: s.value for s in sliders})
    return tuple(
        Metric(label, shown[f"{name}_value"], shown[f"{name}_delta"], shown[f"{name}_colour"], f"{name}_value", f"{name}_delta")
        for name, label in labels.items()
    )


def reported_path() -> list[float]:
    """GDP 2015–2020 at the reported real growth of each year and the plan's implied price rise
    (the default of the 价格指数涨幅 slider), so it parts from 情景A only where the growth does;
    fixed, so the static edition draws it as it is. Empty unless all five years are read."""
    index = economy.reported_real_index()
    rise = 1 + page.controls()["gdp_deflator"].plan / 100
    return [economy.figures().gdp_2015.value * level * rise**k for k, level in enumerate(index)]


def gdp_studio(state: State, scale: float, height: int = CHART_HEIGHT) -> Studio:
    plan, lang = economy.figures(), state.lang
    _ = gettext(lang)
    sliders = _control_row(state, ("gdp_real", "gdp_deflator", "population"))
    real, deflator = sliders[0].value, sliders[1].value
    controls = page.controls()
    program = formulas.gdp_program(lang)
    labels = {"gdp": _("2020年地区生产总值（现价）"), "per_capita": _("2020年人均地区生产总值")}
    default_rise = figure(controls["gdp_deflator"].plan, 2)
    # The plan's words stay as printed, in 简体, in 繁體 too, marked so (English words its own sentence).
    said = _(
        "规划：实际增长{growth}（{place}）。规划未列价格涨幅：默认 {rise}% 由 {gdp}与{real}% 推算；"
        "人口增速默认 {population}% 由“{increase_quote}”（{increase_place}）推算。"
    )
    caption = quoting(
        said,
        lang,
        {"increase_quote": f"常住人口累计增加{plan.population_increase.raw}"},
        tone="caption",
        growth=words.plan_figure(economy.real_growth_text().raw, lang),
        place=words.place(plan.real_growth.place, lang),
        rise=default_rise,
        gdp=words.plan_figure(plan.gdp_target.raw, lang),
        real=plan.real_growth.raw,
        population=figure(controls["population"].plan, 2),
        increase=words.plan_figure(plan.population_increase.raw, lang),
        increase_place=words.place(plan.population_increase.place, lang),
    )
    paths = {SCENARIO_A: economy.gdp_path(real, deflator), REQUIRED: economy.gdp_path_required()}
    reported = reported_path()
    if reported:
        paths[REPORTED] = reported
        years = reported_growth()
        reported_words = _("{reported}：各年实际增长{rates}（{start}—{end}年），价格涨幅按默认 {rise}% 折成现价。").format(
            reported=_(REPORTED),
            rates=_("、").join(f"{figure(rate, 1)}%" for _year, rate, _source in years),
            start=years[0][0],
            end=years[-1][0],
            rise=default_rise,
        )
        caption = paragraph(*caption.parts, reported_words, tone="caption")
    title = _("情景推演：{name}").format(name=_("地区生产总值"))
    unit = words.unit_name("亿元", lang)
    spec = scenario_spec(
        unit, scale, tuple(paths), height=height, title=title, about=chart_about(_("地区生产总值（现价）"), unit, lang), lang=lang
    )
    rows = scenario_rows(paths, plan.gdp_target.value, words.plan_figure(plan.gdp_target.raw, lang), 0, lang)
    return Studio(
        section=state.section,
        slider_rows=(sliders,),
        caption=caption,
        metric_rows=(_panel_metrics(program, sliders, labels),),
        chart=Chart(with_rows(spec, rows), alt=spec["title"]["text"], lang=lang),
        heading=_("地区生产总值"),
        program=program,
        paths=formulas.gdp_paths(lang),
        shown=fixed(Var("value"), 0),
    )


def income_studio(state: State, scale: float, height: int = CHART_HEIGHT) -> Studio:
    plan, lang = economy.figures(), state.lang
    _ = gettext(lang)
    sliders = _control_row(state, ("urban_income", "rural_income", "urbanization"))
    program = formulas.income_program(lang)
    labels = {"ratio": _("2020年城乡收入比"), "growth": _("常住居民人均可支配收入年均增速")}
    said = _(
        "默认增速是同时满足“{ratio_quote}”和“{growth_quote}”的一组数（{places}）；"
        "规划未设2020年常住人口城镇化率，默认按“十二五”每年提高{step}个百分点延续。"
    )
    quotes = {
        "ratio_quote": f"城乡收入比{plan.income_ratio_target.raw}",
        "growth_quote": f"常住居民人均可支配收入年均增长{plan.income_growth_target.raw}%",
    }
    caption = quoting(
        said,
        lang,
        quotes,
        tone="caption",
        ratio=words.plan_figure(plan.income_ratio_target.raw, lang),
        growth=plan.income_growth_target.raw,
        places=words.place(f"{plan.income_growth_target.place}、{plan.income_ratio_target.place}", lang),
        step=figure(economy.urbanization_step_2011_2015(), 2),
    )
    return Studio(
        section=state.section,
        slider_rows=(sliders,),
        caption=caption,
        metric_rows=(_panel_metrics(program, sliders, labels),),
        chart=None,
        heading=_("城乡收入"),
        program=program,
        paths=formulas.income_paths(lang),
        shown=fixed(Var("value"), 0),
    )
