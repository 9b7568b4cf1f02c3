"""A 1200×630 share image per indicator and language (name, 2015 → 2020 target, verdict, source), drawn at bake time.

The words are the row detail's (lib.views.indicators, built in the image's language): its printed
cells as printed, the 2020 verdict line, the 出处 sentence; the image's own words through the
catalogs. One image per language, at the same path in each language's folder
(/indicator/<id>.png, /en/indicator/<id>.png, /zh-hant/indicator/<id>.png). Vega-Lite text marks drawn to PNG by vl-convert
(the same renderer as the charts), in the system's CJK font, kept small as a 16-colour palette PNG.
"""

from __future__ import annotations

import dataclasses
import io
import textwrap

import vl_convert
from PIL import Image

from bake.charts import VEGA_LITE_VERSION
from lib.present.i18n import N_, ZH_CN, gettext, localized
from lib.views import indicators
from lib.views.indicators.row_detail import Detail

WIDTH, HEIGHT = 1200, 630
FONT = "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"


def detail_in(indicator: str, lang: str) -> Detail | None:
    """The row detail the card of ``lang`` shows: 指标总览's in ``lang``; None while its State reads no
    language (the 简体 detail then serves every card, built once)."""
    from bake import pages  # the indicator pages' own States (bake.pages reads this module's neighbours)

    state = pages.indicator_state(indicator)
    if "lang" not in {f.name for f in dataclasses.fields(state)}:
        return None
    return indicators.build(dataclasses.replace(state, lang=lang)).detail


def url(indicator: str, lang: str = ZH_CN) -> str:
    return localized(f"/indicator/{indicator}.png", lang)


OUTCOME = N_("2020年结果：")  # the row detail's first outcome line starts so
# A Latin letter is about half a CJK character wide: an English line wraps at about twice the characters.
LATIN_WIDTH = 1.9  # not a plan figure: characters per CJK character's width


def _wrapped(text: str, width: int, lang: str, lines: int = 2) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` CJK characters; a text in Latin letters only wraps
    at about twice the characters (by the text, not ``lang``: an English card may show a 简体 detail)."""
    latin = all(ord(c) < 0x2E80 for c in text)
    return textwrap.wrap(text, round(width * LATIN_WIDTH) if latin else width)[:lines]


def lines_of(detail: Detail, lang: str = ZH_CN) -> list[dict]:
    """The picture's lines, top to bottom: (text, size, weight, colour); ``detail`` is built in ``lang``."""
    _ = gettext(lang)
    cells = dict(detail.cells.rows)
    base = next((v for k, v in cells.items() if k.startswith("2015")), "")
    goal = next((v for k, v in cells.items() if k.startswith("2020") or k.startswith("2016")), "")
    # The detail's prefix in its language (简体 where 指标总览 is not yet translated) or the card's.
    verdict = detail.outcome_lines[0].removeprefix(_(OUTCOME)).removeprefix(OUTCOME) if detail.outcome_lines else _("无2020年目标判断")
    lines = [{"text": f"{detail.box} · {detail.row}", "size": 28, "weight": "normal", "color": "#555555"}]
    lines += [{"text": t, "size": 56, "weight": "bold", "color": "#12355b"} for t in _wrapped(detail.title, 19, lang)]
    if base or goal:
        cells_line = _("2015年 {base}  →  2020年目标 {goal}").format(base=base or "―", goal=goal or "―")
        lines.append({"text": cells_line, "size": 44, "weight": "bold", "color": "#1a1a1a"})
    lines += [{"text": t, "size": 30, "weight": "normal", "color": "#1a1a1a"} for t in _wrapped(verdict, 36, lang)]
    figure_source = next((line for line in detail.outcome_lines if line.startswith((_("来源："), "来源："))), "")
    lines += [{"text": t, "size": 22, "weight": "normal", "color": "#555555"} for t in _wrapped(figure_source, 50, lang)]
    lines += [{"text": t, "size": 22, "weight": "normal", "color": "#555555"} for t in _wrapped(detail.source, 50, lang)]
    return lines


def spec(detail: Detail, lang: str = ZH_CN) -> dict:
    _ = gettext(lang)
    rows, y = [], 60
    for line in lines_of(detail, lang):
        rows.append({**line, "y": y})
        y += int(line["size"] * 1.45)
    footer = _("重庆“十三五”规划纲要 · 指标与目标（数值照原文）")
    rows.append({"text": footer, "size": 24, "weight": "bold", "color": "#0b5cad", "y": HEIGHT - 60})
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": WIDTH,
        "height": HEIGHT,
        "padding": 0,
        "autosize": "none",
        "background": "#ffffff",
        "config": {"view": {"stroke": None}, "font": FONT},
        "data": {"values": rows},
        "mark": {"type": "text", "align": "left", "baseline": "top", "x": 64},
        "encoding": {
            "y": {"field": "y", "type": "quantitative", "scale": {"domain": [0, HEIGHT], "range": [0, HEIGHT]}, "axis": None},
            "text": {"field": "text"},
            "size": {"field": "size", "type": "quantitative", "scale": None, "legend": None},
            "color": {"field": "color", "type": "nominal", "scale": None, "legend": None},
            "fontWeight": {"field": "weight", "type": "nominal", "legend": None},
        },
    }


COLOURS = 16  # a palette: text on white needs few, and 84 pictures at ~200 KB each would weigh 13 MB (~27 KB each)


def png(detail: Detail, lang: str = ZH_CN) -> bytes:
    drawn = Image.open(io.BytesIO(vl_convert.vegalite_to_png(spec(detail, lang), vl_version=VEGA_LITE_VERSION)))
    buffer = io.BytesIO()
    drawn.convert("RGB").quantize(colors=COLOURS).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
