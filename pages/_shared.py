"""What every page shares: cached data, the URL notice and the plain error message.

The data layer (lib/) never imports streamlit; this is the thin layer that does.
"""

from __future__ import annotations

import contextlib

import streamlit as st

from lib import data, params
from lib.validation import DataFileError

STATUS_ICONS = {
    "target_met": "✅",
    "on_track": "🟢",
    "acceleration_needed": "🟡",
    "limited_progress": "🟠",
    "deterioration": "🔴",
    "cannot_assess": "⚪",
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


def query_values(key: str) -> list[str]:
    """The raw values of a query parameter, before any widget reads them."""
    try:
        return [str(v) for v in st.query_params.get_all(key)]
    except Exception:  # a malformed query string must never break the page
        return []


def status_badge(status: str, label: str) -> str:
    return f"{STATUS_ICONS.get(status, '')} {label}"


@st.cache_data(show_spinner=False)
def indicators():
    return data.load_indicators()


@st.cache_data(show_spinner=False)
def observations():
    return data.load_observations()
