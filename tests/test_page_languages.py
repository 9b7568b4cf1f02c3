"""AppTest: 概览 drawn in English and 繁體 from its URL; the language stays as the reader moves on (issue 27)."""

import html
import re
from urllib.parse import parse_qs

import pytest

from helpers import open_page

HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module", autouse=True)
def first_run():
    """AppTest's first run of the default page in a process drops the query it was given (an
    unknown ``?x=1`` gets no notice either, with or without a language); the real browser keeps
    it (tests/browser/test_languages_in_browser.py). One run first, so each test reads its URL."""
    open_page("overview")


def test_the_overview_in_english():
    at = open_page("overview", {"lang": "en"})
    assert not at.exception
    values = {m.label: m.value for m in at.metric}
    # The printed figures, in English units: 2.5万亿元, 【70.6】万人 and 300万人左右.
    assert values["Gross regional product"] == "2.5 trillion yuan"
    assert values["Rural poor lifted out of poverty"] == "706,000 persons"
    assert values["New urban jobs"] == "about 3 million persons"
    assert at.title[0].value == "Chongqing's 13th Five-Year Plan: promises and difficulty"
    assert [c.value for c in at.caption if HAN.search(c.value)] == []


def test_a_group_opens_the_indicators_in_the_reader_s_language():
    at = open_page("overview", {"lang": "en"})
    at.button_group(key="pillar_link").set_value("Innovative development").run()
    assert not at.exception
    # 指标总览 filtered by the group's own (Chinese) value; the language kept in the URL.
    assert at.button_group(key="pillar").value == ["创新发展"]
    assert at.query_params["lang"] == "en"


def test_the_overview_in_zh_hant():
    at = open_page("overview", {"lang": "zh-Hant"})
    assert not at.exception
    assert at.title[0].value == "重慶“十三五”規劃：承諾與難度"
    assert {m.label: m.value for m in at.metric}["地區生產總值"] == "2.5萬億元"


def test_an_unknown_language_gives_simplified_chinese_and_a_notice_in_both():
    at = open_page("overview", {"lang": "fr"})
    assert not at.exception
    assert at.title[0].value == "重庆“十三五”规划：承诺与难度"
    assert any("Unknown language" in i.value and "未知的语言" in i.value for i in at.info)


SWITCH_PAGES = ["indicators", "trajectories", "compare", "handout", "scenarios", "zones_map", "plan_reader", "methods", "report_card"]


@pytest.mark.parametrize("page", SWITCH_PAGES)
def test_every_page_offers_the_language_switch_keeping_its_state(page):
    """One switch per page (pages/_url.language_switch), each link keeping the page's query but for lang."""
    at = open_page(page, {"lang": "en"})
    assert not at.exception
    switches = [e.proto.body for e in at.get("html") if 'class="lang-switch"' in e.proto.body]
    assert len(switches) == 1
    hrefs = re.findall(r'href="([^"]*)"', switches[0])
    assert len(hrefs) == 3
    # The same page and state in each language: the links differ in lang only.
    kept = [{k: v for k, v in parse_qs(html.unescape(href).lstrip("?")).items() if k != "lang"} for href in hrefs]
    assert kept[0] == kept[1] == kept[2]
    assert sum("lang=en" in href for href in hrefs) == 1
    assert 'lang="en" hreflang="en" aria-current="true"' in switches[0]
