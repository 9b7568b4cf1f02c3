"""Issue 26 in the baked site: each chart's readout is its View's, chart2music loads after the load
event only where a chart has a readout, and every page carries the 大字号 / 高对比 switch."""

from __future__ import annotations

import html
import json
import re

import pytest

from bake import checks, embed, links
from lib.present import display, readout, routes
from lib.present.i18n import gettext
from lib.views import trajectories

READOUT = re.compile(r'<div class="readout" data-readout="([^"]*)" hidden>')
INDICATORS = ("t2_forest_cover", "t2_gdp_growth", "t1_gdp")  # a share, a five-year rate (bars), a level


@pytest.fixture(scope="module")
def out(baked_site):
    return baked_site[0]


def _page(out, url: str) -> str:
    target = out / url.lstrip("/")
    return (target / "index.html" if url.endswith("/") else target).read_text(encoding="utf-8")


@pytest.mark.parametrize("indicator", INDICATORS)
def test_an_indicator_page_and_its_embed_read_the_trajectory_chart_as_the_view_gives_it(out, indicator):
    expected = readout.read(trajectories.build(trajectories.State(indicator=indicator)).chart).json()
    for url in (routes.indicator(indicator), embed.url(indicator)):
        page = _page(out, url)
        found = [html.unescape(found) for found in READOUT.findall(page)]
        # the page's first chart; a pace or studio chart below it has its own (tests/test_bake_readout_live.py)
        assert found[:1] == [expected] and (url == routes.indicator(indicator) or found == [expected]), url
        assert f'<script src="{links.READOUT_SCRIPT}" data-chart2music="{links.CHART2MUSIC}" defer></script>' in page, url
        assert f'<link rel="stylesheet" href="{links.READOUT_CSS}">' in page, url
        assert f'src="{links.CHART2MUSIC}"' not in page, url  # fetched by readout.js after the load event


def test_the_ranking_on_indicators_has_its_readout(out):
    page = _page(out, routes.INDICATORS)
    (found,) = READOUT.findall(page)
    assert html.unescape(found) == readout.read(trajectories.build(trajectories.State()).ranking_chart).json()


def test_a_page_with_no_chart_loads_no_readout(out):
    for url in (routes.PLAN, routes.METHODS, routes.REPORT):
        page = _page(out, url)
        assert links.READOUT_SCRIPT not in page and links.READOUT_CSS not in page and "data-readout" not in page, url


def test_the_site_serves_chart2music_and_the_readout_script_unchanged(out):
    assert (out / links.CHART2MUSIC.lstrip("/")).read_bytes() == readout.CHART2MUSIC.read_bytes()
    assert (out / links.READOUT_SCRIPT.lstrip("/")).read_bytes() == readout.SCRIPT.read_bytes()


def test_every_page_has_the_display_switch_and_sets_it_before_the_first_paint(out):
    for path in checks.html_pages(out):
        if {"pagefind", "embed"} & set(path.relative_to(out).parts):
            continue  # Pagefind's own files; the framed card keeps no switch (it follows the reader's choice only)
        page = path.read_text(encoding="utf-8")
        head = page[: page.index("</head>")]
        # a11y.js in the head with neither defer nor async: it runs before anything is painted
        assert re.search(r'<script src="/assets/a11y\.js" data-chart-config="[^"]+"></script>', head), path
        # the words in the page's own language (the /en/ and /zh-hant/ pages, issue 27)
        words = gettext({"en": "en", "zh-hant": "zh-Hant"}.get(path.relative_to(out).parts[0], "zh-CN"))
        for mode, label in display.MODES.items():
            assert f'<button type="button" data-display-mode="{mode}" aria-pressed="false">{words(label)}</button>' in page, path


def test_the_switch_hands_the_browser_the_charts_config_of_lib(out):
    page = _page(out, "/")
    (config,) = re.findall(r'data-chart-config="([^"]+)"', page)
    assert json.loads(html.unescape(config)) == display.CHART_CONFIG
