"""Charts for the baked pages: the Views' own Vega-Lite specs (rows inline), drawn twice.

Once at bake time to SVG (vl-convert), so a page reads and prints with
JavaScript off, and once in the browser by Vega (the npm release, vendored,
served by the site itself as /assets/vega.js), the spec compiled from Vega-Lite
to Vega at bake time (so the browser loads no Vega-Lite compiler). The pace slider's spec is the
one chart the app does not have: the studio's arithmetic (lib.engine.scenario.step)
written as a Vega expression, checked against lib in tests/test_bake.py.
"""

from __future__ import annotations

from pathlib import Path

import vl_convert

from lib.engine.scenario import BASE_YEAR, TARGET_YEAR
from lib.views.scenarios.catalogue import IndicatorOption

# Altair 6.3 writes Vega-Lite v6 specs; the bake compiles them with the newest v6 vl-convert has.
VEGA_LITE_VERSION = "6.4"
PACE_KINDS = ("level", "share")  # the engine's kinds a public slider moves (a threshold moves as a share)
# lib.present.figures.figure first drops float noise at 10 decimals, then rounds half up.
NOISE_DIGITS = 10
VEGA_VERSION = "6.2.0"  # vl_convert.get_vega_version() of vl-convert-python 1.9.0
VENDOR = Path(__file__).parent / "static" / "vendor" / f"vega-{VEGA_VERSION}"
SVG_WIDTH = 640  # the bake-time picture; in the browser the chart fills its column


def svg(spec: dict) -> str:
    """The picture a page shows before (or without) JavaScript: a chart that fills its column in
    the browser is drawn SVG_WIDTH wide (the app's spec leaves the width to its container)."""
    sized = dict(spec, width=SVG_WIDTH) if fits_width(spec) and "width" not in spec else spec
    return vl_convert.vegalite_to_svg(sized, vl_version=VEGA_LITE_VERSION)


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
    vega["description"] = "。".join(str(w) for w in words if isinstance(w, str) and w) or vega.get("description") or "图表"
    return vega


def value_expression(kind: str, base: float) -> str:
    """The value in datum.year at a constant pace: lib.engine.scenario.step applied year after year.

    level: value × (1 + pace/100) each year; share: value + pace each year.
    """
    years = f"(datum.year - {BASE_YEAR})"
    if kind == "level":
        return f"{base!r} * pow(1 + pace / 100, {years})"
    if kind == "share":
        return f"{base!r} + pace * {years}"
    raise ValueError(f"no public slider for kind {kind!r}")


def shown_expressions(decimals: int) -> list[dict]:
    """datum.value as lib.present.figures.figure prints it, as three Vega calculations.

    figure drops float noise at 10 decimals, rounds half away from zero to
    ``decimals`` and writes a value that rounds to nothing as "0". round(|v| ×
    10^10) is an integer; divided by 10^(10 − decimals) it lands exactly on a
    .5 where the decimal value has one, so round() breaks the tie away from zero.
    """
    units = f"round(abs(round(datum.value * pow(10, {NOISE_DIGITS}))) / pow(10, {NOISE_DIGITS - decimals}))"
    # The sign by hand: Vega's format() writes a negative with U+2212 where figure writes "-".
    shown = f"datum.units == 0 ? '0' : datum.sign + format(datum.units / pow(10, {decimals}), '.{decimals}f')"
    return [
        {"calculate": units, "as": "units"},
        {"calculate": "datum.value < 0 ? '-' : ''", "as": "sign"},
        {"calculate": shown, "as": "shown"},
    ]


def met_expression(option: IndicatorOption) -> str:
    """lib.engine.scenario.meets for the 2020 value."""
    target = repr(option.target)
    if option.qualifier == "greater_than":
        return f"datum.value > {target}"
    if option.qualifier == "less_than":
        return f"datum.value < {target}"
    if option.direction == "lower":
        return f"datum.value <= {target} + 1e-9"
    return f"datum.value >= {target} - 1e-9"


def pace_spec(option: IndicatorOption, unit_label: str) -> dict:
    """A chart with a slider (a Vega-Lite param bound to a range input): where 2020 lands at the pace set."""
    value = value_expression(option.kind, option.base)
    unit = f" {option.unit}" if option.unit and option.unit != "%" else option.unit
    words = f"'2020年：' + datum.shown + '{unit}' + (datum.met ? '，达到目标' : '，未达目标')"
    x = {
        "field": "year",
        "type": "quantitative",
        "title": "年份",
        "axis": {"format": "d", "values": list(range(BASE_YEAR, TARGET_YEAR + 1))},
        "scale": {"domain": [BASE_YEAR - 0.2, TARGET_YEAR + 0.2]},
    }
    y = {"field": "value", "type": "quantitative", "title": option.unit or "数值", "scale": {"zero": False}}
    tooltip = [{"field": "year", "type": "quantitative", "title": "年份"}, {"field": "shown", "type": "nominal", "title": "数值"}]
    return {
        "$schema": f"https://vega.github.io/schema/vega-lite/v{VEGA_LITE_VERSION.split('.')[0]}.json",
        "description": f"{option.label}：按假设速度推算的2020年落点",  # the chart's label for screen readers
        "width": SVG_WIDTH,
        "height": 260,
        "params": [
            {
                "name": "pace",
                "value": option.plan_pace,
                "bind": {"input": "range", "min": option.low, "max": option.high, "step": option.step, "name": f"假设速度（{unit_label}）"},
            }
        ],
        "layer": [
            {
                "data": {"values": [{"year": year} for year in range(BASE_YEAR, TARGET_YEAR + 1)]},
                "transform": [
                    {"calculate": value, "as": "value"},
                    *shown_expressions(option.decimals),
                    {"calculate": met_expression(option), "as": "met"},
                ],
                "layer": [
                    {
                        "mark": {"type": "line", "strokeWidth": 3, "color": "#0072B2", "point": True},
                        "encoding": {"x": x, "y": y, "tooltip": tooltip},
                    },
                    {
                        "transform": [{"filter": f"datum.year == {TARGET_YEAR}"}, {"calculate": words, "as": "words"}],
                        "mark": {"type": "text", "align": "left", "baseline": "top", "x": 4, "y": 4, "fontSize": 15, "fontWeight": "bold"},
                        "encoding": {"text": {"field": "words"}},
                        "name": "landing",
                    },
                ],
            },
            {
                "data": {"values": [{"year": TARGET_YEAR, "value": option.target, "label": f"目标 {option.target_raw}"}]},
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
