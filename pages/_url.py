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
    write(view.to_query(parsed))
    return parsed


def change(view, convert: Callable[[Any], dict[str, Any]]) -> Callable[[], None]:
    """An on_change callback: the widget's new value → a new State → the URL.

    ``convert`` maps the current State to the fields that change, e.g.
    ``lambda s: {"table": st.session_state["table"]}``.
    """

    def callback() -> None:
        current = view.parse(page_query())
        updated = dataclasses.replace(current, **convert(current), notices=())
        write(view.to_query(updated))

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
    """One line naming the refused values, echoed as plain text (never markdown)."""
    if parsed.notices:
        st.info(NOTICE_LEAD, icon=":material/link_off:")
        st.text(notice_text(parsed.notices))
