"""The one place that reads and writes the URL (st.query_params).

A page parses the URL into its State (lib/views/<page>.parse), draws widgets
seeded from that State, and each widget's on_change writes the changed State
back here. The next run parses the URL again, so the State is the URL: a
reload, a copied link or a fresh browser reopens exactly the same view.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import streamlit as st

from lib.present import display
from lib.present.i18n import DEFAULT, LANGS, NAMES, gettext
from lib.views import query as q
from lib.views.query import NOTICE_LEAD, Query, notice_text

# The reader's 大字号 / 高对比 (lib/present/display.py), kept by pages/_display.py. It is not a page's
# State: every page's parse is handed the query without it, and every write carries it along, so a
# reload and a page switch keep it.
DISPLAY_MODES = "display_modes"


def read() -> dict[str, list[str]]:
    """The raw query: every key with all its values, as strings."""
    try:
        return {key: [str(v) for v in st.query_params.get_all(key)] for key in st.query_params}
    except Exception:  # a malformed query string must never break the page
        return {}


def page_query() -> dict[str, list[str]]:
    """The query a page's parse reads: all but the display key."""
    return {key: vals for key, vals in read().items() if key != display.KEY}


def display_values() -> list[str] | None:
    """The display key's values in the URL, or None when the URL has none."""
    return read().get(display.KEY)


def write(query: Query) -> None:
    """Make the URL say ``query`` (only when it differs, so no needless rerun or history entry),
    with the reader's display modes, if any, beside it."""
    wanted = {key: list(vals) for key, vals in query.items() if key != display.KEY}
    if modes := st.session_state.get(DISPLAY_MODES):
        wanted[display.KEY] = [",".join(modes)]
    if read() != wanted:
        st.query_params.from_dict({key: vals if len(vals) != 1 else vals[0] for key, vals in wanted.items()})


def state(view) -> Any:
    """The page's State, parsed from the URL now, with the URL normalised to it.

    Refused values leave the URL at once (the notice, shown this run, says
    which), so what the address bar shows is what the page shows.
    """
    parsed = view.parse(page_query())
    write(_kept_language(view.to_query(parsed), parsed))
    return parsed


def language() -> str:
    """The reader's language (``lang=…``, issue 27) for any page; an unknown value reads as 简体."""
    return q.language(read(), [])


def _kept_language(query: Query, parsed) -> dict[str, list[str]]:
    """``query`` with the reader's language kept, on a page whose State does not carry it yet."""
    query = dict(query)
    if not hasattr(parsed, "lang") and (lang := language()) != DEFAULT:
        query[q.LANG] = [lang]
    return query


def change(view, convert: Callable[[Any], dict[str, Any]]) -> Callable[[], None]:
    """An on_change callback: the widget's new value → a new State → the URL.

    ``convert`` maps the current State to the fields that change, e.g.
    ``lambda s: {"table": st.session_state["table"]}``.
    """

    def callback() -> None:
        current = view.parse(page_query())
        updated = dataclasses.replace(current, **convert(current), notices=())
        write(_kept_language(view.to_query(updated), updated))

    return callback


def fresh(key: str, value: Any) -> str:
    """The key of a widget drawn at ``value``: a new widget for each value, never seeded.

    For a widget whose value another widget moves (the number field beside a slider, 目标值,
    the preset a press leaves). The browser sends every widget's value with each rerun request,
    and while quick presses run it still holds the value such a widget had before the last
    rerun; seeded (``seed``), that older value arrived as the visitor changing it, and its
    callback wrote the older pace back: presses lost (10 ArrowRight 50 ms apart landed 2 to 7
    steps short, tests/browser/test_presenter_room.py).
    """
    return f"{key}@{value!r}"


def entered(view, key: str, drawn: Any, convert: Callable[[Any], dict[str, Any]]) -> Callable[[], None]:
    """The on_change of a ``fresh`` widget: only a value the visitor entered changes the State.

    Streamlit forgets a widget's value when a rerun no longer draws it, but keeps its callback;
    the browser goes on sending the old widget, at the value it was drawn with, until the new
    one arrives, and each such request counts as a change. Its value is then ``drawn``.
    """
    write_change = change(view, convert)

    def callback() -> None:
        if st.session_state.get(key) == drawn:
            return
        before = read()
        write_change()
        if read() == before:
            # Nothing changed (a 目标值 no pace in range reaches): the entry goes back to what
            # the page shows. A write from a callback is not an echo risk: it is answered first.
            st.session_state[key] = drawn

    return callback


def keep_display() -> None:
    """The URL with the page's query as it is and the display modes as the session has them."""
    write(page_query())


def seed(key: str, value: Any) -> str:
    """Give the widget ``key`` the State's value before it is drawn; returns the key.

    Only when it differs: any write to a widget's session key makes Streamlit send the
    value back with ``set_value``, and the browser then resets the widget to it. A slider
    pressed again while the rerun of its last press ran was reset to that press's value,
    and the presses in between were lost (ArrowRight ×10, 50 ms apart).
    """
    if key not in st.session_state or st.session_state[key] != value:
        st.session_state[key] = value
    return key


def notices(parsed) -> None:
    """One line naming the refused values, echoed as plain text (never markdown).

    A refused language is announced in Chinese and English (the reader may read either).
    """
    if parsed.notices:
        lead = gettext(getattr(parsed, "lang", DEFAULT))(NOTICE_LEAD)  # marked in lib.views.query
        if any(n.key == q.LANG for n in parsed.notices):
            lead = q.LANG_NOTICE
        st.info(lead, icon=":material/link_off:")
        st.text(notice_text(parsed.notices))


def language_switch() -> None:
    """Links to this very page and state in each other language: the URL with ``lang`` changed.

    Plain links (``?…``, relative, so the path stays) rather than a widget: each
    language's name is written in that language and marked so (``lang``), which
    a widget's label cannot carry; the page reloads in the new language.
    """
    import html
    from urllib.parse import urlencode

    current = language()
    links = []
    for lang in LANGS:
        query = {key: vals for key, vals in read().items() if key != q.LANG} | ({} if lang == DEFAULT else {q.LANG: [lang]})
        href = "?" + urlencode(query, doseq=True) if query else "?"
        attrs = f'href="{html.escape(href)}" lang="{lang}" hreflang="{lang}"'
        if lang == current:
            links.append(f'<a {attrs} aria-current="true"><strong>{NAMES[lang]}</strong></a>')
        else:
            links.append(f"<a {attrs}>{NAMES[lang]}</a>")
    _ = gettext(current)
    label = html.escape(_("语言"))
    st.html(f'<nav class="lang-switch" aria-label="{label}">' + " · ".join(links) + "</nav>", width="stretch")
