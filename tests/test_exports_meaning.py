"""The downloads say what the plan prints: classes as classes, 序号 as numbers, redactions in words (issue 23 §6)."""

import pytest

from lib.engine import tables
from lib.plan import data
from lib.present import exports


@pytest.fixture(scope="module")
def table_two():
    return exports.indicator_frame(tables.indicator_table(2), 2).set_index("指标编号")


@pytest.mark.parametrize(
    "indicator_id, column, expected",
    [
        # 专栏2 row 13: 长江干流水质 prints Ⅲ for 2015 and 2020: the class, never the number 3
        ("t2_yangtze_water", "2015年", "Ⅲ类"),
        ("t2_yangtze_water", "2020年", "Ⅲ类"),
        ("t2_yangtze_water", "2020年原文", "Ⅲ"),
        # 专栏2 row 12: a number stays a number
        ("t2_forest_cover", "2020年", 46),
        # 序号 as printed, a number: 专栏2 row 1 and row 13
        ("t2_gdp_growth", "序号", 1),
        ("t2_yangtze_water", "序号", 13),
    ],
)
def test_cells_as_the_plan_means_them(table_two, indicator_id, column, expected):
    value = table_two.loc[indicator_id, column]
    assert value == expected and type(value) is type(expected)


def test_redactions_are_said_in_words():
    # 专栏2 备注2: “大都市区包括***、***、***，大生态区包括***、***”
    about = dict(exports.about_rows(2, "全部", 43, 43))
    note = data.load_notes().query("table_no == 2 and note_no == 2").text.iloc[0]
    assert note.count("***") == 5
    assert about["备注2"] == note.replace("***", "（原文此处隐去）") and "***" not in about["备注2"]
