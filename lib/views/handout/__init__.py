"""讲义: one indicator on one A4 page, portrait, for a meeting (issue 25).

URL: ``indicator`` (any of the 84 rows of 专栏1 and 专栏2, e.g. ``t2_forest_cover``).

Everything printed comes from the two Views an indicator already has, so the
handout never says anything 指标总览 or 指标轨迹 would not: the row detail
(lib.views.indicators: its 专栏 place, printed cells, paces, 2020 verdict and
source) and the trajectory (lib.views.trajectories: the target, the pace it
needs, the chart 2010 → 2015 → 2020 with the target, the required path and
the published 2020 figure). The chart is the same spec, drawn at a fixed
print width with larger type (PRINT_WIDTH, PRINT_FONT): 14 px type in a
640 px chart printed 180 mm wide is about 11 pt, and no label falls under 8 pt.

The permalink is a Target; a renderer turns it into an address with
lib.present.permalink (the public address, never localhost).

``lang`` (issue 27): the handout's own words from the catalogs; the row detail and
the trajectory are those pages' Views in the same language; the permalink (and its QR
code) opens the same language's page. In English the plan is named in English with
its title as printed beside it (``plan_original``, in 简体: a renderer marks it).
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass

from lib.engine.tables import PLAN_ISSUED, PLAN_TITLE
from lib.plan import data, outcomes
from lib.plan.series import DEFAULT_SERIES
from lib.present import routes
from lib.present.blocks import Block, Chart, Link, Table, target
from lib.present.edition import MONTHS
from lib.present.i18n import DEFAULT, EN, N_, ZH_CN, ZH_HANT, gettext, hant
from lib.views import indicators, trajectories
from lib.views import query as q
from lib.views.compare import in_language
from lib.views.query import Notice, Query

KEYS = ("indicator", q.LANG)
PRINT_WIDTH = 640  # not a plan figure: the chart's drawn width in CSS px, about 170 mm on A4
PRINT_HEIGHT = 300  # not a plan figure: px; the page keeps room for the cells, paces and source
PRINT_FONT = 14  # not a plan figure: px of axis and legend labels at PRINT_WIDTH
HINT = N_("本页按A4纵向一页排版：在浏览器中按 Ctrl+P（Mac 为 ⌘P）打印或另存为PDF。")
# PLAN_TITLE (lib.engine.tables) marked for the catalogs: its English name (tests/test_view_handout_languages.py
# holds the two equal).
PLAN_NAME = N_("《重庆市国民经济和社会发展第十三个五年规划纲要》")


@dataclass(frozen=True)
class State:
    indicator: str = DEFAULT_SERIES
    lang: str = DEFAULT
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class View:
    indicator: str
    title: str  # the indicator's name, not the page's
    place: str  # 专栏2 · 第12行“森林增长”下的分项
    source: str  # 出处：第一章… 专栏2《…》第12行…
    summary: tuple[Block, ...]  # 2020年目标 and the pace it needs
    chart: Chart | None  # print-sized
    legend: str  # what each line is, in words
    message: tuple[Block, ...]  # where there is no line (a class target, a heading)
    class_table: Table | None
    cells: Table  # the printed cells under their headings
    pace_lines: tuple[str, ...]
    verdict: str  # 2020年结果：… or "" (专栏1 has none)
    outcome_lines: tuple[str, ...]  # the figure, its source and URL
    data_date: str  # when the data were printed and published
    plan: str  # the plan's title and date
    permalink: Link  # this indicator in the app (a renderer makes it an address)
    hint: str
    lang: str = DEFAULT
    plan_original: str = ""  # the plan's title as printed (简体), beside its translated name; "" in 简体


@functools.cache
def _ids() -> tuple[str, ...]:
    return tuple(data.load_indicators().indicator_id)


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
    q.unknown_keys(query, KEYS, notices)
    indicator = q.one_of(query, "indicator", _ids(), DEFAULT_SERIES, notices)
    return State(indicator, lang, tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    # Always written: a handout's link names its indicator even for the default one.
    return {"indicator": [state.indicator]} | q.query_of([(q.LANG, state.lang, DEFAULT)])


def issued_in(lang: str) -> str:
    """When the plan was issued, in ``lang``: 2016年2月 → February 2016."""
    if lang == EN and (match := re.fullmatch(r"(\d{4})年(\d{1,2})月", PLAN_ISSUED)):
        return f"{MONTHS[int(match[2]) - 1]} {match[1]}"
    return hant(PLAN_ISSUED) if lang == ZH_HANT else PLAN_ISSUED


def print_spec(spec: dict) -> dict:
    """指标轨迹's chart at print size: fixed width, shorter, type no smaller than PRINT_FONT."""
    sized = copy.deepcopy(dict(spec))
    sized["width"], sized["height"] = PRINT_WIDTH, PRINT_HEIGHT
    config = sized.setdefault("config", {})
    for part in ("axis", "legend"):
        config.setdefault(part, {}).update(labelFontSize=PRINT_FONT, titleFontSize=PRINT_FONT)
    if isinstance(sized.get("title"), dict):
        sized["title"] = {**sized["title"], "subtitleFontSize": PRINT_FONT - 2}
    return sized


def _data_date(verdict_status: str, published: str, lang: str = ZH_CN) -> str:
    _ = gettext(lang)
    plan = _("规划数值：《纲要》{issued}印发时所列").format(issued=issued_in(lang))
    if published:
        return _("数据日期：{plan}；2020年实际数：{published}发布").format(plan=plan, published=published)
    if verdict_status == "no_figure":
        latest = max(outcomes.load_outcomes().published)
        return _("数据日期：{plan}；2020年实际数：查阅至{latest}发布的官方资料，未找到").format(plan=plan, latest=latest)
    return _("数据日期：{plan}").format(plan=plan)


def build(state: State) -> View:
    lang = state.lang
    _ = gettext(lang)
    table_no = int(state.indicator[1])  # t1_… or t2_…: the id names its table (data/indicators.csv)
    row = indicators.build(in_language(indicators.State(table=table_no, row=state.indicator), lang))
    detail = row.detail
    series = None if detail.trajectory is None else trajectories.parse(detail.trajectory.target.params()).indicator
    trajectory = None if series is None else trajectories.build(in_language(trajectories.State(series), lang))
    chart = None
    if trajectory is not None and trajectory.chart is not None:
        chart = Chart(print_spec(trajectory.chart.spec), alt=trajectory.chart.alt, name="handout")
    record = indicators.shown_rows(indicators.State(table=table_no)).set_index("indicator_id").loc[state.indicator]
    status = record.get("结果#status", "") or ""
    published = record.get("实际来源", "").rsplit("，", 1)[-1] if record.get("实际来源") else ""
    outcome_lines = tuple(line for line in detail.outcome_lines[1:] if not line.startswith(("原句", "判断规则")))
    permalink_target = routes.with_lang(
        target("trajectories", {"indicator": [series]})  # named even for the default series: a printed link says what it opens
        if series is not None
        else target("indicators", indicators.to_query(indicators.State(table=table_no, row=state.indicator))),
        lang,
    )
    return View(
        indicator=state.indicator,
        title=detail.title,
        place=f"{detail.box} · {detail.row}",
        source=detail.source,
        summary=() if trajectory is None else trajectory.summary,
        chart=chart,
        legend="" if trajectory is None or trajectory.chart is None else trajectory.chart.caption,
        message=() if trajectory is None else trajectory.message,
        class_table=None if trajectory is None else trajectory.class_table,
        cells=detail.cells,
        pace_lines=detail.pace_lines,
        verdict=detail.outcome_lines[0] if detail.outcome_lines else "",
        outcome_lines=outcome_lines,
        data_date=_data_date(status, published, lang),
        plan=_("来源：{plan}（{issued}）").format(plan=_(PLAN_NAME), issued=issued_in(lang)),
        permalink=Link(_("本指标的在线页面："), permalink_target),
        hint=_(HINT),
        lang=lang,
        plan_original=PLAN_TITLE if lang == EN else "",
    )
