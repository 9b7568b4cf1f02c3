"""Shared test setup: absolute paths for AppTest and fresh caches for every test."""

from pathlib import Path

import pytest
import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 60  # AppTest's 3 s default is far too short on a loaded 2-core machine


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield


def page(name: str) -> str:
    return str(ROOT / "pages" / f"{name}.py")
