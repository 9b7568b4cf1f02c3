"""lib.views.plan_reader: URL → State → View, without a browser."""

import pytest

from lib.views import plan_reader as page
from lib.views.query import Notice


@pytest.mark.parametrize(
    "raw, state",
    [
        ({}, page.State(chapter="第一章")),
        ({"chapter": ["第十一章"], "section": ["第三节"]}, page.State(chapter="第十一章", section="第三节")),
        # older links carried the drop-down labels
        ({"chapter": ["第十一章 加快推进基础设施互联互通"]}, page.State(chapter="第十一章")),
        ({"q": ["页岩气"]}, page.State(q="页岩气", chapter="第一章")),
    ],
)
def test_parse(raw, state):
    assert page.parse(raw) == state


@pytest.mark.parametrize(
    "raw, refused",
    [
        ({"chapter": ["第九十九章"]}, [Notice("chapter", "第九十九章")]),
        ({"chapter": ["第十一章"], "section": ["第九节"]}, [Notice("section", "第九节")]),
        ({"q": ["页" * 101]}, [Notice("q", "页" * 101)]),
        ({"chapter": ["第二章", "第三章"]}, [Notice("chapter", "第三章")]),
        ({"evil": ["<b>"]}, [Notice("evil", "<b>")]),
    ],
)
def test_parse_refuses_with_a_notice(raw, refused):
    assert list(page.parse(raw).notices) == refused


@pytest.mark.parametrize(
    "state",
    [page.State(chapter="第一章"), page.State(q="脱贫 攻坚", chapter="第二十五章", section="第一节"), page.State(chapter="第十章")],
)
def test_to_query_round_trips(state):
    assert page.parse(page.to_query(state)) == state


def test_the_default_state_is_the_empty_query():
    assert page.to_query(page.parse({})) == {}


@pytest.mark.parametrize(
    "state, first_breadcrumb_has, link",
    [
        # 页岩气 first appears in 第三章第四节; each result links to its own section
        (page.State(q="页岩气", chapter="第一章"), "第三章", {"chapter": "第三章", "section": "第四节"}),
    ],
)
def test_build_search(state, first_breadcrumb_has, link):
    view = page.build(state)
    assert view.results and first_breadcrumb_has in view.results[0].breadcrumb
    assert view.results[0].link == link
    assert view.summary_markdown.startswith("找到 **")
    assert ":orange-background[**页岩气**]" in view.results[0].snippet_markdown


def test_build_no_result_echoes_the_words_as_inert_text():
    view = page.build(page.State(q="www.evil.example", chapter="第一章"))
    assert not view.results and "www." not in view.no_result and "没有找到" in view.no_result


@pytest.mark.parametrize(
    "chapter, section, has_box_14, redacted",
    [
        ("第十一章", "第三节", True, True),  # 专栏14 stands in 第十一章第三节, which also has a *** redaction
        ("第十章", "第一节", False, True),  # the five zones' names are redacted (***) in this copy
        ("第二章", "第一节", False, False),
    ],
)
def test_build_reader(chapter, section, has_box_14, redacted):
    view = page.build(page.State(chapter=chapter, section=section))
    text = "\n".join(block for _, block in view.blocks)
    assert ("专栏14" in text) is has_box_14
    assert bool(view.redaction_note) is redacted
    assert view.section_codes[0] == "" and section in view.section_codes
