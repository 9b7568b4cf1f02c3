"""The deck's layers that draw rows as they are: text as GeoJSON points (names, glyphs, 示意), the works' dotted links.

Split from ``deck`` (which assembles the map); why each is shaped so is said
in ``deck.build_deck`` and in ``text_layer``.
"""

from __future__ import annotations

import pandas as pd
import pydeck as pdk

from lib.present.maps import layers
from lib.present.maps.packing import pack_multiline
from lib.present.maps.styles import CATEGORY_STYLE, LABEL_FONT
from lib.present.maps.words import Words

WORK_COLOUR = [60, 60, 60, 230]
# A fixed character set per text layer, never "auto": with "auto" deck.gl rebuilds the
# font atlas whenever the data array is new, and Streamlit's frontend hands it a new
# one on every click and rerun; each new atlas texture cost ~0.3 s in software WebGL.
GLYPH_CHARACTERS = "".join(sorted({glyph for glyph, _ in CATEGORY_STYLE.values()}))


def work_layers(works: pd.DataFrame, boundaries: dict, labelled: bool, pick_id: str, words: Words = Words()) -> list[pdk.Layer]:
    """Linear works as thin dotted links, labelled 示意 once zoomed to a place: visibly a schematic, never a route.

    At the whole-city view 24 labels would be smudges over the small
    districts, so there the key and each link's tooltip say 示意.
    """
    _ = words._
    paths, labels = layers.work_links(works, boundaries, words)
    return [
        pdk.Layer(
            "GeoJsonLayer",
            id=pick_id,  # the works layer is pickable: its id flips with clicks (deck.layer_id)
            data=[
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": row["path"]},
                    "properties": {"tip_title": row["tip_title"], "tip_body": row["tip_body"], "tip_quote": row["tip_quote"]},
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
        text_layer(
            "works-labels",
            [{**row, "colour": [17, 17, 17, 255], "size": 12, "offset": [0, 0]} for row in labels],
            font=LABEL_FONT,
            characters="".join(sorted(set(_("示意")))),
            outline=2,
            outline_colour=[255, 255, 255, 230],
            visible=labelled,
        ),
    ]


def lines_feature(rows: list[dict]) -> dict:
    """Paths (``{"path": [...]}`` rows) as one packed MultiLineString feature."""
    return {
        "type": "Feature",
        "properties": {},
        "geometry": pack_multiline({"type": "MultiLineString", "coordinates": [r["path"] for r in rows]}),
    }


def label_characters(districts: pd.DataFrame, words: Words = Words()) -> str:
    """Every character a district label can hold: the short names, the digits and 项 of "万州 13项" (in the reader's language)."""
    _ = words._
    names = "".join(words.short(name) for name in districts.short_name)
    return "".join(sorted(set(names) | set(_("{name} {count}项").format(name="", count="0123456789"))))


def label_layer(layer_id: str, rows: list[dict], size: float, units: str, characters: str) -> pdk.Layer:
    return text_layer(
        layer_id,
        [{**row, "colour": [17, 17, 17, 255], "size": size} for row in rows],
        font=LABEL_FONT,
        characters=characters,
        outline=3,
        outline_colour=[255, 255, 255, 230],
        units=units,
        weight=600,
    )


def text_layer(
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
