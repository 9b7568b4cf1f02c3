"""The floor for a page with a map: one pydeck polygon with no basemap and a title, nothing else."""

import pydeck as pdk
import streamlit as st

st.title("map")
square = [[[106.0, 29.0], [107.0, 29.0], [107.0, 30.0], [106.0, 30.0]]]
layer = pdk.Layer("PolygonLayer", [{"polygon": square}], id="square", get_polygon="polygon", get_fill_color=[68, 187, 153])
st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(longitude=106.5, latitude=29.5, zoom=6), map_provider=None))
