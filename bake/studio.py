"""The studio's 地区生产总值 and 城乡收入 panels on the baked GDP and income pages.

The app moves these with sliders of their own (lib/views/scenarios/studio.py, not
the one-pace slider of bake.charts.pace_spec): real growth × prices (and
population for per-capita GDP), urban and rural income growth (and the 2020
urbanization rate). Here the same sliders are Vega-Lite params bound to range
inputs, and the answers are the studio View's own formulas (``Studio.program``,
``Studio.paths``: lib/views/scenarios/formulas.py) turned into Vega expressions
by lib.present.formula, so the arithmetic, the rounding and the words are the
app's by construction; the labels, ranges, plan values and caption are the View's
too. tests/browser/test_formula_in_vega.py runs them through the vendored Vega.

Only Views and presentation helpers are read here (lib.views, lib.present).
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

from bake import charts
from lib.present import readout as chart_readout
from lib.present.blocks import Paragraph
from lib.present.formula import Expr, Var, compare, concat, cond, transforms
from lib.present.i18n import ZH_CN, gettext, term
from lib.views import scenarios
from lib.views.scenarios import chart as scenario_chart
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
SCENARIO = "情景A"  # the studio chart's name for the sliders' path (lib.views.scenarios.chart)
ROW = 22  # px between the answer lines above the chart
INDENT = -60  # px: the answers start under the title, over the y axis, so a phone fits their width


@dataclass(frozen=True)
class Panel:
    section: str  # the studio's section (its 简体 name, a URL value)
    heading: str  # "情景推演：地区生产总值", the studio chart's title
    caption: Paragraph  # the studio's caption: where each default comes from, the plan's words marked
    sliders: tuple[scenario_studio.Slider, ...]
    spec: dict  # Vega-Lite, params bound to range inputs
    lang: str = ZH_CN  # the words' language: every label, answer and chart word is the studio View's in it


def answer_lines(studio: scenario_studio.Studio, lang: str = ZH_CN) -> tuple[tuple[str, Expr, bool], ...]:
    """The answers as the app shows them, one line each: (field, formula, big): "label：value", then its delta."""
    _ = gettext(lang)
    lines = []
    for metric in studio.metric_rows[0]:
        lines.append((f"{metric.value_field}_line", concat(_("{label}：").format(label=metric.label), Var(metric.value_field)), True))
        if metric.delta_field:
            lines.append((f"{metric.delta_field}_line", Var(metric.delta_field), False))
    return tuple(lines)


def answer_transforms(studio: scenario_studio.Studio, lang: str = ZH_CN) -> list[dict]:
    """The studio's program, then its answer lines, as Vega-Lite calculate transforms (the sliders are signals)."""
    signals = [slider.key for slider in studio.slider_rows[0]]
    return transforms((*studio.program, *((field, formula) for field, formula, _big in answer_lines(studio, lang))), signals)


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


def _answers(studio: scenario_studio.Studio, lang: str = ZH_CN) -> dict:
    return {
        "data": {"values": [{"year": scenarios.YEARS[1]}]},
        "transform": answer_transforms(studio, lang),
        "layer": [_metric_text(field, row, big) for row, (field, _formula, big) in enumerate(answer_lines(studio, lang))],
        "name": "answers",
    }


def _params(sliders) -> list[dict]:
    return [
        {"name": s.key, "value": s.value, "bind": {"input": "range", "min": s.low, "max": s.high, "step": s.step, "name": s.label}}
        for s in sliders
    ]


def path_transforms(studio: scenario_studio.Studio) -> list[dict]:
    """The sliders' path replaces 情景A's numbers; the required path and the target rows pass unchanged."""
    signals = [slider.key for slider in studio.slider_rows[0]]
    ((name, formula),) = studio.paths
    moved = cond(compare("==", Var("series"), name), formula, Var("value"))
    return transforms((("value", moved), ("shown", studio.shown)), signals)


def _gdp_spec(view: scenario_studio.View) -> dict:
    studio = view.studio
    spec = copy.deepcopy(dict(studio.chart.spec))  # the app's chart, its rows inline (one named dataset)
    spec["params"] = _params(studio.slider_rows[0])
    path = path_transforms(studio)
    for layer in spec["layer"]:  # every layer of the app's chart reads the one dataset
        layer["transform"] = path + layer.get("transform", [])
    spec["layer"].append(_answers(studio, view.lang))
    return spec


def income_path_transforms(studio: scenario_studio.Studio) -> list[dict]:
    """Each income's path, in a row's year, then one row per income (fold): series and value."""
    signals = [slider.key for slider in studio.slider_rows[0]]
    names = [name for name, _formula in studio.paths]
    return [*transforms(studio.paths, signals), {"fold": names, "as": ["series", "value"]}]


def _income_spec(view: scenario_studio.View) -> dict:
    studio, lang = view.studio, view.lang
    _ = gettext(lang)
    names = [name for name, _formula in studio.paths]  # the sliders' words (城镇/农村居民收入增速)
    first, last = scenarios.YEARS
    years = list(range(first, last + 1))
    x = {
        "field": "year",
        "type": "quantitative",
        "title": _("年份"),
        "axis": {"format": "d", "values": years},
        "scale": {"domain": [first - 0.2, last + 0.2]},
    }
    colour = {"field": "series", "type": "nominal", "title": None, "scale": {"domain": names, "range": ["#0072B2", "#009E73"]}}
    paths = {
        "data": {"values": [{"year": year} for year in years]},
        "transform": income_path_transforms(studio),
        "mark": {"type": "line", "strokeWidth": 4, "point": {"filled": True, "size": 80}},
        "encoding": {
            "x": x,
            "y": {"field": "value", "type": "quantitative", "title": term("元", "unit", lang), "scale": {"zero": False}},
            "color": colour,
        },
    }
    about = scenario_chart.chart_about(_("城镇、农村居民人均可支配收入"), term("元", "unit", lang), lang)
    return {
        "$schema": f"https://vega.github.io/schema/vega-lite/v{charts.VEGA_LITE_VERSION.split('.')[0]}.json",
        "title": {"text": _("情景推演：{name}").format(name=studio.heading), "subtitle": about},
        "height": 300,
        "params": _params(studio.slider_rows[0]),
        "layer": [paths, _answers(studio, lang)],
        "config": {
            "font": "sans-serif",
            "axis": {"labelFontSize": 13, "titleFontSize": 13},
            "legend": {"orient": "bottom", "labelFontSize": 13},
            "title": {"anchor": "start", "fontSize": 17},
        },
    }


@functools.cache
def studio_view(section: str, lang: str = ZH_CN) -> scenario_studio.View:
    """The studio at the plan's values, in ``lang``: the page the app opens for this panel."""
    return scenarios.build(scenarios.State(section=section, lang=lang))


@functools.cache
def panel(section: str, lang: str = ZH_CN) -> Panel:
    """The panel of ``section`` in ``lang`` (the indicator page baked in that language passes its own)."""
    view = studio_view(section, lang)
    spec = _gdp_spec(view) if section == GDP else _income_spec(view)
    heading = gettext(lang)("情景推演：{name}").format(name=view.studio.heading)
    return Panel(section, heading, view.studio.caption, view.studio.slider_rows[0], spec, lang)


def readout(panel: Panel, vega: dict) -> chart_readout.Readout | None:
    """The panel's keyboard readout: the app's chart at the plan's values, following the live
    chart's points. 城乡收入 has no chart in the app and no printed figure per point: none."""
    chart = studio_view(panel.section, panel.lang).studio.chart
    return None if chart is None else chart_readout.following(chart_readout.read(chart), charts.point_sources(vega))
