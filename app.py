"""Entry point: page config and navigation only."""

import streamlit as st

from pages import _compat, _display

st.set_page_config(
    # An emoji, not a :material: icon: those are fetched from a font CDN, which fails offline.
    page_icon="📊",
    layout="wide",
    initial_sidebar_state="auto",
)


def to_overview() -> None:
    st.switch_page("pages/overview.py")


# Each url_path is its file's stem: Streamlit routes a first visit by file
# name (see pages/_shared.py), so the two must agree. The default page is the
# exception: it is served at "/" and never at its url_path (which need only be
# unique), so a typed or older /overview link gets a hidden page that sends it
# to "/" instead of Streamlit's English "Page not found".
pages = {
    "规划概览": [
        st.Page("pages/overview.py", title="概览", icon=":material/home:", url_path="home", default=True),
        st.Page(to_overview, title="概览", url_path="overview", visibility="hidden"),
    ],
    "指标与目标": [
        st.Page("pages/indicators.py", title="指标总览", icon=":material/table:", url_path="indicators"),
        st.Page("pages/trajectories.py", title="指标轨迹", icon=":material/show_chart:", url_path="trajectories"),
        st.Page("pages/compare.py", title="指标对比", icon=":material/view_column:", url_path="compare"),
        # Opened from 指标轨迹's 打印讲义 button; not a page to browse to.
        st.Page("pages/handout.py", title="打印讲义", icon=":material/print:", url_path="handout", visibility="hidden"),
        st.Page("pages/scenarios.py", title="情景推演", icon=":material/tune:", url_path="scenarios"),
        st.Page("pages/report_card.py", title="2020年完成情况", icon=":material/fact_check:", url_path="report_card"),
    ],
    "空间与文本": [
        st.Page("pages/zones_map.py", title="功能区域地图", icon=":material/map:", url_path="zones_map"),
        st.Page("pages/plan_reader.py", title="规划原文", icon=":material/menu_book:", url_path="plan_reader"),
        st.Page("pages/methods.py", title="数据与方法", icon=":material/fact_check:", url_path="methods"),
    ],
}

# An unknown path (/home, /Indicators, /indicators/extra) gets a hidden page of
# that very name, so st.navigation finds it and shows the Chinese not-found
# page instead of Streamlit's English dialog.
# (The default page's url_path reads "" because it is served at "/", yet it still reserves "home".)
# A rerun of that page names it by hash only, so the session remembers the name.
known = {"home"} | {page.url_path for section in pages.values() for page in section}
asked = _compat.requested_page()
if asked and asked not in known:
    st.session_state["unknown_page"] = asked
if unknown := st.session_state.get("unknown_page"):
    pages["规划概览"].append(st.Page("pages/not_found.py", title="页面不存在", url_path=unknown, visibility="hidden"))

page = st.navigation(pages, position="sidebar")
# Each page its own tab title, so a row of tabs (and a bookmark) says which is which.
st.set_page_config(page_title=f"{page.title} · 重庆“十三五”规划纲要")
_compat.document_setup()
_display.setup()  # 大字号 / 高对比, before the page draws
page.run()
