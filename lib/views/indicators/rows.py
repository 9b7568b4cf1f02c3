"""The rows 指标总览 shows for a State: every filter applied (the page, its downloads and the handout share them)."""

from __future__ import annotations

import pandas as pd

from lib.engine import tables
from lib.present.i18n import EN, term
from lib.views.indicators import outcome_filter


def before_outcome(state) -> pd.DataFrame:
    """The rows every filter but 2020年结果 keeps (the verdicts are counted over these)."""
    filtered = tables.filter_table(
        tables.indicator_table(state.table),
        pillars=list(state.pillar) if state.table == 2 else None,
        attributes=list(state.attribute),
        kinds=list(state.kind),
    )
    if not state.q.strip():
        return filtered
    found = outcome_filter.with_aliases(filtered, tables.filter_table(filtered, query=state.q), state.q)
    if state.lang != EN:
        return found
    # An English reader searches the English names too (the 简体 names, ids and aliases still match).
    words = state.q.strip().casefold()
    english = filtered["指标"].map(lambda name: words in term(name.strip(), "indicator", EN).casefold())
    return filtered[filtered.index.isin(found.index) | english]


def shown_rows(state) -> pd.DataFrame:
    """The table's rows that pass the State's filters, every column the downloads need (no context rows)."""
    rows = before_outcome(state)
    return outcome_filter.by_outcome(rows, state.outcome) if state.table == 2 else rows
