"""页面不存在: what a mistyped or outdated link opens, in Chinese, with the way home."""

import streamlit as st

from pages import _compat

_compat.ensure_navigation()

st.title("页面不存在")
st.markdown("您打开的地址不是本站的页面，可能是输入有误，或链接已经过时。")
st.page_link("pages/overview.py", label="回到概览", icon=":material/home:")
st.markdown("本站的页面：")
for path, label in [
    ("pages/indicators.py", "指标总览"),
    ("pages/trajectories.py", "指标轨迹"),
    ("pages/scenarios.py", "情景推演"),
    ("pages/zones_map.py", "功能区域地图"),
    ("pages/plan_reader.py", "规划原文"),
    ("pages/methods.py", "数据与方法"),
]:
    st.page_link(path, label=label)
