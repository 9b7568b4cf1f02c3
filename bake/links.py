"""Every URL of the baked site, in one place, so each is stable and shareable."""

from __future__ import annotations

from lib.plan import search

HOME = "/"
INDICATORS = "/indicators/"
PLAN = "/plan/"
METHODS = "/methods/"
ZONES = "/zones/"
SEARCH = "/search/"
REPORT = "/report/"
CSS = "/assets/site.css"
SCRIPT = "/assets/site.js"
BUNDLE = "/assets/vega.js"
SEARCH_SCRIPT = "/assets/search.js"
# The tables' filter and sort: the vendored sorter (bake/static/vendor/README.md) and our filter.
SORTABLE = "/assets/sortable.min.js"
TABLES_SCRIPT = "/assets/tables.js"
TABLES_CSS = "/assets/tables.css"


def indicator(indicator_id: str) -> str:
    return f"/indicator/{indicator_id}/"


def place(place_id: str) -> str:
    return f"/zones/{place_id}/"


def chapter_number(chapter: str) -> int:
    """第十一章 → 11: its position in the plan, which never changes."""
    return [code for code, _ in search.chapter_choices()].index(chapter) + 1


def section_anchor(chapter: str, section: str) -> str:
    return f"s{[code for code, _ in search.section_choices(chapter)].index(section) + 1}"


def plan(chapter: str, section: str = "") -> str:
    """A passage of the plan: the chapter's page, at the section's anchor."""
    url = f"/plan/{chapter_number(chapter)}/"
    return url + (f"#{section_anchor(chapter, section)}" if section else "")
