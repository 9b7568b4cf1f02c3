"""The zones pages: one per place (the city, each zone, each district), each from the 功能区域地图 View of that place.

The map is the View's own picture (lib.present.maps.static_map: districts filled
by zone, a <title> tooltip and a link each, the sited projects as dots), drawn
with this edition's addresses; nothing here reads the zone tables.
"""

from __future__ import annotations

from bake.render import Writer
from lib.present import i18n, routes
from lib.present.exports_places import LinkBase
from lib.present.maps.static_map import svg
from lib.views import zones_map
from lib.views.zones_map import downloads, listing


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
        places = [p for p in city.place_ids if not only or p in only]
        for place in places:
            view = city if place == zones_map.ALL else zones_map.build(zones_map.State(place=place, lang=lang))
            url = routes.static_path(zones_map.place_target(place, lang))
            picture = svg(view.picture, href=writer.static_link)
            projects, quoted = (
                listing.city_table(view.projects, view.quoted_projects, lang)
                if place == zones_map.ALL
                else (view.projects, view.quoted_projects)
            )
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
                quoted=quoted,  # the plan's words (names, 原文) by column, marked 简体 on a page in another language
                app_query=zones_map.to_query(zones_map.State(place=place, lang=lang)),
            )
    return places
