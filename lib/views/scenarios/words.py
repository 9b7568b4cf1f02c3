"""情景推演's words in the reader's language (issue 27): units, printed figures, paces and places.

The studio writes its sentences in 简体 through ``gettext`` (the catalogs); what it
takes from the data is worded here. English keeps every printed digit and only
rewrites the words around it (lib.present.i18n.figures): 50左右 + % → about 50%,
【12.3】 + % → 12.3% over 2016–2020, 10000 + 亿元 → 10000 (100 million yuan). 繁體 is
the 简体 converted by OpenCC. A form not known here is returned as printed, so the
tests that look for Han characters catch it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from lib.present.i18n import EN, N_, ZH_CN, ZH_HANT, gettext, hant, term
from lib.present.i18n.figures import amount, figure
from lib.views.overview.languages import place as place_in_english

# The pace units of lib/views/scenarios/catalogue.PACE_UNITS, looked up by their words.
PACE_WORDS = (N_("%/年"), N_("个百分点/年"), N_("/年"), N_("%/年（降低）"), N_("{unit}/年"))
_NUMBER = re.compile(r"[+−-]?\d+(?:\.\d+)?")
# The engine's pace sentences (lib.engine.pace), each a pattern and its English.
_PACES = (
    (re.compile(r"^(?:(?P<start>\d{4})—(?P<end>\d{4})年 )?年均(?P<approx>约)? ?(?P<n>[+−]?\d+(?:\.\d+)?) ?(?P<unit>.*)$"), "pace"),
    (re.compile(r"^年均降低 (?P<n>\d+(?:\.\d+)?)%$"), "cut"),
    (re.compile(r"^比值年均 (?P<n>[+−]?\d+(?:\.\d+)?)$"), "ratio"),
    (re.compile(r"^五年累计不超过 (?P<n>\d+(?:\.\d+)?) ?(?P<unit>.*)（上限）$"), "cap"),
    (re.compile(r"^还差 (?P<n>\d+(?:\.\d+)?) 个百分点以上（须超过(?P<line>\d+(?:\.\d+)?)%，恰好等于不算）$"), "above"),
)


def unit_name(text: str, lang: str) -> str:
    """A unit named on its own, in a label or an axis title: 万人 → 10 000 persons."""
    return term(text, "unit", lang) if text else ""


def unit(text: str, lang: str) -> str:
    """A unit after a figure: 亿元 → (100 million yuan), a unit that starts with a digit in brackets
    so it does not read as part of the number; % and ‰ as they are."""
    if lang != EN or text in ("", "%", "‰"):
        return term(text, "unit", lang) if text else ""
    words = term(text, "unit", lang)
    return f"({words})" if words[:1].isdigit() else words


# English answers write a gap in percentage points as “pp” (“+7 pp”): the presenter's answers are
# large type in narrow columns, where “percentage points” took three lines and pushed the answer
# off a 1280×720 screen. The captions keep the glossary's full words.
POINTS = "个百分点"
POINTS_SHORT = N_("个百分点（简写）")


def gap_unit(text: str, lang: str) -> str:
    """The unit after an answer's gap: 个百分点 → pp in English, else as ``unit``."""
    return gettext(lang)(POINTS_SHORT) if lang == EN and text == POINTS else unit(text, lang)


def with_unit(number: str, text: str, lang: str) -> str:
    """A figure and its unit in a sentence: 2.28 trillion yuan, +16.58%."""
    if text in ("%", "‰"):
        return number + text
    return f"{number} {unit(text, lang)}".rstrip() if text else number


def printed(raw: str, unit_text: str, lang: str) -> str:
    """A printed target or base with its unit: 50左右 + % → about 50%, ＜【75000】 + 公顷 → <75000 hectares over 2016–2020."""
    if lang == ZH_HANT:
        return hant(_glued(raw, unit_text))
    if lang != EN:
        return _glued(raw, unit_text)
    core = figure(raw)
    if not unit_text:
        return core
    joint = unit_text if unit_text in ("%", "‰") else " " + unit(unit_text, lang)
    return _NUMBER.sub(lambda m: m.group(0) + joint, core, count=1)


def _glued(raw: str, unit_text: str) -> str:
    return raw[: -len("左右")] + unit_text + "左右" if raw.endswith("左右") else raw + unit_text


def plan_figure(raw: str, lang: str) -> str:
    """A figure the plan prints with its unit in one cell (2.5万亿元, 9%左右, 7.5万元左右, 200万左右)."""
    if lang == ZH_HANT:
        return hant(raw)
    if lang != EN:
        return raw
    said = figure(raw)
    if said != raw:
        return said
    approx, core = raw.endswith("左右"), raw.removesuffix("左右")
    match = re.fullmatch(r"(?P<n>\d+(?:\.\d+)?)(?P<unit>万元|万)", core)
    if not match:
        return raw
    # 万 moved four places, in decimal arithmetic (7.5万元 → 75,000 yuan), as figures.persons does.
    words = f"{int(Decimal(match['n']) * 10000):,} yuan" if match["unit"] == "万元" else amount(match["n"] + "万人")
    return ("about " if approx else "") + words


def place(text: str, lang: str) -> str:
    """Where the plan prints something: 专栏2第1行 → Box 2, row 1; 第一章第三节 → Chapter 1, Section 3."""
    return place_in_english(text) if lang == EN else hant(text) if lang == ZH_HANT else text


def pace_unit(option_unit: str, pace_unit_text: str, lang: str) -> str:
    """The slider's unit: 个百分点/年 → percentage points a year; 公顷/年 → hectares a year."""
    _ = gettext(lang)
    if option_unit and pace_unit_text == f"{option_unit}/年":
        return _("{unit}/年").format(unit=term(option_unit, "unit", lang))
    return _(pace_unit_text)


def pace(text: str, lang: str) -> str:
    """The engine's pace sentence (指标总览's words): 年均约 +0.46 个百分点 → about +0.46 percentage points a year."""
    if lang == ZH_HANT:
        return hant(text)
    if lang != EN or text in ("", "―"):
        return text
    _ = gettext(lang)
    for pattern, form in _PACES:
        if match := pattern.match(text):
            return _pace_words(match, form, _)
    return _(text)  # 口径调整 and other fixed words


def _pace_words(match: re.Match, form: str, _) -> str:
    number = match["n"]
    if form == "pace":
        amount_words = with_unit(number, match["unit"], EN)
        words = (_("年均约 {amount}") if match["approx"] else _("年均{amount}")).format(amount=amount_words)
        return _("{start}—{end}年 {pace}").format(start=match["start"], end=match["end"], pace=words) if match["start"] else words
    if form == "cut":
        return _("年均降低 {n}%").format(n=number)
    if form == "ratio":
        return _("比值年均 {n}").format(n=number)
    if form == "cap":
        return _("五年累计不超过 {amount}（上限）").format(amount=with_unit(number, match["unit"], EN))
    return _("还差 {n} 个百分点以上（须超过{line}%，恰好等于不算）").format(n=number, line=match["line"])


def language_of(lang: str) -> str:
    """The language a quoted sentence is marked with where it is not the page's (the plan's, in 简体)."""
    return "" if lang == ZH_CN else ZH_CN
