"""大字号 and 高对比: the reader's display choice, its words and what it does to a chart.

For older and low-vision readers (工业和信息化部《互联网网站适老化通用设计规范》 asks for text a
reader can enlarge). The figures held to are issue 26's: body text at least 18 px, and text against
its background at least 4.5:1, 7:1 preferred (WCAG's AA and AAA ratios); the 规范's own text was not
at hand to check them against.
Both editions offer the same two switches with the same words; the static edition keeps
the choice in localStorage (bake/static/a11y.js), the app in the URL key ``display``
(pages/_url.py) so a reload and every page keep it.

A chart follows through ``CHART_CONFIG``: keys that mean the same in a Vega-Lite
config (the app merges them into the spec) and in a Vega config (the static edition
passes them to ``vega.parse``), so one table serves both renderers.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping

from lib.present.i18n import N_

KEY = "display"  # the app's URL key
# Marked for the catalogs (issue 27): each edition shows them through its language's gettext.
MODES = {"large": N_("大字号"), "contrast": N_("高对比")}
HEADING = N_("显示")
NOTICE = N_("显示方式只能是“large”（大字号）或“contrast”（高对比），其余已忽略。")

BODY_PX = 20  # 大字号 body text, above the 18 px floor issue 26 sets
CAPTION_PX = 18  # 大字号 captions and notes: no text under the floor
INK = "#000000"  # on white 21:1, above the preferred 7:1
GRID = "#767676"  # 4.5:1 on white: a grid line a low-vision reader sees (non-text needs 3:1), lighter than the data

CHART_CONFIG: dict[str, dict] = {
    "large": {
        "axis": {"labelFontSize": 18, "titleFontSize": 18},
        "legend": {"labelFontSize": 18, "titleFontSize": 18, "symbolStrokeWidth": 4},
        # Vega-Lite writes a title's size as the "group-title" style; the subtitle (the source line)
        # keeps its own size, which shrinks on a phone so the line fits (lib/present/charts.py).
        "title": {"fontSize": 24},
        "style": {"group-title": {"fontSize": 24}},
        "text": {"fontSize": 18},
    },
    "contrast": {
        "axis": {"labelColor": INK, "titleColor": INK, "domainColor": INK, "tickColor": INK, "gridColor": GRID, "domainWidth": 2},
        "legend": {"labelColor": INK, "titleColor": INK},
        "title": {"color": INK, "subtitleColor": INK},
        "text": {"fill": INK},
    },
}


def modes_of(values: Iterable[str]) -> tuple[tuple[str, ...], bool]:
    """The known modes among ``values``, in MODES' order, and whether any value was refused."""
    given = [value for text in values for value in str(text).split(",") if value]
    known = tuple(mode for mode in MODES if mode in given)
    return known, any(value not in MODES for value in given)


def chart_config(modes: Iterable[str]) -> dict:
    """The config the chosen modes lay over a chart's own (empty for none)."""
    merged: dict = {}
    for mode in modes:
        merged = merge(merged, CHART_CONFIG[mode])
    return merged


def merge(base: Mapping, over: Mapping) -> dict:
    """``over`` laid over ``base``, dicts merged key by key, neither changed."""
    result = copy.deepcopy(dict(base))
    for key, value in over.items():
        result[key] = merge(result[key], value) if isinstance(value, Mapping) and isinstance(result.get(key), Mapping) else value
    return result


def styled(spec: Mapping, modes: Iterable[str]) -> dict:
    """A Vega-Lite spec with the modes' config over its own; the spec itself is left as it was."""
    config = chart_config(modes)
    return dict(spec, config=merge(spec.get("config") or {}, config)) if config else dict(spec)
