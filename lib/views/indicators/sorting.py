"""What a row of 指标总览 sorts and filters by, beside the text it shows.

The printed text is never touched. A cell's sort key is the recorded number behind
a printed cell ("2.5万亿元", "＞10", "【200】", "9%左右" sort by 25000, 10, 200, 9),
a pace's number, the ratio, the 难度 in lib's order; "" where there is none (a
renderer puts blanks last either way), and None where the cell's own text sorts
it (names, units, words). 序号 sorts by printed position, so sorting it brings
back the printed order. A row's filter fields are what lib.engine.tables.filter_table
matches (name, id, pillar, attribute), so a renderer filtering in the browser
(bake/static/tables.js) keeps the rows the app keeps.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

import pandas as pd

from lib.engine import tables
from lib.plan import data

# A column and the table's field holding the number it sorts by (value columns go by their #obs).
NUMBER_FIELDS = {"所需速度": "所需#value", "以往速度": "以往#value", "以往÷所需": "以往÷所需", "2011—2015年速度": "速度#value"}
# 难度 from the easiest to the hardest, as lib.engine.tables lists its icons; 无法比较 has no place.
DIFFICULTY_ORDER = tuple(status for status in tables.STATUS_ICONS if status != "cannot_assess")

SortKey = str | int | float | None


@dataclass(frozen=True)
class RowFilter:
    """The fields a row is filtered by: its name (no indent), its pillar (专栏2 only) and attribute."""

    name: str
    pillar: str
    attribute: str


@functools.cache
def _values() -> dict[str, float]:
    observations = data.load_observations()
    return {obs_id: float(v) for obs_id, v in zip(observations.obs_id, observations.value) if pd.notna(v)}


@functools.cache
def positions(table: int) -> dict[str, int]:
    """Each row's printed position in its table."""
    return {indicator: position for position, indicator in enumerate(tables.indicator_table(table).indicator_id)}


def _number(value) -> float | str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return float(value)


def sort_key(name: str, record: dict, position: int) -> SortKey:
    """The cell's sort key under column ``name``, or None where its own text sorts it."""
    if name == "序号":
        return position
    if name == "指标":
        return record["指标"].strip()  # a sub-row's indent would sort it before every name
    if f"{name}#obs" in record:
        return _number(_values().get(record[f"{name}#obs"]))
    if name in NUMBER_FIELDS:
        return _number(record.get(NUMBER_FIELDS[name]))
    if name == "难度":
        status = record.get("status") or ""
        return DIFFICULTY_ORDER.index(status) if status in DIFFICULTY_ORDER else ""
    return None


def row_filter(record: dict, table: int, name: str = "") -> RowFilter:
    """``name``: the row's name in the page's language, matched beside the 简体 name (issue 27)."""
    printed = record["指标"].strip()
    return RowFilter(
        f"{name} · {printed}" if name and name != printed else printed, record["五大发展"] if table == 2 else "", record["属性"]
    )
