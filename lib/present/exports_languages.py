"""指标总览's downloads in English and 繁體 (issue 27): headers, units, sheet names and the 说明 sheet.

``exports.indicator_frame`` and ``exports.about_rows`` write the 简体 files, which
stay byte for byte as they were. Here their headers and the words around the
figures are put in the page's language. Text recorded in Chinese (an outcome's
basis, source and quote, the definitions, the plan's 备注, the printed cells of
the sources) stays in 简体, and each such column's header says so.
"""

from __future__ import annotations

import re

import pandas as pd

from lib.present.i18n import EN, N_, ZH_CN, gettext, hant, term
from lib.present.i18n.figures import figure

# Columns holding text as recorded in 简体 (quoted, never translated).
KEPT_IN_CHINESE = ("2020年实际原文", "2020年实际口径", "2020年结果说明", "2020年实际来源", "2020年实际原句", "定义")
HEADERS = {
    "指标编号": N_("指标编号"),
    "上级指标": N_("上级指标"),
    "五大发展": N_("五大发展"),
    "类型": N_("类型"),
    "原文": N_("{column}原文"),
    "单位后缀": N_("{column}单位"),
    "无法比较的原因": N_("无法比较的原因"),
    "2020年实际": N_("2020年实际"),
    "备注": N_("备注"),
    "简体": N_("{column}（简体中文原文）"),
}
# The download's own column names (the others are 指标总览's column headings, translated there).
COLUMN_WORDS = (
    N_("以往速度来源"),
    N_("2020年实际原文"),
    N_("2020年实际口径"),
    N_("2020年结果说明"),
    N_("2020年实际来源"),
    N_("2020年实际网址"),
    N_("2020年实际原句"),
)
ABOUT_SHEET, ABOUT_HEADERS = N_("说明"), (N_("项目"), N_("内容"))
# 说明 is also a column's name (a note); as a sheet's name English says "About", so it has its own entry.
ABOUT_SHEET_EN = N_("说明（工作表名）")


def about_sheet(lang: str) -> str:
    """The 说明 sheet's name in ``lang``: 说明, 說明, About."""
    return gettext(lang)(ABOUT_SHEET_EN if lang == EN else ABOUT_SHEET)


SHEET = N_("专栏{number}")
LANGUAGE_ROW = (
    N_("语言"),
    N_("表头与说明为本站翻译；规划原文、备注、官方来源的名称与原句、定义照原样以简体中文列出（表头注明“简体中文原文”）。"),
)
# lib.engine's words, marked here for the catalogs (tests/test_view_indicators_languages.py holds them equal).
ISSUED = N_("2016年2月")
DIFFICULTY_NOTE = N_(
    "“以往÷所需”把“十二五”时期（2011—2015）实际达到的速度，与“十三五”目标（2016—2020）所需的速度相比，"
    "方法参照联合国统计司进展图表及 Open SDG（加拿大统计局）的进展评估。两个速度来自两个不同的规划期："
    "它衡量的是“比以往难多少”，是难度，不是对实际完成情况的评估。"
)
_NOTE = re.compile(r"备注(\d+)")
_CLASS = re.compile(r"^[ⅠⅡⅢⅣⅤ]+类$")  # a water class as a value column writes it (Ⅲ类, never 3)


def unit(text: str, lang: str) -> str:
    """A unit in ``lang``: 亿元/年 → 100 million yuan a year, /年 → a year (a ratio's change)."""
    if lang != EN:
        return hant(text) if text else text
    base, per_year = (text[:-2], True) if text.endswith("/年") else (text, False)
    words = base if base in ("", "%", "‰") else term(base, "unit", lang)
    return (words + " a year").strip() if per_year else words


def header(name: str, lang: str) -> str:
    """One column's header in ``lang``: 2015年原文 → 2015 (as printed), 所需速度单位 → Required pace: unit."""
    _ = gettext(lang)
    if name in KEPT_IN_CHINESE:
        return _(HEADERS["简体"]).format(column=_(name))
    if name in HEADERS:
        return _(HEADERS[name])
    for suffix, key in (("原文", "原文"), ("单位", "单位后缀")):
        if name.endswith(suffix) and name != suffix:
            return _(HEADERS[key]).format(column=_(name.removesuffix(suffix)))
    return _(name)


def frame_in(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``exports.indicator_frame`` of a record set already in ``lang`` (languages.record_in): units and headers."""
    if lang == ZH_CN:
        return frame
    _ = gettext(lang)
    shown = frame.copy()
    for name in shown.columns:
        if name.endswith("单位"):
            shown[name] = shown[name].map(lambda text: unit(str(text), lang) if text else text)
    if lang == EN:
        for name in shown.columns.difference(KEPT_IN_CHINESE):
            shown[name] = shown[name].map(lambda value: figure(value) if isinstance(value, str) and _CLASS.match(value) else value)
    if "备注" in shown:
        shown["备注"] = shown["备注"].map(
            lambda text: _NOTE.sub(lambda m: _("备注{number}").format(number=m[1]), text).replace("；", _("；"))
        )
    return shown.rename(columns={name: header(name, lang) for name in shown.columns})


def about_in(about, lang: str) -> tuple[tuple[str, str], ...]:
    """The 说明 sheet's rows with their keys in ``lang`` (the values are given in it by the caller)."""
    if lang == ZH_CN:
        return tuple(about)
    _ = gettext(lang)
    keys = {f"来源{n}": _("来源{number}").format(number=n) for n in range(1, 100)}
    keys |= {f"备注{n}": _("备注{number}").format(number=n) for n in range(1, 100)}
    rows = tuple((keys.get(key) or _(key), value) for key, value in about)
    return rows + ((_(LANGUAGE_ROW[0]), _(LANGUAGE_ROW[1])),)
