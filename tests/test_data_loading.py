"""Each table loads with one call, and a damaged copy fails with one clear message."""

import shutil

import pandas as pd
import pytest

from lib.plan import data
from lib.plan.validation import DataFileError


@pytest.mark.parametrize(
    "loader, rows",
    [
        # 专栏1: 34 numbered rows + 7 sub-rows; 专栏2: 28 + 15.
        (data.load_indicators, 41 + 43),
        # Every value cell: (41 − 2 heading rows) × 3 columns + (43 − 5 heading rows) × 2 columns.
        (data.load_observations, 39 * 3 + 38 * 2),
        # 专栏1 has six notes, 专栏2 six.
        (data.load_notes, 12),
        # 专栏3 has three fields.
        (data.load_investment, 3),
    ],
)
def test_each_table_loads_with_one_call(loader, rows):
    frame = loader()
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == rows


def test_loaders_hand_out_copies():
    first = data.load_indicators()
    first.loc[0, "name_zh"] = "changed"
    assert data.load_indicators().loc[0, "name_zh"] != "changed"


def copy_with(tmp_path, name, edit):
    """A copy of data/<name>.csv with one edit made to its text."""
    source = data.PATHS[name]
    target = tmp_path / source.name
    shutil.copy(source, target)
    text = target.read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text, "the edit must change the file"
    target.write_text(edited, encoding="utf-8")
    return target


BROKEN_INDICATORS = [
    # (what is broken, edit, words the message must contain)
    ("missing column", lambda t: t.replace(",direction,", ",", 1), ["indicators.csv", "missing column", "direction"]),
    ("duplicate id", lambda t: t.replace("t1_gdp_per_capita,1,2,", "t1_gdp,1,2,", 1), ["indicators.csv", "line 3", "t1_gdp", "unique"]),
    ("text in a numeric field", lambda t: t.replace("t1_gdp,1,1,1,", "t1_gdp,1,1,first,", 1), ["line 2", "position", "'first'"]),
    ("unknown kind", lambda t: t.replace(",higher,level,", ",higher,levle,", 1), ["line 2", "kind", "levle"]),
    (
        "unknown parent",
        lambda t: t.replace(",t1_urbanization,常住", ",t1_urbanisation,常住", 1),
        ["line 11", "parent_id", "t1_urbanisation"],
    ),
    ("unknown attribute", lambda t: t.replace(",预期性,,higher,level,", ",预计性,,higher,level,", 1), ["line 2", "attribute", "预计性"]),
]


BROKEN_OBSERVATIONS = [
    (
        "unknown indicator",
        lambda t: t.replace("t1_gdp.2010.actual,t1_gdp,", "t1_gdp.2010.actual,t1_gdpx,", 1),
        ["line 2", "indicator_id", "t1_gdpx"],
    ),
    ("text in a numeric field", lambda t: t.replace("value,7926,亿元", "value,about 7926,亿元", 1), ["line 2", "value", "about 7926"]),
    ("value edited away from the print", lambda t: t.replace("value,7926,亿元", "value,7962,亿元", 1), ["line 2", "7962", "7926"]),
    ("qualifier that contradicts the print", lambda t: t.replace("50,%,approx,", "50,%,exact,", 1), ["qualifier", "50左右"]),
    ("duplicate id", lambda t: t.replace("t1_gdp.2015.actual,", "t1_gdp.2010.actual,", 1), ["obs_id", "unique"]),
    ("unknown note", lambda t: t.replace("t1.n1;t1.n6", "t1.n1;t1.n9", 1), ["notes", "t1.n9"]),
    ("unknown role", lambda t: t.replace(",2010,actual,", ",2010,actaul,", 1), ["role", "actaul"]),
    (
        "not a boolean",
        lambda t: t.replace(",exact,false,,current,false,", ",exact,no,,current,false,", 1),
        ["five_year_total", "true or false"],
    ),
]


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(DataFileError, match="notes.csv: the file is missing"):
        data.read_notes(tmp_path / "notes.csv")


def test_file_that_is_not_utf8_fails_clearly(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_bytes(data.PATHS["notes"].read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(DataFileError, match="notes.csv: not valid UTF-8"):
        data.read_notes(path)


def test_empty_file_fails_clearly(tmp_path):
    path = tmp_path / "investment.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(DataFileError, match="investment.csv: not a readable CSV"):
        data.read_investment(path)


def test_investment_amount_edited_away_from_its_raw_text(tmp_path):
    path = copy_with(tmp_path, "investment", lambda t: t.replace(",45000,30000,亿元", ",46000,30000,亿元", 1))
    with pytest.raises(DataFileError, match="line 2"):
        data.read_investment(path)


BROKEN_TEXT_TARGETS = [
    # tt_002 (line 6) reads "2.5万亿元" (第一章第三节)
    (
        "value edited away from the print",
        lambda t: t.replace(",2.5万亿元,2.5,万亿元,", ",2.5万亿元,3.5,万亿元,", 1),
        ["line 6", "value", "2.5万亿元"],
    ),
    (
        "raw not in its sentence",
        lambda t: t.replace(",2.5万亿元,2.5,万亿元,", ",2.6万亿元,2.6,万亿元,", 1),
        ["line 6", "not in its sentence"],
    ),
    # tt_194 (line 3), GDP 翻一番, is the first row linked to t1_gdp
    ("unknown indicator", lambda t: t.replace(",t1_gdp,", ",t1_gdpp,", 1), ["line 3", "indicator_id", "t1_gdpp"]),
    (
        "year outside the plan",
        lambda t: t.replace(",2.5万亿元,2.5,万亿元,at_least,false,2020,", ",2.5万亿元,2.5,万亿元,at_least,false,2030,", 1),
        ["line 6", "year"],
    ),
    # Issue 15: targets without an Arabic numeral
    (
        "a number on a full-coverage target",
        lambda t: t.replace(",完成农村光纤“村村通”,,,", ",完成农村光纤“村村通”,1,,", 1),
        ["line 36", "value is given exactly for the target types that need a number"],
    ),
    ("no number on a numeric target", lambda t: t.replace(",2.5万亿元,2.5,万亿元,", ",2.5万亿元,,万亿元,", 1), ["line 6", "need a number"]),
    ("翻一番 read as three times", lambda t: t.replace(",翻一番,2,倍,", ",翻一番,3,倍,", 1), ["line 3", "value", "翻一番"]),
    ("doubling without its base year", lambda t: t.replace("doubling,stated,2010,", "doubling,stated,,", 1), ["line 3", "base_year"]),
    ("Ⅲ类 read as class 2", lambda t: t.replace(",Ⅲ类,3,类,", ",Ⅲ类,2,类,", 1), ["line 12", "value", "Ⅲ类"]),
    (
        "unknown target type",
        lambda t: t.replace(",full_coverage,plan_period,", ",full-coverage,plan_period,", 1),
        ["target_type", "full-coverage"],
    ),
    (
        "stated year not in the sentence",
        lambda t: t.replace(",翻一番,2,倍,exact,false,2017,", ",翻一番,2,倍,exact,false,2018,", 1),
        ["line 3", "2018年 is not in the sentence"],
    ),
    (
        "plan-period year other than 2020",
        lambda t: t.replace(",Ⅲ类,3,类,exact,false,2020,", ",Ⅲ类,3,类,exact,false,2019,", 1),
        ["line 12", "plan_period"],
    ),
    (
        "yearly floor the sentence does not say",
        lambda t: t.replace(
            ",Ⅲ类,3,类,exact,false,2020,t2_yangtze_water,长江干流水质总体稳定在Ⅲ类，主城区空气质量优良天数比率达到82%，森林覆盖率稳步提高至46%。,class,plan_period,",
            ",Ⅲ类,3,类,exact,false,2020,t2_yangtze_water,长江干流水质总体稳定在Ⅲ类，主城区空气质量优良天数比率达到82%，森林覆盖率稳步提高至46%。,class,each_year,",
            1,
        ),
        ["line 12", "每年"],
    ),
    (
        "restates an unknown target",
        lambda t: t.replace(",number,plan_period,,tt_169,", ",number,plan_period,,tt_999,", 1),
        ["restates", "tt_999"],
    ),
]


BROKEN = (
    [("indicators", data.read_indicators, *case) for case in BROKEN_INDICATORS]
    + [("observations", data.read_observations, *case) for case in BROKEN_OBSERVATIONS]
    + [("text_targets", data.read_text_targets, *case) for case in BROKEN_TEXT_TARGETS]
)


@pytest.mark.parametrize("name, reader, case, edit, words", BROKEN, ids=[f"{b[0]}: {b[2]}" for b in BROKEN])
def test_a_broken_copy_fails_with_file_line_and_problem(tmp_path, name, reader, case, edit, words):
    path = copy_with(tmp_path, name, edit)
    with pytest.raises(DataFileError) as error:
        reader(path)
    message = str(error.value)
    assert message.startswith(f"{name}.csv")
    for word in words:
        assert word in message
