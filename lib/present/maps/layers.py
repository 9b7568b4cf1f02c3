"""The rows of each map layer: district fills with their tooltips, borders, the split districts' stripes, the works' links.

Where each name and project glyph stands is ``marks``.

Tooltip fields hold plain text. Streamlit (≥ 1.60) HTML-escapes every value
it puts into the tooltip template, so escaping here as well would show a
name with ``&`` as ``&amp;``; tests/browser/test_zones_map_tasks.py hovers
such a name in the real frontend.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from shapely.geometry import LineString, MultiLineString, shape
from shapely.ops import linemerge

from lib.plan.zones import tables
from lib.present.i18n import N_
from lib.present.maps.marks import _text
from lib.present.maps.styles import FILL_ALPHA, HIGHLIGHT, OUTLINE, ZONE_COLOURS
from lib.present.maps.words import Words


def district_features(
    boundaries: dict,
    districts: pd.DataFrame,
    zones: pd.DataFrame,
    district_zones: pd.DataFrame,
    projects: pd.DataFrame,
    highlight: Iterable[str] = (),
    categories: Iterable[str] | None = None,
    partly: Iterable[str] = (),
    work_counts: dict[str, int] | None = None,
    markers: Iterable[dict] = (),
    words: Words = Words(),
) -> list[dict]:
    """The districts as GeoJSON features, each with its fill and tooltip text (outlines: ``district_outlines``).

    The tooltip counts, per category shown, the projects the plan places
    only in this district: they have no point of their own on the map. It
    also lists the projects drawn at a site in the district (``markers``,
    from ``marker_rows``), with the source of each site's coordinates: a
    marker is not picked on its own, so pointing at it or clicking it
    reaches the district it stands in.
    """
    zone_names = {z: words.zone(n) for z, n in zip(zones.zone_id, zones.name_zh)}
    zone_groups = {z: words.zone(g) for z, g in zip(zones.zone_id, zones.group_zh)}
    by_adcode = districts.set_index("adcode")
    counts = _project_counts(projects)
    in_district = district_category_counts(projects, categories)
    names = words.district_names(districts, codes=True)
    _ = words._
    for_extent = _("{zone}（{extent}）")
    features = []
    for feature in boundaries["features"]:
        adcode = feature["properties"]["adcode"]
        district = by_adcode.loc[adcode]
        links = district_zones[district_zones.adcode == adcode]
        parts = [
            zone_names[z] if extent == "全域" else for_extent.format(zone=zone_names[z], extent=words.data(extent, "zone_extent"))
            for z, extent in zip(links.zone_id, links.extent)
        ]
        group = words.join(dict.fromkeys(zone_groups[z] for z in links.zone_id))
        lines = [
            _("功能区域：{zones}").format(zones=_("；").join(parts)),
            _("所属：{group}").format(group=group),
            _("规划点名项目：{count} 项").format(count=counts.get(adcode, 0)),
        ]
        here = in_district.get(adcode, {})
        if here:
            listed = words.join(f"{words.category(category)} {n}" for category, n in here.items())
            lines.append(_("只点到本区县、无具体地点（地图上不画点）：{listed}").format(listed=listed))
        if (work_counts or {}).get(adcode):
            lines.append(_("名称写到本区县的线状工程：{count} 项（见下方线状工程表）").format(count=work_counts[adcode]))
        if district.split_zones:
            lines.append(_(SPLIT_WORDS))
        quoted = []
        for marker in markers:
            if adcode in marker["adcodes"]:
                lines.append(_("所在地画点 · {title}").format(title=marker["tip_title"]))
                lines.append(marker["tip_body"])
                quoted.extend(marker.get("tip_quote", "").splitlines())
        features.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {
                    "adcode": adcode,
                    "fill": [*ZONE_COLOURS[district.primary_zone_id], FILL_ALPHA],
                    "tip_title": _text(names[adcode]),
                    "tip_body": "\n".join(lines),
                    # The projects' names, the plan's own words: a tooltip marks them Chinese (deck.tooltip)
                    "tip_quote": "\n".join(quoted),
                },
            }
        )
    return features


def district_outlines(boundaries: dict, highlight: Iterable[str] = (), partly: Iterable[str] = ()) -> list[dict]:
    """Every border between districts drawn once, as up to three MultiLineString features by weight.

    A border two districts share is one line, not two on top of each other:
    the boundaries are simplified as a coverage (geo/README.md), so shared
    edges match point for point. That halves what the browser draws each
    frame, which in software WebGL is most of a frame's time
    (bench.browser_zones_map). A border of a selected district is heavy
    (width 3), of a district only partly in the selected zone (``partly``)
    medium (2), every other one thin (1), except the city's outer edge,
    which has no thin line; heavier ones come last, so they are drawn on
    top. Each feature lists the districts it outlines.
    """
    selected, partial = set(highlight) - set(partly), set(partly)
    weight_of: dict[tuple, int] = {}
    touching: dict[tuple, set[str]] = {}
    for feature in boundaries["features"]:
        adcode = feature["properties"]["adcode"]
        weight = 3 if adcode in selected else 2 if adcode in partial else 1
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for ring in (ring for polygon in polygons for ring in polygon):
            for a, b in zip(ring, ring[1:]):
                edge = (tuple(a), tuple(b)) if tuple(a) <= tuple(b) else (tuple(b), tuple(a))
                weight_of[edge] = max(weight_of.get(edge, 1), weight)
                touching.setdefault(edge, set()).add(adcode)
    features = []
    for weight in (1, 2, 3):
        # The city's own edge gets no thin line: the colour ends there against the white page.
        # That is 45 % of all border segments (3,607 of 8,035), drawn in every frame.
        edges = [edge for edge, w in weight_of.items() if w == weight and (weight > 1 or len(touching[edge]) > 1)]
        if not edges:
            continue
        merged = linemerge(MultiLineString([list(edge) for edge in edges]))
        lines = list(getattr(merged, "geoms", [merged]))
        outlined = {code for edge in edges for code in touching[edge]} if weight == 1 else (selected if weight == 3 else partial)
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "MultiLineString", "coordinates": [[list(point) for point in line.coords] for line in lines]},
                "properties": {"colour": list(OUTLINE if weight == 1 else HIGHLIGHT) + [255], "width": weight, "adcodes": sorted(outlined)},
            }
        )
    return features


SPLIT_WORDS = N_("斜线：一部分属都市功能核心区、其余属都市功能拓展区，分界（内环）未画出；底色取面积较大的都市功能拓展区")


def district_category_counts(projects: pd.DataFrame, categories: Iterable[str] | None = None) -> dict[str, dict[str, int]]:
    """adcode → {category: projects placed only in that district}, categories in the fixed order.

    A project the plan places in several districts counts in each of them.
    """
    wanted = tables.CATEGORIES if categories is None else [c for c in tables.CATEGORIES if c in set(categories)]
    rows = projects[(projects.precision == "district") & projects.category.isin(wanted)]
    found: dict[str, dict[str, int]] = {}
    for project in rows.itertuples():
        for adcode in tables.split_adcodes(project.district_adcodes):
            found.setdefault(adcode, {}).setdefault(project.category, 0)
            found[adcode][project.category] += 1
    return {a: {c: by[c] for c in wanted if c in by} for a, by in found.items()}


def _project_counts(projects: pd.DataFrame) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in projects.district_adcodes:
        for adcode in tables.split_adcodes(value):
            counts[adcode] = counts.get(adcode, 0) + 1
    return counts


HATCH_SPACING = 0.012  # degrees, about 1.2 km between stripes: a few across 大渡口, the smallest split district


def split_hatch(boundaries: dict, districts: pd.DataFrame) -> list[dict]:
    """Diagonal stripes across each district two zones share, clipped to its polygon.

    The Inner Ring that divides them is not drawn: no geometry for it with a
    known licence could be had (geo/README.md). The stripes say only "part
    core, part expansion" for the whole district, never where the line runs.
    """
    split = set(districts.adcode[districts.split_zones])
    rows = []
    for feature in boundaries["features"]:
        if feature["properties"]["adcode"] not in split:
            continue
        polygon = shape(feature["geometry"])
        west, south, east, north = polygon.bounds
        span = (east - west) + (north - south)
        # Lines y = x + c (45° on the ground near 30°N, a little steeper on screen), c stepping across the box.
        steps = int(span / HATCH_SPACING) + 2
        for k in range(steps):
            c = (south - east) + k * HATCH_SPACING
            line = LineString([(west, west + c), (east, east + c)])
            for piece in getattr(clipped := line.intersection(polygon), "geoms", [clipped]):
                if isinstance(piece, LineString) and not piece.is_empty and piece.length > HATCH_SPACING / 4:
                    rows.append({"path": [[round(x, 4), round(y, 4)] for x, y in piece.coords]})
    return rows


def work_links(works: pd.DataFrame, boundaries: dict, words: Words = Words()) -> tuple[list[dict], list[dict]]:
    """The linear works drawn as 示意: a path through the points of the districts each one's name names, in that order.

    Not the route: only which districts the name joins. Each link is
    labelled 示意 at its middle. Works naming fewer than two districts are
    not drawn (``schematic`` false; their reason is in the table). The work's
    name is the plan's: quoted apart (``tip_quote``), never translated.
    """
    points = {f["properties"]["adcode"]: [f["properties"]["label_lon"], f["properties"]["label_lat"]] for f in boundaries["features"]}
    _ = words._
    paths, labels = [], []
    for work in works[works.schematic].itertuples():
        path = [points[code] for code in tables.split_adcodes(work.district_adcodes)]
        named = words.join(words.short(name) for name in _text(work.named_places).split("、") if name)
        where = words.place(work.chapter, work.section, work.box) if words.english else _text(work.box)
        if words.quotes_apart:
            title, quote = _("{kind}，示意").format(kind=words.data(work.kind, "work_kind")), _text(work.name_zh)
        else:
            title, quote = _("{name}（{kind}，示意）").format(name=_text(work.name_zh), kind=words.text(_text(work.kind))), ""
        paths.append(
            {
                "path": path,
                "tip_title": title,
                "tip_body": _("连线只连接名称所写区县（{places}）的代表点，不是实际走向\n— {where}").format(places=named, where=where),
                "tip_quote": quote,
            }
        )
        a, b = path[len(path) // 2 - 1], path[len(path) // 2]
        labels.append({"position": [round((a[0] + b[0]) / 2, 4), round((a[1] + b[1]) / 2, 4)], "text": _("示意")})
    return paths, labels
