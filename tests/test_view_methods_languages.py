"""数据与方法 in English and 繁體 (issue 27): the page's words translated (the data dictionary's descriptions
too: tests/test_view_methods_dictionary_languages.py); Chinese publications and the data's Chinese values
quoted as published, in 简体 and marked so; the downloads the same files."""

from __future__ import annotations

import re

import pytest

from helpers import open_page
from lib.present.blocks import Bullets, External, Link, Original, Paragraph, Strong, Table
from lib.views import methods

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@pytest.fixture(scope="module")
def english() -> methods.View:
    return methods.build(methods.State(lang="en"))


@pytest.fixture(scope="module")
def plain() -> methods.View:
    return methods.build(methods.State())


def unmarked(blocks) -> list[str]:
    """Every text of ``blocks`` a renderer shows unmarked (not an Original): what must hold no Han in English."""
    texts: list[str] = []
    for block in blocks:
        parts = (
            list(block.parts)
            if isinstance(block, Paragraph)
            else [p for item in block.items for p in item]
            if isinstance(block, Bullets)
            else []
        )
        if isinstance(block, Table):
            texts += [*block.headers, *(str(c) for row in block.rows for c in row)]
        for part in parts:
            if isinstance(part, str):
                texts.append(part)
            elif isinstance(part, Strong):
                texts.append(part.text)
            elif isinstance(part, Link | External):
                texts.append(part.label)
    return texts


def test_english_shows_no_han_outside_what_it_quotes(english):
    shown = [english.title, english.intro, english.dictionary_heading, english.dictionary_intro, english.downloads_heading]
    shown += [english.rows_label, english.language_note, *(s.heading for s in english.sections)]
    shown += unmarked(english.boundaries_label)
    for section in english.sections:
        shown += unmarked(section.blocks)
    for table in english.tables:
        shown += [table.title, *table.dictionary.headers]
        shown += [
            str(c)
            for r, row in enumerate(table.dictionary.rows)
            for n, c in enumerate(row)
            if not (r in table.quoted_rows and n in english.quoted_columns)
        ]
    assert [text for text in shown if HAN.search(text)] == []
    # Only the allowed values are quoted (the data's own), and only where they are Chinese.
    assert english.quoted_lang == "zh-CN" and english.quoted_columns == (methods.ALLOWED,)


def test_english_has_every_section_of_the_chinese(english, plain):
    """data/methods.en.md follows data/methods.md section by section; the outcome sources close both."""
    assert len(english.sections) == len(plain.sections) == 5
    assert [s.heading for s in english.sections] == [
        "Sources and licences",
        "Method",
        "Points of basis to note",
        "The 2020 outcomes",
        "Where the 2020 outcomes come from",
    ]
    # The formula table keeps the plan's arithmetic, in the same rows.
    (formulas,) = [b for b in english.sections[1].blocks if isinstance(b, Table)]
    (printed,) = [b for b in plain.sections[1].blocks if isinstance(b, Table)]
    assert len(formulas.rows) == len(printed.rows) == 8
    # The formulas as data/methods.md prints them, the symbols unchanged.
    assert [formulas.rows[n][1] for n in (1, 3, 4)] == [printed.rows[n][1] for n in (1, 3, 4)] == ["(T − B)/5", "T/5", "1 − (1 − X)^(1/5)"]
    assert formulas.rows[0][1] == "compound annual growth (T/B)^(1/5) − 1" and printed.rows[0][1].endswith("(T/B)^(1/5) − 1")


@pytest.mark.parametrize(
    "figure",
    # data/methods.md's figures, each in the English prose with its printed digits
    [
        "12.8%",
        "11.8%",
        "14.68%",
        "13.65%",
        "52.8%",
        "7.2%",
        "2.11%",
        "2.2%",
        "333 days",
        "78.15 years",
        "655,600 persons",
        "1,906,000 persons",
        "±0.5",
        "±2%",
        "0.001",
    ],
)
def test_the_english_prose_keeps_the_printed_figures(english, figure):
    text = "".join(str(unmarked(s.blocks)) for s in english.sections)
    assert figure in text


def test_chinese_publications_are_named_as_published_and_marked(english):
    sources = english.sections[-1].blocks[0]
    named = [part.text for item in sources.items for part in item if isinstance(part, Original)]
    assert "重庆市统计局、国家统计局重庆调查总队《2020年重庆市国民经济和社会发展统计公报》" in named
    assert all(original.lang == "zh-CN" for item in sources.items for original in item if isinstance(original, Original))
    first = english.sections[0].blocks[0].items[0]
    assert Original("《重庆市国民经济和社会发展第十三个五年规划纲要》") in first
    # 190.6万: a form lib.present.i18n.figures has no English for, so quoted as printed rather than left unmarked
    assert any(Original("190.6万") in item for item in sources.items)


def test_zh_hant_converts_the_prose_but_not_the_titles():
    view = methods.build(methods.State(lang="zh-Hant"))
    assert view.title == "資料與方法"
    assert view.sections[0].heading == "來源與許可"
    first = view.sections[0].blocks[0].items[0]
    assert Original("《重庆市国民经济和社会发展第十三个五年规划纲要》") in first
    assert view.tables[0].dictionary.headers == ("列", "型別", "說明", "取值")


def test_the_table_titles_are_the_tables_own(plain):
    """methods.TITLES marks for the catalogs the very titles the data modules give their tables."""
    assert tuple(t.title for t in plain.tables) == methods.TITLES


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_downloads_and_dictionary_are_the_same_tables(lang, plain):
    view = methods.build(methods.State(lang=lang))
    assert [(t.name, t.rows) for t in view.tables] == [(t.name, t.rows) for t in plain.tables]
    assert [[row[0] for row in t.dictionary.rows] for t in view.tables] == [[row[0] for row in t.dictionary.rows] for t in plain.tables]


@pytest.mark.parametrize(
    "query, lang, notices", [({"lang": ["en"]}, "en", 0), ({"lang": ["zh-hant"]}, "zh-Hant", 0), ({"lang": ["xx"]}, "zh-CN", 1)]
)
def test_the_language_is_parsed_and_round_trips(query, lang, notices):
    state = methods.parse(query)
    assert (state.lang, len(state.notices)) == (lang, notices)
    assert methods.parse(methods.to_query(state)) == methods.State(lang=lang)


def test_the_app_page_in_english():
    at = open_page("methods", {"lang": "en"})
    assert not at.exception
    assert at.title[0].value == "Data and methods"
    assert [h.value for h in at.header][:2] == ["Sources and licences", "Method"]
    text = "\n".join(m.value for m in at.markdown)
    assert '<span lang="zh-CN">《重庆市国民经济和社会发展第十三个五年规划纲要》</span>' in text
    assert "**Indicators \\(Box 1, Box 2\\)** · `indicators` · 84 rows" in text
    assert [e.label for e in at.expander][0] == "Indicators (Box 1, Box 2) · indicators"


def test_the_app_page_in_zh_hant():
    at = open_page("methods", {"lang": "zh-Hant"})
    assert not at.exception
    assert at.title[0].value == "資料與方法"
    assert at.header[0].value == "來源與許可"
    # the plan's title is named as published, in 简体, and marked so
    assert any('<span lang="zh-CN">《重庆市国民经济和社会发展第十三个五年规划纲要》</span>' in m.value for m in at.markdown)
