"""2020年目标完成情况 (the report card): every 专栏2 target by 五大发展 group and 属性, with its verdict.

Nothing here judges a figure: the verdict, the figure and its source are the
columns ``lib.engine.tables.indicator_table(2)`` already carries (from
``lib.plan.outcomes``), the very cells 指标总览 shows in its ``2020年结果``
column. This page only groups and counts them. Its one URL key is the reader's
language (``lang``, issue 27): names, units, groups, 属性 and verdicts from the
glossary (``term``), figures in English words around the printed digits
(lib.present.i18n.figures); each source is named as published, in 简体.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lib.engine import tables
from lib.plan import outcomes, schemas
from lib.present import routes
from lib.present.blocks import Link, Paragraph, Table, paragraph, target
from lib.present.i18n import DEFAULT, EN, N_, ZH_CN, ZH_HANT, gettext, hant, term
from lib.present.i18n.figures import figure
from lib.views import indicators
from lib.views import query as q
from lib.views.query import Notice, Query

HEADERS = (N_("指标"), N_("单位"), N_("2015年"), N_("2020年目标"), N_("2020年结果"), N_("2020年实际"), N_("来源"))
SOURCE = HEADERS.index("来源")
# 约束性 first: the binding targets are the ones a reader asks about first.
ATTRIBUTES = ("约束性", "预期性")


@dataclass(frozen=True)
class State:
    lang: str = DEFAULT
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
    description: str  # one line for search engines and share cards
    lang: str = DEFAULT
    # The language the sources are shown in (the 简体 they are published in), where it is not the page's.
    source_lang: str = ""
    source_note: str = ""
    url_label: str = "网址："


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
    q.unknown_keys(query, (q.LANG,), notices)
    return State(lang=lang, notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return q.query_of([(q.LANG, state.lang, DEFAULT)])


def indicator_link(record: dict, lang: str = ZH_CN) -> Link:
    """The row's own page: 指标总览 with the row selected (the static edition's /indicator/<id>/)."""
    page = target("indicators", indicators.to_query(indicators.State(row=record["indicator_id"])))
    return Link(term(record["指标"].strip(), "indicator", lang), routes.with_lang(page, lang))


def targets_frame():
    """专栏2's rows with a 2020 target, in printed order: those lib.plan.outcomes gives a verdict."""
    table = tables.indicator_table(2)
    return table[table["结果#status"] != ""]


def _figure(text: str, lang: str) -> str:
    return figure(text) if lang == EN and text else hant(text) if lang == ZH_HANT else text


def _row(record: dict, lang: str = ZH_CN) -> tuple[str, ...]:
    return (
        term(record["指标"].strip(), "indicator", lang),
        term(record["单位"], "unit", lang) if record["单位"] else "",
        *(_figure(record[column], lang) for column in ("2015年", "2020年")),
        term(record["2020年结果"], "verdict", lang),
        _figure(record["2020年实际"], lang),
        record["实际来源"],  # named as published, in 简体 (View.source_lang)
    )


def build(state: State) -> View:
    lang = state.lang
    _ = gettext(lang)
    records = targets_frame().to_dict("records")
    groups = []
    for pillar in schemas.PILLARS:
        for attribute in ATTRIBUTES:
            picked = [r for r in records if r["五大发展"] == pillar and r["属性"] == attribute]
            if not picked:
                continue
            heading = _("{pillar} · {attribute}（{count}项）")
            groups.append(
                Group(
                    heading=heading.format(
                        pillar=term(pillar, "pillar", lang), attribute=term(attribute, "attribute", lang), count=len(picked)
                    ),
                    anchor=f"g{len(groups) + 1}",
                    table=Table(
                        tuple(map(_, HEADERS)),
                        tuple(_row(r, lang) for r in picked),
                        row_ids=tuple(r["indicator_id"] for r in picked),
                        links=tuple(indicator_link(r, lang) for r in picked),
                    ),
                    verdicts=tuple(r["结果#status"] for r in picked),
                    urls=tuple(r["实际网址"] for r in picked),
                )
            )
    counted = Counter((r["结果#status"], r["属性"]) for r in records)
    count_rows = tuple(
        (term(label, "verdict", lang), *(counted[(status, a)] for a in ATTRIBUTES), sum(counted[(status, a)] for a in ATTRIBUTES))
        for status, label in outcomes.STATUS_LABELS.items()
    )
    totals = (_("合计"), *(sum(counted[(s, a)] for s in outcomes.STATUS_LABELS) for a in ATTRIBUTES), len(records))
    said = _("，").join(_("{label} {count} 项").format(label=row[0], count=row[-1]) for row in count_rows)
    return View(
        title=_("2020年目标完成情况"),
        intro=_(
            "专栏2中有2020年（或“十三五”五年）目标的 {count} 项指标，按五大发展与指标属性分组，"
            "逐项列出能找到的官方数字与判断：达到、未达到、口径不同（官方数字与规划指标的范围或年份不同，不作判断）、"
            "未找到官方数字。数值照原文；点指标名可看该指标的全部数值、出处与原句。"
        ).format(count=len(records)),
        counts_heading=_("各判断的项数"),
        counts=Table((_("判断"), *(term(a, "attribute", lang) for a in ATTRIBUTES), _("合计")), (*count_rows, totals)),
        total=len(records),
        groups=tuple(groups),
        rule=paragraph(
            _(
                "判断规则：＞须超过，＜须低于，“左右”有容差（比重、速度±{rate}个百分点，"
                "总量±{level}），类别达到或优于所定类别即为达到；五年累计或年均的目标只与五年的数比较。详见"
            ).format(rate=outcomes.RATE_TOLERANCE, level=f"{outcomes.LEVEL_TOLERANCE:.0%}"),
            Link(_("数据与方法"), routes.with_lang(target("methods"), lang)),
            _("“2020年实际结果”一节。"),
            tone="caption",
        ),
        links=(
            Link(_("指标总览（全部数值与计算列）"), routes.with_lang(target("indicators"), lang)),
            Link(_("数据与方法"), routes.with_lang(target("methods"), lang)),
        ),
        print_hint=_("本页可直接打印为一页（浏览器“打印”，A4 横向效果最佳）。"),
        description=_("重庆“十三五”规划专栏2的 {total} 项目标到2020年完成得怎样：{counts}。每项附官方数字与出处。").format(
            total=len(records), counts=said
        ),
        lang=lang,
        source_lang="" if lang == ZH_CN else ZH_CN,
        source_note="" if lang == ZH_CN else _("来源照发布原文（简体中文）列出。"),
        url_label=_("网址："),
    )
