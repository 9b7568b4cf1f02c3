"""The report card in English and 繁體 (issue 27): glossary words, printed digits in English units, sources as published."""

from __future__ import annotations

import re

import pytest

from helpers import open_page
from lib.present import routes
from lib.present.i18n.figures import figure
from lib.views import report_card

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module")
def english() -> report_card.View:
    return report_card.build(report_card.State(lang="en"))


@pytest.fixture(scope="module")
def hant() -> report_card.View:
    return report_card.build(report_card.State(lang="zh-Hant"))


def row_of(view: report_card.View, indicator: str) -> tuple[str, ...]:
    group = next(g for g in view.groups if indicator in g.table.row_ids)
    return group.table.rows[group.table.row_ids.index(indicator)]


@pytest.mark.parametrize(
    "indicator, cells",
    [
        # data/outcomes.csv and 专栏2, as printed: 9 → 7.2% (not met); 50左右 → 52.8% (met)
        ("t2_gdp_growth", ("Average annual GDP growth", "%", "―", "9", "Not met", "7.2%")),
        ("t2_services_share", ("Services share of GDP", "%", "47.7", "about 50", "Met", "52.8%")),
        # 【70.6】万人 over five years; the work report's 190.6万人 with the point moved, never by float arithmetic
        ("t2_poverty_exit", ("Rural poor lifted out of poverty", "10 000 persons", "―", "70.6 over 2016–2020", "Met", "1,906,000 persons")),
        ("t2_good_air_days", (None, "%", "80", "82", "Basis differs", "333 days")),
        ("t2_forest_cover", ("Forest cover", "%", "45", "46", "No official figure found", "")),
    ],
)
def test_an_english_row(english, indicator, cells):
    row = row_of(english, indicator)
    assert [c for c, want in zip(row, cells) if want is not None] == [w for w in cells if w is not None]


@pytest.mark.parametrize(
    "printed, words",
    [
        ("＞50", ">50"),
        ("＜【75000】", "<75000 over 2016–2020"),
        ("1.95∶1", "1.95:1"),
        ("Ⅱ类", "Grade Ⅱ"),
        ("78.15岁", "78.15 years"),
        ("65.56万人", "655,600 persons"),
        ("300万人左右", "about 3 million persons"),
        ("―", "―"),
        ("Ⅲ类以上", "Ⅲ类以上"),  # a form not known here stays as printed (and a Han test catches it)
    ],
)
def test_printed_figures_in_english(printed, words):
    assert figure(printed) == words


def test_no_han_character_in_english_but_the_sources_as_published(english):
    shown = [english.title, english.intro, english.counts_heading, english.print_hint, english.description, english.source_note]
    shown += [str(c) for row in english.counts.rows for c in row] + list(english.counts.headers)
    shown += [p if isinstance(p, str) else p.label for p in english.rule.parts] + [link.label for link in english.links]
    for group in english.groups:
        shown += [group.heading, *group.table.headers, *(link.label for link in group.table.links)]
        shown += [str(c) for row in group.table.rows for c in row[: report_card.SOURCE]]
    assert [text for text in shown if HAN.search(text)] == []
    assert english.source_lang == "zh-CN"
    sources = {row[report_card.SOURCE] for g in english.groups for row in g.table.rows} - {""}
    assert sources and all("《" in s for s in sources)  # named, as published


def test_every_english_link_keeps_the_language_and_opens_a_translated_page_where_one_is_baked(english):
    links = [*english.links, *(p for p in english.rule.parts if not isinstance(p, str))]
    links += [link for g in english.groups for link in g.table.links]
    for link in links:
        assert link.target.params()["lang"] == ["en"]
        assert routes.app_path(link.target).startswith("/" + routes.APP_PATHS[link.target.page])
        path = routes.static_path(link.target)
        # In /en/ exactly where the static edition bakes that page in English (指标总览 since issue 27's
        # second round); the rest, an indicator's own page among them, at their 简体 paths.
        assert path and path.startswith("/en/") == routes.translated_path(path.removeprefix("/en"))


def test_the_counts_are_the_same_in_every_language(english, hant):
    plain = report_card.build(report_card.State())
    assert [row[1:] for row in english.counts.rows] == [row[1:] for row in hant.counts.rows] == [row[1:] for row in plain.counts.rows]
    assert [g.table.row_ids for g in english.groups] == [g.table.row_ids for g in plain.groups]


def test_zh_hant_converts_the_words_and_keeps_the_sources_in_simplified(hant):
    assert hant.title == "2020年目標完成情況"
    assert hant.groups[0].heading == "總體 · 預期性（2項）"
    row = row_of(hant, "t2_gdp_growth")
    assert row[:6] == ("地區生產總值年均增速", "%", "―", "9", "未達到", "7.2%")
    assert row[report_card.SOURCE].startswith("重庆市人民政府")  # as published
    assert hant.source_lang == "zh-CN" and hant.source_note == "來源照發布原文（簡體中文）列出。"


@pytest.mark.parametrize(
    "query, lang, notices", [({"lang": ["en"]}, "en", 0), ({"lang": ["zh-hant"]}, "zh-Hant", 0), ({"lang": ["fr"]}, "zh-CN", 1)]
)
def test_the_language_is_parsed_and_kept(query, lang, notices):
    state = report_card.parse(query)
    assert (state.lang, len(state.notices)) == (lang, notices)
    assert report_card.parse(report_card.to_query(state)).lang == lang


def test_the_app_page_in_english():
    at = open_page("report_card", {"lang": "en"})
    assert not at.exception
    assert at.title[0].value == "2020 targets: met or not"
    text = "\n".join(m.value for m in at.markdown)
    assert "[Average annual GDP growth](/indicators?row=t2_gdp_growth&lang=en)" in text
    assert '<span lang="zh-CN">' in text
    assert [h.value for h in at.header if HAN.search(h.value)] == []
