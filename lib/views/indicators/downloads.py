"""指标总览's downloads: the shown rows as CSV and Excel, in the page's language (issue 27).

The 简体 files are what they always were, byte for byte (lib.present.exports); an
English or 繁體 State gives the same rows with their headers, terms, units,
printed cells and the 说明 sheet in its language (lib.present.exports_languages),
and English file names in English.
"""

from __future__ import annotations

import dataclasses
import functools

import pandas as pd

from lib.engine import tables
from lib.plan import outcomes
from lib.present import exports, exports_languages
from lib.present.i18n import EN, ZH_CN, gettext, hant, term
from lib.views.indicators.detail_languages import REASONS
from lib.views.indicators.languages import record_in
from lib.views.indicators.rows import shown_rows


def file_name(table: int, extension: str, lang: str = ZH_CN) -> str:
    """zhuanlan2.csv (专栏2 in pinyin); in English box2_indicators.csv."""
    return f"box{table}_indicators.{extension}" if lang == EN else f"zhuanlan{table}.{extension}"


def filters_text(state) -> str:
    """The filters in words, for the download's 说明 sheet."""
    lang = state.lang
    _ = gettext(lang)

    def said(label: str, values) -> str:
        return _("{label}：{values}").format(label=_(label), values=_("、").join(values))

    parts = []
    if state.table == 2 and state.pillar:
        parts.append(said("五大发展", (term(p, "pillar", lang) for p in state.pillar)))
    if state.attribute:
        parts.append(said("指标属性", (term(a, "attribute", lang) for a in state.attribute)))
    if state.kind:
        parts.append(said("类型", (term(tables.KIND_LABELS[k], "method", lang) for k in state.kind)))
    if state.q.strip():
        parts.append(_("搜索：{words}（含别名）").format(words=state.q.strip()))
    if state.table == 2 and state.outcome:
        parts.append(said("2020年结果", (term(outcomes.STATUS_LABELS[s], "verdict", lang) for s in state.outcome)))
    return _("；").join(parts) or _("未筛选")


def _records(shown: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The shown rows with their words in ``lang`` (numbers and ids untouched)."""
    if lang == ZH_CN:
        return shown
    _ = gettext(lang)
    records = []
    for record in shown.to_dict("records"):
        translated = record_in(record, lang)
        if record.get("原因说明"):
            reason = record.get("原因", "")
            translated["原因说明"] = _(REASONS[reason]) if reason in REASONS else hant(record["原因说明"])
        records.append(translated)
    return pd.DataFrame(records, index=shown.index, columns=shown.columns)


def csv_bytes(state) -> bytes:
    return _csv_bytes(dataclasses.replace(state, notices=()))


def excel_bytes(state) -> bytes:
    return _excel_bytes(dataclasses.replace(state, notices=()))


def _frame(state) -> pd.DataFrame:
    frame = exports.indicator_frame(_records(shown_rows(state), state.lang), state.table)
    return exports_languages.frame_in(frame, state.lang)


# Built on a download click, once per State: a second click or another visitor gets the same bytes.
@functools.lru_cache(maxsize=64)
def _csv_bytes(state) -> bytes:
    return exports.to_csv_bytes(_frame(state))


@functools.lru_cache(maxsize=64)
def _excel_bytes(state) -> bytes:
    lang = state.lang
    _ = gettext(lang)
    shown = shown_rows(state)
    about = exports.about_rows(state.table, filters_text(state), len(shown), len(tables.indicator_table(state.table)), lang)
    sheet = _(exports_languages.SHEET).format(number=state.table)
    percent = exports_languages.header("以往÷所需", lang)
    return exports.to_workbook_bytes(_frame(state), sheet, about, percent_columns=(percent,), lang=lang)
