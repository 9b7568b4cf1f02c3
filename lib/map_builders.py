"""Pure functions that turn the zone, district and project tables into a pydeck Deck.

No streamlit here: the page caches what these return. Every string that ends
up in a tooltip passes through ``html.escape`` first, because the data may
contain markup (a name is data, never HTML). Streamlit ≥ 1.60 escapes tooltip
values again; with plain Chinese text that changes nothing, and a hostile
value shows as harmless entities.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from lib import zones as zone_data

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
# The part of a split district inside the Inner Ring is core: its outline is
# dashed in a darker shade of the core colour.
SPLIT_OUTLINE = (176, 64, 32)
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
}
assert set(CATEGORY_STYLE) == set(zone_data.CATEGORIES)

PRECISION_WORDS = {
    "site": "位置：项目所在地",
    "district": "位置：区县代表点（示意）",
}
SMALL_DISTRICT_KM2 = 450  # 渝中, 大渡口, 江北, 沙坪坝, 九龙坡, 南岸
MAX_LINES = 8  # projects listed in one tooltip before "…另有 n 项"
MAP_HEIGHT = 560
# The page is "wide"; the map column is rarely narrower than this.
ASSUMED_MAP_WIDTH = 720

TOOLTIP = {
    "html": "<b>{tip_title}</b><br/>{tip_body}",
    "style": {
        "backgroundColor": "#ffffff",
        "color": "#111111",
        "border": "1px solid #444444",
        "fontSize": "13px",
        "lineHeight": "1.45",
        "maxWidth": "380px",
        # Line breaks travel as "\n" inside escaped values, never as <br>.
        "whiteSpace": "pre-line",
    },
}
LABEL_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"
GLYPH_FONT = "'DejaVu Sans', 'Segoe UI Symbol', 'Apple Symbols', 'Noto Sans Symbols 2', sans-serif"


class SerialisedDeck(pdk.Deck):
    """A Deck that serialises itself once, compactly.

    ``st.pydeck_chart`` calls ``to_json`` on every rerun and pydeck
    pretty-prints, which is the slow, heavy step of a map page. The deck is
    immutable once built, so the text is computed on first use and kept.
    """

    def to_json(self) -> str:
        cached = self.__dict__.get("_json_text")
        if cached is None:
            cached = json.dumps(
                self, sort_keys=True, default=default_serialize, separators=(",", ":"), ensure_ascii=False
            )
            self.__dict__["_json_text"] = cached
        return cached


def escape(value: object) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value))


def district_names(districts: pd.DataFrame) -> dict[str, str]:
    """adcode → the name a reader of the plan knows, with today's name where it changed."""
    names = {}
    for row in districts.itertuples():
        name = row.name_2016
        if row.name_current != row.name_2016:
            name = f"{name}（今{row.name_current}）"
        names[row.adcode] = name
    return names


def source_label(project) -> str:
    if project.box:
        return project.box
    return f"正文{project.chapter}{project.section}"


def district_features(
    boundaries: dict,
    districts: pd.DataFrame,
    zones: pd.DataFrame,
    district_zones: pd.DataFrame,
    projects: pd.DataFrame,
    highlight: Iterable[str] = (),
) -> list[dict]:
    """The districts as GeoJSON features, each with its fill, outline and an escaped tooltip.

    Selected districts get a heavy black outline through their own
    properties, so a selection never duplicates geometry in the payload.
    """
    selected = set(highlight)
    zone_names = dict(zip(zones.zone_id, zones.name_zh))
    zone_groups = dict(zip(zones.zone_id, zones.group_zh))
    by_adcode = districts.set_index("adcode")
    counts = _project_counts(projects)
    names = district_names(districts)
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
                    "tip_title": escape(names[adcode]),
                    "tip_body": escape("\n".join(lines)),
                },
            }
        )
    return features


def _project_counts(projects: pd.DataFrame) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in projects.district_adcodes:
        for adcode in zone_data.split_adcodes(value):
            counts[adcode] = counts.get(adcode, 0) + 1
    return counts


def split_outlines(boundaries: dict, districts: pd.DataFrame) -> list[dict]:
    """The outer rings of the districts that two zones share, for a dashed outline."""
    split = set(districts.adcode[districts.split_zones])
    paths = []
    for feature in boundaries["features"]:
        if feature["properties"]["adcode"] not in split:
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            ring = polygon[0]
            if len(ring) > 8:  # slivers along rivers add nothing but bytes
                paths.append({"path": ring})
    return paths


def label_rows(boundaries: dict, districts: pd.DataFrame, small: bool) -> list[dict]:
    """District names at their representative points: the small central districts, or the rest.

    The six districts around the Inner Ring are each a few pixels wide at the
    opening zoom; their names are sized in metres (see build_deck) so they
    appear as the reader zooms in instead of piling up on one another.
    """
    short = dict(zip(districts.adcode, districts.short_name))
    rows = []
    for feature in boundaries["features"]:
        props = feature["properties"]
        if (props["area_km2"] < SMALL_DISTRICT_KM2) == small:
            rows.append({"position": [props["label_lon"], props["label_lat"]], "text": short[props["adcode"]]})
    return rows


def marker_rows(projects: pd.DataFrame, districts: pd.DataFrame, categories: Iterable[str]) -> list[dict]:
    """Placed projects grouped into one marker per place and category.

    Many projects share their district's representative point, so markers of
    different categories at one point are fanned out on a small ring of fixed
    pixel offsets: the geographic position stays the recorded one, and the
    tooltip says how precise it is.
    """
    wanted = [c for c in zone_data.CATEGORIES if c in set(categories)]
    placed = projects[(projects.precision != "none") & projects.category.isin(wanted)]
    names = district_names(districts)
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
                    "adcodes": sorted({code for p in members for code in zone_data.split_adcodes(p.district_adcodes)}),
                    "tip_title": escape(_marker_title(category, members, names)),
                    "tip_body": escape(_marker_body(members)),
                }
            )
    return rows


def _ring_offset(slot: int, count: int) -> list[float]:
    if count == 1:
        return [0.0, 0.0]
    radius = max(10.0, 3.6 * count)
    angle = -math.pi / 2 + 2 * math.pi * slot / count
    return [round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1)]


def _marker_title(category: str, members: list, names: dict[str, str]) -> str:
    places = "、".join(dict.fromkeys(names[c] for p in members for c in zone_data.split_adcodes(p.district_adcodes)))
    if len(members) == 1:
        return f"{members[0].name_zh}（{category}）· {places}"
    return f"{category} {len(members)} 项 · {places}"


def _marker_body(members: list) -> str:
    lines = []
    for project in members[:MAX_LINES]:
        status = f"，{project.status}" if project.status else ""
        lines.append(f"{project.name_zh}（{project.subcategory}{status}）— {source_label(project)}")
    if len(members) > MAX_LINES:
        lines.append(f"…另有 {len(members) - MAX_LINES} 项，见下方表格")
    lines.append(PRECISION_WORDS[members[0].precision])
    return "\n".join(lines)


def fit_view(bounds: tuple[float, float, float, float], width: int, height: int, padding: float = 0.06) -> pdk.ViewState:
    """A view state that shows ``bounds`` (lon/lat) whole in a width × height map."""
    west, south, east, north = bounds

    def mercator_y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    span_x = math.radians(east - west)
    span_y = mercator_y(north) - mercator_y(south)
    usable_w, usable_h = width * (1 - 2 * padding), height * (1 - 2 * padding)
    # At zoom z the world is 512·2^z px wide in deck.gl, i.e. 512·2^z / 2π px per radian.
    zoom = min(math.log2(usable_w * 2 * math.pi / (512 * span_x)), math.log2(usable_h * 2 * math.pi / (512 * span_y)))
    centre_lat = math.degrees(2 * math.atan(math.exp((mercator_y(north) + mercator_y(south)) / 2)) - math.pi / 2)
    return pdk.ViewState(
        longitude=round((west + east) / 2, 4),
        latitude=round(centre_lat, 4),
        zoom=round(zoom, 2),
        min_zoom=round(zoom - 1, 2),
        max_zoom=12,
        pitch=0,
        bearing=0,
    )


def boundary_bounds(boundaries: dict) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for feature in boundaries["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for x, y in polygon[0]:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def build_deck(
    boundaries: dict,
    districts: pd.DataFrame,
    zones: pd.DataFrame,
    district_zones: pd.DataFrame,
    projects: pd.DataFrame,
    categories: Iterable[str],
    highlight: Iterable[str] = (),
) -> SerialisedDeck:
    """The whole map: zone fills, outlines, highlight, project markers, labels.

    Every layer has an id, which ``on_select`` needs. Only the district and
    marker layers are pickable.
    """
    features = district_features(boundaries, districts, zones, district_zones, projects, highlight)
    layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id="districts",
            data=features,
            filled=True,
            stroked=True,
            get_fill_color="properties.fill",
            get_line_color="properties.line",
            get_line_width="properties.width",
            line_width_units="'pixels'",
            pickable=True,
            auto_highlight=True,
            highlight_color=[255, 255, 255, 90],
        ),
        pdk.Layer(
            "PathLayer",
            id="split-outlines",
            data=split_outlines(boundaries, districts),
            get_path="path",
            get_color=list(SPLIT_OUTLINE),
            width_min_pixels=2.5,
            get_width=2.5,
            width_units="'pixels'",
            get_dash_array=[3, 2],
            dash_justified=True,
            extensions=[{"@@type": "PathStyleExtension", "dash": True}],
        ),
        pdk.Layer(
            "TextLayer",
            id="projects",
            data=marker_rows(projects, districts, categories),
            get_position="position",
            get_text="glyph",
            get_color="colour",
            get_size="size",
            get_pixel_offset="offset",
            size_units="'pixels'",
            font_family=f'"{GLYPH_FONT}"',
            character_set="'auto'",
            font_settings={"sdf": True},
            outline_width=4,
            outline_color=[255, 255, 255, 255],
            pickable=True,
        ),
        _label_layer("labels", label_rows(boundaries, districts, small=False), size=13, units="pixels"),
        # About 2.6 km tall: legible from zoom 8.5, specks at the opening zoom.
        _label_layer("labels-small", label_rows(boundaries, districts, small=True), size=2600, units="meters"),
    ]
    return SerialisedDeck(
        layers=layers,
        initial_view_state=fit_view(boundary_bounds(boundaries), ASSUMED_MAP_WIDTH, MAP_HEIGHT),
        # No basemap and no outbound request. Leave map_style alone: an explicit
        # None makes Streamlit fall back to a Carto basemap, which fails offline.
        map_provider=None,
        tooltip=TOOLTIP,
        height=MAP_HEIGHT,
    )


def _label_layer(layer_id: str, rows: list[dict], size: float, units: str) -> pdk.Layer:
    return pdk.Layer(
        "TextLayer",
        id=layer_id,
        data=rows,
        get_position="position",
        get_text="text",
        get_size=size,
        size_units=f"'{units}'",
        size_max_pixels=14,
        get_color=[17, 17, 17, 255],
        font_family=f'"{LABEL_FONT}"',
        font_weight=600,
        character_set="'auto'",
        font_settings={"sdf": True},
        outline_width=3,
        outline_color=[255, 255, 255, 230],
        get_pixel_offset=[0, 12],
    )


def payload_bytes(deck: pdk.Deck) -> int:
    """Bytes of the spec Streamlit sends to the browser for this deck."""
    return len(deck.to_json().encode("utf-8"))


_KEY_ROW = 24  # px per legend row; with 15 px type it reads on a projector


def _svg(width: int, height: int, parts: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="sans-serif" font-size="15">' + "".join(parts) + "</svg>"
    )


def zone_key_svg(zones: pd.DataFrame, width: int = 400) -> str:
    """The zone colours and the split-district outline, one row each, as a small SVG.

    An image rather than HTML in markdown, which would pull a 184 KB script
    bundle into the page. Every data string is escaped; colours are ours.
    """
    parts = []
    for row, zone in enumerate(zones.itertuples()):
        r, g, b = ZONE_COLOURS[zone.zone_id]
        y = row * _KEY_ROW
        parts.append(f'<rect x="1" y="{y + 4}" width="18" height="15" fill="rgb({r},{g},{b})" stroke="#464646"/>')
        parts.append(f'<text x="28" y="{y + 17}" fill="#111">{escape(zone.name_zh)}<tspan fill="#555">（{escape(zone.group_zh)}）</tspan></text>')
    y = len(zones) * _KEY_ROW
    r, g, b = SPLIT_OUTLINE
    parts.append(f'<rect x="2" y="{y + 5}" width="16" height="13" fill="none" stroke="rgb({r},{g},{b})" stroke-width="2" stroke-dasharray="3 2"/>')
    parts.append(f'<text x="28" y="{y + 17}" fill="#111">跨核心区与拓展区（以内环为界）</text>')
    return _svg(width, y + _KEY_ROW + 2, parts)


def marker_key_svg(counts: dict[str, int], width: int = 400) -> str:
    """The project markers shown, with their counts, in two columns, as a small SVG."""
    parts = []
    half = (len(counts) + 1) // 2
    for index, (category, count) in enumerate(counts.items()):
        glyph, (r, g, b) = CATEGORY_STYLE[category]
        x, y = (index // half) * (width // 2), (index % half) * _KEY_ROW if half else 0
        parts.append(f'<text x="{x + 2}" y="{y + 17}" font-size="17" fill="rgb({r},{g},{b})">{glyph}</text>')
        parts.append(f'<text x="{x + 24}" y="{y + 17}" fill="#111">{escape(category)} {count}</text>')
    return _svg(width, max(half, 1) * _KEY_ROW + 2, parts)


def zone_svg(shapes, districts: pd.DataFrame, zones: pd.DataFrame, width: int = 520, tolerance: float = 0.01) -> str:
    """A small static map of the five zones as SVG: no script bundle, no basemap.

    ``shapes`` is the districts' GeoDataFrame (lib.zones.load_district_shapes);
    districts are merged by primary zone and simplified to ``tolerance``
    degrees, which keeps the picture to a few kilobytes. Names are escaped.
    Longitudes are scaled by cos(latitude) so the shape is not stretched.
    """
    import math

    frame = shapes.merge(districts[["adcode", "primary_zone_id"]], on="adcode")
    merged = frame.dissolve(by="primary_zone_id").geometry.simplify(tolerance)
    west, south, east, north = merged.total_bounds
    x_scale = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * x_scale, north - south
    height = round(width * span_y / span_x)

    def point(lon: float, lat: float) -> str:
        return f"{(lon - west) * x_scale / span_x * width:.0f},{(north - lat) / span_y * height:.0f}"

    paths = []
    for zone_id, geometry in merged.items():
        r, g, b = ZONE_COLOURS[zone_id]
        polygons = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
        rings = " ".join(
            "M" + " L".join(point(x, y) for x, y in ring.coords) + "Z"
            for polygon in polygons
            for ring in [polygon.exterior, *polygon.interiors]
        )
        paths.append(f'<path d="{rings}" fill="rgb({r},{g},{b})" stroke="#ffffff" stroke-width="1.2" fill-rule="evenodd"/>')
    legend = []
    for index, zone in enumerate(zones.itertuples()):
        r, g, b = ZONE_COLOURS[zone.zone_id]
        y = 16 + index * 20
        legend.append(
            f'<rect x="4" y="{y - 12}" width="14" height="14" fill="rgb({r},{g},{b})"/>'
            f'<text x="24" y="{y}" font-size="13" fill="#111">{escape(zone.name_zh)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        + "".join(paths)
        + "".join(legend)
        + "</svg>"
    )
