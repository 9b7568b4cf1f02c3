"""指标轨迹: one indicator's 2010 → 2015 → 2020 path, and which targets need the biggest acceleration.

URL: ``lang`` (zh-CN, en or zh-Hant, issue 27: every word, the charts and their
readouts in it; lib/views/trajectories/languages.py and marks.py) and ``indicator`` (a series id, e.g. ``t2_forest_cover``: here the indicator
is the series drawn, the 专栏2 row where a 专栏1 row is continued; see
lib.plan.series.series_of). Older links carried the drop-down label
("森林覆盖率（专栏2·12）"); those are read too.

The View is plain data (lib.present.blocks): texts as blocks, charts with
their rows inline, links as targets; the app and the static indicator page
both draw it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from lib.engine import trajectory_marks
from lib.engine.tables import DIFFICULTY_NOTE
from lib.engine.trajectory import PERIOD_KINDS, basis_break, level_paces, trajectory
from lib.plan.milestones import direction_words
from lib.plan.series import DEFAULT_SERIES, related_text_targets, series_catalogue, series_labels, series_spellings
from lib.present import blocks, charts, ranking_chart, routes
from lib.present.blocks import Block, Chart, Link, Strong, Table, bullets, paragraph
from lib.present.i18n import DEFAULT, EN, N_, ZH_CN, ZH_HANT, gettext, hant, sentences, term
from lib.views import query as q
from lib.views.query import Notice, Query
from lib.views.trajectories import languages as words
from lib.views.trajectories import marks as mark_words

KEYS = ("indicator", q.LANG)
# What each line looks like, in the order the legend lists them.
LINE_WORDS = {
    "actual": N_("实线：规划公布的{years}年数值"),
    "required": N_("虚线：完成2020年目标所需的路径"),
    "previous": N_("点线：按“十二五”速度延续"),
    "target": N_("菱形：2020年目标"),
}
OUTCOME_WORDS = N_("绿色方块：已发布的实际数（不是目标）")
MILESTONE_WORDS = N_("空心三角：规划提出的中途里程碑")
RANKING_HEADING = N_("哪些目标需要最大的加速？")


@dataclass(frozen=True)
class State:
    indicator: str = DEFAULT_SERIES  # a series id (lib/plan/series.py): an indicator with a line of its own
    lang: str = DEFAULT
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class RelatedTarget:
    text: str  # the sentence and its place (plain text); in English and 繁體 the sentence alone, as printed (View.quote_lang)
    link: Link  # that passage in the plan reader
    place: str = ""  # in English and 繁體: where the sentence stands, in the page's language


@dataclass(frozen=True)
class View:
    title: str
    select_label: str
    options: tuple[str, ...]  # the indicators with a line of their own (lib.plan.series), in the order of the two tables
    labels: dict[str, str]  # indicator → label
    indicator: str
    summary: tuple[Block, ...]  # the 2020 target and the pace it needs, or ()
    chart: Chart | None  # rows inline, its caption the legend in words; None where nothing can be drawn
    outcome: tuple[Block, ...]  # the reported 2020 figure, its verdict, source, URL and quote, or ()
    marks: tuple[Block, ...]  # milestones, yearly floors and the carry-forward caveat, or ()
    message: tuple[Block, ...]  # a note where there is no line chart, or ()
    class_table: Table | None  # a class target's printed rows
    static_edition: Link  # this indicator's page in the static public edition (routes.static_path)
    handout: Link  # the one-page A4 handout of this indicator (lib.views.handout)
    compare: Link  # this indicator in 指标对比, to add others beside it
    notes: tuple[Block, ...]  # what each drawn path means, or ()
    related_heading: str
    related: tuple[RelatedTarget, ...]
    ranking_heading: str
    ranking_caption: str
    ranking_chart: Chart
    lang: str = DEFAULT
    # The language of what the plan and the sources printed (the related sentences, outcome_source), where not the page's.
    quote_lang: str = ""
    outcome_source: str = ""  # the reported figure's source and quoted sentence, as published (in English and 繁體)
    language_note: str = ""  # in English and 繁體: the plan's sentences and the sources stay as printed, in 简体


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
    q.unknown_keys(query, KEYS, notices)
    spellings = series_spellings()
    indicator = q.one_of(query, "indicator", spellings, DEFAULT_SERIES, notices)
    return State(indicator=indicator, lang=lang, notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return q.query_of([("indicator", state.indicator, DEFAULT_SERIES), (q.LANG, state.lang, DEFAULT)])


def unit_of(row: pd.Series, lang: str = ZH_CN) -> str:
    return term(row.unit, "unit", lang) if row.unit else ""


def about(row: pd.Series, lang: str = ZH_CN) -> str:
    """What a saved chart image says under its title: where the row is printed, and the unit."""
    _ = gettext(lang)
    unit = _("单位：{unit}").format(unit=unit_of(row, lang)) if row.unit else _("比值，无单位")
    return _("专栏{box}·{row}　{unit}").format(box=row.table_no, row=row.number, unit=unit)


def _chart(row: pd.Series, points: pd.DataFrame, break_label: str, outcome: pd.DataFrame, milestones: pd.DataFrame, lang: str) -> dict:
    heading = {"title": term(row.name_zh, "indicator", lang), "about": about(row, lang), "lang": lang}
    unit = unit_of(row, lang)
    if row.kind in PERIOD_KINDS:  # each bar at its own printed decimals
        return charts.spec(charts.period_chart(points, unit, outcome=outcome, **heading))
    return charts.spec(
        charts.trajectory_chart(points, unit, break_label, outcome=outcome, milestones=milestones, digits=int(row.digits), **heading)
    )


def _legend_words(points: pd.DataFrame, break_label: str, lang: str, outcome: bool = False, milestone: bool = False) -> str:
    _ = gettext(lang)
    drawn = set(points.line_key)
    years = _("、").join(str(y) for y in points[points.line_key == "actual"].year)
    said = [_(LINE_WORDS[k]).format(years=years) for k in LINE_WORDS if k in drawn]
    said += [_(OUTCOME_WORDS)] * outcome + [_(MILESTONE_WORDS)] * milestone
    said = _("；").join(said) + _("。")
    if break_label:
        said += _(" 2010与2015年统计口径不同（{change}），两点之间不连线，也不计算增速。").format(change=break_label)
    return said


@functools.cache
def _ranking_chart(lang: str = ZH_CN) -> Chart:
    # One chart per language for every State; built once per process and never changed.
    _ = gettext(lang)
    paces = level_paces().copy()
    paces["label"] = [words.series_label(label, lang) for label in paces.label]
    paces["achieved_basis"] = [words.pace(basis, lang) if basis.startswith(("按", "“")) else _(basis) for basis in paces.achieved_basis]
    chart = ranking_chart.acceleration_chart(paces, title=_("所需速度与以往速度"), about=_("水平类指标，年均增速，单位：%"), lang=lang)
    return Chart(charts.spec(chart), alt=_(RANKING_HEADING), name="ranking", lang=lang)


# level_paces' words for a series with no previous pace, registered for the catalogs.
NO_PREVIOUS = N_("专栏1未列可比数据")


def _related(indicator: str, lang: str) -> tuple[RelatedTarget, ...]:
    """The body text's sentences restating the target: in English and 繁體 the sentence as printed, its place in ``lang``."""
    _ = gettext(lang)
    found = []
    # One sentence can hold two targets (脱贫: 2017年基本完成 and 2018年“扫尾”): listed once.
    for t in related_text_targets(indicator).drop_duplicates(["sentence", "chapter", "section", "box"]).itertuples():
        place = f"{t.chapter}{t.section}" + (f" {t.box}" if t.box else "")
        shown = words.place(place) if lang == EN else hant(place) if lang == ZH_HANT else place
        passage = blocks.target("plan_reader", {"chapter": [t.chapter], **({"section": [t.section]} if t.section else {})})
        link = Link(_("在原文中阅读 {place}").format(place=shown), routes.with_lang(passage, lang))
        if lang == ZH_CN:
            found.append(RelatedTarget(text=f"{t.sentence}（{place}）", link=link))
        else:
            found.append(RelatedTarget(text=t.sentence, link=link, place=_("（{place}）").format(place=shown)))
    return tuple(found)


def build(state: State) -> View:
    lang = state.lang
    _ = gettext(lang)
    row = series_catalogue().set_index("series_id").loc[state.indicator]
    printed_points, break_label = trajectory(state.indicator), basis_break(state.indicator)
    points = words.points(printed_points, lang)
    goal = points[points.line_key == "target"]
    required = points[points.line_key == "required"]
    summary = ""
    if not goal.empty:
        summary = _("2020年目标：{target}").format(target=goal.note.iloc[0])
        if not required.empty:
            summary += _("　·　完成目标所需：{pace}").format(pace=required.note.iloc[0])
    if row.direction == "moderate":
        direction = direction_words(state.indicator, row.direction)
        direction = _("方向：适度，不以越高或越低为好") if lang == EN else hant(direction) if lang == ZH_HANT else direction
        summary = _("　·　").join(filter(None, [summary, direction]))
    reported = trajectory_marks.outcome(state.indicator)
    drawn = trajectory_marks.outcome_frame(reported)
    # The years 2016–2020 as reported (issue 23), points beside the 2020 figure, never a point of a plan line.
    yearly_points = trajectory_marks.reported_frame(state.indicator, reported.year if reported else None)
    drawn = pd.concat([f for f in (drawn, yearly_points.drop(columns="connect")) if not f.empty] or [drawn], ignore_index=True)
    drawn = mark_words.outcome_rows(drawn, reported, lang)
    milestones = mark_words.milestone_rows(trajectory_marks.milestone_frame(state.indicator), state.indicator, lang)
    name = term(row.name_zh, "indicator", lang)
    spec, caption, message, class_table, notes = None, "", "", None, ()
    if points.empty:
        message = _("规划没有为这一指标列出可以作图的数值。")
    elif row.kind == "class":
        message = _("水质类别以“类”计，不作连续曲线；下表是规划列出的类别（类别数字越小，水质越好）。")
        rows = [(words.period(str(p.period), lang), p.line, p.note) for p in points.itertuples()]
        if reported is not None:
            shown = words.quantity(reported.shown) if lang == EN else _(reported.shown)
            rows.append((str(reported.period), mark_words.outcome_label(reported.label, lang), shown))
        class_table = Table((_("年份"), _("系列"), _("原文")), tuple(rows))
    else:
        spec = _chart(row, points, break_label and words.basis_change(break_label, lang), drawn, milestones, lang)
        if row.kind in PERIOD_KINDS:
            caption = _("五年累计数、五年降幅和年均增速按规划期作柱状图：它们不是某一年的水平值。")
            if not drawn.empty:
                caption += _("绿色柱：{label}。").format(label=mark_words.outcome_label(reported.label, lang))
        else:
            caption = _legend_words(
                points, words.basis_change(break_label, lang), lang, outcome=not drawn.empty, milestone=not milestones.empty
            )
            lines = points[points.line_key.isin(["required", "previous"])].drop_duplicates("line_key")
            notes = (bullets([(Strong(n.line), _("：{note}").format(note=n.note)) for n in lines.itertuples()]),)
    alt = _("{name}：2010—2020年轨迹").format(name=name)
    chart = None if spec is None else Chart(spec, alt=alt, name="chart", caption=caption, lang=lang)
    marks = mark_words.marks_lines(state.indicator, row.previous_id, lang)
    outcome, outcome_source = (), ""
    if reported is not None:
        printed_goal = printed_points[printed_points.line_key == "target"].note
        goal_words = words.target_with_unit(printed_goal.iloc[0], row.unit, lang) if not printed_goal.empty else "―"
        outcome = (paragraph(mark_words.outcome_words(reported, goal_words, lang), tone="caption"),)
        outcome_source = mark_words.source_words(reported, lang)
    labels = {series: words.series_label(label, lang) for series, label in series_labels().items()}
    translated = lang != ZH_CN
    return View(
        title=_("指标轨迹"),
        select_label=_("选择指标（可输入文字搜索）"),
        options=tuple(labels),
        labels=labels,
        indicator=state.indicator,
        handout=Link(_("打印讲义（A4一页）"), routes.with_lang(blocks.target("handout", {"indicator": [state.indicator]}), lang)),
        compare=Link(_("与其他指标并排对比"), routes.with_lang(blocks.target("compare", {"indicator": [state.indicator]}), lang)),
        static_edition=Link(_("静态公开版中的本指标页（无需脚本，可打印）"), blocks.target("trajectories", to_query(state))),
        summary=(paragraph(summary),) if summary else (),
        chart=chart,
        outcome=outcome,
        marks=(bullets(marks),) if marks else (),
        message=(paragraph(message, tone="note"),) if message else (),
        class_table=class_table,
        notes=notes,
        related_heading=_("正文中的相关目标"),
        related=_related(state.indicator, lang),
        ranking_heading=_(RANKING_HEADING),
        ranking_caption=sentences(
            lang, _("水平类指标按2016—2020年所需年均增速排序，旁边是2011—2015年按公布水平计算的年均增速。"), _(DIFFICULTY_NOTE)
        ),
        ranking_chart=_ranking_chart(lang),
        lang=lang,
        quote_lang=ZH_CN if translated else "",
        outcome_source=outcome_source,
        language_note=_("规划原句与来源照原文（简体中文）列出。") if translated else "",
    )
