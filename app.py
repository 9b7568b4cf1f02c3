"""Entry point: page config and navigation only."""

import streamlit as st

from lib.present.i18n import gettext
from pages import _compat, _display, _navigation, _url

# The reader's language (lang=… in the URL, issue 27): the navigation and tab titles in it.
_ = gettext(_url.language())

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
FIRST = _("规划概览")
pages = {
    FIRST: [
        st.Page("pages/overview.py", title=_("概览"), icon=":material/home:", url_path="home", default=True),
        st.Page(to_overview, title=_("概览"), url_path="overview", visibility="hidden"),
    ],
    _("指标与目标"): [
        st.Page("pages/indicators.py", title=_("指标总览"), icon=":material/table:", url_path="indicators"),
        st.Page("pages/trajectories.py", title=_("指标轨迹"), icon=":material/show_chart:", url_path="trajectories"),
        st.Page("pages/compare.py", title=_("指标对比"), icon=":material/view_column:", url_path="compare"),
        # Opened from 指标轨迹's 打印讲义 button; not a page to browse to.
        st.Page("pages/handout.py", title=_("打印讲义"), icon=":material/print:", url_path="handout", visibility="hidden"),
        st.Page("pages/scenarios.py", title=_("情景推演"), icon=":material/tune:", url_path="scenarios"),
        st.Page("pages/report_card.py", title=_("2020年完成情况"), icon=":material/fact_check:", url_path="report_card"),
    ],
    _("空间与文本"): [
        st.Page("pages/zones_map.py", title=_("功能区域地图"), icon=":material/map:", url_path="zones_map"),
        st.Page("pages/plan_reader.py", title=_("规划原文"), icon=":material/menu_book:", url_path="plan_reader"),
        st.Page("pages/methods.py", title=_("数据与方法"), icon=":material/fact_check:", url_path="methods"),
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
    pages[FIRST].append(st.Page("pages/not_found.py", title=_("页面不存在"), url_path=unknown, visibility="hidden"))

# Streamlit's own sidebar list fails axe-core (pages/_navigation.py): it routes, hidden, and
# the sidebar shows the same pages as links of our own.
page = st.navigation(pages, position="hidden")
_navigation.draw(pages, page, _url.language())
# Each page its own tab title, so a row of tabs (and a bookmark) says which is which.
st.set_page_config(page_title=_("{page} · 重庆“十三五”规划纲要").format(page=page.title))
_compat.document_setup(_url.language())
_display.setup()  # 大字号 / 高对比, before the page draws
page.run()
