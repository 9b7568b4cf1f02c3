"""指标轨迹's own wording in English and 繁體 (issue 27): the chart's rows, the paces, the marks.

lib.engine writes a trajectory's words in 简体 (its line names, each point's printed
cell, the paces, the target with its qualifier and place). English keeps every
printed digit as it is and rewrites only the words around it, by the forms below
(the words themselves are catalog strings); a form not known here is returned as
printed, so the tests looking for Han characters catch it. 繁體 converts our words
with OpenCC; what the plan or a source printed (a sentence, a source's name and its
quote) stays in 简体 and the View says so.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from lib.engine.trajectory import LINES
from lib.present import routes
from lib.present.i18n import EN, N_, ZH_CN, ZH_HANT, gettext, hant, term
from lib.present.i18n.figures import persons

# LINES' names and the parenthesised words of a pace, registered for the catalogs (looked up by their 简体).
LINE_NAMES = (N_("实际（规划公布）"), N_("完成目标所需路径"), N_("按“十二五”速度延续"), N_("2020年目标"))
PACE_NOTES = (N_("价格口径未说明"), N_("名义，按现价"), N_("由公布的五年变化折算"), N_("按公布数计算"))
BASES = (N_("新口径"), N_("旧口径"), N_("新标准"), N_("旧标准"), N_("口径不同"), N_("基数不同"))
# lib.plan.milestones.carry_forward_caveat's sentence; another would stay in 简体 (and fail the Han tests).
CAVEATS = (N_("专栏1注明“十二五”变化“在规划控制目标内”：这是控制目标，不是趋势，按此速度外推仅为示意"),)
# lib.engine.tables.DIFFICULTY_NOTE, registered for the catalogs (tests/test_view_trajectories_languages.py holds the two equal).
DIFFICULTY_NOTE = N_(
    "“以往÷所需”把“十二五”时期（2011—2015）实际达到的速度，与“十三五”目标（2016—2020）所需的速度相比，"
    "方法参照联合国统计司进展图表及 Open SDG（加拿大统计局）的进展评估。两个速度来自两个不同的规划期："
    "它衡量的是“比以往难多少”，是难度，不是对实际完成情况的评估。"
)
WHY_NOT_DRAWN = (N_("类别不作数值"), N_("只是2020年一年的数，图中为五年的数"), N_("是五年的数，图中为各年水平"), N_("口径与规划指标不同"))

_NUMERALS = dict(zip("一二三四五六七八九", range(1, 10)))
_QUALIFIERS = {"约": "about ", "至少": "at least ", "超过": "more than ", "至多": "at most ", "低于": "below "}
_COMPARISONS = {"＞": ">", "＜": "<", "≥": "≥", "≤": "≤"}
_QUANTITY = re.compile(r"^(?P<number>[+−-]?\d+(?:\.\d+)?) ?(?P<unit>\D*)$")
_PACE = re.compile(
    r"^(?P<lead>“十二五”|按(?P<start>\d{4})—(?P<end>\d{4})年公布水平计算，)?(?P<ratio>比值)?年均(?P<approx>约)? ?"
    r"(?P<amount>[+−]?\d+(?:\.\d+)?(?: ?(?:个百分点|%|‰|年|岁))?)(?P<more>以上)?$"
)
_EXCEED = re.compile(r"^须超过(?P<figure>.+)，恰好等于不算$")
_PLACE = re.compile(r"第(?P<chapter>[一二三四五六七八九十]+)章(?:第(?P<section>[一二三四五六七八九十]+)节)?|专栏(?P<box>\d+)")
_LABEL = re.compile(r"^(?P<name>.+)（专栏(?P<box>\d+)·(?P<row>[^）]+)）$")
_BASIS = re.compile(r"^(?P<core>.+?)（(?P<basis>[^）]+)）$")
_UNIT_WORDS = {"个百分点": "percentage points", "天": "days", "岁": "years", "年": "years"}
_HAN = re.compile(r"[\u3400-\u9fff]")


def numeral(text: str) -> int:
    """A Chinese numeral up to 99: 十八 → 18, 三十四 → 34."""
    tens, _ten, ones = text.rpartition("十")
    if not _ten:
        return _NUMERALS[text]
    return (_NUMERALS.get(tens, 1) if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0)


def place(text: str) -> str:
    """Where the plan prints something: 第十八章第二节 → Chapter 18, Section 2; 专栏2 → Box 2."""

    def one(match: re.Match) -> str:
        if match["box"]:
            return f"Box {match['box']}"
        words = f"Chapter {routes.chapter_number('第' + match['chapter'] + '章')}"
        return words + (f", Section {numeral(match['section'])}" if match["section"] else "")

    return re.sub(r"(?<=\d) (?=[CB])", ", ", _PLACE.sub(one, text).strip())


def _scaled(number: str, factor: int, unit: str, big: tuple[int, str] | None = None) -> str:
    """A figure in a bigger unit written out by moving the point (Decimal, never float): 7.5万元 → 75,000 yuan."""
    count = Decimal(number.lstrip("+−-")) * factor
    sign = number[0] if number[0] in "+−-" else ""
    if big and count >= big[0]:
        return f"{sign}{(count / big[0]).normalize():,f} {big[1]} {unit}"
    return f"{sign}{count.normalize():,f} {unit}"


def quantity(text: str, period: str = "2016–2020") -> str:
    """A printed figure in English: 95%以上 → 95% or more, ＜【75000】 → <75000 over 2016–2020, 7.5万元 → 75,000 yuan,
    100亿美元 → 10 billion US dollars, 0.05人/亿元 → 0.05 persons per 100 million yuan, Ⅲ → Grade Ⅲ."""
    text = text.strip()
    comparison = _COMPARISONS.get(text[:1], "")
    core = text[1:] if comparison else text
    approx, core = core.endswith("左右"), core.removesuffix("左右")
    more, less = core.endswith("以上"), core.endswith("以下")
    core = core.removesuffix("以上").removesuffix("以下")
    five = core.startswith("【") and "】" in core
    core = core.replace("【", "").replace("】", "").replace("∶", ":")
    words = _words(core)
    if words is None:
        return text
    words = comparison + ("about " if approx else "") + words + (" or more" if more else " or less" if less else "")
    return words + (f" over {period}" if five else "")


def _words(core: str) -> str | None:
    if re.fullmatch(r"[ⅠⅡⅢⅣⅤ]+类?", core):
        return "Grade " + core.removesuffix("类")
    if re.fullmatch(r"\d+(?:\.\d+)?:\d+(?:\.\d+)?", core):
        return core
    match = _QUANTITY.match(core)
    if not match:
        return None
    number, unit = match["number"], match["unit"].strip()
    if unit in ("", "%", "‰"):
        return number + unit
    if unit == "万人":
        return persons(number)
    special = {
        "万亿元": lambda: f"{number} trillion yuan",
        "万元": lambda: _scaled(number, 10_000, "yuan"),
        "亿元": lambda: _scaled(number, 100_000_000, "yuan", (1_000_000_000, "billion")),
        "亿美元": lambda: _scaled(number, 100_000_000, "US dollars", (1_000_000_000, "billion")),
    }
    if unit in special:
        return special[unit]()
    english = _UNIT_WORDS.get(unit) or term(unit, "unit", EN)
    return None if _HAN.search(english) else f"{number} {english}"


def printed(text: str, lang: str, period: str = "") -> str:
    """A point's printed cell: 44.56（新口径） → 44.56 (new basis); 【10.02】 over its own five years."""
    if lang != EN:
        return hant(text) if lang == ZH_HANT else text
    _ = gettext(lang)
    match = _BASIS.match(text)
    core, basis = (match["core"], match["basis"]) if match else (text, "")
    words = quantity(core, period or "the five years")
    return words + (f" ({_(basis)})" if basis else "")


def target(text: str, lang: str) -> str:
    """A target's label (lib.engine.trajectory.target_words): 约9（专栏2） → about 9 (Box 2)."""
    if lang != EN:
        return hant(text) if lang == ZH_HANT else text
    match = _BASIS.match(text)
    core, where = (match["core"], match["basis"]) if match else (text, "")
    prefix = next((p for p in _QUALIFIERS if core.startswith(p)), "")
    words = quantity(core.removeprefix(prefix))
    return _QUALIFIERS.get(prefix, "") + words + (f" ({place(where)})" if where else "")


def target_with_unit(text: str, unit: str, lang: str) -> str:
    """A target's label with the series' unit after its figure (约【300】（专栏2） in 万人 → about 3 million persons
    over 2016–2020 (Box 2)): beside a reported figure in its own unit, a bare number would read as another quantity."""
    match = _BASIS.match(text)
    core, where = (match["core"], match["basis"]) if match else (text, "")
    suffix = next((s for s in ("左右", "以上", "以下") if core.endswith(s)), "")
    core = core.removesuffix(suffix)
    if unit and unit != "类" and not core.endswith(unit):
        core += unit
    return target(core + suffix + (f"（{where}）" if where else ""), lang)


def pace(text: str, lang: str) -> str:
    """A pace (the required path's or the carried one's): 年均约 +0.46 个百分点 → about +0.46 percentage points a year."""
    if lang != EN:
        return hant(text) if lang == ZH_HANT else text
    _ = gettext(lang)
    text, _stop, caveat = text.partition("。")
    head, _paren, rest = text.partition("（")
    match = _PACE.match(head.strip())
    if not match:
        return text
    amount = match["amount"].replace(" ", "")
    words = ("about " if match["approx"] else "") + ("ratio " if match["ratio"] else "") + quantity(amount) + " a year"
    words += " or more" if match["more"] else ""
    if match["lead"] == "“十二五”":
        words = _("“十二五”时期{pace}").format(pace=words)
    elif match["start"]:
        words = _("按{start}—{end}年公布水平计算，{pace}").format(start=match["start"], end=match["end"], pace=words)
    for part in re.findall(r"([^（）]+)）", "（" + rest if rest else ""):
        exceed = _EXCEED.match(part)
        said = _("须超过{figure}，恰好等于不算").format(figure=quantity(exceed["figure"])) if exceed else _(part)
        words += f" ({said})"
    return words + (f". {_(caveat)}" if caveat else "")


def line_name(key: str, lang: str) -> str:
    return gettext(lang)(LINES[key])


def period(text: str, lang: str) -> str:
    return text.replace("—", "–") if lang == EN else text


def series_label(label: str, lang: str) -> str:
    """A drop-down label: 森林覆盖率（专栏2·12） → Forest cover (Box 2, row 12)."""
    if lang != EN:
        return hant(label) if lang == ZH_HANT else label
    match = _LABEL.match(label)
    if not match:
        return label
    return f"{term(match['name'], 'indicator', lang)} (Box {match['box']}, row {match['row']})"


def points(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A trajectory's chart rows with their words in ``lang``: line names, printed cells, paces, periods."""
    if lang == ZH_CN or frame.empty:
        return frame
    frame = frame.copy()
    frame["line"] = [line_name(key, lang) for key in frame.line_key]
    if lang == EN:
        frame["target_label"] = [
            target(_BASIS.sub(r"\g<core>", note), lang) if key == "target" else "" for key, note in zip(frame.line_key, frame.note)
        ]
    notes = {"target": target, "required": pace, "previous": pace}
    frame["note"] = [
        notes[key](note, lang) if key in notes else printed(note, lang, period(span, lang) if "—" in span else "")
        for key, note, span in zip(frame.line_key, frame.note, frame.period)
    ]
    frame["period"] = [period(p, lang) for p in frame.period]
    _ = gettext(lang)
    frame["basis"] = [_(basis) if basis in BASES else basis for basis in frame.basis]
    return frame


def basis_change(text: str, lang: str) -> str:
    """旧口径→新口径 → old basis → new basis."""
    if lang != EN:
        return hant(text) if lang == ZH_HANT else text
    _ = gettext(lang)
    return " → ".join(_(part) for part in text.split("→"))
