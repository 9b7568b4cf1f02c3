"""指标对比 in English and 繁體 (issue 27): the page's words, the indicators' names from the glossary,
the language in the URL and in every link, and the app page drawn in each language."""

from __future__ import annotations

import re

import pytest

from helpers import open_page
from lib.present import routes
from lib.present.markup import markdown_escape
from lib.views import compare

HAN = re.compile(r"[\u3400-\u9fff]")
FOREST = ("t2_forest_cover", "t2_forest_stock")


@pytest.mark.parametrize(
    "lang, title, panel_titles, example",
    [
        ("zh-CN", "指标对比", ("森林覆盖率（专栏2·12）", "森林蓄积量（专栏2·12）"), "森林覆盖率与森林蓄积量"),
        # The names are data/glossary.csv's English; the place is the plan's table and row.
        (
            "en",
            "Compare indicators",
            ("Forest cover (Box 2·12)", "Forest growing stock (Box 2·12)"),
            "Forest cover and forest growing stock",
        ),
        ("zh-Hant", "指標對比", ("森林覆蓋率（專欄2·12）", "森林蓄積量（專欄2·12）"), "森林覆蓋率與森林蓄積量"),
    ],
)
def test_the_words_in_each_language(lang, title, panel_titles, example):
    view = compare.build(compare.State(FOREST, lang=lang))
    assert (view.title, tuple(p.title for p in view.panels), view.examples[0].label) == (title, panel_titles, example)
    assert view.labels["t2_forest_cover"] == panel_titles[0] and view.lang == lang


def test_english_has_no_han_character_in_the_page_s_own_words():
    view = compare.build(compare.State(lang="en"))
    shown = [view.title, view.intro, view.select_label, view.select_help, view.empty, view.examples_heading, view.placeholder]
    shown += [link.label for link in view.examples] + list(view.labels.values())
    assert len(view.labels) == len(compare.build(compare.State()).labels)
    assert [text for text in shown if HAN.search(text)] == []


def test_a_panel_s_own_words_in_english():
    """The panel's title and link are this page's; its summary and chart are 指标轨迹's View in the same language."""
    (panel,) = compare.build(compare.State(("t2_gdp_growth",), lang="en")).panels
    assert panel.title == "Average annual GDP growth (Box 2·1)"
    assert panel.trajectory.label == "See every note in Trajectories"


@pytest.mark.parametrize("lang, app_suffix", [("en", "lang=en"), ("zh-Hant", "lang=zh-Hant")])
def test_every_link_keeps_the_language(lang, app_suffix):
    view = compare.build(compare.State(FOREST, lang=lang))
    for link in (*view.examples, *(p.trajectory for p in view.panels)):
        assert routes.app_path(link.target).endswith(app_suffix), link
        assert compare.parse(link.target.params()).lang == lang or link.target.page != "compare"


@pytest.mark.parametrize(
    "query, indicators, lang, notices",
    [
        ({"indicator": list(FOREST), "lang": ["en"]}, FOREST, "en", 0),
        ({"lang": ["zh-hant"]}, (), "zh-Hant", 0),
        ({"indicator": ["t2_gdp_growth"], "lang": ["xx"]}, ("t2_gdp_growth",), "zh-CN", 1),
    ],
)
def test_the_language_is_parsed_and_kept(query, indicators, lang, notices):
    state = compare.parse(query)
    assert (state.indicators, state.lang, len(state.notices)) == (indicators, lang, notices)
    assert compare.parse(compare.to_query(state)) == compare.State(indicators, lang)


def test_the_app_page_in_english():
    at = open_page("compare", {"indicator": list(FOREST), "lang": "en"})
    assert not at.exception
    assert at.title[0].value == "Compare indicators"
    # Drawn as Markdown, escaped (the brackets would otherwise be read as link syntax).
    assert [s.value for s in at.subheader] == [markdown_escape(t) for t in ("Forest cover (Box 2·12)", "Forest growing stock (Box 2·12)")]
    assert len(at.get("vega_lite_chart")) == 2
    assert at.multiselect(key="indicator").label == "Indicators to compare (up to 4; type to search)"
    links = "\n".join(m.value for m in at.markdown)
    assert "(/compare?indicator=t2_forest_cover&indicator=t2_forest_stock&lang=en)" in links


def test_adding_an_indicator_in_english_keeps_the_language():
    at = open_page("compare", {"indicator": "t2_hukou_urbanization", "lang": "en"})
    at.multiselect(key="indicator").select("t1_urbanization_resident").run()
    assert not at.exception
    assert list(at.query_params["indicator"]) == ["t2_hukou_urbanization", "t1_urbanization_resident"]
    assert at.query_params["lang"] == "en"


def test_the_app_page_in_zh_hant_with_nothing_chosen():
    at = open_page("compare", {"lang": "zh-Hant"})
    assert not at.exception
    assert at.title[0].value == "指標對比"
    assert [i.value for i in at.info] == ["請在上面選擇兩到四項指標，或開啟下面的一個例子。"]
