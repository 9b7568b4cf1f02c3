"""The zones map as a pydeck Deck: zone fills, stripes on the split districts, site markers, district names and counts.

No basemap and no outbound request (``map_provider=None``). How a click
becomes a selection, and why the layer ids carry the place, is said in
``build_deck``.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import pydeck as pdk

from lib.maps import layers
from lib.maps.camera import MAP_HEIGHT, fit_view
from lib.maps.layers import LABEL_PX
from lib.maps.serialised_deck import SerialisedDeck
from lib.maps.styles import GLYPH_FONT, LABEL_FONT, ZONE_COLOURS
from lib.zones.boundaries import bounds_of

DISTRICTS_LAYER, PROJECTS_LAYER = "districts", "projects"

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
CONTROLLER = {"scrollZoom": False, "doubleClickZoom": True, "touchZoom": True, "dragPan": True, "keyboard": True,
              "dragRotate": False, "touchRotate": False}


def layer_id(layer: str, picks: int = 0) -> str:
    """A pickable layer's id after ``picks`` map clicks in this session, e.g. ``districts-0``."""
    return f"{layer}-{picks}"


PICKABLE = (DISTRICTS_LAYER, PROJECTS_LAYER)


class PickedDeck:
    """A built deck as drawn after ``picks`` clicks: the same JSON with the pickable layers' ids renamed.

    Streamlit's frontend keeps a click's selection, and greys every other
    object, for as long as the layer with that id is on the map. So the ids
    change after each click (the page counts them), which drops it; they do
    not change with the place, because a new layer id makes deck.gl build the
    layer anew, which costs seconds in software WebGL (bench.browser_zones_map).
    """

    def __init__(self, deck: SerialisedDeck, picks: int):
        # Two spellings are enough: each click flips them, and a shared, cached
        # deck keeps at most two texts.
        self.deck, self.picks = deck, picks % 2

    def to_json(self) -> str:
        cache = self.deck.__dict__.setdefault("_picked_json", {})
        text = cache.get(self.picks)
        if text is None:
            text = self.deck.to_json()
            for layer in PICKABLE:
                text = text.replace(f'"id":"{layer_id(layer)}"', f'"id":"{layer_id(layer, self.picks)}"', 1)
            cache[self.picks] = text
        return text

    def __getattr__(self, name):  # st.pydeck_chart reads a few Deck attributes besides the JSON
        return getattr(self.deck, name)


def clicked_layer(layer_key: str) -> str:
    """The layer a selection key names: ``districts-500103`` → ``districts``."""
    return layer_key.split("-", 1)[0]


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

    A click on a district or a marker reaches the server as Streamlit's
    selection of that layer, and the page turns it into a place. Streamlit's
    frontend keeps a selection and greys every other object while it holds
    one; a layer id that names the place makes the next map's layers new to
    it, so it drops the old selection and our own colours and outline show
    the place instead. (A new chart key would do the same by remounting the
    whole map, which costs seconds on a phone.)
    """
    highlight = tuple(highlight)
    whole = bounds_of(boundaries)
    view = fit_view(bounds_of(boundaries, set(highlight)) if highlight else whole, whole)
    categories = tuple(categories)
    markers = layers.marker_rows(projects, districts, categories)
    in_district = {a: sum(by.values()) for a, by in layers.district_category_counts(projects, categories).items()}
    fitting, held_back = layers.label_rows(boundaries, districts, view, markers, highlight, in_district)
    deck_layers = [
        pdk.Layer(
            "GeoJsonLayer",
            id=layer_id(DISTRICTS_LAYER),
            data=layers.district_features(
                boundaries, districts, zones, district_zones, projects, highlight, categories, partly, work_counts
            ),
            filled=True,
            stroked=True,
            get_fill_color="properties.fill",
            get_line_color="properties.line",
            get_line_width="properties.width",
            line_width_units="'pixels'",
            # Picked by the fill alone: a click or hover renders the pickable layers again, and
            # the outline (a path per ring) made each such pass cost a second in software WebGL.
            # Paired in one browser: a click 0.74 s with the outline unpickable, 1.67 s with it.
            # No autoHighlight: the tooltip names the district under the pointer, and each
            # highlight redrew the whole map (a click 4.9 s without it, 7.1 s with it).
            pickable=True,
            _subLayerProps={"polygons-stroke": {"pickable": False}},
        ),
        pdk.Layer(
            "PathLayer",
            id="split-hatch",
            data=layers.split_hatch(boundaries, districts),
            get_path="path",
            get_color=[*ZONE_COLOURS["core"], 255],
            get_width=2,  # not a plan figure: line width
            width_units="'pixels'",
        ),
        pdk.Layer(
            "TextLayer",
            id=layer_id(PROJECTS_LAYER),
            data=markers,
            get_position="position",
            get_text="glyph",
            get_color="colour",
            get_size="size",
            get_pixel_offset="offset",
            size_units="'pixels'",
            font_family=f'"{GLYPH_FONT}"',
            character_set="'auto'",
            font_settings={"sdf": True},
            outline_width=4,
            outline_color=[255, 255, 255, 255],
            pickable=True,
        ),
        *(_work_layers(works, boundaries, labelled=bool(highlight)) if works is not None else []),
        _label_layer("labels", fitting, size=LABEL_PX, units="pixels"),
        # About 2.6 km tall: legible from zoom 8.5, specks at the opening zoom.
        _label_layer("labels-zoomed", held_back, size=2600, units="meters"),
    ]
    return SerialisedDeck(
        layers=deck_layers,
        views=[pdk.View(type="MapView", controller=CONTROLLER)],
        initial_view_state=view,
        # No basemap and no outbound request. Leave map_style alone: an explicit
        # None makes Streamlit fall back to a Carto basemap, which fails offline.
        map_provider=None,
        tooltip=TOOLTIP,
        height=MAP_HEIGHT,
    )


WORK_COLOUR = [60, 60, 60, 230]


def _work_layers(works: pd.DataFrame, boundaries: dict, labelled: bool) -> list[pdk.Layer]:
    """Linear works as thin dotted links, labelled 示意 once zoomed to a place: visibly a schematic, never a route.

    At the whole-city view 24 labels would be smudges over the small
    districts, so there the key and each link's tooltip say 示意.
    """
    paths, labels = layers.work_links(works, boundaries)
    return [
        pdk.Layer(
            "PathLayer",
            id="works",
            data=paths,
            get_path="path",
            get_color=WORK_COLOUR,
            get_width=2,  # not a plan figure: line width
            width_units="'pixels'",
            get_dash_array=[2, 2],
            dash_justified=True,
            extensions=[{"@@type": "PathStyleExtension", "dash": True}],
            pickable=True,
        ),
        pdk.Layer(
            "TextLayer",
            id="works-labels",
            data=labels,
            get_position="position",
            get_text="text",
            get_size=12,
            size_units="'pixels'",
            get_color=[17, 17, 17, 255],
            font_family=f'"{LABEL_FONT}"',
            character_set="'auto'",
            font_settings={"sdf": True},
            outline_width=2,
            outline_color=[255, 255, 255, 230],
            visible=labelled,
        ),
    ]


def _label_layer(layer_id: str, rows: list[dict], size: float, units: str) -> pdk.Layer:
    return pdk.Layer(
        "TextLayer",
        id=layer_id,
        data=rows,
        get_position="position",
        get_text="text",
        get_size=size,
        size_units=f"'{units}'",
        size_max_pixels=14,
        get_color=[17, 17, 17, 255],
        font_family=f'"{LABEL_FONT}"',
        font_weight=600,
        character_set="'auto'",
        font_settings={"sdf": True},
        outline_width=3,
        outline_color=[255, 255, 255, 230],
        get_pixel_offset="offset",
    )
