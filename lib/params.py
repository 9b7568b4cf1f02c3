"""Checking values that arrive in the URL. Every one is untrusted.

Widgets bound to the URL (``bind="query-params"``) drop a value they cannot
use, silently. These helpers tell which incoming values will be dropped so the
page can say so in one line instead of leaving the visitor puzzled.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

import pandas as pd

MAX_SHOWN = 40  # a hostile value is echoed back shortened, and always as plain text


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def markdown_escape(text: str) -> str:
    """Text that st.markdown shows literally: no emphasis, links, math, HTML or directives."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


def markdown_table(frame, index_label: str = "") -> str:
    """A small DataFrame as a markdown table, every header and cell escaped.

    For a handful of rows this is one light element, where st.table costs
    milliseconds of server time on every rerun. The index is the first column.
    """

    def cell(value) -> str:
        return markdown_escape(" ".join(str("" if value is None else value).split()))

    header = [index_label or str(frame.index.name or ""), *map(str, frame.columns)]
    rows = [[index, *row] for index, row in zip(frame.index, frame.itertuples(index=False))]
    # Numbers line up on the right, as in a printed table.
    rules = ["---"] + ["---:" if pd.api.types.is_numeric_dtype(frame[c]) else "---" for c in frame.columns]
    lines = ["| " + " | ".join(cell(v) for v in header) + " |", "| " + " | ".join(rules) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def shorten(value: str) -> str:
    """An untrusted value cut to a readable length and escaped for markdown."""
    text = str(value)
    text = text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"
    return markdown_escape(text)


def invalid_choices(values: Iterable[str], allowed: Iterable[str]) -> list[str]:
    allowed_set = set(allowed)
    return [v for v in values if v not in allowed_set]


def invalid_number(value: str | None, low: float, high: float) -> bool:
    """True when ``value`` is present but not a finite number within [low, high]."""
    if value is None:
        return False
    try:
        number = float(value)
    except (TypeError, ValueError):
        return True
    return not math.isfinite(number) or not low <= number <= high


def notice(problems: Mapping[str, list[str]]) -> str:
    """One plain line naming what was ignored, e.g. for ``{"indicator": ["abc"]}``."""
    parts = [f"{key}={'、'.join(shorten(v) for v in values)}" for key, values in problems.items() if values]
    if not parts:
        return ""
    return "链接中的参数无法识别，已忽略并显示默认内容：" + "；".join(parts)
