"""The map's keys as small SVG images: zone colours, and the markers shown with their counts.

An image rather than HTML in markdown, which would pull a 184 KB script
bundle into the page. Every data string is escaped (this is SVG markup);
colours are ours.
"""

from __future__ import annotations

import textwrap
from html import escape

import pandas as pd

from lib.present.i18n import N_
from lib.present.maps.styles import CATEGORY_STYLE, ZONE_COLOURS
from lib.present.maps.words import Words

# Said exactly: what the stripes stand for, and that the ring itself is not drawn.
# At most 15 characters a line: the key is 300 px wide at 15 px type.
SPLIT_KEY_LINES = ("斜线：一部分属都市功能核心区、", "其余属都市功能拓展区的区，", "分界（内环）未画出")
COUNT_KEY_LINES = ("区县名后的数字：规划只点到", "该区县、未给具体地点的项目数，", "地图上不为它们画点")
_KEY_ROW = 24  # px per legend row; with 14–15 px type it reads on a projector
# Wide enough for the longest zone name, 渝东北生态涵养发展区（大生态区）, at 15 px, and
# narrow enough to sit beside the map at 1280 px, or whole on a phone.
KEY_WIDTH = 300


def _svg(width: int, height: int, parts: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="sans-serif" font-size="15">' + "".join(parts) + "</svg>"
    )


WORKS_KEY_LINES = ("点线（示意）：线状工程，只连接", "名称所写区县，不是实际走向")
# Each key's sentence whole, for the catalogs: another language breaks its own lines (``_lines``).
KEY_SENTENCES = {
    SPLIT_KEY_LINES: N_("斜线：一部分属都市功能核心区、其余属都市功能拓展区的区，分界（内环）未画出"),
    COUNT_KEY_LINES: N_("区县名后的数字：规划只点到该区县、未给具体地点的项目数，地图上不为它们画点"),
    WORKS_KEY_LINES: N_("点线（示意）：线状工程，只连接名称所写区县，不是实际走向"),
}
LATIN_LINE = 36  # characters of 15 px Latin type in a 300 px key, beside its swatch


def _lines(lines: tuple[str, ...], words: Words) -> tuple[str, ...]:
    """A key's lines in the reader's language: 简体 as broken above, 繁體 converted line by line, English rewrapped."""
    if words.english:
        return tuple(textwrap.wrap(words._(KEY_SENTENCES[lines]), LATIN_LINE))
    return tuple(words.text(line) for line in lines)


def _zone_lines(name: str, group: str, words: Words) -> list[tuple[str, str]]:
    """A zone's key entry as (text, grey text) lines: one line in Chinese; English wrapped, the group on its own line."""
    if not words.english:
        _ = words._
        return [(name, _("（{group}）").format(group=group))]
    return [(line, "") for line in textwrap.wrap(name, LATIN_LINE)] + [("", f"({group})")]


def zone_key_svg(zones: pd.DataFrame, width: int = KEY_WIDTH, works: bool = False, words: Words = Words()) -> str:
    """The zone colours, the striped split districts, the district counts and (when drawn) the works' links."""
    _ = words._
    parts = []
    y = 0
    for zone in zones.itertuples():
        r, g, b = ZONE_COLOURS[zone.zone_id]
        parts.append(f'<rect x="1" y="{y + 4}" width="18" height="15" fill="rgb({r},{g},{b})" stroke="#464646"/>')
        lines = _zone_lines(words.zone(zone.name_zh), words.zone(zone.group_zh), words)
        for line, (text, grey) in enumerate(lines):
            tail = f'<tspan fill="#555">{escape(grey)}</tspan>' if grey else ""
            parts.append(f'<text x="28" y="{y + 17 + line * 19}" fill="#111">{escape(text)}{tail}</text>')
        y += (len(lines) - 1) * 19 + _KEY_ROW
    # The split districts as the map draws them: the expansion fill with stripes in the core colour.
    er, eg, eb = ZONE_COLOURS["expansion"]
    cr, cg, cb = ZONE_COLOURS["core"]
    parts.append(f'<rect x="1" y="{y + 4}" width="18" height="15" fill="rgb({er},{eg},{eb})" stroke="#464646"/>')
    parts.append(f'<clipPath id="split"><rect x="1" y="{y + 4}" width="18" height="15"/></clipPath>')
    parts.extend(
        f'<line x1="{x0}" y1="{y + 19}" x2="{x0 + 15}" y2="{y + 4}" stroke="rgb({cr},{cg},{cb})" stroke-width="2" clip-path="url(#split)"/>'
        for x0 in (-11, -5, 1, 7, 13)
    )
    parts.append(f'<rect x="1" y="{y + 4}" width="18" height="15" fill="none" stroke="#464646"/>')
    split_lines = _lines(SPLIT_KEY_LINES, words)
    for line, text in enumerate(split_lines):
        parts.append(f'<text x="28" y="{y + 17 + line * 19}" fill="#111">{escape(text)}</text>')
    y += (len(split_lines) - 1) * 19 + _KEY_ROW + 6
    counted = escape(_("n项"))
    parts.append(f'<text x="1" y="{y + 17}" font-size="14" font-weight="bold" fill="#111">{counted}</text>')
    count_lines = _lines(COUNT_KEY_LINES, words)
    for line, text in enumerate(count_lines):
        parts.append(f'<text x="40" y="{y + 17 + line * 19}" fill="#111">{escape(text)}</text>')
    y += (len(count_lines) - 1) * 19
    if works:
        y += _KEY_ROW + 6
        parts.append(f'<line x1="1" y1="{y + 12}" x2="33" y2="{y + 12}" stroke="#3c3c3c" stroke-width="1.5" stroke-dasharray="1.5 3"/>')
        works_lines = _lines(WORKS_KEY_LINES, words)
        for line, text in enumerate(works_lines):
            parts.append(f'<text x="40" y="{y + 17 + line * 19}" fill="#111">{escape(text)}</text>')
        y += (len(works_lines) - 1) * 19
    return _svg(width, y + _KEY_ROW + 2, parts)


def marker_key_svg(counts: dict[str, int], width: int = KEY_WIDTH, labels: dict[str, str] | None = None) -> str:
    """The project markers shown, with their counts, in two columns (``labels``: a category's words, else its name)."""
    parts = []
    half = (len(counts) + 1) // 2
    for index, (category, count) in enumerate(counts.items()):
        glyph, (r, g, b) = CATEGORY_STYLE[category.split("（")[0]]
        category = (labels or {}).get(category, category)
        x, y = (index // half) * (width // 2), (index % half) * _KEY_ROW if half else 0
        parts.append(f'<text x="{x + 2}" y="{y + 17}" font-size="17" fill="rgb({r},{g},{b})">{glyph}</text>')
        parts.append(f'<text x="{x + 24}" y="{y + 17}" fill="#111">{escape(category)} {count}</text>')
    return _svg(width, max(half, 1) * _KEY_ROW + 2, parts)
