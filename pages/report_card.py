"""2020年目标完成情况: every 专栏2 target with its verdict, by 五大发展 group and 属性."""

import functools

import streamlit as st

from lib.present.blocks import Table
from lib.present.markup import markdown_escape
from lib.views import report_card as page
from pages import _blocks, _url
from pages._shared import open_view


@functools.lru_cache(maxsize=32)
def linked_table(table: Table, source_lang: str) -> str:
    """The group's table as Markdown, each name a link to its row (every cell escaped); the
    source marked with the language it is published in where that is not the page's (issue 27)."""

    def cell(text) -> str:
        return markdown_escape(" ".join(str(text or "").split()))

    def source(text) -> str:
        return f'<span lang="{source_lang}">{cell(text)}</span>' if source_lang and text else cell(text)

    lines = ["| " + " | ".join(map(cell, table.headers)) + " |", "|" + " --- |" * len(table.headers)]
    for link, row in zip(table.links, table.rows):
        cells = [_blocks.inline(link), *map(cell, row[1 : page.SOURCE]), source(row[page.SOURCE]), *map(cell, row[page.SOURCE + 1 :])]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


state, view = open_view(page)

st.title(view.title, anchor=False)
_url.language_switch()
_url.notices(state)
st.caption(view.intro)
if view.source_note:
    st.caption(view.source_note)

st.header(view.counts_heading, anchor=False)
_blocks.draw(view.counts)

for group in view.groups:
    st.header(group.heading, anchor=False)
    # unsafe_allow_html for the source's lang mark only: markdown_escape keeps every cell from being HTML.
    st.markdown(linked_table(group.table, view.source_lang), unsafe_allow_html=True)

_blocks.draw(view.rule)
for link in view.links:
    _blocks.page_link(link)
