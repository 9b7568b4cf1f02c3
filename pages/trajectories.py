"""指标轨迹: one indicator's 2010 → 2015 → 2020 path, and which targets need the biggest acceleration."""

import streamlit as st

from lib.present import routes
from lib.present.blocks import Strong
from lib.views import trajectories as page
from pages import _blocks, _url
from pages._shared import open_view, static_edition

state, view = open_view(page)

st.title(view.title, anchor=False)
_url.language_switch()
_url.notices(state)
st.selectbox(
    view.select_label,
    view.options,
    format_func=view.labels.get,
    key=_url.seed("indicator", view.indicator),
    on_change=_url.change(page, lambda s: {"indicator": st.session_state["indicator"]}),
    placeholder="请选择",
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
_blocks.draw_all(view.marks)
_blocks.draw_all(view.notes)
if static_url := static_edition(routes.static_path(view.static_edition.target)):
    st.link_button(view.static_edition.label, static_url, icon=":material/open_in_new:")

if view.related:
    st.markdown(_blocks.inline(Strong(view.related_heading)))
    for related in view.related:
        st.markdown(f"- {_blocks.inline(related.text)}")
        _blocks.page_link(related.link, icon=":material/menu_book:")

st.divider()
st.header(view.ranking_heading, anchor=False)
st.caption(view.ranking_caption)
_blocks.draw(view.ranking_chart)
