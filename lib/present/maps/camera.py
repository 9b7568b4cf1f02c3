"""Where the map opens: a view state that shows a box whole."""

from __future__ import annotations

import math

import pydeck as pdk

from lib.plan.zones.boundaries import Bounds

MAP_HEIGHT = 440
# The map's zoom cannot follow the width of the screen (pydeck takes one
# fixed view state), so it is fitted to the narrowest map served: a 390 px
# phone leaves about 350 px. Wider screens show the same view with room
# around it, and nothing is ever cut off.
FIT_WIDTH = 350
# A place opens at most two levels below it, so one can still zoom in: 13 lets 渝中 (fitted at
# 10.96, the smallest district) and 大渡口 (10.56) open filling a phone's map, not at 10 (45 %).
MAX_ZOOM = 13


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def fit_zoom(bounds: Bounds, width: int, height: int, padding: float = 0.06) -> float:
    """The zoom at which ``bounds`` (lon/lat) fills a width × height map, less the padding."""
    west, south, east, north = bounds
    span_x = max(math.radians(east - west), 1e-6)
    span_y = max(_mercator_y(north) - _mercator_y(south), 1e-6)
    usable_w, usable_h = width * (1 - 2 * padding), height * (1 - 2 * padding)
    # At zoom z the world is 512·2^z px wide in deck.gl, i.e. 512·2^z / 2π px per radian.
    return min(math.log2(usable_w * 2 * math.pi / (512 * span_x)), math.log2(usable_h * 2 * math.pi / (512 * span_y)))


def screen_offset(lon: float, lat: float, view: pdk.ViewState) -> tuple[float, float]:
    """Where deck.gl's Web Mercator view draws (lon, lat): px right of and below the map's centre."""
    scale = 512 * 2**view.zoom / (2 * math.pi)
    return (
        scale * math.radians(lon - view.longitude),
        -scale * (_mercator_y(lat) - _mercator_y(view.latitude)),
    )


def fit_view(bounds: Bounds, whole: Bounds, width: int = FIT_WIDTH, height: int = MAP_HEIGHT) -> pdk.ViewState:
    """A view state centred on ``bounds`` and showing it whole; ``whole`` (the city) sets how far out one can zoom."""
    west, south, east, north = bounds
    zoom = min(fit_zoom(bounds, width, height), MAX_ZOOM - 2)
    centre_lat = math.degrees(2 * math.atan(math.exp((_mercator_y(north) + _mercator_y(south)) / 2)) - math.pi / 2)
    return pdk.ViewState(
        longitude=round((west + east) / 2, 4),
        latitude=round(centre_lat, 4),
        zoom=round(zoom, 2),
        min_zoom=round(fit_zoom(whole, width, height) - 1, 2),
        max_zoom=MAX_ZOOM,
        pitch=0,
        bearing=0,
    )
