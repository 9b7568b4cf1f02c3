"""lib.views.indicators: the downloads of 指标总览 (CSV and Excel), numbers as numbers with the printed text beside them."""

import io

import openpyxl
import pandas as pd
import pytest

from lib.plan import data
from lib.present import exports
from lib.views import indicators as page
from lib.views.indicators import State

GREEN = ("绿色发展",)


def _workbook(state):
    return openpyxl.load_workbook(io.BytesIO(page.excel_bytes(state)))


def _sheet_rows(sheet):
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row)) for row in rows]


def test_excel_numbers_are_numbers_with_the_printed_text_beside_them():
    rows = {r["指标编号"]: r for r in _sheet_rows(_workbook(State())["专栏2"])}
    forest = rows["t2_forest_cover"]
    # 专栏2 row 12: 45 → 46
    assert (forest["2015年"], forest["2020年"], forest["2020年原文"]) == (45, 46, "46")
    assert all(isinstance(forest[c], (int, float)) for c in ("2015年", "2020年", "以往÷所需", "所需速度", "以往速度"))
    assert forest["以往÷所需"] == 8  # 1.6 / 0.2, shown as 800 % in Excel
    assert forest["所需速度"] == pytest.approx(0.2) and forest["所需速度单位"] == "个百分点/年"
    # 50左右 is read as 50 and keeps its words in 原文; ― is no number
    assert (rows["t2_services_share"]["2020年"], rows["t2_services_share"]["2020年原文"]) == (50, "50左右")
    assert rows["t2_gdp_growth"]["2015年"] is None and rows["t2_gdp_growth"]["2015年原文"] == "―"
    assert (rows["t2_new_construction_land"]["2020年"], rows["t2_new_construction_land"]["2020年原文"]) == (75000, "＜【75000】")


def test_excel_sub_rows_name_their_parent_even_when_it_is_filtered_out():
    rows = _sheet_rows(_workbook(State(q="森林覆盖率"))["专栏2"])
    assert [(r["指标"], r["上级指标"]) for r in rows] == [("森林覆盖率", "森林增长")]


def test_excel_second_sheet_gives_source_filters_units_and_notes():
    book = _workbook(State(pillar=GREEN))
    assert book.sheetnames == ["专栏2", exports.ABOUT_SHEET]
    about = dict(book[exports.ABOUT_SHEET].iter_rows(min_row=2, values_only=True))
    assert about["标题"] == "专栏2 “十三五”经济社会发展主要指标表"
    assert "《重庆市国民经济和社会发展第十三个五年规划纲要》" in about["来源"] and "专栏2" in about["来源"]
    assert "2016年2月" in about["来源"]
    assert about["筛选"] == "五大发展：绿色发展（显示 16 / 43 行）"
    assert "单位" in about["单位"]
    notes = data.load_notes()
    for note in notes[notes.table_no == 2].itertuples():
        # issue 23 §6: the plan's *** redactions are said in words
        assert about[f"备注{note.note_no}"] == note.text.replace("***", "（原文此处隐去）")
    assert about["备注2"].startswith("大都市区包括（原文此处隐去）、（原文此处隐去）")


def test_excel_of_table_one_keeps_the_unit_of_each_published_rate():
    rows = {r["指标编号"]: r for r in _sheet_rows(_workbook(State(table=1))["专栏1"])}
    # 专栏1 row 25: 五年提高8个百分点; row 1: 12.8 (% a year)
    assert (rows["t1_forest_cover"]["“十二五”年均"], rows["t1_forest_cover"]["“十二五”年均单位"]) == (8, "个百分点")
    assert (rows["t1_gdp"]["“十二五”年均"], rows["t1_gdp"]["2010年"]) == (12.8, 7926)
    about = dict(_workbook(State(table=1))[exports.ABOUT_SHEET].iter_rows(min_row=2, values_only=True))
    assert "专栏1" in about["来源"] and about["备注1"] == "经济指标绝对数为当年价"


def test_csv_is_tidy_one_header_and_one_row_per_indicator():
    frame = pd.read_csv(io.BytesIO(page.csv_bytes(State(pillar=GREEN))), encoding="utf-8-sig")
    assert len(frame) == 16  # 绿色发展, as above
    assert frame.columns[0] == "指标编号" and frame["指标编号"].is_unique
    forest = frame.set_index("指标编号").loc["t2_forest_cover"]
    # 绿色发展 holds 长江干流水质, whose cells read Ⅲ类 (issue 23 §6), so the column reads as text: "45", never "45.0"
    assert (forest["2015年"], forest["2015年原文"], forest["上级指标"]) == ("45", "45", "森林增长")
    assert "2015年,2015年原文" in page.csv_bytes(State()).decode("utf-8-sig").splitlines()[0]


def test_downloads_carry_the_outcome_as_a_number_and_its_source_in_the_about_sheet():
    book = _workbook(State())
    rows = {r["指标编号"]: r for r in _sheet_rows(book["专栏2"])}
    services = rows["t2_services_share"]
    # o_services_share: 52.8, read as "7.2:40.0:52.8"
    assert (services["2020年结果"], services["2020年实际"], services["2020年实际原文"]) == ("达到", 52.8, "7.2:40.0:52.8")
    assert isinstance(services["2020年实际"], float)
    assert rows["t2_yangtze_water"]["2020年实际"] is None and rows["t2_yangtze_water"]["2020年实际原文"] == "Ⅱ类"
    assert rows["t2_forest_cover"]["2020年结果"] == "未找到官方数字" and rows["t2_forest_cover"]["2020年实际"] is None
    # A ceiling requires no yearly amount: 所需速度 is empty, never 75000 / 5
    assert rows["t2_new_construction_land"]["所需速度"] is None
    about = dict(book[exports.ABOUT_SHEET].iter_rows(min_row=2, values_only=True))
    assert "±0.5个百分点" in about["2020年结果"]
    sources = [text for key, text in about.items() if key.startswith("来源") and key != "来源"]
    assert len(sources) == 5  # five documents behind the eight rows of data/outcomes.csv
    assert any("《2020年重庆市国民经济和社会发展统计公报》，2021-03-18" in text for text in sources)
    frame = pd.read_csv(io.BytesIO(page.csv_bytes(State())), encoding="utf-8-sig").set_index("指标编号")
    assert frame.loc["t2_rd_share", "2020年实际"] == 2.11 and frame.loc["t2_rd_share", "2020年结果"] == "未达到"
