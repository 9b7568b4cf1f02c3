"""大字号 / 高对比 in the app: two toggles in the sidebar, the same choice as the static edition's switch.

Kept in the URL key ``display`` (pages/_url.py writes it beside every page's query) and in the
session: a reload reads it from the URL, a page switch (which empties the URL) from the session,
and a copied link opens with it. localStorage would keep it across visits too, but Python can only
read it through a component's round trip after the first draw, so the first picture would be drawn
small and redrawn large; the URL is known before anything is drawn.
"""

from __future__ import annotations

import html

import streamlit as st

from lib.present import display, readout
from lib.present.blocks import Chart
from lib.present.i18n import gettext
from pages import _compat, _url


def _toggle_key(mode: str) -> str:
    return f"display_{mode}"


def modes() -> tuple[str, ...]:
    """The modes the reader chose (empty for none)."""
    return tuple(st.session_state.get(_url.DISPLAY_MODES, ()))


def _changed() -> None:
    st.session_state[_url.DISPLAY_MODES] = tuple(m for m in display.MODES if st.session_state.get(_toggle_key(m)))
    _url.keep_display()


def setup() -> None:
    """Before a page draws: the choice from the URL (or the session), the sidebar toggles, the page's CSS."""
    values = _url.display_values()
    refused = False
    if values is not None:
        chosen, refused = display.modes_of(values)
        st.session_state[_url.DISPLAY_MODES] = chosen
    _url.keep_display()  # a page switch empties the URL: the session's choice goes back into it
    chosen = modes()
    _ = gettext(_url.language())
    with st.sidebar:
        st.caption(_(display.HEADING))
        for mode, label in display.MODES.items():
            st.toggle(_(label), key=_url.seed(_toggle_key(mode), mode in chosen), on_change=_changed)
        if refused:
            st.caption(_(display.NOTICE))
    _compat.display_mode(chosen)


# Streamlit fits a chart's title and legend into the spec's height too: with 大字号's larger labels the
# plot itself would shrink (to about 110 px on a phone), so the chart grows with its words.
LARGE_HEIGHT = 1.3  # not a plan figure: a chart height factor


def chart_spec(spec: dict) -> dict:
    """A chart's spec with the reader's modes over its config (lib/present/display.py)."""
    chosen = modes()
    if not chosen:
        return spec
    styled = display.styled(spec, chosen)
    if "large" in chosen and isinstance(spec.get("height"), int | float):
        styled["height"] = round(spec["height"] * LARGE_HEIGHT)
    return styled


def draw_readout(block: Chart) -> None:
    """The chart's keyboard readout below it, from its own rows (lib/present/readout.py)."""
    found = readout.read(block)
    if found is None:
        return
    _compat.readout(
        f'<div class="readout" data-readout="{html.escape(found.json())}" hidden>'
        f'<p class="readout-how">{html.escape(found.how)}</p>'
        f'<div class="readout-control" tabindex="0" aria-label="{html.escape(found.control_label)}" data-name="{html.escape(found.name)}"></div>'
        '<div class="readout-cc"></div></div>'
    )
