"""Met or not: the rule that sets each 专栏2 target against the official figure found for it.

The figures and targets are data (lib.plan.outcomes, with the rule in words in
its docstring); this module applies the rule and words the verdict, so the
tables, the trajectories and the downloads say the same thing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from lib.plan import outcomes as recorded
from lib.plan import yearly
from lib.plan.milestones import yearly_floors
from lib.plan.values import ROMAN
from lib.present.numbers import plain


@dataclass(frozen=True)
class Verdict:
    indicator_id: str
    status: str
    sentence: str
    outcome_id: str = ""

    @property
    def label(self) -> str:
        return recorded.STATUS_LABELS[self.status]


def verdict(indicator_id: str, outcomes: pd.DataFrame | None = None) -> Verdict:
    """Met, not met, basis differs or no figure, for one 专栏2 indicator with a target, with its yearly target beside it."""
    found = _verdict(indicator_id, outcomes)
    yearly = yearly_words(indicator_id, outcomes) if outcomes is None or "period" in outcomes else ""
    return Verdict(found.indicator_id, found.status, f"{found.sentence}{yearly}", found.outcome_id) if yearly else found


def _verdict(indicator_id: str, outcomes: pd.DataFrame | None = None) -> Verdict:
    target = recorded.targets()[indicator_id]
    outcomes = recorded.load_outcomes() if outcomes is None else outcomes
    rows = outcomes[outcomes.indicator_id == indicator_id]
    if rows.empty:
        return Verdict(indicator_id, "no_figure", f"未找到官方数字（目标{_target_words(target)}）。")
    comparable = rows[rows.basis_matches_plan]
    covering = rows[rows.covers_target.fillna(False).astype(bool)] if "covers_target" in rows else rows.iloc[:0]
    if comparable.empty and not covering.empty:
        row = covering.iloc[0]
        return Verdict(
            indicator_id,
            "met",
            f"达到：原句说“{row.claim}”，规划目标{_target_words(target)}在其中（基数不同：{row.basis}）。",
            row.outcome_id,
        )
    if comparable.empty:
        row = rows.iloc[0]
        return Verdict(
            indicator_id,
            "basis_differs",
            f"口径不同：{_figure_words(row, target)}（{row.basis}），目标{_target_words(target)}，不判断是否达到。",
            row.outcome_id,
        )
    row = comparable.iloc[0]
    met = _meets(row, target)
    status = "met" if met else "not_met"
    words = recorded.STATUS_LABELS[status]
    sentence = f"{words}：{_figure_words(row, target)}，目标{_target_words(target)}{_rule_words(target)}。"
    return Verdict(indicator_id, status, sentence, row.outcome_id)


def yearly_words(indicator_id: str, outcomes: pd.DataFrame | None = None, figures: pd.DataFrame | None = None) -> str:
    """Each reported one-year figure against the text's yearly target (每年…), in words; "" if there is none.

    第二十七章 “确保每年新增就业稳定在60万人左右” holds for every year 2016–2020 beside
    专栏2's five-year 【300】: 2020's 65.56万人 meets it even though the five-year total is
    not known. The same rule as the 2020 targets: 以上 is a floor, 左右 allows ±2% of a level.
    The figures are the year-by-year table's (lib.plan.yearly) and outcomes.csv's one-year rows.
    """
    floors = yearly_floors(indicator_id)
    if not floors:
        return ""
    outcomes = recorded.load_outcomes() if outcomes is None else outcomes
    figures = yearly.load_yearly_figures() if figures is None else figures
    points: dict[int, tuple[float, str]] = {}
    if len(figures):
        mine = figures[(figures.indicator_id == indicator_id) & figures.measure.isin(["yearly_amount", "level"])]
        points |= {int(r.year): (float(r.value), r.unit) for r in mine.itertuples()}
    for row in outcomes[(outcomes.indicator_id == indicator_id) & ~outcomes.period.str.contains("-")].itertuples():
        if not pd.isna(row.value):
            points.setdefault(int(row.period), (float(row.value), row.unit))
    found = []
    for floor in floors:
        goal = recorded.Target(indicator_id, "level", "higher", str(floor.years[-1]), floor.value, floor.unit, floor.qualifier, floor.raw)
        checked = [
            f"{year}年{plain(value)}{unit}，" + ("达到" if _meets(pd.Series({"value": value, "value_text": ""}), goal) else "未达到")
            for year, (value, unit) in sorted(points.items())
            if unit == floor.unit and year in floor.years
        ]
        if checked:
            rule = f"（容差±{plain(recorded.LEVEL_TOLERANCE * 100)}%）" if floor.qualifier == "approx" else ""
            found.append(f"年度目标{floor.where}“{floor.clause}”{rule}：{'；'.join(checked)}。")
    return "".join(found)


def verdicts() -> dict[str, Verdict]:
    outcomes = recorded.load_outcomes()
    return {indicator_id: verdict(indicator_id, outcomes) for indicator_id in recorded.targets()}


def _meets(row: pd.Series, target: recorded.Target) -> bool:
    if target.kind == "class":
        return ROMAN[row.value_text.rstrip("类")] <= target.value
    value, goal = float(row.value), target.value
    if target.qualifier == "greater_than":
        return value > goal
    if target.qualifier == "less_than":
        return value < goal
    slack = _tolerance(target) if target.qualifier == "approx" else 0.0
    if target.direction == "higher":
        return value >= goal - slack
    if target.direction == "lower":
        return value <= goal + slack
    return math.isclose(value, goal, abs_tol=slack)


def _tolerance(target: recorded.Target) -> float:
    if target.unit in recorded.RATE_UNITS:
        return recorded.RATE_TOLERANCE
    return recorded.LEVEL_TOLERANCE * abs(target.value)


def _rule_words(target: recorded.Target) -> str:
    if target.kind == "class":
        return "（达到该类或更好）"
    if target.qualifier == "greater_than":
        return "（须超过）"
    if target.qualifier == "less_than":
        return "（不得超过）"
    if target.qualifier == "approx":
        tolerance = (
            f"{plain(recorded.RATE_TOLERANCE)}个百分点"
            if target.unit in recorded.RATE_UNITS
            else f"{plain(recorded.LEVEL_TOLERANCE * 100)}%"
        )
        return f"（容差±{tolerance}）"
    return ""


def _figure_words(row: pd.Series, target: recorded.Target) -> str:
    five_years = {"growth_rate": "“十三五”年均", "total": "“十三五”累计"}.get(target.kind, "“十三五”五年")
    period = five_years if "-" in row.period else f"{row.period}年"
    figure = row.value_text if pd.isna(row.value) else f"{plain(row.value)}{row.unit}"
    return period + figure


def _target_words(target: recorded.Target) -> str:
    """The target as the plan means it: the printed cell, its unit, and the body text's 左右."""
    if target.kind in ("class", "ratio"):
        return target.raw + (target.unit if target.kind == "class" else "")
    number = plain(target.value) + target.unit
    if "【" in target.raw:
        number = f"【{plain(target.value)}】{target.unit}"
    prefix = {"greater_than": "＞", "less_than": "＜"}.get(target.qualifier, "")
    return prefix + number + ("左右" if target.qualifier == "approx" else "")


def outcome_fields(indicator_id: str, verdicts: dict[str, Verdict]) -> dict:
    """The 2020 verdict, and the figure behind it with its source, for the table and the downloads."""
    verdict = verdicts.get(indicator_id)
    fields = {
        "结果#status": "",
        "2020年结果": "",
        "结果说明": "",
        "实际#value": None,
        "2020年实际": "",
        "实际原文": "",
        "实际单位": "",
        "实际口径": "",
        "实际来源": "",
        "实际原句": "",
        "实际网址": "",
        "来源类型": "",
        "实际说明": "",
    }
    if verdict is None:
        return fields
    fields.update({"结果#status": verdict.status, "2020年结果": verdict.label, "结果说明": verdict.sentence})
    if not verdict.outcome_id:
        return fields
    row = recorded.load_outcomes().set_index("outcome_id").loc[verdict.outcome_id]
    fields.update(
        {
            "实际#value": None if pd.isna(row.value) else float(row.value),
            # The figure as a number with its unit (52.8%), the page's own words (7.2:40.0:52.8) in the quote.
            "2020年实际": row.value_text if pd.isna(row.value) else f"{plain(row.value)}{row.unit}",
            "实际原文": row.value_text,
            "实际单位": row.unit,
            "实际口径": row.basis,
            "实际来源": f"{row.publisher}《{row.document}》，{row.published}",
            "实际原句": row.quote,
            "实际网址": row.url,
            "来源类型": recorded.SOURCE_KIND_LABELS[row.source_kind],
            "实际说明": row.note,
        }
    )
    return fields
