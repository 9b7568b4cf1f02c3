"""功能区域地图's downloads in English and 繁體 (issue 27): sheet names, headers, file names and the About sheet
in the page's language; the rows the 简体 files hold, the names and quotes of the plan as printed; links in the language."""

import csv
import io
import re

import openpyxl
import pytest

from helpers import open_page
from lib.present.exports_places import LinkBase
from lib.views import zones_map as page
from lib.views.zones_map import downloads

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
PUBLIC = LinkBase("https://plan.example.org", static=True)
APP = LinkBase("https://dash.example.org")
PROJECT_HEADERS = [
    "No.",
    "Project",
    "Category",
    "Subcategory",
    "Status",
    "Districts",
    "District codes",
    "Functional zone",
    "Source",
    "Plan text",
    "Location",
    "Line in the plan",
    "Longitude",
    "Latitude",
    "Link to the plan",
]


@pytest.mark.parametrize(
    "place, lang, names",
    [
        ("500101", "en", ("Wanzhou District_projects.xlsx", "Wanzhou District_projects.csv", "Wanzhou District_linear works.csv")),
        (
            "all",
            "en",
            ("Chongqing (whole city)_projects.xlsx", "Chongqing (whole city)_projects.csv", "Chongqing (whole city)_linear works.csv"),
        ),
        ("500101", "zh-Hant", ("萬州區_專案.xlsx", "萬州區_專案.csv", "萬州區_線狀工程.csv")),
        ("500101", "zh-CN", ("万州区_项目.xlsx", "万州区_项目.csv", "万州区_线状工程.csv")),
    ],
)
def test_file_names_in_the_language(place, lang, names):
    files = downloads.of_place(place, lang)
    assert (files.xlsx_name, files.csv_name, files.works_csv_name) == names
    assert page.build(page.State(place=place, lang=lang)).downloads == files


def test_the_english_workbook():
    book = openpyxl.load_workbook(io.BytesIO(downloads.xlsx_bytes("500101", PUBLIC, "en")))
    assert book.sheetnames == ["Projects", "Linear works", "About"]
    projects = list(book["Projects"].iter_rows(values_only=True))
    assert list(projects[0]) == PROJECT_HEADERS
    chinese = downloads.of_place("500101")
    assert len(projects) - 1 == len(chinese.projects.rows)
    # The plan's words as printed; the rest English; the link to the English page of the chapter
    for row in projects[1:]:
        cells = dict(zip(PROJECT_HEADERS, row))
        assert HAN.search(cells["Project"]) and HAN.search(cells["Plan text"])
        assert not [v for k, v in cells.items() if k not in ("Project", "Plan text") and isinstance(v, str) and HAN.search(v)]
        assert cells["Link to the plan"].startswith("https://plan.example.org/en/plan/")
    assert [row[0] for row in projects[1:]] == [row[0] for row in chinese.projects.rows]  # the same rows, numbered alike
    works = list(book["Linear works"].iter_rows(values_only=True))
    assert works[0][:3] == ("No.", "Work", "Category")
    about = dict(book["About"].iter_rows(min_row=2, values_only=True))
    assert list(about) == [
        "Title",
        "Selected",
        "Counting rule",
        "Projects",
        "Linear works",
        "Source",
        "Coordinates",
        "Data date",
        "Link to the plan",
    ]
    assert [v for v in about.values() if HAN.search(v)] == []
    assert about["Link to the plan"].startswith("Each row's place in the plan, as an address of the static public edition")
    assert [c.value for c in book["About"][1]] == ["Item", "Content"]


def test_the_english_csv_and_its_links_in_the_app():
    text = downloads.csv_bytes("500101", downloads.WORKS_SHEET, APP, "en").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["No.", "Work", "Category"] and rows[0][-1] == "Link to the plan"
    assert len(rows) - 1 == len(downloads.of_place("500101").works.rows)
    assert all(row[-1].startswith("https://dash.example.org/plan_reader?") and row[-1].endswith("lang=en") for row in rows[1:])


def test_the_zh_hant_workbook_keeps_the_plan_s_names():
    book = openpyxl.load_workbook(io.BytesIO(downloads.xlsx_bytes("500101", PUBLIC, "zh-Hant")))
    assert book.sheetnames == ["專案", "線狀工程", "說明"]  # OpenCC s2twp: Taiwan's word for 项目
    simplified = downloads.of_place("500101")
    names = [row[1] for row in book["專案"].iter_rows(min_row=2, values_only=True)]
    assert names == [row[1] for row in simplified.projects.rows]


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_app_page_in_the_language(lang):
    at = open_page("zones_map", {"lang": lang, "place": "500101"})
    assert not at.exception
    words = {
        "en": ("Zones map", "Wanzhou District", "Download Excel (projects and linear works, with notes)"),
        "zh-Hant": ("功能區域地圖", "萬州區", "下載 Excel（專案與線狀工程，含說明）"),
    }
    title, heading, button = words[lang]
    assert at.title[0].value == title
    assert at.header[0].value == heading
    assert at.selectbox[0].value == "500101"
    assert button in [b.proto.label for b in at.get("download_button")]
    if lang == "en":
        assert [c.value for c in at.caption if HAN.search(c.value)] == []
        # The zones' roles, the plan's words, are drawn as printed and marked so
        marked = [m.value for m in at.markdown if m.value.startswith('<p lang="zh-CN">')]
        assert len(marked) == len(page.build(page.State(place="500101", lang="en")).panel_quotes)
