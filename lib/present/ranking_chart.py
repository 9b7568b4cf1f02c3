"""The ranking of 指标轨迹: each level indicator's required pace against its 2011–2015 pace, as an Altair chart.

Split from ``charts`` (the trajectory and period charts and ``spec``), whose
title, size and configuration it shares.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib.present import charts
from lib.present.i18n import DEFAULT, N_, gettext

REQUIRED, ACHIEVED, NAME_ROW = N_("所需"), N_("以往"), N_("名称")
RANKING_COLOURS = {REQUIRED: "#D55E00", ACHIEVED: "#0072B2"}


def ranking_rows(frame: pd.DataFrame, lang: str = DEFAULT) -> pd.DataFrame:
    """One row per drawn line of the ranking: the name, then the required bar, then the achieved one.

    ``frame`` has columns label, required, achieved (both % a year, achieved
    may be missing) and achieved_basis, ranked already, its words in ``lang``.
    """
    _ = gettext(lang)
    rows = []
    for rank, item in enumerate(frame.itertuples()):
        common = {"label": item.label, "basis": item.achieved_basis}
        rows.append({**common, "slot": 3 * rank, "which": _(NAME_ROW), "rate": 0.0, "text": item.label})
        for offset, which, rate in ((1, _(REQUIRED), item.required), (2, _(ACHIEVED), item.achieved)):
            missing = rate is None or pd.isna(rate)
            text = _("{which}：无可比数据").format(which=which) if missing else f"{which} {charts.shown(rate, 2)}%"
            rows.append({**common, "slot": 3 * rank + offset, "which": which, "rate": None if missing else float(rate), "text": text})
    return pd.DataFrame(rows)


def acceleration_chart(frame: pd.DataFrame, title: str = "", about: str = "", lang: str = DEFAULT) -> alt.Chart:
    """Required against achieved pace, ranked by required pace, readable at any width.

    Each indicator's name is a line of text above its two bars rather than a
    y-axis label: an axis takes its labels' width out of the plot, so on a
    phone the names used up all 390 px and no bar was left. Each bar carries
    its own value and says which pace it is, so no legend is needed.
    """
    _ = gettext(lang)
    name_row = _(NAME_ROW)
    rows = ranking_rows(frame, lang)
    drawn = rows[rows.which != name_row]
    reach = max(drawn.rate.max(), 0)
    low = min(drawn.rate.min(), 0)
    # Room right of the longest bar for its value ("以往 31.35%").
    rates = alt.Scale(domain=[low, reach * 1.45], nice=False)
    x = alt.X("rate:Q", title=_("年均增速（%）"), scale=rates)
    y = alt.Y("slot:O", axis=None, scale=alt.Scale(paddingInner=0.2))
    tooltip = [
        alt.Tooltip("label:N", title=_("指标")),
        alt.Tooltip("text:N", title=_("年均")),
        alt.Tooltip("basis:N", title=_("以往速度来源")),
    ]
    base = alt.Chart(rows)
    names = (
        base.transform_filter(alt.datum.which == name_row)
        .mark_text(align="left", baseline="middle", fontSize=charts.FONT_SIZE, fontWeight="bold", limit={"expr": "width"})
        .encode(x=alt.value(0), y=y, text="text:N", tooltip=tooltip)
    )
    bars = (
        base.transform_filter(alt.datum.which != name_row)
        .mark_bar()
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "which:N", legend=None, scale=alt.Scale(domain=[_(w) for w in RANKING_COLOURS], range=list(RANKING_COLOURS.values()))
            ),
            tooltip=tooltip,
        )
    )
    values = (
        base.transform_filter(alt.datum.which != name_row)
        .transform_calculate(end="max(datum.rate || 0, 0)")
        .mark_text(align="left", baseline="middle", dx=4, fontSize=charts.FONT_SIZE - 1)
        .encode(x=alt.X("end:Q", scale=rates), y=y, text="text:N", tooltip=tooltip)
    )
    zero = alt.Chart(pd.DataFrame({"rate": [0.0]})).mark_rule(color="#777777").encode(x="rate:Q")
    chart = alt.layer(zero, bars, values, names).properties(height=alt.Step(18))  # names over the zero line
    return charts._configure(charts.titled(chart, title, about, lang=lang))
