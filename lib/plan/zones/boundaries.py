"""The districts' boundaries: the committed geo/districts.geojson (rebuilt by geo/build_districts.py)."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import geopandas as gpd
from shapely.geometry import shape

from lib.plan.validation import DataFileError
from lib.plan.zones.schemas import ADCODE

GEOJSON_PATH = Path(__file__).resolve().parents[3] / "geo" / "districts.geojson"
# An Albers equal-area projection centred on Chongqing, for areas in km².
EQUAL_AREA_CRS = "+proj=aea +lat_1=28.5 +lat_2=31.5 +lat_0=0 +lon_0=107.7 +ellps=WGS84 +units=m +no_defs"

Bounds = tuple[float, float, float, float]  # west, south, east, north (degrees)


@functools.cache
def _geojson_text(path: Path = GEOJSON_PATH) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(path, "the file is missing; rebuild it with python -m geo.build_districts") from None


def load_boundaries(path: Path = GEOJSON_PATH) -> dict:
    """The committed GeoJSON as a dict (a fresh copy: callers may edit it)."""
    try:
        collection = json.loads(_geojson_text(path))
    except json.JSONDecodeError as error:
        raise DataFileError(path, f"not valid JSON ({error.msg} at line {error.lineno})") from None
    features = collection.get("features") if isinstance(collection, dict) else None
    if not isinstance(features, list):
        raise DataFileError(path, "not a GeoJSON FeatureCollection")
    for number, feature in enumerate(features, 1):
        adcode = str((feature.get("properties") or {}).get("adcode", ""))
        if not re.fullmatch(ADCODE, adcode):
            raise DataFileError(path, f"feature {number} has no valid adcode")
    return collection


def load_district_shapes(path: Path = GEOJSON_PATH) -> gpd.GeoDataFrame:
    """One row per district: adcode, label point and geometry, in WGS 84."""
    collection = load_boundaries(path)
    records = [{**feature["properties"], "geometry": shape(feature["geometry"])} for feature in collection["features"]]
    frame = gpd.GeoDataFrame(records, geometry="geometry", crs="EPSG:4326")
    frame["adcode"] = frame["adcode"].astype(str)
    return frame


def outer_rings(geometry: dict) -> list[list[list[float]]]:
    """The outer ring of each polygon of a GeoJSON Polygon or MultiPolygon."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [polygon[0] for polygon in polygons]


def bounds_of(boundaries: dict, adcodes: set[str] | None = None) -> Bounds:
    """The box around the given districts (all of them when ``adcodes`` is None)."""
    xs, ys = [], []
    for feature in boundaries["features"]:
        if adcodes is not None and feature["properties"]["adcode"] not in adcodes:
            continue
        for ring in outer_rings(feature["geometry"]):
            xs.extend(x for x, _ in ring)
            ys.extend(y for _, y in ring)
    return min(xs), min(ys), max(xs), max(ys)
