"""lib.views.overview: the front page's State (nothing but notices) and what it shows."""

import functools

import pytest

from lib.present.blocks import Bullets, Link, Strong, Target, plain_text
from lib.views import overview as view
from lib.views.overview import numbers as overview
from lib.views.query import Notice


@pytest.mark.parametrize(
    "query, notices",
    [
        ({}, ()),
        # The overview has no choices: a group belongs to 指标总览's URL, not this one.
        ({"pillar": ["创新发展"]}, (Notice("pillar", "创新发展"),)),
        ({"x": ["<script>", "2"]}, (Notice("x", "<script>"), Notice("x", "2"))),
        ({"indicator": []}, (Notice("indicator", ""),)),
    ],
)
def test_parse(query, notices):
    assert view.parse(query) == view.State(notices=notices)
    assert view.to_query(view.parse(query)) == {}


@functools.cache
def built() -> view.View:
    # Built in the first test that reads it, not at collection (tests/test_code_shape.py).
    return view.build(view.State())


def cards() -> dict:
    return {card.label: card for card in built().cards}


@pytest.mark.parametrize(
    "label, value, detail_has",
    [
        # 第一章第三节: 2.5万亿元; 15720 → 25000 亿元: (25000/15720)^(1/5) − 1 = 9.72 % a year at current prices
        # (nominal, 专栏1 备注1), beside 专栏2 row 1's real 9% (左右 in 第一章第三节).
        ("地区生产总值", "2.5万亿元", ["2015年 1.57万亿元", "所需年均 +9.72%（名义，按现价），规划实际增长9%左右"]),
        # 专栏2 row 20: 4644亿元 in 2015 = 0.46万亿元, against 10000亿元 = 1万亿元
        # The plan does not say at which prices its trade levels are: the required rate says so.
        ("进出口总额", "1万亿元", ["2015年 0.46万亿元", "所需年均 +16.58%（价格口径未说明）"]),
        ("服务业比重", "50%左右", ["2015年 47.7%"]),
        # R&D 1.53 → 2.2: (2.2 − 1.53)/5 = 0.134 points a year
        ("研发投入强度", "2.2%", ["2015年 1.53%", "+0.13 个百分点"]),
        ("森林覆盖率", "46%", ["2015年 45%"]),
        # 专栏2 row 24: 【70.6】 by 2017 (第一章第三节 “到2017年，基本实现…脱贫”) = 70.6/2 = 35.3 a year
        # over 2016—2017, approximate for its 基本 (issue 23 §1); row 25: 【300】 = 60 a year,
        # approximate because the text says “300万人左右” (第十二章, issue 15)
        (
            "农村贫困人口脱贫",
            "70.6万人",
            ["2016—2017年 年均约 35.3 万人", "第一章第三节：“到2017年，基本实现我国现行标准下农村贫困人口脱贫”"],
        ),
        # issue 23 §6: 【300】 keeps the text's 左右 on the card, as GDP's 9 does
        ("城镇新增就业", "300万人左右", ["年均约 60 万人"]),
    ],
)
def test_headline_cards(label, value, detail_has):
    card = cards()[label]
    assert card.value == value
    assert all(part in card.detail for part in detail_has), card.detail
    assert "。出处：专栏" in card.detail or "。出处：第一章第三节" in card.detail


def test_eight_cards_in_the_plan_s_order():
    assert [c.label for c in built().cards] == [title for _, title in overview.HEADLINES]
    assert cards()["地区生产总值"].detail.endswith("。出处：第一章第三节；专栏1、专栏2第1行")
    assert cards()["森林覆盖率"].detail == "2015年 45%；所需年均 +0.2 个百分点。出处：专栏2第12行"


def test_difficulty_reads_one_line_per_group_at_any_width():
    lines = [line for line in plain_text(built().difficulty).splitlines()]
    assert lines[0] == "按“五大发展”" and "按指标属性" in lines
    # A list, not a table: nothing to squeeze into narrow columns.
    assert {type(block).__name__ for block in built().difficulty} == {"Paragraph", "Bullets"}
    items = [item for block in built().difficulty if isinstance(block, Bullets) for item in block.items]
    assert all(isinstance(item[0], Strong) for item in items)  # the group's name is what the eye finds first
    by_group = {item[0].text: plain_text([Bullets((item,))]) for item in items}
    assert list(by_group) == ["总体", "创新发展", "协调发展", "绿色发展", "开放发展", "共享发展", "预期性", "约束性"]
    # 专栏2, 创新发展: 8 rows; 5 are new in 十三五 (no 专栏1 row), 1 changed basis
    # (战略性新兴产业, 专栏1 旧口径→新口径).
    assert by_group["创新发展"] == "创新发展 8 项：以往速度已足够 1 · 需大幅加速 1 · 无法比较 6（新设指标 5、口径调整 1）"
    assert by_group["协调发展"] == "协调发展 4 项：无法比较 4（新设指标 3、口径调整 1）"
    # 专栏2 has 38 rows with values (43 rows less 5 headings), counted once in each grouping.
    counts = {group: int(line.split(" ")[1]) for group, line in by_group.items()}
    assert sum(counts[g] for g in list(counts)[:6]) == counts["预期性"] + counts["约束性"] == 38


def test_cannot_compare_is_explained_with_counts():
    # 24 of 38 cannot be compared: 22 have no 专栏1 row, 2 changed basis (户籍人口城镇化率, 战略性新兴产业).
    note = plain_text(built().difficulty_note)
    assert "“无法比较”共 24 项：22 项是“十三五”新设的指标" in note
    assert "2 项的统计口径或标准在2010—2015年间调整" in note


def test_an_unlisted_reason_is_shown_as_written():
    assert overview.reason_words("所需速度为零") == ("所需速度为零", "：所需速度为零")


def test_pillars_and_links():
    assert built().pillars == ("创新发展", "协调发展", "绿色发展", "开放发展", "共享发展")
    assert "38个区县" in plain_text(built().zones_text)  # districts.csv: 38 rows
    assert [link.label for link in built().pillar_links] == list(built().pillars)
    assert built().pillar_links[1] == Link("协调发展", Target("indicators", (("pillar", "协调发展"),), "pillar-2"))
    assert built().indicators_link.target == Target("indicators")
    assert built().ranking_link.target == Target("trajectories", (), "ranking")
    assert built().zones_link.target == Target("zones_map")


def test_zone_picture_is_a_small_static_svg():
    svg = built().zone_picture.svg
    assert svg.startswith("<svg") and not svg.startswith("data:")  # the data URI is each renderer's business
    assert svg.count("<path") == 5  # one merged shape per zone
    assert len(svg) < 30_000
    assert built().zone_picture.alt == "重庆五大功能区域示意图"
