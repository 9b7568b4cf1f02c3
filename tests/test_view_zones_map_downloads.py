"""功能区域地图's 下载: the View's rows are the page's lists, and the files hold them with numbers, a 说明 and absolute links."""

import csv
import io
from urllib.parse import urlsplit

import openpyxl
import pytest

from helpers import data_rows
from lib.present.exports_places import LinkBase
from lib.views import zones_map as page
from lib.views.zones_map import downloads

PUBLIC = LinkBase("https://plan.example.org", static=True)
APP = LinkBase("https://dash.example.org")


def northeast_projects_from_the_csv() -> int:
    """渝东北's projects counted from the data files alone (not through lib): those naming one of its
    districts (district_zones.csv zone_id=northeast) and not put in another zone by 第十章第二节
    (projects.csv zone_id), plus those the plan puts in it without a district."""
    members = {row["adcode"] for row in data_rows("district_zones.csv", zone_id="northeast")}
    count = 0
    for row in data_rows("projects.csv"):
        named = set(filter(None, row["district_adcodes"].split(";")))
        if (named & members and row["zone_id"] in ("", "northeast")) or (row["zone_id"] == "northeast" and not named & members):
            count += 1
    return count


def test_northeast_lists_the_61_projects_the_data_gives():
    assert northeast_projects_from_the_csv() == 61  # the figure, checked against the data rather than trusted
    view = page.build(page.State(place="northeast"))
    assert len(view.downloads.projects.rows) == len(view.projects.rows) == 61


@pytest.mark.parametrize(
    "place, stem",
    [
        ("all", "重庆市全市"),
        ("northeast", "渝东北生态涵养发展区"),  # zones.csv name_zh
        ("core", "都市功能核心区"),
        ("500103", "渝中区"),  # districts.csv
        ("500154", "开县（今开州区）"),  # renamed after the plan (districts.csv name_current)
    ],
)
def test_the_files_are_the_lists_shown_named_after_the_place(place, stem):
    view = page.build(page.State(place=place))
    files = view.downloads
    assert (files.xlsx_name, files.csv_name, files.works_csv_name) == (f"{stem}_项目.xlsx", f"{stem}_项目.csv", f"{stem}_线状工程.csv")
    # Same rows, same order as the tables on the page: the names, then each row's passage in the plan.
    name = files.projects.headers.index("项目")
    assert [row[name] for row in files.projects.rows] == [row[view.projects.headers.index("项目")] for row in view.projects.rows]
    assert files.projects.links == tuple(link.target for link in view.projects.links)
    work = files.works.headers.index("工程")
    assert [row[work] for row in files.works.rows] == [row[view.works_table.headers.index("工程")] for row in view.works_table.rows]
    assert files.works.links == tuple(link.target for link in view.works_table.links)
    assert f"{len(view.projects.rows)} 项" in dict(files.about)["项目"]
    assert f"{len(view.works_table.rows)} 项" in dict(files.about)["线状工程"]


def workbook(place: str, links: LinkBase = PUBLIC):
    return openpyxl.load_workbook(io.BytesIO(downloads.xlsx_bytes(place, links)))


@pytest.mark.parametrize("place", ["all", "northeast", "500101"])
def test_the_workbook_holds_numbers_a_note_and_absolute_links(place):
    files = downloads.of_place(place)
    book = workbook(place)
    assert book.sheetnames == ["项目", "线状工程", "说明"]
    for sheet, rows in ((book["项目"], files.projects.rows), (book["线状工程"], files.works.rows)):
        header = [cell.value for cell in sheet[1]]
        assert header[0] == "序号" and header[-1] == "原文链接" and "规划原文行号" in header
        body = list(sheet.iter_rows(min_row=2, values_only=True))
        assert len(body) == len(rows)
        for index, row in enumerate(body, start=1):
            record = dict(zip(header, row))
            assert record["序号"] == index and isinstance(record["规划原文行号"], int)
            link = urlsplit(record["原文链接"])
            assert link.scheme == "https" and link.netloc == "plan.example.org" and link.path.startswith("/plan/")
            if sheet.title == "项目" and record["经度"] is not None:
                assert isinstance(record["经度"], float) and isinstance(record["纬度"], float)
                assert record["位置"].startswith("项目所在地")  # coordinates only for a site, never a district's point
    about = {row[0]: row[1] for row in book["说明"].iter_rows(min_row=2, values_only=True)}
    assert {"所选", "计入规则", "来源", "数据日期", "原文链接"} <= about.keys()
    assert "2016年2月" in about["数据日期"] and "https://plan.example.org" in about["原文链接"]


def test_the_city_workbook_has_every_project_and_work():
    book = workbook("all")
    assert book["项目"].max_row - 1 == len(data_rows("projects.csv"))
    assert book["线状工程"].max_row - 1 == len(data_rows("linear_works.csv"))


def test_a_district_csv_opens_with_chinese_headers_and_app_links():
    text = downloads.csv_bytes("500101", downloads.PROJECTS_SHEET, APP).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(downloads.of_place("500101").projects.rows)
    assert all(row["原文链接"].startswith("https://dash.example.org/plan_reader?chapter=") for row in rows)
    assert rows[0]["序号"] == "1" and rows[0]["规划原文行号"].isdigit()  # 427, not 427.0
    assert all(row["区县"] for row in rows)


def test_a_local_address_is_said_to_be_one_and_no_base_is_refused():
    assert "本机地址" in LinkBase("http://localhost:8501").about()
    assert "本机地址" not in APP.about()
    for base in ("", "/zones/", "plan.example.org", "javascript:alert(1)"):
        with pytest.raises(ValueError):
            LinkBase(base)
