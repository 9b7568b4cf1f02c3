"""Reading a value as the plan prints it: "50左右", "【56975】", "＞50", "2.6∶1", "Ⅱ―Ⅲ".

One small function, ``parse_value``, with its rules kept as a table of
patterns (the datasette habit: rules as data, not a chain of ifs). Every
observation's numeric value is this function applied to its raw text, and a
test proves the two agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a printed value says about itself, besides its number.
QUALIFIERS = (
    "exact",  # a plain number
    "approx",  # 左右
    "greater_than",  # ＞
    "less_than",  # ＜
    "range",  # Ⅱ―Ⅲ: a span of classes, no single number
    "not_applicable",  # ―
    "none",  # words with no number, e.g. 在规划控制目标内
)
# What the number measures. The 年均 column of 专栏1 mixes annual rates
# with five-year changes and words, so the measure travels with the value.
MEASURES = (
    "value",  # a level, share, rate or class as printed in a year column
    "annual_rate",  # % a year (the 年均 column when it is a bare number)
    "five_year_change",  # 五年提高7.9个百分点, 五年提高3.2件
    "five_year_reduction",  # 五年下降65%
    "years_early",  # 提前1年完成: the target was met this many years early
    "within_target",  # 在规划控制目标内: no number, only a verdict
    "ratio",  # 2.6∶1, stored as 2.6
    "class",  # Ⅲ, stored as 3
    "none",  # ―
)
BASES = ("旧口径", "新口径", "旧标准", "新标准")
ROMAN = {"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5}


@dataclass(frozen=True)
class ParsedValue:
    value: float | None
    qualifier: str = "exact"
    measure: str = "value"
    five_year_total: bool = False
    basis: str = ""
    unit: str = ""  # the unit printed inside the cell, if any ("个百分点", "件")
    low: float | None = None  # for a range of classes
    high: float | None = None


class UnreadableValue(ValueError):
    pass


_NUMBER = r"(\d+(?:\.\d+)?)"
_BASIS = re.compile(r"\s*（(旧口径|新口径|旧标准|新标准)）\s*$")


def _number(text: str) -> float:
    return float(text)


# Each rule: a full-match pattern and what its groups mean. Order matters
# only where patterns overlap; none of these do.
_RULES: list[tuple[re.Pattern, callable]] = [
    (re.compile(r"―"), lambda m: ParsedValue(None, "not_applicable", "none")),
    (re.compile(_NUMBER), lambda m: ParsedValue(_number(m[1]))),
    (re.compile(_NUMBER + r"左右"), lambda m: ParsedValue(_number(m[1]), "approx")),
    (re.compile(r"＞" + _NUMBER), lambda m: ParsedValue(_number(m[1]), "greater_than")),
    (re.compile(r"＜" + _NUMBER), lambda m: ParsedValue(_number(m[1]), "less_than")),
    (re.compile(r"【" + _NUMBER + r"】"), lambda m: ParsedValue(_number(m[1]), five_year_total=True)),
    (
        re.compile(r"＜【" + _NUMBER + r"】"),
        lambda m: ParsedValue(_number(m[1]), "less_than", five_year_total=True),
    ),
    (
        re.compile(r"＞【" + _NUMBER + r"】"),
        lambda m: ParsedValue(_number(m[1]), "greater_than", five_year_total=True),
    ),
    (
        re.compile(_NUMBER + r"[∶︰:]1"),
        lambda m: ParsedValue(_number(m[1]), measure="ratio"),
    ),
    (
        re.compile(r"([ⅠⅡⅢⅣⅤ])"),
        lambda m: ParsedValue(float(ROMAN[m[1]]), measure="class"),
    ),
    (
        re.compile(r"([ⅠⅡⅢⅣⅤ])[―\-－]([ⅠⅡⅢⅣⅤ])"),
        lambda m: ParsedValue(None, "range", "class", low=float(ROMAN[m[1]]), high=float(ROMAN[m[2]])),
    ),
    (
        re.compile(r"五年提高" + _NUMBER + r"(个百分点|件|年|岁)"),
        lambda m: ParsedValue(_number(m[1]), measure="five_year_change", unit=m[2]),
    ),
    (
        re.compile(r"五年下降" + _NUMBER + r"(%)"),
        lambda m: ParsedValue(_number(m[1]), measure="five_year_reduction", unit=m[2]),
    ),
    (
        re.compile(r"提前" + _NUMBER + r"年完成"),
        lambda m: ParsedValue(_number(m[1]), measure="years_early", unit="年"),
    ),
    (
        re.compile(r"在规划控制目标内"),
        lambda m: ParsedValue(None, "none", "within_target"),
    ),
]


def parse_value(raw: str) -> ParsedValue:
    """Parse one printed cell. Line breaks inside the cell are part of the print.

    >>> parse_value("50左右").qualifier
    'approx'
    """
    if not isinstance(raw, str):
        raise UnreadableValue(f"expected text, got {type(raw).__name__}")
    text = raw.strip()
    basis = ""
    if basis_match := _BASIS.search(text):
        basis = basis_match.group(1)
        text = text[: basis_match.start()].strip()
    # A cell printed across two lines ("五年提高\n7.9个百分点") reads as one.
    text = re.sub(r"\s+", "", text)
    for pattern, build in _RULES:
        if match := pattern.fullmatch(text):
            parsed = build(match)
            if basis:
                parsed = ParsedValue(**{**parsed.__dict__, "basis": basis})
            return parsed
    raise UnreadableValue(f"cannot read {raw!r} as a printed value")
