"""The overview's headline cards in each language (issue 27).

``numbers.headline_cards`` words each card in 简体 with the figures already
formatted by lib.present.numbers. English takes those printed figures as they
are, digit for digit, and only rewrites the words and units around them
(lib.present.i18n.figures, shared with the report card: 2.5万亿元 → 2.5 trillion
yuan; here 年均约 +0.46 个百分点 → about +0.46 percentage points a year,
第一章第三节 → Chapter 1, Section 3). 繁體 converts the words with OpenCC and leaves a sentence quoted
from the plan in 简体, as published.
"""

from __future__ import annotations

import re

from lib.present import routes
from lib.present.i18n import EN, N_, ZH_HANT, gettext, hant
from lib.present.i18n.figures import amount
from lib.views.overview.numbers import Card

# The price bases a pace may carry (lib.engine.pace.PRICE_LABELS), looked up by their words.
PRICE_WORDS = (N_("名义，按现价"), N_("名义"), N_("实际"), N_("价格口径未说明"))
_SMALL = dict(zip("一二三四五六七八九十", range(1, 11)))
# A sentence the plan prints, quoted after a colon: 第一章第三节：“到2017年，…”.
_PLAN_QUOTE = re.compile(r"(：“[^”]*”)")
_PACE = re.compile(
    r"^(?:(?P<start>\d{4})—(?P<end>\d{4})年 )?年均(?P<approx>约)? ?(?P<amount>[+−]?\d+(?:\.\d+)?(?: ?(?:万亿元|万人|个百分点|%|‰))?)$"
)
_PLACE = re.compile(
    r"第(?P<chapter>[一二三四五六七八九十]+)章(?:第(?P<section>[一二三四五六七八九十]+)节)?|专栏(?P<box>\d+)(?:第(?P<row>\d+)行)?"
)


def place(text: str) -> str:
    """Where the plan prints something: 第一章第三节；专栏1、专栏2第1行 → Chapter 1, Section 3; Box 1, Box 2, row 1."""

    def one(match: re.Match) -> str:
        if match["chapter"]:
            words = f"Chapter {routes.chapter_number('第' + match['chapter'] + '章')}"
            return words + (f", Section {_SMALL[match['section']]}" if match["section"] else "")
        return f"Box {match['box']}" + (f", row {match['row']}" if match["row"] else "")

    return _PLACE.sub(one, text).replace("；", "; ").replace("、", ", ")


def pace(text: str, _) -> str:
    """所需年均约 +0.46 个百分点（价格口径未说明） → required: about +0.46 percentage points a year (prices not stated)."""
    text, _comma, plan_growth = text.removeprefix("所需").partition("，规划实际增长")
    head, _sep, rest = text.partition("（")
    match = _PACE.match(head.strip())
    if not match:
        return text
    words = ("about " if match["approx"] else "") + amount(match["amount"]) + " a year"
    if match["start"]:
        words += f" in {match['start']}–{match['end']}"
    for part in re.findall(r"([^（）]+)）", "（" + rest if rest else ""):
        if part.startswith("期限为"):
            year, _see, where = part.removeprefix("期限为").partition("年，见")
            words += f" (deadline {year}, {place(where.split('：')[0])})"
        else:
            words += f" ({_(part)})"
    if plan_growth:
        words += "; " + _("规划实际增长{growth}").format(growth=amount(plan_growth))
    return _("所需{pace}").format(pace=words)


def card_words(card: Card, lang: str) -> tuple[str, str, str]:
    """(label, value, detail) of one card in ``lang``."""
    _ = gettext(lang)
    if lang == EN:
        base = card.base if not card.base.startswith("2015年 ") else f"2015: {amount(card.base.removeprefix('2015年 '))}"
        detail = _("{base}；{pace}。出处：{source}").format(base=_(base), pace=pace(card.pace, _), source=place(card.source))
        return _(card.title), amount(card.target), detail
    detail = f"{card.base}；{card.pace}。出处：{card.source}"
    if lang == ZH_HANT:
        # The plan's own sentence stays as published; only our words around it are converted.
        parts = _PLAN_QUOTE.split(detail)
        detail = "".join(part if _PLAN_QUOTE.fullmatch(part) else hant(part) for part in parts)
        return _(card.title), hant(card.target), detail
    return card.title, card.target, detail
