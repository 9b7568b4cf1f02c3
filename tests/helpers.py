"""Test helpers: absolute paths for AppTest, opening a page as a visitor, checking markup is inert."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 60  # AppTest's 3 s default is far too short on a loaded 2-core machine


def page(name: str) -> str:
    return str(ROOT / "pages" / f"{name}.py")


def open_page(name: str, query: dict | None = None):
    """Run app.py and go to one page, as a visitor following a link would.

    Through app.py, st.page_link and the navigation work as in the real app.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.switch_page(page(name))
    return at.run()


def inert(markdown: str) -> bool:
    """True when markdown text holds no live tag, link or directive.

    Markup from the URL or the data must arrive escaped ("\\<img …"), so
    st.markdown shows it as text.
    """
    import re

    return not re.search(r"(?<!\\)<[a-zA-Z/!]|(?<!\\)\]\((?:javascript|data):|(?<!\\):[a-z-]+(?<!\\)\[", markdown)


# The Streamlit app's base URL a test bake links to (tests/conftest.py baked_site): another host,
# so the site checks see that a link to the app is allowed where a resource from it would not be.
BAKE_APP_URL = "https://dash.example.org"
