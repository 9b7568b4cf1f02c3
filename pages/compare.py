"""指标对比: up to four indicators side by side, each chart on its own scale."""

import streamlit as st

from lib.present.markup import markdown_escape
from lib.views import compare as page
from pages import _blocks, _url
from pages._shared import open_view

state, view = open_view(page)

st.title(view.title, anchor=False)
_url.language_switch()
st.caption(view.intro)
_url.notices(state)
st.multiselect(
    view.select_label,
    view.options,
    format_func=view.labels.get,
    max_selections=view.max_indicators,
    help=view.select_help,
    placeholder=view.placeholder,
    key=_url.seed("indicator", list(view.indicators)),
    on_change=_url.change(page, lambda s: {"indicators": tuple(st.session_state["indicator"] or ())}),
)
if view.empty:
    st.info(view.empty)

# Two panels a row: at 1280 px each chart is about 600 px wide; on a phone the columns stack.
for start in range(0, len(view.panels), 2):
    for column, panel in zip(st.columns(2, border=True), view.panels[start : start + 2]):
        with column:
            st.subheader(markdown_escape(panel.title), anchor=False)
            _blocks.draw_all(panel.summary)
            _blocks.draw_all(panel.message)
            if panel.chart is not None:
                _blocks.draw(panel.chart)
            _blocks.draw_all(panel.outcome)
            _blocks.page_link(panel.trajectory, icon=":material/show_chart:")

# Plain links, not st.page_link: a page link to the page already open reruns it with the
# example's query but leaves the address bar without it, so the link could not be copied.
st.markdown(f"**{view.examples_heading}**")
st.markdown("\n".join(f"- {_blocks.inline(example)}" for example in view.examples))
