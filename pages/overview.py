"""概览: what the plan set out to do, in one screen."""

import streamlit as st

from lib.present import routes
from lib.views import overview as page
from pages import _blocks, _url
from pages._shared import open_view

state, view = open_view(page)


def open_pillar() -> None:
    # Cleared at once, so coming back to this page never jumps away again.
    st.session_state["open_pillar"] = st.session_state["pillar_link"]
    st.session_state["pillar_link"] = None


st.title(view.title, anchor=False)
_url.language_switch()  # under the title: the title is the page's first line (tests/browser/test_first_screen.py)
_url.notices(state)
st.caption(view.intro)
if view.language_note:
    st.caption(view.language_note)
# A metric's own delta line would be one element less per card, but it is cut
# to one line ("…"), and the base and pace do not fit one line on a phone.
for row_start in (0, 4):
    for column, card in zip(st.columns(4), view.cards[row_start : row_start + 4]):
        with column.container(border=True):
            st.metric(card.label, card.value)
            st.caption(card.detail)
_blocks.page_link(view.indicators_link, icon=":material/table:")
_blocks.page_link(view.report_link, icon=":material/fact_check:")

st.header(view.difficulty_heading, anchor=False)
_blocks.draw_all(view.difficulty_note)
_blocks.draw_all(view.difficulty)
# One widget rather than a row of links: every element costs the browser time on a first visit.
st.pills(view.pillar_label, view.pillars, key="pillar_link", on_change=open_pillar)
_blocks.page_link(view.ranking_link, icon=":material/show_chart:")
if pillar := st.session_state.pop("open_pillar", None):
    link = view.pillar_links[view.pillars.index(pillar)]
    st.switch_page(routes.APP_FILES[link.target.page], query_params=link.target.params())

st.header(view.zones_heading, anchor=False)
map_column, text_column = st.columns([3, 2])
with map_column:
    _blocks.draw(view.zone_picture)
with text_column:
    _blocks.draw_all(view.zones_text)
    _blocks.page_link(view.zones_link, icon=":material/map:")
