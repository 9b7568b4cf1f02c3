"""Altair chart builders. Plain DataFrames in, chart specs out; no streamlit here."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pyarrow as pa

from lib.trajectory import LINES

# High-contrast colours that stay apart for the common colour-vision deficiencies
# (Okabe–Ito) and on a washed-out projector.
LINE_COLOURS = {
    LINES["actual"]: "#000000",
    LINES["required"]: "#D55E00",
    LINES["previous"]: "#0072B2",
    LINES["target"]: "#D55E00",
}
LINE_DASHES = {LINES["actual"]: [1, 0], LINES["required"]: [8, 5], LINES["previous"]: [2, 3], LINES["target"]: [1, 0]}
FONT_SIZE = 14


def _colour(domain: list[str]) -> alt.Scale:
    return alt.Scale(domain=domain, range=[LINE_COLOURS[d] for d in domain])


def _haloed_text(base: alt.Chart, mark: dict, **encoding) -> list[alt.Chart]:
    """A label over a white halo of itself, so it stays legible where a line crosses it
    (on a phone the target's label sits on the lines that run into the target)."""
    halo = base.mark_text(stroke="#ffffff", strokeWidth=5, strokeJoin="round", **mark).encode(**encoding)
    return [halo, base.mark_text(**mark).encode(**encoding)]


def _configure(chart: alt.Chart, scale: float = 1.0) -> alt.Chart:
    size = round(FONT_SIZE * scale)
    return (
        chart.configure_axis(labelFontSize=size, titleFontSize=size, grid=True, gridColor="#e6e6e6")
        # Two columns, so four entries still fit across a phone.
        .configure_legend(labelFontSize=size, titleFontSize=size, orient="bottom", symbolStrokeWidth=3, labelLimit=400, columns=2)
        .configure_title(fontSize=round(size * 1.2), anchor="start")
        .configure_view(strokeWidth=0)
    )


def trajectory_chart(points: pd.DataFrame, unit: str, break_label: str = "", scale: float = 1.0) -> alt.Chart:
    """2010 → 2015 solid, the required path dashed, the previous pace dotted, the target marked."""
    frame = points.copy()
    frame["shown"] = frame.value.map(lambda v: f"{v:,.4g}")
    # A basis change breaks the printed line: each side is its own segment.
    frame["segment"] = frame.line_key
    if break_label:
        frame.loc[(frame.line_key == "actual") & (frame.year == 2010), "segment"] = "actual-before"
    lines = [LINES[k] for k in ("actual", "required", "previous") if LINES[k] in set(frame.line)]
    legend_domain = lines + ([LINES["target"]] if LINES["target"] in set(frame.line) else [])
    x = alt.X("year:Q", title="年份", scale=alt.Scale(domain=[2009.5, 2020.5]), axis=alt.Axis(format="d", values=list(range(2010, 2021))))
    y = alt.Y("value:Q", title=unit or "数值", scale=alt.Scale(zero=False))
    tooltip = [
        alt.Tooltip("period:N", title="年份"),
        alt.Tooltip("line:N", title="系列"),
        alt.Tooltip("shown:N", title=f"数值（{unit}）" if unit else "数值"),
        alt.Tooltip("note:N", title="说明"),
    ]
    colour = alt.Color("line:N", title=None, scale=_colour(legend_domain))
    # Same field as the colour, so Vega-Lite draws one legend with both colour and dash.
    dash = alt.StrokeDash("line:N", title=None, scale=alt.Scale(domain=list(LINE_DASHES), range=list(LINE_DASHES.values())))
    path = (
        alt.Chart(frame[frame.line_key != "target"])
        .mark_line(strokeWidth=3 * scale)
        .encode(x=x, y=y, color=colour, strokeDash=dash, detail="segment:N")
    )
    dots = (
        alt.Chart(frame[frame.line_key != "target"])
        .mark_point(filled=True, size=70 * scale * scale)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    target = (
        alt.Chart(frame[frame.line_key == "target"])
        .mark_point(shape="diamond", filled=True, size=260 * scale * scale)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    label = {"align": "right", "dx": -12, "dy": -14, "fontSize": FONT_SIZE * scale, "fontWeight": "bold"}
    target_text = _haloed_text(alt.Chart(frame[frame.line_key == "target"]), label, x=x, y=y, text="note:N")
    layers = [path, dots, target, *target_text]
    if break_label:
        rule = pd.DataFrame({"year": [2012.5], "label": [f"口径/标准调整：{break_label}"]})
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[4, 4], color="#777777", strokeWidth=2).encode(x="year:Q"))
        layers.append(
            alt.Chart(rule)
            .mark_text(align="center", baseline="top", dy=4, fontSize=FONT_SIZE * scale, color="#444444")
            .encode(x="year:Q", y=alt.value(0), text="label:N")
        )
    return _configure(alt.layer(*layers).properties(height=420 * scale), scale)


def period_chart(points: pd.DataFrame, unit: str, scale: float = 1.0) -> alt.Chart:
    """Five-year totals, five-year cuts and annual rates: one bar per plan period."""
    frame = points.copy()
    frame["shown"] = frame.value.map(lambda v: f"{v:,.4g}")
    domain = [d for d in (LINES["actual"], LINES["target"]) if d in set(frame.line)]
    bars = (
        alt.Chart(frame)
        .mark_bar(size=60 * scale)
        .encode(
            x=alt.X("period:N", title="规划期", sort=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=unit or "数值"),
            color=alt.Color("line:N", title=None, scale=alt.Scale(domain=domain, range=["#555555", "#D55E00"][: len(domain)])),
            tooltip=[
                alt.Tooltip("period:N", title="规划期"),
                alt.Tooltip("line:N", title="系列"),
                alt.Tooltip("shown:N", title=f"数值（{unit}）" if unit else "数值"),
                alt.Tooltip("note:N", title="原文"),
            ],
        )
    )
    labels = bars.mark_text(dy=-10, fontSize=FONT_SIZE * scale, fontWeight="bold").encode(text="note:N")
    return _configure(alt.layer(bars, labels).properties(height=380 * scale), scale)


def acceleration_chart(frame: pd.DataFrame) -> alt.Chart:
    """Required against achieved pace, one row per indicator, ranked by required pace.

    ``frame`` has columns label, required, achieved (both % a year), achieved_basis.
    """
    long = frame.melt(id_vars=["label", "achieved_basis"], value_vars=["required", "achieved"], var_name="which", value_name="rate")
    long["which"] = long.which.map({"required": "2016—2020所需", "achieved": "2011—2015实际"})
    long = long.dropna(subset=["rate"])
    long["shown"] = long.rate.map(lambda v: f"{v:.2f}%")
    order = list(frame.sort_values("required", ascending=False).label)
    return _configure(
        alt.Chart(long)
        .mark_bar(height=12)
        .encode(
            y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=380)),
            yOffset=alt.YOffset("which:N", sort=["2016—2020所需", "2011—2015实际"]),
            x=alt.X("rate:Q", title="年均增速（%）"),
            color=alt.Color(
                "which:N", title=None, scale=alt.Scale(domain=["2016—2020所需", "2011—2015实际"], range=["#D55E00", "#0072B2"])
            ),
            tooltip=[
                alt.Tooltip("label:N", title="指标"),
                alt.Tooltip("which:N", title="速度"),
                alt.Tooltip("shown:N", title="年均"),
                alt.Tooltip("achieved_basis:N", title="以往速度来源"),
            ],
        )
        .properties(height=alt.Step(34))
    )


def spec(chart: alt.TopLevelMixin, keep_data: bool = True) -> dict:
    """A chart as a Vega-Lite dict, ready for st.vega_lite_chart.

    Building and validating an Altair chart costs tens of milliseconds, so
    pages cache this dict; with ``keep_data=False`` the data is left out and
    passed separately, so a slider move only swaps the numbers.
    """
    result = chart.to_dict()
    if not keep_data:
        result.pop("datasets", None)
        result.pop("data", None)
    elif "datasets" in result:
        result["datasets"] = {name: arrow_bytes(pd.DataFrame(values)) for name, values in result["datasets"].items()}
    return result


def arrow_bytes(frame: pd.DataFrame) -> bytes:
    """A table as Arrow IPC stream bytes: how Streamlit ships chart data.

    Streamlit converts inline chart data to these bytes on every call and
    passes bytes through untouched, so a cached spec carries them ready-made.
    """
    table = pa.Table.from_pandas(frame)
    sink = pa.BufferOutputStream()
    with pa.RecordBatchStreamWriter(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()
