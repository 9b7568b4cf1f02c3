"""指标总览 in English and 繁體 (issue 27): the State's lang, the View's words, printed digits kept, links and downloads in the language."""

from __future__ import annotations

import dataclasses
import functools
import io
import re

import openpyxl
import pytest

from lib.engine import tables
from lib.present import exports, exports_languages, routes
from lib.present.blocks import Target
from lib.present.i18n import hant
from lib.views import indicators
from lib.views.indicators import State
from lib.views.query import Notice

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
DIGITS = re.compile(r"\d+(?:\.\d+)?")
FIVE_YEARS = re.compile(r" over \d{4}–\d{4}$")


@functools.cache
def built(table: int = 2, lang: str = "en", row: str = "") -> indicators.View:
    return indicators.build(State(table=table, lang=lang, row=row))


def cell(view: indicators.View, indicator: str, column: str):
    names = [c.name for c in view.columns]
    return view.rows[view.row_ids.index(indicator)][names.index(column)]


@pytest.mark.parametrize(
    "query, state",
    [
        ({"lang": ["en"]}, State(lang="en")),
        ({"lang": ["zh-hant"], "table": ["1"]}, State(table=1, lang="zh-Hant")),
        (
            {"lang": ["en"], "pillar": ["绿色发展"], "row": ["t2_forest_cover"]},
            State(pillar=("绿色发展",), row="t2_forest_cover", lang="en"),
        ),
        ({"lang": ["fr"]}, State(notices=(Notice("lang", "fr"),))),
    ],
)
def test_parse_reads_the_language_and_to_query_keeps_it(query, state):
    assert indicators.parse(query) == state
    assert indicators.parse(indicators.to_query(state)) == dataclasses.replace(state, notices=())
    assert ("lang" in indicators.to_query(state)) == (state.lang != "zh-CN")


@pytest.mark.parametrize(
    "table, indicator, column, words",
    [
        # 专栏2 as printed: 9 (正文 9%左右) → 7.2%, not met; 【】 is the five years' total (备注1)
        (2, "t2_gdp_growth", "指标", "Average annual GDP growth"),
        (2, "t2_gdp_growth", "所需速度", "about 9% a year (real)"),
        (2, "t2_gdp_growth", "难度", "●\u00a0Past pace is enough"),
        (2, "t2_gdp_growth", "2020年结果", "Not met"),
        (2, "t2_services_share", "2020年", "about 50"),
        (2, "t2_new_construction_land", "2020年", "<75000 over 2016–2020"),
        (2, "t2_new_construction_land", "所需速度", "at most 75000 hectares over five years (ceiling)"),
        (2, "t2_pm25_cut", "所需速度", "down 2.59% a year"),
        (2, "t2_urban_rural_income_ratio", "2015年", "2.6:1"),
        (2, "t2_urban_rural_income_ratio", "所需速度", "ratio −0.04 a year"),
        (2, "t2_urban_rural_income_ratio", "难度", "○\u00a0Cannot be compared: not in Box 1"),
        (2, "t2_yangtze_water", "2020年", "Grade Ⅲ"),
        (2, "t2_fdi", "以往速度", "106.4 × 100 million US dollars a year"),
        # 年均约 60 万人: the point moved four places, never float arithmetic
        (2, "t2_new_urban_jobs", "所需速度", "about 600,000 persons a year"),
        (2, "t2_new_urban_jobs", "单位", "10 000 persons"),
        # 专栏1: 【】 in the 2010 column is 2006–2010's total; the old and new bases as printed
        (1, "t1_fixed_investment", "2010年", "21911 over 2006–2010"),
        (1, "t1_fixed_investment", "2015年", "56975 over 2011–2015"),
        (1, "t1_nonagri_hukou_share", "2010年", "33.5 (old basis)"),
        (1, "t1_three_gorges_water", "2010年", "Grade Ⅱ–Ⅲ (old standard)"),
        (1, "t1_accident_death_rate", "“十二五”年均", "down 65% over five years"),
        (1, "t1_invention_patents", "“十二五”年均", "up 3.2 patents over five years"),
        (1, "t1_natural_pop_growth", "2011—2015年速度", "+0.014‰ a year"),
        (1, "t1_gdp", "速度来源", "published real growth"),
    ],
)
def test_an_english_cell(table, indicator, column, words):
    assert cell(built(table), indicator, column) == words


@pytest.mark.parametrize("table", [1, 2])
def test_english_keeps_every_printed_digit(table):
    english, simplified = built(table), built(table, "zh-CN")
    printed = [i for i, c in enumerate(english.columns) if c.name in ("2010年", "2015年", "2020年", "“十二五”年均")]
    assert printed
    for row, plain in zip(english.rows, simplified.rows):
        # the five years a bracketed total covers (【12.3】 → 12.3 over 2016–2020) are words added, not figures
        assert [DIGITS.findall(FIVE_YEARS.sub("", row[i])) for i in printed] == [DIGITS.findall(plain[i]) for i in printed]


def words(
    value, skip=("filters", "name", "row_ids", "quotes", "quote_lang", "lang", "observations", "cells", "pillars", "attributes")
) -> list:
    """Every text a reader sees in a View: strings, not a Target's query (URL values) nor the 简体 filter fields."""
    if isinstance(value, Target):
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for item in value.values() for t in words(item)]
    if dataclasses.is_dataclass(value):
        return [t for f in dataclasses.fields(value) if f.name not in skip for t in words(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [t for item in value for t in words(item)]
    return []


@pytest.mark.parametrize(
    "state",
    [
        State(lang="en"),
        State(table=1, lang="en"),
        State(lang="en", columns="compact", group="outcome"),
        State(lang="en", row="t2_gdp_growth"),  # a row with an outcome, its source and quote
        State(lang="en", row="t2_poverty_exit"),  # a pace with a deadline in the plan's words
        State(table=1, lang="en", row="t1_urbanization_resident"),  # a sub-row, a change of basis
        State(lang="en", pillar=("绿色发展",), q="forest"),
        State(lang="en", q="没有这个指标"),  # the empty message
    ],
)
def test_the_english_view_shows_no_han_character_outside_the_quotes(state):
    view = indicators.build(state)
    assert [t for t in words(view) if HAN.search(t)] == []


def test_the_detail_quotes_the_plan_in_simplified_chinese_and_says_so():
    detail = built(row="t2_gdp_growth").detail
    quoted = dict(detail.quotes)
    assert detail.quote_lang == "zh-CN" and detail.language_note
    assert quoted["The plan's table row"] == tables.source_of("t2_gdp_growth").row_text  # as printed
    assert quoted["Sentence"] == "地区生产总值达到2.5万亿元人民币、五年年均增长7.2%。"  # the government's sentence, as published
    assert detail.outcome_lines[:2] == ("2020 verdict: Not met", "Official figure: 7.2%")
    assert detail.source == "Printed in: Chapter 1: Guiding Philosophy and Development Goals, Section 3; Box 2, row 1"
    # 简体 keeps its one-string lines and no quotes
    plain = built(lang="zh-CN", row="t2_gdp_growth").detail
    assert plain.quotes == () and plain.printed.startswith("原表本行：")


@pytest.mark.parametrize("state", [State(lang="zh-Hant"), State(table=1, lang="zh-Hant"), State(lang="zh-Hant", row="t2_gdp_growth")])
def test_zh_hant_has_no_simplified_only_character_in_its_words(state):
    view = indicators.build(state)
    assert [t for t in words(view) if hant(t) != t] == []
    assert view.title == "指標總覽"


def test_every_english_link_keeps_the_language_and_the_row_pages_stay_in_simplified_until_baked():
    view = built(row="t2_forest_cover")
    links = [*view.row_links, view.detail.reader, view.detail.trajectory]
    assert all(link.target.params()["lang"] == ["en"] for link in links)
    assert routes.app_path(view.row_links[0].target).endswith("&lang=en")
    # /indicator/<id>/ is 指标轨迹's page: in /en/ only once that page is in routes.TRANSLATED
    expected = "/en/indicator/" if "trajectories" in routes.TRANSLATED else "/indicator/"
    assert all(routes.static_path(link.target).startswith(expected) for link in view.row_links)
    assert routes.static_path(routes.with_lang(Target("indicators", fragment="pillar-2"), "en")) == "/en/indicators/#pillar-2"


def test_an_english_reader_searches_the_english_names_and_the_simplified_ones():
    assert "t2_forest_cover" in built_query("en", "forest cover").row_ids
    assert "t2_forest_cover" in built_query("en", "森林").row_ids
    assert built_query("zh-CN", "forest cover").row_ids == ()  # 简体 searches as it always did


def built_query(lang: str, words: str) -> indicators.View:
    return indicators.build(State(lang=lang, q=words))


def test_the_counts_and_rows_are_the_same_in_every_language():
    for table in (1, 2):
        views = [built(table, lang) for lang in ("zh-CN", "en", "zh-Hant")]
        assert len({v.row_ids for v in views}) == 1
        assert len({tuple(DIGITS.findall(v.counts)) for v in views}) == 1


def test_the_difficulty_note_marked_for_the_catalogs_is_lib_engine_s():
    assert exports_languages.DIFFICULTY_NOTE == tables.DIFFICULTY_NOTE


def test_the_english_csv():
    payload = indicators.csv_bytes(State(lang="en"))
    frame = exports.read_csv_bytes(payload)
    kept = [exports_languages.header(name, "en") for name in exports_languages.KEPT_IN_CHINESE]
    assert [h for h in frame.columns if HAN.search(h)] == []
    assert frame.columns[:4].tolist() == ["Indicator ID", "No.", "Indicator", "Parent indicator"]
    assert "2020 (as printed)" in frame.columns and "Required pace: unit" in frame.columns
    assert all(h.endswith("(in Simplified Chinese, as recorded)") for h in kept) and set(kept) <= set(frame.columns)
    others = frame.drop(columns=kept)
    assert [v for column in others for v in others[column] if HAN.search(v)] == []
    gdp = frame.set_index("Indicator ID").loc["t2_gdp_growth"]
    assert (gdp["2020"], gdp["2020 (as printed)"], gdp["2020 verdict"], gdp["Required pace: unit"]) == ("9", "9", "Not met", "% a year")
    assert built().csv_name == "box2_indicators.csv" and built(1).excel_name == "box1_indicators.xlsx"


def test_the_english_workbook_and_its_about_sheet():
    book = openpyxl.load_workbook(io.BytesIO(indicators.excel_bytes(State(lang="en", pillar=("绿色发展",)))))
    assert book.sheetnames == ["Box 2", "About"]
    header = [c.value for c in book["Box 2"][1]]
    assert header[:3] == ["Indicator ID", "No.", "Indicator"] and not any(HAN.search(h) for h in header)
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert about["Title"] == "Box 2: Main Economic and Social Development Indicators of the 13th Five-Year Plan"
    assert about["Filters"].startswith("Development concept: Green development (")
    assert about["Issued"] == "February 2016"
    # Our words in English; the sources' names and the plan's notes as recorded, in 简体 (the Language row says so)
    quoted = [key for key in about if key.startswith(("Source ", "Note "))]
    assert quoted and [key for key, value in about.items() if HAN.search(value) and key not in quoted] == []
    assert "Simplified Chinese" in about["Language"]


def test_the_simplified_downloads_are_what_they_were():
    book = openpyxl.load_workbook(io.BytesIO(indicators.excel_bytes(State())))
    assert book.sheetnames == ["专栏2", "说明"]
    assert [c.value for c in book["说明"][1]] == ["项目", "内容"]
    assert exports.read_csv_bytes(indicators.csv_bytes(State())).columns[0] == "指标编号"
    assert built(lang="zh-CN").csv_name == "zhuanlan2.csv"
