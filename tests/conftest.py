"""Shared test setup: fresh caches for every test. Helpers live in helpers.py."""

import pytest
import streamlit as st


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
