"""规划原文: search the plan's own words and read it chapter by chapter, a hit opening at its sentence."""

import html

import streamlit as st

from lib.present import routes
from lib.present.blocks import Mark
from lib.views import plan_reader as page
from pages import _blocks, _landing, _url
from pages._shared import open_view

state, view = open_view(page)


def quoted(markup: str) -> str:
    """The plan's own words marked as the 简体 they are published in, where the page is in another language (issue 27)."""
    return f'<div lang="{view.text_lang}">{markup}</div>' if view.text_lang else markup


def snippet_html(snippet) -> str:
    # st.html rather than Markdown: only HTML carries the lang mark; every part escaped.
    parts = "".join(f"<mark>{html.escape(p.text)}</mark>" if isinstance(p, Mark) else html.escape(str(p)) for p in snippet.parts)
    return quoted(f"<p>{parts}</p>")


st.title(view.title, anchor=False)
_url.language_switch()
st.caption(view.intro)
if view.language_note:
    st.caption(view.language_note)
_url.notices(state)
_landing.landing(view.anchor_missing)

st.text_input(
    view.search_label,
    key=_url.seed("q", state.q),
    max_chars=view.max_query,
    placeholder=view.search_placeholder,
    on_change=_url.change(page, lambda s: {"q": st.session_state["q"] or ""}),
)
st.caption(view.search_hint)
_blocks.draw_all(view.no_result)
_blocks.draw_all(view.summary)
for result in view.results:
    with st.container(border=True):
        st.text(result.breadcrumb)
        if view.text_lang:
            st.html(snippet_html(result.snippet))
        else:
            _blocks.draw(result.snippet)
        # A plain link, not a button or st.page_link: only a link carries the sentence's fragment
        # (#p-514-3), and it is the very address a reader copies to share that sentence.
        st.html(
            f'<a class="read-sentence" href="{_blocks.escape_attribute(routes.app_path(result.link.target))}">{_blocks.escape_attribute(result.link.label)}</a>'
        )

st.divider()
st.header(view.reader_heading, anchor=False)
st.selectbox(
    view.chapter_label,
    view.chapter_codes,
    format_func=view.chapter_labels.get,
    key=_url.seed("chapter", view.chapter),
    on_change=_url.change(page, lambda s: {"chapter": st.session_state["chapter"], "section": ""}),
    placeholder=view.choose,
)
st.selectbox(
    view.section_label,
    view.section_codes,
    format_func=view.section_labels.get,
    key=_url.seed("section", view.section),
    on_change=_url.change(page, lambda s: {"section": st.session_state["section"]}),
    placeholder=view.choose,
)
_blocks.draw_all(view.landing_note)
if view.redaction_note:
    st.info(view.redaction_note, icon=":material/visibility_off:")
st.html(quoted(_blocks.passage_html(view.blocks)))
