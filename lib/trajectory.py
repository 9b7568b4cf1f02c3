"""Each indicator's 2010 → 2015 → 2020 path: printed points, required path, previous pace.

A series joins a 专栏2 row with the 专栏1 row that measures the same thing
(``previous_id``), or stands for a 专栏1 row whose 2020 target is set in the
body text (GDP: 2.5万亿元 in 第一章第三节).
"""

from __future__ import annotations

import functools

import pandas as pd

from lib import data
from lib.pace import YEARS, achieved_pace, compound_rate, required_pace
from lib.params import markdown_escape
from lib.targets import target_obs_ids
from lib.values import format_number

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
DEFAULT_SERIES = "t1_gdp"


def convert(value: float, unit: str, to_unit: str) -> float | None:
    if unit == to_unit:
        return value
    factor = UNIT_FACTORS.get((unit, to_unit))
    return None if factor is None else value * factor


@functools.cache
def _tables():
    return data.load_indicators(), data.load_observations(), data.load_text_targets()


@functools.cache
def series_catalogue() -> pd.DataFrame:
    """Every selectable series: id, label, kind, unit and where its points come from."""
    indicators, _, text_targets = _tables()
    by_id = indicators.set_index("indicator_id")
    # A 专栏1 row continued by a 专栏2 row of the same kind is one series;
    # GDP (a level) and GDP growth (a rate) stay two.
    kinds = dict(zip(indicators.indicator_id, indicators.kind))
    successors = {r.previous_id for r in indicators.itertuples() if r.previous_id and kinds[r.previous_id] == r.kind}
    rows = []
    for row in indicators.itertuples():
        if row.kind == "group" or row.indicator_id in successors:
            continue
        number = row.number or by_id.loc[row.parent_id, "number"]
        linked = text_targets[(text_targets.indicator_id == row.indicator_id) & (text_targets.year == 2020)]
        rows.append(
            {
                "series_id": row.indicator_id,
                "label": f"{row.name_zh}（专栏{row.table_no}·{number}）",
                "name_zh": row.name_zh,
                "kind": row.kind,
                "unit": row.unit,
                "direction": row.direction,
                "table_no": row.table_no,
                "previous_id": row.previous_id,
                "text_target_id": linked.target_id.iloc[0] if len(linked) and row.table_no == 1 else "",
                "pillar": row.pillar,
            }
        )
    return pd.DataFrame(rows)


def series_label(series_id: str) -> str:
    catalogue = series_catalogue().set_index("series_id")
    return catalogue.loc[series_id, "label"]


def _obs(observations: pd.DataFrame, indicator_id: str, period: str, role: str) -> pd.Series | None:
    hit = observations[(observations.indicator_id == indicator_id) & (observations.period == period) & (observations.role == role)]
    if hit.empty or pd.isna(hit.value.iloc[0]):
        return None
    return hit.iloc[0]


def _target(series: pd.Series) -> tuple[float | None, str, str, str]:
    """The 2020 target: value in the series' unit, qualifier, raw text, and where it is printed."""
    _, observations, text_targets = _tables()
    if series.table_no == 2:
        for obs_id in target_obs_ids(series.series_id):
            period = obs_id.split(".")[1]
            hit = _obs(observations, series.series_id, period, "target")
            if hit is not None:
                return float(hit.value), hit.qualifier, hit.raw, "专栏2"
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
    _, observations, _ = _tables()
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
            add(2020, target, "target", f"{raw}（{where}）", "")
        if end is not None and target is not None and series.kind in ("level", "share", "ratio", "threshold"):
            base = float(end.value)
            pace = required_pace("share" if series.kind == "threshold" else series.kind, base, target, series.unit)
            for step in range(1, YEARS + 1):
                if pace.value is None:
                    break
                value = base * (1 + pace.value / 100) ** step if pace.unit == "%/年" else base + pace.value * step
                add(2015 + step, value, "required", pace.text, "")
            add(2015, base, "required", pace.text, "")
        if end is not None and series.kind in ("level", "share", "ratio"):
            achieved = _carried_pace(series, first_id)
            if achieved is not None:
                rate, text = achieved
                base = float(end.value)
                add(2015, base, "previous", text, "")
                for step in range(1, YEARS + 1):
                    value = base * (1 + rate / 100) ** step if series.kind == "level" else base + rate * step
                    add(2015 + step, value, "previous", text, "")
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
            add(2020, target, "target", f"{raw}（{where}）", "", "2016—2020")
    frame = pd.DataFrame(points, columns=["year", "period", "value", "line", "line_key", "note", "basis"])
    return frame.sort_values(["line_key", "year"], kind="stable").reset_index(drop=True)


def _carried_pace(series: pd.Series, first_id: str) -> tuple[float, str] | None:
    """The 2011–2015 pace to carry forward, in the arithmetic of the printed levels.

    For levels it is always the rate the two printed levels imply, never a
    published real rate: GDP's levels are at current prices (专栏1 备注1), so
    carrying 12.8 % real growth forward on them would mix two measures.
    """
    if series.kind == "level":
        pace = achieved_pace(first_id, "level")
        if pace.basis in ("published_real", "published_nominal", "published"):
            _, observations, _ = _tables()
            start = _obs(observations, first_id, "2010", "actual")
            end = _obs(observations, first_id, "2015", "actual")
            if start is None or end is None or start.basis or end.basis:
                return None
            rate = compound_rate(float(start.value), float(end.value))
            if rate is None:
                return None
            nominal = "（名义，现价）" if start.price_basis == "current" else ""
            return rate * 100, f"按2010—2015年公布水平计算，年均 {format_number(rate * 100, 2)}%{nominal}"
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
    """
    rows = []
    for series in series_catalogue().itertuples():
        if series.kind != "level":
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


def related_text_targets(series_id: str) -> pd.DataFrame:
    """The body text's targets that restate this series (its own id or the 专栏1 row it continues)."""
    catalogue = series_catalogue().set_index("series_id")
    ids = {series_id} | ({catalogue.loc[series_id, "previous_id"]} - {""})
    _, _, text_targets = _tables()
    return text_targets[text_targets.indicator_id.isin(ids)].reset_index(drop=True)


def series_view(series_id: str) -> dict:
    """What the Trajectories page shows beside the chart for one series, as plain values.

    Built once per series and cached by the page, so a rerun does no pandas
    work. Text from the data is escaped for markdown here.
    """
    catalogue = series_catalogue().set_index("series_id")
    if series_id not in catalogue.index:
        raise KeyError(f"unknown series {series_id!r}")
    chosen = catalogue.loc[series_id]
    points = trajectory(series_id)
    target = points[points.line_key == "target"]
    summary = ""
    if not target.empty:
        summary = f"2020年目标：{target.note.iloc[0]}"
        required = points[points.line_key == "required"]
        if not required.empty:
            summary += f"　·　完成目标所需：{required.note.iloc[0]}"
    notes = points[points.line_key.isin(["required", "previous"])].drop_duplicates("line_key")
    related = related_text_targets(series_id)
    return {
        "kind": chosen.kind,
        "unit": chosen.unit,
        "has_points": not points.empty,
        "summary": markdown_escape(summary),
        "basis_break": basis_break(series_id),
        "class_rows": points[["period", "line", "note"]].to_dict("records") if chosen.kind == "class" else [],
        "notes": [f"- **{n.line}**：{n.note}" for n in notes.itertuples()],
        "related": [
            {
                "text": markdown_escape(t.sentence),
                "place": f"{t.chapter}{t.section}" + (f" {t.box}" if t.box else ""),
                "query": {"chapter": t.chapter, **({"section": t.section} if t.section else {})},
            }
            for t in related.itertuples()
        ],
    }
