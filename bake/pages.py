"""The overview, 专栏1 and 专栏2, one page per indicator, methods: each from its page's View."""

from __future__ import annotations

import functools

import pandas as pd

from bake import charts, studio
from bake import tables as table_sort
from bake.render import Writer
from lib.engine import tables
from lib.plan import data
from lib.plan.series import series_catalogue
from lib.present import exports, routes
from lib.views import indicators, methods, overview, scenarios, trajectories
from lib.views.scenarios.catalogue import options_by_id

SOURCE = "《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）"


@functools.cache
def overview_view() -> overview.View:
    return overview.build(overview.State())


def bake_overview(writer: Writer) -> None:
    view = overview_view()
    writer.page(routes.HOME, "overview.html", title=view.title, view=view)


def table_views() -> dict[int, indicators.View]:
    return {table: indicators.build(indicators.State(table=table)) for table in (2, 1)}


def bake_tables(writer: Writer) -> None:
    views = table_views()
    for table, view in views.items():
        writer.file(f"{routes.INDICATORS}{view.csv_name}", indicators.csv_bytes(indicators.State(table=table)))
    first = views[2]
    pillars = []
    for pillar in overview_view().pillars:  # the overview links to each of these by position
        picked = indicators.build(indicators.State(table=2, pillar=(pillar,)))
        name = [c.name for c in picked.columns].index("指标")
        pillars.append({"name": pillar, "rows": [(rid, row[name].strip()) for rid, row in zip(picked.row_ids, picked.rows)]})
    trajectory = trajectory_view(trajectories.State().indicator)
    spec = charts.with_values(trajectory.ranking_chart)
    writer.json(f"{routes.INDICATORS}ranking.json", charts.vega_spec(spec))
    writer.file(f"{routes.INDICATORS}ranking.svg", charts.svg(spec))
    ranking = {
        "heading": trajectory.ranking_heading,
        "caption": trajectory.ranking_caption,
        "chart": {"spec": f"{routes.INDICATORS}ranking.json", "svg": f"{routes.INDICATORS}ranking.svg", "fits": charts.fits_width(spec)},
    }
    writer.page(
        routes.INDICATORS,
        "indicators.html",
        title=first.title,
        views=views,
        first=first,
        pillars=pillars,
        ranking=ranking,
        row_data={table: table_sort.row_data(view) for table, view in views.items()},
        counts_format=indicators.COUNTS,
        empty=indicators.EMPTY,
    )


@functools.cache
def series_of() -> dict[str, str]:
    """The trajectory a row is drawn on: its own series, or the 专栏2 row that continues it."""
    catalogue = series_catalogue()
    own = {sid: sid for sid in catalogue.series_id}
    continued = {r.previous_id: r.series_id for r in catalogue.itertuples() if r.previous_id}
    return {**continued, **own}


@functools.cache
def indicator_state(indicator_id: str) -> indicators.State:
    table = int(data.load_indicators().set_index("indicator_id").loc[indicator_id, "table_no"])
    return indicators.State(table=table, row=indicator_id)


@functools.cache
def trajectory_view(series_id: str) -> trajectories.View:
    # A 专栏1 row and the 专栏2 row continuing it share one trajectory: built once.
    return trajectories.build(trajectories.State(indicator=series_id))


@functools.cache
def trajectory_vega(series_id: str) -> dict:
    return charts.vega_spec(charts.with_values(trajectory_view(series_id).chart))


@functools.cache
def trajectory_svg(series_id: str) -> str:
    return charts.svg(charts.with_values(trajectory_view(series_id).chart))


@functools.cache
def studio_svg(section: str) -> str:
    # The same panel stands on several pages: drawn once.
    return charts.svg(studio.panel(section).spec)


def indicator_views(indicator_id: str) -> tuple[indicators.View, trajectories.View | None]:
    """The two Views an indicator's page draws: its 指标总览 row and its 指标轨迹 trajectory."""
    table_view = indicators.build(indicator_state(indicator_id))
    sid = series_of().get(indicator_id)
    return table_view, (trajectory_view(sid) if sid else None)


def _data_frame(indicator_id: str) -> pd.DataFrame:
    """Every printed cell of this row, raw text beside the number read from it."""
    observations = data.load_observations()
    rows = observations[observations.indicator_id == indicator_id]
    columns = ["obs_id", "period", "role", "value", "qualifier", "bracketed", "basis", "price_basis", "raw", "notes"]
    return rows[[c for c in columns if c in rows.columns]].reset_index(drop=True)


def bake_indicator(writer: Writer, indicator_id: str) -> None:
    url = routes.indicator(indicator_id)
    table_view, trajectory = indicator_views(indicator_id)
    detail = table_view.detail
    source = tables.source_of(indicator_id)
    chart = None
    if trajectory is not None and trajectory.chart is not None:
        writer.json(f"{url}chart.json", trajectory_vega(series_of()[indicator_id]))
        writer.file(f"{url}chart.svg", trajectory_svg(series_of()[indicator_id]))
        chart = {"spec": f"{url}chart.json", "svg": f"{url}chart.svg", "fits": True}
    pace = None
    option = options_by_id().get(indicator_id)
    if option is not None and option.kind in charts.PACE_KINDS:
        spec = charts.pace_spec(option, option.pace_unit)
        writer.json(f"{url}pace.json", charts.vega_spec(spec))
        writer.file(f"{url}pace.svg", charts.svg(spec))
        pace = {"spec": f"{url}pace.json", "svg": f"{url}pace.svg", "option": option, "fits": True}
    panel = None
    if indicator_id in studio.PAGES:
        panel = studio.panel(studio.PAGES[indicator_id])
        writer.json(f"{url}studio.json", charts.vega_spec(panel.spec))
        writer.file(f"{url}studio.svg", studio_svg(panel.section))
        panel = {"spec": f"{url}studio.json", "svg": f"{url}studio.svg", "panel": panel, "fits": True}
    cells = _data_frame(indicator_id)
    if len(cells):
        writer.file(f"{url}data.csv", exports.to_csv_bytes(cells))
    indicators_table = data.load_indicators()
    children = [(r.indicator_id, r.name_zh) for r in indicators_table[indicators_table.parent_id == indicator_id].itertuples()]
    sid = series_of().get(indicator_id)
    writer.page(
        url,
        "indicator.html",
        title=f"{detail.title}（{source.box}·{source.row}）",
        indicator_id=indicator_id,
        detail=detail,
        source=source,
        source_title=SOURCE,
        has_data=bool(len(cells)),
        children=children,
        trajectory=trajectory,
        chart=chart,
        pace=pace,
        studio=panel,
        plan_link=routes.plan(detail.reader_link["chapter"], detail.reader_link["section"]),
        related=[(r, routes.plan(r.link["chapter"], r.link.get("section", ""))) for r in (trajectory.related if trajectory else ())],
        app_trajectory=None if sid is None else ("trajectories", trajectories.to_query(trajectories.State(indicator=sid))),
        app_row=("indicators", indicators.to_query(indicator_state(indicator_id))),
        app_scenario=("scenarios", scenarios.to_query(scenarios.State(section=studio.PAGES[indicator_id])))
        if panel
        else None
        if option is None
        else ("scenarios", scenarios.to_query(scenarios.State(indicator=indicator_id))),
    )


def bake_indicators(writer: Writer) -> list[str]:
    ids = list(data.load_indicators().indicator_id)
    for indicator_id in ids:
        bake_indicator(writer, indicator_id)
    return ids


def bake_methods(writer: Writer) -> None:
    view = methods.build(methods.State())
    for table in view.tables:
        frame = methods.table_frame(table.name)
        writer.file(f"{routes.METHODS}{table.name}.csv", exports.to_csv_bytes(frame))
        writer.file(f"{routes.METHODS}{table.name}.xlsx", exports.to_excel_bytes(frame, table.name))
    # No boundaries file: they derive from Amap, whose terms for passing the data on are
    # unknown (geo/README.md); the app's methods page offers none either.
    writer.page(routes.METHODS, "methods.html", title=view.title, view=view)
