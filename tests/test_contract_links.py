"""Every link of every View opens what it names, in the app and in the static edition.

A View holds its links as Targets (lib.present.blocks); this follows each one:
- the app: the target page's ``parse`` reads the target's query with no notice
  (a notice is what a reader sees as “链接中有无法识别的参数…”);
- the static edition: ``routes.static_path`` is None (a page only the app has)
  or a page the baked site holds, at an anchor that page has.

To cover another page, add an entry to VIEWS: its View module and the States
to build (every indicator, district, chapter … it can show). Nothing is built
at import time: each entry is a function.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote

import pytest

from helpers import built
from lib.present import routes
from lib.present.blocks import Target, links_in


def indicator_states() -> Iterable:
    """Both tables whole, and each with every one of its rows selected (the row detail's links)."""
    from lib.views import indicators

    for table in (2, 1):
        whole = indicators.build(indicators.State(table=table))
        yield indicators.State(table=table)
        yield from (indicators.State(table=table, row=row) for row in whole.row_ids)


def trajectory_states() -> Iterable:
    """Every series 指标轨迹 can draw."""
    from lib.plan.series import series_catalogue
    from lib.views import trajectories

    return (trajectories.State(indicator=series) for series in series_catalogue().series_id)


def compare_states() -> Iterable:
    """Nothing chosen (the examples) and each example's panels, in each language (issue 27)."""
    from lib.present.i18n import LANGS
    from lib.views import compare

    for lang in LANGS:
        yield compare.State(lang=lang)
        yield from (compare.State(ids, lang=lang) for _, ids in compare.EXAMPLES)


def scenario_states() -> Iterable:
    """Each panel, presenter mode and the handout, and every indicator a presenter can move (with scenario B)."""
    from lib.views import scenarios
    from lib.views.scenarios.catalogue import indicator_options

    for section in scenarios.SECTIONS:
        yield from (scenarios.State(section=section, presenter=presenter) for presenter in (False, True))
        yield scenarios.State(section=section, handout=True)
    yield from (scenarios.State(indicator=option.indicator_id, compare=True) for option in indicator_options())


def handout_states() -> Iterable:
    """Every one of the 84 rows, in 简体 and in English (繁體's links are built the same way, issue 27)."""
    from lib.plan import data
    from lib.views import handout

    return (handout.State(indicator, lang=lang) for lang in ("zh-CN", "en") for indicator in data.load_indicators().indicator_id)


def single_state(page: str) -> Callable[[], Iterable]:
    """A page with no choices (概览, 数据与方法): its one State."""
    return lambda: [importlib.import_module(f"lib.views.{page}").State()]


def plan_reader_states() -> Iterable:
    """Every chapter, and a search with results (each result's 阅读本句, at its sentence)."""
    from lib.plan import search
    from lib.views import plan_reader

    yield from (plan_reader.State(chapter=code) for code, _ in search.chapter_choices())
    yield plan_reader.State(q="页岩气")


def zones_map_states() -> Iterable:
    """The whole city, every zone and every district."""
    from lib.plan import zones
    from lib.views import zones_map

    return (zones_map.State(place=place) for place in zones.place_ids())


def overview_states() -> Iterable:
    """概览 in each language (issue 27): its links carry lang=…, which every page takes."""
    from lib.present.i18n import LANGS
    from lib.views import overview

    return (overview.State(lang=lang) for lang in LANGS)


def report_card_states() -> Iterable:
    """The report card in each language (issue 27): its links carry lang=…, which every page takes."""
    from lib.present.i18n import LANGS
    from lib.views import report_card

    return (report_card.State(lang=lang) for lang in LANGS)


# page → the States whose Views are followed; the View module is lib.views.<page>.
VIEWS: dict[str, Callable[[], Iterable]] = {
    "indicators": indicator_states,
    "trajectories": trajectory_states,
    "compare": compare_states,
    "handout": handout_states,
    "overview": overview_states,
    "plan_reader": plan_reader_states,
    "zones_map": zones_map_states,
    "report_card": report_card_states,
    "scenarios": scenario_states,
}


def targets_of(page: str) -> dict[Target, str]:
    """Every distinct Target the page's Views link to, with the State of the first View holding it."""
    found: dict[Target, str] = {}
    for state in VIEWS[page]():
        for link in links_in(built(f"lib.views.{page}", state)):
            found.setdefault(link.target, repr(state))
    return found


@pytest.fixture(scope="module", params=sorted(VIEWS))
def followed(request) -> tuple[str, dict[Target, str]]:
    return request.param, targets_of(request.param)


def test_every_link_opens_its_page_in_the_app_with_no_notice(followed):
    page, targets = followed
    assert targets, page
    refused = []
    for target, origin in targets.items():
        state = importlib.import_module(f"lib.views.{target.page}").parse(target.params())
        if state.notices:
            refused.append((origin, target, state.notices))
    assert not refused, "\n".join(map(str, refused))


def _baked_file(out: Path, path: str) -> Path:
    # /indicator/t2_gdp/ → indicator/t2_gdp/index.html; a search's ?q=… is the search page itself.
    relative = unquote(path.split("#", 1)[0].split("?", 1)[0]).lstrip("/")
    file = out / relative
    return file / "index.html" if path.split("#", 1)[0].split("?", 1)[0].endswith("/") else file


def test_every_link_opens_a_page_the_static_edition_has(followed, baked_site):
    page, targets = followed
    out, _ = baked_site
    missing = []
    for target, origin in targets.items():
        path = routes.static_path(target)
        if path is None:
            continue  # a page of the app alone (the studio): the static edition links into the app
        file = _baked_file(out, path)
        fragment = path.split("#", 1)[1] if "#" in path else ""
        if not file.is_file() or (fragment and f'id="{fragment}"' not in file.read_text(encoding="utf-8")):
            missing.append((origin, target, path))
    assert not missing, "\n".join(map(str, missing))


@pytest.mark.parametrize(
    "indicator, series",
    [
        # 专栏1 row 25 森林覆盖率 is continued by 专栏2 row 12: one series, drawn under the 专栏2 id (issue 22)
        ("t1_forest_cover", "t2_forest_cover"),
        ("t1_fdi", "t2_fdi"),
        # GDP's level (专栏1 row 1) and GDP growth (专栏2 row 1) are two kinds: each its own series
        ("t1_gdp", None),
    ],
)
def test_a_continued_row_links_to_the_series_that_continues_it(indicator, series):
    from lib.views import indicators, trajectories

    detail = indicators.build(indicators.State(table=1, row=indicator)).detail
    assert trajectories.parse(detail.trajectory.target.params()) == trajectories.State(indicator=series or indicator)
