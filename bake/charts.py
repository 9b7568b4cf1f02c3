"""Charts for the baked pages: the Views' own Vega-Lite specs (rows inline), drawn twice.

Once at bake time to SVG (vl-convert), so a page reads and prints with
JavaScript off, and once in the browser by Vega (the npm release, vendored,
served by the site itself as /assets/vega.js), the spec compiled from Vega-Lite
to Vega at bake time (so the browser loads no Vega-Lite compiler). The pace slider's spec is the
one chart the app does not have: the studio View's own formulas (the kind's projection, the
display rounding, the verdict on the figure as shown; lib/views/scenarios/formulas.py) turned
into Vega expressions by lib.present.formula, run through the vendored Vega in
tests/browser/test_formula_in_vega.py.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import vl_convert

from lib.present import readout
from lib.present.blocks import Chart
from lib.present.formula import Var, concat, transforms
from lib.present.formula import run as run_program
from lib.present.i18n import DEFAULT, EN, N_, ZH_HANT, gettext, hant, term
from lib.views import scenarios
from lib.views.scenarios.catalogue import IndicatorOption
from lib.views.scenarios.chart import TARGET_SERIES
from lib.views.trajectories import languages

BASE_YEAR, TARGET_YEAR = scenarios.YEARS

# Altair 6.3 writes Vega-Lite v6 specs; the bake compiles them with the newest v6 vl-convert has.
VEGA_LITE_VERSION = "6.4"
PACE_KINDS = ("level", "share")  # the engine's kinds a public slider moves (a threshold moves as a share)
VEGA_VERSION = "6.2.0"  # vl_convert.get_vega_version() of vl-convert-python 1.9.0
VENDOR = Path(__file__).parent / "static" / "vendor" / f"vega-{VEGA_VERSION}"
SVG_WIDTH = 640  # the bake-time picture; in the browser the chart fills its column


def svg(spec: dict) -> str:
    """The picture a page shows before (or without) JavaScript: a chart that fills its column in
    the browser is drawn SVG_WIDTH wide (the app's spec leaves the width to its container)."""
    sized = dict(spec, width=SVG_WIDTH) if fits_width(spec) and "width" not in spec else spec
    # Through quiet_aria as the live chart is: Vega's own per-mark labels read the data raw
    # ("亿元: 18027.3643551"), which no reader should meet, in any language.
    return vl_convert.vega_to_svg(quiet_aria(vl_convert.vegalite_to_vega(sized, vl_version=VEGA_LITE_VERSION)))


def svg_size(picture: str) -> tuple[int, int]:
    """The width and height vl-convert wrote on the picture's root <svg> (whole pixels)."""
    root = re.search(r"<svg\b[^>]*>", picture)
    sizes = [re.search(rf'\s{name}="([\d.]+)"', root.group(0)) if root else None for name in ("width", "height")]
    if not all(sizes):
        raise ValueError("the chart's SVG has no width and height")
    return round(float(sizes[0].group(1))), round(float(sizes[1].group(1)))


def bundle() -> str:
    """Vega alone (window.vega), the release the vendored folder holds (bake/static/vendor/README.md).

    The specs are compiled to Vega at bake time, so the browser needs neither the Vega-Lite
    compiler nor vega-embed: 512 KB against the 898 KB of vl-convert's vega-embed bundle,
    the same Vega release vl-convert draws the bake-time SVG with (tested)."""
    return (VENDOR / "vega.min.js").read_text(encoding="utf-8")


def fits_width(spec: dict) -> bool:
    """A chart can fill its column unless its height is a step per bar (Vega-Lite then ignores fit)."""
    return not isinstance(spec.get("height"), dict)


def vega_spec(spec: dict) -> dict:
    """The Vega-Lite spec compiled to Vega, filling its column where it can: what the browser draws."""
    responsive = dict(spec)
    if fits_width(spec):
        responsive["width"] = "container"
        responsive["autosize"] = {"type": "fit-x", "contains": "padding"}
    return quiet_aria(vl_convert.vegalite_to_vega(responsive, vl_version=VEGA_LITE_VERSION))


ARIA_PARTS = ("marks", "axes", "legends")


def quiet_aria(vega: dict) -> dict:
    """Vega labels each mark, axis and legend for screen readers in English ("X-axis titled …",
    "line mark") and the chart as "Vega visualization". The chart's own words say it in Chinese:
    its title and subtitle (or, untitled, its own description) become its one label and the parts are hidden."""

    def hide(node: dict) -> None:
        for part in ARIA_PARTS:
            for item in node.get(part) or []:
                item["aria"] = False
                if part == "marks":
                    for channels in (item.get("encode") or {}).values():
                        channels.pop("description", None)  # per item, with the data's own field names
                    hide(item)
        if isinstance(node.get("title"), dict):
            node["title"]["aria"] = False

    hide(vega)
    title = vega.get("title") or {}
    words = [title.get("text"), title.get("subtitle")] if isinstance(title, dict) else [title]
    words = [" ".join(w) if isinstance(w, list) else w for w in words if w]
    words = [str(w) for w in words if isinstance(w, str) and w]
    # An English chart's words (issue 27) end a sentence with “. ”, a Chinese chart's with “。”.
    stop = "。" if any(re.search(r"[\u3400-\u9fff]", w) for w in words) or not words else ". "
    vega["description"] = stop.join(words) or vega.get("description") or "图表"
    return vega


def in_language(state, lang: str):
    """``state`` in ``lang`` where its page's State reads a language: the indicator page draws other pages'
    Views (指标总览's row detail, the studio), each translated on its own (issue 27), in the reader's language once it is."""
    return dataclasses.replace(state, lang=lang) if "lang" in {f.name for f in dataclasses.fields(state)} else state


def pace_unit(unit: str, lang: str = DEFAULT) -> str:
    """A pace's unit in ``lang``: 个百分点/年 → percentage points a year, %/年（降低） → % a year (reduction)."""
    if lang != EN:
        return hant(unit) if lang == ZH_HANT else unit
    _ = gettext(lang)
    base, _slash, rest = unit.partition("/年")
    words = (term(base, "unit", lang) + " " if base else "") + "a year"
    return words + (f" ({_(rest.strip('（）'))})" if rest else "")


REDUCTION = N_("降低")  # the pace unit of a cut (%/年（降低）)


def pace_transforms(option: IndicatorOption, lang: str = DEFAULT) -> list[dict]:
    """Each year's row at the slider's pace: the value, then the studio's answers for it, as the app shows them.

    The formulas are the studio View's for this indicator (``Studio.paths``, ``Studio.program``):
    the value in the row's year, its digits, its text, the gap and the verdict taken on the
    figure as shown; then the tooltip text and the landing's words.
    """
    studio = scenarios.build(in_language(scenarios.State(indicator=option.indicator_id), lang)).studio
    ((_name, path),) = studio.paths
    _ = gettext(lang)
    words = concat(_("{year}年：").format(year=TARGET_YEAR), Var("value_text"), _("，"), Var("verdict"))
    return transforms((("value", path), *studio.program, ("shown", studio.shown), ("words", words)), signals=("pace",))


PACE_SERIES = N_("按假设速度推算")  # the pace chart's one line (no legend): the readout's name for it


def pace_target_label(option: IndicatorOption, lang: str = DEFAULT) -> str:
    _ = gettext(lang)
    raw = languages.quantity(option.target_raw) if lang == EN else option.target_raw
    return _("目标 {target}").format(target=raw)


def pace_description(option: IndicatorOption, lang: str = DEFAULT) -> str:
    _ = gettext(lang)
    return _("{label}：按假设速度推算的2020年落点").format(label=languages.series_label(option.label, lang))


def point_sources(vega: dict) -> tuple[str, ...]:
    """The compiled Vega datasets a chart's points (symbol marks) are drawn from, in order."""
    found: list[str] = []
    for mark in vega.get("marks") or ():
        name = (mark.get("from") or {}).get("data")
        if mark.get("type") == "symbol" and name and name not in found:
            found.append(name)
        found.extend(n for n in point_sources(mark) if n not in found)
    return tuple(found)


def pace_readout(option: IndicatorOption, vega: dict, lang: str = DEFAULT) -> readout.Readout | None:
    """The pace chart's readout: the studio's path at the plan's pace (what the chart draws before
    the slider moves) and the target, following the live chart's points once Vega runs."""
    studio = scenarios.build(scenarios.State(indicator=option.indicator_id)).studio
    # Each year's figure as this chart's tooltip shows it: the studio's program run on that year's
    # value (pace_transforms), not the app chart's one precision for every year.
    program = (*studio.program, ("shown", studio.shown))
    picked = []
    _ = gettext(lang)
    for row in (row for rows in studio.chart.spec["datasets"].values() for row in rows):
        if row["series"] == "情景A":
            picked.append({**row, "series": _(PACE_SERIES), "shown": run_program(program, {"value": row["value"]})["shown"]})
        elif row["series"] == TARGET_SERIES:
            picked.append({**row, "series": _(TARGET_SERIES), "label": pace_target_label(option, lang)})
    title = pace_description(option, lang)  # the chart's own label for screen readers
    spec = {"title": title, "encoding": {"y": {"title": unit_of(option, lang) or _("数值")}}, "datasets": {"pace": picked}}
    return readout.following(readout.read(Chart(spec, alt=title, lang=lang)), point_sources(vega))


def unit_of(option: IndicatorOption, lang: str = DEFAULT) -> str:
    return term(option.unit, "unit", lang) if option.unit else ""


def pace_spec(option: IndicatorOption, unit_label: str, lang: str = DEFAULT) -> dict:
    """A chart with a slider (a Vega-Lite param bound to a range input): where 2020 lands at the pace set."""
    _ = gettext(lang)
    x = {
        "field": "year",
        "type": "quantitative",
        "title": _("年份"),
        "axis": {"format": "d", "values": list(range(BASE_YEAR, TARGET_YEAR + 1))},
        "scale": {"domain": [BASE_YEAR - 0.2, TARGET_YEAR + 0.2]},
    }
    y = {"field": "value", "type": "quantitative", "title": unit_of(option, lang) or _("数值"), "scale": {"zero": False}}
    tooltip = [{"field": "year", "type": "quantitative", "title": _("年份")}, {"field": "shown", "type": "nominal", "title": _("数值")}]
    return {
        "$schema": f"https://vega.github.io/schema/vega-lite/v{VEGA_LITE_VERSION.split('.')[0]}.json",
        "description": pace_description(option, lang),  # the chart's label for screen readers
        "width": SVG_WIDTH,
        "height": 260,
        "params": [
            {
                "name": "pace",
                "value": option.plan_pace,
                "bind": {
                    "input": "range",
                    "min": option.low,
                    "max": option.high,
                    "step": option.step,
                    "name": _("假设速度（{unit}）").format(unit=unit_label),
                },
            }
        ],
        "layer": [
            {
                "data": {"values": [{"year": year, "series": _(PACE_SERIES)} for year in range(BASE_YEAR, TARGET_YEAR + 1)]},
                "transform": pace_transforms(option, lang),
                "layer": [
                    {
                        "mark": {"type": "line", "strokeWidth": 3, "color": "#0072B2", "point": True},
                        "encoding": {"x": x, "y": y, "tooltip": tooltip},
                    },
                    {
                        "transform": [{"filter": f"datum.year == {TARGET_YEAR}"}],
                        "mark": {"type": "text", "align": "left", "baseline": "top", "x": 4, "y": 4, "fontSize": 15, "fontWeight": "bold"},
                        "encoding": {"text": {"field": "words"}},
                        "name": "landing",
                    },
                ],
            },
            {
                "data": {
                    "values": [
                        {"year": TARGET_YEAR, "value": option.target, "label": pace_target_label(option, lang), "series": _(TARGET_SERIES)}
                    ]
                },
                "layer": [
                    {
                        "mark": {"type": "point", "shape": "diamond", "filled": True, "size": 200, "color": "#000000"},
                        "encoding": {"x": x, "y": y},
                    },
                    {
                        "mark": {"type": "text", "align": "right", "dx": -12, "dy": 14, "fontSize": 13},
                        "encoding": {"x": x, "y": y, "text": {"field": "label"}},
                    },
                ],
            },
        ],
        "config": {"font": "sans-serif", "axis": {"labelFontSize": 13, "titleFontSize": 13}},
    }
