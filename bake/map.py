"""The zones map as one SVG (districts filled by zone, a <title> tooltip and a link each, the sited
projects as dots) and a page per zone and district from the 功能区域地图 View of that place."""

from __future__ import annotations

import functools
import math
from html import escape
from urllib.parse import parse_qs, urlsplit

from bake import links
from bake.render import Writer
from lib.plan import zones
from lib.present.maps.styles import ZONE_COLOURS
from lib.views import zones_map

WIDTH = 720
TOLERANCE = 0.004  # degrees; district outlines stay recognisable at 720 px and the SVG small


@functools.cache
def _drawing() -> tuple[int, tuple[tuple[str, str, str], ...], str, int]:
    """What every place's map shares, drawn once: (height, per district (adcode, link, highlighted link), overlay, count)."""
    shapes = zones.load_district_shapes()
    districts = zones.load_districts()
    zone_names = dict(zip(zones.load_zones().zone_id, zones.load_zones().name_zh))
    frame = shapes.merge(districts[["adcode", "primary_zone_id", "name_2016", "name_current", "short_name"]], on="adcode")
    geometry = frame.geometry.simplify(TOLERANCE)
    west, south, east, north = geometry.total_bounds
    x_scale = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * x_scale, north - south
    height = round(WIDTH * span_y / span_x)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * x_scale / span_x * WIDTH, (north - lat) / span_y * height

    def point(lon: float, lat: float) -> str:
        x, y = xy(lon, lat)
        return f"{x:.0f},{y:.0f}"  # a pixel of 720 is finer than the simplified outline

    per_district: dict[str, int] = {}
    for adcodes in zones.projects_in(list(districts.adcode)).district_adcodes:
        for code in str(adcodes).split(";"):
            per_district[code] = per_district.get(code, 0) + 1
    drawn = []
    for row, shape in zip(frame.itertuples(), geometry):
        r, g, b = ZONE_COLOURS[row.primary_zone_id]
        polygons = list(shape.geoms) if shape.geom_type == "MultiPolygon" else [shape]
        rings = " ".join(
            "M" + " ".join(point(x, y) for x, y in ring.coords) + "Z"
            for polygon in polygons
            for ring in [polygon.exterior, *polygon.interiors]
        )
        name = zones.district_name(row.name_2016, row.name_current)
        tip = escape(f"{name} · {zone_names[row.primary_zone_id]} · 规划点名项目 {per_district.get(row.adcode, 0)} 项")

        def link(stroke: str) -> str:
            return (
                f'<a href="{links.place(row.adcode)}" aria-label="{tip}"><title>{tip}</title>'
                f'<path d="{rings}" fill="rgb({r},{g},{b})"{stroke} fill-rule="evenodd"/></a>'
            )

        drawn.append((row.adcode, link(' stroke="#ffffff" stroke-width="1"'), link(' stroke="#000000" stroke-width="2.5"')))
    dots = []
    # Only a site is a dot: a project the plan places only in its district is counted in the district's
    # tooltip, never drawn at the district's point as if that were its site (issue 14; the app does the same).
    projects = zones.load_projects()
    for project in projects[projects.precision == "site"].itertuples():
        x, y = xy(project.lon, project.lat)
        dots.append(
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="2.6"><title>{escape(project.name_zh)}（{escape(project.category)}）</title></circle>'
        )
    labels = []
    for row, shape in zip(frame.itertuples(), geometry):
        if shape.area > 0.05:  # only districts large enough to hold their name at this size
            spot = shape.representative_point()
            x, y = xy(spot.x, spot.y)
            labels.append(f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="middle">{escape(row.short_name)}</text>')
    overlay = (
        '<g class="projects" fill="#222222" fill-opacity="0.7" stroke="#ffffff" stroke-width="0.6">'
        + "".join(dots)
        + "</g>"
        + '<g class="labels" font-size="11" fill="#111111" pointer-events="none">'
        + "".join(labels)
        + "</g>"
    )
    return height, tuple(drawn), overlay, len(frame)


def district_svg(highlight: frozenset[str] = frozenset()) -> str:
    """Every district filled by its primary zone and linked to its page (a <title> is its tooltip);
    the sited projects as dots; ``highlight`` outlined in black.

    The same projection as lib.present.maps.static_map.zone_svg (longitudes scaled by
    cos(latitude)); one <a> per district, so a keyboard reaches each.
    """
    height, drawn, overlay, count = _drawing()
    plain = [link for adcode, link, _ in drawn if adcode not in highlight]
    # A highlighted outline is drawn last, so no neighbour's white edge covers it.
    raised = [link for adcode, _, link in drawn if adcode in highlight]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" class="zone-map" aria-label="重庆市{count}个区县按五大功能区域着色的地图">'
        + "".join(plain + raised)
        + overlay
        + "</svg>"
    )


def _rows(table) -> tuple[list[str], list[list[str]]]:
    if table is None:
        return [], []
    frame = table.to_pandas()
    return list(frame.columns), [["" if v is None else str(v) for v in row] for row in frame.itertuples(index=False)]


def _project_row(columns: list[str], row: list[str], link_column: str, hidden: tuple[str, ...]) -> tuple[list[str], str]:
    """A project's cells, and its passage in the baked plan (the app's 原文链接 names chapter and section)."""
    cells = dict(zip(columns, row))
    query = parse_qs(urlsplit(cells[link_column]).query)
    chapter, section = query.get("chapter", [""])[0], query.get("section", [""])[0]
    return [cell for c, cell in cells.items() if c not in hidden], links.plan(chapter, section) if chapter else ""


# The whole city lists all 308 projects: without the quote, subcategory and position (each
# project's own district page has them) the page stays under the 150 KB page budget.
CITY_HIDDEN = tuple(zones.PROJECT_COLUMNS[key] for key in ("quote", "subcategory", "position"))


def bake_map(writer: Writer) -> list[str]:
    svg = district_svg()
    writer.file("/zones/map.svg", svg)
    places = list(zones.place_ids())
    for place in places:
        view = zones_map.build(zones_map.State(place=place))
        url = links.ZONES if place == zones.ALL else links.place(place)
        members = [] if view.members is None else view.members.to_pandas().to_dict("records")
        project_columns, project_rows = _rows(view.projects)
        hidden = (view.link_column, "project_id", *(CITY_HIDDEN if place == zones.ALL else ()))
        highlight = frozenset(zones.place_districts(place)) if place != zones.ALL else frozenset()
        member_links = {}
        if place in zones.ZONE_IDS:
            member_links = {r.name_2016: links.place(r.adcode) for r in zones.districts_of_zone(place).itertuples() if hasattr(r, "adcode")}
        writer.page(
            url,
            "zones.html",
            title=view.title if place == zones.ALL else f"{view.panel_heading} · {view.title}",
            view=view,
            place=place,
            svg=svg if place == zones.ALL else district_svg(highlight),
            members=members,
            member_links=member_links,
            project_columns=[c for c in project_columns if c not in hidden],
            project_rows=[_project_row(project_columns, row, view.link_column, hidden) for row in project_rows],
            zone_links=[(z, view.place_labels[z], links.place(z)) for z in zones.ZONE_IDS],
            district_links=[
                (p, view.place_labels[p].split(" · ", 1)[-1], links.place(p)) for p in places if p not in zones.ZONE_IDS and p != zones.ALL
            ],
            app_query=zones_map.to_query(zones_map.State(place=place)),
        )
    return places
