"""The zones map as a pydeck Deck: zone fills, borders, stripes on the split districts, site markers, names and counts.

No basemap and no outbound request (``map_provider=None``). How a click
becomes a selection, and why the layer ids carry the place, is said in
``build_deck``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping

import pandas as pd
import pydeck as pdk

from lib.plan.zones.boundaries import bounds_of
from lib.present.maps import layers, marks
from lib.present.maps.camera import MAP_HEIGHT, fit_view
from lib.present.maps.marks import LABEL_PX
from lib.present.maps.packing import MODEL_MATRIX, pack_multiline
from lib.present.maps.serialised_deck import SerialisedDeck
from lib.present.maps.styles import GLYPH_FONT, ZONE_COLOURS
from lib.present.maps.text_layers import GLYPH_CHARACTERS, label_characters, label_layer, lines_feature, text_layer, work_layers
from lib.present.maps.words import Words

DISTRICTS_LAYER, WORKS_LAYER = "districts", "works"
PICKABLE = (DISTRICTS_LAYER, WORKS_LAYER)  # a project's marker is not picked: it stands in its district

TOOLTIP = {
    # Streamlit escapes each {field} as it fills the template; the fields are plain text.
    "html": "<b>{tip_title}</b><br/>{tip_body}",
    "style": {
        "backgroundColor": "#ffffff",
        "color": "#111111",
        "border": "1px solid #444444",
        "fontSize": "13px",
        "lineHeight": "1.45",
        "maxWidth": "min(380px, 80vw)",
        # Line breaks travel as "\n" inside the values, never as <br>.
        "whiteSpace": "pre-line",
    },
}
# In English the names of projects and works, the plan's own words, stay in 简体 (issue 27): they
# travel in their own field and the template marks them Chinese; Streamlit escapes the value as the others.
TOOLTIP_QUOTED = {**TOOLTIP, "html": TOOLTIP["html"] + '<div lang="zh-CN">{tip_quote}</div>'}
# The wheel scrolls the page, not the map: a reader scrolling past the map on
# a phone or a laptop must not get stuck zooming it. Zoom with a double
# click, two fingers, or the keyboard once the map has the focus.
CONTROLLER = {
    "scrollZoom": False,
    "doubleClickZoom": True,
    "touchZoom": True,
    "dragPan": True,
    "keyboard": True,
    "dragRotate": False,
    "touchRotate": False,
}


def layer_id(layer: str, picks: int = 0) -> str:
    """A pickable layer's id after ``picks`` clicks on it in this session, e.g. ``districts-0``."""
    return f"{layer}-{picks % 2}"


class PickedDeck:
    """A built deck as drawn after some clicks: the same JSON with each clicked layer's id renamed.

    Streamlit's frontend keeps a click's selection for as long as a layer
    with that id is on the map, shows an English "Clear selection" button
    meanwhile, and would read a second click on the same object as "clear".
    So the id of the layer clicked changes after each click on it (the page
    counts them per layer), which drops the selection. Only that layer's: a
    new id makes deck.gl build the layer anew, which costs time in software
    WebGL (bench.browser_zones_map), and the ids do not change with the place.
    """

    def __init__(self, deck: SerialisedDeck, picks: Mapping[str, int] | None = None):
        # Two spellings per layer are enough: each click flips them, and a shared,
        # cached deck keeps at most one text per combination.
        self.deck = deck
        self.picks = tuple((layer, (picks or {}).get(layer, 0) % 2) for layer in PICKABLE)

    def to_json(self) -> str:
        cache = self.deck.__dict__.setdefault("_picked_json", {})
        text = cache.get(self.picks)
        if text is None:
            text = self.deck.to_json()
            for layer, picks in self.picks:
                text = text.replace(f'"id":"{layer_id(layer)}#', f'"id":"{layer_id(layer, picks)}#', 1)
            cache[self.picks] = text
        return text

    def __getattr__(self, name):  # st.pydeck_chart reads a few Deck attributes besides the JSON
        return getattr(self.deck, name)


def clicked_layer(layer_key: str) -> str:
    """The layer a selection key names: ``districts-1#c778202e`` → ``districts``."""
    return layer_key.split("-", 1)[0]


def layer_name(layer_key: str) -> str:
    """A layer's id without the digest of its data (``_content_addressed``): ``labels#a2f3d56c`` → ``labels``."""
    return layer_key.split("#", 1)[0]


def _content_addressed(layer: pdk.Layer) -> pdk.Layer:
    """The layer with a digest of its data in its id, and deck.gl told that data never changes under one id.

    Streamlit's frontend hands deck.gl new data arrays on every rerun and
    click (it parses the JSON anew), so deck.gl would rebuild every layer's
    geometry and buffers each time, and draw each one as if new. With the
    digest, a layer whose data did not change (the fills when only the place
    changes, the stripes, the markers) keeps its id and is left alone; one
    whose data changed gets a new id and is built anew. ``dataComparator``
    always true is then exact, not a guess.
    """
    text = json.dumps(layer.data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    layer.id = f"{layer.id}#{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"
    layer.data_comparator = "@@=true"  # pydeck passes "@@=" strings through: deck.gl's JSON makes it a function
    return layer


def build_deck(
    boundaries: dict,
    districts: pd.DataFrame,
    zones: pd.DataFrame,
    district_zones: pd.DataFrame,
    projects: pd.DataFrame,
    categories: Iterable[str],
    place: str,
    highlight: Iterable[str] = (),
    partly: Iterable[str] = (),
    works: pd.DataFrame | None = None,
    work_counts: dict[str, int] | None = None,
    words: Words = Words(),
) -> SerialisedDeck:
    """The whole map for one place (``highlight`` are its districts, outlined and zoomed to).

    A click on a district reaches the server as Streamlit's selection of the
    districts layer, and the page turns it into a place (``PickedDeck`` says
    how the selection is then dropped).

    Every layer is shaped by what a frame costs in software WebGL, where the
    bench and a phone without a GPU draw it (bench.browser_zones_map):
    - No layer sets a colour Streamlit's frontend rewrites while a selection
      lasts (``getFillColor`` of a GeoJsonLayer, ``getColor`` of a TextLayer
      or PathLayer): it greys every other object, and swapping a constant
      colour for a function recompiled the layer's pipeline, a second per
      click. The fill reaches its sublayer through ``_subLayerProps``, lines
      are GeoJsonLayers, whose line colour it leaves alone, and so is text
      (``text_layer``: points drawn as text).
    - Borders are one layer with each border drawn once (``district_outlines``),
      not a stroke round each district, which drew every shared border twice.
    - Text layers have a fixed character set: with "auto", deck.gl rebuilt the
      font atlas each time Streamlit handed it a new data array.
    - A layer's id names its data, so one whose data is unchanged is left
      alone (``_content_addressed``).
    - The borders and stripes are packed as whole numbers (lib.present.maps.packing).
    """
    highlight = tuple(highlight)
    whole = bounds_of(boundaries)
    view = fit_view(bounds_of(boundaries, set(highlight)) if highlight else whole, whole)
    categories = tuple(categories)
    markers = marks.marker_rows(projects, districts, categories, words)
    in_district = {a: sum(by.values()) for a, by in layers.district_category_counts(projects, categories).items()}
    fitting, held_back = marks.label_rows(boundaries, districts, view, markers, highlight, in_district, words)
    label_set = label_characters(districts, words)
    features = layers.district_features(
        boundaries, districts, zones, district_zones, projects, highlight, categories, partly, work_counts, markers, words
    )
    deck_layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id=layer_id(DISTRICTS_LAYER),
            # Plain lon/lat: the fill's tessellation on the CPU projects its points first and
            # refuses packed ones (lib.present.maps.packing).
            data=features,
            filled=True,
            stroked=False,  # the borders are the outlines layer
            _subLayerProps={"polygons-fill": {"getFillColor": "@@=properties.fill"}},
            # No autoHighlight: the tooltip names the district under the pointer, and each
            # highlight redrew the whole map (a click 4.9 s without it, 7.1 s with it).
            pickable=True,
        ),
        pdk.Layer(
            "GeoJsonLayer",
            id="outlines",
            data=[
                {**feature, "geometry": pack_multiline(feature["geometry"])}
                for feature in layers.district_outlines(boundaries, highlight, partly)
            ],
            model_matrix=MODEL_MATRIX,
            get_line_color="properties.colour",
            get_line_width="properties.width",
            line_width_units="'pixels'",
        ),
        pdk.Layer(
            "GeoJsonLayer",
            id="split-hatch",
            data=[lines_feature(layers.split_hatch(boundaries, districts))],
            model_matrix=MODEL_MATRIX,
            get_line_color=[*ZONE_COLOURS["core"], 255],
            get_line_width=2,  # not a plan figure: line width
            line_width_units="'pixels'",
        ),
        text_layer(
            "projects",
            [
                {
                    "position": m["position"],
                    "text": m["glyph"],
                    "colour": m["colour"],
                    "size": m["size"],
                    "offset": m["offset"],
                    "category": m["category"],
                }
                for m in markers
            ],
            font=GLYPH_FONT,
            characters=GLYPH_CHARACTERS,
            outline=4,
            outline_colour=[255, 255, 255, 255],
        ),
        *(
            work_layers(works, boundaries, labelled=bool(highlight), pick_id=layer_id(WORKS_LAYER), words=words)
            if works is not None
            else []
        ),
        label_layer("labels", fitting, size=LABEL_PX, units="pixels", characters=label_set),
        # About 2.6 km tall: legible from zoom 8.5, specks at the opening zoom.
        label_layer("labels-zoomed", held_back, size=2600, units="meters", characters=label_set),
    ]
    return SerialisedDeck(
        layers=[_content_addressed(item) for item in deck_layers],
        views=[pdk.View(type="MapView", controller=CONTROLLER)],
        initial_view_state=view,
        # No basemap and no outbound request. Leave map_style alone: an explicit
        # None makes Streamlit fall back to a Carto basemap, which fails offline.
        map_provider=None,
        tooltip=TOOLTIP_QUOTED if words.quotes_apart else TOOLTIP,
        height=MAP_HEIGHT,
    )
