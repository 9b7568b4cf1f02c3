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


@pytest.fixture(scope="session")
def baked_site(tmp_path_factory):
    """The static edition baked once per session (tests/test_bake.py and its browser test share it)."""
    from bake import site
    from helpers import BAKE_APP_URL

    out = tmp_path_factory.mktemp("bake") / "public"
    return out, site.bake(out, app_url=BAKE_APP_URL)
