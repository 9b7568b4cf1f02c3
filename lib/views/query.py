"""Reading untrusted query values into typed choices, and writing them back.

Every reader takes the raw mapping (key → list of strings), the key, what is
allowed and a default, and appends a Notice for each value it refused. The
rules, the same for every page:

- a key given more than once where one value is meant: the first value is
  used, the others are refused with a notice;
- numbers are ASCII decimals only (``7``, ``-0.5``, ``6.25``): full-width
  ``１０`` or Arabic-Indic ``٧`` are refused, though Python's float() would
  take them, so what the URL says is what a reader sees;
- an unknown key is refused with a notice, not silently ignored.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from lib.present.i18n import N_
from lib.present.markup import markdown_text

Query = Mapping[str, Sequence[str]]
T = TypeVar("T")

ECHO_LIMIT = 40  # a refused value is echoed back at most this long
_DECIMAL = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
TRUE, FALSE = "true", "false"


@dataclass(frozen=True)
class Notice:
    """One refused query value: which key, and the value as it arrived."""

    key: str
    value: str


def echo(text: str) -> str:
    """An untrusted value made safe to show as plain text on one line.

    Control and format characters (newlines, bidi overrides, zero-width
    joiners) go; the rest is cut to ECHO_LIMIT characters. The caller still
    shows it as text, never as markup.
    """
    cleaned = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in str(text))
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= ECHO_LIMIT else cleaned[:ECHO_LIMIT] + "…"


def markdown_literal(text: str) -> str:
    """Untrusted text that st.markdown (or st.info) shows exactly as it reads.

    The text is first cleaned and shortened like ``echo``; then every markdown
    special is escaped and autolinks are broken.
    """
    return markdown_text(echo(text))


def notice_text(notices: Iterable[Notice]) -> str:
    """All refused values as one plain line, e.g. ``indicator=abc；q=…``."""
    return "；".join(f"{echo(n.key)}={echo(n.value)}" for n in notices)


NOTICE_LEAD = N_("链接中有无法识别的参数，已忽略并显示默认内容：")


def values(query: Query, key: str) -> list[str]:
    raw = query.get(key, ())
    if isinstance(raw, str):  # a plain dict from a test or a caller: {"k": "v"}
        raw = [raw]
    return [str(v) for v in raw]


def _single(query: Query, key: str, notices: list[Notice]) -> str | None:
    given = values(query, key)
    notices.extend(Notice(key, v) for v in given[1:])
    return given[0] if given else None


def one_of(query: Query, key: str, allowed: Mapping[str, T] | Sequence[str], default: T, notices: list[Notice]) -> T:
    """One choice from ``allowed`` (a list of values, or a mapping of accepted spellings to values)."""
    value = _single(query, key, notices)
    if value is None:
        return default
    table = allowed if isinstance(allowed, Mapping) else {a: a for a in allowed}
    if value in table:
        return table[value]
    notices.append(Notice(key, value))
    return default


def many_of(query: Query, key: str, allowed: Sequence[str], notices: list[Notice]) -> tuple[str, ...]:
    """Any number of choices, kept in the order of ``allowed``; duplicates count once."""
    given = values(query, key)
    notices.extend(Notice(key, v) for v in given if v not in allowed)
    chosen = set(given)
    return tuple(a for a in allowed if a in chosen)


def number(query: Query, key: str, low: float, high: float, default: float, notices: list[Notice]) -> float:
    """A finite ASCII decimal within [low, high]; anything else gives the default and a notice."""
    value = _single(query, key, notices)
    if value is None:
        return default
    if _DECIMAL.fullmatch(value.strip()):
        parsed = float(value)
        if math.isfinite(parsed) and low <= parsed <= high:
            return parsed
    notices.append(Notice(key, value))
    return default


def flag(query: Query, key: str, notices: list[Notice], default: bool = False) -> bool:
    return one_of(query, key, {TRUE: True, FALSE: False, "True": True, "False": False}, default, notices)


def text(query: Query, key: str, max_length: int, notices: list[Notice]) -> str:
    """Free text (a search box): cut to nothing and refused if longer than ``max_length``."""
    value = _single(query, key, notices)
    if value is None:
        return ""
    if len(value) > max_length:
        notices.append(Notice(key, value))
        return ""
    return value


# The reader's language (issue 27) is a key every page takes, read by ``language``.
LANG = "lang"
LANG_NOTICE = "未知的语言，已显示简体中文 · Unknown language; showing Simplified Chinese:"


def language(query: Query, notices: list[Notice]) -> str:
    """``zh-CN`` (the default), ``en`` or ``zh-Hant``; anything else gives the default and a notice.

    ``zh-hant`` and ``zh-cn`` are taken too (a language tag's case carries no meaning).
    """
    from lib.present.i18n import DEFAULT, LANGS

    spellings = {lang: lang for lang in LANGS} | {lang.lower(): lang for lang in LANGS}
    return one_of(query, LANG, spellings, DEFAULT, notices)


def unknown_keys(query: Query, known: Iterable[str], notices: list[Notice]) -> None:
    """A notice for each key the page does not take. ``lang`` every page takes: a page whose
    State does not carry it yet (pages/_url.py keeps it in the URL) still refuses a wrong one."""
    known_set = set(known)
    if LANG not in known_set:
        language(query, notices)
        known_set.add(LANG)
    for key in query:
        if key not in known_set:
            notices.extend(Notice(key, v) for v in values(query, key) or [""])


def written(value: float | bool | str) -> str:
    """A value as the URL carries it: ``7`` not ``7.0``, ``true``/``false``, text as it is."""
    if isinstance(value, bool):
        return TRUE if value else FALSE
    if isinstance(value, float):
        return format(round(value, 10), "g") if abs(value) < 1e15 else repr(value)
    return str(value)


def query_of(pairs: Iterable[tuple[str, object, object]]) -> dict[str, list[str]]:
    """The query for (key, value, default) triples, defaults left out; tuples become repeated keys."""
    result: dict[str, list[str]] = {}
    for key, value, default in pairs:
        if value == default:
            continue
        if isinstance(value, tuple):
            result[key] = [written(v) for v in value]
        else:
            result[key] = [written(value)]
    return result
