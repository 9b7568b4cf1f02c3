"""AppTest: the plan can be searched and read; odd queries are harmless."""

import html
import re

import pytest

from helpers import inert, open_page
from lib.plan import search


@pytest.mark.parametrize(
    "query, expected_place",
    [
        # 页岩气 is an industry (第五章第一节) and an energy source (第十一章第三节)
        ("页岩气", ("第十一章", "第三节")),
        # “渝新欧” is the rail corridor of 第二十章第一节 (the opening-up part)
        ("渝新欧", ("第二十章", "第一节")),
        # 脱贫 is the poverty chapter
        ("脱贫", ("第二十五章", "")),
        # 轨道交通 is in 第十一章第二节, 完善城市交通系统
        ("轨道交通", ("第十一章", "第二节")),
    ],
)
def test_search_finds_the_right_sections(query, expected_place):
    results = search.search(query)
    assert not results.empty
    chapter, section = expected_place
    places = set(zip(results.chapter, results.section))
    assert any(c == chapter and (not section or s == section) for c, s in places), places
    at = open_page("plan_reader", {"q": query})
    assert not at.exception
    assert any("找到" in m.value for m in at.markdown)
    assert any(":orange-background[**" in m.value for m in at.markdown)


def test_no_results_is_friendly():
    at = open_page("plan_reader", {"q": "量子计算机"})
    assert not at.exception
    assert any("没有找到" in i.value for i in at.info)


@pytest.mark.parametrize(
    "query",
    ["<script>alert(1)</script>", "**bold** [link](javascript:alert(1))", "$x^2$", "   ", "页" * 99, "\\", ":red[x]"],
)
def test_odd_queries_are_shown_as_text(query):
    at = open_page("plan_reader", {"q": query})
    assert not at.exception
    for element in list(at.markdown) + list(at.info):
        value = element.value.replace(":orange-background[**", "")  # the page's own highlight
        assert inert(value), element.value


def test_too_long_query_gets_a_notice():
    at = open_page("plan_reader", {"q": "页" * 500})
    assert not at.exception
    assert any("已忽略" in i.value for i in at.info)


def test_a_url_opens_a_section_directly():
    at = open_page("plan_reader", {"chapter": "第十一章", "section": "第三节"})
    assert not at.exception
    assert at.selectbox(key="chapter").value.startswith("第十一章")
    assert at.selectbox(key="section").value.startswith("第三节")
    assert "专栏14" in passage(at)


def passage(at) -> str:
    """The passage's HTML (one st.html: its sentences carry their anchors)."""
    (found,) = [h.proto.body for h in at.get("html") if h.proto.body.startswith('<div class="plan-text">')]
    return found


@pytest.mark.parametrize(
    "query, marked",
    [
        # a search hit's link: the passage with the sentence it lands on marked (and its anchor as the id)
        ({"chapter": "第十一章", "section": "第一节", "q": "万州机场"}, ["p-514-3", "p-520-1"]),
        ({"chapter": "第十一章", "section": "第一节"}, []),
    ],
)
def test_a_hit_s_link_opens_its_passage_with_the_sentence_marked(query, marked):
    at = open_page("plan_reader", query)
    assert not at.exception
    text = passage(at)
    assert sorted(re.findall(r'<span id="(p-[0-9-]+)" class="hit">', text)) == marked
    assert '<span id="p-514-3"' in text
    hrefs = [h.proto.body for h in at.get("html") if 'class="read-sentence"' in h.proto.body]
    assert len(hrefs) == (3 if "q" in query else 0)


def test_a_link_whose_words_are_not_in_its_passage_says_so():
    at = open_page("plan_reader", {"chapter": "第二章", "q": "万州机场"})
    assert not at.exception
    assert "第二章没有与“万州机场”相符的句子；相符的段落见上方的检索结果。" in [i.value for i in at.info]


def test_redacted_text_is_explained():
    # 第十章第一节 describes the five functional zones, whose names this copy redacts
    at = open_page("plan_reader", {"chapter": "第十章", "section": "第一节"})
    assert any("***" in i.value or "隐去" in i.value for i in at.info)


@pytest.mark.parametrize("query", [{"chapter": "第九十九章"}, {"chapter": "第十一章", "section": "第九节"}])
def test_unknown_place_in_the_url_gives_a_notice(query):
    at = open_page("plan_reader", query)
    assert not at.exception
    assert any("已忽略" in i.value for i in at.info)


def test_a_highlight_is_drawn_as_marked_bold_text_and_the_rest_escaped():
    from lib.present.blocks import paragraph
    from lib.views.plan_reader import highlighted
    from pages._blocks import markdown_of

    text = markdown_of(paragraph(*highlighted("推进<b>页岩气</b>开发 **", ["页岩气"])).parts)
    assert "<b>" not in text and "\\*\\*" in text
    assert ":orange-background[**页岩气**]" in text


def test_a_chapter_is_sent_as_a_few_elements_not_one_per_line():
    # 第一章 (指导思想和发展目标) carries 专栏2, row by row: 141 non-empty lines.
    paragraphs = search.section_paragraphs("第一章")
    assert len(paragraphs) > 100
    at = open_page("plan_reader", {"chapter": "第一章"})
    assert not at.exception
    assert len(at.markdown) + len(at.text) + len(at.get("html")) < len(paragraphs) / 10
    rows = [line.replace("\t", "　") for kind, line in search.reading_lines("第一章") if kind == "box_row"]
    assert all(html.escape(row) in passage(at) for row in rows[:3])


def test_a_missing_plan_text_gives_the_plain_data_file_message(monkeypatch, tmp_path):
    from lib.plan import plan_text

    monkeypatch.setattr(plan_text, "PLAN_PATH", tmp_path / "plan.txt")  # no such file
    for cached in (plan_text.plan_text, plan_text.plan_lines, plan_text.boxes, search.paragraphs, search.outline, search.chapter_choices):
        cached.cache_clear()
    try:
        at = open_page("plan_reader")
        assert not at.exception
        assert [e.value for e in at.error] == ["数据文件 plan.txt 有误，本页暂时无法显示。维护者可在服务器日志中查看原因。"]
    finally:
        monkeypatch.undo()
        for cached in (
            plan_text.plan_text,
            plan_text.plan_lines,
            plan_text.boxes,
            search.paragraphs,
            search.outline,
            search.chapter_choices,
        ):
            cached.cache_clear()
