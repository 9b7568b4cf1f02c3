"""规划原文: search the plan's own words and read it chapter by chapter."""

import streamlit as st

from lib.views import plan_reader as page
from pages import _blocks, _url
from pages._shared import open_view

state, view = open_view(page)


def passage_of(passage: page.State) -> dict:
    return {"q": "", "chapter": passage.chapter, "section": passage.section}


st.title(view.title, anchor=False)
st.caption(view.intro)
_url.notices(state)

st.text_input(
    view.search_label,
    key=_url.seed("q", state.q),
    max_chars=view.max_query,
    placeholder=view.search_placeholder,
    on_change=_url.change(page, lambda s: {"q": st.session_state["q"] or ""}),
)
_blocks.draw_all(view.no_result)
_blocks.draw_all(view.summary)
for number, result in enumerate(view.results):
    with st.container(border=True):
        st.text(result.breadcrumb)
        _blocks.draw(result.snippet)
        # A link to this same page would not change its URL; a button changes the State,
        # and the search gives way to the passage, which then sits right under the box.
        st.button(
            "阅读本节",
            key=f"open_{number}",
            icon=":material/menu_book:",
            on_click=_url.change(page, lambda s, passage=page.parse(result.link.target.params()): passage_of(passage)),
        )

st.divider()
st.header(view.reader_heading, anchor=False)
st.selectbox(
    "章",
    view.chapter_codes,
    format_func=view.chapter_labels.get,
    key=_url.seed("chapter", view.chapter),
    on_change=_url.change(page, lambda s: {"chapter": st.session_state["chapter"], "section": ""}),
    placeholder="请选择",
)
st.selectbox(
    "节",
    view.section_codes,
    format_func=view.section_labels.get,
    key=_url.seed("section", view.section),
    on_change=_url.change(page, lambda s: {"section": st.session_state["section"]}),
    placeholder="请选择",
)
if view.redaction_note:
    st.info(view.redaction_note, icon=":material/visibility_off:")
_blocks.draw_joined(view.blocks)
