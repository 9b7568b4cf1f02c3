"""功能区域地图: the five zones and 38 districts, the projects the plan sites, and one place's details.

URL: ``place`` (``all``, a zone id such as ``core``, or a district adcode such
as ``500103``), ``categories`` (repeated, one per marker category shown;
absent means every category, ``none`` means none; always the 简体 name) and
``lang`` (issue 27: every word through the catalogs and the glossary,
``listing``; the names of projects and works and the plan's sentences stay as
printed, and the View says which columns and quotes those are).
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass

from lib.plan import zones
from lib.plan.zones import tables
from lib.present.blocks import Block, Image, Link, Table, Target, target
from lib.present.i18n import DEFAULT, ZH_CN
from lib.present.maps import keys, static_map
from lib.present.maps.camera import MAP_HEIGHT
from lib.present.maps.deck import DISTRICTS_LAYER, build_deck, clicked_layer
from lib.present.maps.serialised_deck import SerialisedDeck
from lib.present.maps.styles import CATEGORY_STYLE
from lib.present.maps.words import Words
from lib.views import query as q
from lib.views.query import Notice, Query
from lib.views.zones_map import listing, place
from lib.views.zones_map.downloads import Downloads, of_place

KEYS = ("place", "categories", "works", q.LANG)
ALL = zones.ALL  # the whole city: the default place
COLUMNS = zones.PROJECT_COLUMNS  # the projects table's headers, by role
LINK_HEADER = COLUMNS["link"]
NO_CATEGORY = "none"  # ?categories=none: every marker toggled off (absent means all)


@dataclass(frozen=True)
class State:
    place: str = zones.ALL
    categories: tuple[str, ...] | None = None  # None: every category (the default)
    works: bool = False  # the linear works' 示意 links, off unless asked for
    lang: str = DEFAULT
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    place_label: str
    place_ids: tuple[str, ...]
    place_labels: dict[str, str]
    place: str
    categories_label: str
    category_ids: tuple[str, ...]  # every category with mapped projects, in the fixed order
    category_labels: dict[str, str]  # "● 物流园区 12"
    categories: tuple[str, ...]  # those shown
    deck: SerialisedDeck
    map_height: int
    map_alt: str
    map_hint: str
    picture: static_map.StaticMap  # the map without script (the static edition's): each district linked to its place
    zone_key: Image
    marker_key: Image
    counts_text: str
    panel_heading: str  # plain text
    panel: tuple[Block, ...]  # a paragraph per zone or part: its name in bold, then what the plan says
    panel_note: str  # plain text, or ""
    members_heading: str  # "" unless a zone is shown
    members: Table | None  # a zone's districts, each linked to its place
    projects_heading: str
    projects: Table  # row_ids: project ids; links: each project's passage in the plan
    link_column: str  # the header a renderer gives the rows' links (原文链接)
    works_label: str
    works: bool
    works_heading: str
    works_table: Table  # links: each work's passage in the plan
    zone_links: tuple[Link, ...]  # every zone's place
    district_links: tuple[Link, ...]  # every district's place
    list_label: str
    place_groups: tuple[tuple[Link, tuple[Link, ...]], ...]  # each zone, then its districts: every place one tap away
    downloads: Downloads  # 下载: the projects and works listed here, as rows for a file
    lang: str = DEFAULT
    # Outside 简体: the plan's own words, shown as printed and marked in this language (issue 27).
    source_lang: str = ""
    panel_quotes: tuple[str, ...] = ()  # one per panel paragraph, drawn under it ("" for none)
    panel_note_quote: str = ""  # after panel_note
    quoted_projects: tuple[int, ...] = ()  # the projects table's columns holding the plan's words (names, 原文)
    quoted_works: tuple[int, ...] = ()
    language_note: str = ""
    placeholder: str = "请选择"
    read_label: str = "阅读原文"  # a row's link to its passage


# What the URL may name, read on every rerun (parse), so kept per process like
# the tables themselves (lib.plan.validation.read_once): ~80 ms a rerun otherwise.
@functools.cache
def _mapped_categories() -> tuple[str, ...]:
    return tuple(zones.mapped_counts())


@functools.cache
def _boundaries() -> dict:
    """The GeoJSON, parsed once per process (60 ms a parse); only read here, never changed."""
    return zones.load_boundaries()


@functools.cache
def _work_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in tables.load_linear_works().district_adcodes:
        for code in tables.split_adcodes(value):
            counts[code] = counts.get(code, 0) + 1
    return counts


@functools.cache
def _place_ids() -> tuple[str, ...]:
    return tuple(zones.place_ids())


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
    q.unknown_keys(query, KEYS, notices)
    place = q.one_of(query, "place", _place_ids(), zones.ALL, notices)
    given = q.values(query, "categories")
    categories: tuple[str, ...] | None = None
    if given == [NO_CATEGORY]:
        categories = ()
    elif given:
        categories = q.many_of(query, "categories", _mapped_categories(), notices)
        if not categories:  # nothing usable asked for: the default view, with the notice
            categories = None
    works = q.flag(query, "works", notices)
    return State(place=place, categories=_normal(categories), works=works, lang=lang, notices=tuple(notices))


def _normal(categories: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """Every category written out is the default, so both spellings are one State."""
    return None if categories is not None and set(categories) == set(_mapped_categories()) else categories


def with_categories(state: State, chosen) -> tuple[str, ...] | None:
    """The categories a pills widget's value stands for, in the fixed order."""
    picked = set(chosen or ())
    return _normal(tuple(c for c in _mapped_categories() if c in picked))


def to_query(state: State) -> dict[str, list[str]]:
    categories = state.categories
    written = None if categories is None else (categories or (NO_CATEGORY,))
    return q.query_of(
        [("place", state.place, zones.ALL), ("categories", written, None), ("works", state.works, False), (q.LANG, state.lang, DEFAULT)]
    )


def clicked_layers(selection: dict) -> tuple[str, ...]:
    """The layers a map selection holds objects of (``districts``, ``works``): the ones whose ids must flip."""
    indices = ((selection or {}).get("selection") or {}).get("indices") or {}
    return tuple(sorted({clicked_layer(str(key)) for key, picked in indices.items() if picked}))


def clicked_place(state: State, selection: dict) -> str | None:
    """The place a click on the map selects, from Streamlit's selection state; None if it selects nothing.

    A district (a click on a marker reaches the district it stands in; a
    linear work's line selects nothing). A click on the place already
    selected goes back to the whole city.
    """
    objects = ((selection or {}).get("selection") or {}).get("objects") or {}
    found: list = []
    for key, picked in objects.items():
        layer = clicked_layer(str(key))
        for item in picked or ():
            if not isinstance(item, dict):
                continue
            if layer == DISTRICTS_LAYER:
                found.append((item.get("properties") or {}).get("adcode"))
    known = set(_place_ids())
    adcode = next((a for a in found if isinstance(a, str) and a in known and a != zones.ALL), None)
    if adcode is None:
        return None
    return zones.ALL if adcode == state.place else adcode


def place_target(place: str, lang: str = DEFAULT) -> Target:
    return target("zones_map", to_query(State(place=place, lang=lang)))


def build(state: State) -> View:
    lang = state.lang
    words = Words(lang)
    _ = words._
    counts = zones.mapped_counts()
    category_ids = tuple(counts)
    shown = category_ids if state.categories is None else state.categories
    projects = tables.load_projects()
    highlight = tuple(zones.place_districts(state.place))
    partly = place.partly(state.place)
    deck = build_deck(
        _boundaries(),
        tables.load_districts(),
        tables.load_zones(),
        tables.load_district_zones(),
        projects,
        shown,
        state.place,
        highlight,
        partly,
        tables.load_linear_works() if state.works else None,
        _work_counts(),
        words,
    )
    heading, panel, (note, note_quote) = place.panel(state.place, lang)
    picture = place.picture(place_target, lang)
    at_place, undetermined = place.listed_projects(state.place)
    listed = listing.project_table(at_place, words)
    all_works = tables.load_linear_works()
    listed_works = zones.works_at(state.place)
    sited_counts = zones.category_counts(projects[projects.precision == "site"])
    sited = int((projects.precision == "site").sum())
    in_districts = int((projects.precision == "district").sum())
    unplaced = len(projects) - sited - in_districts
    labels = listing.place_labels(lang)
    project_rows = place.linked_table(listed, at_place, "project_id", lang)
    work_rows = place.linked_table(listing.work_table(listed_works, words), listed_works, lang=lang)
    # Glyphs only for what is drawn as a point: the categories with sited projects.
    sited_shown = [c for c in shown if c in sited_counts]
    marked = {f"{c}（所在地）": sited_counts[c] for c in sited_shown}
    marker_words = {f"{c}（所在地）": _("{category}（所在地）").format(category=words.category(c)) for c in sited_shown}
    return View(
        title=_("功能区域地图"),
        intro=place.intro(_boundaries()["metadata"], lang),
        place_label=_("查看功能区域或区县"),
        place_ids=tuple(zones.place_ids()),
        place_labels=labels,
        place=state.place,
        categories_label=_("项目类别（点选开关，数字为画点或计入区县的项目数）"),
        category_ids=category_ids,
        category_labels={c: f"{CATEGORY_STYLE[c][0]} {words.category(c)} {n}" for c, n in counts.items()},
        categories=shown,
        deck=deck,
        map_height=MAP_HEIGHT,
        map_alt=_("重庆市38个区县按五大功能区域着色的地图，叠加规划项目点位"),
        map_hint=_("点击区县查看详情，再点一次回到全市；拖动平移，双击或两指放大。"),
        # A zone or a district is drawn zoomed to its districts, as the deck opens (camera.fit_view).
        picture=dataclasses.replace(picture, highlighted=highlight, focus=static_map.focus_on(picture, highlight)),
        zone_key=Image(keys.zone_key_svg(tables.load_zones(), works=state.works, words=words), alt=_("五大功能区域图例")),
        marker_key=Image(keys.marker_key_svg(marked, labels=marker_words), alt=_("项目类别图例（有来源坐标的所在地）")),
        counts_text=_(
            "所选类别 {chosen} 项：{chosen_sited} 项在有来源坐标的所在地画点，其余只点到区县，计入区县名后的项数。"
            "全部 {total} 项中 {sited} 项画点、{in_districts} 项只点到区县、{unplaced} 项未上图（原因见表）。"
        ).format(
            chosen=sum(counts[c] for c in shown),
            chosen_sited=sum(sited_counts.get(c, 0) for c in shown),
            total=len(projects),
            sited=sited,
            in_districts=in_districts,
            unplaced=unplaced,
        ),
        panel_heading=heading,
        panel=tuple(block for block, _quote in panel),
        panel_note=note,
        members_heading=_("所辖区县") if state.place in set(zones.ZONE_IDS) else "",
        members=place.members(state.place, place_target, lang),
        projects_heading=place.projects_heading(len(listed), undetermined, int((at_place.precision == "site").sum()), lang),
        projects=project_rows,
        link_column=_(LINK_HEADER),
        works_label=_("线状工程示意（{count} 条点线，连接名称所写区县，不是走向）").format(count=int(all_works.schematic.sum())),
        works=state.works,
        works_heading=_(
            "线状工程：{count} 项（铁路、高速公路、轨道、桥隧、城市道路、输变电、油气管道与气田、引调水、流域治理）；"
            "名称写明两个及以上区县的画示意点线，其余只列在此表并注明原因"
        ).format(count=len(listed_works)),
        works_table=work_rows,
        zone_links=tuple(Link(labels[z].split(" · ", 1)[-1], place_target(z, lang)) for z in zones.ZONE_IDS),
        district_links=tuple(
            Link(label.split(" · ", 1)[-1], place_target(p, lang)) for p, label in labels.items() if p not in zones.ZONE_IDS and p != ALL
        ),
        list_label=_("按功能区域列出的区县（点选打开）"),
        place_groups=place.groups(place_target, lang),
        downloads=of_place(state.place, lang),
        lang=lang,
        source_lang="" if lang == ZH_CN else ZH_CN,
        panel_quotes=tuple(quote for _block, quote in panel),
        panel_note_quote=note_quote,
        quoted_projects=place.quoted_columns(project_rows, lang),
        quoted_works=place.quoted_columns(work_rows, lang),
        language_note="" if lang == ZH_CN else _("项目与工程名称、原文照规划印发的简体中文引用，其余文字为本站翻译。"),
        placeholder=_("请选择"),
        read_label=_("阅读原文"),
    )
