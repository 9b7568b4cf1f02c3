"""A 1200×630 share image per indicator and language (name, 2015 → 2020 target, verdict, source), drawn at bake time.

The words are the row detail's (lib.views.indicators, built in the image's language): its printed
cells as printed, the 2020 verdict line, the 出处 sentence; the image's own words through the
catalogs. One image per language, at the same path in each language's folder
(/indicator/<id>.png, /en/indicator/<id>.png, /zh-hant/indicator/<id>.png). Vega-Lite text marks drawn to PNG by vl-convert
(the same renderer as the charts), in the system's CJK font, kept small as a 16-colour palette PNG.
"""

from __future__ import annotations

import io
import textwrap

import vl_convert
from PIL import Image

from bake.charts import VEGA_LITE_VERSION
from lib.present.i18n import EN, ZH_CN, gettext, localized
from lib.views.indicators.row_detail import Detail

WIDTH, HEIGHT = 1200, 630
FONT = "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"


def url(indicator: str, lang: str = ZH_CN) -> str:
    return localized(f"/indicator/{indicator}.png", lang)


# A Latin letter is about half a CJK character wide: an English line wraps at about twice the characters.
LATIN_WIDTH = 1.9  # not a plan figure: characters per CJK character's width


def _wrapped(text: str, width: int, lang: str, lines: int = 2) -> list[str]:
    return textwrap.wrap(text, round(width * LATIN_WIDTH) if lang == EN else width)[:lines]


def lines_of(detail: Detail, lang: str = ZH_CN) -> list[dict]:
    """The picture's lines, top to bottom: (text, size, weight, colour); ``detail`` is built in ``lang``."""
    _ = gettext(lang)
    cells = dict(detail.cells.rows)
    base = next((v for k, v in cells.items() if k.startswith("2015")), "")
    goal = next((v for k, v in cells.items() if k.startswith("2020") or k.startswith("2016")), "")
    verdict = detail.outcome_lines[0].removeprefix(_("2020年结果：")) if detail.outcome_lines else _("无2020年目标判断")
    lines = [{"text": f"{detail.box} · {detail.row}", "size": 28, "weight": "normal", "color": "#555555"}]
    lines += [{"text": t, "size": 56, "weight": "bold", "color": "#12355b"} for t in _wrapped(detail.title, 19, lang)]
    if base or goal:
        cells_line = _("2015年 {base}  →  2020年目标 {goal}").format(base=base or "―", goal=goal or "―")
        lines.append({"text": cells_line, "size": 44, "weight": "bold", "color": "#1a1a1a"})
    lines += [{"text": t, "size": 30, "weight": "normal", "color": "#1a1a1a"} for t in _wrapped(verdict, 36, lang)]
    figure_source = next((line for line in detail.outcome_lines if line.startswith(_("来源："))), "")
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
