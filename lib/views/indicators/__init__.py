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

import functools
import hashlib
from dataclasses import dataclass

from lib.engine import tables
from lib.plan import data, outcomes, schemas
from lib.present.blocks import Link, target
from lib.present.i18n import DEFAULT, N_, ZH_CN, gettext, sentences, term
from lib.views import query as q
from lib.views.indicators import outcome_filter
from lib.views.indicators.columns import COMPACT_ROW_HEIGHT as COMPACT_ROW_HEIGHT  # tests/test_view_indicators.py
from lib.views.indicators.columns import COMPACT_WIDTHS as COMPACT_WIDTHS  # the phone grid (tests/browser)
from lib.views.indicators.columns import Column, cells, columns_of, row_height
from lib.views.indicators.detail_languages import LANGUAGE_NOTE
from lib.views.indicators.downloads import csv_bytes as csv_bytes
from lib.views.indicators.downloads import excel_bytes as excel_bytes
from lib.views.indicators.downloads import file_name
from lib.views.indicators.downloads import filters_text as filters_text
from lib.views.indicators.languages import record_in, table_title
from lib.views.indicators.row_detail import Detail, detail
from lib.views.indicators.rows import before_outcome
from lib.views.indicators.rows import shown_rows as shown_rows
from lib.views.indicators.sorting import RowFilter, SortKey, positions, row_filter, sort_key
from lib.views.query import Notice, Query

KEYS = ("table", "pillar", "attribute", "kind", "q", "outcome", "group", "row", "columns", q.LANG)
MAX_QUERY = 60
TABLE_LABELS = {2: N_("专栏2 “十三五”"), 1: N_("专栏1 “十二五”")}
LEGACY_TABLE_LABELS = {"专栏2 “十三五”（2015→2020）": 2, "专栏1 “十二五”（2010→2015）": 1}
KINDS = tuple(kind for kind in tables.KIND_LABELS if kind != "group")
COLUMN_SETS = {"full": N_("全部列"), "compact": N_("精简列（适合手机）")}
# The count and the empty-list message, also filled in by the baked table's filter (bake/static/tables.js).
COUNTS = N_("显示 {shown} / {total} 行")
EMPTY = N_("没有符合筛选条件的指标。请放宽筛选或清空搜索框。")


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
    lang: str = DEFAULT
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
    lang: str = DEFAULT
    pillar_labels: dict[str, str] | None = None  # each pillar (the URL's 简体 value) as shown
    attribute_labels: dict[str, str] | None = None
    counts_format: str = COUNTS  # COUNTS in the page's language, for the baked filter
    empty_message: str = EMPTY
    download_labels: tuple[str, str] = ("下载 CSV", "下载 Excel")
    grid_label: str = "指标表"  # the table switch's label
    language_note: str = ""  # in English and 繁體: the plan's sentences stay as printed, in 简体


@functools.cache
def _indicator_ids() -> tuple[str, ...]:
    return tuple(data.load_indicators().indicator_id)


def _kind_spellings() -> dict[str, str]:
    return {**{kind: kind for kind in KINDS}, **{tables.KIND_LABELS[kind]: kind for kind in KINDS}}


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
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
    return State(table, pillar, attribute, kind, text, outcome, group, row, columns, lang, tuple(notices))


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
            (q.LANG, state.lang, DEFAULT),
        ]
    )


def build(state: State) -> View:
    lang = state.lang
    _ = gettext(lang)
    table = tables.indicator_table(state.table)
    shown = shown_rows(state)
    compact = state.columns == "compact"
    columns = columns_of(state.table, compact, lang)
    arranged = outcome_filter.arranged(shown, table, state.group if state.table == 2 else "")
    records = [r.record for r in arranged]
    words = [record_in(r, lang) for r in records]  # each record's cells in the page's language
    context_mark = _(outcome_filter.CONTEXT_MARK)
    rows = tuple(cells({**w, "指标": w["指标"].strip() + context_mark} if r.context else w, columns, lang) for r, w in zip(arranged, words))
    row_ids = tuple(r["indicator_id"] for r in records)
    found = outcome_filter.counts(before_outcome(state)) if state.table == 2 else {}
    context = sum(r.context for r in arranged)
    printed = positions(state.table)
    selected = row_ids.index(state.row) if state.row in row_ids else None
    missing = ""
    if state.row and selected is None:
        name = data.load_indicators().set_index("indicator_id").loc[state.row, "name_zh"]
        missing = _("所选指标：{name}").format(name=term(name, "indicator", lang))
    grid = hashlib.sha1(repr(sorted((k, v) for k, v in to_query(state).items() if k != "row")).encode()).hexdigest()
    counts = _(COUNTS).format(shown=len(arranged) - context, total=len(table))
    compact_hint = _("点选一行可看完整数值与出处。")
    return View(
        title=_("指标总览"),
        intro=sentences(
            lang, _("专栏1、专栏2按原表顺序、编号与分组列出，数值照原文（含“左右”“＞”“【】”），右侧为计算列。"), _(tables.DIFFICULTY_NOTE)
        ),
        table=state.table,
        table_labels={number: _(label) for number, label in TABLE_LABELS.items()},
        search_label=_("搜索指标"),
        search_placeholder=_("如：森林、收入、PM2.5"),
        max_query=MAX_QUERY,
        pillar_label=_("五大发展（仅专栏2）"),
        pillars=schemas.PILLARS,
        pillar_disabled=state.table == 1,
        attribute_label=_("指标属性"),
        attributes=schemas.ATTRIBUTES,
        kind_label=_("类型"),
        kind_labels={kind: term(tables.KIND_LABELS[kind], "method", lang) for kind in KINDS},
        outcome_label=_("2020年结果（仅专栏2，括号内为条数）"),
        outcome_labels=outcome_filter.labels_with_counts(found or dict.fromkeys(outcomes.STATUSES, 0), lang),
        outcome_disabled=state.table == 1,
        outcome_counts=outcome_filter.counts_text(found, lang) if found else "",
        groups={key: _(label) for key, label in outcome_filter.GROUPS.items()},
        columns_label=_("显示列"),
        column_sets={key: _(label) for key, label in COLUMN_SETS.items()},
        heading=table_title(state.table, lang),
        counts=counts + (_("（另有{count}行上级分组作参照）").format(count=context) if context else ""),
        empty="" if len(shown) else _(EMPTY),
        scroll_hint=_("表格比屏幕宽时，可在表内左右滑动；手机上可选“精简列”。") if not compact else compact_hint,
        columns=columns,
        rows=rows,
        row_ids=row_ids,
        row_context=tuple(r.context for r in arranged),
        row_links=tuple(
            Link(w["指标"].strip(), target("indicators", to_query(State(table=state.table, row=r["indicator_id"], lang=lang))))
            for r, w in zip(records, words)
        ),
        sort_keys=tuple(tuple(sort_key(c.name, w, printed[w["indicator_id"]]) for c in columns) for w in words),
        filters=tuple(row_filter(r, state.table, w["指标"].strip()) for r, w in zip(records, words)),
        row_height=row_height(compact, lang),
        grid_key=f"grid_{grid[:12]}",
        selected=selected,
        detail=None if selected is None else detail(records[selected], lang),
        detail_missing=missing,
        missing_note=_("所选指标不在当前表格或筛选结果中；放宽筛选或切换指标表即可再看到它的详情。"),
        hint=_("点选表格左侧的方框，可查看该指标在规划原文中的出处、原表数值与备注。"),
        csv_name=file_name(state.table, "csv", lang),
        excel_name=file_name(state.table, "xlsx", lang),
        lang=lang,
        pillar_labels={pillar: term(pillar, "pillar", lang) for pillar in schemas.PILLARS},
        attribute_labels={attribute: term(attribute, "attribute", lang) for attribute in schemas.ATTRIBUTES},
        counts_format=_(COUNTS),
        empty_message=_(EMPTY),
        download_labels=(_("下载 CSV"), _("下载 Excel")),
        grid_label=_("指标表"),
        language_note="" if lang == ZH_CN else _(LANGUAGE_NOTE),
    )
