"""规划原文: full-text search over the plan, and a chapter-by-chapter reader.

URL: ``q`` (search words), ``chapter`` (第十一章), ``section`` (第三节). Older
links carried the drop-down labels ("第十一章 …"); those are read too. A search
hit links to its sentence: the passage with ``q`` (so the sentences it found are
marked) and the sentence's anchor as the fragment (``#p-514-3``), which only the
browser sees; each edition's page script scrolls to it, or says so when the page
has no such sentence (``anchor_missing``). ``lang`` (issue 27): the page's words in
English or 繁體 (``languages``); the plan's text stays as published, in 简体 (``text_lang``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lib.plan import search, sentences
from lib.present import routes
from lib.present.blocks import Block, Heading, Inline, Link, Mark, Paragraph, Preformatted, Span, Strong, Target, paragraph, target
from lib.present.i18n import DEFAULT, N_, ZH_CN, gettext
from lib.views import query as q
from lib.views.plan_reader import languages
from lib.views.query import Notice, Query

KEYS = ("q", "chapter", "section", q.LANG)
RESULT_LIMIT = 50
WHOLE_CHAPTER_LABEL = N_("全章")
REDACTION_NOTE = N_(
    "本副本在此处隐去了文字（显示为 ***）。从上下文看，所指多为“五大功能区域”"
    "（都市功能核心区、都市功能拓展区、城市发展新区、渝东北生态涵养发展区、渝东南生态保护发展区）"
    "或其中某一区域的名称，例如“***域发展战略”即“五大功能区域发展战略”。"
)


@dataclass(frozen=True)
class State:
    q: str = ""
    chapter: str = ""  # a chapter code; "" is read as the first chapter
    section: str = ""  # "" means the whole chapter
    lang: str = DEFAULT
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Result:
    breadcrumb: str
    snippet: Paragraph  # the sentence it lands on, the search words as Mark
    link: Link  # 阅读本句: this passage in the reader, at that sentence (the Target's fragment)


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    search_label: str
    search_placeholder: str
    search_hint: str  # how matching works and what a hit's link does
    max_query: int
    words: tuple[str, ...]
    summary: tuple[Block, ...]  # "找到 12 段" (the count Strong), or () with no search
    no_result: tuple[Block, ...]  # a note echoing the words, or ()
    results: tuple[Result, ...]
    reader_heading: str
    chapter_codes: tuple[str, ...]
    chapter_labels: dict[str, str]
    section_codes: tuple[str, ...]  # "" first: the whole chapter
    section_labels: dict[str, str]
    chapter_links: tuple[Link, ...]  # every chapter, in the plan's order
    section_links: tuple[Link, ...]  # this chapter's sections (anchors in the static edition)
    chapter: str
    section: str
    redaction_note: str  # plain text, or ""
    blocks: tuple[Block, ...]  # the chapter (or section): headings, paragraphs of sentences (Spans), each 专栏's title and its rows
    landing_note: tuple[Block, ...]  # a search (q) that marks no sentence of this passage says so, or ()
    anchor_missing: str  # what the page script says when the fragment names no sentence here; "{anchor}" is filled in as text
    chapter_label: str = "章"  # the app's two drop-downs
    section_label: str = "节"
    choose: str = "请选择"
    lang: str = DEFAULT
    # The language the plan's text (the passage, the snippets) is shown in where it is not the page's: its 简体.
    text_lang: str = ""
    language_note: str = ""  # says so, in the page's language
    # Each chapter's and section's label as printed, in 简体, shown beside the English (English only).
    chapter_originals: dict[str, str] | None = None
    section_originals: dict[str, str] | None = None


def _first_chapter() -> str:
    return search.chapter_choices()[0][0]


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
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
    return State(q=text, chapter=chapter, section=section, lang=lang, notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    chapter = "" if state.chapter == _first_chapter() else state.chapter
    return q.query_of([("q", state.q, ""), ("chapter", chapter, ""), ("section", state.section, ""), (q.LANG, state.lang, DEFAULT)])


def reader_target(chapter: str, section: str = "", words: str = "", anchor: str = "", lang: str = DEFAULT) -> Target:
    """A passage of the plan in the reader (in the static edition: the chapter's page at the section's anchor).

    The chapter is written even when it is the first (which ``to_query`` leaves
    out): the static edition's route needs it, and the app reads it the same.
    With ``words`` and ``anchor``: the passage with the search's sentences marked, at one of them.
    """
    query = {"chapter": [chapter], **to_query(State(q=words, chapter=chapter, section=section, lang=lang))}
    return target("plan_reader", query, fragment=anchor)


def highlighted(text: str, words: list[str]) -> tuple[Inline, ...]:
    """``text`` with every match of ``words`` (longest first, any case) as a Mark; the rest as it reads."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return (text,)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    parts: list[Inline] = []
    last = 0
    for match in pattern.finditer(text):
        parts += [text[last : match.start()], Mark(match.group(0))]
        last = match.end()
    parts.append(text[last:])
    return tuple(p for p in parts if p != "")


@functools.lru_cache(maxsize=128)
def reading_blocks(chapter: str, section: str = "", words: tuple[str, ...] = ()) -> tuple[Block, ...]:
    """The chapter (or one section) as blocks: a section's heading (with its anchor), a paragraph of sentences
    per line (each a Span with its anchor; marked where the search ``words`` land), a 专栏's title in bold and
    its rows as one preformatted block (their tabs are their columns)."""
    marked = landings(chapter, section, words)
    found: list[Block] = []
    rows: list[Span] = []
    for kind, line, text in search.numbered_reading_lines(chapter, section):
        if kind == "box_row":
            rows.append(_span(sentences.split(line, text, whole=True)[0], marked))
            continue
        if rows:
            found.append(Preformatted("\n".join(r.text for r in rows), tuple(rows)))
            rows = []
        if kind == "heading":
            code = next((c for c, _ in search.section_choices(chapter) if text.startswith(c)), "")
            # Level 2: a section is the static chapter page's own part (under its h1), and in the app
            # it follows 按目录阅读 (h2); a 4 skipped levels (axe heading-order, tests/browser/test_a11y.py).
            found.append(Heading(text, 2, routes.section_anchor(chapter, code) if code else ""))
        elif kind == "box_title":
            found.append(paragraph(Strong(text)))
        else:
            found.append(paragraph(*(_span(sentence, marked) for sentence in sentences.split(line, text))))
    if rows:
        found.append(Preformatted("\n".join(r.text for r in rows), tuple(rows)))
    return tuple(found)


def _span(sentence: sentences.Sentence, marked: frozenset[str]) -> Span:
    return Span(sentence.text, sentence.anchor, sentence.anchor in marked)


def landings(chapter: str, section: str, words: tuple[str, ...]) -> frozenset[str]:
    """The anchors the search ``words`` land on in this passage (one per line that holds them all)."""
    if not words:
        return frozenset()
    found = search.search(" ".join(words), limit=10_000)
    here = found[(found.chapter == chapter) & ((found.section == section) if section else True)]
    return frozenset(here.anchor)


def _snippet(row: dict) -> Paragraph:
    text, marks = search.snippet(row["sentence"], row["marks"])
    parts: list[Inline] = []
    last = 0
    for start, end in marks:
        if start < last:
            continue  # two words covering the same characters: one Mark
        parts += [text[last:start], Mark(text[start:end])]
        last = end
    return paragraph(*parts, text[last:])


def _summary(total: int, _) -> tuple[Block, ...]:
    """找到 12 段 (the count Strong), and how many are shown when the list is cut."""
    before, _sep, after = _("找到 {count} 段").partition("{count}")
    cut = _("，显示前 {limit} 段").format(limit=RESULT_LIMIT) if total > RESULT_LIMIT else ""
    return (paragraph(before, Strong(str(total)), after + cut),)


def build(state: State) -> View:
    lang = state.lang
    _ = gettext(lang)
    words = tuple(search.terms(state.q))
    results: tuple[Result, ...] = ()
    summary: tuple[Block, ...] = ()
    no_result: tuple[Block, ...] = ()
    if words:
        joined = " ".join(words)
        found, total = search.search(joined, limit=RESULT_LIMIT), search.count(joined)
        if found.empty:
            # The words come from the URL: cleaned and cut like any echo, shown as text by each renderer.
            no_result = (
                paragraph(_("没有找到包含“{words}”的段落。换一个词，或减少检索词试试。").format(words=q.echo(joined)), tone="note"),
            )
        else:
            summary = _summary(total, _)
            results = tuple(
                Result(
                    breadcrumb=languages.breadcrumb(row, lang),
                    snippet=_snippet(row),
                    link=Link(_("阅读本句"), reader_target(row["chapter"], row["section"], state.q, row["anchor"], lang)),
                )
                for row in found.to_dict("records")
            )
    chapter = state.chapter or _first_chapter()
    printed_sections = dict(search.section_choices(chapter))
    sections = {code: languages.section_label(chapter, code, lang) for code in printed_sections}
    printed_chapters = dict(search.chapter_choices())
    chapters = {code: languages.chapter_label(code, lang) for code in printed_chapters}
    return View(
        title=_("规划原文"),
        intro=_("《重庆市国民经济和社会发展第十三个五年规划纲要》全文（2016年2月）。可全文检索，也可按目录逐章阅读。"),
        search_label=_("全文检索（多个词用空格分开）"),
        search_placeholder=_("如：页岩气、渝新欧、脱贫、轨道交通"),
        search_hint=_(
            "同一句里按顺序出现、中间隔着顿号或逗号的词也算：“万州机场”能找到“改扩建万州、黔江机场”。"
            "点“阅读本句”打开原文并停在那一句；那时的网址就是指向这句话的链接。"
        ),
        max_query=search.MAX_QUERY,
        words=words,
        summary=summary,
        no_result=no_result,
        results=results,
        reader_heading=_("按目录阅读"),
        chapter_codes=tuple(chapters),
        chapter_labels=chapters,
        section_codes=("", *sections),
        section_labels={"": _(WHOLE_CHAPTER_LABEL), **sections},
        chapter_links=tuple(Link(label, reader_target(code, lang=lang)) for code, label in chapters.items()),
        section_links=tuple(Link(label, reader_target(chapter, code, lang=lang)) for code, label in sections.items()),
        chapter=chapter,
        section=state.section,
        redaction_note=_(REDACTION_NOTE) if search.has_redaction(chapter, state.section) else "",
        blocks=reading_blocks(chapter, state.section, words),
        landing_note=_landing_note(chapter, state.section, words, lang),
        anchor_missing=_(
            "链接指向的句子（{anchor}）不在本页：链接可能不完整，或这句话在别的章节。下面是本页全文，可用上方的全文检索再找一次。"
        ),
        chapter_label=_("章"),
        section_label=_("节"),
        choose=_("请选择"),
        lang=lang,
        text_lang="" if lang == ZH_CN else ZH_CN,
        language_note="" if lang == ZH_CN else _("规划正文照2016年印发的简体中文原文显示，未经翻译；标题、说明与检索界面为本站翻译。"),
        chapter_originals=languages.originals(printed_chapters, lang),
        section_originals=languages.originals(printed_sections, lang),
    )


def _landing_note(chapter: str, section: str, words: tuple[str, ...], lang: str = DEFAULT) -> tuple[Block, ...]:
    """Words found elsewhere but not in this passage (a search opens on the first chapter; a link may be
    stale or edited): said above the passage. Words found nowhere already have ``no_result``."""
    if not words or landings(chapter, section, words) or not search.count(" ".join(words)):
        return ()
    _ = gettext(lang)
    said = _("{where}没有与“{words}”相符的句子；相符的段落见上方的检索结果。")
    return (paragraph(said.format(where=languages.where(chapter, section, lang), words=q.echo(" ".join(words))), tone="note"),)
