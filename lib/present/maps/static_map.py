"""The map as one static SVG: no script bundle, no basemap. One projection, one drawing, two pictures.

``zone_picture`` (the overview's: the five zones merged, with a legend) and
``district_picture`` (the static edition's zones pages: every district, its
tooltip and link, the sited projects as dots, the names of the larger
districts) describe a picture as plain data (``StaticMap``); ``svg`` draws
one. A district's link is a ``Target``: the renderer passes ``href`` to turn
it into its own address, so the picture in a View holds no URL.

Longitudes are scaled by cos(latitude) so the shape is not stretched; every
text is escaped here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html import escape

from lib.present.blocks import Target
from lib.present.maps.styles import ZONE_COLOURS


@dataclass(frozen=True)
class Shape:
    """One filled outline: its key (a zone id or an adcode), SVG path data in the picture's pixels, its fill."""

    key: str
    rings: str
    fill: str
    tip: str = ""  # plain text: the <title> tooltip and the link's label
    target: Target | None = None  # where a click on it goes
    box: tuple[int, int, int, int] = (0, 0, 0, 0)  # left, top, right, bottom in the picture's pixels


@dataclass(frozen=True)
class Dot:
    x: int
    y: int
    tip: str


@dataclass(frozen=True)
class Label:
    x: int
    y: int
    text: str
    small: bool = False  # a district too small for its name at the whole picture: named only when zoomed in


@dataclass(frozen=True)
class StaticMap:
    """A picture as data: ``svg`` draws it. ``highlighted`` shapes get a heavy black outline, drawn last."""

    width: int
    height: int
    shapes: tuple[Shape, ...]
    alt: str
    stroke_width: float = 1.0
    highlighted: tuple[str, ...] = ()
    dots: tuple[Dot, ...] = ()
    labels: tuple[Label, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()  # (fill, name) per zone
    sized: bool = False  # width and height on the <svg> (an <img> source), else it fills its box
    focus: tuple[int, int, int, int] | None = None  # the part shown (left, top, width, height), None for the whole


def _rgb(zone_id: str) -> str:
    r, g, b = ZONE_COLOURS[zone_id]
    return f"rgb({r},{g},{b})"


def _projection(geometry, width: int) -> tuple[int, Callable[[float, float], tuple[float, float]]]:
    """The picture's height and the lon/lat → pixel function for ``geometry``'s bounds at ``width``."""
    west, south, east, north = geometry.total_bounds
    x_scale = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * x_scale, north - south
    height = round(width * span_y / span_x)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * x_scale / span_x * width, (north - lat) / span_y * height

    return height, xy


def _ring(coords, xy) -> str:
    """One ring as a path: whole pixels (finer than the simplified outline), each step relative to the
    last and a repeated pixel left out. Every zones page draws the map inline, in three languages
    (issue 27): "l3,5" in place of "322,379" took 38 KB of coordinates a page to about half."""
    points = [(round(x), round(y)) for x, y in (xy(lon, lat) for lon, lat in coords)]
    kept = [point for number, point in enumerate(points) if number == 0 or point != points[number - 1]]
    if len(kept) > 1 and kept[-1] == kept[0]:
        kept.pop()  # Z closes the ring
    steps = " ".join(f"{x - last_x},{y - last_y}" for (last_x, last_y), (x, y) in zip(kept, kept[1:]))
    return f"M{kept[0][0]},{kept[0][1]}" + (f"l{steps}" if steps else "") + "Z"


def _rings(shape, xy) -> str:
    polygons = list(shape.geoms) if shape.geom_type == "MultiPolygon" else [shape]
    return " ".join(_ring(ring.coords, xy) for polygon in polygons for ring in [polygon.exterior, *polygon.interiors])


def _box(shape, xy) -> tuple[int, int, int, int]:
    west, south, east, north = shape.bounds
    (left, top), (right, bottom) = xy(west, north), xy(east, south)
    return math.floor(left), math.floor(top), math.ceil(right), math.ceil(bottom)


def focus_on(picture: StaticMap, keys: Iterable[str], margin: float = 0.12, widest: float = 4 / 3) -> tuple[int, int, int, int] | None:
    """The part of ``picture`` that shows the shapes ``keys`` whole: their box with ``margin`` of its size
    round it, widened or heightened to an aspect between 1 ÷ ``widest`` and ``widest``; None for no shape."""
    boxes = [shape.box for shape in picture.shapes if shape.key in set(keys)]
    if not boxes:
        return None
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    width, height = max(right - left, 1), max(bottom - top, 1)
    width, height = width * (1 + 2 * margin), height * (1 + 2 * margin)
    width, height = max(width, height / widest), max(height, width / widest)
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    return round(centre_x - width / 2), round(centre_y - height / 2), math.ceil(width), math.ceil(height)


def zone_picture(shapes, districts, zones, width: int = 520, tolerance: float = 0.01) -> StaticMap:
    """The five zones, districts merged by primary zone and simplified to ``tolerance`` degrees (a few kilobytes), with a legend.

    ``shapes`` is the districts' GeoDataFrame (lib.plan.zones.load_district_shapes).
    """
    frame = shapes.merge(districts[["adcode", "primary_zone_id"]], on="adcode")
    merged = frame.dissolve(by="primary_zone_id").geometry.simplify(tolerance)
    height, xy = _projection(merged, width)
    drawn = tuple(Shape(zone_id, _rings(geometry, xy), _rgb(zone_id)) for zone_id, geometry in merged.items())
    legend = tuple((_rgb(zone.zone_id), zone.name_zh) for zone in zones.itertuples())
    border = 1.2  # not a plan figure: the white line between zones, in px
    return StaticMap(width, height, drawn, alt="重庆五大功能区域示意图", stroke_width=border, legend=legend, sized=True)


def district_picture(
    shapes,
    districts,
    tips: Mapping[str, str],
    targets: Mapping[str, Target],
    sites: Iterable[tuple[float, float, str]],
    width: int = 720,
    tolerance: float = 0.004,
    label_area: float = 0.05,  # not a plan figure: square degrees
) -> StaticMap:
    """Every district filled by its primary zone, with its tooltip and link; each site (lon, lat, tip) a dot.

    ``tolerance`` 0.004°: district outlines stay recognisable at 720 px and the
    SVG small. Only districts larger than ``label_area`` (square degrees) hold
    their short name at this size; the others are named once zoomed in (``focus``).
    """
    frame = shapes.merge(districts[["adcode", "primary_zone_id", "short_name"]], on="adcode")
    geometry = frame.geometry.simplify(tolerance)
    height, xy = _projection(geometry, width)
    drawn = tuple(
        Shape(row.adcode, _rings(shape, xy), _rgb(row.primary_zone_id), tips.get(row.adcode, ""), targets.get(row.adcode), _box(shape, xy))
        for row, shape in zip(frame.itertuples(), geometry)
    )
    dots = []
    for lon, lat, tip in sites:
        x, y = xy(lon, lat)
        dots.append(Dot(round(x), round(y), tip))
    labels = []
    for row, shape in zip(frame.itertuples(), geometry):
        spot = shape.representative_point()
        x, y = xy(spot.x, spot.y)
        labels.append(Label(round(x), round(y), row.short_name, small=shape.area <= label_area))
    alt = f"重庆市{len(frame)}个区县按五大功能区域着色的地图"
    return StaticMap(width, height, drawn, alt=alt, dots=tuple(dots), labels=tuple(labels))


def svg(picture: StaticMap, href: Callable[[Target], str] | None = None) -> str:
    """The picture as SVG markup. With ``href``, a shape with a target is a link (one <a> each, so a keyboard reaches it).

    Zoomed in (``focus``), every district's name inside the view is written,
    and the names and dots are scaled down by the zoom so they keep their
    size on screen; the outlines keep theirs (non-scaling strokes).
    """
    left, top, width, height = picture.focus or (0, 0, picture.width, picture.height)
    zoom = picture.width / width  # 1 for the whole picture

    def path(shape: Shape, stroke: str) -> str:
        tip = escape(shape.tip)
        drawn = f'<path d="{shape.rings}" fill="{shape.fill}"{stroke} fill-rule="evenodd" vector-effect="non-scaling-stroke"/>'
        if href is not None and shape.target is not None:
            return f'<a href="{escape(href(shape.target))}" aria-label="{tip}"><title>{tip}</title>{drawn}</a>'
        return f"<title>{tip}</title>{drawn}" if tip else drawn

    plain = f' stroke="#ffffff" stroke-width="{picture.stroke_width:g}"'
    heavy = ' stroke="#000000" stroke-width="2.5"'
    raised = set(picture.highlighted)
    # A highlighted outline is drawn last, so no neighbour's white edge covers it.
    parts = [path(s, plain) for s in picture.shapes if s.key not in raised]
    parts += [path(s, heavy) for s in picture.shapes if s.key in raised]
    if picture.dots:
        radius = 2.6 / zoom  # not a plan figure: a dot's radius in px at the whole picture
        parts.append(f'<g class="projects" fill="#222222" fill-opacity="0.7" stroke="#ffffff" stroke-width="{0.6 / zoom:.3g}">')
        parts += [f'<circle cx="{d.x}" cy="{d.y}" r="{radius:.3g}"><title>{escape(d.tip)}</title></circle>' for d in picture.dots]
        parts.append("</g>")
    inside = [
        lb
        for lb in picture.labels
        if (picture.focus is not None or not lb.small) and left <= lb.x <= left + width and top <= lb.y <= top + height
    ]
    if inside:
        # Zoomed in, a name is a 24th of the view's width: about 15 px across a phone's map.
        size = "11" if picture.focus is None else f"{width / 24:.3g}"
        parts.append(f'<g class="labels" font-size="{size}" fill="#111111" pointer-events="none">')
        parts += [f'<text x="{lb.x}" y="{lb.y}" text-anchor="middle">{escape(lb.text)}</text>' for lb in inside]
        parts.append("</g>")
    for index, (fill, name) in enumerate(picture.legend):
        y = 16 + index * 20
        parts.append(
            f'<rect x="4" y="{y - 12}" width="14" height="14" fill="{fill}"/><text x="24" y="{y}" font-size="13" fill="#111">{escape(name)}</text>'
        )
    box = f'viewBox="{left} {top} {width} {height}"'
    size = f' width="{picture.width}" height="{picture.height}"' if picture.sized else ' class="zone-map"'
    return f'<svg xmlns="http://www.w3.org/2000/svg" {box}{size} aria-label="{escape(picture.alt)}">' + "".join(parts) + "</svg>"


def zone_svg(shapes, districts, zones, width: int = 520, tolerance: float = 0.01) -> str:
    """The overview's picture as SVG (``zone_picture`` drawn)."""
    return svg(zone_picture(shapes, districts, zones, width, tolerance))
