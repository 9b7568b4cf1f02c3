"""规划原文: full-text search over the plan, and a chapter-by-chapter reader.

URL: ``q`` (search words), ``chapter`` (第十一章), ``section`` (第三节). Older
links carried the drop-down labels ("第十一章 …"); those are read too.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.plan import search
from lib.views import query as q
from lib.views.query import Notice, Query

KEYS = ("q", "chapter", "section")
RESULT_LIMIT = 50
WHOLE_CHAPTER_LABEL = "全章"


@dataclass(frozen=True)
class State:
    q: str = ""
    chapter: str = ""  # a chapter code; "" is read as the first chapter
    section: str = ""  # "" means the whole chapter
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Result:
    breadcrumb: str  # plain text
    snippet_markdown: str  # escaped, with the search words highlighted
    link: dict[str, str]  # the query that opens this passage in the reader


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    search_label: str
    search_placeholder: str
    max_query: int
    words: tuple[str, ...]
    summary_markdown: str  # "找到 **12** 段" (escaped), or "" with no search
    no_result: str  # markdown (the words escaped), or ""
    results: tuple[Result, ...]
    reader_heading: str
    chapter_codes: tuple[str, ...]
    chapter_labels: dict[str, str]
    section_codes: tuple[str, ...]  # "" first: the whole chapter
    section_labels: dict[str, str]
    chapter: str
    section: str
    redaction_note: str  # plain text, or ""
    blocks: tuple[tuple[search.BlockKind, str], ...]


def _first_chapter() -> str:
    return search.chapter_choices()[0][0]


def parse(query: Query) -> State:
    notices: list[Notice] = []
    q.unknown_keys(query, KEYS, notices)
    text = q.text(query, "q", search.MAX_QUERY, notices)
    chapters = dict(search.chapter_choices())
    spellings = {**{code: code for code in chapters}, **{label: code for code, label in chapters.items()}}
    chapter = q.one_of(query, "chapter", spellings, _first_chapter(), notices)
    sections = dict(search.section_choices(chapter))
    section_spellings = {
        **{code: code for code in sections},
        **{label: code for code, label in sections.items()},
        WHOLE_CHAPTER_LABEL: "",
    }
    section = q.one_of(query, "section", section_spellings, "", notices)
    return State(q=text, chapter=chapter, section=section, notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    chapter = "" if state.chapter == _first_chapter() else state.chapter
    return q.query_of([("q", state.q, ""), ("chapter", chapter, ""), ("section", state.section, "")])


def build(state: State) -> View:
    words = tuple(search.terms(state.q))
    results: tuple[Result, ...] = ()
    summary, no_result = "", ""
    if words:
        joined = " ".join(words)
        found, total = search.search(joined, limit=RESULT_LIMIT), search.count(joined)
        if found.empty:
            no_result = f"没有找到包含“{q.markdown_literal(joined)}”的段落。换一个词，或减少检索词试试。"
        else:
            summary = f"找到 **{total}** 段" + (f"，显示前 {RESULT_LIMIT} 段" if total > RESULT_LIMIT else "")
            results = tuple(
                Result(
                    breadcrumb=search.breadcrumb(row),
                    snippet_markdown=search.highlight_markdown(search.snippet(row["text"], list(words)), list(words)),
                    link={"chapter": row["chapter"], **({"section": row["section"]} if row["section"] else {})},
                )
                for row in found.to_dict("records")
            )
    chapter = state.chapter or _first_chapter()
    sections = dict(search.section_choices(chapter))
    return View(
        title="规划原文",
        intro="《重庆市国民经济和社会发展第十三个五年规划纲要》全文（2016年2月）。可全文检索，也可按目录逐章阅读。",
        search_label="全文检索（多个词用空格分开）",
        search_placeholder="如：页岩气、渝新欧、脱贫、轨道交通",
        max_query=search.MAX_QUERY,
        words=words,
        summary_markdown=summary,
        no_result=no_result,
        results=results,
        reader_heading="按目录阅读",
        chapter_codes=tuple(code for code, _ in search.chapter_choices()),
        chapter_labels=dict(search.chapter_choices()),
        section_codes=("", *sections),
        section_labels={"": WHOLE_CHAPTER_LABEL, **sections},
        chapter=chapter,
        section=state.section,
        redaction_note=search.REDACTION_NOTE if search.has_redaction(chapter, state.section) else "",
        blocks=search.reading_blocks(chapter, state.section),
    )
