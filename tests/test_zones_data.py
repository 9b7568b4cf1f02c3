"""Zones, districts and projects: the tables agree with the 2013 designation and with the plan's text."""

import re
import shutil

import pandas as pd
import pytest

from helpers import data_ids, row_of
from lib.plan import plan_text, zones
from lib.plan.validation import DataFileError

# GB/T 2260 codes of Chongqing's 38 county-level units (26 区, 8 县, 4 自治县), as of 2016 and now.
ADCODES = (
    [f"5001{n:02d}" for n in range(1, 21)]
    + [f"5001{n}" for n in range(51, 57)]
    + ["500229", "500230", "500231", "500233", "500235", "500236", "500237", "500238"]
    + ["500240", "500241", "500242", "500243"]
)
SPLIT = {"500104", "500105", "500106", "500107", "500108"}  # 大渡口 江北 沙坪坝 九龙坡 南岸
# The 2013 designation: zone → districts wholly or partly in it.
DESIGNATION = {
    "core": {"500103"} | SPLIT,
    "expansion": SPLIT | {"500109", "500112", "500113"},  # + 北碚 渝北 巴南
    # 涪陵 长寿 江津 合川 永川 南川 綦江(+万盛) 大足 璧山 铜梁 潼南 荣昌
    "new_area": {"500102", "500115", "500116", "500117", "500118", "500119", "500110", "500111", "500120", "500151", "500152", "500153"},
    # 万州 开县 梁平 城口 丰都 垫江 忠县 云阳 奉节 巫山 巫溪
    "northeast": {"500101", "500154", "500155", "500229", "500230", "500231", "500233", "500235", "500236", "500237", "500238"},
    # 黔江 武隆 石柱 秀山 酉阳 彭水
    "southeast": {"500114", "500156", "500240", "500241", "500242", "500243"},
}


@pytest.fixture(scope="module")
def projects():
    return zones.load_projects()


def test_five_zones_in_the_plans_order_and_groups():
    table = zones.load_zones()
    assert list(table.zone_id) == list(zones.ZONE_IDS)
    assert list(table.group_zh) == ["大都市区"] * 3 + ["大生态区"] * 2


def test_group_quotes_are_note_2_of_box_2_and_count_the_zones():
    # 专栏2 备注2: "大都市区包括***、***、***，大生态区包括***、***" – three and two redacted names.
    notes = plan_text.box("专栏2").notes
    table = zones.load_zones()
    for group, members in table.groupby("group_zh"):
        quote = members.group_quote.iloc[0]
        assert quote in notes
        assert quote.startswith(f"{group}包括")
        assert quote.count("***") == len(members)


@pytest.mark.parametrize("zone_id", data_ids("zones.csv", "zone_id"))
def test_role_is_the_first_sentence_of_the_zones_paragraph(zone_id):
    zone = row_of(zones.load_zones(), "zone_id", zone_id)
    line = plan_text.where(zone.role_line)
    assert (line.chapter, line.section) == (zone.role_chapter, zone.role_section) == ("第十章", "第一节")
    # The paragraph opens with the redacted zone name, then the quoted sentence.
    assert line.text.strip("　").startswith("***" + zone.role_quote)
    assert zone.role_quote.endswith("。") and zone.role_quote.count("。") == 1


def test_the_five_role_paragraphs_are_consecutive():
    lines = list(zones.load_zones().role_line)
    assert lines == list(range(lines[0], lines[0] + 5))


def test_all_38_districts_with_names_and_kinds():
    table = zones.load_districts()
    assert list(table.adcode) == ADCODES
    assert table.kind_2016.value_counts().to_dict() == {"区": 23, "县": 11, "自治县": 4}
    assert table.kind_current.value_counts().to_dict() == {"区": 26, "县": 8, "自治县": 4}
    renamed = table[table.name_2016 != table.name_current]
    # 开县, 梁平县 and 武隆县 became 开州区, 梁平区 and 武隆区 in 2016, after the plan.
    assert dict(zip(renamed.name_2016, renamed.name_current)) == {"开县": "开州区", "梁平县": "梁平区", "武隆县": "武隆区"}


def test_codes_as_of_february_2016_beside_the_current_ones():
    table = zones.load_districts()
    changed = table[table.adcode_2016 != table.adcode]
    # GB/T 2260 (民政部行政区划代码): as counties in Feb 2016 开县 500234, 梁平县 500228, 武隆县 500232;
    # the 5001xx codes came with 撤县设区 later in 2016.
    assert dict(zip(changed.name_2016, zip(changed.adcode_2016, changed.adcode))) == {
        "开县": ("500234", "500154"),
        "梁平县": ("500228", "500155"),
        "武隆县": ("500232", "500156"),
    }
    # Only the three renamed ones changed code; a 2016 county code is 5002xx, a district's 5001xx.
    assert set(changed.adcode) == set(table.adcode[table.name_2016 != table.name_current])
    for row in table.itertuples():
        assert row.adcode_2016.startswith("5002" if row.kind_2016 != "区" else "5001"), row


@pytest.mark.parametrize("adcode", data_ids("districts.csv", "adcode"))
def test_each_district_is_printed_in_the_plan_as_recorded(adcode):
    district = row_of(zones.load_districts(), "adcode", adcode)
    assert district.printed_as in plan_text.plan_text()
    assert district.short_name in district.printed_as or district.printed_as in district.name_2016


def test_zone_membership_matches_the_2013_designation():
    links = zones.load_district_zones()
    found = {zone: set(rows.adcode) for zone, rows in links.groupby("zone_id")}
    assert found == DESIGNATION
    assert {z: len(a) for z, a in found.items()} == {"core": 6, "expansion": 8, "new_area": 12, "northeast": 11, "southeast": 6}


def test_every_district_has_exactly_one_primary_zone():
    links = zones.load_district_zones()
    districts = zones.load_districts()
    primaries = links[links.is_primary]
    assert sorted(primaries.adcode) == sorted(districts.adcode)
    assert primaries.zone_id.value_counts().to_dict() == {"new_area": 12, "northeast": 11, "expansion": 8, "southeast": 6, "core": 1}
    assert set(districts.adcode[districts.split_zones]) == SPLIT


def test_split_districts_are_divided_by_the_inner_ring():
    links = zones.load_district_zones()
    split = links[links.adcode.isin(SPLIT)]
    assert set(zip(split.zone_id, split.extent)) == {("core", "内环以内"), ("expansion", "内环以外")}
    assert set(links.extent[~links.adcode.isin(SPLIT)]) == {"全域"}


def test_wansheng_is_recorded_inside_qijiang():
    qijiang = zones.load_districts().set_index("adcode").loc["500110"]
    assert "万盛经开区" in qijiang.note


def _source_text(project) -> str:
    if project.box:
        return plan_text.box(project.box).text
    return plan_text.where(project.line).text


@pytest.mark.parametrize("project_id", data_ids("projects.csv", "project_id"))
def test_each_quote_is_verbatim_in_its_box_and_line(project_id):
    project = row_of(zones.load_projects(), "project_id", project_id)
    line = plan_text.where(project.line)
    assert project.quote in _source_text(project)
    assert project.quote in line.text
    assert (line.box, line.chapter, line.section) == (project.box, project.chapter, project.section)
    if project.status:
        assert project.status in line.text


@pytest.mark.parametrize("project_id", data_ids("projects.csv", "project_id", district_basis="named"))
def test_a_named_district_is_named_in_the_quote(project_id):
    project = row_of(zones.load_projects(), "project_id", project_id)
    short = dict(zip(zones.load_districts().adcode, zones.load_districts().short_name))
    short_forms = {code: {name} for code, name in short.items()}
    short_forms["500110"].add("万盛")  # 万盛经开区 lies within 綦江区
    for adcode in zones.split_adcodes(project.district_adcodes):
        assert any(name in project.quote for name in short_forms[adcode]), (adcode, project.quote)


def test_project_rows_cover_the_boxes_the_issue_lists(projects):
    boxes = set(projects.box)
    assert {"专栏7", "专栏8", "专栏10", "专栏12", "专栏14", "专栏15", ""} <= boxes
    counts = projects.groupby("subcategory").size()
    # 专栏7: "…等8个国家级物流园"，"…等10个市级物流园"; 专栏8: "…等7个5A级景区提档升级工程".
    assert counts["国家级物流园"] == 8
    assert counts["市级物流园"] == 10
    assert counts["5A级景区提档升级"] == 7
    # 专栏15 names 13 of its 45 medium reservoirs and 5 large ones; 11 new and 12 rebuilt water plants.
    assert counts["中型水库"] == 13
    assert counts["大型水库"] == 5
    water = projects[projects.category == "水厂"].status.value_counts().to_dict()
    assert water == {"新建": 11, "改扩建": 12}


def test_precision_rules(projects):
    placed = projects[projects.precision != "none"]
    assert placed.lon.notna().all() and placed.lat.notna().all()
    unplaced = projects[projects.precision == "none"]
    assert unplaced.lon.isna().all() and (unplaced.district_adcodes == "").all()
    assert (unplaced.note != "").all()
    # Site coordinates only from a named source with a licence: the five airports of 专栏12 and 第二十一章 (airportsdata, MIT).
    sites = projects[projects.precision == "site"]
    assert set(sites.name_zh) == {
        "江北机场第三跑道及东航站区工程",
        "江北机场航空口岸",
        "江北机场T3B航站楼、第四跑道前期工作",
        "巫山机场",
        "武隆机场",
        "万州机场扩建工程",
        "万州机场航空口岸",
        "黔江机场扩建工程",
        "黔江机场航空口岸",
    }
    assert sites.site_source.str.fullmatch(r"airportsdata 20260905（MIT），IATA [A-Z]{3}").all()
    assert (projects.site_source[projects.precision != "site"] == "").all()


def test_every_row_has_a_source_and_a_precision_flag(projects):
    # Where in the plan (box or chapter, line, verbatim quote), and how its place is known.
    assert (projects.quote != "").all() and projects.line.notna().all() and (projects.chapter != "").all()
    assert projects.precision.isin(["site", "district", "none"]).all()
    placed = projects.precision != "none"
    assert projects.district_basis[placed].isin(["named", "located"]).all()
    assert (projects.site_source[projects.precision == "site"] != "").all()


def test_no_two_sites_share_a_position_unless_the_sites_coincide(projects):
    sites = projects[projects.precision == "site"]
    by_position = sites.groupby([sites.lon.round(4), sites.lat.round(4)]).site_source.agg(set)
    # One source id per position: works at one airport share its point, two airports never do.
    assert (by_position.map(len) == 1).all()
    assert len(by_position) == sites.site_source.nunique() == 5  # CKG, WXN, JIQ, WSK, CQW


def test_airport_sites_are_the_ones_the_package_gives():
    # The figures in projects.csv, rounded to 4 decimals, against airportsdata 20260905 (read when they were written):
    # CKG 29.7192, 106.642; WSK 31.064, 109.706.
    projects = zones.load_projects().set_index("project_id")
    assert (projects.at["zl12-006", "lat"], projects.at["zl12-006", "lon"]) == (29.7192, 106.642)
    assert (projects.at["zl12-007", "lat"], projects.at["zl12-007", "lon"]) == (31.064, 109.706)


def test_places_and_tables_for_the_page():
    assert zones.place_ids()[0] == zones.ALL
    assert len(zones.place_ids()) == 1 + 5 + 38
    assert sorted(zones.place_districts("core")) == sorted(DESIGNATION["core"])
    assert zones.place_districts("500103") == ["500103"]
    assert zones.place_districts("nowhere") == []
    shown = zones.project_table(zones.projects_in(["500103"]))
    assert list(shown.columns) == ["project_id", *zones.PROJECT_COLUMNS.values()]
    assert shown["区县"].str.contains("渝中区").all()


def test_a_zone_holds_a_project_only_if_all_its_districts_lie_wholly_in_it():
    projects = zones.load_projects().set_index("project_id")
    found = zones.project_zones(projects)
    # 西部现代物流园 (沙坪坝, split by the Inner Ring): undetermined; 南彭 (巴南, expansion 全域); the airport (渝北, expansion 全域).
    assert found["zl07-001"] == zones.UNDETERMINED
    assert found["zl07-002"] == "expansion" and found["zl12-006"] == "expansion"
    # Unless 第十章第二节 puts it in a zone (below), no project of a split district is ever put in a zone.
    split = set(zones.load_districts().adcode[zones.load_districts().split_zones])
    touches = projects.district_adcodes.map(lambda v: bool(split & set(zones.split_adcodes(v))))
    unstated = projects.zone_id == ""
    assert (found[touches & unstated] == zones.UNDETERMINED).all()


# issue 23 §3: 第十章第二节 gives each zone a paragraph (lines 497, 498, 502–504, in the zone order of
# 第十章第一节); an item its core or expansion paragraph names is listed in that zone, with the clause.
CORE_CLAUSE = "推进观音桥、南坪、三峡广场、杨家坪、大坪、九宫庙等商业商务集聚区提档升级"
HIGH_TECH_CLAUSE = "依托重庆高新区、西永综合保税区和大学城，打造高技术产业基地"
ZONE_STATED = [
    # (project, zone, basis, line, the word of the clause that names it or its place, the clause)
    ("zl11-001", "core", "named", 497, "中央商务区", "加快建设中央商务区"),
    ("zl11-002", "core", "named", 497, "大坪", CORE_CLAUSE),
    ("zl11-004", "core", "named", 497, "观音桥", CORE_CLAUSE),
    ("zl11-005", "core", "named", 497, "三峡广场", CORE_CLAUSE),
    ("zl11-007", "core", "named", 497, "南坪", CORE_CLAUSE),
    ("zl11-009", "core", "named", 497, "杨家坪", CORE_CLAUSE),
    ("zl11-013", "core", "named", 497, "九宫庙", CORE_CLAUSE),
    ("text-016", "expansion", "named", 498, "西永综合保税区", HIGH_TECH_CLAUSE),
    ("text-043", "expansion", "named", 498, "重庆高新区", HIGH_TECH_CLAUSE),
    ("text-045", "expansion", "named", 498, "高技术产业基地", HIGH_TECH_CLAUSE),
    ("text-044", "expansion", "named", 498, "重庆经开区", "依托重庆经开区、公路物流基地等，建设宜居宜业新城区"),
    ("zl11-006", "expansion", "located", 498, "西永", HIGH_TECH_CLAUSE),
    ("zl15-040", "expansion", "located", 498, "大学城", HIGH_TECH_CLAUSE),
    ("zl20-001", "expansion", "located", 498, "大学城", HIGH_TECH_CLAUSE),
]


@pytest.mark.parametrize("project, zone, basis, line, word, clause", ZONE_STATED, ids=[z[0] for z in ZONE_STATED])
def test_the_zone_paragraphs_of_chapter_10_section_2_place_their_items(project, zone, basis, line, word, clause):
    row = zones.load_projects().set_index("project_id").loc[project]
    assert (row.zone_id, row.zone_basis, int(row.zone_line), row.zone_quote) == (zone, basis, line, clause)
    where = plan_text.where(line)
    assert (where.chapter, where.section) == ("第十章", "第二节") and clause in where.text and word in clause
    if basis == "named":
        assert word in row.name_zh or word in row.quote
    else:
        assert word in row.name_zh  # 大学城水厂 stands in 大学城; 西永组团 holds 西永综合保税区
    listed = zones.projects_at(zone)
    assert project in set(listed.project_id[zones.project_zones(listed) == zone])


def test_only_those_rows_carry_a_zone_of_their_own():
    projects = zones.load_projects()
    assert set(projects.project_id[projects.zone_id != ""]) == {z[0] for z in ZONE_STATED}


def test_selecting_the_core_zone_lists_the_cbd_and_the_six_shopping_districts():
    listed = zones.projects_at("core")
    own = set(listed.project_id[zones.project_zones(listed) == "core"])
    assert {"zl11-001", "zl11-002", "zl11-004", "zl11-005", "zl11-007", "zl11-009", "zl11-013"} <= own
    # 渝中's own (全域 core) stay; the items of split districts the paragraph does not name stay undetermined.
    assert "zl11-003" in own and "zl07-001" not in own


# The outer three paragraphs name their districts; “万开云” is 万州、开县、云阳 (our reading of the abbreviation),
# and 万盛经开区 lies in 綦江区 (districts.csv).
ABBREVIATIONS = {"万开云": ("万州区", "开县", "云阳")}


@pytest.mark.parametrize("line, zone", [(502, "new_area"), (503, "northeast"), (504, "southeast")])
def test_the_outer_zone_paragraphs_name_exactly_the_districts_of_their_zone(line, zone):
    text = plan_text.where(line).text
    districts = zones.load_districts()
    named = {row.adcode for row in districts.itertuples() if row.printed_as in text}
    for short, printed in ABBREVIATIONS.items():
        if short in text:
            named |= set(districts.adcode[districts.printed_as.isin(printed)])
    assert plan_text.where(line).section == "第二节"
    assert named == DESIGNATION[zone]


@pytest.mark.parametrize(
    "name, old, new, problem",
    [
        ("zones.csv", "core,1,", "centre,1,", "'zone_id' has 'centre'"),
        ("districts.csv", "500103,渝中区", "5001O3,渝中区", "line 4"),
        ("district_zones.csv", "500103,core,全域,true", "500103,core,全域,false", "exactly one primary zone"),
        ("district_zones.csv", "500104,core,内环以内,false", "500104,core,全域,false", "no zone can cover it 全域"),
        ("projects.csv", ",500106,located,专栏7,", ",500199,located,专栏7,", "not a known district"),
        ("projects.csv", "zl07-001,", "zl07-002,", "repeats 'zl07-002'"),
        ("projects.csv", ",expansion,located,498,", ",core,located,498,", "not the paragraph of zone 'core'"),
        ("projects.csv", ",expansion,located,498,", ",expansion,,498,", "go together"),
        (
            "linear_works.csv",
            "text-L01,万州城市轨道交通,城市轨道与市郊铁路,规划论证,,",
            "text-L01,万州城市轨道交通,城市轨道与市郊铁路,规划论证,专栏13,",
            "in the prose (box empty)",
        ),
        ("prose_places.csv", ",重复已记录项目,zl11-001,", ",重复已记录项目,zl11-099,", "'zl11-099', which is in neither"),
        ("prose_places.csv", ",描述性提及,,", ",描述性提及,zl11-001,", "only a repeat, names the row(s)"),
        ("prose_places.csv", ",功能区域定位,", ",功能定位,", "'reason' has '功能定位'"),
    ],
)
def test_a_damaged_file_names_itself_and_the_problem(tmp_path, name, old, new, problem):
    for path in zones.PATHS.values():
        shutil.copy(path, tmp_path / path.name)
    target = tmp_path / name
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    zone_table = zones.read_zones(tmp_path / "zones.csv") if name != "zones.csv" else None
    with pytest.raises(DataFileError) as error:
        if name == "zones.csv":
            zones.read_zones(target)
        elif name == "districts.csv":
            zones.read_districts(target, zone_table)
        elif name == "district_zones.csv":
            zones.read_district_zones(target, zones.read_districts(tmp_path / "districts.csv", zone_table), zone_table)
        elif name == "linear_works.csv":
            zones.tables.read_linear_works(target, zones.read_districts(tmp_path / "districts.csv", zone_table))
        elif name == "prose_places.csv":
            district_table = zones.read_districts(tmp_path / "districts.csv", zone_table)
            zones.read_prose_places(
                target,
                zones.read_projects(tmp_path / "projects.csv", district_table),
                zones.tables.read_linear_works(tmp_path / "linear_works.csv", district_table),
            )
        else:
            zones.read_projects(target, zones.read_districts(tmp_path / "districts.csv", zone_table))
    assert name in str(error.value)
    assert problem in str(error.value)


def test_loaders_hand_out_copies():
    table = zones.load_projects()
    table.loc[0, "name_zh"] = "改过"
    assert zones.load_projects().loc[0, "name_zh"] != "改过"
    assert isinstance(table, pd.DataFrame)


def test_every_project_links_to_its_passage_in_the_plan_reader():
    from urllib.parse import parse_qs, urlparse

    from lib.plan import plan_text

    table = zones.project_table(zones.load_projects())
    projects = zones.load_projects()
    for link, project in zip(table["原文链接"], projects.itertuples()):
        query = parse_qs(urlparse(link).query)
        assert urlparse(link).path == "plan_reader"
        assert query["chapter"] == [project.chapter]
        assert query.get("section", [""]) == [project.section]
        # the linked passage holds the project's line
        assert plan_text.where(project.line).chapter == project.chapter


@pytest.mark.parametrize("work_id", data_ids("linear_works.csv", "work_id"))
def test_each_linear_work_is_quoted_from_its_box_with_the_districts_its_name_names(work_id):
    work = row_of(zones.load_linear_works(), "work_id", work_id)
    line = plan_text.where(work.line)
    assert work.quote in _source_text(work) and work.quote in line.text
    assert (line.box, line.chapter, line.section) == (work.box, work.chapter, work.section)
    if work.status:
        assert work.status in line.text
    # The ends come from the name only: each named place is in the name (brackets dropped: 长（寿） → 长寿), one district each.
    spelled = re.sub(r"(.)（(.)）", r"\1\2", work.name_zh)
    places = [p for p in work.named_places.split("、") if p]
    assert all(p in spelled for p in places)
    assert len(places) == len(zones.split_adcodes(work.district_adcodes))


def test_linear_works_counts():
    works = zones.load_linear_works()
    # 专栏12 railways 20 + expressways 32; 专栏13 rail 16, bridges 15, tunnels 12, roads 2; 专栏14 30; 专栏15 4 (linear_works.csv).
    # The prose ("" box) adds 8 (text-L01–L08): 万州城市轨道交通, 2 substations of 536, 毕节 line, 2 pipelines, 2 消落区 works.
    assert works.box.value_counts().to_dict() == {"专栏12": 52, "专栏13": 45, "专栏14": 30, "专栏15": 4, "": 8}
    assert int(works.schematic.sum()) == 24
    # data/README.md lists the reasons a work is not drawn.
    assert works.reason[~works.schematic].value_counts().to_dict() == {
        "名称未写明区县（以简称、线路编号或城区地名称呼）": 75,
        "只写明一个区县：计入该区县，不画线": 19,
        "另一端在市外，市内只写明一个区县": 12,
        "两端均未写明市内区县": 8,
        "多条河流，无单一地点": 1,
    }
    # 城口 is named by 开县至城口至岚皋高速 and 城口页岩气田 (专栏12, 专栏14).
    chengkou = works[works.district_adcodes.str.contains("500229")]
    assert set(chengkou.name_zh) == {"开县至城口至岚皋高速（重庆段）", "城口页岩气田开发项目"}


# Box text that names a district but is no item: a heading.
NOT_ITEMS = {"专栏13": ["主城桥隧"]}


@pytest.mark.parametrize("box", [f"专栏{n}" for n in range(3, 21)])
def test_every_district_a_box_names_is_inside_a_recorded_item(box):
    """Nothing silently missing: each mention of a district (or 万盛, 主城) in the box lies in some row's quote."""
    text = plan_text.box(box).text
    projects, works = zones.load_projects(), zones.load_linear_works()
    covered = [False] * len(text)
    for quote in [*projects.quote[projects.box == box], *works.quote[works.box == box], *NOT_ITEMS.get(box, [])]:
        for match in re.finditer(re.escape(quote), text):
            covered[match.start() : match.end()] = [True] * (match.end() - match.start())
    names = [*zones.load_districts().short_name, "万盛", "主城"]
    missing = [
        text[max(0, m.start() - 6) : m.end() + 6]
        for name in names
        for m in re.finditer(re.escape(name), text)
        if not all(covered[m.start() : m.end()])
    ]
    assert missing == []


def test_unplaced_reasons_are_counted():
    projects = zones.load_projects()
    # data/README.md lists these counts.
    assert len(projects) == 308  # 258 of 专栏3–20 + 50 of the prose (text-001–050)
    assert projects.precision.value_counts().to_dict() == {"district": 269, "none": 30, "site": 9}
    assert projects.unplaced_reason[projects.precision == "none"].value_counts().to_dict() == {
        "区县未能确认": 16,
        "片区（跨多个区县）": 5,
        "市外": 3,
        "两江新区（非县级）": 3,
        "无单一地点": 2,
        "未写明地点": 1,
    }


# --- The prose (issue 14): every place it names is an item of the map or a prose_places.csv row with its reason. ---

HEADING = re.compile(r"^\u3000*第[一二三四五六七八九十]+[章节]\u3000")  # chapter and section titles (and the table of contents)

# Places smaller than a district that the rows' quotes and notes use (the gazetteer the map already relies on),
# as a pattern where the bare name is also an ordinary word: 龙头企业, 水土流失, 一方水土.
SMALL_PLACES = [
    "团结村",
    "白市驿",
    "果园",
    "寸滩",
    "南彭",
    "空港",
    "双福",
    "珞璜",
    "西永",
    "悦来",
    "礼嘉",
    "照母山",
    "金山",
    "鱼复",
    "龙兴",
    "蔡家",
    "两路",
    "江北嘴",
    "大学城",
    "洛碛",
    "新田",
    "渭沱",
    "港桥",
    "白涛",
    "歌乐山",
    "仙女山",
    "东温泉",
    "南温泉",
    "解放碑",
    "重庆北站",
    "重庆西站",
    "菜园坝",
    "重庆东站",
    "朝天门",
    "利泽",
    "草街",
    "白马",
    "双江",
    "安稳",
    "南桐",
    "浩口",
    "罗洲坝",
    "井口",
    "大溪沟",
    "打枪坝",
    "老鼓楼",
    "大田湾",
    "奥体中心",
    "石桥铺",
    "鱼嘴",
    "江北机场",
    "观音桥",
    "南坪",
    "三峡广场",
    "杨家坪",
    "大坪",
    "九宫庙",
    "金佛山",
    "观景口",
    "蟠龙",
    "朱沱",
    "水天坪",
    "跳磴",
    "茶园",
    "中央商务区",
    "重庆高新区",
    "重庆经开区",
    "临空经济",
    "张家坝",
    "万县",
]
WORD_TOO = {"龙头": r"龙头(?!企业|项目)", "水土": r"水土(?!流失|养)"}
# Areas of several districts the prose names (as 专栏12 and 专栏7 do: 三峡库区磨刀溪…, 秀山（武陵山）综合物流园).
REGIONS = ["三峡库区", "武陵山"]


def _prose_lines():
    return [ln for ln in plan_text.plan_lines() if not ln.box and ln.text.strip("\u3000") and not HEADING.match(ln.text)]


def test_the_small_place_names_are_the_rows_own():
    """The list above is not ours: each name stands in some recorded row's quote or note."""
    projects, works = zones.load_projects(), zones.load_linear_works()
    used = "\n".join([*projects.quote, *projects.note, *projects.name_zh, *works.quote, *works.name_zh])
    assert [name for name in [*SMALL_PLACES, *WORD_TOO, *REGIONS] if name not in used] == []


def test_every_place_the_prose_names_is_an_item_or_has_its_reason():
    """Nothing silently missing from the body text: each mention of a district (or 万盛, 主城, 两江新区, 三峡库区, 武陵山)
    and of the smaller places above, on every prose line, lies inside a recorded item's quote on that line or a prose_places clause."""
    projects, works, mentions = zones.load_projects(), zones.load_linear_works(), zones.load_prose_places()
    spans: dict[int, list[str]] = {}
    for frame, column in ((projects[projects.box == ""], "quote"), (works[works.box == ""], "quote"), (mentions, "clause")):
        for line, text in zip(frame.line, frame[column]):
            spans.setdefault(int(line), []).append(text)
    patterns = [re.escape(n) for n in [*zones.load_districts().short_name, "万盛", "主城", "两江新区", *REGIONS, *SMALL_PLACES]]
    patterns += list(WORD_TOO.values())
    missing = []
    for line in _prose_lines():
        covered = [False] * len(line.text)
        for text in spans.get(line.number, []):
            for match in re.finditer(re.escape(text), line.text):
                covered[match.start() : match.end()] = [True] * (match.end() - match.start())
        for pattern in patterns:
            for m in re.finditer(pattern, line.text):
                if not all(covered[m.start() : m.end()]):
                    missing.append(f"{line.number}: {line.text[max(0, m.start() - 8) : m.end() + 8]}")
    assert missing == []


def test_the_prose_names_districts_on_these_lines():
    # Guards the test above against a parser that finds no prose: the lines read by hand in December 2026 that name
    # a district (or 万盛, 主城, 两江新区) outside a heading: 27 lines (data/README.md). 422, 497 and 563 name only
    # smaller places (悦来, 观音桥 …), which the test above checks all the same.
    names = [*zones.load_districts().short_name, "万盛", "主城", "两江新区"]
    found = [ln.number for ln in _prose_lines() if any(n in ln.text for n in names)]
    assert found == [
        280,
        366,
        424,
        444,
        450,
        498,
        502,
        503,
        504,
        514,
        515,
        524,
        525,
        535,
        536,
        545,
        588,
        637,
        645,
        675,
        682,
        684,
        685,
        687,
        690,
        694,
        696,
    ]


@pytest.mark.parametrize("mention_id", data_ids("prose_places.csv", "mention_id"))
def test_each_prose_place_is_verbatim_in_its_prose_line(mention_id):
    mention = row_of(zones.load_prose_places(), "mention_id", mention_id)
    line = plan_text.where(mention.line)
    assert mention.clause in line.text
    assert (line.box, line.chapter, line.section) == ("", mention.chapter, mention.section)
    # The places are those the clause prints (a district's short form, or the smaller name).
    assert all(place in mention.clause for place in mention.places.split("、")), mention.places


def test_a_repeat_points_to_rows_that_exist_and_name_the_same_places():
    projects, works = zones.load_projects(), zones.load_linear_works()
    text = {**dict(zip(projects.project_id, projects.name_zh + projects.quote)), **dict(zip(works.work_id, works.name_zh + works.quote))}
    repeats = zones.load_prose_places().query("reason == '重复已记录项目'")
    assert len(repeats) and (repeats.repeats != "").all()
    for mention in repeats.itertuples():
        ids = mention.repeats.split(";")
        assert all(i in text for i in ids), mention.mention_id


def test_prose_places_are_counted():
    mentions = zones.load_prose_places()
    # data/README.md lists these counts ("Left out on purpose").
    assert len(mentions) == 40
    assert mentions.reason.value_counts().to_dict() == {
        "重复已记录项目": 15,
        "功能区域定位": 10,
        "描述性提及": 10,
        "无具体建设内容": 4,
        "历史（“十二五”成就）": 1,
    }
    # The prose items: 50 in projects.csv, 8 in linear_works.csv.
    assert (zones.load_projects().box == "").sum() == 50
    assert (zones.load_linear_works().box == "").sum() == 8


def test_the_table_shows_the_zone_sentence_as_the_source():
    shown = zones.project_table(zones.load_projects().set_index("project_id").loc[["zl11-004", "zl07-001"]].reset_index())
    by_id = shown.set_index("project_id")
    assert by_id.loc["zl11-004", "出处"] == f"专栏11（第十章第二节）；功能区域据第十章第二节：“{CORE_CLAUSE}”"
    assert by_id.loc["zl07-001", "出处"] == "专栏7（第六章第一节）"
