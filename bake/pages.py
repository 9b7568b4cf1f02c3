"""The overview, 专栏1 and 专栏2, one page per indicator, methods: each from its page's View.

Only Views and presentation helpers are read here: an indicator's page draws its
指标总览 row (the row detail) and its 指标轨迹 trajectory, and every link is a
Target the route table turns into an address (lib.present.routes).
"""

from __future__ import annotations

import dataclasses
import functools

import pandas as pd

from bake import charts, studio
from bake.render import Writer
from lib.present import exports, i18n, readout, routes
from lib.present.blocks import Chart, target
from lib.views import indicators, methods, overview, scenarios, trajectories
from lib.views.scenarios.catalogue import options_by_id

SOURCE = i18n.N_("《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）")


@functools.cache
def overview_view(lang: str = i18n.DEFAULT) -> overview.View:
    return overview.build(overview.State(lang=lang))


def bake_overview(writer: Writer) -> None:
    """The overview in each language: / (简体), /en/ and /zh-hant/ (issue 27)."""
    for lang in i18n.LANGS:
        view = overview_view(lang)
        writer.page(i18n.localized(routes.HOME, lang), "overview.html", lang=lang, alternates=i18n.LANGS, title=view.title, view=view)


@functools.cache
def table_views(lang: str = i18n.DEFAULT) -> dict[int, indicators.View]:
    """专栏2 and 专栏1 whole: every indicator is a row of one of them."""
    return {table: indicators.build(indicators.State(table=table, lang=lang)) for table in (2, 1)}


def chart_files(writer: Writer, url: str, chart: Chart, fits: bool | None = None) -> dict:
    """A View's chart written as its compiled Vega spec and its bake-time SVG, for _chart.html."""
    fits = charts.fits_width(chart.spec) if fits is None else fits
    return drawn(writer, f"{url}{chart.name}", charts.vega_spec(chart.spec), charts.svg(chart.spec), fits=fits, readout=readout.read(chart))


def drawn(writer: Writer, stem: str, vega: dict, svg: str, fits: bool = True, **extra) -> dict:
    """A chart's two files (the Vega spec, the bake-time SVG) and what _chart.html needs: the
    picture's size, so its box is reserved before it loads and the live chart is drawn into it."""
    writer.json(f"{stem}.json", vega)
    writer.file(f"{stem}.svg", svg)
    width, height = charts.svg_size(svg)
    return {"spec": f"{stem}.json", "svg": f"{stem}.svg", "fits": fits, "width": width, "height": height, **extra}


def bake_tables(writer: Writer) -> None:
    """/indicators/ in each language: /indicators/ (简体), /en/indicators/ and /zh-hant/indicators/ (issue 27)."""
    for lang in i18n.LANGS:
        url = i18n.localized(routes.INDICATORS, lang)
        # 指标轨迹's ranking, in this language (its View is translated: issue 27).
        trajectory = trajectory_view(trajectories.State().indicator, lang)
        ranking = {
            "heading": trajectory.ranking_heading,
            "caption": trajectory.ranking_caption,
            "chart": chart_files(writer, url, trajectory.ranking_chart),
        }
        views = table_views(lang)
        for table, view in views.items():
            writer.file(f"{url}{view.csv_name}", indicators.csv_bytes(indicators.State(table=table, lang=lang)))
        first = views[2]
        pillars = []
        for pillar in overview_view().pillars:  # the overview links to each of these by position
            picked = indicators.build(indicators.State(table=2, pillar=(pillar,), lang=lang))
            pillars.append({"name": first.pillar_labels[pillar], "links": picked.row_links})
        writer.page(
            url,
            "indicators.html",
            lang=lang,
            alternates=i18n.LANGS,
            title=first.title,
            views=views,
            first=first,
            pillars=pillars,
            ranking=ranking,
            counts_format=first.counts_format,
            empty=first.empty_message,
        )


def in_language(state, lang: str):
    """``state`` in ``lang`` where its page's State reads a language: the indicator page draws other pages'
    Views (指标总览's row detail, the studio), each translated on its own (issue 27), in the reader's language once it is."""
    return dataclasses.replace(state, lang=lang) if "lang" in {f.name for f in dataclasses.fields(state)} else state


@functools.cache
def indicator_state(indicator: str, lang: str = i18n.DEFAULT) -> indicators.State:
    table = next(table for table, view in table_views().items() if indicator in view.row_ids)
    return in_language(indicators.State(table=table, row=indicator), lang)


@functools.cache
def trajectory_view(series: str, lang: str = i18n.DEFAULT) -> trajectories.View:
    # A 专栏1 row and the 专栏2 row continuing it share one series: built once.
    return trajectories.build(trajectories.State(indicator=series, lang=lang))


@functools.cache
def trajectory_files(series: str, lang: str = i18n.DEFAULT) -> tuple[str, str]:
    # The same trajectory stands on two pages (a 专栏1 row and its 专栏2 row): compiled and drawn once.
    chart = trajectory_view(series, lang).chart
    return charts.vega_spec(chart.spec), charts.svg(chart.spec)


@functools.cache
def trajectory_readout(series: str, lang: str = i18n.DEFAULT) -> readout.Readout | None:
    return readout.read(trajectory_view(series, lang).chart)


@functools.cache
def studio_svg(section: str, lang: str = i18n.DEFAULT) -> str:
    # The same panel stands on several pages: drawn once per language.
    return charts.svg(studio.panel(section, lang).spec)


@functools.cache
def studio_vega(section: str, lang: str = i18n.DEFAULT) -> dict:
    # The same panel stands on several pages: compiled once per language (the page only writes it).
    return charts.vega_spec(studio.panel(section, lang).spec)


@functools.cache
def table_row_view(state: indicators.State) -> indicators.View:
    # Built once per State: where 指标总览 has no language yet, its one 简体 View serves every language's page.
    return indicators.build(state)


def indicator_views(indicator: str, lang: str = i18n.DEFAULT) -> tuple[indicators.View, trajectories.View | None]:
    """The two Views an indicator's page draws: its 指标总览 row and the 指标轨迹 its row detail links to."""
    table_view = table_row_view(indicator_state(indicator, lang))
    link = table_view.detail.trajectory  # a continued 专栏1 row links to its 专栏2 series
    return table_view, (None if link is None else trajectory_view(trajectories.parse(link.target.params()).indicator, lang))


def bake_indicator(writer: Writer, indicator: str, handout: bool = False) -> None:
    """The indicator's page in each language: /indicator/<id>/, /en/… and /zh-hant/… (issue 27);
    ``handout``: each page links to the A4 handout PDF printed beside it in its language (bake/handouts.py)."""
    for lang in i18n.LANGS:
        bake_indicator_in(writer, indicator, lang, handout)


def bake_indicator_in(writer: Writer, indicator: str, lang: str, handout: bool = False) -> None:
    _ = i18n.gettext(lang)
    url = i18n.localized(routes.indicator(indicator), lang)
    table_view, trajectory = indicator_views(indicator, lang)
    detail = table_view.detail
    chart = None
    if trajectory is not None and trajectory.chart is not None:
        files = trajectory_files(trajectory.indicator, lang)
        chart = drawn(writer, f"{url}chart", *files, readout=trajectory_readout(trajectory.indicator, lang))
    pace = None
    option = options_by_id().get(indicator)
    if option is not None and option.kind in charts.PACE_KINDS:
        unit = charts.pace_unit(option.pace_unit, lang)
        spec = charts.pace_spec(option, unit, lang)
        vega = charts.vega_spec(spec)
        pace = drawn(
            writer,
            f"{url}pace",
            vega,
            charts.svg(spec),
            option=option,
            unit=unit,
            sliders=1,
            readout=charts.pace_readout(option, vega, lang),
        )
    panel = None
    if indicator in studio.PAGES:
        panel = studio.panel(studio.PAGES[indicator], lang)
        vega = studio_vega(panel.section, lang)
        panel = drawn(
            writer,
            f"{url}studio",
            vega,
            studio_svg(panel.section, lang),
            panel=panel,
            sliders=len(panel.sliders),
            readout=studio.readout(panel, vega),
        )
    cells = detail.observations
    if cells.rows:
        writer.file(f"{url}data.csv", exports.to_csv_bytes(pd.DataFrame(list(cells.rows), columns=list(cells.headers))))
    scenario = None
    if panel:
        scenario = target("scenarios", scenarios.to_query(scenarios.State(section=studio.PAGES[indicator])))
    elif option is not None:
        scenario = target("scenarios", scenarios.to_query(scenarios.State(indicator=indicator)))
    writer.page(
        url,
        "indicator.html",
        lang=lang,
        alternates=i18n.LANGS,
        title=_("{title}（{box}·{row}）").format(title=detail.title, box=detail.box, row=detail.row),
        indicator=indicator,
        detail=detail,
        source_title=SOURCE,
        has_data=bool(cells.rows),
        trajectory=trajectory,
        chart=chart,
        pace=pace,
        studio=panel,
        app_row=routes.with_lang(target("indicators", indicators.to_query(indicator_state(indicator, lang))), lang),
        app_scenario=scenario and routes.with_lang(scenario, lang),
        trajectory_app=detail.trajectory and routes.with_lang(detail.trajectory.target, lang),
        handout_pdf=f"{url}handout.pdf" if handout else "",
    )


def bake_indicators(writer: Writer, handouts: bool = False) -> list[str]:
    ids = [indicator for view in table_views().values() for indicator in view.row_ids]
    for indicator in ids:
        bake_indicator(writer, indicator, handouts)
    return ids


def bake_methods(writer: Writer) -> None:
    view = methods.build(methods.State())
    for table in view.tables:
        frame = methods.table_frame(table.name)
        writer.file(f"{routes.METHODS}{table.name}.csv", exports.to_csv_bytes(frame))
        writer.file(f"{routes.METHODS}{table.name}.xlsx", exports.to_excel_bytes(frame, table.name))
    # No boundaries file: they derive from Amap, whose terms for passing the data on are
    # unknown (geo/README.md); the app's methods page offers none either.
    # In each language (issue 27), every one linking the same data files: they are the data, not words.
    for lang in i18n.LANGS:
        shown = methods.build(methods.State(lang=lang))
        writer.page(i18n.localized(routes.METHODS, lang), "methods.html", lang=lang, alternates=i18n.LANGS, title=shown.title, view=shown)
