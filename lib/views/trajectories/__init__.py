"""指标轨迹: one indicator's 2010 → 2015 → 2020 path, and which targets need the biggest acceleration.

URL: ``indicator`` (a series id, e.g. ``t2_forest_cover``: here the indicator
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
from lib.engine.trajectory import LINES, PERIOD_KINDS, basis_break, level_paces, trajectory
from lib.plan import outcomes
from lib.plan.milestones import carry_forward_caveat, direction_words
from lib.plan.series import DEFAULT_SERIES, related_text_targets, series_catalogue, series_labels, series_spellings
from lib.present import blocks, charts, ranking_chart
from lib.present.blocks import Block, Chart, Link, Strong, Table, bullets, paragraph
from lib.present.numbers import plain
from lib.views import query as q
from lib.views.query import Notice, Query

KEYS = ("indicator",)
# What each line looks like, in the order the legend lists them.
LINE_WORDS = {
    "actual": "实线：规划公布的{years}年数值",
    "required": "虚线：完成2020年目标所需的路径",
    "previous": "点线：按“十二五”速度延续",
    "target": "菱形：2020年目标",
}
OUTCOME_WORDS = "绿色方块：已发布的实际数（不是目标）"
MILESTONE_WORDS = "空心三角：规划提出的中途里程碑"
RANKING_HEADING = "哪些目标需要最大的加速？"


@dataclass(frozen=True)
class State:
    indicator: str = DEFAULT_SERIES  # a series id (lib/plan/series.py): an indicator with a line of its own
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class RelatedTarget:
    text: str  # the sentence and its place (plain text)
    link: Link  # that passage in the plan reader


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


def parse(query: Query) -> State:
    notices: list[Notice] = []
    q.unknown_keys(query, KEYS, notices)
    spellings = series_spellings()
    indicator = q.one_of(query, "indicator", spellings, DEFAULT_SERIES, notices)
    return State(indicator=indicator, notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return q.query_of([("indicator", state.indicator, DEFAULT_SERIES)])


def about(row: pd.Series) -> str:
    """What a saved chart image says under its title: where the row is printed, and the unit."""
    unit = f"单位：{row.unit}" if row.unit else "比值，无单位"
    return f"专栏{row.table_no}·{row.number}　{unit}"


def _chart(row: pd.Series, points: pd.DataFrame, break_label: str, outcome: pd.DataFrame, milestones: pd.DataFrame) -> dict:
    heading = {"title": row.name_zh, "about": about(row)}
    if row.kind in PERIOD_KINDS:  # each bar at its own printed decimals
        return charts.spec(charts.period_chart(points, row.unit, outcome=outcome, **heading))
    return charts.spec(
        charts.trajectory_chart(points, row.unit, break_label, outcome=outcome, milestones=milestones, digits=int(row.digits), **heading)
    )


def _legend_words(points: pd.DataFrame, break_label: str, outcome: bool = False, milestone: bool = False) -> str:
    drawn = set(points.line_key)
    years = "、".join(str(y) for y in points[points.line_key == "actual"].year)
    words = [LINE_WORDS[k].format(years=years) for k in LINE_WORDS if k in drawn]
    words += [OUTCOME_WORDS] * outcome + [MILESTONE_WORDS] * milestone
    words = "；".join(words) + "。"
    if break_label:
        words += f" 2010与2015年统计口径不同（{break_label}），两点之间不连线，也不计算增速。"
    return words


@functools.cache
def _ranking_chart() -> Chart:
    # One chart for every State; built once per process and never changed.
    chart = ranking_chart.acceleration_chart(level_paces(), title="所需速度与以往速度", about="水平类指标，年均增速，单位：%")
    return Chart(charts.spec(chart), alt=RANKING_HEADING, name="ranking")


def _marks_lines(indicator: str, row: pd.Series, milestones: pd.DataFrame) -> list[str]:
    """Milestones, yearly floors, a ceiling and the carry-forward caveat, one sentence each (plain text)."""
    lines = [f"{m.note}。" for m in milestones.itertuples()]
    floors = trajectory_marks.floor_rows(indicator)
    if floors:
        years = "、".join(dict.fromkeys(year for year, _ in floors))
        words = "；".join(dict.fromkeys(floor for _, floor in floors))
        lines.append(f"年度下限：正文要求{years}每年都达到{words}，不只是2020年（专栏2印的是五年累计）。")
    goal = outcomes.targets().get(indicator)
    if goal is not None and goal.kind == "total" and goal.qualifier in ("less_than", "at_most"):
        lines.append(f"上限：2016—2020年累计至多{plain(goal.value)}{goal.unit}（不超过），不是每年必须达到的量。")
    caveat = carry_forward_caveat(row.previous_id or indicator)
    if caveat:
        lines.append(f"{caveat}。")
    return lines


def build(state: State) -> View:
    row = series_catalogue().set_index("series_id").loc[state.indicator]
    points, break_label = trajectory(state.indicator), basis_break(state.indicator)
    goal = points[points.line_key == "target"]
    required = points[points.line_key == "required"]
    summary = ""
    if not goal.empty:
        summary = f"2020年目标：{goal.note.iloc[0]}"
        if not required.empty:
            summary += f"　·　完成目标所需：{required.note.iloc[0]}"
    if row.direction == "moderate":
        summary = "　·　".join(filter(None, [summary, direction_words(state.indicator, row.direction)]))
    reported = trajectory_marks.outcome(state.indicator)
    drawn = trajectory_marks.outcome_frame(reported)
    # The years 2016–2020 as reported (issue 23), points beside the 2020 figure, never a point of a plan line.
    yearly_points = trajectory_marks.reported_frame(state.indicator, reported.year if reported else None)
    drawn = pd.concat([f for f in (drawn, yearly_points.drop(columns="connect")) if not f.empty] or [drawn], ignore_index=True)
    milestones = trajectory_marks.milestone_frame(state.indicator)
    spec, caption, message, class_table, notes = None, "", "", None, ()
    if points.empty:
        message = "规划没有为这一指标列出可以作图的数值。"
    elif row.kind == "class":
        message = "水质类别以“类”计，不作连续曲线；下表是规划列出的类别（类别数字越小，水质越好）。"
        rows = [(str(p.period), p.line, p.note) for p in points.itertuples()]
        if reported is not None:
            rows.append((str(reported.period), reported.label, reported.shown))
        class_table = Table(("年份", "系列", "原文"), tuple(rows))
    else:
        spec = _chart(row, points, break_label, drawn, milestones)
        if row.kind in PERIOD_KINDS:
            caption = "五年累计数、五年降幅和年均增速按规划期作柱状图：它们不是某一年的水平值。"
            if not drawn.empty:
                caption += f"绿色柱：{reported.label}。"
        else:
            caption = _legend_words(points, break_label, outcome=not drawn.empty, milestone=not milestones.empty)
            lines = points[points.line_key.isin(["required", "previous"])].drop_duplicates("line_key")
            notes = (bullets([(Strong(LINES[n.line_key]), f"：{n.note}") for n in lines.itertuples()]),)
    chart = None if spec is None else Chart(spec, alt=f"{row.name_zh}：2010—2020年轨迹", name="chart", caption=caption)
    marks = _marks_lines(state.indicator, row, milestones)
    related = tuple(
        RelatedTarget(
            text=f"{t.sentence}（{place}）",
            link=Link(
                f"在原文中阅读 {place}",
                blocks.target("plan_reader", {"chapter": [t.chapter], **({"section": [t.section]} if t.section else {})}),
            ),
        )
        # One sentence can hold two targets (脱贫: 2017年基本完成 and 2018年“扫尾”): listed once.
        for t in related_text_targets(state.indicator).drop_duplicates(["sentence", "chapter", "section", "box"]).itertuples()
        for place in [f"{t.chapter}{t.section}" + (f" {t.box}" if t.box else "")]
    )
    labels = dict(series_labels())
    return View(
        title="指标轨迹",
        select_label="选择指标（可输入文字搜索）",
        options=tuple(labels),
        labels=labels,
        indicator=state.indicator,
        handout=Link("打印讲义（A4一页）", blocks.target("handout", {"indicator": [state.indicator]})),
        compare=Link("与其他指标并排对比", blocks.target("compare", {"indicator": [state.indicator]})),
        static_edition=Link("静态公开版中的本指标页（无需脚本，可打印）", blocks.target("trajectories", to_query(state))),
        summary=(paragraph(summary),) if summary else (),
        chart=chart,
        outcome=(paragraph(reported.caption, tone="caption"),) if reported is not None else (),
        marks=(bullets(marks),) if marks else (),
        message=(paragraph(message, tone="note"),) if message else (),
        class_table=class_table,
        notes=notes,
        related_heading="正文中的相关目标",
        related=related,
        ranking_heading=RANKING_HEADING,
        ranking_caption="水平类指标按2016—2020年所需年均增速排序，旁边是2011—2015年按公布水平计算的年均增速。" + DIFFICULTY_NOTE,
        ranking_chart=_ranking_chart(),
    )
