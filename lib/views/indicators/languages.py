"""指标总览's rows in each language (issue 27): a table record's shown cells in English or 繁體.

lib.engine.tables words every record in 简体 with its figures already formatted.
English keeps every printed digit and rewrites only the words around it: a
printed cell (50左右 → about 50, 【12.3】 → 12.3 over 2016–2020, 33.5（旧口径） →
33.5 (old basis)), a pace (年均降低 2.59% → down 2.59% a year), a term from the
data through the glossary (names, units, 属性, 五大发展, 类型, 难度, 2020年结果).
A form not known here is returned as printed, so the Han tests catch it. 繁體
converts the words with OpenCC; the numbers are the same characters.
"""

from __future__ import annotations

import re

from lib.engine import tables
from lib.present.i18n import EN, N_, ZH_CN, ZH_HANT, gettext, hant, term
from lib.present.i18n.figures import amount, figure, persons

# The words lib.engine writes in a row's cells (pace's BASIS_LABELS and PRICE_LABELS, tables' reasons).
BASIS_WORDS = (
    N_("公布值（实际增速）"),
    N_("公布值（名义增速）"),
    N_("公布值"),
    N_("由公布的五年变化折算"),
    N_("按公布数计算"),
    N_("口径或标准调整，不可比"),
)
REASON_WORDS = (N_("专栏1无此指标"), N_("统计口径改变"), N_("类别目标"), N_("口径调整"), N_("保持"))
PARENTHESES = (N_("实际"), N_("名义"), N_("名义，按现价"), N_("价格口径未说明"), N_("上限"))
# The five years a bracketed cell (【】) adds up, by the column it is printed in.
PERIODS = {"2010年": "2006–2010", "2015年": "2011–2015", "2020年": "2016–2020"}
PRINTED_COLUMNS = ("2010年", "2015年", "2020年", "“十二五”年均")
PACE_COLUMNS = ("所需速度", "以往速度", "2011—2015年速度")
BASIS_COLUMNS = ("速度来源", "以往速度来源")
_NUMBER = r"[+−]?\d+(?:\.\d+)?"
_PACE = re.compile(
    rf"^(?:(?P<start>\d{{4}})—(?P<end>\d{{4}})年 )?(?P<ratio>比值)?年均(?P<down>降低)?(?P<approx>约)? ?(?P<number>{_NUMBER}) ?(?P<unit>[^\s（]*)$"
)
_CEILING = re.compile(rf"^五年累计不超过 (?P<number>{_NUMBER}) (?P<unit>\S+)$")
_SHORT = re.compile(rf"^还差 (?P<gap>{_NUMBER}) 个百分点以上（须超过(?P<floor>{_NUMBER})%，恰好等于不算）$")
_FIVE_YEARS = re.compile(rf"^五年(?P<way>提高|下降)(?P<number>{_NUMBER})(?P<unit>个百分点|%|件|年|岁)$")
_EARLY = re.compile(r"^提前(?P<years>\d+)年完成$")
_BASIS_NOTE = re.compile(r"^(?P<cell>.+?)（(?P<note>旧口径|新口径|旧标准|新标准)）$")
_BRACKETED = re.compile(r"^(?P<comparison>[＞＜]?)【(?P<number>[^】]+)】$")
_GRADES = re.compile(r"^(?P<low>[ⅠⅡⅢⅣⅤ]+)―(?P<high>[ⅠⅡⅢⅣⅤ]+)$")
NOTES = {"旧口径": N_("旧口径"), "新口径": N_("新口径"), "旧标准": N_("旧标准"), "新标准": N_("新标准")}


def _unit(number: str, unit: str) -> str:
    """A number and its unit in English: 9.5 % → 9.5%, 35.3 万人 → 353,000 persons, 100 亿美元 → 100 × 100 million US dollars."""
    if unit == "万人":
        return persons(number)
    if unit in ("%", "‰", ""):
        return number + unit
    if unit == "个百分点":
        return f"{number} percentage points"
    if unit == "岁":
        return f"{number} years"
    words = term(unit, "unit", EN)
    # A unit that is itself a number (100 million yuan) is multiplied, so the printed digits stay as printed.
    return f"{number} × {words}" if words[:1].isdigit() else f"{number} {words}"


def pace(text: str) -> str:
    """A pace cell in English: 年均降低 2.59% → down 2.59% a year; 比值年均 −0.02 → ratio −0.02 a year."""
    _ = gettext(EN)
    head, _sep, rest = text.partition("（")
    if short := _SHORT.match(text):
        return _("还差 {gap} 个百分点以上（须超过{floor}%，恰好等于不算）").format(gap=short["gap"], floor=short["floor"])
    if ceiling := _CEILING.match(head):
        words = _("五年累计不超过 {amount}").format(amount=_unit(ceiling["number"], ceiling["unit"]))
    elif match := _PACE.match(head.strip()):
        words = ("ratio " if match["ratio"] else "") + ("down " if match["down"] else "") + ("about " if match["approx"] else "")
        words += _unit(match["number"], match["unit"]) + " a year"
        if match["start"]:
            words += f" in {match['start']}–{match['end']}"
    else:
        return _(text) if text in REASON_WORDS else text
    for part in re.findall(r"([^（）]+)）", "（" + rest if rest else ""):
        if part.startswith("期限为"):
            year, _see, where = part.removeprefix("期限为").partition("年，见")
            words += _("（期限为{year}年）").format(year=year)
        else:
            words += f" ({_(part)})"
    return words


def cell(text: str, column: str) -> str:
    """A printed cell in English, its digits as printed: 33.5（旧口径） → 33.5 (old basis), 【5677】 → 5677 over 2006–2010."""
    _ = gettext(EN)
    text = text.strip()
    if not text or text == "―":
        return text
    if noted := _BASIS_NOTE.match(text):
        return f"{cell(noted['cell'], column)} ({_(NOTES[noted['note']])})"
    if bracketed := _BRACKETED.match(text):
        comparison = {"＞": ">", "＜": "<"}.get(bracketed["comparison"], "")
        return f"{comparison}{amount(bracketed['number'])} over {PERIODS.get(column, '2016–2020')}"
    if grades := _GRADES.match(text):
        return f"Grade {grades['low']}–{grades['high']}"
    if five := _FIVE_YEARS.match(text):
        way = "up" if five["way"] == "提高" else "down"
        return f"{way} {_unit(five['number'], five['unit'])} over five years"
    if early := _EARLY.match(text):
        return _("提前{years}年完成").format(years=early["years"])
    if text == "在规划控制目标内":
        return _("在规划控制目标内")
    return figure(text)


def _kind(label: str, lang: str) -> str:
    return term(label, "method", lang)


def table_title(table: int, lang: str) -> str:
    """专栏2 “十三五”经济社会发展主要指标表 → Box 2: Main Economic and Social Development Indicators …"""
    title = tables.TABLE_TITLES[table]
    if lang == EN:
        return term(title.split(" ", 1)[1], "column", lang)
    return hant(title) if lang == ZH_HANT else title


def record_in(record: dict, lang: str) -> dict:
    """A table record with the cells a renderer shows in ``lang`` (sort and filter fields untouched)."""
    if lang == ZH_CN:
        return record
    _ = gettext(lang)
    shown = dict(record)
    name = record["指标"]
    indent = name[: len(name) - len(name.lstrip())]
    shown["指标"] = indent + term(name.strip(), "indicator", lang)
    if record.get("上级指标"):
        shown["上级指标"] = term(record["上级指标"], "indicator", lang)
    for column, kind in (("单位", "unit"), ("属性", "attribute"), ("五大发展", "pillar"), ("难度", "status"), ("2020年结果", "verdict")):
        if record.get(column):
            shown[column] = term(record[column], kind, lang)
    shown["类型"] = _kind(record["类型"], lang)
    if record.get("原因"):
        shown["原因"] = _(record["原因"])
    for column in BASIS_COLUMNS:
        if record.get(column):
            shown[column] = _(record[column])
    for column in PRINTED_COLUMNS + ("2020年实际",):
        if record.get(column):
            shown[column] = cell(record[column], column) if lang == EN else hant(record[column])
    for column in PACE_COLUMNS + ("所需速度说明",):
        if record.get(column):
            shown[column] = pace(record[column]) if lang == EN else hant(record[column])
    return shown
