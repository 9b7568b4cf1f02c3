"""指标总览 by 2020年结果: the verdict filter, the count of each verdict, grouping, and parents as context.

Officials ask first how 2020 turned out. The verdict is 专栏2's only (专栏1 ended
in 2015), so on 专栏1 the filter and the counts are absent. The counts are taken
over the rows the other filters (words, 五大发展, 属性, 类型) leave, before the
verdict filter, so each count says what picking that verdict would show.

A sub-row (森林覆盖率) means little without its heading (森林增长): when a filter
keeps a sub-row but not its heading, the heading comes along, marked as context,
and is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.plan import aliases, data
from lib.plan.outcomes import STATUS_LABELS, STATUSES
from lib.present.i18n import N_, ZH_CN, gettext, term

STATUS_FIELD = "结果#status"
CONTEXT_MARK = N_("（上级分组，仅作参照）")
GROUPS = {"outcome": N_("按2020年结果分组")}


@dataclass(frozen=True)
class ShownRow:
    record: dict
    context: bool  # a heading brought along for a sub-row the filters kept


def with_aliases(before_words: pd.DataFrame, by_words: pd.DataFrame, words: str) -> pd.DataFrame:
    """The rows the words find by name or id (``by_words``), plus those an alias names, in printed order."""
    named = set(aliases.indicators_matching(words))
    keep = before_words.index.isin(by_words.index) | before_words.indicator_id.isin(named)
    return before_words[keep]


def by_outcome(rows: pd.DataFrame, chosen: tuple[str, ...]) -> pd.DataFrame:
    return rows[rows[STATUS_FIELD].isin(chosen)] if chosen else rows


def counts(rows: pd.DataFrame) -> dict[str, int]:
    """How many of the rows have each verdict (headings have none)."""
    found = rows[STATUS_FIELD].value_counts() if STATUS_FIELD in rows else pd.Series(dtype=int)
    return {status: int(found.get(status, 0)) for status in STATUSES}


def counts_text(found: dict[str, int], lang: str = ZH_CN) -> str:
    said = " · ".join(f"{term(STATUS_LABELS[s], 'verdict', lang)} {n}" for s, n in found.items())
    _ = gettext(lang)
    return _("2020年结果：{counts}").format(counts=said)


def labels_with_counts(found: dict[str, int], lang: str = ZH_CN) -> dict[str, str]:
    _ = gettext(lang)
    return {
        status: _("{label}（{count}）").format(label=term(STATUS_LABELS[status], "verdict", lang), count=n) for status, n in found.items()
    }


def arranged(matched: pd.DataFrame, table: pd.DataFrame, group: str) -> tuple[ShownRow, ...]:
    """The matched rows in printed order (or by verdict when grouped), each sub-row after its heading.

    A heading the filters dropped is put back before its first kept sub-row (once per
    verdict group when grouped), marked as context.
    """
    by_id = {r["indicator_id"]: r for r in table.to_dict("records")}
    indicators = data.load_indicators()
    parents = dict(zip(indicators.indicator_id, indicators.parent_id.fillna("")))
    records = matched.to_dict("records")
    if group == "outcome":
        # A heading has no verdict of its own: it comes before its sub-rows in each verdict's group instead.
        records = [r for r in records if r["kind"] != "group"]
    kept = {r["indicator_id"] for r in records}
    if group == "outcome":
        order = {status: i for i, status in enumerate(STATUSES)}
        records.sort(key=lambda r: order.get(r.get(STATUS_FIELD, ""), len(order)))  # stable: printed order within a verdict
    shown: list[ShownRow] = []
    brought: set[tuple[str, str]] = set()
    for record in records:
        parent = parents.get(record["indicator_id"], "")
        verdict = record.get(STATUS_FIELD, "") if group == "outcome" else ""
        if parent and parent not in kept and (parent, verdict) not in brought:
            brought.add((parent, verdict))
            shown.append(ShownRow(by_id[parent], context=True))
        shown.append(ShownRow(record, context=False))
    return tuple(shown)
