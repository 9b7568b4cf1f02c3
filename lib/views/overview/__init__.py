"""概览: what the plan set out to do, in one screen.

The page has no choices of its own, so its URL carries nothing (any key is
refused with a notice). A group picked in the pills opens 指标总览 with
``pillar=<group>`` (the View's ``pillar_links``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lib.plan import schemas, zones
from lib.present import routes
from lib.present.blocks import Block, Image, Link, Strong, bullets, paragraph, target
from lib.present.maps.static_map import svg, zone_picture
from lib.views import indicators, trajectories
from lib.views import query as q
from lib.views.overview import numbers as overview
from lib.views.query import Notice, Query

KEYS: tuple[str, ...] = ()
GROUP_HEADINGS = {"pillar": "“五大发展”", "attribute": "指标属性"}


@dataclass(frozen=True)
class State:
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Card:
    label: str
    value: str  # the 2020 target, as printed
    detail: str  # the 2015 base, the pace required and where the plan prints it


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    cards: tuple[Card, ...]
    indicators_link: Link
    difficulty_heading: str
    difficulty_note: tuple[Block, ...]  # the method, and how many cannot be compared and why
    difficulty: tuple[Block, ...]  # both groupings, one line per group
    pillar_label: str
    pillars: tuple[str, ...]
    pillar_links: tuple[Link, ...]  # one per pillar, in the same order: 指标总览 filtered to it
    ranking_link: Link
    zones_heading: str
    zone_picture: Image  # a static SVG, its caption under it
    zones_text: tuple[Block, ...]
    zones_link: Link
    report_link: Link  # 2020年目标完成情况: how the targets turned out (issue 26)


def parse(query: Query) -> State:
    notices: list[Notice] = []
    q.unknown_keys(query, KEYS, notices)
    return State(notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return {}


def _statuses(row: overview.DifficultyRow) -> str:
    """“以往速度已足够 1 · 无法比较 6（新设指标 5、口径调整 1）”: short enough for a phone's table cell."""
    parts = []
    for label, count in row.statuses:
        why = "、".join(f"{overview.reason_words(key)[0]} {n}" for key, n in row.reasons)
        parts.append(f"{label} {count}" + (f"（{why}）" if label == overview.STATUSES["cannot_assess"] and why else ""))
    return " · ".join(parts)


def difficulty_list(by: str) -> tuple[Block, ...]:
    """A heading line, then one line per group: “**创新发展** 8 项：以往速度已足够 1 · …”.

    A list, not a table: a table's narrow columns broke the Chinese one
    character per line on a 390 px phone; a line reads the same at any width.
    """
    lines = [(Strong(r.group), f" {r.count} 项：{_statuses(r)}") for r in overview.difficulty_rows(by)]
    return (paragraph(Strong(f"按{GROUP_HEADINGS[by]}")), bullets(lines))


def cannot_compare_note() -> str:
    """How many cannot be compared and why, in plain words (each indicator has one 属性, so counted once)."""
    rows = overview.difficulty_rows("attribute")
    reasons: Counter[str] = Counter()
    for row in rows:
        reasons.update(dict(row.reasons))
    total = sum(reasons.values())
    if not total:
        return ""
    said = "；".join(f"{n} 项{overview.reason_words(key)[1]}" for key, n in reasons.most_common())
    return f"“{overview.STATUSES['cannot_assess']}”共 {total} 项：{said}。"


def build(state: State) -> View:
    cards = tuple(
        # The source in the card's own line, not a "?" tooltip: one element less per
        # card, and a phone has no hover.
        Card(label=c.title, value=c.target, detail=f"{c.base}；{c.pace}。出处：{c.source}")
        for c in overview.headline_cards()
    )
    method = "“以往÷所需”：把“十二五”实际速度与“十三五”所需速度相比（联合国进展图表 / Open SDG 方法）。这是难度，不是对实际完成情况的评估。"
    districts = zones.load_districts()
    picture = zone_picture(zones.load_district_shapes(), districts, zones.load_zones())
    pillars = tuple(schemas.PILLARS[1:])  # "总体" is the two headline rows, not one of the five
    return View(
        title="重庆“十三五”规划：承诺与难度",
        intro=(
            "《重庆市国民经济和社会发展第十三个五年规划纲要》于2016年2月印发，是重庆2016—2020年经济社会发展的总蓝图。"
            "它用两张指标表（专栏1回顾“十二五”，专栏2设定“十三五”目标）和正文中的一百多项数字目标，说明五年要达到哪里。"
            "本站把这些数字逐一对照原文整理，并计算每个目标所需的速度、与以往速度相比有多难。"
        ),
        cards=cards,
        indicators_link=Link("查看全部指标与计算方法", target("indicators", indicators.to_query(indicators.State()))),
        difficulty_heading="目标有多难：按“五大发展”与指标属性",
        difficulty_note=(paragraph(method + cannot_compare_note(), tone="caption"),),
        difficulty=difficulty_list("pillar") + difficulty_list("attribute"),
        pillar_label="按“五大发展”查看指标",
        pillars=pillars,
        # The fragment names the group's list on the static edition's table page.
        pillar_links=tuple(
            Link(pillar, target("indicators", indicators.to_query(indicators.State(pillar=(pillar,))), f"pillar-{number}"))
            for number, pillar in enumerate(pillars, start=1)
        ),
        # The ranking is drawn on 指标轨迹 in the app, under the tables in the static edition (lib.present.routes).
        ranking_link=Link("哪些目标需要最大的加速", target("trajectories", trajectories.to_query(trajectories.State()), routes.RANKING)),
        zones_heading="五大功能区域",
        zone_picture=Image(
            svg(picture), alt=picture.alt, caption="按主要功能区着色；都市功能核心区（渝中区及内环以内部分）面积很小，详见地图页。"
        ),
        zones_text=(
            paragraph(
                "规划以",
                Strong("五大功能区域"),
                f"统筹全市{len(districts)}个区县：都市功能核心区、都市功能拓展区、城市发展新区"
                "（合称大都市区），渝东北生态涵养发展区、渝东南生态保护发展区（合称大生态区）。",
            ),
        ),
        zones_link=Link("查看地图与项目", target("zones_map")),
        report_link=Link("2020年这些目标完成了吗？查看完成情况", target("report_card")),
    )
