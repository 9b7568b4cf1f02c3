"""A small static map of the five zones as SVG (the overview's): no script bundle, no basemap."""

from __future__ import annotations

import math
from html import escape

from lib.present.maps.styles import ZONE_COLOURS


def zone_svg(shapes, districts, zones, width: int = 520, tolerance: float = 0.01) -> str:
    """A small static map of the five zones as SVG: no script bundle, no basemap.

    ``shapes`` is the districts' GeoDataFrame (lib.plan.zones.load_district_shapes);
    districts are merged by primary zone and simplified to ``tolerance``
    degrees, which keeps the picture to a few kilobytes. Names are escaped.
    Longitudes are scaled by cos(latitude) so the shape is not stretched.
    """
    frame = shapes.merge(districts[["adcode", "primary_zone_id"]], on="adcode")
    merged = frame.dissolve(by="primary_zone_id").geometry.simplify(tolerance)
    west, south, east, north = merged.total_bounds
    x_scale = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * x_scale, north - south
    height = round(width * span_y / span_x)

    def point(lon: float, lat: float) -> str:
        return f"{(lon - west) * x_scale / span_x * width:.0f},{(north - lat) / span_y * height:.0f}"

    paths = []
    for zone_id, geometry in merged.items():
        r, g, b = ZONE_COLOURS[zone_id]
        polygons = list(geometry.geoms) if geometry.geom_type == "MultiPolygon" else [geometry]
        rings = " ".join(
            "M" + " L".join(point(x, y) for x, y in ring.coords) + "Z"
            for polygon in polygons
            for ring in [polygon.exterior, *polygon.interiors]
        )
        paths.append(f'<path d="{rings}" fill="rgb({r},{g},{b})" stroke="#ffffff" stroke-width="1.2" fill-rule="evenodd"/>')
    legend = []
    for index, zone in enumerate(zones.itertuples()):
        r, g, b = ZONE_COLOURS[zone.zone_id]
        y = 16 + index * 20
        legend.append(
            f'<rect x="4" y="{y - 12}" width="14" height="14" fill="rgb({r},{g},{b})"/>'
            f'<text x="24" y="{y}" font-size="13" fill="#111">{escape(zone.name_zh)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        + "".join(paths)
        + "".join(legend)
        + "</svg>"
    )
