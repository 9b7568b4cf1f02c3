"""The plan text as data: lines, chapters, sections and 专栏 boxes.

Everything that claims "this figure is printed in the plan" is checked
against this module, so it reads only the project's own copy under
``data/source/`` and never the workspace's shared folder.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from lib.plan.validation import DataFileError

PLAN_PATH = Path(__file__).resolve().parents[2] / "data" / "source" / "plan.txt"

# The body starts after the table of contents; the 目录 repeats every heading,
# so headings are only read from the body.
_BODY_MARKER = "　　《重庆市国民经济和社会发展第十三个五年规划纲要》根据"
_CHAPTER_RE = re.compile(r"^　(第[一二三四五六七八九十]+章)　(.+)$")
_SECTION_RE = re.compile(r"^　(第[一二三四五六七八九十]+节)　(.+)$")
_BOX_RE = re.compile(r"^　　(专栏(\d+))　(.+)$")
# Part headings (篇) stand on their own line, indented, with no punctuation.
_PART_TITLES = (
    "全面建成小康社会",
    "推进创新发展",
    "推进协调发展",
    "推进绿色发展",
    "推进开放发展",
    "推进共享发展",
    "推进地方国家治理体系和治理能力现代化",
    "加强规划实施保障",
)


@dataclass(frozen=True)
class Line:
    """One line of the plan with its place in the outline."""

    number: int  # 1-based line number in data/source/plan.txt
    text: str
    part: str
    chapter: str  # "第一章" or "" before the first chapter
    chapter_title: str
    section: str  # "第三节" or "" in a chapter's preamble
    section_title: str
    box: str  # "专栏2" while inside a box, else ""


@dataclass(frozen=True)
class Box:
    """A 专栏: its title, its body lines and the 备注 line if printed."""

    name: str
    title: str
    chapter: str
    section: str
    first_line: int
    last_line: int
    text: str  # the lines of the box (title excluded), joined by "\n"
    notes: str  # the 备注 line, "" if the box has none


@functools.cache
def plan_text() -> str:
    try:
        return PLAN_PATH.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        # A page shows this like any other damaged data file: one plain sentence.
        raise DataFileError(PLAN_PATH, f"the plan's text cannot be read ({type(error).__name__})") from error


# List boxes (专栏4 onwards) print one item per line and run to the next
# heading. 专栏11 is the one exception: a single line, after which the
# prose of 第十章第二节 carries on without a heading.
_LIST_BOX_LINES = {"专栏11": 1}


@functools.cache
def plan_lines() -> tuple[Line, ...]:
    raw_lines = plan_text().split("\n")
    body_start = next(i for i, t in enumerate(raw_lines) if t.startswith(_BODY_MARKER))
    part = chapter = chapter_title = section = section_title = box = ""
    box_lines = 0
    lines = []
    for index, text in enumerate(raw_lines):
        number = index + 1
        if index >= body_start:
            stripped = text.strip("　 ")
            if chapter_match := _CHAPTER_RE.match(text):
                chapter, chapter_title = chapter_match.groups()
                section = section_title = box = ""
            elif section_match := _SECTION_RE.match(text):
                section, section_title = section_match.groups()
                box = ""
            elif stripped in _PART_TITLES and text.startswith("　　"):
                part = stripped
                chapter = chapter_title = section = section_title = box = ""
            elif box_match := _BOX_RE.match(text):
                box, box_lines = box_match.group(1), 0
            elif box and text.startswith("　　") and not _box_continues(box, text, box_lines):
                box = ""
            elif box and text.strip() and int(box.removeprefix("专栏")) <= 3 and lines and lines[-1].text.startswith("　　备注"):
                box = ""
            if box and not _BOX_RE.match(text):
                box_lines += 1
        lines.append(Line(number, text, part, chapter, chapter_title, section, section_title, box))
    return tuple(lines)


def _box_continues(box: str, text: str, lines_so_far: int) -> bool:
    """Whether an indented line still belongs to the open box.

    Tables (专栏1 to 专栏3) end at their 备注 line, which is kept, or at the
    first paragraph of prose. List boxes end at the next heading, which the
    caller handles, or after the fixed length in ``_LIST_BOX_LINES``.
    """
    if int(box.removeprefix("专栏")) <= 3:
        return text.startswith("　　备注")
    return lines_so_far < _LIST_BOX_LINES.get(box, 10_000)


@functools.cache
def boxes() -> dict[str, Box]:
    found: dict[str, list[Line]] = {}
    for line in plan_lines():
        if line.box:
            found.setdefault(line.box, []).append(line)
    result = {}
    for name, box_lines in found.items():
        title = _BOX_RE.match(box_lines[0].text).group(3)
        body = [ln for ln in box_lines[1:] if not ln.text.startswith("　　备注")]
        notes = [ln.text for ln in box_lines[1:] if ln.text.startswith("　　备注")]
        while body and not body[-1].text.strip():
            body.pop()
        result[name] = Box(
            name=name,
            title=title,
            chapter=box_lines[0].chapter,
            section=box_lines[0].section,
            first_line=box_lines[0].number,
            last_line=box_lines[-1].number,
            text="\n".join(ln.text for ln in body),
            notes=notes[0] if notes else "",
        )
    return result


def box(name: str) -> Box:
    """A box by name, e.g. ``box("专栏2")``."""
    try:
        return boxes()[name]
    except KeyError:
        raise KeyError(f"the plan has no {name!r}; it has {', '.join(boxes())}") from None


def passage(chapter: str, section: str = "") -> str:
    """The text of a chapter (with all its sections) or of one section.

    ``section=""`` means the whole chapter, preamble and sections alike.
    """
    selected = [ln.text for ln in plan_lines() if ln.chapter == chapter and (not section or ln.section == section)]
    if not selected:
        raise KeyError(f"the plan has no {chapter}{section}")
    return "\n".join(selected)


def table_rows(name: str) -> list[list[str]]:
    """The rows of a tabular box as lists of cells, exactly as printed.

    The plan prints some cells across two lines ("33.5" then "（旧口径）");
    a cell keeps its line break, because that is how the text reads.
    A new row starts at a line that opens with a row number and a tab, or
    with a tab (a sub-row), or that holds a whole row (three tabs or more,
    as in 专栏3, whose rows open with the field's name); any other line
    continues the cell before it.
    """
    rows: list[str] = []
    for text in box(name).text.split("\n"):
        if not text.strip():
            continue
        if not rows or re.match(r"^([0-9]+|[一二三四五])?\t", text) or text.count("\t") >= 3:
            rows.append(text)
        else:
            rows[-1] += "\n" + text
    return [row.split("\t") for row in rows]


def where(line_number: int) -> Line:
    return plan_lines()[line_number - 1]
