"""Full-text search and browsing over the plan, with chapter and section breadcrumbs."""

from __future__ import annotations

import functools
import re
from typing import Literal
from urllib.parse import urlencode

import pandas as pd

from lib.plan import sentences
from lib.plan.plan_text import plan_lines

MAX_QUERY = 100
REDACTION = "***"


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
    """Lines holding every term (as written, or across a listing's punctuation: ``lib.plan.sentences``).

    Ranked: lines where every term stands as written first, then by how much the
    looser matches skipped, then in plan order. Each line carries the sentence a
    link lands on (``anchor``, ``sentence``) and where the terms stand in it (``marks``).
    """
    found = _hits(tuple(terms(query)))
    return found.head(limit).reset_index(drop=True)


def count(query: str) -> int:
    return len(_hits(tuple(terms(query))))


@functools.lru_cache(maxsize=64)
def _hits(words: tuple[str, ...]) -> pd.DataFrame:
    frame = paragraphs()
    columns = {"anchor": [], "sentence": [], "marks": [], "exact": [], "gap": []}
    keep = []
    needed = [set(w.lower()) for w in words]
    for row, characters in zip(frame.itertuples(), _characters()):
        # A line lacking any character of a term cannot hold it, even across punctuation: most lines stop here.
        possible = words and all(n <= characters for n in needed)
        landing = _landing(row.line, row.text, words, whole=bool(row.box)) if possible else None
        keep.append(landing is not None)
        if landing is not None:
            for key, value in zip(columns, landing):
                columns[key].append(value)
    hits = frame[keep].copy()
    for key, values in columns.items():
        hits[key] = values
    hits["hits"] = [len(marks) for marks in hits["marks"]]
    return hits.sort_values(["exact", "gap", "line"], ascending=[False, True, True], kind="stable")


@functools.cache
def _characters() -> tuple[frozenset[str], ...]:
    """Each line's characters (lower case), in ``paragraphs()``' order."""
    return tuple(frozenset(text.lower()) for text in paragraphs().text)


def _landing(line: int, text: str, words: tuple[str, ...], whole: bool = False):
    """(anchor, sentence, marks, exact, gap) of the sentence a hit lands on, or None when a term is missing from the line.

    Every term must stand in the line; the landing sentence is the one holding the
    most of them, then the most occurrences (the first such in the line): the static
    edition's search lands the same way (bake/static/search.js). Its marks are the spans they cover.
    """
    best, best_score = None, (0, 0)
    missing = set(words)
    for sentence in sentences.split(line, text, whole):
        found = {w: m for w in words if (m := sentences.find(w, sentence.text))}
        missing -= found.keys()
        score = (len(found), sum(sentence.text.lower().count(w.lower()) for w in found))
        if found and score > best_score:
            best, best_score = (sentence, list(found.values())), score
    if missing or best is None:
        return None
    sentence, matches = best
    marks = tuple(sorted(span for m in matches for span in m.spans))
    return sentence.anchor, sentence.text, marks, all(m.exact for m in matches), sum(m.gap for m in matches)


def snippet(sentence: str, marks: tuple[tuple[int, int], ...], width: int = 90) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The landing sentence, cut to a window around its first mark when long, with ellipses where cut; marks shifted to match."""
    if len(sentence) <= width * 2 or not marks:
        return sentence, marks
    start = max(0, marks[0][0] - width)
    end = min(len(sentence), marks[0][0] + width)
    lead = "…" if start else ""
    shifted = tuple((a - start + len(lead), b - start + len(lead)) for a, b in marks if a >= start and b <= end)
    return lead + sentence[start:end] + ("…" if end < len(sentence) else ""), shifted


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
    return tuple((kind, text) for kind, _, text in numbered_reading_lines(chapter, section))


@functools.cache
def numbered_reading_lines(chapter: str, section: str = "") -> tuple[tuple[LineKind, int, str], ...]:
    """``reading_lines`` with each line's number in data/source/plan.txt (what a sentence's anchor names)."""
    lines: list[tuple[LineKind, int, str]] = []
    current_box = ""
    for row in section_paragraphs(chapter, section).itertuples():
        if row.section and row.text.startswith(row.section):
            lines.append(("heading", row.line, row.text))
        elif row.box and row.box != current_box:
            lines.append(("box_title", row.line, row.text))
        elif row.box:
            lines.append(("box_row", row.line, row.text.replace("\t", "　")))
        else:
            lines.append(("text", row.line, row.text))
        current_box = row.box
    return tuple(lines)


@functools.cache
def has_redaction(chapter: str, section: str = "") -> bool:
    return bool(section_paragraphs(chapter, section).text.str.contains(REDACTION, regex=False).any())


def plan_link(chapter: str, section: str = "") -> str:
    """A relative link that opens the plan reader at a chapter (and section)."""
    query = {"chapter": chapter, **({"section": section} if section else {})}
    return "plan_reader?" + urlencode(query)
