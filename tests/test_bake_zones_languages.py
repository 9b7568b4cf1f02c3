"""The static zones pages in each language (issue 27), checked from the files of a bake of three places.

/en/zones/… and /zh-hant/zones/… are written beside /zones/…, each with its <html lang>,
hreflang alternates, English (or 繁體) downloads, links that stay in the language, and
under the page budget (a page is not charged for the pages its alternates name).
"""

from pathlib import Path

import pytest

from bake import checks, site
from bake import map as zone_map
from bake.render import Writer
from lib.views import zones_map

PLACES = ("all", "northeast", "500101")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("zones-languages") / "public"
    writer = Writer(out, site.DEFAULT_APP_URL, site.NAV)
    zone_map.bake_map(writer, only=PLACES)
    return out


@pytest.mark.parametrize("folder, lang", [("", "zh-CN"), ("en/", "en"), ("zh-hant/", "zh-Hant")])
@pytest.mark.parametrize("place", PLACES)
def test_each_place_is_baked_in_each_language(out, folder, lang, place):
    path = out / folder / "zones" / ("" if place == "all" else place) / "index.html"
    page = checks.read_page(path)
    assert page.lang == lang
    plain = "/zones/" + ("" if place == "all" else f"{place}/")
    alternates = {url for url in page.alternates if url.endswith(plain)}  # each <link rel="alternate" hreflang>
    assert alternates == {plain, f"/en{plain}", f"/zh-hant{plain}"}
    files = zones_map.build(zones_map.State(place=place, lang=lang)).downloads
    assert all((path.parent / name).is_file() for name in (files.xlsx_name, files.csv_name, files.works_csv_name))
    # Every district on the map and in the list opens its page in the same language (the switch aside: it names the alternates)
    places = [
        url
        for tag, _, url in page.links
        if tag == "a" and url.startswith(("/zones/", "/en/zones/", "/zh-hant/zones/")) and url not in alternates
    ]
    assert places and all(url.startswith(f"/{folder}zones/") for url in places)
    assert checks.page_bytes(out, path) <= 150_000


def test_the_city_page_in_english_names_its_files_in_english(out):
    assert (out / "en" / "zones" / "500101" / "Wanzhou District_projects.xlsx").is_file()
    assert (out / "en" / "zones" / "Chongqing (whole city)_linear works.csv").is_file()


def test_a_page_is_not_charged_for_the_pages_its_alternates_name(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text("x" * 200_000, encoding="utf-8")
    (tmp_path / "site.css").write_text("y" * 1000, encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text(
        '<html lang="zh-CN"><head><title>t</title><link rel="alternate" hreflang="en" href="/en/">'
        '<link rel="stylesheet" href="/site.css"></head><body></body></html>',
        encoding="utf-8",
    )
    assert checks.page_bytes(tmp_path, page) == page.stat().st_size + 1000
