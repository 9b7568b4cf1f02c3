"""指标总览: 专栏1 and 专栏2 as printed, filtered, with one row's place in the plan.

URL: ``table`` (1 or 2), ``pillar`` and ``attribute`` (names, repeatable),
``kind`` (kind codes, repeatable), ``q`` (search words: names, ids and the
aliases of ``data/aliases.csv``), ``outcome`` (2020年结果 codes, repeatable:
met, not_met, basis_differs, no_figure; 专栏2 only), ``group=outcome`` (rows
grouped by 2020年结果), ``row`` (the
selected indicator id, e.g. ``t2_forest_cover``), ``columns=compact`` (the
narrow column set for phones). Older links carried the widgets' labels
(``table=专栏1 “十二五”（2010→2015）``, ``kind=五年累计（【】）``); those are read too.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from dataclasses import dataclass

import pandas as pd

from lib.engine import tables
from lib.plan import data, outcomes, schemas
from lib.present import exports
from lib.present.blocks import Link, target
from lib.views import query as q
from lib.views.indicators import outcome_filter
from lib.views.indicators.columns import COMPACT_ROW_HEIGHT, Column, cells, columns_of
from lib.views.indicators.columns import COMPACT_WIDTHS as COMPACT_WIDTHS  # the phone grid (tests/browser)
from lib.views.indicators.row_detail import Detail, detail
from lib.views.indicators.sorting import RowFilter, SortKey, positions, row_filter, sort_key
from lib.views.query import Notice, Query

KEYS = ("table", "pillar", "attribute", "kind", "q", "outcome", "group", "row", "columns")
MAX_QUERY = 60
TABLE_LABELS = {2: "专栏2 “十三五”", 1: "专栏1 “十二五”"}
LEGACY_TABLE_LABELS = {"专栏2 “十三五”（2015→2020）": 2, "专栏1 “十二五”（2010→2015）": 1}
KINDS = tuple(kind for kind in tables.KIND_LABELS if kind != "group")
COLUMN_SETS = {"full": "全部列", "compact": "精简列（适合手机）"}
# The count and the empty-list message, also filled in by the baked table's filter (bake/static/tables.js).
COUNTS = "显示 {shown} / {total} 行"
EMPTY = "没有符合筛选条件的指标。请放宽筛选或清空搜索框。"


@dataclass(frozen=True)
class State:
    table: int = 2
    pillar: tuple[str, ...] = ()
    attribute: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    q: str = ""
    outcome: tuple[str, ...] = ()  # 2020年结果 codes (lib.plan.outcomes.STATUSES); 专栏2 only
    group: str = ""  # "outcome": rows grouped by 2020年结果
    row: str = ""  # an indicator id; "" when no row is selected
    columns: str = "full"
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    table: int
    table_labels: dict[int, str]
    search_label: str
    search_placeholder: str
    max_query: int
    pillar_label: str
    pillars: tuple[str, ...]
    pillar_disabled: bool
    attribute_label: str
    attributes: tuple[str, ...]
    kind_label: str
    kind_labels: dict[str, str]
    outcome_label: str
    outcome_labels: dict[str, str]  # verdict code → “达到（12）”: each with its count
    outcome_disabled: bool  # 专栏1 has no 2020 outcome
    outcome_counts: str  # “2020年结果：达到 1 · 未达到 0 · …” over the rows the other filters leave, or ""
    groups: dict[str, str]
    columns_label: str
    column_sets: dict[str, str]
    heading: str
    counts: str
    empty: str  # shown when no row is left, else ""
    scroll_hint: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str | int | None, ...], ...]  # plain cells; the app builds its Arrow grid at draw time
    row_ids: tuple[str, ...]  # each row's indicator
    row_context: tuple[bool, ...]  # a heading shown only because a filter kept one of its sub-rows
    row_links: tuple[Link, ...]  # each row's own page (its detail)
    sort_keys: tuple[tuple[SortKey, ...], ...]  # per cell, aligned with rows (lib.views.indicators.sorting)
    filters: tuple[RowFilter, ...]  # per row: what a filter in the browser matches
    row_height: int | None
    grid_key: str  # changes with the rows, so a new list opens on the State's row
    selected: int | None  # position of the State's row among the rows
    detail: Detail | None
    detail_missing: str  # "所选指标：…" (plain text) when the State's row is filtered out, else ""
    missing_note: str
    hint: str
    csv_name: str
    excel_name: str


@functools.cache
def _indicator_ids() -> tuple[str, ...]:
    return tuple(data.load_indicators().indicator_id)


def _kind_spellings() -> dict[str, str]:
    return {**{kind: kind for kind in KINDS}, **{tables.KIND_LABELS[kind]: kind for kind in KINDS}}


def parse(query: Query) -> State:
    notices: list[Notice] = []
    q.unknown_keys(query, KEYS, notices)
    spellings = {"1": 1, "2": 2, **LEGACY_TABLE_LABELS, **{label: no for no, label in TABLE_LABELS.items()}}
    table = q.one_of(query, "table", spellings, 2, notices)
    pillar = q.many_of(query, "pillar", schemas.PILLARS, notices)
    attribute = q.many_of(query, "attribute", schemas.ATTRIBUTES, notices)
    kinds = _kind_spellings()
    kind = q.many_of({"kind": [kinds.get(v, v) for v in q.values(query, "kind")]}, "kind", KINDS, notices)
    text = q.text(query, "q", MAX_QUERY, notices)
    verdicts = {**{s: s for s in outcomes.STATUSES}, **{label: s for s, label in outcomes.STATUS_LABELS.items()}}
    outcome = q.many_of({"outcome": [verdicts.get(v, v) for v in q.values(query, "outcome")]}, "outcome", outcomes.STATUSES, notices)
    group = q.one_of(query, "group", {"outcome": "outcome", "2020年结果": "outcome"}, "", notices)
    row = q.one_of(query, "row", _indicator_ids(), "", notices)
    columns = q.one_of(query, "columns", tuple(COLUMN_SETS), "full", notices)
    return State(table, pillar, attribute, kind, text, outcome, group, row, columns, tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return q.query_of(
        [
            ("table", str(state.table), "2"),
            ("pillar", state.pillar, ()),
            ("attribute", state.attribute, ()),
            ("kind", state.kind, ()),
            ("q", state.q, ""),
            ("outcome", state.outcome, ()),
            ("group", state.group, ""),
            ("row", state.row, ""),
            ("columns", state.columns, "full"),
        ]
    )


def _before_outcome(state: State) -> pd.DataFrame:
    """The rows every filter but 2020年结果 keeps (the verdicts are counted over these)."""
    filtered = tables.filter_table(
        tables.indicator_table(state.table),
        pillars=list(state.pillar) if state.table == 2 else None,
        attributes=list(state.attribute),
        kinds=list(state.kind),
    )
    if not state.q.strip():
        return filtered
    return outcome_filter.with_aliases(filtered, tables.filter_table(filtered, query=state.q), state.q)


def shown_rows(state: State) -> pd.DataFrame:
    """The table's rows that pass the State's filters, every column the downloads need (no context rows)."""
    rows = _before_outcome(state)
    return outcome_filter.by_outcome(rows, state.outcome) if state.table == 2 else rows


def filters_text(state: State) -> str:
    """The filters in words, for the download's 说明 sheet."""
    parts = []
    if state.table == 2 and state.pillar:
        parts.append("五大发展：" + "、".join(state.pillar))
    if state.attribute:
        parts.append("指标属性：" + "、".join(state.attribute))
    if state.kind:
        parts.append("类型：" + "、".join(tables.KIND_LABELS[k] for k in state.kind))
    if state.q.strip():
        parts.append(f"搜索：{state.q.strip()}（含别名）")
    if state.table == 2 and state.outcome:
        parts.append("2020年结果：" + "、".join(outcomes.STATUS_LABELS[s] for s in state.outcome))
    return "；".join(parts) or "未筛选"


def build(state: State) -> View:
    table = tables.indicator_table(state.table)
    shown = shown_rows(state)
    compact = state.columns == "compact"
    columns = columns_of(state.table, compact)
    arranged = outcome_filter.arranged(shown, table, state.group if state.table == 2 else "")
    records = [r.record for r in arranged]
    rows = tuple(
        cells({**r.record, "指标": r.record["指标"].strip() + outcome_filter.CONTEXT_MARK} if r.context else r.record, columns)
        for r in arranged
    )
    row_ids = tuple(r["indicator_id"] for r in records)
    found = outcome_filter.counts(_before_outcome(state)) if state.table == 2 else {}
    context = sum(r.context for r in arranged)
    printed = positions(state.table)
    selected = row_ids.index(state.row) if state.row in row_ids else None
    missing = ""
    if state.row and selected is None:
        missing = "所选指标：" + data.load_indicators().set_index("indicator_id").loc[state.row, "name_zh"]
    grid = hashlib.sha1(repr(sorted((k, v) for k, v in to_query(state).items() if k != "row")).encode()).hexdigest()
    return View(
        title="指标总览",
        intro="专栏1、专栏2按原表顺序、编号与分组列出，数值照原文（含“左右”“＞”“【】”），右侧为计算列。" + tables.DIFFICULTY_NOTE,
        table=state.table,
        table_labels=TABLE_LABELS,
        search_label="搜索指标",
        search_placeholder="如：森林、收入、PM2.5",
        max_query=MAX_QUERY,
        pillar_label="五大发展（仅专栏2）",
        pillars=schemas.PILLARS,
        pillar_disabled=state.table == 1,
        attribute_label="指标属性",
        attributes=schemas.ATTRIBUTES,
        kind_label="类型",
        kind_labels={kind: tables.KIND_LABELS[kind] for kind in KINDS},
        outcome_label="2020年结果（仅专栏2，括号内为条数）",
        outcome_labels=outcome_filter.labels_with_counts(found or dict.fromkeys(outcomes.STATUSES, 0)),
        outcome_disabled=state.table == 1,
        outcome_counts=outcome_filter.counts_text(found) if found else "",
        groups=outcome_filter.GROUPS,
        columns_label="显示列",
        column_sets=COLUMN_SETS,
        heading=tables.TABLE_TITLES[state.table],
        counts=COUNTS.format(shown=len(arranged) - context, total=len(table)) + (f"（另有{context}行上级分组作参照）" if context else ""),
        empty="" if len(shown) else EMPTY,
        scroll_hint="表格比屏幕宽时，可在表内左右滑动；手机上可选“精简列”。" if not compact else "点选一行可看完整数值与出处。",
        columns=columns,
        rows=rows,
        row_ids=row_ids,
        row_context=tuple(r.context for r in arranged),
        row_links=tuple(
            Link(record["指标"].strip(), target("indicators", to_query(State(table=state.table, row=record["indicator_id"]))))
            for record in records
        ),
        sort_keys=tuple(tuple(sort_key(c.name, record, printed[record["indicator_id"]]) for c in columns) for record in records),
        filters=tuple(row_filter(record, state.table) for record in records),
        row_height=COMPACT_ROW_HEIGHT if compact else None,
        grid_key=f"grid_{grid[:12]}",
        selected=selected,
        detail=None if selected is None else detail(records[selected]),
        detail_missing=missing,
        missing_note="所选指标不在当前表格或筛选结果中；放宽筛选或切换指标表即可再看到它的详情。",
        hint="点选表格左侧的方框，可查看该指标在规划原文中的出处、原表数值与备注。",
        csv_name=f"zhuanlan{state.table}.csv",
        excel_name=f"zhuanlan{state.table}.xlsx",
    )


def csv_bytes(state: State) -> bytes:
    return _csv_bytes(dataclasses.replace(state, notices=()))


def excel_bytes(state: State) -> bytes:
    return _excel_bytes(dataclasses.replace(state, notices=()))


# Built on a download click, once per State: a second click or another visitor gets the same bytes.
@functools.lru_cache(maxsize=64)
def _csv_bytes(state: State) -> bytes:
    return exports.to_csv_bytes(exports.indicator_frame(shown_rows(state), state.table))


@functools.lru_cache(maxsize=64)
def _excel_bytes(state: State) -> bytes:
    shown = shown_rows(state)
    about = exports.about_rows(state.table, filters_text(state), len(shown), len(tables.indicator_table(state.table)))
    frame = exports.indicator_frame(shown, state.table)
    return exports.to_workbook_bytes(frame, f"专栏{state.table}", about, percent_columns=("以往÷所需",))
