"""Maps drawn from the zone tables: the pydeck map (``deck``, from ``layers`` and ``camera``), its SVG
keys (``keys``), the overview's static map (``static_map``), and the colours they share (``styles``).

``serialised_deck`` holds the one Streamlit-specific trick (a Deck that serialises itself once).
"""
