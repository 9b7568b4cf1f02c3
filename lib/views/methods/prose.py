"""data/methods.md as blocks: the few Markdown forms our own prose uses, read once at build time.

The prose is ours (not data), written in a small subset: ``## `` starts a
section; a paragraph; a list (``- `` items, continued on indented lines); a
table (``|`` rows, the second a rule); ``**bold**``; ```code``` (shown as
plain text). Anything else is kept as the words it is. ``quoted`` (issue 27): a pattern whose
matches are shown as published, in 简体 (``Original``): a Chinese document's title or a printed
cell in the English prose.
"""

from __future__ import annotations

import re

from lib.present.blocks import Block, Inline, Original, Strong, Table, bullets, paragraph

_INLINE = re.compile(r"\*\*(.+?)\*\*|`([^`]+)`")


def _quoting(text: str, quoted: re.Pattern | None) -> list[Inline]:
    if quoted is None:
        return [text]
    parts: list[Inline] = []
    last = 0
    for match in quoted.finditer(text):
        parts += [text[last : match.start()], Original(match.group(0))]
        last = match.end()
    return parts + [text[last:]]


def inline(text: str, quoted: re.Pattern | None = None) -> tuple[Inline, ...]:
    """``**bold**`` as Strong, a code span as its plain text, the rest as it reads (``quoted`` runs as Original)."""
    parts: list[Inline] = []
    last = 0
    for match in _INLINE.finditer(text):
        parts += _quoting(text[last : match.start()], quoted)
        if match.group(1) is not None and quoted is not None and quoted.fullmatch(match.group(1)):
            parts.append(Original(match.group(1)))
        else:
            parts.append(Strong(match.group(1)) if match.group(1) is not None else match.group(2))
        last = match.end()
    parts += _quoting(text[last:], quoted)
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
    # A line break is only the source's wrapping: no space after Chinese (or full-width punctuation), a space between English words.
    text = ""
    for line in (line.strip(" ") for line in lines):
        text += (" " if text and text[-1].isascii() and line[:1].isascii() else "") + line
    return text


def blocks(markdown: str, quoted: re.Pattern | None = None) -> tuple[Block, ...]:
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
            found.append(bullets([inline(_joined(item), quoted) for item in items]))
        else:
            found.append(paragraph(*inline(_joined(lines), quoted)))
    return tuple(found)


def sections(text: str, quoted: re.Pattern | None = None) -> tuple[tuple[str, tuple[Block, ...]], ...]:
    """(heading, blocks) per ``## `` section; what comes before the first (a comment) is not shown."""
    parts = text.split("\n## ")[1:]
    return tuple((part.split("\n", 1)[0].strip(), blocks(part.split("\n", 1)[1], quoted)) for part in parts)
