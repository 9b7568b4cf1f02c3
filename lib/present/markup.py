"""Text that goes into st.markdown from the data: escaped, so it shows as text.

(Text from the URL goes through lib/views/query.py, which also breaks autolinks.)
"""

from __future__ import annotations

import re

import pandas as pd

# "=" and "&" too: a line of === under text makes a heading, &lt; an entity.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&])")


def markdown_escape(text: str) -> str:
    """Text that st.markdown shows literally: no emphasis, links, math, HTML or directives."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))


# Markdown turns www.…, http(s)://… and a@b.c into live links even when every
# special character is escaped; a word joiner (U+2060, invisible) breaks the
# pattern without changing what a reader sees.
_AUTOLINK = re.compile(r"(?i)(www)(\\?\.)|(:)(//)|(@)")
_JOINER = "\u2060"


def markdown_text(text: str) -> str:
    """Plain text that st.markdown shows exactly as it reads: every special escaped, autolinks broken."""
    escaped = markdown_escape(text)
    return _AUTOLINK.sub(lambda m: _JOINER.join(g for g in m.groups() if g is not None) if m.group(5) is None else "@" + _JOINER, escaped)


def markdown_table(frame, index_label: str = "") -> str:
    """A small DataFrame as a markdown table, every header and cell escaped.

    For a handful of rows this is one light element, where st.table costs
    milliseconds of server time on every rerun. The index is the first column.
    """

    def cell(value) -> str:
        return markdown_escape(" ".join(str("" if value is None else value).split()))

    header = [index_label or str(frame.index.name or ""), *map(str, frame.columns)]
    rows = [[index, *row] for index, row in zip(frame.index, frame.itertuples(index=False))]
    # Numbers line up on the right, as in a printed table.
    rules = ["---"] + ["---:" if pd.api.types.is_numeric_dtype(frame[c]) else "---" for c in frame.columns]
    lines = ["| " + " | ".join(cell(v) for v in header) + " |", "| " + " | ".join(rules) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
