"""The sidebar's page list, drawn with st.page_link instead of Streamlit's own navigation.

Streamlit's sidebar navigation (1.67) nests each section's <li> items in a <div>
inside its <ul>, which axe-core reports as serious `list`/`listitem` violations
(WCAG 1.3.1) on every page, and its markup cannot be changed from a script.
app.py therefore calls st.navigation with position="hidden" (it still routes
every URL) and this draws the same sections and pages as plain links: each
href is the page's own path, so links, bookmarks and tests keep working, and
Streamlit marks the current page (bold, shaded) as it does in its own list.
"""

from __future__ import annotations

import streamlit as st

# The container's key gives the list a stable class (st-key-site_navigation) for tests and print CSS.
KEY = "site_navigation"


def draw(sections: dict[str, list]) -> None:
    with st.sidebar.container(key=KEY):
        for section, pages in sections.items():
            shown = [page for page in pages if page.visibility == "visible"]
            if not shown:
                continue
            st.caption(section)
            for page in shown:
                st.page_link(page, label=page.title, icon=page.icon or None)
