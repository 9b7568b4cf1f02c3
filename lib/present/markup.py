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
