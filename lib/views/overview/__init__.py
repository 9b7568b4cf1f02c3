"""概览: what the plan set out to do, in one screen.

The page has no choices of its own but the reader's language (``lang``:
zh-CN, en or zh-Hant, issue 27); any other key is refused with a notice. A
group picked in the pills opens 指标总览 with ``pillar=<group>`` (the View's
``pillar_links``). Every string is marked for the catalogs (lib.present.i18n);
terms from the data come from the glossary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from lib.plan import schemas, zones
from lib.present import routes
from lib.present.blocks import Block, Image, Link, Strong, bullets, paragraph, target
from lib.present.i18n import DEFAULT, N_, ZH_CN, gettext, term
from lib.present.maps.static_map import svg, zone_picture
from lib.views import indicators, trajectories
from lib.views import query as q
from lib.views.overview import numbers as overview
from lib.views.overview.languages import card_words
from lib.views.query import Notice, Query

KEYS: tuple[str, ...] = (q.LANG,)
GROUP_HEADINGS = {"pillar": N_("按“五大发展”"), "attribute": N_("按指标属性")}


@dataclass(frozen=True)
class State:
    lang: str = DEFAULT
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
    lang: str = DEFAULT
    language_note: str = ""  # in English and 繁體: the plan's sentences stay as printed, in 简体


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
    q.unknown_keys(query, KEYS, notices)
    return State(lang=lang, notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return q.query_of([(q.LANG, state.lang, DEFAULT)])


def _statuses(row: overview.DifficultyRow, lang: str = ZH_CN) -> str:
    """“以往速度已足够 1 · 无法比较 6（新设指标 5、口径调整 1）”: short enough for a phone's table cell."""
    _ = gettext(lang)
    parts = []
    for label, count in row.statuses:
        why = _("、").join(f"{_(overview.reason_words(key)[0])} {n}" for key, n in row.reasons)
        said = f"{term(label, 'status', lang)} {count}"
        parts.append(said + (_("（{why}）").format(why=why) if label == overview.STATUSES["cannot_assess"] and why else ""))
    return " · ".join(parts)


def difficulty_list(by: str, lang: str = ZH_CN) -> tuple[Block, ...]:
    """A heading line, then one line per group: “**创新发展** 8 项：以往速度已足够 1 · …”.

    A list, not a table: a table's narrow columns broke the Chinese one
    character per line on a 390 px phone; a line reads the same at any width.
    """
    _ = gettext(lang)
    lines = [
        (Strong(term(r.group, by, lang)), _(" {count} 项：{statuses}").format(count=r.count, statuses=_statuses(r, lang)))
        for r in overview.difficulty_rows(by)
    ]
    return (paragraph(Strong(_(GROUP_HEADINGS[by]))), bullets(lines))


def cannot_compare_note(lang: str = ZH_CN) -> str:
    """How many cannot be compared and why, in plain words (each indicator has one 属性, so counted once)."""
    _ = gettext(lang)
    rows = overview.difficulty_rows("attribute")
    reasons: Counter[str] = Counter()
    for row in rows:
        reasons.update(dict(row.reasons))
    total = sum(reasons.values())
    if not total:
        return ""
    said = _("；").join(
        _("{count} 项{reason}").format(count=n, reason=_(overview.reason_words(key)[1])) for key, n in reasons.most_common()
    )
    status = term(overview.STATUSES["cannot_assess"], "status", lang)
    return _("“{status}”共 {total} 项：{said}。").format(status=status, total=total, said=said)


def build(state: State) -> View:
    lang = state.lang
    _ = gettext(lang)

    def link(label: str, page: str, query=None, fragment: str = "") -> Link:
        return Link(label, routes.with_lang(target(page, query, fragment), lang))

    cards = tuple(
        # The source in the card's own line, not a "?" tooltip: one element less per
        # card, and a phone has no hover.
        Card(*card_words(c, lang))
        for c in overview.headline_cards()
    )
    method = _(
        "“以往÷所需”：把“十二五”实际速度与“十三五”所需速度相比（联合国进展图表 / Open SDG 方法）。这是难度，不是对实际完成情况的评估。"
    )
    districts = zones.load_districts()
    picture = zone_picture(zones.load_district_shapes(), districts, zones.load_zones())
    if lang != ZH_CN:
        legend = tuple((fill, term(name, "zone", lang)) for fill, name in picture.legend)
        picture = replace(picture, alt=_("重庆五大功能区域示意图"), legend=legend)
    pillars = tuple(schemas.PILLARS[1:])  # "总体" is the two headline rows, not one of the five
    return View(
        title=_("重庆“十三五”规划：承诺与难度"),
        intro=_(
            "《重庆市国民经济和社会发展第十三个五年规划纲要》于2016年2月印发，是重庆2016—2020年经济社会发展的总蓝图。"
            "它用两张指标表（专栏1回顾“十二五”，专栏2设定“十三五”目标）和正文中的一百多项数字目标，说明五年要达到哪里。"
            "本站把这些数字逐一对照原文整理，并计算每个目标所需的速度、与以往速度相比有多难。"
        ),
        cards=cards,
        indicators_link=link(_("查看全部指标与计算方法"), "indicators", indicators.to_query(indicators.State())),
        difficulty_heading=_("目标有多难：按“五大发展”与指标属性"),
        difficulty_note=(paragraph(method + cannot_compare_note(lang), tone="caption"),),
        difficulty=difficulty_list("pillar", lang) + difficulty_list("attribute", lang),
        pillar_label=_("按“五大发展”查看指标"),
        pillars=tuple(term(pillar, "pillar", lang) for pillar in pillars),
        # The fragment names the group's list on the static edition's table page; the
        # query keeps the group's Chinese name, the value 指标总览's URL takes.
        pillar_links=tuple(
            link(term(pillar, "pillar", lang), "indicators", indicators.to_query(indicators.State(pillar=(pillar,))), f"pillar-{number}")
            for number, pillar in enumerate(pillars, start=1)
        ),
        # The ranking is drawn on 指标轨迹 in the app, under the tables in the static edition (lib.present.routes).
        ranking_link=link(_("哪些目标需要最大的加速"), "trajectories", trajectories.to_query(trajectories.State()), routes.RANKING),
        zones_heading=_("五大功能区域"),
        zone_picture=Image(
            svg(picture), alt=picture.alt, caption=_("按主要功能区着色；都市功能核心区（渝中区及内环以内部分）面积很小，详见地图页。")
        ),
        zones_text=(
            paragraph(
                _("规划以"),
                Strong(_("五大功能区域")),
                _(
                    "统筹全市{count}个区县：都市功能核心区、都市功能拓展区、城市发展新区"
                    "（合称大都市区），渝东北生态涵养发展区、渝东南生态保护发展区（合称大生态区）。"
                ).format(count=len(districts)),
            ),
        ),
        zones_link=link(_("查看地图与项目"), "zones_map"),
        report_link=link(_("2020年这些目标完成了吗？查看完成情况"), "report_card"),
        lang=lang,
        language_note="" if lang == ZH_CN else _("规划原文的句子照印发的简体中文引用，其余文字为本站翻译。"),
    )
