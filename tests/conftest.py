"""Shared test setup: the Hypothesis profile, fresh caches for every test. Helpers live in helpers.py."""

import os

import pytest
import streamlit as st
from hypothesis import settings

# One Hypothesis profile for the whole suite, chosen by HYPOTHESIS_PROFILE (.ci/run sets "ci").
# No deadline in either: a deadline is a timed assertion, and on a shared 2-core machine a
# slow example says nothing about the code (budgets live in bench/).
# "ci": the same examples on every run (derandomize), so a red build is reproducible.
# "dev" (the default): fresh random examples each run, to find new failures while working.
settings.register_profile("ci", deadline=None, derandomize=True, max_examples=100, print_blob=True)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


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
