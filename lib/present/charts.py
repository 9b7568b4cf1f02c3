"""Altair chart builders. Plain DataFrames in, chart specs out; no streamlit here."""

from __future__ import annotations

import math
import re

import altair as alt
import pandas as pd

from lib.engine.trajectory import LINES
from lib.present.i18n import DEFAULT, gettext
from lib.present.numbers import plain

# High-contrast colours that stay apart for the common colour-vision deficiencies
# (Okabe–Ito) and on a washed-out projector.
LINE_COLOURS = {
    LINES["actual"]: "#000000",
    LINES["required"]: "#D55E00",
    LINES["previous"]: "#0072B2",
    LINES["target"]: "#D55E00",
}
LINE_DASHES = {LINES["actual"]: [1, 0], LINES["required"]: [8, 5], LINES["previous"]: [2, 3], LINES["target"]: [1, 0]}
# The same by line_key: a line's name is in the page's language, its look is not.
KEY_COLOURS = {key: LINE_COLOURS[name] for key, name in LINES.items()}
KEY_DASHES = {key: LINE_DASHES[name] for key, name in LINES.items()}
FONT_SIZE = 14
# The reported 2020 figure and a milestone are marks of their own, outside the legend's lines:
# a bluish green square for what happened, a hollow purple triangle for a milestone (Okabe–Ito).
OUTCOME_COLOUR, MILESTONE_COLOUR = "#009E73", "#CC79A7"


SOURCE = "来源：《重庆市国民经济和社会发展第十三个五年规划纲要》"


def source(lang: str = DEFAULT) -> str:
    """The source line of a chart in ``lang`` (SOURCE in 简体)."""
    _ = gettext(lang)
    return _("来源：《重庆市国民经济和社会发展第十三个五年规划纲要》")


def value_title(unit: str, lang: str = DEFAULT) -> str:
    """A tooltip's title of a value: 数值（%）, or 数值 without a unit."""
    _ = gettext(lang)
    return _("数值（{unit}）").format(unit=unit) if unit else _("数值")


# The source line is the widest line of a saved image: on a phone (a chart
# about 360 px wide) it only fits a little smaller. Vega knows the drawn
# width, so the size follows it, at 390 and 1920 alike.
def _fitting(size: int, *lines: str) -> dict:
    """A font size at which the longest line fits the plot's width, at most ``size``: Vega cuts
    a title line longer than that to "…" (the source, a long indicator name in a projector's
    narrow column or on a phone). A CJK character is one em wide and Latin ones narrower (counted
    at 0.62 em: an English source line counted as CJK was drawn at 5 px), so width ÷ ems (a
    phone's source line then reads small, but whole)."""
    ems = max(sum(1 if _WIDE.match(c) else 0.62 for c in line) for line in lines)
    return {"expr": f"min({size}, floor(width / {math.ceil(ems)}))"}


_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


def _colour(domain: list[str], keys: list[str]) -> alt.Scale:
    return alt.Scale(domain=domain, range=[KEY_COLOURS[k] for k in keys])


def shown(value: float, digits: int) -> str:
    """A chart's value as the plan would print it: its own decimals, no float noise."""
    return plain(value, digits)


def titled(chart: alt.TopLevelMixin, title: str, about: str, scale: float = 1.0, lang: str = DEFAULT) -> alt.TopLevelMixin:
    """The title, what is drawn (indicator, unit) and the source, inside the chart:
    a PNG or SVG saved from the chart's menu then says what it is and where it comes from."""
    if not title:
        return chart
    size = round(FONT_SIZE * scale)
    cited = source(lang)
    return chart.properties(
        title=alt.TitleParams(
            text=title,
            subtitle=[about, cited],
            fontSize=_fitting(round(size * 1.2), title),  # not a plan figure: title size, as _configure's
            subtitleFontSize=_fitting(size, about, cited),
        )
    )


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
        .configure_title(fontSize=round(size * 1.2), anchor="start")  # not a plan figure: title size
        .configure_view(strokeWidth=0)
    )


def _mark_layers(
    frame: pd.DataFrame,
    x: alt.X,
    y: alt.Y,
    unit: str,
    scale: float,
    shape: str,
    colour: str,
    filled: bool,
    dy: int,
    lang: str = DEFAULT,
) -> list[alt.Chart]:
    """A labelled point of its own (the reported figure, a milestone), with its source on hover."""
    if frame.empty:
        return []
    _ = gettext(lang)
    # Shown as published (78.15), not at the plan's printed precision: rounding it to 78.2 would change the figure.
    frame = frame.assign(shown=frame.value.map(plain))
    # A reported figure is named and numbered; a milestone's name already carries its level.
    frame["text"] = frame.line + " " + frame.shown if colour == OUTCOME_COLOUR else frame.line
    tooltip = [
        alt.Tooltip("period:N", title=_("年份")),
        alt.Tooltip("line:N", title=_("系列")),
        alt.Tooltip("shown:N", title=value_title(unit, lang)),
        alt.Tooltip("note:N", title=_("来源") if colour == OUTCOME_COLOUR else _("说明")),
    ]
    base = alt.Chart(frame)
    point = base.mark_point(shape=shape, filled=filled, size=200 * scale * scale, strokeWidth=3 * scale, color=colour).encode(
        x=x, y=y, tooltip=tooltip
    )
    # A milestone sits mid-chart: its label centred under it clears the printed line on a phone too.
    align, dx = ("right", -12) if colour == OUTCOME_COLOUR else ("center", 0)
    # lineBreak: a long name (English) is written on two lines so it stays inside a phone's plot.
    label = {"align": align, "dx": dx, "dy": dy, "fontSize": FONT_SIZE * scale, "fontWeight": "bold", "color": colour, "lineBreak": "\n"}
    return [point, *_haloed_text(base, label, x=x, y=y, text="text:N")]


def trajectory_chart(
    points: pd.DataFrame,
    unit: str,
    break_label: str = "",
    scale: float = 1.0,
    digits: int = 2,
    title: str = "",
    about: str = "",
    outcome: pd.DataFrame | None = None,
    milestones: pd.DataFrame | None = None,
    lang: str = DEFAULT,
) -> alt.Chart:
    """2010 → 2015 solid, the required path dashed, the previous pace dotted, the target marked.

    The legend lists only the lines drawn, each with its own dash; the target
    is named by its label beside the diamond, so it is not in the legend. A
    reported 2020 figure (``outcome``) and milestones are labelled marks of
    their own, so they are never read as a point of a line.
    """
    _ = gettext(lang)
    frame = points.copy()
    frame["shown"] = frame.value.map(lambda v: shown(v, digits))
    # A basis change breaks the printed line: each side is its own segment.
    frame["segment"] = frame.line_key
    if break_label:
        frame.loc[(frame.line_key == "actual") & (frame.year == 2010), "segment"] = "actual-before"
    # Each line's name as the frame gives it (in the page's language); its look by its key.
    names = dict(zip(frame.line_key, frame.line))
    line_keys = [k for k in ("actual", "required", "previous") if k in names]
    lines = [names[k] for k in line_keys]
    x_axis = alt.Axis(format="d", values=list(range(2010, 2021)))
    x = alt.X("year:Q", title=_("年份"), scale=alt.Scale(domain=[2009.5, 2020.5]), axis=x_axis)
    y = alt.Y("value:Q", title=unit or _("数值"), scale=alt.Scale(zero=False))
    tooltip = [
        alt.Tooltip("period:N", title=_("年份")),
        alt.Tooltip("line:N", title=_("系列")),
        alt.Tooltip("shown:N", title=value_title(unit, lang)),
        alt.Tooltip("note:N", title=_("说明")),
    ]
    # Colour and dash on the same field and domain make one legend whose symbols
    # are short strokes in each line's dash. The points are filled through their
    # own channel with no legend, or the legend would turn into dots.
    # One column on a phone, where two long labels do not fit side by side.
    legend = alt.Legend(symbolType="stroke", symbolSize=900 * scale, symbolStrokeWidth=3 * scale, columns={"expr": "width < 500 ? 1 : 3"})
    colour = alt.Color("line:N", title=None, scale=_colour(lines, line_keys), legend=legend)
    dash = alt.StrokeDash("line:N", title=None, scale=alt.Scale(domain=lines, range=[KEY_DASHES[k] for k in line_keys]), legend=legend)
    # Filled through another field: on "line" Vega-Lite would merge it into the legend.
    keys = [k for k in LINES if k in names]
    fill = alt.Fill("line_key:N", scale=alt.Scale(domain=keys, range=[KEY_COLOURS[k] for k in keys]), legend=None)
    path = (
        alt.Chart(frame[frame.line_key != "target"])
        .mark_line(strokeWidth=3 * scale)
        .encode(x=x, y=y, color=colour, strokeDash=dash, detail="segment:N")
    )
    dots = (
        alt.Chart(frame[frame.line_key != "target"])
        .mark_point(filled=True, size=70 * scale * scale, strokeWidth=0)
        .encode(x=x, y=y, fill=fill, tooltip=tooltip)
    )
    target = (
        alt.Chart(frame[frame.line_key == "target"])
        .mark_point(shape="diamond", filled=True, size=260 * scale * scale, strokeWidth=0)
        .encode(x=x, y=y, fill=fill, tooltip=tooltip)
    )
    # The higher of target and reported figure is labelled above its mark, the lower below, so the two never overlap.
    goal = frame[frame.line_key == "target"]
    outcome = outcome if outcome is not None else pd.DataFrame(columns=["year", "period", "value", "line", "note"])
    above = outcome.empty or goal.empty or float(goal.value.iloc[0]) >= float(outcome.value.iloc[0])
    label = {"align": "right", "dx": -12, "dy": -14 if above else 18, "fontSize": FONT_SIZE * scale, "fontWeight": "bold"}
    # The target's words beside it: ``target_label`` where the frame has one (English leaves the place out: on a phone
    # “at least 2.5 trillion yuan (Chapter 1, Section 3)” ran off the plot), else its printed note.
    target_text = _haloed_text(alt.Chart(goal), label, x=x, y=y, text="target_label:N" if "target_label" in goal else "note:N")
    layers = [path, dots, target, *target_text]
    layers += _mark_layers(outcome, x, y, unit, scale, "square", OUTCOME_COLOUR, True, 18 if above else -14, lang)
    if milestones is not None:
        layers += _mark_layers(milestones, x, y, unit, scale, "triangle-up", MILESTONE_COLOUR, False, 22, lang)
    if break_label:
        rule = pd.DataFrame({"year": [2012.5], "label": [_("口径/标准调整：{change}").format(change=break_label)]})
        layers.append(alt.Chart(rule).mark_rule(strokeDash=[4, 4], color="#777777", strokeWidth=2).encode(x="year:Q"))
        layers.append(
            alt.Chart(rule)
            .mark_text(align="center", baseline="top", dy=4, fontSize=FONT_SIZE * scale, color="#444444")
            .encode(x="year:Q", y=alt.value(0), text="label:N")
        )
    return _configure(titled(alt.layer(*layers).properties(height=420 * scale), title, about, scale, lang), scale)


def period_chart(
    points: pd.DataFrame,
    unit: str,
    scale: float = 1.0,
    title: str = "",
    about: str = "",
    outcome: pd.DataFrame | None = None,
    lang: str = DEFAULT,
) -> alt.Chart:
    """Five-year totals, five-year cuts and annual rates: one bar per plan period.

    A reported five-year figure (``outcome``) stands beside the target's bar, in its own colour.
    """
    _ = gettext(lang)
    frame = points.copy()
    if outcome is not None and not outcome.empty:
        frame = pd.concat([frame, outcome.assign(line_key="outcome")], ignore_index=True)
    # Each bar's figure at its own printed decimals (2011—2015: 12.8, beside a target printed
    # without decimals): the row's precision would show 13 for a printed 12.8. A reported figure
    # likewise keeps its published decimals (7.2, 190.6).
    frame["shown"] = frame.value.map(plain)
    names = dict(zip(frame.line_key, frame.line))
    colours = {names.get(key, LINES[key]): colour for key, colour in (("actual", "#555555"), ("target", "#D55E00"))}
    colours.update({line: OUTCOME_COLOUR for line in frame.line[frame.line_key == "outcome"]})
    domain = [d for d in colours if d in set(frame.line)]
    # A bar's label is its printed text; the reported figure's is its number (its source is on hover).
    frame["label"] = frame.note.where(frame.line_key != "outcome", frame.shown)
    beside = {"xOffset": alt.XOffset("line:N", sort=domain)} if "outcome" in set(frame.line_key) else {}
    bars = (
        alt.Chart(frame)
        .mark_bar(size=(40 if beside else 60) * scale)
        .encode(
            x=alt.X("period:N", title=_("规划期"), sort=None, axis=alt.Axis(labelAngle=0)),
            **beside,
            y=alt.Y("value:Q", title=unit or _("数值")),
            color=alt.Color("line:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=[colours[d] for d in domain])),
            tooltip=[
                alt.Tooltip("period:N", title=_("规划期")),
                alt.Tooltip("line:N", title=_("系列")),
                alt.Tooltip("shown:N", title=value_title(unit, lang)),
                alt.Tooltip("note:N", title=_("原文")),
            ],
        )
    )
    labels = bars.mark_text(dy=-10, fontSize=FONT_SIZE * scale, fontWeight="bold").encode(text="label:N")
    return _configure(titled(alt.layer(bars, labels).properties(height=380 * scale), title, about, scale, lang), scale)


def spec(chart: alt.TopLevelMixin, keep_data: bool = True) -> dict:
    """A chart as a plain Vega-Lite dict, its rows inline (``datasets``: name → list of dicts).

    Built once per State (an Altair chart costs tens of milliseconds); the app turns the
    rows into Arrow at draw time (pages/_blocks.arrow_spec, cached), the static edition
    compiles the spec as it is. ``keep_data=False`` leaves the data out, passed separately.
    """
    result = chart.to_dict()
    if not keep_data:
        result.pop("datasets", None)
        result.pop("data", None)
    return result
