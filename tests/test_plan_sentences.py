"""lib.plan.sentences and the search over them: a query lands on its sentence, across a listing's punctuation,
never across a sentence's end; exact matches rank first. Every case is a real sentence of data/source/plan.txt."""

import pytest

from lib.plan import search, sentences
from lib.plan.plan_text import where


def sentence(anchor: str) -> str:
    line, index = sentences.parse_anchor(anchor)
    # a 专栏's row is one sentence (its line of the table)
    return sentences.split(line, where(line).text.strip("　 "), whole=bool(where(line).box))[index - 1].text


@pytest.mark.parametrize(
    "anchor, text",
    [
        ("p-514-3", "建成巫山、武隆机场，改扩建万州、黔江机场。"),
        ("p-524-3", "建成“一环八线”城市轨道交通网，新增营运里程200公里，城市轨道交通总里程达到415公里。"),
        (
            "p-520-1",
            "机场。（1）续建并建成：江北机场第三跑道及东航站区工程、巫山机场。（2）新开工：武隆机场、万州机场扩建工程、黔江机场扩建工程，万盛、永川等一批通用航空机场（起降点）。",
        ),
        ("p-687-5", "完善江北机场航空口岸，建设中西部国际航空货运中心，加快万州、黔江机场航空口岸对外开放。"),
    ],
)
def test_an_anchor_names_one_sentence_of_the_plan(anchor, text):
    assert sentence(anchor) == text


def test_splitting_a_line_loses_nothing_and_ends_each_sentence_at_its_mark():
    for row in search.paragraphs().itertuples():
        parts = sentences.split(row.line, row.text)
        assert "".join(s.text for s in parts) == row.text
        assert all(s.text[-1] in sentences.SENTENCE_END for s in parts[:-1]), row.line


@pytest.mark.parametrize(
    "term, text, pieces, exact",
    [
        # 万州、黔江机场: 万州机场 and 黔江机场, written as a list
        ("万州机场", "建成巫山、武隆机场，改扩建万州、黔江机场。", ["万州", "机场"], False),
        ("巫山机场", "建成巫山、武隆机场，改扩建万州、黔江机场。", ["巫山", "机场"], False),
        ("万州机场", "（2）新开工：武隆机场、万州机场扩建工程、黔江机场扩建工程", ["万州机场"], True),
        ("轨道交通", "建成“一环八线”城市轨道交通网，新增营运里程200公里，城市轨道交通总里程达到415公里。", ["轨道交通"], True),
        ("lng", "推广LNG动力船舶", ["LNG"], True),  # any case, shown as printed
    ],
)
def test_find(term, text, pieces, exact):
    match = sentences.find(term, text)
    assert match is not None and match.exact is exact
    assert [text[a:b] for a, b in match.spans] == pieces


@pytest.mark.parametrize(
    "term, text",
    [
        # 整合、协同。积极推广: the gap would be a listing, but it crosses a sentence's end (p-364-8 → p-364-9)
        ("整合积极", "整合、协同。积极推广众包"),
        ("万州机场", "有序推动万州港、涪陵港、丰都港、永川港、江津港对外开放"),  # no 机场
        ("万州机场", "万州区建设江北机场"),  # in order, but no listing between them: another thought
        ("万州机场", "万州、涪陵、丰都、永川、江津、黔江机场"),  # the gap is longer than a listing of one or two names
        ("万州", "万、州"),  # a piece is two characters or more
        ("", "万州机场"),
    ],
)
def test_no_false_hit(term, text):
    assert sentences.find(term, text) is None


@pytest.mark.parametrize(
    "query, anchors",
    [
        # exact first (专栏12's row), then the two lists of 第十一章 and 第二十一章, in plan order
        ("万州机场", ["p-520-1", "p-514-3", "p-687-5"]),
        ("巫山机场", ["p-520-1", "p-514-3"]),
        # the sentence with the most occurrences in its line: the 415公里 one, not 大力发展城市轨道交通。
        ("轨道交通", ["p-373-1", "p-523-1", "p-524-3", "p-526-3"]),
        ("整合积极", []),
        ("量子计算机", []),
    ],
)
def test_search_ranks_exact_first_and_lands_on_the_sentence(query, anchors):
    found = search.search(query)
    assert list(found.anchor[: len(anchors)]) == anchors
    if not anchors:
        assert found.empty and search.count(query) == 0
    for row in found.itertuples():
        assert row.sentence == sentence(row.anchor)  # the snippet is the sentence the link lands on


def test_every_hit_of_a_search_holds_every_word_in_its_line():
    found = search.search("万州 机场", limit=10_000)
    assert len(found) and all("万州" in text and "机场" in text for text in found.text)


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("p-514-3", (514, 3)),
        ("p-0-1", None),
        ("p-514", None),
        ("s1", None),
        ("p-514-3<script>", None),
        ("p-99999999-1", None),
        ("", None),
    ],
)
def test_parse_anchor(text, parsed):
    assert sentences.parse_anchor(text) == parsed
