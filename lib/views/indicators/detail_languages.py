"""A row's detail in English and 繁體 (issue 27): our words translated, the plan's and the data's Chinese quoted.

The 简体 detail (lib.views.indicators.row_detail) writes each line as one string
mixing our words with the plan's sentence. Here each line is rebuilt from the
record in the page's language, and every sentence published or recorded in
Chinese (the plan's 出处 sentence and printed row, its 备注, the body text's
wording, a definition, an outcome's basis, source and quote) moves to
``quotes``: a label in the page's language beside the text as recorded in 简体,
which each renderer marks ``lang="zh-CN"``.
"""

from __future__ import annotations

import dataclasses
import re

import pandas as pd

from lib.engine import tables
from lib.present import routes
from lib.present.blocks import Table
from lib.present.i18n import EN, N_, ZH_CN, gettext, hant, term
from lib.views.indicators.languages import cell, record_in

_ROW = re.compile(r"^第(?P<number>\d+)行(?:“(?P<parent>.+)”下的分项)?$")
# Why a row cannot be compared, as a sentence (lib.engine.tables.difficulty_reason), by its short reason.
REASONS = {
    "专栏1无此指标": N_("“十二五”规划的指标表（专栏1）没有这项指标，没有2011—2015年的速度可以相比。"),
    "统计口径改变": N_("“十二五”期间统计口径或标准调整，2010年与2015年的数不能直接相比，算不出以往速度。"),
    "类别目标": N_("目标是保持一个类别，不是增长的速度，不比较速度。"),
}
RULE_NOTE = N_("判断规则见“数据与方法”页“2020年实际结果”一节：＞须超过，＜须低于，“左右”有容差，口径不同的不判断。")
LANGUAGE_NOTE = N_("规划原文的句子、原表与数据中的中文说明照原样以简体中文引用，其余文字为本站翻译。")


# The plan's column headings over a row's printed cells (lib.engine.tables.Source.cells).
HEADINGS = {"“十二五”年均（%）": N_("“十二五”年均（%）"), "指标属性": N_("指标属性")}


def cells_in(cells: tuple[tuple[str, str], ...], lang: str) -> tuple[tuple[str, str], ...]:
    """The printed cells under their headings in ``lang``, each cell's digits as printed:
    指标属性 预期性 → Attribute: Anticipatory; 【21911】 under 2010年 → 21911 over 2006–2010."""
    _ = gettext(lang)
    rows = []
    for heading, printed in cells:
        if heading == "指标属性":
            shown = term(printed, "attribute", lang)
        elif lang == EN:
            shown = cell(printed, heading)
        else:
            shown = hant(printed)
        rows.append((_(HEADINGS.get(heading, heading)), shown))
    return tuple(rows)


def name(text: str, lang: str) -> str:
    return term(text, "indicator", lang)


def row_words(row: str, lang: str) -> str:
    """第12行 → row 12; 第12行“森林增长”下的分项 → sub-row of row 12 (Forest growth)."""
    _ = gettext(lang)
    match = _ROW.match(row)
    if not match:
        return row if lang == ZH_CN else hant(row)
    if match["parent"]:
        return _("第{number}行“{parent}”下的分项").format(number=match["number"], parent=name(match["parent"], lang))
    return _("第{number}行").format(number=match["number"])


def place(source: tables.Source, lang: str) -> str:
    """Where the row is printed: Chapter 3 “…”, Section 2; Box 2, row 12."""
    if lang != EN:
        return hant(source.sentence)  # the chapter and box titles are glossary terms, which 繁體 converts
    _ = gettext(lang)
    section = int(routes.section_anchor(source.chapter, source.section).removeprefix("s"))
    return _("第{chapter}章“{title}”第{section}节，专栏{box}{row}").format(
        chapter=routes.chapter_number(source.chapter),
        title=term(source.chapter_title, "chapter", lang),
        section=section,
        box=source.box.removeprefix("专栏"),
        row=row_words(source.row, lang),
    )


def _paces(record: dict, shown: dict, _) -> list[str]:
    if record["kind"] == "group":
        return []
    if "所需速度" not in record:
        basis = _("（{basis}）").format(basis=shown["速度来源"]) if shown["速度来源"] else ""
        return [_("2011—2015年速度：{pace}").format(pace=shown["2011—2015年速度"]) + basis]
    achieved = shown["以往速度"] + (_("（{basis}）").format(basis=shown["以往速度来源"]) if shown["以往速度来源"] else "")
    ratio = "" if pd.isna(record["以往÷所需"]) else _("，以往÷所需 = {ratio}%").format(ratio=round(record["以往÷所需"] * 100))
    reason = _(REASONS[record["原因"]]) if record["原因"] in REASONS else ""
    difficulty = _("难度：{status}{ratio}").format(status=shown["难度"], ratio=ratio)
    return [
        _("所需速度（2016—2020）：{pace}").format(pace=shown["所需速度说明"]),
        _("以往速度（2011—2015）：{pace}").format(pace=achieved),
        _("{said}。{reason}").format(said=difficulty, reason=reason) if reason else difficulty,
    ]


def _outcome(record: dict, shown: dict, _) -> tuple[list[str], list[tuple[str, str]]]:
    if not record.get("结果说明"):
        return [], []
    lines = [_("2020年结果：{verdict}").format(verdict=shown["2020年结果"])]
    quotes = [(_("判断"), record["结果说明"])]
    if record["实际来源"]:
        lines.append(_("实际数：{figure}").format(figure=shown["2020年实际"]))
        quotes += [
            (_("口径"), record["实际口径"]),
            (_("来源"), f"{record['实际来源']}（{record['来源类型']}）"),
            (_("原句"), record["实际原句"]),
        ]
        lines.append(_("网址：{url}").format(url=record["实际网址"]))
        if record["实际说明"]:
            quotes.append((_("说明"), record["实际说明"]))
    lines.append(_(RULE_NOTE))
    return lines, quotes


def translated(simplified, record: dict, lang: str, **links):
    """The 简体 Detail ``simplified`` of ``record`` in ``lang``: our words translated, the Chinese texts in ``quotes``."""
    _ = gettext(lang)
    shown = record_in(record, lang)
    source = tables.source_of(record["indicator_id"])
    pace_lines = _paces(record, shown, _)
    outcome_lines, outcome_quotes = _outcome(record, shown, _)
    quotes = [(_("原表本行"), source.row_text)]
    if record["定义"]:
        quotes.append((_("定义"), f"{record['定义']}（依据：{record['定义依据']}）"))
    if record["正文限定"]:
        quotes.append((_("正文的写法"), record["正文限定"]))
    if record["方向"]:
        quotes.append((_("方向"), record["方向"].removeprefix("方向：")))
    quotes += [(_("规划备注"), note) for note in source.notes] + outcome_quotes
    return dataclasses.replace(
        simplified,
        title=name(record["指标"].strip(), lang),
        definition="",
        source=_("出处：{place}").format(place=place(source, lang)),
        printed="",
        pace_lines=tuple(pace_lines),
        outcome_lines=tuple(outcome_lines),
        notes=(),
        box=_("专栏{number}").format(number=source.box.removeprefix("专栏")),
        row=row_words(source.row, lang),
        cells=Table((_("栏目"), _("原文")), cells_in(source.cells, lang)),
        lang=lang,
        quotes=tuple(quotes),
        quote_lang=ZH_CN,
        language_note=_(LANGUAGE_NOTE),
        **links,
    )
