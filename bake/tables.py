"""专栏1 and 专栏2 filtered and sorted in the browser: what each baked row and cell carries for it.

The printed text is never touched. Sorting (sortable-tablesort, vendored) reads a cell's
``data-sort``: the recorded number behind a printed cell ("2.5万亿元", "＞10", "【200】",
"9%左右" sort by 25000, 10, 200, 9), a pace's number, the ratio, the 难度 in lib's order;
"" where there is none, and the table's ``n-last`` puts those last either way. 序号 sorts
by printed position, so sorting it brings back the printed order. Filtering
(bake/static/tables.js) reads each row's ``data-name``, ``data-id``, ``data-pillar`` and
``data-attribute``: the fields lib.engine.tables.filter_table matches, with the same rule.
"""

from __future__ import annotations

import functools
import math

import pandas as pd

from lib.engine import tables
from lib.plan import data
from lib.views import indicators

# A View column and the table's field holding the number it sorts by (value columns go by their #obs).
NUMBER_FIELDS = {"所需速度": "所需#value", "以往速度": "以往#value", "以往÷所需": "以往÷所需", "2011—2015年速度": "速度#value"}
# 难度 from the easiest to the hardest, as lib.engine.tables lists its icons; 无法比较 has no place.
DIFFICULTY_ORDER = tuple(status for status in tables.STATUS_ICONS if status != "cannot_assess")


@functools.cache
def _values() -> dict[str, float]:
    observations = data.load_observations()
    return {obs_id: float(v) for obs_id, v in zip(observations.obs_id, observations.value) if pd.notna(v)}


def _number(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return repr(float(value))


def _sort_key(column: indicators.Column, record: dict, position: int) -> str | None:
    """The cell's data-sort, or None where its own text sorts it (names, units, words)."""
    name = column.name
    if name == "序号":
        return str(position)
    if name == "指标":
        return record["指标"].strip()  # a sub-row's indent would sort it before every name
    if f"{name}#obs" in record:
        return _number(_values().get(record[f"{name}#obs"]))
    if name in NUMBER_FIELDS:
        return _number(record.get(NUMBER_FIELDS[name]))
    if name == "难度":
        status = record.get("status") or ""
        return str(DIFFICULTY_ORDER.index(status)) if status in DIFFICULTY_ORDER else ""
    return None


@functools.cache
def _records(table: int) -> dict[str, tuple[int, dict]]:
    frame = tables.indicator_table(table)
    return {record["indicator_id"]: (position, record) for position, record in enumerate(frame.to_dict("records"))}


def row_data(view: indicators.View) -> dict[str, dict]:
    """For each row id: its filter fields and its cells' sort keys (aligned with view.columns)."""
    records = _records(view.table)
    result = {}
    for row_id in view.row_ids:
        position, record = records[row_id]
        result[row_id] = {
            "name": record["指标"].strip(),
            "pillar": record["五大发展"] if view.table == 2 else "",
            "attribute": record["属性"],
            "sort": [_sort_key(column, record, position) for column in view.columns],
        }
    return result
