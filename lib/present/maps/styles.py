"""Colours, glyphs and fonts every map and key shares."""

from __future__ import annotations

from lib.plan.zones import tables

# Paul Tol's "light" scheme: built for labelled maps, distinct for the common
# colour-vision deficiencies, and light enough that dark labels and markers
# read on top of it. The two 大都市区 zones that touch are a warm pair, the
# two 大生态区 zones a cool pair.
ZONE_COLOURS = {
    "core": (238, 136, 102),  # #EE8866 orange
    "expansion": (238, 221, 136),  # #EEDD88 light yellow
    "new_area": (187, 204, 51),  # #BBCC33 pear
    "northeast": (68, 187, 153),  # #44BB99 mint
    "southeast": (119, 170, 221),  # #77AADD light blue
}
FILL_ALPHA = 235
OUTLINE = (70, 70, 70)
HIGHLIGHT = (0, 0, 0)

# Category → (glyph, colour). Colour says the domain, the glyph tells the
# categories of a domain apart, so no category relies on hue alone.
_LOGISTICS, _TRANSPORT, _ENERGY = (0, 0, 0), (51, 34, 136), (213, 94, 0)
_WATER, _LEISURE, _URBAN = (0, 114, 178), (17, 119, 51), (136, 34, 85)
CATEGORY_STYLE = {
    "物流园区": ("●", _LOGISTICS),
    "物流配送": ("■", _LOGISTICS),
    "机场": ("▲", _TRANSPORT),
    "铁路枢纽": ("■", _TRANSPORT),
    "港口": ("●", _TRANSPORT),
    "航道": ("◆", _TRANSPORT),
    "电厂": ("■", _ENERGY),
    "风电": ("▲", _ENERGY),
    "抽水蓄能": ("◆", _ENERGY),
    "LNG": ("●", _ENERGY),
    "水库": ("●", _WATER),
    "水厂": ("■", _WATER),
    "5A景区": ("★", _LEISURE),
    "旅游度假区": ("▲", _LEISURE),
    "农业示范区": ("●", _LEISURE),
    "商业商务集聚区": ("◆", _URBAN),
    "园区与功能组团": ("■", _URBAN),
    "特色农业基地": ("◆", _LEISURE),
    "文化与公共设施": ("★", _URBAN),
    "油气设施": ("◆", _ENERGY),
}
assert set(CATEGORY_STYLE) == set(tables.CATEGORIES)

LABEL_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"
GLYPH_FONT = "'DejaVu Sans', 'Segoe UI Symbol', 'Apple Symbols', 'Noto Sans Symbols 2', sans-serif"
