"""The zones pages: one per place (the city, each zone, each district), each from the 功能区域地图 View of that place.

The map is the View's own picture (lib.present.maps.static_map: districts filled
by zone, a <title> tooltip and a link each, the sited projects as dots), drawn
with this edition's addresses; nothing here reads the zone tables.
"""

from __future__ import annotations

import dataclasses

from bake.render import Writer
from lib.present import routes
from lib.present.blocks import Table
from lib.present.exports_places import LinkBase
from lib.present.maps.static_map import svg
from lib.views import zones_map
from lib.views.zones_map import downloads

# The whole city lists all 308 projects: without the quote, subcategory and position (each
# project's own district page has them) the page stays under the 150 KB page budget.
CITY_HIDDEN = tuple(zones_map.COLUMNS[key] for key in ("quote", "subcategory", "position"))


def without(table: Table, hidden: tuple[str, ...]) -> Table:
    """``table`` without the columns named in ``hidden``."""
    keep = [index for index, header in enumerate(table.headers) if header not in hidden]
    return dataclasses.replace(
        table, headers=tuple(table.headers[i] for i in keep), rows=tuple(tuple(row[i] for i in keep) for row in table.rows)
    )


def link_base(writer: Writer) -> LinkBase:
    """Where a file's 原文链接 point: this site's public address, else the app's (both absolute; a file has no page to be relative to)."""
    return LinkBase(writer.site_url, static=True) if writer.site_url else LinkBase(writer.app_url)


def bake_files(writer: Writer, url: str, place: str, links: LinkBase) -> None:
    """下载 beside the place's page: the Excel workbook and a CSV of each list, named after the place."""
    files = downloads.of_place(place)
    writer.file(url + files.xlsx_name, downloads.xlsx_bytes(place, links))
    writer.file(url + files.csv_name, downloads.csv_bytes(place, downloads.PROJECTS_SHEET, links))
    writer.file(url + files.works_csv_name, downloads.csv_bytes(place, downloads.WORKS_SHEET, links))


def bake_map(writer: Writer, only: tuple[str, ...] = ()) -> list[str]:
    """Every place's page and files (``only``: just those places, for a quick look or a test)."""
    city = zones_map.build(zones_map.State())
    links = link_base(writer)
    places = [p for p in city.place_ids if not only or p in only]
    for place in places:
        view = city if place == zones_map.ALL else zones_map.build(zones_map.State(place=place))
        url = routes.static_path(zones_map.place_target(place))
        picture = svg(view.picture, href=writer.static_link)
        if place == zones_map.ALL:
            writer.file(f"{routes.ZONES}map.svg", picture)
        bake_files(writer, url, place, links)
        writer.page(
            url,
            "zones.html",
            title=view.title if place == zones_map.ALL else f"{view.panel_heading} · {view.title}",
            view=view,
            place=place,
            city=place == zones_map.ALL,
            svg=picture,
            projects=without(view.projects, CITY_HIDDEN) if place == zones_map.ALL else view.projects,
            app_query=zones_map.to_query(zones_map.State(place=place)),
        )
    return places
