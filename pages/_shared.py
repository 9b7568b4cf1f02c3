"""What every page shares: cached data, the URL notice and the plain error message.

The data layer (lib/) never imports streamlit; this is the thin layer that does.
"""

from __future__ import annotations

import base64
import contextlib

import streamlit as st

from lib import params
from lib.validation import DataFileError


@st.cache_resource(show_spinner=False, max_entries=512)
def _built(module_name: str, state):
    import importlib

    return importlib.import_module(module_name).build(state)


def view_of(module, state):
    """``module.build(state)``, built once per State for every session.

    A View is frozen and never mutated, so one shared copy serves everyone
    (st.cache_resource, no pickling per rerun). Notices are not part of what
    is built, so hostile URLs cannot fill the cache with copies.
    """
    import dataclasses

    return _built(module.__name__, dataclasses.replace(state, notices=()))

# Plain glyphs that every CJK font carries (colour emoji are missing on many
# office machines and projectors): fuller means closer to "already enough".
STATUS_ICONS = {
    "target_met": "◉",
    "on_track": "●",
    "acceleration_needed": "◑",
    "limited_progress": "◔",
    "deterioration": "✕",
    "cannot_assess": "○",
}

DIFFICULTY_NOTE = (
    "“以往÷所需”把“十二五”时期（2011—2015）实际达到的速度，与“十三五”目标（2016—2020）所需的速度相比，"
    "方法参照联合国统计司进展图表及 Open SDG（加拿大统计局）的进展评估。两个速度来自两个不同的规划期："
    "它衡量的是“比以往难多少”，是难度，不是对实际完成情况的评估。"
)


@contextlib.contextmanager
def plain_errors():
    """Show a damaged data file as one plain sentence instead of a traceback."""
    try:
        yield
    except DataFileError as error:
        st.error(f"数据文件有误，本页暂时无法显示。{error}")
        st.stop()


def url_notice(problems: dict[str, list[str]]) -> None:
    message = params.notice(problems)
    if message:
        st.info(message, icon=":material/link_off:")


def svg_uri(svg: str) -> str:
    """An SVG as a data URI: st.image passes it through as it is, where raw
    SVG markup would be sniffed and re-encoded on every rerun."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def query_values(key: str) -> list[str]:
    """The raw values of a query parameter, before any widget reads them."""
    try:
        return [str(v) for v in st.query_params.get_all(key)]
    except Exception:  # a malformed query string must never break the page
        return []



# Presenter mode: no navigation chrome, large type, strong contrast. Static CSS only;
# no data or URL text ever goes into it.
PRESENTER_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem !important; max-width: 100% !important; }
html, body, [data-testid="stApp"] { font-size: 22px !important; color: #000 !important; background: #fff !important; }
h1 { font-size: 2.4rem !important; }
[data-testid="stMetricValue"] { font-size: 3rem !important; font-weight: 800 !important; color: #000 !important; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem !important; font-weight: 700 !important; }
[data-testid="stMetricDelta"] { font-size: 1.2rem !important; }
[data-testid="stSlider"] label p, [data-testid="stWidgetLabel"] p { font-size: 1.25rem !important; font-weight: 700 !important; }
[data-testid="stSliderThumbValue"] { font-size: 1.3rem !important; font-weight: 700 !important; color: #000 !important; }
[data-testid="stCaptionContainer"] { font-size: 1.05rem !important; color: #222 !important; }
</style>
"""


def map_tables():
    # The loaders read once per process and hand out copies (lib.validation.read_once);
    # st.cache_data would add an unpickle of four frames to every rerun.
    from lib import zones

    return zones.load_zones(), zones.load_districts(), zones.load_district_zones(), zones.load_projects()


@st.cache_resource(show_spinner=False, max_entries=64)
def zone_deck(categories: tuple[str, ...], highlight: tuple[str, ...]):
    """The zones map for one choice of categories and highlight.

    Shared and never mutated; it serialises itself once (see SerialisedDeck).
    """
    from lib import map_builders, zones

    zone_table, districts, district_zones, projects = map_tables()
    return map_builders.build_deck(zones.load_boundaries(), districts, zone_table, district_zones, projects, categories, highlight)
