"""pages/_shared: the one View cache, which a visitor's “clear cache” message cannot empty."""

import streamlit as st

from lib.views import overview
from pages import _shared


def test_a_visitor_s_clear_cache_leaves_the_views_built():
    # Any visitor's websocket can send clear_cache; Streamlit's handler
    # (AppSession._handle_clear_cache_request) then clears both st caches.
    state = overview.parse({})
    first = _shared.view_of(overview, state)
    st.cache_data.clear()
    st.cache_resource.clear()
    assert _shared.view_of(overview, state) is first  # the same View, not rebuilt


def test_notices_are_not_part_of_the_key():
    clean = overview.parse({})
    hostile = overview.parse({"x": ["<script>"]})
    assert hostile.notices and _shared.view_of(overview, hostile) is _shared.view_of(overview, clean)
