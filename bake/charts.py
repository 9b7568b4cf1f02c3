"""Charts for the baked pages: the app's own Vega-Lite specs, drawn twice.

Once at bake time to SVG (vl-convert), so a page reads and prints with
JavaScript off, and once in the browser by Vega from one shared bundle
(/assets/vega.js) served by the site itself, the spec compiled from Vega-Lite
to Vega at bake time (so the browser loads no Vega-Lite compiler). The pace slider's spec is the
one chart the app does not have: the studio's arithmetic (lib.scenario.step)
written as a Vega expression, checked against lib in tests/test_bake.py.
"""

from __future__ import annotations

import copy

import pyarrow as pa
import vl_convert

from lib.scenario import BASE_YEAR, TARGET_YEAR
from lib.scenario_catalogue import IndicatorOption

# Altair 6.3 writes Vega-Lite v6 specs; the bundle carries the newest v6 vl-convert has.
VEGA_LITE_VERSION = "6.4"
PACE_KINDS = ("level", "share")  # the engine's kinds a public slider moves (a threshold moves as a share)
# lib.figures.figure first drops float noise at 10 decimals, then rounds half up.
NOISE_DIGITS = 10
SVG_WIDTH = 640  # the bake-time picture; in the browser the chart fills its column


def with_values(spec: dict) -> dict:
    """The View's spec with its Arrow datasets (how Streamlit ships them) turned back into rows."""
    result = copy.deepcopy(spec)
    for name, payload in (result.get("datasets") or {}).items():
        if isinstance(payload, bytes):
            result["datasets"][name] = pa.ipc.open_stream(payload).read_all().to_pylist()
    return result


def svg(spec: dict) -> str:
    """The picture a page shows before (or without) JavaScript: a chart that fills its column in
    the browser is drawn SVG_WIDTH wide (the app's spec leaves the width to its container)."""
    sized = dict(spec, width=SVG_WIDTH) if fits_width(spec) and "width" not in spec else spec
    return vl_convert.vegalite_to_svg(sized, vl_version=VEGA_LITE_VERSION)


def bundle() -> str:
    """vega-embed, Vega-Lite and Vega as one script that sets window.vegaEmbed.

    A Vega-only bundle would be 577 KB against 898 KB, but vl-convert 1.9's bundler
    gives its ``vega`` name as null (window.vega is null even in its default bundle)
    and refuses named imports; so the pages draw their (already compiled) Vega specs
    through vega-embed."""
    return vl_convert.javascript_bundle(vl_version=VEGA_LITE_VERSION)


def fits_width(spec: dict) -> bool:
    """A chart can fill its column unless its height is a step per bar (Vega-Lite then ignores fit)."""
    return not isinstance(spec.get("height"), dict)


def vega_spec(spec: dict) -> dict:
    """The Vega-Lite spec compiled to Vega, filling its column where it can: what the browser draws."""
    responsive = dict(spec)
    if fits_width(spec):
        responsive["width"] = "container"
        responsive["autosize"] = {"type": "fit-x", "contains": "padding"}
    return vl_convert.vegalite_to_vega(responsive, vl_version=VEGA_LITE_VERSION)


def value_expression(kind: str, base: float) -> str:
    """The value in datum.year at a constant pace: lib.scenario.step applied year after year.

    level: value × (1 + pace/100) each year; share: value + pace each year.
    """
    years = f"(datum.year - {BASE_YEAR})"
    if kind == "level":
        return f"{base!r} * pow(1 + pace / 100, {years})"
    if kind == "share":
        return f"{base!r} + pace * {years}"
    raise ValueError(f"no public slider for kind {kind!r}")


def shown_expressions(decimals: int) -> list[dict]:
    """datum.value as lib.figures.figure prints it, as three Vega calculations.

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
    """lib.scenario.meets for the 2020 value."""
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
    x = {"field": "year", "type": "quantitative", "title": "年份", "axis": {"format": "d", "values": list(range(BASE_YEAR, TARGET_YEAR + 1))},
         "scale": {"domain": [BASE_YEAR - 0.2, TARGET_YEAR + 0.2]}}
    y = {"field": "value", "type": "quantitative", "title": option.unit or "数值", "scale": {"zero": False}}
    tooltip = [{"field": "year", "type": "quantitative", "title": "年份"}, {"field": "shown", "type": "nominal", "title": "数值"}]
    return {
        "$schema": f"https://vega.github.io/schema/vega-lite/v{VEGA_LITE_VERSION.split('.')[0]}.json",
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
                    {"mark": {"type": "line", "strokeWidth": 3, "color": "#0072B2", "point": True}, "encoding": {"x": x, "y": y, "tooltip": tooltip}},
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
                    {"mark": {"type": "point", "shape": "diamond", "filled": True, "size": 200, "color": "#000000"}, "encoding": {"x": x, "y": y}},
                    {"mark": {"type": "text", "align": "right", "dx": -12, "dy": 14, "fontSize": 13}, "encoding": {"x": x, "y": y, "text": {"field": "label"}}},
                ],
            },
        ],
        "config": {"font": "sans-serif", "axis": {"labelFontSize": 13, "titleFontSize": 13}},
    }
