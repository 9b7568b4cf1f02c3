"""功能区域地图: the five functional zones, the 38 districts and the projects the plan sites.

Offline by construction: no basemap, boundaries from the committed
geo/districts.geojson. A click on a district, the drop-down and the category
pills all change the State, which is the URL (?place=…&categories=…).
"""

import streamlit as st

from lib.present.maps.deck import PickedDeck
from lib.present.markup import markdown_text
from lib.views import zones_map as page
from pages import _blocks, _url
from pages._shared import open_view

MAP_KEY = "zones_map"
PICKS_KEY = "zones_map_picks"  # map clicks this session, per layer: flips that layer's id (lib.present.maps.deck.PickedDeck)

state, view = open_view(page)

st.title(view.title, anchor=False)
st.caption(view.intro)
_url.notices(state)

st.selectbox(
    view.place_label,
    view.place_ids,
    format_func=view.place_labels.get,
    key=_url.seed("place", view.place),
    on_change=_url.change(page, lambda s: {"place": st.session_state["place"]}),
    placeholder="请选择",
)
st.pills(
    view.categories_label,
    view.category_ids,
    selection_mode="multi",
    format_func=view.category_labels.get,
    key=_url.seed("categories", list(view.categories)),
    on_change=_url.change(page, lambda s: {"categories": page.with_categories(s, st.session_state["categories"])}),
)


st.toggle(
    view.works_label,
    key=_url.seed("works", view.works),
    on_change=_url.change(page, lambda s: {"works": st.session_state["works"]}),
)


def follow_click(current):
    selection = st.session_state.get(MAP_KEY)
    picks = dict(st.session_state.get(PICKS_KEY, {}))
    for layer in page.clicked_layers(selection):
        picks[layer] = picks.get(layer, 0) + 1
    st.session_state[PICKS_KEY] = picks
    place = page.clicked_place(current, selection)
    return {} if place is None else {"place": place}


# Beside each other on a wide screen; on a phone Streamlit stacks the columns,
# so the key comes right under the map.
map_column, key_column = st.columns([3, 2], gap="medium")
with map_column:
    st.pydeck_chart(
        PickedDeck(view.deck, st.session_state.get(PICKS_KEY, {})),
        on_select=_url.change(page, follow_click),
        selection_mode="single-object",
        key=MAP_KEY,
        height=view.map_height,
        alt=view.map_alt,
    )
with key_column:
    st.caption(view.map_hint)
    _blocks.draw(view.zone_key)
    _blocks.draw(view.marker_key)
    st.caption(view.counts_text)

st.header(markdown_text(view.panel_heading), anchor=False)
_blocks.draw_all(view.panel)
if view.panel_note:
    st.text(view.panel_note)
if view.members is not None:
    st.markdown(f"**{view.members_heading}**")
    st.dataframe(_blocks.table_frame(view.members), hide_index=True)

# Each row's passage as a link column (the frames are built once per View, pages/_blocks.table_frame).
source_link = {view.link_column: st.column_config.LinkColumn(view.link_column, display_text="阅读原文")}
st.markdown(f"**{markdown_text(view.projects_heading)}**")
st.dataframe(_blocks.table_frame(view.projects, view.link_column), hide_index=True, column_config=source_link)

st.markdown(f"**{markdown_text(view.works_heading)}**")
st.dataframe(_blocks.table_frame(view.works_table, view.link_column), hide_index=True, column_config=source_link)
