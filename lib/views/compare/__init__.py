"""指标对比: up to four indicators side by side, each chart on its own scale (small multiples).

URL: ``indicator`` repeated, once per indicator in the order chosen, e.g.
``/compare?indicator=t2_forest_cover&indicator=t2_forest_stock`` (series ids
of lib.plan.series, as 指标轨迹 takes them; its drop-down labels are read too).
A fifth, an unknown id or a repeat is refused with a notice.

Each panel is 指标轨迹's own chart for that indicator (lib.views.trajectories),
shorter, with its target, required pace and 2020 outcome in words: the two
pages never disagree. Separate charts rather than one with two axes: 森林覆盖率
in % and 森林蓄积量 in 亿立方米 share no scale, and a second axis invites reading
the crossing of two lines as meaning something.

``lang`` (issue 27): the page's own words from the catalogs, the indicators' names from
the glossary; each panel is 指标轨迹's View in the same language (its chart's titles,
axes, legend, tooltips, alt text and readout are 指标轨迹's, lib.views.trajectories).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from lib.plan.series import series_catalogue, series_spellings
from lib.present import routes
from lib.present.blocks import Block, Chart, Link, target
from lib.present.i18n import DEFAULT, N_, gettext, term
from lib.views import query as q
from lib.views import trajectories
from lib.views.query import Notice, Query

KEYS = ("indicator", q.LANG)
MAX_INDICATORS = 4
# not a plan figure: pixels, title and legend included (the app fits the whole chart in it); 420 in 指标轨迹
PANEL_HEIGHT = 400
# The officials' own pairs (issue 25): one group's two sub-rows; a 专栏2 row beside the 专栏1 row it grew from.
EXAMPLES = (
    (N_("森林覆盖率与森林蓄积量"), ("t2_forest_cover", "t2_forest_stock")),
    (N_("户籍人口城镇化率与专栏1的常住人口城镇化率"), ("t2_hukou_urbanization", "t1_urbanization_resident")),
    (N_("研发投入强度、万人发明专利拥有量与战略性新兴产业产值比重"), ("t2_rd_share", "t2_invention_patents", "t2_emerging_industry_share")),
)


@dataclass(frozen=True)
class State:
    indicators: tuple[str, ...] = ()  # series ids, in the order chosen
    lang: str = DEFAULT
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Panel:
    indicator: str
    title: str  # the indicator's name and its place: 森林覆盖率（专栏2·12）
    summary: tuple[Block, ...]  # 2020年目标 and the pace it needs
    chart: Chart | None
    message: tuple[Block, ...]  # where there is no line to draw (a class target), or ()
    outcome: tuple[Block, ...]  # the published 2020 figure and its verdict, or ()
    trajectory: Link  # the same indicator in 指标轨迹, with every note


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    select_label: str
    select_help: str
    max_indicators: int
    options: tuple[str, ...]
    labels: dict[str, str]
    indicators: tuple[str, ...]
    panels: tuple[Panel, ...]
    empty: str  # what to do when nothing is chosen, or ""
    examples_heading: str
    examples: tuple[Link, ...]
    placeholder: str = "输入文字搜索指标"
    lang: str = DEFAULT


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
    q.unknown_keys(query, KEYS, notices)
    spellings = series_spellings()
    chosen: list[str] = []
    for value in q.values(query, "indicator"):
        series = spellings.get(value)
        if series is None or series in chosen or len(chosen) == MAX_INDICATORS:
            notices.append(Notice("indicator", value))
        else:
            chosen.append(series)
    return State(tuple(chosen), lang, tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return q.query_of([("indicator", state.indicators, ()), (q.LANG, state.lang, DEFAULT)])


def in_language(state, lang: str):
    """Another page's State in ``lang``, where that page's State carries a language: a page that
    shows another's View (a panel here, the handout's row) shows it in the reader's language."""
    return replace(state, lang=lang) if "lang" in {f.name for f in fields(state)} else state


def labels_in(lang: str) -> dict[str, str]:
    """Series id → its drop-down label in ``lang``: 森林覆盖率（专栏2·12） → Forest cover (Box 2·12)."""
    _ = gettext(lang)
    return {
        row.series_id: _("{name}（专栏{table}·{number}）").format(
            name=term(row.name_zh, "indicator", lang), table=row.table_no, number=row.number
        )
        for row in series_catalogue().itertuples()
    }


def _small(chart: Chart | None) -> Chart | None:
    if chart is None:
        return None
    spec = dict(chart.spec)
    if "height" in spec:
        spec["height"] = PANEL_HEIGHT
    return replace(chart, spec=spec, caption="")


def panel(indicator: str, lang: str = DEFAULT) -> Panel:
    _ = gettext(lang)
    state = in_language(trajectories.State(indicator=indicator), lang)
    view = trajectories.build(state)
    return Panel(
        indicator=indicator,
        title=labels_in(lang)[indicator],
        summary=view.summary,
        chart=_small(view.chart),
        message=view.message,
        outcome=view.outcome,
        trajectory=Link(
            _("在“指标轨迹”中查看全部说明"),
            routes.with_lang(target("trajectories", trajectories.to_query(trajectories.State(indicator))), lang),
        ),
    )


def build(state: State) -> View:
    lang = state.lang
    _ = gettext(lang)
    labels = labels_in(lang)
    return View(
        title=_("指标对比"),
        intro=_(
            "最多{count}项指标并排，每张图用各自的刻度（单位不同的指标不共用坐标轴）："
            "实线为规划公布的数值，虚线为完成2020年目标所需的路径，菱形为目标，绿色方块为已发布的2020年实际数。"
        ).format(count=MAX_INDICATORS),
        select_label=_("选择要对比的指标（最多{count}项，可输入文字搜索）").format(count=MAX_INDICATORS),
        select_help=_("专栏1的指标若在专栏2中延续，就画在专栏2那一行的图上。"),
        max_indicators=MAX_INDICATORS,
        options=tuple(labels),
        labels=labels,
        indicators=state.indicators,
        panels=tuple(panel(indicator, lang) for indicator in state.indicators),
        empty="" if state.indicators else _("请在上面选择两到四项指标，或打开下面的一个例子。"),
        examples_heading=_("例子"),
        examples=tuple(Link(_(label), routes.with_lang(target("compare", {"indicator": list(ids)}), lang)) for label, ids in EXAMPLES),
        placeholder=_("输入文字搜索指标"),
        lang=lang,
    )
