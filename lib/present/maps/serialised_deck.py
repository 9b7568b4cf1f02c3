"""The one place the map leans on how st.pydeck_chart works inside.

``st.pydeck_chart`` calls ``deck.to_json()`` on every rerun, and pydeck
pretty-prints: that is the slow, heavy step of a map page. A Deck here is
built once per view and never changed, so it serialises itself once,
compactly, and keeps the text. tests/test_page_zones_map.py checks that what
Streamlit sends is this compact text, so an upgrade that stops calling
``to_json`` fails there.
"""

from __future__ import annotations

import json

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize


class SerialisedDeck(pdk.Deck):
    """A Deck that serialises itself once, compactly."""

    def to_json(self) -> str:
        cached = self.__dict__.get("_json_text")
        if cached is None:
            cached = json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"), ensure_ascii=False)
            self.__dict__["_json_text"] = cached
        return cached
