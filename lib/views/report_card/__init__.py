"""2020年目标完成情况 (the report card): every 专栏2 target by 五大发展 group and 属性, with its verdict.

Nothing here judges a figure: the verdict, the figure and its source are the
columns ``lib.engine.tables.indicator_table(2)`` already carries (from
``lib.plan.outcomes``), the very cells 指标总览 shows in its ``2020年结果``
column. This page only groups and counts them. No URL keys.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lib.engine import tables
from lib.plan import outcomes, schemas
from lib.present.blocks import Link, Paragraph, Table, paragraph, target
from lib.views import indicators
from lib.views import query as q
from lib.views.query import Notice, Query

HEADERS = ("指标", "2015年", "2020年目标", "2020年结果", "2020年实际", "来源")
# 约束性 first: the binding targets are the ones a reader asks about first.
ATTRIBUTES = ("约束性", "预期性")


@dataclass(frozen=True)
class State:
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Group:
    heading: str  # “绿色发展 · 约束性（12项）”
    anchor: str  # a stable id: g1, g2 …
    table: Table  # one row per target, each with its Link to the indicator's page
    verdicts: tuple[str, ...]  # each row's verdict code (lib.plan.outcomes.STATUSES: a renderer marks it)
    urls: tuple[str, ...]  # each row's source page (plain text), or ""


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    counts_heading: str
    counts: Table  # verdict × 属性, and the totals
    total: int
    groups: tuple[Group, ...]
    rule: Paragraph
    links: tuple[Link, ...]  # 指标总览, 数据与方法
    print_hint: str


def parse(query: Query) -> State:
    notices: list[Notice] = []
    q.unknown_keys(query, (), notices)
    return State(notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return {}


def indicator_link(record: dict) -> Link:
    """The row's own page: 指标总览 with the row selected (the static edition's /indicator/<id>/)."""
    return Link(record["指标"].strip(), target("indicators", indicators.to_query(indicators.State(row=record["indicator_id"]))))


def targets_frame():
    """专栏2's rows with a 2020 target, in printed order: those lib.plan.outcomes gives a verdict."""
    table = tables.indicator_table(2)
    return table[table["结果#status"] != ""]


def _row(record: dict) -> tuple[str, ...]:
    return (record["指标"].strip(), record["2015年"], record["2020年"], record["2020年结果"], record["2020年实际"], record["实际来源"])


def build(state: State) -> View:
    frame = targets_frame()
    records = frame.to_dict("records")
    groups = []
    for pillar in schemas.PILLARS:
        for attribute in ATTRIBUTES:
            picked = [r for r in records if r["五大发展"] == pillar and r["属性"] == attribute]
            if not picked:
                continue
            groups.append(
                Group(
                    heading=f"{pillar} · {attribute}（{len(picked)}项）",
                    anchor=f"g{len(groups) + 1}",
                    table=Table(
                        HEADERS,
                        tuple(_row(r) for r in picked),
                        row_ids=tuple(r["indicator_id"] for r in picked),
                        links=tuple(indicator_link(r) for r in picked),
                    ),
                    verdicts=tuple(r["结果#status"] for r in picked),
                    urls=tuple(r["实际网址"] for r in picked),
                )
            )
    counted = Counter((r["结果#status"], r["属性"]) for r in records)
    count_rows = tuple(
        (label, *(counted[(status, a)] for a in ATTRIBUTES), sum(counted[(status, a)] for a in ATTRIBUTES))
        for status, label in outcomes.STATUS_LABELS.items()
    )
    totals = ("合计", *(sum(counted[(s, a)] for s in outcomes.STATUS_LABELS) for a in ATTRIBUTES), len(records))
    return View(
        title="2020年目标完成情况",
        intro=(
            f"专栏2中有2020年（或“十三五”五年）目标的 {len(records)} 项指标，按五大发展与指标属性分组，"
            "逐项列出能找到的官方数字与判断：达到、未达到、口径不同（官方数字与规划指标的范围或年份不同，不作判断）、"
            "未找到官方数字。数值照原文；点指标名可看该指标的全部数值、出处与原句。"
        ),
        counts_heading="各判断的项数",
        counts=Table(("判断", *ATTRIBUTES, "合计"), (*count_rows, totals)),
        total=len(records),
        groups=tuple(groups),
        rule=paragraph(
            f"判断规则：＞须超过，＜须低于，“左右”有容差（比重、速度±{outcomes.RATE_TOLERANCE}个百分点，"
            f"总量±{outcomes.LEVEL_TOLERANCE:.0%}），类别达到或优于所定类别即为达到；"
            "五年累计或年均的目标只与五年的数比较。详见",
            Link("数据与方法", target("methods")),
            "“2020年实际结果”一节。",
            tone="caption",
        ),
        links=(Link("指标总览（全部数值与计算列）", target("indicators")), Link("数据与方法", target("methods"))),
        print_hint="本页可直接打印为一页（浏览器“打印”，A4 横向效果最佳）。",
    )
