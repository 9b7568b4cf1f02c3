"""The rows of each map layer: district fills with their tooltips, split outlines, labels, project markers.

Tooltip fields hold plain text. Streamlit (≥ 1.60) HTML-escapes every value
it puts into the tooltip template, so escaping here as well would show a
name with ``&`` as ``&amp;``; tests/browser/test_zones_map_tasks.py hovers
such a name in the real frontend.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd
import pydeck as pdk

from lib.maps.camera import screen_offset
from lib.maps.styles import CATEGORY_STYLE, FILL_ALPHA, HIGHLIGHT, OUTLINE, ZONE_COLOURS
from lib.zones import places, tables
from lib.zones.boundaries import outer_rings
from lib.zones.project_table import source_label

PRECISION_WORDS = {
    "site": "位置：项目所在地",
    "district": "位置：区县代表点（示意）",
}
MAX_LINES = 8  # projects listed in one tooltip before "…另有 n 项"


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def district_features(
    boundaries: dict,
    districts: pd.DataFrame,
    zones: pd.DataFrame,
    district_zones: pd.DataFrame,
    projects: pd.DataFrame,
    highlight: Iterable[str] = (),
) -> list[dict]:
    """The districts as GeoJSON features, each with its fill, outline and tooltip text.

    Selected districts get a heavy black outline through their own
    properties, so a selection never duplicates geometry in the payload.
    """
    selected = set(highlight)
    zone_names = dict(zip(zones.zone_id, zones.name_zh))
    zone_groups = dict(zip(zones.zone_id, zones.group_zh))
    by_adcode = districts.set_index("adcode")
    counts = _project_counts(projects)
    names = places.district_names(districts, codes=True)
    features = []
    for feature in boundaries["features"]:
        adcode = feature["properties"]["adcode"]
        district = by_adcode.loc[adcode]
        links = district_zones[district_zones.adcode == adcode]
        parts = [
            zone_names[z] if extent == "全域" else f"{zone_names[z]}（{extent}）"
            for z, extent in zip(links.zone_id, links.extent)
        ]
        group = "、".join(dict.fromkeys(zone_groups[z] for z in links.zone_id))
        lines = [f"功能区域：{'；'.join(parts)}", f"所属：{group}", f"规划点名项目：{counts.get(adcode, 0)} 项"]
        if district.split_zones:
            lines.append("底色按面积较大的都市功能拓展区；虚线框表示内环以内属都市功能核心区")
        features.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {
                    "adcode": adcode,
                    "fill": [*ZONE_COLOURS[district.primary_zone_id], FILL_ALPHA],
                    "line": list(HIGHLIGHT) if adcode in selected else list(OUTLINE),
                    "width": 3 if adcode in selected else 1,
                    "tip_title": _text(names[adcode]),
                    "tip_body": "\n".join(lines),
                },
            }
        )
    return features


def _project_counts(projects: pd.DataFrame) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in projects.district_adcodes:
        for adcode in tables.split_adcodes(value):
            counts[adcode] = counts.get(adcode, 0) + 1
    return counts


def split_outlines(boundaries: dict, districts: pd.DataFrame) -> list[dict]:
    """The outer rings of the districts that two zones share, for a dashed outline."""
    split = set(districts.adcode[districts.split_zones])
    return [
        {"path": ring}
        for feature in boundaries["features"]
        if feature["properties"]["adcode"] in split
        for ring in outer_rings(feature["geometry"])
        if len(ring) > 8  # slivers along rivers add nothing but bytes
    ]


LABEL_PX = 13  # type size of a district name, in px
LABEL_GAP = 12  # px between a name and the point or markers above it


def label_rows(
    boundaries: dict, districts: pd.DataFrame, view: pdk.ViewState, markers: list[dict], highlight: Iterable[str] = ()
) -> tuple[list[dict], list[dict]]:
    """District names that fit at the opening view, and the rest.

    Names are placed in priority order (the selected districts first, then
    the larger ones) and a name that would overlap one already placed is
    held back, so at the opening zoom no two names overlap. Each name sits
    under its district's point, below any markers fanned out there. The
    held-back names (mostly the small districts inside the Inner Ring) are
    drawn sized in metres: specks at the opening zoom, legible once the
    reader zooms in.
    """
    short = dict(zip(districts.adcode, districts.short_name))
    selected = set(highlight)
    below = {}  # a point's markers reach this far below it, in px
    for marker in markers:
        key = tuple(marker["position"])
        below[key] = max(below.get(key, 0.0), marker["offset"][1] + marker["size"] / 2)
    candidates = []
    for feature in boundaries["features"]:
        props = feature["properties"]
        position = [props["label_lon"], props["label_lat"]]
        offset = round(LABEL_GAP + below.get((round(position[0], 4), round(position[1], 4)), 0.0), 1)
        rank = (props["adcode"] not in selected, -props["area_km2"])
        candidates.append((rank, {"position": position, "text": short[props["adcode"]], "offset": [0, offset]}))
    placed_boxes: list[tuple[float, float, float, float]] = []
    fitting, held_back = [], []
    for _, row in sorted(candidates, key=lambda c: c[0]):
        x, y = screen_offset(*row["position"], view)
        half = len(row["text"]) * LABEL_PX / 2 + 3
        box = (x - half, y + row["offset"][1] - LABEL_PX, x + half, y + row["offset"][1] + LABEL_PX)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed_boxes):
            held_back.append(row)
        else:
            placed_boxes.append(box)
            fitting.append(row)
    return fitting, held_back


def marker_rows(projects: pd.DataFrame, districts: pd.DataFrame, categories: Iterable[str]) -> list[dict]:
    """Placed projects grouped into one marker per place and category.

    Many projects share their district's representative point, so markers of
    different categories at one point are fanned out on a small ring of fixed
    pixel offsets: the geographic position stays the recorded one, and the
    tooltip says how precise it is.
    """
    wanted = [c for c in tables.CATEGORIES if c in set(categories)]
    placed = projects[(projects.precision != "none") & projects.category.isin(wanted)]
    names = places.district_names(districts)
    groups: dict[tuple, list] = {}
    for project in placed.itertuples():
        key = (round(float(project.lon), 4), round(float(project.lat), 4), project.category)
        groups.setdefault(key, []).append(project)
    by_place: dict[tuple, list] = {}
    for lon, lat, category in groups:
        by_place.setdefault((lon, lat), []).append(category)
    rows = []
    for (lon, lat), place_categories in by_place.items():
        place_categories.sort(key=wanted.index)
        for slot, category in enumerate(place_categories):
            members = groups[(lon, lat, category)]
            glyph, colour = CATEGORY_STYLE[category]
            rows.append(
                {
                    "position": [lon, lat],
                    "glyph": glyph,
                    "colour": [*colour, 255],
                    "size": round(15 + 3 * math.sqrt(len(members) - 1), 1),
                    "offset": _ring_offset(slot, len(place_categories)),
                    "category": category,
                    "adcodes": sorted({code for p in members for code in tables.split_adcodes(p.district_adcodes)}),
                    "tip_title": _marker_title(category, members, names),
                    "tip_body": _marker_body(members),
                }
            )
    return rows


def _ring_offset(slot: int, count: int) -> list[float]:
    if count == 1:
        return [0.0, 0.0]
    radius = max(10.0, 3.6 * count)  # not a plan figure: ring spacing
    angle = -math.pi / 2 + 2 * math.pi * slot / count
    return [round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1)]


def _marker_title(category: str, members: list, names: dict[str, str]) -> str:
    where = "、".join(dict.fromkeys(names[c] for p in members for c in tables.split_adcodes(p.district_adcodes)))
    if len(members) == 1:
        return f"{_text(members[0].name_zh)}（{category}）· {where}"
    return f"{category} {len(members)} 项 · {where}"


def _marker_body(members: list) -> str:
    lines = []
    for project in members[:MAX_LINES]:
        status = f"，{_text(project.status)}" if project.status else ""
        source = source_label(project.box, project.chapter, project.section)
        lines.append(f"{_text(project.name_zh)}（{_text(project.subcategory)}{status}）— {source}")
    if len(members) > MAX_LINES:
        lines.append(f"…另有 {len(members) - MAX_LINES} 项，见下方表格")
    lines.append(PRECISION_WORDS[members[0].precision])
    return "\n".join(lines)
