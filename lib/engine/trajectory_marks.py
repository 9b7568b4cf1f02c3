"""What a trajectory shows beside its lines: the reported 2020 figure, milestones and yearly floors.

Each is its own layer, never a point of the target's line: a reported figure
(data/outcomes.csv) is what happened, a milestone (翻一番 by 2017) and a
yearly floor (每年…以上) are what the body text asked for on the way.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.engine import verdicts
from lib.engine.trajectory import PERIOD_KINDS
from lib.plan import outcomes, yearly
from lib.plan.milestones import Doubling, YearlyFloor, doublings, yearly_floors
from lib.plan.series import series_catalogue
from lib.present.numbers import plain

OUTCOME_PREFIX = "实际"


@dataclass(frozen=True)
class Outcome:
    """A published figure for 2020 (or the five plan years) of one series."""

    label: str  # "实际（2020年统计公报）", the name on the chart
    year: int
    period: str  # "2020", or "2016—2020" for a five-year figure
    value: float | None
    shown: str  # the figure with its unit: "52.8%"
    drawn: bool  # same unit, period and basis as the chart; otherwise told in words only
    why_not_drawn: str
    verdict: str  # lib.engine.verdicts.verdict's sentence
    status_label: str
    source: str  # publisher《document》，date（kind）
    quote: str
    url: str

    @property
    def caption(self) -> str:
        where = "" if self.drawn else f"（{self.why_not_drawn}，未画在图上）"
        # The URL last and after a space: a caption's autolink would otherwise run on into the quote.
        return f"{self.label}：{self.verdict}{where} 来源：{self.source}。原句：“{self.quote}” 网址： {self.url}"


def _series(series_id: str) -> pd.Series:
    return series_catalogue().set_index("series_id").loc[series_id]


def outcome(series_id: str) -> Outcome | None:
    """The series' published 2020 figure, or None where data/outcomes.csv has none."""
    if series_id not in outcomes.targets():
        return None
    series = _series(series_id)
    verdict = verdicts.verdict(series_id)
    if not verdict.outcome_id:
        return None
    row = outcomes.load_outcomes().set_index("outcome_id").loc[verdict.outcome_id]
    five_years = "-" in row.period
    value = None if pd.isna(row.value) else float(row.value)
    chart_is_periods = series.kind in PERIOD_KINDS
    why = ""
    if value is None:
        why = "类别不作数值"
    elif row.unit != series.unit:
        why = f"单位为{row.unit}，图中为{series.unit}"
    elif five_years != chart_is_periods:
        why = "只是2020年一年的数，图中为五年的数" if chart_is_periods else "是五年的数，图中为各年水平"
    elif not row.basis_matches_plan:
        # Beside the target a figure on another basis reads as met or missed, which it is not (190.6万 vs 【70.6】万).
        why = "口径与规划指标不同"
    shown = row.value_text if value is None else f"{plain(value)}{row.unit}"
    differs = "" if row.basis_matches_plan else "，口径不同"
    if row.covers_target:
        # “动态识别的190.6万…全部脱贫”: the quote's own words, never "累计190.6万" as if a 2016–2020 flow.
        shown, differs = row.claim, "，基数不同"
    return Outcome(
        label=f"{OUTCOME_PREFIX}（{row.short_name}{differs}）",
        year=int(row.period[-4:]),
        period=row.period.replace("-", "—"),
        value=value,
        shown=shown,
        drawn=not why,
        why_not_drawn=why,
        verdict=verdict.sentence,
        status_label=verdict.label,
        source=f"{row.publisher}《{row.document}》，{row.published}（{outcomes.SOURCE_KIND_LABELS[row.source_kind]}）",
        quote=row.quote,
        url=row.url,
    )


def outcome_frame(mark: Outcome | None) -> pd.DataFrame:
    """The drawn figure as one chart row: year, period, value, line, note (the tooltip's source)."""
    columns = ["year", "period", "value", "line", "note"]
    if mark is None or not mark.drawn:
        return pd.DataFrame(columns=columns)
    note = f"{mark.source}；原句：“{mark.quote}”"
    return pd.DataFrame([[mark.year, mark.period, mark.value, mark.label, note]], columns=columns)


CURRENT_PRICE_ASIDE = "现价读法（参考）"


REPORTED_LABEL = "初次公布"


def reported_frame(series_id: str, outcome_year: int | None = None) -> pd.DataFrame:
    """The years 2016–2020 as reported (data/yearly_figures.csv), as chart rows beside the outcome mark.

    Only on a chart of levels or shares, in its own unit (GDP at current prices in 亿元, 服务业比重 in %):
    a yearly growth rate is no point of a five-year bar. Points only; ``connect`` is true only
    where every year is read, so a line never runs through a gap. ``outcome_year`` leaves out the
    year the reported 2020 figure (outcomes.csv) already marks.
    """
    columns = ["year", "period", "value", "line", "note", "connect"]
    series = _series(series_id)
    if series.kind in PERIOD_KINDS:
        return pd.DataFrame(columns=columns)
    rows = yearly.series(series_id)
    rows = rows[rows.measure.isin(["level", "share"]) & (rows.unit == series.unit)]
    if outcome_year is not None:
        rows = rows[rows.year != outcome_year]
    connect = yearly.complete(yearly.series(series_id, "level")) or yearly.complete(yearly.series(series_id, "share"))
    return pd.DataFrame(
        [
            [int(r.year), str(r.year), float(r.value), REPORTED_LABEL, f"{yearly.source_words(r)}；原句：“{r.quote}”", connect]
            for r in rows.itertuples()
        ],
        columns=columns,
    )


def reported_words(series_id: str) -> tuple[str, ...]:
    """Every reported year of the series in words, with its source: what the chart's points say, for any renderer."""
    ids = {series_id} | ({_series(series_id).previous_id} - {""})
    rows = pd.concat([yearly.series(i) for i in sorted(ids)], ignore_index=True)
    return tuple(
        f"{r.year}年{yearly.MEASURE_LABELS[r.measure]} {r.value_text if r.value_text.endswith(r.unit) else plain(r.value) + r.unit}"
        f"（{yearly.RELEASE_LABELS[r.release]}；{yearly.source_words(r)}）"
        for r in rows.sort_values(["measure", "year"]).itertuples()
    )


def milestone_words(mark: Doubling) -> str:
    """The doubling read at comparable prices first; the current-price level only as a labelled aside (issue 23 §4).

    A doubling target is conventionally read at comparable prices; 专栏1's levels are at
    current prices, which 2015 (15720 亿元) nearly doubles on 2010 (7926) by prices alone.
    """
    caveat = f"；{mark.caveat}" if mark.caveat else ""
    aside = f"不低于{plain(mark.level)}{mark.unit}（{mark.base_year}年{plain(mark.base_value)}{mark.unit}的{plain(mark.factor)}倍{caveat}）"
    head = f"里程碑：{mark.year}年比{mark.base_year}年翻一番"
    if mark.real_index is None:
        return f"{head}，即{aside}；这是规划提出的中途目标，不是实际数"
    return (
        f"{head}，按可比价：{mark.base_year + 1}—2015年实际年均增长{plain(mark.real_growth)}%（专栏1），"
        f"2015年为{mark.base_year}年的{plain(mark.real_index, 3)}倍，"
        f"{2016}—{mark.year}年还需实际年均增长约{plain(mark.real_pace_needed, 2)}%；"
        f"{CURRENT_PRICE_ASIDE}：{aside}，现价含价格上涨，不是翻番的通常口径；这是规划提出的中途目标，不是实际数"
    )


def milestone_label(mark: Doubling) -> str:
    """The chart's name for the point: the current-price level, said to be the aside where a real reading exists."""
    aside = f"·{CURRENT_PRICE_ASIDE}" if mark.real_index is not None else ""
    return f"{mark.year}年翻一番{aside} ≥{plain(mark.level)}"


def milestone_frame(series_id: str) -> pd.DataFrame:
    """Doubling milestones (翻一番) whose base the plan prints, as chart rows (on the chart's current-price axis)."""
    rows = [
        [mark.year, str(mark.year), mark.level, milestone_label(mark), milestone_words(mark)]
        for mark in doublings(series_id)
        if mark.comparable
    ]
    return pd.DataFrame(rows, columns=["year", "period", "value", "line", "note"])


def floor_rows(series_id: str) -> tuple[tuple[str, str], ...]:
    """(year, floor) for every year a 每年 floor holds, e.g. ("2016年", "100亿美元以上")."""
    ids = {series_id} | ({_series(series_id).previous_id} - {""})
    floors: list[YearlyFloor] = [floor for sid in sorted(ids) for floor in yearly_floors(sid)]
    return tuple((f"{year}年", floor.raw) for floor in floors for year in floor.years)
