"""Every indicator's static page in /en/ and /zh-hant/ (issue 27): <html lang>, the hreflang alternates, the
trajectory chart compiled from the View in that language and its keyboard readout in it; the 简体 page unchanged.

The site is baked once per session (tests/conftest.py baked_site); these read it back.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from bake import charts, pages
from lib.present import i18n, readout
from lib.views import trajectories

HAN = re.compile(r"[\u3400-\u9fff]")
FOREST = "t2_forest_cover"


@pytest.fixture(scope="module")
def out(baked_site) -> Path:
    return baked_site[0]


def page_of(out: Path, lang: str, indicator: str) -> str:
    return (out / i18n.localized(f"/indicator/{indicator}/", lang).lstrip("/") / "index.html").read_text(encoding="utf-8")


def test_every_indicator_page_is_baked_in_every_language(out):
    ids = [indicator for view in pages.table_views().values() for indicator in view.row_ids]
    for lang in i18n.LANGS:
        for indicator in ids:
            page = page_of(out, lang, indicator)
            assert f'<html lang="{lang}">' in page, (lang, indicator)
            alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)
            assert sorted(alternates) == sorted(
                [(other, i18n.localized(f"/indicator/{indicator}/", other)) for other in i18n.LANGS]
                + [("x-default", f"/indicator/{indicator}/")]
            ), (lang, indicator)


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_trajectory_chart_is_the_view_s_in_the_language(out, lang):
    folder = out / i18n.localized(f"/indicator/{FOREST}/", lang).lstrip("/")
    view = trajectories.build(trajectories.State(indicator=FOREST, lang=lang))
    assert json.loads((folder / "chart.json").read_text(encoding="utf-8")) == charts.vega_spec(view.chart.spec)
    page = page_of(out, lang, FOREST)
    (found,) = [m for m in re.findall(r'data-readout="([^"]*)"', page) if '"lang":"' + lang + '"' in html.unescape(m)][:1]
    assert html.unescape(found) == readout.read(view.chart).json()
    if lang == i18n.EN:
        assert not HAN.search((folder / "chart.svg").read_text(encoding="utf-8"))
        assert not HAN.search((folder / "chart.json").read_text(encoding="utf-8"))
