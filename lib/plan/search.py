"""Full-text search and browsing over the plan, with chapter and section breadcrumbs."""

from __future__ import annotations

import functools
import re
from typing import Literal
from urllib.parse import urlencode

import pandas as pd

from lib.plan.plan_text import plan_lines

MAX_QUERY = 100
REDACTION = "***"
REDACTION_NOTE = (
    "本副本在此处隐去了文字（显示为 ***）。从上下文看，所指多为“五大功能区域”"
    "（都市功能核心区、都市功能拓展区、城市发展新区、渝东北生态涵养发展区、渝东南生态保护发展区）"
    "或其中某一区域的名称，例如“***域发展战略”即“五大功能区域发展战略”。"
)


@functools.cache
def paragraphs() -> pd.DataFrame:
    """Every non-empty line of the plan body with its place in the outline."""
    rows = [
        {
            "line": ln.number,
            "part": ln.part,
            "chapter": ln.chapter,
            "chapter_title": ln.chapter_title,
            "section": ln.section,
            "section_title": ln.section_title,
            "box": ln.box,
            "text": ln.text.strip("　 "),
        }
        for ln in plan_lines()
        if ln.chapter and ln.text.strip("　 ")
    ]
    return pd.DataFrame(rows)


@functools.cache
def outline() -> pd.DataFrame:
    """Chapters and their sections in the order of the plan (the 目录 as built from the body)."""
    frame = paragraphs()
    first = frame.drop_duplicates(["chapter", "section"])[["part", "chapter", "chapter_title", "section", "section_title", "line"]]
    return first.reset_index(drop=True)


def breadcrumb(row) -> str:
    parts = [p for p in (row["part"], f"{row['chapter']} {row['chapter_title']}") if p.strip()]
    if row["section"]:
        parts.append(f"{row['section']} {row['section_title']}")
    if row.get("box"):
        parts.append(row["box"])
    return " › ".join(parts)


def terms(query: str) -> list[str]:
    """Search terms: the query split on spaces, at most MAX_QUERY characters in all."""
    cleaned = re.sub(r"\s+", " ", str(query or ""))[:MAX_QUERY].strip()
    return [t for t in cleaned.split(" ") if t][:8]


def search(query: str, limit: int = 50) -> pd.DataFrame:
    """Lines containing every term (case-insensitive), in plan order, with match counts."""
    words = terms(query)
    frame = paragraphs()
    if not words:
        return frame.iloc[0:0].assign(hits=pd.Series(dtype="int64"))
    lowered = frame.text.str.lower()
    keep = pd.Series(True, index=frame.index)
    for word in words:
        keep &= lowered.str.contains(word.lower(), regex=False)
    hits = frame[keep].copy()
    hits["hits"] = [sum(text.lower().count(w.lower()) for w in words) for text in hits.text]
    return hits.head(limit).reset_index(drop=True)


def count(query: str) -> int:
    return len(search(query, limit=10_000))


def snippet(text: str, words: list[str], width: int = 90) -> str:
    """A window of ``text`` around the first match, with ellipses where cut."""
    lowered = text.lower()
    positions = [lowered.find(w.lower()) for w in words if lowered.find(w.lower()) >= 0]
    if not positions or len(text) <= width * 2:
        return text
    start = max(0, min(positions) - width)
    end = min(len(text), min(positions) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def section_paragraphs(chapter: str, section: str = "") -> pd.DataFrame:
    frame = paragraphs()
    chosen = frame[frame.chapter == chapter]
    if section:
        chosen = chosen[chosen.section == section]
    return chosen.reset_index(drop=True)


@functools.cache
def chapter_choices() -> tuple[tuple[str, str], ...]:
    """(code, label) of every chapter, in the plan's order: 第一章 → "第一章 发展基础"."""
    toc = outline().drop_duplicates("chapter")
    return tuple((r.chapter, f"{r.chapter} {r.chapter_title}") for r in toc.itertuples())


@functools.cache
def section_choices(chapter: str) -> tuple[tuple[str, str], ...]:
    """(code, label) of the sections of one chapter; empty for an unknown chapter."""
    toc = outline()
    rows = toc[(toc.chapter == chapter) & (toc.section != "")]
    return tuple((r.section, f"{r.section} {r.section_title}") for r in rows.itertuples())


# One line of the plan as the reader shows it: a section's heading, a 专栏's title line, one of its rows, or body text.
LineKind = Literal["heading", "box_title", "box_row", "text"]


@functools.cache
def reading_lines(chapter: str, section: str = "") -> tuple[tuple[LineKind, str], ...]:
    """A chapter (or one section), line by line, each with its kind; plain text (tabs in a 专栏's rows as full-width spaces)."""
    lines: list[tuple[LineKind, str]] = []
    current_box = ""
    for row in section_paragraphs(chapter, section).itertuples():
        if row.section and row.text.startswith(row.section):
            lines.append(("heading", row.text))
        elif row.box and row.box != current_box:
            lines.append(("box_title", row.text))
        elif row.box:
            lines.append(("box_row", row.text.replace("\t", "　")))
        else:
            lines.append(("text", row.text))
        current_box = row.box
    return tuple(lines)


@functools.cache
def has_redaction(chapter: str, section: str = "") -> bool:
    return bool(section_paragraphs(chapter, section).text.str.contains(REDACTION, regex=False).any())


def plan_link(chapter: str, section: str = "") -> str:
    """A relative link that opens the plan reader at a chapter (and section)."""
    query = {"chapter": chapter, **({"section": section} if section else {})}
    return "plan_reader?" + urlencode(query)
