"""The share cards in English and 繁體 (issue 27): one per indicator and language, at the same path in
each language's folder; the card's own words in its language, the row detail's as 指标总览 gives them."""

from __future__ import annotations

import dataclasses
import io
import re

import pytest
from PIL import Image

from bake import share

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize(
    "lang, path",
    [
        ("zh-CN", "/indicator/t2_forest_cover.png"),
        ("en", "/en/indicator/t2_forest_cover.png"),
        ("zh-Hant", "/zh-hant/indicator/t2_forest_cover.png"),
    ],
)
def test_each_language_has_its_card_at_the_same_path_in_its_folder(lang, path):
    assert share.url("t2_forest_cover", lang) == path


def detail(lang: str):
    """The detail a card of ``lang`` shows: 指标总览's in ``lang`` once it reads one, else the 简体 one."""
    from bake import pages

    return share.detail_in("t2_forest_cover", lang) or pages.indicator_views("t2_forest_cover")[0].detail


def english_detail():
    """The forest row's detail with English words, as 指标总览's row detail gives them once translated."""
    detail_of_row = detail("en")
    return dataclasses.replace(
        detail_of_row,
        box="Box 2",
        row="row 12",
        title="Forest cover",
        outcome_lines=("2020 outcome: No official figure found (target 46%).", "Source: a communiqué (statistics)"),
        source="Where: Chapter 1, Section 3, Box 2, row 12",
    )


def test_an_english_card_has_no_chinese_word_of_its_own():
    lines = [line["text"] for line in share.lines_of(english_detail(), "en")]
    assert lines[2] == "2015: 45  →  2020 target: 46"  # the printed cells, digit for digit
    assert lines[3] == "No official figure found (target 46%)."  # the outcome's prefix is the card's to drop
    assert "Source: a communiqué (statistics)" in lines
    footer = share.spec(english_detail(), "en")["data"]["values"][-1]["text"]
    assert footer == "Chongqing's 13th Five-Year Plan · Indicators and targets (figures as printed)"
    assert [text for text in [*lines, footer] if HAN.search(text)] == []


def test_a_long_english_title_wraps_by_its_letters_not_as_chinese():
    detail = dataclasses.replace(english_detail(), title="Reduction in PM2.5 concentration in the main urban area of Chongqing")
    titles = [line["text"] for line in share.lines_of(detail, "en") if line["size"] == 56]
    assert titles == ["Reduction in PM2.5 concentration in", "the main urban area of Chongqing"]


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_card_is_a_1200_by_630_png(lang):
    drawn = Image.open(io.BytesIO(share.png(english_detail() if lang == "en" else detail(lang), lang)))
    assert drawn.size == (share.WIDTH, share.HEIGHT)


def test_zh_hant_card_converts_its_own_words():
    lines = [line["text"] for line in share.lines_of(detail("zh-Hant"), "zh-Hant")]
    assert lines[2] == "2015年 45  →  2020年目標 46"
