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
from lib.present.maps import layers
from lib.present.maps.camera import MAP_HEIGHT, fit_view
from lib.present.maps.layers import LABEL_PX
from lib.present.maps.packing import MODEL_MATRIX, pack_multiline
from lib.present.maps.serialised_deck import SerialisedDeck
from lib.present.maps.styles import CATEGORY_STYLE, GLYPH_FONT, LABEL_FONT, ZONE_COLOURS

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
      (``_text_layer``: points drawn as text).
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
    markers = layers.marker_rows(projects, districts, categories)
    in_district = {a: sum(by.values()) for a, by in layers.district_category_counts(projects, categories).items()}
    fitting, held_back = layers.label_rows(boundaries, districts, view, markers, highlight, in_district)
    label_set = label_characters(districts)
    features = layers.district_features(
        boundaries, districts, zones, district_zones, projects, highlight, categories, partly, work_counts, markers
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
            data=[_lines_feature(layers.split_hatch(boundaries, districts))],
            model_matrix=MODEL_MATRIX,
            get_line_color=[*ZONE_COLOURS["core"], 255],
            get_line_width=2,  # not a plan figure: line width
            line_width_units="'pixels'",
        ),
        _text_layer(
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
        *(_work_layers(works, boundaries, labelled=bool(highlight)) if works is not None else []),
        _label_layer("labels", fitting, size=LABEL_PX, units="pixels", characters=label_set),
        # About 2.6 km tall: legible from zoom 8.5, specks at the opening zoom.
        _label_layer("labels-zoomed", held_back, size=2600, units="meters", characters=label_set),
    ]
    return SerialisedDeck(
        layers=[_content_addressed(item) for item in deck_layers],
        views=[pdk.View(type="MapView", controller=CONTROLLER)],
        initial_view_state=view,
        # No basemap and no outbound request. Leave map_style alone: an explicit
        # None makes Streamlit fall back to a Carto basemap, which fails offline.
        map_provider=None,
        tooltip=TOOLTIP,
        height=MAP_HEIGHT,
    )


WORK_COLOUR = [60, 60, 60, 230]
# A fixed character set per text layer, never "auto": with "auto" deck.gl rebuilds the
# font atlas whenever the data array is new, and Streamlit's frontend hands it a new
# one on every click and rerun; each new atlas texture cost ~0.3 s in software WebGL.
GLYPH_CHARACTERS = "".join(sorted({glyph for glyph, _ in CATEGORY_STYLE.values()}))


def _work_layers(works: pd.DataFrame, boundaries: dict, labelled: bool) -> list[pdk.Layer]:
    """Linear works as thin dotted links, labelled 示意 once zoomed to a place: visibly a schematic, never a route.

    At the whole-city view 24 labels would be smudges over the small
    districts, so there the key and each link's tooltip say 示意.
    """
    paths, labels = layers.work_links(works, boundaries)
    return [
        pdk.Layer(
            "GeoJsonLayer",
            id=layer_id(WORKS_LAYER),
            data=[
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": row["path"]},
                    "properties": {"tip_title": row["tip_title"], "tip_body": row["tip_body"]},
                }
                for row in paths
            ],
            get_line_color=WORK_COLOUR,
            get_line_width=2,  # not a plan figure: line width
            line_width_units="'pixels'",
            get_dash_array=[2, 2],
            dash_justified=True,
            extensions=[{"@@type": "PathStyleExtension", "dash": True}],
            pickable=True,
        ),
        _text_layer(
            "works-labels",
            [{**row, "colour": [17, 17, 17, 255], "size": 12, "offset": [0, 0]} for row in labels],
            font=LABEL_FONT,
            characters="示意",
            outline=2,
            outline_colour=[255, 255, 255, 230],
            visible=labelled,
        ),
    ]


def _lines_feature(rows: list[dict]) -> dict:
    """Paths (``{"path": [...]}`` rows) as one packed MultiLineString feature."""
    return {
        "type": "Feature",
        "properties": {},
        "geometry": pack_multiline({"type": "MultiLineString", "coordinates": [r["path"] for r in rows]}),
    }


def label_characters(districts: pd.DataFrame) -> str:
    """Every character a district label can hold: the short names, the digits and 项 of "万州 13项"."""
    return "".join(sorted(set("".join(districts.short_name)) | set("0123456789项 ")))


def _label_layer(layer_id: str, rows: list[dict], size: float, units: str, characters: str) -> pdk.Layer:
    return _text_layer(
        layer_id,
        [{**row, "colour": [17, 17, 17, 255], "size": size} for row in rows],
        font=LABEL_FONT,
        characters=characters,
        outline=3,
        outline_colour=[255, 255, 255, 230],
        units=units,
        weight=600,
    )


def _text_layer(
    layer_id: str,
    rows: list[dict],
    font: str,
    characters: str,
    outline: float,
    outline_colour: list[int],
    units: str = "pixels",
    weight: int = 400,
    visible: bool = True,
) -> pdk.Layer:
    """Rows (position, text, colour, size, offset) as a GeoJsonLayer of points drawn as text.

    Not a TextLayer: Streamlit's frontend marks a TextLayer's colour for
    recomputing on every rerun and click (it would grey it during a
    selection), and in software WebGL each text layer's first draw after
    that cost ~0.17 s; it leaves a GeoJsonLayer's text colour alone.
    """
    extra = {"text_size_max_pixels": 14} if units == "meters" else {}
    return pdk.Layer(
        "GeoJsonLayer",
        id=layer_id,
        data=[
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": row["position"]},
                "properties": {k: v for k, v in row.items() if k != "position"},
            }
            for row in rows
        ],
        point_type="'text'",
        get_text="properties.text",
        get_text_color="properties.colour",
        get_text_size="properties.size",
        get_text_pixel_offset="properties.offset",
        text_size_units=f"'{units}'",
        text_font_family=f'"{font}"',
        text_font_weight=weight,
        text_character_set=f"'{characters}'",
        text_font_settings={"sdf": True},
        text_outline_width=outline,
        text_outline_color=outline_colour,
        visible=visible,
        **extra,
    )
