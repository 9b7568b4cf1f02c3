"""data/methods.md as blocks: the few Markdown forms our own prose uses, read once at build time.

The prose is ours (not data), written in a small subset: ``## `` starts a
section; a paragraph; a list (``- `` items, continued on indented lines); a
table (``|`` rows, the second a rule); ``**bold**``; ```code``` (shown as
plain text). Anything else is kept as the words it is.
"""

from __future__ import annotations

import re

from lib.present.blocks import Block, Inline, Strong, Table, bullets, paragraph

_INLINE = re.compile(r"\*\*(.+?)\*\*|`([^`]+)`")


def inline(text: str) -> tuple[Inline, ...]:
    """``**bold**`` as Strong, a code span as its plain text, the rest as it reads."""
    parts: list[Inline] = []
    last = 0
    for match in _INLINE.finditer(text):
        parts.append(text[last : match.start()])
        parts.append(Strong(match.group(1)) if match.group(1) is not None else match.group(2))
        last = match.end()
    parts.append(text[last:])
    merged: list[Inline] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif part != "":
            merged.append(part)
    return tuple(merged)


def _cells(line: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in line.strip().strip("|").split("|"))


def _joined(lines: list[str]) -> str:
    # A line break inside a Chinese paragraph is only the source's wrapping: no space.
    return "".join(line.strip(" ") for line in lines)


def blocks(markdown: str) -> tuple[Block, ...]:
    """One section's text as Paragraph, Bullets and Table blocks."""
    found: list[Block] = []
    for group in re.split(r"\n\s*\n", markdown.strip()):
        lines = [line for line in group.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith("|") for line in lines):
            headers, *rows = [_cells(line) for line in lines]
            rows = [row for row in rows if not all(set(cell) <= set("-: ") for cell in row)]  # the rule under the headers
            found.append(Table(headers, tuple(rows)))
        elif lines[0].startswith("- "):
            items: list[list[str]] = []
            for line in lines:
                if line.startswith("- "):
                    items.append([line[2:]])
                else:
                    items[-1].append(line)
            found.append(bullets([inline(_joined(item)) for item in items]))
        else:
            found.append(paragraph(*inline(_joined(lines))))
    return tuple(found)


def sections(text: str) -> tuple[tuple[str, tuple[Block, ...]], ...]:
    """(heading, blocks) per ``## `` section; what comes before the first (a comment) is not shown."""
    parts = text.split("\n## ")[1:]
    return tuple((part.split("\n", 1)[0].strip(), blocks(part.split("\n", 1)[1])) for part in parts)
