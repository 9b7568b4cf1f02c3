"""Shared test setup: fresh caches for every test. Helpers live in helpers.py."""

import pytest
import streamlit as st


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    from pages import _shared

    st.cache_data.clear()
    st.cache_resource.clear()
    _shared._built.cache_clear()  # the page Views (pages/_shared.view_of)
    yield
