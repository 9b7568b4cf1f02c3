"""The map's words in the reader's language (issue 27): one ``Words`` per language, handed to every map part.

Our sentences are ``_("…")`` in 简体 (the catalogs give English; 繁體 is OpenCC).
Names and words from the data go through the glossary (``i18n.term``): zones,
districts, categories, the plan's status words, our notes on places. A
project's or a work's name is the plan's own text, quoted: it is never
translated, and a renderer marks it ``lang="zh-CN"``. With ``Words()`` (简体)
every string is exactly what the page showed before it had a language.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from lib.plan.zones import tables
from lib.present.i18n import EN, ZH_CN, gettext, hant, term


@functools.cache
def _translate(lang: str):
    return gettext(lang)


@functools.cache
def _short_names(lang: str) -> dict[str, str]:
    """A district's short name (万州, 开县) → the reader's: Wanzhou, Kai (the first word of its pinyin name)."""
    districts = tables.load_districts()
    if lang == EN:
        return {s: term(n, "district", EN).split(" ")[0] for s, n in zip(districts.short_name, districts.name_2016)}
    return {s: hant(s) if lang != ZH_CN else s for s in districts.short_name}


@dataclass(frozen=True)
class Words:
    lang: str = ZH_CN

    def _(self, text: str) -> str:
        return _translate(self.lang)(text)

    @property
    def english(self) -> bool:
        return self.lang == EN

    @property
    def quotes_apart(self) -> bool:
        """The plan's names (projects, works) go in the tooltip's own part marked 简体 (``tip_quote``):
        in English, and in 繁體, where they stay as printed, in 简体, among converted words."""
        return self.lang != ZH_CN

    def data(self, text, kind: str) -> str:
        """A word from the data (a glossary kind); empty stays empty."""
        return term(str(text), kind, self.lang) if text else ""

    def zone(self, name: str) -> str:
        return self.data(name, "zone")

    def category(self, name: str) -> str:
        return self.data(name, "project_category")

    def district(self, name: str) -> str:
        return self.data(name, "district")

    def short(self, short_name: str) -> str:
        return _short_names(self.lang).get(short_name, short_name)

    def join(self, items) -> str:
        """A list as the reader writes it: 万州、涪陵 / Wanzhou, Fuling."""
        return self._("、").join(items)

    def district_name(self, name_2016: str, name_current: str, adcode_2016: str = "", adcode: str = "") -> str:
        """lib.plan.zones.district_name in the reader's language: 开县（今开州区） / Kai County (now Kaizhou District)."""
        old, new = self.district(name_2016), self.district(name_current)
        if name_current == name_2016:
            return old
        if adcode_2016 and adcode and adcode_2016 != adcode:
            return self._("{old}（2016年代码{code_2016}；今{new}，{code}）").format(old=old, code_2016=adcode_2016, new=new, code=adcode)
        return self._("{old}（今{new}）").format(old=old, new=new)

    def district_names(self, districts, codes: bool = False) -> dict[str, str]:
        return {
            row.adcode: self.district_name(row.name_2016, row.name_current, *((row.adcode_2016, row.adcode) if codes else ()))
            for row in districts.itertuples()
        }

    def place(self, chapter: str, section: str = "", box: str = "") -> str:
        """Where the plan names something: 专栏12 / Box 12; 正文第十章第一节 / Chapter 10, Section 1."""
        from lib.present import routes

        if not self.english:
            where = box if box else f"正文{chapter}{section}"
            return hant(where) if self.lang != ZH_CN else where
        if box:
            return "Box " + box.removeprefix("专栏")
        text = f"Chapter {routes.chapter_number(chapter)}"
        return text + (f", Section {'一二三四五六七八九十'.index(section[1]) + 1}" if section else "")

    def text(self, text) -> str:
        """Our own sentence already in 简体 (not the plan's): 繁體 by OpenCC; English only through ``data``."""
        return hant(str(text)) if self.lang not in (ZH_CN, EN) and text else ("" if text is None else str(text))
