"""The series a reader can follow from 2010 to 2020, and what the plan prints about each.

A series joins a 专栏2 row with the 专栏1 row that measures the same thing
(``previous_id``), or stands for a 专栏1 row whose 2020 target is set in the
body text (GDP: its 2020 level is set in 第一章第三节).
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from lib.plan import data

DEFAULT_SERIES = "t1_gdp"
# Decimals as printed: "15719.72" has two, "45" none, "2.6∶1" one.
_DECIMALS = re.compile(r"\d+(?:\.(\d+))?")


@functools.cache
def tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Indicators, observations and text targets, read once per process."""
    return data.load_indicators(), data.load_observations(), data.load_text_targets()


def _printed_digits(observations: pd.DataFrame, ids: set[str]) -> int:
    """The most decimals any printed level or target of these rows carries."""
    cells = observations[observations.indicator_id.isin(ids) & observations.role.isin(["actual", "target"])]
    found = [len(m.group(1) or "") for raw in cells.raw for m in _DECIMALS.finditer(str(raw))]
    return max(found, default=0)


@functools.cache
def series_catalogue() -> pd.DataFrame:
    """Every selectable series: id, label, kind, unit, printed decimals and where its points come from."""
    indicators, observations, text_targets = tables()
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
        # Only a target with a figure can be drawn (not 人口适度增长, 全覆盖 …).
        linked = text_targets[
            (text_targets.indicator_id == row.indicator_id) & (text_targets.year == 2020) & (text_targets.target_type == "number")
        ]
        rows.append(
            {
                "series_id": row.indicator_id,
                "label": f"{row.name_zh}（专栏{row.table_no}·{number}）",
                "name_zh": row.name_zh,
                "number": number,
                "kind": row.kind,
                "unit": row.unit,
                "direction": row.direction,
                "table_no": row.table_no,
                "previous_id": row.previous_id,
                "text_target_id": linked.target_id.iloc[0] if len(linked) and row.table_no == 1 else "",
                "pillar": row.pillar,
                "digits": _printed_digits(observations, {row.indicator_id, row.previous_id} - {""}),
            }
        )
    return pd.DataFrame(rows)


@functools.cache
def series_labels() -> dict[str, str]:
    """Series id → its label, in the catalogue's order (the drop-downs of 指标轨迹 and 指标对比)."""
    catalogue = series_catalogue()
    return dict(zip(catalogue.series_id, catalogue.label))


@functools.cache
def series_spellings() -> dict[str, str]:
    """What a URL may name a series by: its id, or the drop-down label older links carried."""
    labels = series_labels()
    return {**{series: series for series in labels}, **{label: series for series, label in labels.items()}}


def series_label(series_id: str) -> str:
    return series_catalogue().set_index("series_id").loc[series_id, "label"]


def related_text_targets(series_id: str) -> pd.DataFrame:
    """The body text's targets that restate this series (its own id or the 专栏1 row it continues)."""
    catalogue = series_catalogue().set_index("series_id")
    ids = {series_id} | ({catalogue.loc[series_id, "previous_id"]} - {""})
    _, _, text_targets = tables()
    return text_targets[text_targets.indicator_id.isin(ids)].reset_index(drop=True)


@functools.cache
def _series_by_indicator() -> dict[str, str]:
    catalogue = series_catalogue()
    own = {indicator: indicator for indicator in catalogue.series_id}
    # A 专栏1 row continued by a 专栏2 row of the same kind has no series of its own (series_catalogue):
    # it is drawn on the 专栏2 row's series. Its own id wins where it has one (GDP's level beside GDP growth).
    continued = {row.previous_id: row.series_id for row in catalogue.itertuples() if row.previous_id}
    return {**continued, **own}


def series_of(indicator: str) -> str | None:
    """The series an indicator is drawn on in 指标轨迹: its own, or the 专栏2 series that continues
    a 专栏1 row (t1_forest_cover → t2_forest_cover); None for a group heading, which has no line."""
    return _series_by_indicator().get(indicator)
