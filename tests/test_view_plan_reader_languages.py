"""规划原文 in English and 繁體 (issue 27): the reader's words translated, the plan's text as published, in 简体."""

from __future__ import annotations

import re

import pytest

from helpers import open_page
from lib.plan import search
from lib.present import routes
from lib.present.blocks import Paragraph, Strong, plain_text
from lib.views import plan_reader as page

HAN = re.compile(r"[\u3400-\u9fff]")


def words_of(view: page.View) -> list[str]:
    """Every string the page writes around the plan's text (not the passage, the snippets or the originals)."""
    shown = [view.title, view.intro, view.search_label, view.search_placeholder, view.search_hint, view.reader_heading]
    shown += [view.redaction_note, view.anchor_missing, view.chapter_label, view.section_label, view.choose, view.language_note]
    shown += [*view.chapter_labels.values(), *view.section_labels.values()]
    shown += [link.label for link in (*view.chapter_links, *view.section_links)]
    shown += [plain_text((block,)) for block in (*view.summary, *view.no_result, *view.landing_note)]
    for result in view.results:
        shown += [result.breadcrumb, result.link.label]
    return shown


@pytest.mark.parametrize(
    "query",
    [
        {"lang": ["en"]},
        {"lang": ["en"], "chapter": ["第十一章"], "section": ["第二节"]},
        # 轨道交通 is found in ten passages, 第三章's 专栏4 first: breadcrumbs with a Box
        {"lang": ["en"], "q": ["轨道交通"], "chapter": ["第十一章"]},
        # found elsewhere but not in 第一章: the landing note names the place in English
        {"lang": ["en"], "q": ["轨道交通"], "chapter": ["第一章"]},
        {"lang": ["en"], "q": ["量子计算机"]},
        # the redaction note (第十章 holds ***)
        {"lang": ["en"], "chapter": ["第十章"]},
    ],
)
def test_english_words_hold_no_han_character(query):
    view = page.build(page.parse(query))
    assert view.lang == "en" and view.text_lang == "zh-CN"
    assert [text for text in words_of(view) if HAN.search(text)] == []


def test_english_no_result_points_to_the_search_box():
    # The words typed (Chinese, most often) are in the search box; the English sentence does not echo them.
    view = page.build(page.parse({"lang": ["en"], "q": ["量子计算机"]}))
    assert plain_text(view.no_result).startswith("No passage holds the words searched for")


@pytest.mark.parametrize(
    "query, heading, original",
    [
        ({"chapter": ["第十一章"]}, "Chapter 11: Accelerating the Interconnection of Infrastructure", "第十一章 加快推进基础设施互联互通"),
        ({"chapter": ["第一章"]}, "Chapter 1: Guiding Philosophy and Development Goals", "第一章 指导思想和发展目标"),
        (
            {"chapter": ["第三十八章"]},
            "Chapter 38: Strengthening the Implementation and Management of the Plan",
            "第三十八章 加强规划实施和管理",
        ),
    ],
)
def test_chapter_titles_in_english_from_the_glossary_with_the_printed_title_beside(query, heading, original):
    view = page.build(page.parse({**query, "lang": ["en"]}))
    chapter = query["chapter"][0]
    assert view.chapter_labels[chapter] == heading
    assert view.chapter_originals[chapter] == original == dict(search.chapter_choices())[chapter]
    assert [link.label for link in view.section_links] == [f"Section {n}" for n in range(1, len(view.section_links) + 1)]
    assert list(view.section_originals.values()) == [label for _, label in search.section_choices(chapter)]


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_plan_s_text_is_the_same_in_every_language(lang):
    """The passage (every sentence, its anchor) is the 简体 text as published, whatever the page's language."""
    plain = page.build(page.State(chapter="第十一章", q="万州机场"))
    other = page.build(page.State(chapter="第十一章", q="万州机场", lang=lang))
    assert other.blocks == plain.blocks
    assert [r.snippet for r in other.results] == [r.snippet for r in plain.results]
    assert [r.link.target.fragment for r in other.results] == [r.link.target.fragment for r in plain.results]
    assert other.text_lang == "zh-CN" and other.language_note


def test_zh_hant_converts_the_words_not_the_text():
    view = page.build(page.State(chapter="第十一章", q="轨道交通", lang="zh-Hant"))
    assert view.title == "規劃原文"
    assert view.chapter_labels["第十一章"] == "第十一章 加快推進基礎設施互聯互通"
    assert view.results[0].breadcrumb == "推進創新發展 › 第三章 深入實施創新驅動發展戰略 › 第四節 極大激發創新活力 › 專欄4"
    assert view.chapter_originals == {}


@pytest.mark.parametrize(
    "lang, chapter_path, sentence_path",
    [
        ("en", "/en/plan/11/", "/en/plan/3/?q=%E8%BD%A8%E9%81%93%E4%BA%A4%E9%80%9A#p-373-1"),
        ("zh-Hant", "/zh-hant/plan/11/", "/zh-hant/plan/3/?q=%E8%BD%A8%E9%81%93%E4%BA%A4%E9%80%9A#p-373-1"),
        ("zh-CN", "/plan/11/", "/plan/3/?q=%E8%BD%A8%E9%81%93%E4%BA%A4%E9%80%9A#p-373-1"),
    ],
)
def test_links_keep_the_language_and_the_sentence_anchor(lang, chapter_path, sentence_path):
    view = page.build(page.State(q="轨道交通", lang=lang))
    chapter = view.chapter_links[view.chapter_codes.index("第十一章")]
    assert routes.static_path(chapter.target) == chapter_path
    # 轨道交通's first hit: 第三章's 专栏4, line 373, the first sentence
    assert routes.static_path(view.results[0].link.target) == sentence_path
    assert page.parse(view.results[0].link.target.params()).lang == lang
    assert routes.app_path(view.results[0].link.target).endswith(("" if lang == "zh-CN" else f"lang={lang}") + "#p-373-1")


@pytest.mark.parametrize(
    "query, lang, notices",
    [({"lang": ["en"]}, "en", 0), ({"lang": ["zh-hant"]}, "zh-Hant", 0), ({"lang": ["fr"]}, "zh-CN", 1), ({"lang": ["en", "fr"]}, "en", 1)],
)
def test_the_language_is_parsed_and_round_trips(query, lang, notices):
    state = page.parse({**query, "chapter": ["第五章"], "q": ["页岩气"]})
    assert (state.lang, len(state.notices)) == (lang, notices)
    assert page.parse(page.to_query(state)) == page.State(q="页岩气", chapter="第五章", lang=lang)


def test_the_count_is_a_strong_number_in_english():
    view = page.build(page.State(q="轨道交通", lang="en"))
    assert view.summary == (Paragraph(("Passages found: ", Strong(str(search.count("轨道交通"))))),)


def test_the_app_page_in_english():
    at = open_page("plan_reader", {"lang": "en", "q": "轨道交通", "chapter": "第十一章"})
    assert not at.exception
    assert at.title[0].value == "The plan's text"
    assert at.text_input[0].label == "Search the full text (separate words with spaces)"
    assert [s.label for s in at.selectbox] == ["Chapter", "Section"]
    assert at.selectbox[0].value == "第十一章"  # the code; shown by its English label
    assert [c.value for c in at.caption if HAN.search(c.value)] == []
    bodies = [e.proto.body for e in at.get("html")]
    # the passage and each snippet marked as the 简体 they are published in
    assert any(b.startswith('<div lang="zh-CN"><div class="plan-text">') and 'id="p-' in b for b in bodies)
    assert sum(b.startswith('<div lang="zh-CN"><p>') and "<mark>轨道交通</mark>" in b for b in bodies) == len(
        page.build(page.State(q="轨道交通")).results
    )
    # each result's link keeps the language and lands on its sentence
    links = [b for b in bodies if 'class="read-sentence"' in b]
    assert links and all("lang=en" in b and "#p-" in b and ">Read this sentence<" in b for b in links)


def test_the_app_page_in_zh_hant():
    at = open_page("plan_reader", {"lang": "zh-Hant", "chapter": "第十一章"})
    assert not at.exception
    assert at.title[0].value == "規劃原文"
    assert [s.label for s in at.selectbox] == ["章", "節"]
