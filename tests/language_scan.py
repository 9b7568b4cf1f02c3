"""What a page shows a reader, held to its language (issue 27): the rules the language gates share.

English: no Han character outside an element marked Chinese (``lang="zh-…"``: a quote of
the plan, a source named as published, a language's own name in the switch), except a
glossary term shown beside its glossary English and a proper name shown beside its pinyin.
繁體: no interface text OpenCC ``s2twp`` would still change (简体 left over) outside an
element marked 简体 (``lang="zh-CN"``). Every language: no float noise (the number scan's
pattern, /work/shared/tools/scan_numbers.py). A Han text the catalogs know is named with
the catalog entry it lacks, so a failure says what to fill in.

tests/test_languages_walk.py reads the baked pages and the app's AppTest elements with it;
tests/browser/test_languages_walk_in_browser.py reads the drawn pages.
"""

from __future__ import annotations

import base64
import functools
import itertools
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from lib.present import i18n

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# /work/shared/tools/scan_numbers.py's pattern, with nan and inf matched in lower case only:
# English prints Nan'an District and Inf… words where a 简体 page had none.
NOISE = re.compile(r"\d[eE][-+]?\d{2}\b|\d\.\d{7,}|\bnan\b|\binf\b|\bNaN\b|\bInfinity\b")
# Attributes a reader or a screen reader meets (and a shared link's card shows).
NAMED = ("alt", "aria-label", "title", "placeholder", "aria-roledescription", "aria-description")
META = {"description", "og:title", "og:description", "og:site_name", "og:image:alt", "twitter:title", "twitter:description"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = {"script", "style", "template"}


@dataclass(frozen=True)
class Shown:
    """One text a reader meets: the text, where it sits and the language its nearest marked element names."""

    text: str
    where: str
    marked: str = ""  # "" where no element below <html> names a language


class _Reader(HTMLParser):
    def __init__(self, where: str):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.stack: list[tuple[str, str]] = []  # (tag, lang given on it or inherited, "" for none)
        self.found: list[Shown] = []
        self.images: list[str] = []

    def _lang(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        lang = values.get("lang", self._lang()) if tag != "html" else ""
        for name in NAMED:
            if values.get(name):
                self.found.append(Shown(values[name], f"{self.where} <{tag} {name}>", lang))
        if tag == "meta" and (values.get("name") or values.get("property")) in META:
            self.found.append(Shown(values.get("content", ""), f"{self.where} <meta {values.get('name') or values.get('property')}>", lang))
        if values.get("data-readout"):  # what the chart's keyboard readout speaks (static/readout.js)
            for text in _json_strings(json.loads(values["data-readout"])):
                self.found.append(Shown(text, f"{self.where} <{tag} data-readout>", lang))
        if tag == "img" and values.get("src"):
            self.images.append(values["src"])
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        if data.strip() and not any(tag in HIDDEN for tag, _ in self.stack):
            tag = self.stack[-1][0] if self.stack else "text"
            self.found.append(Shown(" ".join(data.split()), f"{self.where} <{tag}>", self._lang()))


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for key, inner in value.items() if key not in ("kind", "live") for text in _json_strings(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in _json_strings(inner)]
    return []


def read_html(markup: str, where: str) -> tuple[list[Shown], list[str]]:
    """The texts of an HTML document or fragment (and its images' sources)."""
    reader = _Reader(where)
    reader.feed(markup)
    reader.close()
    return reader.found, reader.images


def svg_of(source: str) -> str | None:
    """An inline SVG picture's markup (``data:image/svg+xml``), or None for any other source."""
    head, _, body = source.partition(",")
    if not head.startswith("data:image/svg+xml"):
        return None
    return base64.b64decode(body).decode("utf-8") if head.endswith(";base64") else body


@functools.cache
def _glossary() -> dict[str, set[str]]:
    from lib.plan import glossary

    rows = glossary.load_glossary()
    found: dict[str, set[str]] = {}
    for term, english in zip(rows.term_zh, rows.en):
        found.setdefault(term, set()).add(english)
    return found


def _spellings(text: str) -> set[str]:
    """The Latin words of ``text`` and every run of up to four of them, joined, lower case, letters only
    (“Nan'an District” gives nanan, district, nanandistrict)."""
    words = [re.sub(r"[^a-z]", "", word.lower()) for word in re.findall(r"[A-Za-z][A-Za-z'’-]*", text)]
    return {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(i + 4, len(words)) + 1)}


def pinyin_readings(han: str) -> set[str]:
    """Every Hanyu Pinyin reading of ``han`` (each character's readings combined), letters only."""
    from pypinyin import Style, pinyin

    choices = pinyin(han, style=Style.NORMAL, heteronym=True)
    if len(choices) > 8:  # a sentence, not a name: its one most likely reading
        return {"".join(c[0] for c in choices)}
    return {"".join(combo) for combo in itertools.product(*choices)}


def _explained(run: str, text: str) -> bool:
    """A Han run allowed in English: a glossary term beside its English, or a name beside its pinyin."""
    if any(english in text for english in _glossary().get(run, ())):
        return True
    return bool(pinyin_readings(run) & _spellings(text))


@functools.cache
def _untranslated_msgids() -> tuple[str, ...]:
    """Catalog entries with no English yet, longest first (the check names the one a text holds)."""
    from lib.present.i18n import catalogs

    english = i18n.catalog(i18n.EN)
    wanted = {m.id for m in catalogs.extracted() if m.id and isinstance(m.id, str)}
    return tuple(sorted((m for m in wanted if not english.get(m)), key=len, reverse=True))


def _why(text: str) -> str:
    for msgid in _untranslated_msgids():
        if len(msgid) > 1 and HAN.search(msgid) and msgid.split("{")[0] in text:
            return f"the English catalog has no entry for “{msgid}”"
    return 'not through _() or term(), and not marked lang="zh-CN"'


@functools.cache
def _plan() -> str:
    from lib.plan.validation import DATA_DIR

    return "".join((DATA_DIR / "source" / "plan.txt").read_text(encoding="utf-8").split())


QUOTED = re.compile(r"“([^”]+)”|「([^」]+)」")


def unquoted(text: str) -> str:
    """``text`` without the plan's own sentences quoted in it (“到2017年，基本实现……”): a quote is the
    plan's text, kept in 简体 as published (docs/code.md), not interface text to convert."""
    return QUOTED.sub(lambda m: "" if "".join((m.group(1) or m.group(2)).split()) in _plan() else m.group(0), text)


def problems(shown: list[Shown], lang: str) -> list[str]:
    """What breaks the page's language, one line each: where, the text, why."""
    found = []
    for item in shown:
        if NOISE.search(item.text):
            found.append(f"{item.where}: float noise “{NOISE.search(item.text).group()}” in “{item.text[:100]}”")
        if lang == i18n.EN and not item.marked.startswith("zh"):
            left = [run for run in HAN.findall(item.text) if not _explained(run, item.text)]
            if left:
                found.append(f"{item.where}: Han {left[:3]} in “{item.text[:100]}”: {_why(item.text)}")
        interface = unquoted(item.text)
        if lang == i18n.ZH_HANT and item.marked not in ("zh-CN", "zh-Hans") and i18n.hant(interface) != interface:
            found.append(f"{item.where}: 简体 left in “{interface[:100]}” (s2twp: “{i18n.hant(interface)[:100]}”)")
    return found


def unsourced_terms(shown: list[Shown]) -> list[str]:
    """Glossary rows a page shows (by their Chinese, marked beside the English) that say nowhere where
    their English comes from: no official source with its name and no ``translation`` mark."""
    from lib.plan import glossary

    rows = glossary.load_glossary()
    texts = {item.text for item in shown}
    return [
        f"{term} ({kind}): source {source!r}, source_name {name!r}"
        for term, kind, source, name in zip(rows.term_zh, rows.kind, rows.source, rows.source_name)
        if term in texts and not (source == glossary.TRANSLATION or (source.startswith(("http://", "https://")) and name))
    ]
