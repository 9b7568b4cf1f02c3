"""lib.views.plan_reader: URL → State → View, without a browser."""

import pytest

from lib.plan import search, sentences
from lib.present import routes
from lib.present.blocks import Heading, Link, Mark, Paragraph, Preformatted, Span, Strong, Target, plain_text
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
        # 页岩气 first appears in 第三章第四节 (专栏5's row, line 374); the link lands on that row, the words kept
        (
            page.State(q="页岩气", chapter="第一章"),
            "第三章",
            Target("plan_reader", (("chapter", "第三章"), ("q", "页岩气"), ("section", "第四节")), "p-374-1"),
        ),
        # 万州、黔江机场 is found by 万州机场, after the exact match of 专栏12 (line 520)
        (
            page.State(q="万州机场"),
            "专栏12",
            Target("plan_reader", (("chapter", "第十一章"), ("q", "万州机场"), ("section", "第一节")), "p-520-1"),
        ),
    ],
)
def test_build_search(state, first_breadcrumb_has, link):
    view = page.build(state)
    assert view.results and first_breadcrumb_has in view.results[0].breadcrumb
    assert view.results[0].link == Link("阅读本句", link)
    (summary,) = view.summary
    assert summary.parts[:2] == ("找到 ", Strong(str(len(view.results))))
    assert Mark(state.q) in view.results[0].snippet.parts


def test_a_hit_across_a_listing_marks_its_words_and_links_to_its_sentence():
    view = page.build(page.State(q="万州机场"))
    second = view.results[1]
    assert second.snippet.parts == ("建成巫山、武隆机场，改扩建", Mark("万州"), "、黔江", Mark("机场"), "。")
    assert second.link.target.fragment == "p-514-3"
    assert [r.link.target.fragment for r in view.results] == ["p-520-1", "p-514-3", "p-687-5"]


@pytest.mark.parametrize("q", ["万州机场", "轨道交通", "页岩气", "脱贫 攻坚"])
def test_every_hit_opens_its_passage_with_its_sentence_marked(q):
    for result in page.build(page.State(q=q)).results:
        state = page.parse(result.link.target.params())
        assert not state.notices and state.q == q
        reader = page.build(state)
        marked = [span for span in spans(reader.blocks) if span.marked]
        assert result.link.target.fragment in [span.anchor for span in marked]
        assert not reader.landing_note
        assert routes.static_path(result.link.target).endswith("#" + result.link.target.fragment)


def spans(blocks):
    for block in blocks:
        yield from (part for part in getattr(block, "parts", ()) if isinstance(part, Span))
        yield from getattr(block, "rows", ())


def test_the_reader_gives_every_sentence_its_anchor_once():
    anchors = [span.anchor for chapter, _ in search.chapter_choices() for span in spans(page.build(page.State(chapter=chapter)).blocks)]
    assert len(anchors) == len(set(anchors)) > 1000
    assert all(sentences.parse_anchor(a) for a in anchors)


@pytest.mark.parametrize(
    "state, note",
    [
        # a link whose words are not in the passage it opens (edited, or from another chapter): said, in Chinese
        (page.State(q="万州机场", chapter="第二章"), "第二章没有与“万州机场”相符的句子；相符的段落见上方的检索结果。"),
        (
            page.State(q="页岩气 开发", chapter="第十一章", section="第一节"),
            "第十一章第一节没有与“页岩气 开发”相符的句子；相符的段落见上方的检索结果。",
        ),
        # words found nowhere (markup among them): the search's own “没有找到” says it, once
        (page.State(q="<b>x</b>", chapter="第十一章", section="第一节"), None),
        (page.State(q="万州机场", chapter="第十一章", section="第一节"), None),
        (page.State(chapter="第十一章"), None),
    ],
)
def test_a_search_that_marks_nothing_here_says_so(state, note):
    view = page.build(state)
    assert [b.parts for b in view.landing_note] == ([] if note is None else [(note,)])
    assert "{anchor}" in view.anchor_missing


def test_build_no_result_echoes_the_words_as_plain_text():
    view = page.build(page.State(q="www.evil.example", chapter="第一章"))
    (note,) = view.no_result
    assert not view.results and note.tone == "note"
    assert note.parts == ("没有找到包含“www.evil.example”的段落。换一个词，或减少检索词试试。",)  # one plain string: no link


@pytest.mark.parametrize(
    "text, words, parts",
    [
        ("推进<b>页岩气</b>开发 **", ["页岩气"], ("推进<b>", Mark("页岩气"), "</b>开发 **")),  # markup stays text
        ("页岩气和页岩", ["页岩", "页岩气"], (Mark("页岩气"), "和", Mark("页岩"))),  # the longest word first
        ("LNG与lng", ["lng"], (Mark("LNG"), "与", Mark("lng"))),  # any case, shown as printed
        ("无", [], ("无",)),
    ],
)
def test_highlighted(text, words, parts):
    assert page.highlighted(text, words) == parts


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
    text = plain_text(view.blocks)
    assert ("专栏14" in text) is has_box_14
    assert bool(view.redaction_note) is redacted
    assert view.section_codes[0] == "" and section in view.section_codes


def test_a_chapter_s_blocks_keep_every_line_once_and_in_order_with_anchored_sections():
    for chapter, _ in search.chapter_choices():
        blocks = page.build(page.State(chapter=chapter)).blocks
        lines = plain_text(blocks).split("\n")
        assert lines == [text.replace("\t", "　") for text in search.section_paragraphs(chapter).text], chapter
        anchors = [block.anchor for block in blocks if isinstance(block, Heading)]
        assert anchors == [f"s{n}" for n in range(1, len(search.section_choices(chapter)) + 1)], chapter
    # 第十一章第三节: 专栏14's title in bold, its rows one preformatted block
    blocks = page.build(page.State(chapter="第十一章", section="第三节")).blocks
    titles = [b.parts[0].text for b in blocks if isinstance(b, Paragraph) and isinstance(b.parts[0], Strong)]
    assert any(title.startswith("专栏14") for title in titles)
    assert any(isinstance(b, Preformatted) for b in blocks)


def test_chapter_and_section_links_parse_back_to_their_passage():
    view = page.build(page.State(chapter="第十一章"))
    assert [link.label for link in view.chapter_links] == list(view.chapter_labels.values())
    for link in (*view.chapter_links, *view.section_links):
        state = page.parse(link.target.params())
        assert not state.notices
        assert link.label == (view.chapter_labels[state.chapter] if not state.section else page.build(state).section_labels[state.section])
