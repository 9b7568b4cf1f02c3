"""The sidebar's page list, drawn with st.page_link instead of Streamlit's own navigation.

Streamlit's sidebar navigation (1.67) nests each section's <li> items in a <div>
inside its <ul>, which axe-core reports as serious `list`/`listitem` violations
(WCAG 1.3.1) on every page, and its markup cannot be changed from a script.
app.py therefore calls st.navigation with position="hidden" (it still routes
every URL) and this draws the same sections and pages as plain links: each
href is the page's own path, so links, bookmarks and tests keep working, and
Streamlit marks the current page (bold, shaded) as it does in its own list.

Streamlit marks the current link for the eye only. For a screen reader it needs
``aria-current="page"``, which st.page_link cannot set: the current page's link is
drawn in a container of its own (CURRENT_KEY), and _compat.DOCUMENT_HTML's fixed
script gives the link inside it the attribute (no page name in the script, so its
CSP hash stays fixed).
"""

from __future__ import annotations

import streamlit as st

from lib.present.i18n import DEFAULT
from lib.views.query import LANG

# The container's key gives the list a stable class (st-key-site_navigation) for tests and print CSS.
KEY = "site_navigation"
CURRENT_KEY = "site_navigation_current"
# The screen reader's word for Streamlit's bold, run by _compat.DOCUMENT_HTML: checked on every change
# of the page, as a page switch redraws the sidebar without a reload. And 概览's address: st.page_link
# writes the main page's href as "?lang=en" (or ""), which a new tab or a copied link resolves to the
# page being read (/handout?lang=en), not to 概览; "./?lang=en" is the app's root. A click is routed
# by Streamlit itself, not by the href.
CURRENT_SCRIPT = (
    "if (!window.navCurrentReady) { window.navCurrentReady = true;"
    " var markCurrent = function () {"
    " document.querySelectorAll('.st-key-site_navigation a').forEach(function (link) {"
    " var href = link.getAttribute('href');"
    " if (href !== null && (href === '' || href.charAt(0) === '?')) { link.setAttribute('href', './' + href); }"
    " var current = !!link.closest('.st-key-site_navigation_current');"
    " if (current && link.getAttribute('aria-current') !== 'page') { link.setAttribute('aria-current', 'page'); }"
    " if (!current && link.hasAttribute('aria-current')) { link.removeAttribute('aria-current'); } }); };"
    " markCurrent(); new MutationObserver(markCurrent).observe(document.body, { childList: true, subtree: true }); }"
)


def draw(sections: dict[str, list], current, lang: str = DEFAULT) -> None:
    """The links of every visible page, the reader's language kept in each (a link dropping
    ``lang`` sent an English reader to the 简体 page)."""
    query = {LANG: lang} if lang != DEFAULT else None
    with st.sidebar.container(key=KEY):
        for section, pages in sections.items():
            shown = [page for page in pages if page.visibility == "visible"]
            if not shown:
                continue
            st.caption(section)
            for page in shown:
                where = st.container(key=CURRENT_KEY) if page.url_path == current.url_path else st
                where.page_link(page, label=page.title, icon=page.icon or None, query_params=query)
