"""指标轨迹: one indicator's 2010 → 2015 → 2020 path, and which targets need the biggest acceleration."""

import streamlit as st

from lib.views import trajectories as page
from pages import _url
from pages._shared import open_view, static_edition

state, view = open_view(page)

st.title(view.title)
_url.notices(state)
st.selectbox(
    view.select_label,
    view.options,
    format_func=view.labels.get,
    key=_url.seed("indicator", view.indicator),
    on_change=_url.change(page, lambda s: {"indicator": st.session_state["indicator"]}),
)
if view.summary_markdown:
    st.markdown(view.summary_markdown)
if view.message:
    st.info(view.message)
if view.class_table_markdown:
    st.markdown(view.class_table_markdown)
if view.chart is not None:
    st.vega_lite_chart(view.chart, width="stretch")
if view.chart_caption:
    st.caption(view.chart_caption)
if view.outcome_markdown:
    st.caption(view.outcome_markdown)
if view.marks_markdown:
    st.markdown(view.marks_markdown)
if view.notes_markdown:
    st.markdown(view.notes_markdown)
if static_url := static_edition(view.static_path):
    st.link_button(view.static_label, static_url, icon=":material/open_in_new:")

if view.related:
    st.markdown(view.related_heading)
    for target in view.related:
        st.markdown(target.text_markdown)
        st.page_link("pages/plan_reader.py", label=target.link_label, icon=":material/menu_book:", query_params=target.link)

st.divider()
st.subheader(view.ranking_heading)
st.caption(view.ranking_caption)
st.vega_lite_chart(view.ranking_chart, width="stretch")
