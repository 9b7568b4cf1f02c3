"""The zones pages: one per place (the city, each zone, each district), each from the 功能区域地图 View of that place.

The map is the View's own picture (lib.present.maps.static_map: districts filled
by zone, a <title> tooltip and a link each, the sited projects as dots), drawn
with this edition's addresses; nothing here reads the zone tables.
"""

from __future__ import annotations

import dataclasses

from bake.render import Writer
from lib.present import i18n, routes
from lib.present.blocks import Table
from lib.present.exports_places import LinkBase
from lib.present.maps.static_map import svg
from lib.views import zones_map
from lib.views.zones_map import downloads

# The whole city lists all 308 projects: without the quote, subcategory and position (each
# project's own district page has them) the page stays under the 150 KB page budget.
CITY_HIDDEN = tuple(zones_map.COLUMNS[key] for key in ("quote", "subcategory", "position"))
# In English and 繁體 each project's name carries its lang="zh-CN" mark and English words run longer
# (163.5 KB for /en/zones/ with the 简体 page's columns): the zone and the source go too. Each name still
# links to its passage in the plan, and every zone's and district's page lists them in full.
CITY_HIDDEN_TRANSLATED = CITY_HIDDEN + tuple(zones_map.COLUMNS[key] for key in ("zone", "source"))


def without(table: Table, hidden: tuple[str, ...]) -> Table:
    """``table`` without the columns named in ``hidden``."""
    keep = [index for index, header in enumerate(table.headers) if header not in hidden]
    return dataclasses.replace(
        table, headers=tuple(table.headers[i] for i in keep), rows=tuple(tuple(row[i] for i in keep) for row in table.rows)
    )


def link_base(writer: Writer) -> LinkBase:
    """Where a file's 原文链接 point: this site's public address, else the app's (both absolute; a file has no page to be relative to)."""
    return LinkBase(writer.site_url, static=True) if writer.site_url else LinkBase(writer.app_url)


def bake_files(writer: Writer, url: str, place: str, links: LinkBase, lang: str = i18n.DEFAULT) -> None:
    """下载 beside the place's page: the Excel workbook and a CSV of each list, named after the place, in the page's language."""
    files = downloads.of_place(place, lang)
    writer.file(url + files.xlsx_name, downloads.xlsx_bytes(place, links, lang))
    writer.file(url + files.csv_name, downloads.csv_bytes(place, downloads.PROJECTS_SHEET, links, lang))
    writer.file(url + files.works_csv_name, downloads.csv_bytes(place, downloads.WORKS_SHEET, links, lang))


def bake_map(writer: Writer, only: tuple[str, ...] = (), langs: tuple[str, ...] = i18n.LANGS) -> list[str]:
    """Every place's page and files in each language, /zones/…, /en/zones/… and /zh-hant/zones/… (issue 27)
    (``only``: just those places, for a quick look or a test)."""
    links = link_base(writer)
    places: list[str] = []
    for lang in langs:
        city = zones_map.build(zones_map.State(lang=lang))
        hidden = tuple(map(i18n.gettext(lang), CITY_HIDDEN if lang == i18n.DEFAULT else CITY_HIDDEN_TRANSLATED))
        places = [p for p in city.place_ids if not only or p in only]
        for place in places:
            view = city if place == zones_map.ALL else zones_map.build(zones_map.State(place=place, lang=lang))
            url = routes.static_path(zones_map.place_target(place, lang))
            picture = svg(view.picture, href=writer.static_link)
            projects = without(view.projects, hidden) if place == zones_map.ALL else view.projects
            quoted_headers = {view.projects.headers[i] for i in view.quoted_projects}
            if place == zones_map.ALL and lang == i18n.DEFAULT:
                writer.file(f"{routes.ZONES}map.svg", picture)
            bake_files(writer, url, place, links, lang)
            writer.page(
                url,
                "zones.html",
                lang=lang,
                alternates=i18n.LANGS,
                title=view.title if place == zones_map.ALL else f"{view.panel_heading} · {view.title}",
                view=view,
                place=place,
                city=place == zones_map.ALL,
                svg=picture,
                projects=projects,
                # The plan's words (names, 原文) by column, marked 简体 on a page in another language.
                quoted=tuple(i for i, header in enumerate(projects.headers) if header in quoted_headers),
                app_query=zones_map.to_query(zones_map.State(place=place, lang=lang)),
            )
    return places
