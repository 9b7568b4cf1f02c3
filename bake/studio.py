"""The studio's 地区生产总值 and 城乡收入 panels on the baked GDP and income pages.

The app moves these with sliders of their own (lib/views/scenarios/studio.py, not
the one-pace slider of bake.charts.pace_spec): real growth × prices (and
population for per-capita GDP), urban and rural income growth (and the 2020
urbanization rate). Here the same sliders are Vega-Lite params bound to range
inputs, and lib.engine.economy's arithmetic is written as Vega expressions, each
figure rounded as lib.present.figures.figure does; the labels, ranges, plan values and
caption are the studio View's own. tests/test_bake.py evaluates the shipped
expressions over a grid of slider values against lib.engine.economy and the View.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

from bake import charts
from lib.engine import economy
from lib.engine.rates import YEARS
from lib.engine.scenario import BASE_YEAR, TARGET_YEAR
from lib.views import scenarios
from lib.views.scenarios import studio as scenario_studio

GDP, INCOMES = scenarios.SECTIONS[1], scenarios.SECTIONS[2]  # 地区生产总值, 城乡收入
# The indicator pages each panel stands on: the levels and rates it moves or answers.
PAGES = {
    "t1_gdp": GDP,
    "t1_gdp_per_capita": GDP,
    "t2_gdp_growth": GDP,
    "t1_urban_income": INCOMES,
    "t1_rural_income": INCOMES,
    "t2_income_growth": INCOMES,
    "t2_urban_rural_income_ratio": INCOMES,
}
# lib.views.scenarios.studio shows every panel figure with two decimals, in 万亿元 and 万元.
DIGITS = 2
WAN_YI = economy.UNIT_FACTORS["万亿元"]  # 亿元 per 万亿元
WAN = economy.UNIT_FACTORS["万元"]  # 元 per 万元
NOISE_DIGITS = 10  # lib.present.figures.figure drops float noise at 10 decimals first
SCENARIO = "情景A"  # the studio chart's name for the sliders' path (lib.views.scenarios.chart)
ROW = 22  # px between the answer lines above the chart
INDENT = -60  # px: the answers start under the title, over the y axis, so a phone fits their width


@dataclass(frozen=True)
class Panel:
    section: str
    heading: str  # "情景推演：地区生产总值", the studio chart's title
    caption: str  # the studio's caption: where each default comes from
    sliders: tuple[scenario_studio.Slider, ...]
    spec: dict  # Vega-Lite, params bound to range inputs


def _literal(text: str) -> str:
    """A Vega string literal (the plan's words hold no quote or backslash; checked)."""
    if "'" in text or "\\" in text:
        raise ValueError(f"cannot quote {text!r}")
    return f"'{text}'"


def rounded(field: str, out: str, decimals: int = DIGITS, signed: bool = False) -> list[dict]:
    """datum[field] as lib.present.figures.figure(value, decimals, signed) prints it, into datum[out].

    As bake.charts.shown_expressions: noise dropped at 10 decimals, half away from
    zero, "0" for nothing; the sign is written by hand, since Vega's format() writes
    a negative with U+2212 where figure writes an ASCII "-".
    """
    units = f"round(abs(round(datum.{field} * pow(10, {NOISE_DIGITS}))) / pow(10, {NOISE_DIGITS - decimals}))"
    sign = f"datum.{field} < 0 ? '-' : " + ("'+'" if signed else "''")
    shown = f"datum.{out}_units == 0 ? '0' : datum.{out}_sign + format(datum.{out}_units / pow(10, {decimals}), '.{decimals}f')"
    return [
        {"calculate": units, "as": f"{out}_units"},
        {"calculate": sign, "as": f"{out}_sign"},
        {"calculate": shown, "as": out},
    ]


def against(gap_field: str, out: str, unit: str, target_raw: str) -> list[dict]:
    """scenario_studio._against: "+0.12 万亿元，对比目标2.5万亿元", or "与目标持平（2.5万亿元）"."""
    suffix = f" {unit}，对比目标{target_raw}".replace(" ，", "，")
    words = f"datum.{out}_shown == '0' ? {_literal(f'与目标持平（{target_raw}）')} : datum.{out}_shown + {_literal(suffix)}"
    return [*rounded(gap_field, f"{out}_shown", signed=True), {"calculate": words, "as": out}]


def _metric_text(field: str, row: int, big: bool) -> dict:
    """One line of the answers, above the plot (negative y: the title moves up to make room)."""
    return {
        "mark": {
            "type": "text",
            "align": "left",
            "baseline": "top",
            "x": INDENT,
            "y": -ROW * (4 - row) - 8,
            "fontSize": 15 if big else 13,
            "fontWeight": "bold" if big else "normal",
            "color": "#1a1a1a" if big else "#555555",
        },
        "encoding": {"text": {"field": field, "type": "nominal"}},
    }


def _answers(transforms: list[dict], lines: tuple[tuple[str, bool], ...]) -> dict:
    return {
        "data": {"values": [{"year": TARGET_YEAR}]},
        "transform": transforms,
        "layer": [_metric_text(field, row, big) for row, (field, big) in enumerate(lines)],
        "name": "answers",
    }


def _params(sliders) -> list[dict]:
    return [
        {"name": s.key, "value": s.value, "bind": {"input": "range", "min": s.low, "max": s.high, "step": s.step, "name": s.label}}
        for s in sliders
    ]


def _gdp_factor() -> str:
    """lib.engine.economy.gdp_path's yearly factor: real growth × price rise."""
    return "(1 + gdp_real / 100) * (1 + gdp_deflator / 100)"


def _gdp_spec(view: scenario_studio.View) -> dict:
    plan = economy.figures()
    studio = view.studio
    ((gdp, per_capita),) = studio.metric_rows
    spec = copy.deepcopy(studio.chart.spec)
    spec["params"] = _params(studio.slider_rows[0])
    spec["data"] = {"values": studio.chart.data.to_dict("records")}
    # The sliders' path replaces 情景A's numbers; the required path and the target stay lib's.
    path = [
        {"calculate": _gdp_factor(), "as": "factor"},
        {
            "calculate": f"datum.series == '{SCENARIO}' ? {plan.gdp_2015.value!r} * pow(datum.factor, datum.year - {BASE_YEAR}) : datum.value",
            "as": "value",
        },
        *rounded("value", "shown", decimals=0),
    ]
    for layer in spec["layer"]:  # every layer of the app's chart reads the one dataset; the target's rows pass unchanged
        layer["transform"] = path + layer.get("transform", [])
    answers = [
        {"calculate": _gdp_factor(), "as": "gdp_factor"},
        {"calculate": f"{plan.gdp_2015.value!r} * pow(datum.gdp_factor, {YEARS})", "as": "gdp"},
        {"calculate": f"datum.gdp / {WAN_YI}", "as": "gdp_wan_yi"},
        *rounded("gdp_wan_yi", "gdp_value"),
        {"calculate": f"{_literal(gdp.label + '：')} + datum.gdp_value + ' 万亿元'", "as": "gdp_line"},
        {"calculate": f"(datum.gdp - {plan.gdp_target.value!r}) / {WAN_YI}", "as": "gdp_gap"},
        *against("gdp_gap", "gdp_delta", "万亿元", plan.gdp_target.raw),
        {"calculate": "(1 + gdp_real / 100) * (1 + gdp_deflator / 100) / (1 + population / 100)", "as": "per_capita_factor"},
        {"calculate": f"{plan.gdp_per_capita_2015.value!r} * pow(datum.per_capita_factor, {YEARS})", "as": "per_capita"},
        {"calculate": f"datum.per_capita / {WAN}", "as": "per_capita_wan"},
        *rounded("per_capita_wan", "per_capita_value"),
        {"calculate": f"{_literal(per_capita.label + '：')} + datum.per_capita_value + ' 万元'", "as": "per_capita_line"},
        {"calculate": f"(datum.per_capita - {plan.gdp_per_capita_target.value!r}) / {WAN}", "as": "per_capita_gap"},
        *against("per_capita_gap", "per_capita_delta", "万元", plan.gdp_per_capita_target.raw),
    ]
    spec["layer"].append(
        _answers(answers, (("gdp_line", True), ("gdp_delta", False), ("per_capita_line", True), ("per_capita_delta", False)))
    )
    return spec


def _income(which: str, growth: str) -> str:
    """lib.engine.economy's income in 2020: the 2015 figure × (1 + growth/100)^5."""
    return f"{which!r} * pow(1 + {growth} / 100, {YEARS})"


def _income_spec(view: scenario_studio.View) -> dict:
    plan = economy.figures()
    studio = view.studio
    ((ratio, growth),) = studio.metric_rows
    urban_2015, rural_2015, share_2015 = plan.urban_income_2015.value, plan.rural_income_2015.value, plan.urbanization_2015.value
    answers = [
        {"calculate": _income(urban_2015, "urban_income"), "as": "urban"},
        {"calculate": _income(rural_2015, "rural_income"), "as": "rural"},
        {"calculate": "datum.urban / datum.rural", "as": "ratio"},
        *rounded("ratio", "ratio_value"),
        {"calculate": f"{_literal(ratio.label + '：')} + datum.ratio_value + '∶1'", "as": "ratio_line"},
        {"calculate": f"datum.ratio - {plan.income_ratio_target.value!r}", "as": "ratio_gap"},
        *against("ratio_gap", "ratio_delta", "", plan.income_ratio_target.raw),
        # average_income_growth: the resident average weighted by where people live, 2015 and 2020
        {"calculate": f"{share_2015!r} / 100 * {urban_2015!r} + (1 - {share_2015!r} / 100) * {rural_2015!r}", "as": "average_2015"},
        {"calculate": "urbanization / 100 * datum.urban + (1 - urbanization / 100) * datum.rural", "as": "average_2020"},
        {"calculate": f"(pow(datum.average_2020 / datum.average_2015, 1 / {YEARS}) - 1) * 100", "as": "growth"},
        *rounded("growth", "growth_value"),
        {"calculate": f"{_literal(growth.label + '：')} + datum.growth_value + '%'", "as": "growth_line"},
        {"calculate": f"datum.growth - {plan.income_growth_target.value!r}", "as": "growth_gap"},
        *against("growth_gap", "growth_delta", "个百分点", f"{plan.income_growth_target.raw}%"),
    ]
    years = range(BASE_YEAR, TARGET_YEAR + 1)
    names = {"urban_path": "城镇居民收入", "rural_path": "农村居民收入"}  # the sliders' words (城镇/农村居民收入增速)
    x = {
        "field": "year",
        "type": "quantitative",
        "title": "年份",
        "axis": {"format": "d", "values": list(years)},
        "scale": {"domain": [BASE_YEAR - 0.2, TARGET_YEAR + 0.2]},
    }
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": list(names.values()), "range": ["#0072B2", "#009E73"]},
    }
    paths = {
        "data": {"values": [{"year": year} for year in years]},
        "transform": [
            {"calculate": f"{urban_2015!r} * pow(1 + urban_income / 100, datum.year - {BASE_YEAR})", "as": "urban_path"},
            {"calculate": f"{rural_2015!r} * pow(1 + rural_income / 100, datum.year - {BASE_YEAR})", "as": "rural_path"},
            {"fold": list(names), "as": ["key", "value"]},
            {"calculate": f"datum.key == 'urban_path' ? '{names['urban_path']}' : '{names['rural_path']}'", "as": "series"},
        ],
        "mark": {"type": "line", "strokeWidth": 4, "point": {"filled": True, "size": 80}},
        "encoding": {"x": x, "y": {"field": "value", "type": "quantitative", "title": "元", "scale": {"zero": False}}, "color": colour},
    }
    return {
        "$schema": f"https://vega.github.io/schema/vega-lite/v{charts.VEGA_LITE_VERSION.split('.')[0]}.json",
        "title": {"text": f"情景推演：{studio.heading}", "subtitle": scenario_studio.chart_about("城镇、农村居民人均可支配收入", "元")},
        "height": 300,
        "params": _params(studio.slider_rows[0]),
        "layer": [paths, _answers(answers, (("ratio_line", True), ("ratio_delta", False), ("growth_line", True), ("growth_delta", False)))],
        "config": {
            "font": "sans-serif",
            "axis": {"labelFontSize": 13, "titleFontSize": 13},
            "legend": {"orient": "bottom", "labelFontSize": 13},
            "title": {"anchor": "start", "fontSize": 17},
        },
    }


@functools.cache
def studio_view(section: str) -> scenario_studio.View:
    """The studio at the plan's values: the page the app opens for this panel."""
    return scenario_studio.build(scenarios.State(section=section))


@functools.cache
def panel(section: str) -> Panel:
    view = studio_view(section)
    spec = _gdp_spec(view) if section == GDP else _income_spec(view)
    return Panel(section, f"情景推演：{view.studio.heading}", view.studio.caption, view.studio.slider_rows[0], spec)
