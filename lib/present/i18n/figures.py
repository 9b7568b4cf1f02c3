"""Printed figures in English (issue 27): the digits exactly as printed, only the words around them rewritten.

2.5万亿元 → 2.5 trillion yuan, 50左右 → about 50, 333天 → 333 days, 【12.3】 →
12.3 over 2016–2020; 万人 becomes persons by moving the decimal point
(70.6万 → 706,000), never by float arithmetic. A figure in a form not known
here is returned as printed, so a test looking for Han characters catches it.
"""

from __future__ import annotations

import re
from decimal import Decimal

_AMOUNT = re.compile(r"^(?P<number>[+−]?\d+(?:\.\d+)?) ?(?P<unit>万亿元|万人|个百分点|%|‰|天|岁)?$")
# 【】 around a figure of 专栏2: the five years' total, the plan's own convention.
_FIVE_YEARS = re.compile(r"^【(?P<number>[^】]+)】$")
# A water quality class (Ⅱ类): the national standard's grades, in Roman numerals as printed.
_GRADE = re.compile(r"^(?P<grade>[ⅠⅡⅢⅣⅤ]+)类?$")
_COMPARISONS = {"＞": ">", "＜": "<", "≥": "≥", "≤": "≤"}


def persons(number: str) -> str:
    """万人 as persons, the point moved four places: 70.6 → 706,000; 300 → 3 million."""
    count = Decimal(number.lstrip("+−")) * 10000
    sign = number[0] if number[0] in "+−" else ""
    if count >= 1_000_000 and count % 100_000 == 0:
        return f"{sign}{(count / 1_000_000).normalize():f} million persons"
    return f"{sign}{int(count):,} persons"


def amount(text: str) -> str:
    """A printed amount in English: 2.5万亿元 → 2.5 trillion yuan, 50%左右 → about 50%, 年均 9.5% → 9.5% a year."""
    approx = text.endswith("左右")
    core = text.removesuffix("左右").strip()
    yearly = core.startswith("年均 ")
    core = core.removeprefix("年均 ")
    match = _AMOUNT.match(core)
    if not match:
        return text
    number, unit = match["number"], match["unit"] or ""
    words = {
        "万亿元": f"{number} trillion yuan",
        "万人": persons(number) if unit == "万人" else "",
        "个百分点": f"{number} percentage points",
        "%": f"{number}%",
        "‰": f"{number}‰",
        "天": f"{number} days",
        "岁": f"{number} years",
        "": number,
    }[unit]
    return ("about " if approx else "") + words + (" a year" if yearly else "")


def figure(text: str) -> str:
    """A cell of a plan table or an outcome in English: ＞50 → >50, ＜【75000】 → <75000 over 2016–2020,
    1.95∶1 → 1.95:1, Ⅱ类 → Grade II, ― (none printed) as it is."""
    text = text.strip()
    comparison = _COMPARISONS.get(text[:1], "")
    core = text[1:] if comparison else text
    if grade := _GRADE.match(core):
        return comparison + "Grade " + grade["grade"]
    if five := _FIVE_YEARS.match(core):
        return comparison + amount(five["number"]) + " over 2016–2020"
    return comparison + amount(core.replace("∶", ":"))
