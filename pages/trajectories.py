"""指标轨迹: one indicator's 2010 → 2015 → 2020 path, and which targets need the biggest acceleration."""

import streamlit as st

from lib.present import routes
from lib.present.blocks import Strong
from lib.present.i18n import gettext
from lib.present.markup import markdown_escape
from lib.views import trajectories as page
from pages import _blocks, _url
from pages._shared import open_view, static_edition

state, view = open_view(page)
_ = gettext(view.lang)


def quoted(text: str) -> str:
    """What the plan or a source printed, as Markdown marked with its language where it is not the page's (issue 27).
    unsafe_allow_html for that mark only: markdown_escape keeps the text itself from being HTML."""
    escaped = markdown_escape(" ".join(text.split()))
    return f'<span lang="{view.quote_lang}">{escaped}</span>' if view.quote_lang else escaped


st.title(view.title, anchor=False)
_url.language_switch()
_url.notices(state)
if view.language_note and (view.related or view.outcome_source):
    st.caption(view.language_note)
st.selectbox(
    view.select_label,
    view.options,
    format_func=view.labels.get,
    key=_url.seed("indicator", view.indicator),
    on_change=_url.change(page, lambda s: {"indicator": st.session_state["indicator"]}),
    placeholder=_("请选择"),
)
actions = st.columns(2)
with actions[0]:
    _blocks.page_link(view.handout, icon=":material/print:")
with actions[1]:
    _blocks.page_link(view.compare, icon=":material/view_column:")
_blocks.draw_all(view.summary)
_blocks.draw_all(view.message)
if view.class_table is not None:
    _blocks.draw(view.class_table)
if view.chart is not None:
    _blocks.draw(view.chart)
_blocks.draw_all(view.outcome)
if view.outcome_source:
    st.caption(quoted(view.outcome_source), unsafe_allow_html=True)
_blocks.draw_all(view.marks)
_blocks.draw_all(view.notes)
if static_url := static_edition(routes.static_path(view.static_edition.target)):
    st.link_button(view.static_edition.label, static_url, icon=":material/open_in_new:")

if view.related:
    st.markdown(_blocks.inline(Strong(view.related_heading)))
    for related in view.related:
        st.markdown(f"- {quoted(related.text)}{_blocks.inline(related.place)}", unsafe_allow_html=True)
        _blocks.page_link(related.link, icon=":material/menu_book:")

st.divider()
st.header(view.ranking_heading, anchor=False)
st.caption(view.ranking_caption)
_blocks.draw(view.ranking_chart)
