"""概览: what the plan set out to do, in one screen."""

import streamlit as st

from lib.views import overview as page
from pages import _url
from pages._shared import open_view

state, view = open_view(page)


def open_pillar() -> None:
    # Cleared at once, so coming back to this page never jumps away again.
    st.session_state["open_pillar"] = st.session_state["pillar_link"]
    st.session_state["pillar_link"] = None


st.title(view.title)
_url.notices(state)
st.caption(view.intro)
# A metric's own delta line would be one element less per card, but it is cut
# to one line ("…"), and the base and pace do not fit one line on a phone.
for row_start in (0, 4):
    for column, card in zip(st.columns(4), view.cards[row_start : row_start + 4]):
        with column.container(border=True):
            st.metric(card.label, card.value)
            st.caption(card.detail)
st.page_link("pages/indicators.py", label=view.indicators_link, icon=":material/table:")
st.page_link("pages/report_card.py", label=view.report_link.label, icon=":material/fact_check:")

st.subheader(view.difficulty_heading)
st.caption(view.difficulty_note)
st.markdown(view.difficulty_markdown)
# One widget rather than a row of links: every element costs the browser time on a first visit.
st.pills(view.pillar_label, view.pillars, key="pillar_link", on_change=open_pillar)
st.page_link("pages/trajectories.py", label=view.ranking_link, icon=":material/show_chart:")
if pillar := st.session_state.pop("open_pillar", None):
    st.switch_page("pages/indicators.py", query_params={"pillar": pillar})

st.subheader(view.zones_heading)
map_column, text_column = st.columns([3, 2])
map_column.image(view.zone_picture, caption=view.zone_caption)
text_column.markdown(view.zones_text)
text_column.page_link("pages/zones_map.py", label=view.zones_link, icon=":material/map:")
