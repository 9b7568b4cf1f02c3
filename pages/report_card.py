"""2020年目标完成情况: every 专栏2 target with its verdict, by 五大发展 group and 属性."""

import functools

import streamlit as st

from lib.present.blocks import Table
from lib.present.markup import markdown_escape
from lib.views import report_card as page
from pages import _blocks, _url
from pages._shared import open_view


@functools.lru_cache(maxsize=32)
def linked_table(table: Table) -> str:
    """The group's table as Markdown, each name a link to its row (every cell escaped)."""

    def cell(text) -> str:
        return markdown_escape(" ".join(str(text or "").split()))

    lines = ["| " + " | ".join(map(cell, table.headers)) + " |", "|" + " --- |" * len(table.headers)]
    for link, row in zip(table.links, table.rows):
        lines.append("| " + " | ".join([_blocks.inline(link), *map(cell, row[1:])]) + " |")
    return "\n".join(lines)


state, view = open_view(page)

_url.language_switch()
st.title(view.title, anchor=False)
_url.notices(state)
st.caption(view.intro)

st.header(view.counts_heading, anchor=False)
_blocks.draw(view.counts)

for group in view.groups:
    st.header(group.heading, anchor=False)
    st.markdown(linked_table(group.table))

_blocks.draw(view.rule)
for link in view.links:
    _blocks.page_link(link)
