"""Each series' 2010 → 2015 → 2020 points: printed values, required path, previous pace.

Which series exist, and what the plan prints about them, is lib/plan/series.py;
what the page shows of these points is lib/views/trajectories/__init__.py.
"""

from __future__ import annotations

import pandas as pd

from lib.engine.achieved import achieved_pace
from lib.engine.pace import LINEAR_LEVEL_UNITS, PRICE_LABELS, required_pace
from lib.engine.rates import YEARS, compound_rate, project
from lib.plan.milestones import carry_forward_caveat, effective_qualifier
from lib.plan.series import series_catalogue, tables
from lib.plan.targets import target_obs_ids
from lib.present.numbers import plain

LEVEL_KINDS = ("level", "share", "ratio", "threshold")
PERIOD_KINDS = ("total", "reduction", "growth_rate")
LINES = {
    "actual": "实际（规划公布）",
    "required": "完成目标所需路径",
    "previous": "按“十二五”速度延续",
    "target": "2020年目标",
}
# Text targets print bigger units than the tables: 2.5万亿元 against 亿元.
UNIT_FACTORS = {("万亿元", "亿元"): 10_000, ("万元", "元"): 10_000}


def convert(value: float, unit: str, to_unit: str) -> float | None:
    if unit == to_unit:
        return value
    factor = UNIT_FACTORS.get((unit, to_unit))
    return None if factor is None else value * factor


def _obs(observations: pd.DataFrame, indicator_id: str, period: str, role: str) -> pd.Series | None:
    hit = observations[(observations.indicator_id == indicator_id) & (observations.period == period) & (observations.role == role)]
    if hit.empty or pd.isna(hit.value.iloc[0]):
        return None
    return hit.iloc[0]


# How a target's label reads its qualifier where the printed words do not say it already:
# 专栏2 prints a bare 9 where 第一章 says 9%左右; "迈上2.5万亿元新台阶" is at least 2.5万亿元.
QUALIFIER_PREFIX = {
    "approx": ("约", "左右"),
    "at_least": ("至少", "以上"),
    "greater_than": ("超过", "超过"),
    "at_most": ("至多", "以下"),
    "less_than": ("低于", "＜"),
}


def target_words(raw: str, qualifier: str, where: str) -> str:
    """A target's label: the printed words, the text's qualifier before them when they lack it, and its place."""
    raw = raw.replace("\n", "")
    prefix, said = QUALIFIER_PREFIX.get(qualifier, ("", ""))
    return f"{'' if not prefix or said in raw or '＞' in raw else prefix}{raw}（{where}）"


def _target(series: pd.Series) -> tuple[float | None, str, str, str]:
    """The 2020 target: value in the series' unit, qualifier, raw text, and where it is printed.

    The qualifier is the one the plan means (lib.plan.milestones.effective_qualifier):
    the printed cell's, or the body text's 左右/以上 where the cell dropped it.
    """
    _, observations, text_targets = tables()
    if series.table_no == 2:
        for obs_id in target_obs_ids(series.series_id):
            period = obs_id.split(".")[1]
            hit = _obs(observations, series.series_id, period, "target")
            if hit is not None:
                return float(hit.value), effective_qualifier(series.series_id), hit.raw, "专栏2"
        return None, "", "", ""
    if series.text_target_id:
        target = text_targets.set_index("target_id").loc[series.text_target_id]
        value = convert(float(target.value), target.unit, series.unit)
        where = f"{target.chapter}{target.section}"
        return value, target.qualifier, target.raw, where
    return None, "", "", ""


def trajectory(series_id: str) -> pd.DataFrame:
    """Long-form points for the chart: year, value, line, note, basis."""
    catalogue = series_catalogue().set_index("series_id")
    if series_id not in catalogue.index:
        raise KeyError(f"unknown series {series_id!r}")
    series = catalogue.loc[series_id]
    series = series.copy()
    series["series_id"] = series_id
    _, observations, _ = tables()
    first_id = series.previous_id or series_id
    points = []

    def add(year, value, line, note, basis="", period=None):
        points.append(
            {
                "year": year,
                "period": period or str(year),
                "value": value,
                "line": LINES[line],
                "line_key": line,
                "note": note,
                "basis": basis,
            }
        )

    if series.kind in LEVEL_KINDS or series.kind == "class":
        start = _obs(observations, first_id, "2010", "actual")
        # 专栏1 prints the 2015 basis ("44.56（新口径）") where 专栏2 does not;
        # the two values are the same (tests/test_provenance.py).
        end = _obs(observations, first_id, "2015", "actual")
        if end is None:
            end = _obs(observations, series_id, "2015", "actual")
        if start is not None:
            add(2010, float(start.value), "actual", start.raw.replace("\n", ""), start.basis)
        if end is not None:
            add(2015, float(end.value), "actual", end.raw.replace("\n", ""), end.basis)
        target, qualifier, raw, where = _target(series)
        if target is not None:
            add(2020, target, "target", target_words(raw, qualifier, where), "")
        if end is not None and target is not None and series.kind in ("level", "share", "ratio", "threshold"):
            base = float(end.value)
            kind = "share" if series.kind == "threshold" else series.kind
            # The rate read off current-price levels is nominal (专栏1 备注1): its label says so.
            pace = required_pace(kind, base, target, series.unit, qualifier == "approx", qualifier, end.price_basis)
            arithmetic = "level" if pace.unit == "%/年" else "share"
            for step in range(1, YEARS + 1):
                if pace.value is None:
                    break
                add(2015 + step, project(base, pace.value, step, arithmetic), "required", pace.labelled_text, "")
            add(2015, base, "required", pace.labelled_text, "")
        if end is not None and series.kind in ("level", "share", "ratio"):
            achieved = _carried_pace(series, first_id)
            if achieved is not None:
                rate, text = achieved
                caveat = carry_forward_caveat(first_id)
                text += f"。{caveat}" if caveat else ""
                base = float(end.value)
                add(2015, base, "previous", text, "")
                # A level in years (岁, 年) is carried forward by years a year, like a share.
                arithmetic = "share" if series.unit in LINEAR_LEVEL_UNITS else series.kind
                for step in range(1, YEARS + 1):
                    add(2015 + step, project(base, rate, step, arithmetic), "previous", text, "")
    else:
        for period, role in (("2006-2010", "actual"), ("2011-2015", "actual"), ("2011-2015", "published_growth")):
            hit = _obs(observations, first_id, period, role)
            if hit is None or (role == "published_growth" and (series.kind != "growth_rate" or hit.measure != "annual_rate")):
                continue
            if role == "actual" and series.kind == "growth_rate":
                continue
            label = period.replace("-", "—")
            add(int(period[-4:]), float(hit.value), "actual", hit.raw.replace("\n", ""), hit.price_basis, label)
        target, qualifier, raw, where = _target(series)
        if target is not None:
            add(2020, target, "target", target_words(raw, qualifier, where), "", "2016—2020")
    frame = pd.DataFrame(points, columns=["year", "period", "value", "line", "line_key", "note", "basis"])
    return frame.sort_values(["line_key", "year"], kind="stable").reset_index(drop=True)


def _carried_pace(series: pd.Series, first_id: str) -> tuple[float, str] | None:
    """The 2011–2015 pace to carry forward, in the arithmetic of the printed levels.

    For levels it is always the rate the two printed levels imply, never a
    published real rate: GDP's levels are at current prices (专栏1 备注1), so
    carrying 12.8 % real growth forward on them would mix two measures.
    """
    if series.kind == "level" and series.unit not in LINEAR_LEVEL_UNITS:
        pace = achieved_pace(first_id, "level")
        if pace.basis in ("published_real", "published_nominal", "published"):
            _, observations, _ = tables()
            start = _obs(observations, first_id, "2010", "actual")
            end = _obs(observations, first_id, "2015", "actual")
            if start is None or end is None or start.basis or end.basis:
                return None
            rate = compound_rate(float(start.value), float(end.value))
            if rate is None:
                return None
            nominal = f"（{PRICE_LABELS['current']}）" if start.price_basis == "current" else ""
            return rate * 100, f"按2010—2015年公布水平计算，年均 {plain(rate * 100, 2)}%{nominal}"
        if pace.value is None:
            return None
        return pace.value, f"按2010—2015年公布水平计算，{pace.text}"
    pace = achieved_pace(first_id, series.kind)
    if pace.value is None:
        return None
    return pace.value, f"“十二五”{pace.text}（{pace.basis_label}）"


def basis_break(series_id: str) -> str:
    """The basis change between 2010 and 2015, e.g. "旧口径→新口径", or ""."""
    points = trajectory(series_id)
    actual = points[points.line_key == "actual"]
    bases = [b for b in actual.basis if b in ("旧口径", "新口径", "旧标准", "新标准")]
    return "→".join(bases) if len(set(bases)) > 1 else ""


def level_paces() -> pd.DataFrame:
    """Every level series with a 2020 target: required and achieved % a year, side by side.

    Both rates are read off printed levels in the same way, so current-price
    levels are compared with current-price levels (nominal with nominal).
    Levels in years (岁, 年) move by years a year, not by a percentage: not ranked here.
    """
    rows = []
    for series in series_catalogue().itertuples():
        if series.kind != "level" or series.unit in LINEAR_LEVEL_UNITS:
            continue
        points = trajectory(series.series_id)
        required = points[points.line_key == "required"]
        if required.empty:
            continue
        previous = points[points.line_key == "previous"]
        base = points[(points.line_key == "actual") & (points.year == 2015)].value.iloc[0]
        target = points[points.line_key == "target"].value.iloc[0]
        achieved = None
        if not previous.empty:
            achieved = (previous[previous.year == 2016].value.iloc[0] / base - 1) * 100
        rows.append(
            {
                "series_id": series.series_id,
                "label": series.label,
                "required": (compound_rate(base, target) or 0) * 100,
                "achieved": achieved,
                "achieved_basis": previous.note.iloc[0] if not previous.empty else "专栏1未列可比数据",
                "gap": None if achieved is None else (compound_rate(base, target) or 0) * 100 - achieved,
            }
        )
    return pd.DataFrame(rows).sort_values("required", ascending=False).reset_index(drop=True)
