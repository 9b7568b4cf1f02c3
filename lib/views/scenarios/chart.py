"""The studio's chart: scenario paths 2015–2020 against the required path and the target."""

from __future__ import annotations

import functools

import altair as alt
import pandas as pd

from lib.engine.scenario import BASE_YEAR, TARGET_YEAR
from lib.present.charts import FONT_SIZE, _configure, _haloed_text, spec, titled
from lib.present.i18n import N_, ZH_CN, gettext
from lib.present.numbers import figure

REPORTED = N_("实际（统计公报）")  # GDP's real growth as reported each year (lib.plan.yearly)
SCENARIO_A, SCENARIO_B, REQUIRED = N_("情景A"), N_("情景B"), N_("完成目标所需路径")
SCENARIO_COLOURS = {"情景A": "#0072B2", "情景B": "#CC79A7", "完成目标所需路径": "#D55E00", REPORTED: "#009E73"}
SCENARIO_DASHES = {"情景A": [1, 0], "情景B": [6, 3], "完成目标所需路径": [8, 5], REPORTED: [2, 3]}
TARGET_SERIES = N_("2020年目标")
DATASET = "scenario"  # the chart's one dataset: the paths and the target


def scenario_rows(paths: dict[str, list[float]], target: float, target_label: str, decimals: int = 2, lang: str = ZH_CN) -> list[dict]:
    """The scenario paths plus the target as one long table (one dataset for every layer), as rows.

    ``paths`` maps a series name to its values for 2015, 2016, … Built from
    plain lists in one go: this runs on every slider move. ``shown`` is the
    tooltip text, at the page's precision. The series are named in ``lang``.
    """
    _ = gettext(lang)
    rows = [
        {"year": BASE_YEAR + k, "value": float(value), "series": _(name), "label": "", "shown": figure(value, decimals)}
        for name, path in paths.items()
        for k, value in enumerate(path)
    ]
    rows.append(
        {"year": TARGET_YEAR, "value": float(target), "series": _(TARGET_SERIES), "label": target_label, "shown": figure(target, decimals)}
    )
    return rows


def chart_about(what: str, unit: str, lang: str = ZH_CN) -> str:
    """The chart's subtitle: what is drawn and in what unit (the source line follows it)."""
    _ = gettext(lang)
    return _("{what}，单位：{unit}").format(what=what, unit=unit) if unit else what


def with_rows(spec: dict, rows: list[dict]) -> dict:
    """The cached spec with these rows inline as its one named dataset (lib.present.blocks.Chart's
    form): a new top-level dict, the shared parts untouched."""
    return {**spec, "data": {"name": DATASET}, "datasets": {DATASET: rows}}


def scenario_chart(
    unit: str,
    scale: float = 1.0,
    series: tuple[str, ...] = ("情景A", "完成目标所需路径"),
    height: int = 380,
    title: str = "",
    about: str = "",
    lang: str = ZH_CN,
) -> alt.Chart:
    """Scenario paths 2015–2020 against the required path and the target, on one set of axes.

    The chart reads one dataset (``scenario_rows``) and filters it per layer,
    so its spec can be cached and reused with new numbers. ``series`` are the 简体 names; the
    chart names them, its axes and tooltips in ``lang``.
    """
    _ = gettext(lang)
    drawn = [s for s in SCENARIO_COLOURS if s in series]
    domain = [_(s) for s in drawn]
    # Line symbols in the legend, so it shows solid, dashed and dotted as drawn (not dots).
    # One column where the chart is narrow (beside the answer in presenter mode, on a phone), so no
    # name is cut at the chart's edge.
    legend = alt.Legend(symbolType="stroke", symbolSize=400 * scale, columns={"expr": "width < 560 ? 1 : 2"})
    colour = alt.Color("series:N", title=None, legend=legend, scale=alt.Scale(domain=domain, range=[SCENARIO_COLOURS[s] for s in drawn]))
    dash = alt.StrokeDash("series:N", title=None, legend=legend, scale=alt.Scale(domain=domain, range=[SCENARIO_DASHES[s] for s in drawn]))
    x = alt.X(
        "year:Q", title=_("年份"), scale=alt.Scale(domain=[2014.8, 2020.2]), axis=alt.Axis(format="d", values=list(range(2015, 2021)))
    )
    y = alt.Y("value:Q", title=unit or _("数值"), scale=alt.Scale(zero=False))
    tooltip = [alt.Tooltip("series:N", title=_("系列")), alt.Tooltip("year:Q", title=_("年份")), alt.Tooltip("shown:N", title=_("数值"))]
    paths = alt.Chart().transform_filter(alt.datum.series != _(TARGET_SERIES))
    target = alt.Chart().transform_filter(alt.datum.series == _(TARGET_SERIES))
    sample = pd.DataFrame({"year": [2015], "value": [0.0], "series": [domain[0]], "label": [""], "shown": [""]})
    return _configure(
        titled(
            alt.layer(
                paths.mark_line(strokeWidth=4 * scale).encode(x=x, y=y, color=colour, strokeDash=dash),
                paths.mark_point(filled=True, size=80 * scale * scale).encode(x=x, y=y, color=colour, tooltip=tooltip),
                target.mark_point(shape="diamond", filled=True, size=300 * scale * scale, color="#000000").encode(
                    x=x, y=y, tooltip=[alt.Tooltip("label:N", title=_(TARGET_SERIES))]
                ),
                *_haloed_text(
                    target,
                    {"align": "right", "dx": -14, "dy": -16, "fontSize": FONT_SIZE * scale, "fontWeight": "bold"},
                    x=x,
                    y=y,
                    text="label:N",
                ),
                data=sample,
            ).properties(height=round(height * scale)),
            title,
            about,
            scale,
            lang,
        ),
        scale,
    )


@functools.cache
def scenario_spec(
    unit: str, scale: float, series: tuple[str, ...], height: int = 380, title: str = "", about: str = "", lang: str = ZH_CN
) -> dict:
    """The chart's Vega-Lite dict without data, built once per look (a slider move only swaps the numbers).

    The title and subtitle (what is drawn, its unit, the source) are inside the
    chart, so a PNG or SVG saved from its menu says what it shows; they name the
    indicator, not the slider values, so one spec serves every move.
    Shared between sessions: callers must not change it.
    """
    return spec(scenario_chart(unit, scale, series, height, title, about, lang), keep_data=False)
