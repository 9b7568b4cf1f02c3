"""Map lines as whole numbers: [15432, 11234] instead of [106.5432, 29.1234].

The committed boundaries carry four decimals (geo/build_districts.py), so a
coordinate is a whole number of 0.0001° steps. Counting those steps from
(105° E, 28° N), the south-west corner of a box round Chongqing, writes each
point in 13 characters instead of 18. The borders are the second copy of
the boundaries in the map JSON (the fills are the first), and packed they
keep it under 400 KB (issue 14). Only lines: a polygon fill is tessellated
on the CPU after projecting its points as lon/lat, which refuses packed ones.

deck.gl applies a layer's ``modelMatrix`` to each position before the Web
Mercator projection (project_position in its shaders), so the scale and
shift below give back the exact degrees; nothing is approximated, unlike
deck.gl's offset coordinate systems, which linearise the projection round
their origin.
"""

from __future__ import annotations

ORIGIN = (105.0, 28.0)  # lon, lat; every point of geo/districts.geojson lies north-east of it
STEP = 1e-4  # degrees per unit: the four decimals of geo/districts.geojson
# Column-major 4×4, as deck.gl reads it: scale x and y by STEP, then shift by ORIGIN.
MODEL_MATRIX = [STEP, 0, 0, 0, 0, STEP, 0, 0, 0, 0, 1, 0, ORIGIN[0], ORIGIN[1], 0, 1]


def pack_point(point) -> list[int]:
    """A lon/lat point (four decimals) as whole steps from ORIGIN."""
    lon, lat = point[0], point[1]
    packed = [round((lon - ORIGIN[0]) / STEP), round((lat - ORIGIN[1]) / STEP)]
    if min(packed) < 0 or abs(unpack_point(packed)[0] - lon) > STEP / 100 or abs(unpack_point(packed)[1] - lat) > STEP / 100:
        raise ValueError(f"{point} is not a four-decimal point north-east of {ORIGIN}")
    return packed


def unpack_point(packed) -> tuple[float, float]:
    """The lon/lat a packed point stands for (what the modelMatrix computes on the GPU)."""
    return (round(ORIGIN[0] + packed[0] * STEP, 4), round(ORIGIN[1] + packed[1] * STEP, 4))


def pack_lines(lines) -> list[list[list[int]]]:
    """A list of lines (or rings), each a list of points."""
    return [[pack_point(point) for point in line] for line in lines]


def pack_multiline(geometry: dict) -> dict:
    """A GeoJSON MultiLineString with packed coordinates (the borders and stripes are nothing else)."""
    if geometry["type"] != "MultiLineString":
        raise ValueError(f"only lines are packed, not a {geometry['type']}")
    return {"type": "MultiLineString", "coordinates": pack_lines(geometry["coordinates"])}
