"""The one table of routes: a Target (page + query) as the app's URL and as the static edition's.

Both editions and the tests turn links into addresses here and nowhere else.
The app's paths are app.py's ``url_path``s; the static edition has one page
per indicator, chapter and place, so a Target maps onto the page that shows
the same thing (``/indicator/<id>/`` for a row of 指标总览 and for a
trajectory alike). A Target the static edition has no page for (the studio)
gives None there: the baked page then links into the app.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from lib.plan import search
from lib.present import i18n
from lib.present.blocks import PAGES, Target

# The app: each page's file (st.page_link, st.switch_page) and its path (app.py's url_path).
APP_FILES = {page: f"pages/{page}.py" for page in PAGES}
APP_PATHS = {
    "overview": "",  # the default page is served at "/"
    "indicators": "indicators",
    "trajectories": "trajectories",
    "compare": "compare",
    "handout": "handout",
    "scenarios": "scenarios",
    "zones_map": "zones_map",
    "plan_reader": "plan_reader",
    "methods": "methods",
    "report_card": "report_card",
}

# The static edition's fixed pages.
HOME = "/"
INDICATORS = "/indicators/"
PLAN = "/plan/"
METHODS = "/methods/"
ZONES = "/zones/"
SEARCH = "/search/"
RANKING = "ranking"  # the fragment naming the acceleration ranking (on 指标轨迹 in the app)
REPORT = "/report/"


def query_string(target: Target) -> str:
    return urlencode(list(target.query), quote_via=quote)


def app_path(target: Target) -> str:
    """The app's address of a Target, from its root: ``/trajectories?indicator=t2_gdp``."""
    text = query_string(target)
    return "/" + APP_PATHS[target.page] + (f"?{text}" if text else "") + (f"#{target.fragment}" if target.fragment else "")


def app_url(target: Target, base: str) -> str:
    """The app's absolute address under ``base`` (e.g. ``https://dash.example.org``)."""
    return base.rstrip("/") + app_path(target)


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
    """A passage of the plan in the static edition: the chapter's page, at the section's anchor."""
    url = f"{PLAN}{chapter_number(chapter)}/"
    return url + (f"#{section_anchor(chapter, section)}" if section else "")


# The pages translated (issue 27): the static edition bakes those it has in every language; a link
# to any other page in English or 繁體 opens its 简体 page, which says so in its language switch.
# 指标对比 and the handout have no static page (the handout's PDFs sit in each language's folder).
TRANSLATED = frozenset(
    {"overview", "report_card", "compare", "handout", "zones_map", "plan_reader", "methods", "indicators", "scenarios", "trajectories"}
)
# Fixed pages of the static edition alone (no Target: the app has no such page) baked in every language.
TRANSLATED_PATHS = frozenset({"/changes/", SEARCH})
# Every indicator's page is baked in every language (bake/pages.bake_indicator), whichever page's Target names it
# (指标轨迹's indicator, 指标总览's row); its files beside it (/indicator/<id>.csv) are not pages.
_INDICATOR_PAGE = re.compile(r"^/indicator/[^/]+/$")


def with_lang(target: Target, lang: str) -> Target:
    """``target`` in the reader's language: ``lang=…`` added to its query (none for 简体, the default)."""
    if lang == i18n.DEFAULT:
        return target
    return Target(target.page, tuple(p for p in target.query if p[0] != "lang") + (("lang", lang),), target.fragment)


def translated_path(path: str) -> bool:
    """Whether the static edition bakes the fixed page at ``path`` in every language (/, /report/)."""
    return path in TRANSLATED_PATHS or any(_static_path(Target(page)) == path for page in TRANSLATED) or bool(_INDICATOR_PAGE.match(path))


def lang_of(target: Target) -> str:
    given = target.params().get("lang", [i18n.DEFAULT])[0]
    return given if given in i18n.LANGS else i18n.DEFAULT


def static_path(target: Target) -> str | None:
    """The static edition's address showing what ``target`` shows, or None where it has no such page.

    In a translated page's language folder (``/en/``) where the edition has it in that language.
    """
    path = _static_path(target)
    return i18n.localized(path, lang_of(target)) if path and _shown_by(target) in TRANSLATED else path


def _shown_by(target: Target) -> str:
    """The page whose static edition shows ``target``: a row of 指标总览 is shown on its indicator's
    page (/indicator/<id>/, 指标轨迹's), which is in a language's folder only once that page is baked in it."""
    return "trajectories" if target.page == "indicators" and target.params().get("row") else target.page


def _static_path(target: Target) -> str | None:
    params = target.params()

    def first(key: str) -> str:
        return params.get(key, [""])[0]

    if target.page == "overview":
        return HOME
    if target.page == "methods":
        return METHODS
    if target.page == "report_card":
        return REPORT
    if target.page == "indicators":
        # A group's list (#pillar-2) or the ranking (#ranking) is an anchor on the tables' page.
        return indicator(first("row")) if first("row") else INDICATORS + (f"#{target.fragment}" if target.fragment else "")
    if target.page == "trajectories":
        from lib.plan.series import DEFAULT_SERIES

        if not first("indicator") and target.fragment == RANKING:
            return f"{INDICATORS}#{RANKING}"  # the static edition draws the ranking under the tables
        return indicator(first("indicator") or DEFAULT_SERIES)
    if target.page == "zones_map":
        return place(first("place")) if first("place") else ZONES
    if target.page == "plan_reader":
        if first("chapter"):
            if not target.fragment:
                return plan(first("chapter"), first("section"))
            # A sentence (the fragment) is more precise than its section's anchor; the words ride along
            # as ?q=, which the chapter page's Pagefind highlight marks (bake/static/plan.js).
            words = f"?{urlencode({'q': first('q')}, quote_via=quote)}" if first("q") else ""
            return f"{plan(first('chapter'))}{words}#{target.fragment}"
        if first("q"):
            return f"{SEARCH}?{urlencode({'q': first('q')}, quote_via=quote)}"
        return PLAN
    # The studio, 指标对比 and the handout's print layout live in the app only (the static
    # edition's handout is a PDF beside each indicator page, baked by python -m bake.handouts).
    return None
