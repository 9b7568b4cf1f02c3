"""What every page shares: the one page-level cache, the plain error message and SVG images.

The data layer (lib/) never imports streamlit; this is the thin layer that does.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import functools
import importlib
import logging
import os

import streamlit as st

from lib.plan.validation import DataFileError


@functools.lru_cache(maxsize=64)
def _built(module_name: str, state):
    return importlib.import_module(module_name).build(state)


def view_of(module, state):
    """``module.build(state)``, built once per State for every session.

    A View is frozen and never mutated, so one shared copy serves everyone.
    Notices are not part of what is built, so hostile URLs cannot fill the
    cache with copies, and it is bounded (least recently used go first). Not
    st.cache_resource: any visitor's websocket can ask Streamlit to clear that
    (a ``clear_cache`` message, no menu needed), which made every page cold
    for everyone; the Views come from fixed files and never go stale.
    """
    return _built(module.__name__, dataclasses.replace(state, notices=()))


@contextlib.contextmanager
def plain_errors():
    """Show a damaged data file as one plain sentence instead of a traceback."""
    try:
        yield
    except DataFileError as error:
        # The visitor reads which file, in Chinese; the maintainer's detail (in English,
        # naming the column and value) goes to the server log, not onto a public page.
        logging.getLogger("dashboard.data").error("data file refused: %s", error)
        st.error(f"数据文件 {error.where} 有误，本页暂时无法显示。维护者可在服务器日志中查看原因。")
        st.stop()


def svg_uri(svg: str) -> str:
    """An SVG as a data URI: st.image passes it through as it is, where raw
    SVG markup would be sniffed and re-encoded on every rerun."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def open_view(module):
    """Every page's first step: app.py's navigation, the State from the URL, its View.

    A damaged data file (read by parse or build) ends the page with the plain message.
    """
    from pages import _compat, _url

    _compat.ensure_navigation()
    with plain_errors():
        state = _url.state(module)
        return state, view_of(module, state)


def static_edition(path: str) -> str | None:
    """The static public edition's address for ``path``, where the deployment names it.

    ``STATIC_SITE_URL`` (e.g. https://plan.example.org) is where ``python -m bake``'s
    site is served; unset, the app shows no link to it.
    """
    base = os.environ.get("STATIC_SITE_URL", "").strip().rstrip("/")
    return base + path if base.startswith(("https://", "http://")) else None
