"""Where each district's name and each project's glyph stands on the map: the rows of the label and marker layers.

Tooltip fields hold plain text (Streamlit escapes them; see ``layers``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd
import pydeck as pdk

from lib.plan.zones import tables
from lib.present.i18n import N_
from lib.present.maps.camera import screen_offset
from lib.present.maps.styles import CATEGORY_STYLE
from lib.present.maps.words import Words

PRECISION_WORDS = {"site": N_("位置：项目所在地")}
MAX_LINES = 8  # projects listed in one tooltip before "…另有 n 项"


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


LABEL_PX = 13  # type size of a district name, in px
LABEL_GAP = 12  # px between a name and the point or markers above it


def label_rows(
    boundaries: dict,
    districts: pd.DataFrame,
    view: pdk.ViewState,
    markers: list[dict],
    highlight: Iterable[str] = (),
    counts: dict[str, int] | None = None,
    words: Words = Words(),
) -> tuple[list[dict], list[dict]]:
    """District names that fit at the opening view, and the rest.

    Names are placed in priority order (the selected districts first, then
    the larger ones) and a name that would overlap one already placed is
    held back, so at the opening zoom no two names overlap. Each name sits
    under its district's point, below any markers fanned out there. The
    held-back names (mostly the small districts inside the Inner Ring) are
    drawn sized in metres: specks at the opening zoom, legible once the
    reader zooms in.
    """
    short = {code: words.short(name) for code, name in zip(districts.adcode, districts.short_name)}
    _ = words._
    counted = _("{name} {count}项")
    # A Latin letter is about half a Han character's width: English names are measured so, or most would be held back.
    char_px = LABEL_PX * (0.6 if words.english else 1)
    selected = set(highlight)
    below = {}  # a point's markers reach this far below it, in px
    for marker in markers:
        key = tuple(marker["position"])
        below[key] = max(below.get(key, 0.0), marker["offset"][1] + marker["size"] / 2)
    candidates = []
    for feature in boundaries["features"]:
        props = feature["properties"]
        position = [props["label_lon"], props["label_lat"]]
        offset = round(LABEL_GAP + below.get((round(position[0], 4), round(position[1], 4)), 0.0), 1)
        rank = (props["adcode"] not in selected, -props["area_km2"])
        # The count of projects placed only in the district follows its name: it belongs to the district, not to a point.
        n = (counts or {}).get(props["adcode"], 0)
        text = counted.format(name=short[props["adcode"]], count=n) if n else short[props["adcode"]]
        candidates.append((rank, {"position": position, "text": text, "offset": [0, offset]}))
    placed_boxes: list[tuple[float, float, float, float]] = []
    fitting, held_back = [], []
    for _, row in sorted(candidates, key=lambda c: c[0]):
        x, y = screen_offset(*row["position"], view)
        half = len(row["text"]) * char_px / 2 + 3
        box = (x - half, y + row["offset"][1] - LABEL_PX, x + half, y + row["offset"][1] + LABEL_PX)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed_boxes):
            held_back.append(row)
        else:
            placed_boxes.append(box)
            fitting.append(row)
    return fitting, held_back


def marker_rows(projects: pd.DataFrame, districts: pd.DataFrame, categories: Iterable[str], words: Words = Words()) -> list[dict]:
    """Projects at a known site, one marker per site and category.

    Only ``precision == "site"`` rows (coordinates from a named source): a
    project the plan places only in a district gets no point, it is counted
    with its district. Projects at one site (several works at one airport)
    share its marker, which lists each of them; markers of different
    categories at one site would be fanned out on a small ring of fixed pixel
    offsets, the geographic position staying the recorded one.
    """
    wanted = [c for c in tables.CATEGORIES if c in set(categories)]
    placed = projects[(projects.precision == "site") & projects.category.isin(wanted)]
    names = words.district_names(districts)
    groups: dict[tuple, list] = {}
    for project in placed.itertuples():
        key = (round(float(project.lon), 4), round(float(project.lat), 4), project.category)
        groups.setdefault(key, []).append(project)
    by_place: dict[tuple, list] = {}
    for lon, lat, category in groups:
        by_place.setdefault((lon, lat), []).append(category)
    rows = []
    for (lon, lat), place_categories in by_place.items():
        place_categories.sort(key=wanted.index)
        for slot, category in enumerate(place_categories):
            members = groups[(lon, lat, category)]
            glyph, colour = CATEGORY_STYLE[category]
            rows.append(
                {
                    "position": [lon, lat],
                    "glyph": glyph,
                    "colour": [*colour, 255],
                    "size": round(15 + 3 * math.sqrt(len(members) - 1), 1),
                    "offset": _ring_offset(slot, len(place_categories)),
                    "category": category,
                    "adcodes": sorted({code for p in members for code in tables.split_adcodes(p.district_adcodes)}),
                    "tip_title": _marker_title(category, members, names, words),
                    "tip_body": _marker_body(members, words),
                    "tip_quote": _marker_quote(members) if words.quotes_apart else "",
                }
            )
    return rows


def _ring_offset(slot: int, count: int) -> list[float]:
    if count == 1:
        return [0.0, 0.0]
    radius = max(10.0, 3.6 * count)  # not a plan figure: ring spacing
    angle = -math.pi / 2 + 2 * math.pi * slot / count
    return [round(radius * math.cos(angle), 1), round(radius * math.sin(angle), 1)]


def _marker_title(category: str, members: list, names: dict[str, str], words: Words = Words()) -> str:
    _ = words._
    where = words.join(dict.fromkeys(names[c] for p in members for c in tables.split_adcodes(p.district_adcodes)))
    if words.quotes_apart:  # the names are the plan's own: quoted apart (_marker_quote)
        return f"{words.category(category)} · {where}"
    if len(members) == 1:
        return _("{name}（{category}）· {where}").format(name=_text(members[0].name_zh), category=words.category(category), where=where)
    return _("{category} {count} 项 · {where}").format(category=words.category(category), count=len(members), where=where)


def _marker_body(members: list, words: Words = Words()) -> str:
    _ = words._
    lines = []
    for number, project in enumerate(members[:MAX_LINES], start=1):
        subcategory = words.data(project.subcategory, "project_subcategory")
        status = _("，{status}").format(status=words.data(project.status, "project_status")) if project.status else ""
        source = words.place(project.chapter, project.section, project.box)
        if words.quotes_apart:
            lines.append(f"{number}. {subcategory}{status} — {source}")
        else:
            lines.append(f"{_text(project.name_zh)}（{subcategory}{status}）— {source}")
    if len(members) > MAX_LINES:
        lines.append(_("…另有 {count} 项，见下方表格").format(count=len(members) - MAX_LINES))
    site = site_source(members[0].site_source, words)
    sited = PRECISION_WORDS["site"]
    lines.append(_("{where}；坐标来源：{source}").format(where=_(sited), source=site))
    return "\n".join(lines)


def _marker_quote(members: list) -> str:
    """The projects' names as the plan prints them, numbered as ``_marker_body`` lists them."""
    return "\n".join(f"{number}. {_text(p.name_zh)}" for number, p in enumerate(members[:MAX_LINES], start=1))


def site_source(text, words: Words = Words()) -> str:
    """Where a site's coordinates come from: airportsdata 20260905（MIT），IATA CKG, the punctuation in the reader's language."""
    text = _text(text)
    return text.replace("（", " (").replace("）", ")").replace("，", ", ") if words.english else words.text(text)
