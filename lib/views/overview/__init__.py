"""概览: what the plan set out to do, in one screen.

The page has no choices of its own, so its URL carries nothing (any key is
refused with a notice). A group picked in the pills opens 指标总览 with
``pillar=<group>``.
"""

from __future__ import annotations

import base64
from collections import Counter
from dataclasses import dataclass

from lib.plan import schemas, zones
from lib.present.blocks import Link, target
from lib.present.maps.static_map import zone_svg
from lib.present.markup import markdown_escape
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
    indicators_link: str
    difficulty_heading: str
    difficulty_note: str  # markdown: the method, and how many cannot be compared and why
    difficulty_markdown: str  # both groupings, one line per group
    pillar_label: str
    pillars: tuple[str, ...]
    ranking_link: str
    zones_heading: str
    zone_picture: str  # a data URI of a static SVG
    zone_caption: str
    zones_text: str
    zones_link: str
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


def difficulty_list(by: str) -> str:
    """One line per group: “**创新发展** 8 项：以往速度已足够 1 · …”.

    A list, not a table: a table's narrow columns broke the Chinese one
    character per line on a 390 px phone; a line reads the same at any width.
    """
    lines = [f"**按{GROUP_HEADINGS[by]}**", ""]
    lines += [f"- **{markdown_escape(r.group)}** {r.count} 项：{markdown_escape(_statuses(r))}" for r in overview.difficulty_rows(by)]
    return "\n".join(lines)


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


def _data_uri(svg: str) -> str:
    # st.image passes a data URI through as it is; raw SVG markup is re-encoded on every rerun.
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def build(state: State) -> View:
    cards = tuple(
        # The source in the card's own line, not a "?" tooltip: one element less per
        # card, and a phone has no hover.
        Card(label=c.title, value=c.target, detail=f"{c.base}；{c.pace}。出处：{c.source}")
        for c in overview.headline_cards()
    )
    method = "“以往÷所需”：把“十二五”实际速度与“十三五”所需速度相比（联合国进展图表 / Open SDG 方法）。这是难度，不是对实际完成情况的评估。"
    districts = zones.load_districts()
    zone_svg_text = zone_svg(zones.load_district_shapes(), districts, zones.load_zones())
    return View(
        title="重庆“十三五”规划：承诺与难度",
        intro=(
            "《重庆市国民经济和社会发展第十三个五年规划纲要》于2016年2月印发，是重庆2016—2020年经济社会发展的总蓝图。"
            "它用两张指标表（专栏1回顾“十二五”，专栏2设定“十三五”目标）和正文中的一百多项数字目标，说明五年要达到哪里。"
            "本站把这些数字逐一对照原文整理，并计算每个目标所需的速度、与以往速度相比有多难。"
        ),
        cards=cards,
        indicators_link="查看全部指标与计算方法",
        difficulty_heading="目标有多难：按“五大发展”与指标属性",
        difficulty_note=method + markdown_escape(cannot_compare_note()),
        difficulty_markdown=difficulty_list("pillar") + "\n\n" + difficulty_list("attribute"),
        pillar_label="按“五大发展”查看指标",
        pillars=tuple(schemas.PILLARS[1:]),  # "总体" is the two headline rows, not one of the five
        ranking_link="哪些目标需要最大的加速",
        zones_heading="五大功能区域",
        zone_picture=_data_uri(zone_svg_text),
        zone_caption="按主要功能区着色；都市功能核心区（渝中区及内环以内部分）面积很小，详见地图页。",
        zones_text=(
            f"规划以**五大功能区域**统筹全市{len(districts)}个区县：都市功能核心区、都市功能拓展区、城市发展新区"
            "（合称大都市区），渝东北生态涵养发展区、渝东南生态保护发展区（合称大生态区）。"
        ),
        zones_link="查看地图与项目",
        report_link=Link("2020年这些目标完成了吗？查看完成情况", target("report_card")),
    )
