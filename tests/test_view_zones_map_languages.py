"""功能区域地图 in English and 繁體 (issue 27): glossary names, the plan's words kept as printed, the map's tooltips and keys.

Every word outside the names and quotes of the plan is in the page's language; those stay
in 简体 and the View says which they are (``quoted_projects``, ``panel_quotes``), so each
renderer can mark them. 简体 stays what it was (tests/test_view_zones_map.py).
"""

from __future__ import annotations

import json
import re

import pytest

from lib.plan import glossary, zones
from lib.present import routes
from lib.present.blocks import Link
from lib.views import zones_map as page
from lib.views.query import Notice

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# The whole city, two zones, 万州, a district the Inner Ring divides (江北), one renamed in 2016 (开县 → 开州区), 酉阳.
PLACES = ("all", "core", "northeast", "500101", "500105", "500154", "500242")


@pytest.fixture(scope="module")
def english() -> dict[str, page.View]:
    return {place: page.build(page.State(place=place, works=True, lang="en")) for place in PLACES}


@pytest.mark.parametrize(
    "query, state, notices",
    [
        ({"lang": ["en"]}, page.State(lang="en"), ()),
        ({"lang": ["zh-hant"], "place": ["500101"]}, page.State(place="500101", lang="zh-Hant"), ()),
        ({"lang": ["fr"]}, page.State(), (Notice("lang", "fr"),)),
        ({"lang": ["en", "zh-Hant"]}, page.State(lang="en"), (Notice("lang", "zh-Hant"),)),
    ],
)
def test_parse_reads_the_language(query, state, notices):
    parsed = page.parse(query)
    assert parsed == page.State(**{**state.__dict__, "notices": notices})
    assert page.parse(page.to_query(parsed)) == page.State(**{**state.__dict__, "notices": ()})


@pytest.mark.parametrize(
    "place, lang, heading",
    [
        ("500101", "en", "Wanzhou District"),
        ("500154", "en", "Kai County (code 500234 in 2016; now Kaizhou District, 500154)"),
        ("500242", "en", "Youyang Tujia and Miao Autonomous County"),
        ("northeast", "en", "Northeast Chongqing Ecological Conservation and Development Zone"),
        ("all", "en", "Five functional zones"),
        ("500101", "zh-Hant", "萬州區"),
        ("500154", "zh-CN", "开县（2016年代码500234；今开州区，500154）"),
    ],
)
def test_a_place_is_named_in_the_language(place, lang, heading):
    view = page.build(page.State(place=place, lang=lang))
    assert view.panel_heading == heading
    assert view.title == {"en": "Zones map", "zh-Hant": "功能區域地圖", "zh-CN": "功能区域地图"}[lang]


def test_the_place_list_and_labels_are_in_english(english):
    view = english["all"]
    assert view.place_labels["all"] == "Whole city (five functional zones)"
    assert view.place_labels["500154"] == "District · Kai County (now Kaizhou District)"
    assert view.place_labels["core"] == "Zone · Urban Core Functional Zone"
    groups = {zone.label: [link.label for link in links] for zone, links in view.place_groups}
    assert groups["Southeast Chongqing Ecological Protection and Development Zone"][-1] == "Pengshui Miao and Tujia Autonomous County"
    # data/projects.csv: 11 airport rows on the map, 9 at their airports' sites and 2 general aviation ones in a district
    assert view.category_labels["机场"] == "▲ Airports 11"
    assert view.projects_heading.startswith(f"Projects named in the plan: {len(zones.load_projects())}")


@pytest.mark.parametrize("place", PLACES)
def test_no_han_outside_the_plan_s_own_words(english, place):
    view = english[place]
    words = [view.title, view.intro, view.place_label, view.categories_label, view.map_alt, view.map_hint, view.counts_text]
    words += [view.panel_heading, view.panel_note, view.projects_heading, view.works_heading, view.works_label, view.list_label]
    words += [*view.place_labels.values(), *view.category_labels.values(), view.zone_key.svg, view.marker_key.svg]
    words += [view.zone_key.alt, view.marker_key.alt, view.language_note, view.placeholder, view.read_label, view.link_column]
    words += [str(part) for block in view.panel for part in block.parts]
    words += [shape.tip for shape in view.picture.shapes] + [label.text for label in view.picture.labels] + [view.picture.alt]
    words += [dot.tip for dot in view.picture.dots]
    for table, quoted in ((view.projects, view.quoted_projects), (view.works_table, view.quoted_works)):
        words += list(table.headers) + [link.label for link in table.links]
        words += [cell for row in table.rows for i, cell in enumerate(row) if i not in quoted and isinstance(cell, str)]
    if view.members is not None:
        words += list(view.members.headers) + [c for row in view.members.rows for c in row if isinstance(c, str)]
    assert [w for w in words if HAN.search(w)] == []


def test_the_plan_s_words_stay_as_printed(english):
    view = english["500105"]  # 江北区: a project list, two zones' roles quoted
    names = dict(zip(zones.load_projects().project_id, zones.load_projects().name_zh))
    assert [view.projects.headers[i] for i in view.quoted_projects] == ["Project", "Plan text"]
    assert [row[0] for row in view.projects.rows] == [names[p] for p in view.projects.row_ids]
    roles = set(zones.load_zones().role_quote)
    assert set(view.panel_quotes) <= roles and len(view.panel_quotes) == 2
    assert view.source_lang == "zh-CN" and view.language_note
    city = english["all"]
    assert city.panel_note == "The plan's Box 2, note 2:" and HAN.search(city.panel_note_quote)


@pytest.mark.parametrize(
    "project, cells",
    [
        # data/projects.csv zl07-002: 南彭贸易物流基地, 国家级物流园 in 巴南区 (500113), 专栏7, 第六章第一节
        (
            "zl07-002",
            {
                "Category": "Logistics parks",
                "Subcategory": "National logistics park",
                "Districts": "Banan District",
                "Functional zone": "Urban Function Expansion Zone",
                "Source": "Box 7 (Chapter 6, Section 1)",
            },
        ),
    ],
)
def test_an_english_project_row(english, project, cells):
    view = english["all"]
    row = dict(zip(view.projects.headers, view.projects.rows[view.projects.row_ids.index(project)]))
    assert {key: row[key] for key in cells} == cells


def test_an_unmapped_project_says_why_in_english(english):
    view = english["all"]
    location = view.projects.headers.index("Location")
    reasons = [row[location] for row in view.projects.rows if row[location].startswith("Not mapped: ")]
    assert len(reasons) == int((zones.load_projects().precision == "none").sum())
    assert all(reason != "Not mapped: " for reason in reasons)


def test_every_link_keeps_the_language(english):
    view = english["northeast"]
    links = [*view.zone_links, *view.district_links, *(z for z, _ in view.place_groups)]
    links += [link for _, group in view.place_groups for link in group] + list(view.projects.links) + list(view.members.links)
    assert all(isinstance(link, Link) and link.target.params().get("lang") == ["en"] for link in links)
    assert routes.static_path(page.place_target("500101", "en")) == "/en/zones/500101/"
    assert routes.static_path(page.place_target("500101", "zh-Hant")) == "/zh-hant/zones/500101/"
    assert routes.static_path(page.place_target("500101")) == "/zones/500101/"


def test_the_deck_s_tooltips_are_english_with_the_names_marked_chinese(english):
    deck = json.loads(english["all"].deck.to_json())
    # Streamlit reads the template from the Deck (pydeck keeps it out of the JSON) and escapes each value it fills in
    assert english["all"].deck._tooltip["html"].endswith('<div lang="zh-CN">{tip_quote}</div>')
    tips = [
        feature["properties"]
        for layer in deck["layers"]
        if layer["id"].split("#")[0] in ("districts-0", "works-0")
        for feature in layer["data"]
    ]
    assert len(tips) == 38 + int(zones.load_linear_works().schematic.sum())
    assert [t["tip_title"] + t["tip_body"] for t in tips if HAN.search(t["tip_title"] + t["tip_body"])] == []
    # 渝北区 (500112) holds 江北机场: its projects' names are quoted apart, as printed
    airports = [t["tip_quote"] for t in tips if t.get("adcode") == "500112"]
    assert airports and HAN.search(airports[0])
    labels = [f["properties"]["text"] for layer in deck["layers"] if layer["id"].startswith("labels") for f in layer["data"]]
    assert "Wanzhou" in " ".join(labels) and not any(HAN.search(label) for label in labels)


def test_simplified_chinese_keeps_its_tooltip_template():
    assert page.build(page.State()).deck._tooltip["html"] == "<b>{tip_title}</b><br/>{tip_body}"


def test_zh_hant_converts_our_words_and_quotes_the_plan_s():
    view = page.build(page.State(place="500101", lang="zh-Hant"))
    assert view.place_labels["500101"] == "區縣 · 萬州區"
    names = set(zones.load_projects().name_zh)
    assert all(row[0] in names for row in view.projects.rows)  # 简体, as printed
    assert view.projects.headers[:2] == ("專案", "類別")
    # The map picture's dots name no project: an SVG <title> cannot mark the plan's 简体 words apart.
    tips = [dot.tip for dot in view.picture.dots]
    assert len(tips) == 9 and not [tip for tip in tips if any(name in tip for name in names)]
    assert "機場 · 渝北區" in tips


MAP_TERMS = {
    "project_category": lambda: zones.load_projects().category,
    "project_subcategory": lambda: zones.load_projects().subcategory,
    "project_status": lambda: [*zones.load_projects().status, *zones.load_linear_works().status],
    "work_kind": lambda: zones.load_linear_works().kind,
    "work_reason": lambda: zones.load_linear_works().reason,
    "unplaced_note": lambda: zones.load_projects().note[zones.load_projects().precision == "none"],
    "zone_extent": lambda: zones.load_district_zones().extent,
    "district_note": lambda: zones.load_districts().note,
    "zone_text": lambda: [*zones.load_zones().designation, *zones.load_zones().extent_2013],
}


@pytest.mark.parametrize("kind", MAP_TERMS)
def test_every_map_term_has_a_glossary_row(kind):
    terms = {t for t in MAP_TERMS[kind]() if t}
    missing = sorted(t for t in terms if not glossary.english(t, kind))
    assert terms and missing == []
