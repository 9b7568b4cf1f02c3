"""Maps drawn from the zone tables: the pydeck map (``deck``, assembled from ``layers`` (fills, borders,
stripes, works), ``marks`` (where names and glyphs stand), ``text_layers`` and ``camera``), its SVG keys
(``keys``), the static map shared by the overview and the static edition (``static_map``), and the colours
they share (``styles``).

``serialised_deck`` holds the one Streamlit-specific trick (a Deck that serialises itself once).
"""
