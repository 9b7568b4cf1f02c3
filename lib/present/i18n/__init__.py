"""The interface in three languages: 简体中文 (the source), English and 繁體中文 (issue 27).

Every string a View shows is written in 简体 in the code or a template, marked
``_("…")`` (or ``N_("…")`` where it is only stored, to be looked up later), and
extracted with Babel into ``locale/messages.pot`` (``lib.present.i18n.catalogs``).
English comes from ``locale/en/LC_MESSAGES/messages.po``; 繁體 is the 简体 string
converted by OpenCC (``s2twp``), unless ``locale/zh_Hant/LC_MESSAGES/messages.po``
gives an override. Terms from the data (indicator names, units, districts …)
come from the reviewed glossary (``data/glossary.csv``) through ``term``.

``s2twp`` rather than ``s2hk``: most readers of 繁體 read Taiwan's standard, and
``s2twp`` also turns mainland phrases into theirs (软件 → 軟體), so the interface
reads as written for them; the plan's own text is never converted (it is quoted
as published, in 简体).

The catalogs are read as .po text on first use (no compiled .mo), so a clean
clone works with nothing to build.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

ZH_CN, EN, ZH_HANT = "zh-CN", "en", "zh-Hant"
LANGS = (ZH_CN, EN, ZH_HANT)
DEFAULT = ZH_CN
# The catalog folder of each translated language (Babel's locale names).
LOCALES = {EN: "en", ZH_HANT: "zh_Hant"}
# The static edition's folder of each language ("" for 简体, at the root).
PREFIXES = {ZH_CN: "", EN: "/en", ZH_HANT: "/zh-hant"}
# Each language named in itself, for the switch.
NAMES = {ZH_CN: "简体中文", EN: "English", ZH_HANT: "繁體中文"}
OPENCC_CONFIG = "s2twp"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"


def N_(text: str) -> str:
    """Marks ``text`` for the catalogs where it is stored now and translated later (``gettext(lang)(text)``)."""
    return text


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / LOCALES[lang] / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    """msgid → msgstr of one language's catalog (empty msgstr left out)."""
    from babel.messages.pofile import read_po

    with catalog_path(lang).open("rb") as handle:
        parsed = read_po(handle)
    return {m.id: m.string for m in parsed if m.id and isinstance(m.id, str) and m.string}


@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC(OPENCC_CONFIG)


@functools.cache
@functools.cache
def _fixed_terms() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    from lib.plan import glossary

    fixes = glossary.hant_fixes()
    if not fixes:
        return None, {}
    return re.compile("|".join(map(re.escape, sorted(fixes, key=len, reverse=True)))), fixes


def hant(text: str) -> str:
    """简体 → 繁體 (OpenCC ``s2twp``), a glossary term whose 繁體 OpenCC gets wrong given as its ``zh_hant``
    (渝东北生态涵养发展区: 涵養發展, not 涵養髮展); the rest converted around it."""
    pattern, fixes = _fixed_terms()
    if pattern is None or not text or not pattern.search(text):
        return _opencc(text)
    parts, last = [], 0
    for found in pattern.finditer(text):
        parts += [_opencc(text[last : found.start()]), fixes[found.group(0)]]
        last = found.end()
    return "".join([*parts, _opencc(text[last:])])


def _opencc(text: str) -> str:
    """OpenCC ``s2twp``, converted again until it holds: one pass can leave a phrase that its
    segmentation split (传统制造业 → 傳統制造業, whose second pass gives 傳統製造業)."""
    for _ in range(3):
        converted = _converter().convert(text) if text else text
        if converted == text:
            break
        text = converted
    return text


def gettext(lang: str) -> Callable[[str], str]:
    """The translate function of ``lang``. A string missing from the English catalog stays in 简体
    (the page still works; tests/test_i18n.py fails on it)."""
    if lang == EN:
        messages = catalog(EN)
        return lambda text: messages.get(text, text)
    if lang == ZH_HANT:
        overrides = catalog(ZH_HANT)
        return lambda text: overrides.get(text) or hant(text)
    return lambda text: text


def term(text: str, kind: str, lang: str) -> str:
    """A term from the data (kind as in data/glossary.csv) in ``lang``: the glossary's English, or 繁體 by OpenCC."""
    if lang == EN:
        from lib.plan import glossary

        return glossary.english(text, kind) or text
    if lang == ZH_HANT:
        return hant(text)
    return text


def localized(path: str, lang: str) -> str:
    """A static path in ``lang``'s folder: ``/`` → ``/en/``."""
    return PREFIXES.get(lang, "") + path


def sentences(lang: str, *said: str) -> str:
    """Sentences one after another as the language writes them: a space after an English full stop,
    none after a Chinese “。” (“…levels.“Achieved ÷ required”…” ran together in English)."""
    return (" " if lang == EN else "").join(text for text in said if text)
