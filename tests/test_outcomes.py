"""data/outcomes.csv and the met / not-met rule (issue 15 §3)."""

import shutil
from urllib.parse import urlparse

import pandas as pd
import pytest

from helpers import data_ids, row_of
from lib.engine import verdicts
from lib.plan import outcomes
from lib.plan.validation import DataFileError
from lib.present.numbers import plain


def figure(indicator_id, period, value, value_text=None, unit="%", basis_matches_plan=True):
    """One outcome row, as the verdict reads it."""
    return {
        "outcome_id": f"o_{indicator_id}",
        "indicator_id": indicator_id,
        "period": period,
        "value": value,
        "value_text": value_text if value_text is not None else f"{plain(value)}{unit}",
        "unit": unit,
        "basis": "测试口径",
        "basis_matches_plan": basis_matches_plan,
    }


RULES = [
    # (case, indicator, period, value, value_text, unit, expected status); targets from 专栏2 as printed.
    # 专栏2 row 19: ＜【75000】公顷 is a ceiling on the five-year total.
    ("ceiling: under it", "t2_new_construction_land", "2016-2020", 74999, None, "公顷", "met"),
    ("ceiling: touching it is not staying under", "t2_new_construction_land", "2016-2020", 75000, None, "公顷", "not_met"),
    ("ceiling: over it", "t2_new_construction_land", "2016-2020", 80000, None, "公顷", "not_met"),
    # 专栏2 row 23: ＞50 must be passed.
    ("more than: equal is not passing", "t2_port_external_share", "2020", 50, None, "%", "not_met"),
    ("more than: passed", "t2_port_external_share", "2020", 50.1, None, "%", "met"),
    # 专栏2 row 4: 50左右; tolerance 0.5 point, so 49.5 is the floor.
    ("左右 share: at the edge of the tolerance", "t2_services_share", "2020", 49.5, None, "%", "met"),
    ("左右 share: below the tolerance", "t2_services_share", "2020", 49.4, None, "%", "not_met"),
    ("左右 share: overshooting in the good direction", "t2_services_share", "2020", 60, None, "%", "met"),
    # 专栏2 row 1 prints 9; 第一章第三节 says 9%左右, carried over: floor 8.5.
    ("左右 from the body text: within", "t2_gdp_growth", "2016-2020", 8.5, None, "%", "met"),
    ("左右 from the body text: below", "t2_gdp_growth", "2016-2020", 8.4, None, "%", "not_met"),
    # 专栏2 row 25 prints 【300】; 第一章第三节 says 300万人左右: 2% of 300 = 6, floor 294.
    ("左右 total: at 2% under", "t2_new_urban_jobs", "2016-2020", 294, None, "万人", "met"),
    ("左右 total: beyond 2% under", "t2_new_urban_jobs", "2016-2020", 293.9, None, "万人", "not_met"),
    # 专栏2 row 27: 78岁, no qualifier: reach it.
    ("plain level: reached", "t2_life_expectancy", "2020", 78, None, "岁", "met"),
    ("plain level: short", "t2_life_expectancy", "2020", 77.9, None, "岁", "not_met"),
    # 专栏2 row 10: 2.4∶1, lower is better.
    ("ratio, lower is better: under", "t2_urban_rural_income_ratio", "2020", 2.3, "2.3∶1", "", "met"),
    ("ratio, lower is better: over", "t2_urban_rural_income_ratio", "2020", 2.45, "2.45∶1", "", "not_met"),
    # 专栏2 row 16: 【15】% five-year cut.
    ("five-year cut: reached", "t2_energy_intensity_cut", "2016-2020", 15, None, "%", "met"),
    ("five-year cut: short", "t2_energy_intensity_cut", "2016-2020", 14.9, None, "%", "not_met"),
    # 专栏2 row 13: Ⅲ类; a lower class number is cleaner water.
    ("class: cleaner", "t2_yangtze_water", "2020", None, "Ⅱ类", "类", "met"),
    ("class: the same", "t2_yangtze_water", "2020", None, "Ⅲ类", "类", "met"),
    ("class: worse", "t2_yangtze_water", "2020", None, "Ⅳ类", "类", "not_met"),
]


@pytest.mark.parametrize("case, indicator, period, value, value_text, unit, status", RULES, ids=[r[0] for r in RULES])
def test_verdict_follows_the_rule_of_each_qualifier(case, indicator, period, value, value_text, unit, status):
    frame = pd.DataFrame([figure(indicator, period, value, value_text, unit)])
    assert verdicts.verdict(indicator, frame).status == status


def test_a_basis_difference_is_never_met_or_missed():
    # 333天 would pass any reading of 82%; the plan counts 主城区 in %, the figure is 全市 in days.
    frame = pd.DataFrame([figure("t2_good_air_days", "2020", 333, unit="天", basis_matches_plan=False)])
    verdict = verdicts.verdict("t2_good_air_days", frame)
    assert verdict.status == "basis_differs"
    assert "不判断" in verdict.sentence and "333天" in verdict.sentence


def test_no_row_means_no_official_figure():
    verdict = verdicts.verdict("t2_internet_penetration", pd.DataFrame([figure("t2_rd_share", "2020", 2.11)]))
    assert (verdict.status, verdict.label) == ("no_figure", "未找到官方数字")
    assert verdict.sentence == "未找到官方数字（目标80%）。"  # 专栏2 row 7: 80


THE_DATA = [
    # (indicator, status, sentence) from data/outcomes.csv against 专栏2.
    # 7.2% a year (2021 government work report) against 9%左右: below 8.5.
    ("t2_gdp_growth", "not_met", "未达到：“十三五”年均7.2%，目标9%左右（容差±0.5个百分点）。"),
    # 7.2:40.0:52.8 (2020 统计公报) against 50左右.
    ("t2_services_share", "met", "达到：2020年52.8%，目标50%左右（容差±0.5个百分点）。"),
    # 2.11% (2020 科技投入统计公报) against 2.2.
    ("t2_rd_share", "not_met", "未达到：2020年2.11%，目标2.2%。"),
    # Ⅱ类 at all 15 sections against Ⅲ.
    ("t2_yangtze_water", "met", "达到：2020年Ⅱ类，目标Ⅲ类（达到该类或更好）。"),
    ("t2_good_air_days", "basis_differs", None),
    # issue 23 §2: “动态识别的190.6万农村贫困人口全部脱贫” covers the plan's 【70.6】 (among the identified).
    (
        "t2_poverty_exit",
        "met",
        "达到：原句说“动态识别的190.6万农村贫困人口全部脱贫”，规划目标【70.6】万人在其中"
        "（基数不同：动态识别的全部农村贫困人口，不是2016—2020年的脱贫人数；规划的【70.6】万人在其中）。",
    ),
    ("t2_new_urban_jobs", "basis_differs", None),
    ("t2_life_expectancy", "basis_differs", None),
    ("t2_forest_cover", "no_figure", "未找到官方数字（目标46%）。"),
]


@pytest.mark.parametrize("indicator, status, sentence", THE_DATA, ids=[d[0] for d in THE_DATA])
def test_verdicts_on_the_data(indicator, status, sentence):
    verdict = verdicts.verdict(indicator)
    assert verdict.status == status
    if sentence is not None:
        assert verdict.sentence == sentence


def test_a_covering_quote_is_met_and_says_only_what_the_quote_says():
    from lib.engine.trajectory_marks import outcome

    row = outcomes.load_outcomes().set_index("outcome_id").loc["o_poverty_exit"]
    assert row.covers_target and row.claim in row.quote
    assert "累计190.6" not in verdicts.verdict("t2_poverty_exit").sentence
    mark = outcome("t2_poverty_exit")
    assert mark.shown == "动态识别的190.6万农村贫困人口全部脱贫" and mark.status_label == "达到"
    assert not mark.drawn  # 190.6万 is no point beside 【70.6】


@pytest.mark.parametrize(
    "covers_target, claim, error",
    [
        (True, "", "covers_target needs its claim"),
        (True, "全部脱贫了", "covers_target needs its claim"),
        (False, "全部脱贫", "a claim is only for"),
    ],
)
def test_a_claim_must_be_the_quote_s_own(tmp_path, covers_target, claim, error):
    path = tmp_path / "outcomes.csv"
    frame = pd.read_csv(outcomes.PATH, dtype=str, keep_default_na=False)
    frame.loc[frame.outcome_id == "o_poverty_exit", ["covers_target", "claim"]] = [str(covers_target).lower(), claim]
    frame.to_csv(path, index=False)
    with pytest.raises(DataFileError, match=error):
        outcomes.read_outcomes(path)


def test_every_indicator_with_a_target_has_a_verdict():
    every = verdicts.verdicts()
    # 专栏2 has 38 rows with values (43 − 5 headings), each with a target.
    assert len(every) == 38
    assert {v.status for v in every.values()} <= set(outcomes.STATUSES)


# Provenance: what each row claims is in the sentence it quotes.


@pytest.mark.parametrize("outcome_id", data_ids("outcomes.csv", "outcome_id"))
def test_every_row_has_a_url_and_the_value_in_its_quote(outcome_id):
    row = row_of(outcomes.load_outcomes(), "outcome_id", outcome_id)
    assert urlparse(row.url).scheme in ("http", "https") and urlparse(row.url).netloc
    assert row.quote and row.publisher and row.document and row.published
    assert row.value_text in row.quote
    if not pd.isna(row.value):
        assert plain(row.value) in row.quote


@pytest.mark.parametrize("outcome_id", data_ids("outcomes.csv", "outcome_id"))
def test_only_a_government_site_counts_as_the_publisher_and_a_reprint_says_so(outcome_id):
    row = row_of(outcomes.load_outcomes(), "outcome_id", outcome_id)
    host = urlparse(row.url).netloc
    if row.source_kind == "publisher":
        assert host.endswith(".gov.cn") or host.endswith("cqrb.cn")
    else:
        assert not host.endswith(".gov.cn")
    if row.source_kind == "reprint":
        assert row.note, "a reprint says why it was used"


def test_counts():
    frame = outcomes.load_outcomes()
    assert len(frame) == 8  # rows listed in data/README.md
    assert frame.read_or_derived.eq("read").all()
    assert int(frame.basis_matches_plan.sum()) == 4


# A damaged file fails with the file, the line and the problem.


def copy_with(tmp_path, edit):
    target = tmp_path / "outcomes.csv"
    shutil.copy(outcomes.PATH, target)
    text = target.read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text, "the edit must change the file"
    target.write_text(edited, encoding="utf-8")
    return target


def swap(old, new):
    return lambda text: text.replace(old, new, 1)


BROKEN = [
    # Line numbers count the header as line 1: line 2 GDP growth, 3 services share, 4 R&D, 5 air, 6 water, 9 jobs.
    ("quote no longer holds the value", swap("结构比为7.2:40.0:52.8。", "结构比为7.2:40.0:53.8。"), ["line 3", "not in the quote"]),
    ("value away from its text", swap(",52.8,7.2:40.0:52.8,", ",53.8,7.2:40.0:52.8,"), ["line 3", "'53.8'", "value_text"]),
    ("no URL", swap("https://cs.com.cn/xwzx/hg/202101/t20210121_6132428.html", ""), ["line 2", "url"]),
    ("not a URL", swap("https://cs.com.cn/xwzx/hg/202101/t20210121_6132428.html", "cs.com.cn 网页"), ["line 2", "url"]),
    ("no quote", swap("三次产业结构比为7.2:40.0:52.8。", ""), ["line 3", "quote"]),
    ("unknown indicator", swap(",t2_rd_share,", ",t2_rd_shares,"), ["line 4", "indicator_id", "t2_rd_shares"]),
    ("a heading row has no target", swap(",t2_rd_share,", ",t2_innovation_efficiency,"), ["line 4", "t2_innovation_efficiency"]),
    ("unknown source kind", swap(",news,", ",blog,"), ["line 2", "source_kind", "blog"]),
    ("not a date", swap(",2021-01-21,", ",21 January,"), ["line 2", "published"]),
    ("a number in words", swap(",7.2,7.2%,", ",seven,7.2%,"), ["line 2", "value", "'seven'"]),
    ("a class that is not one", swap(",Ⅱ类,类,", ",二类,类,"), ["line 6", "not a class"]),
    ("a number missing", swap(",2.11,2.11%,", ",,2.11%,"), ["line 4", "only a class"]),
    (
        "derived without saying from what",
        swap(",true,read,,重庆市统计局、国家统计局", ",true,derived,,重庆市统计局、国家统计局"),
        ["line 3", "derived from"],
    ),
    ("a matching basis in another unit", swap("（%）,false,", "（%）,true,"), ["line 5", "basis_matches_plan", "'天'"]),
    ("a matching basis over one year of five", swap("规划目标是五年累计,false,", "规划目标是五年累计,true,"), ["line 9", "2016-2020"]),
    (
        "two figures for one indicator and period",
        swap("o_rd_share,t2_rd_share,2020,", "o_rd_share,t2_services_share,2020,"),
        ["line 4", "t2_services_share 2020"],
    ),
    ("repeated id", swap("o_rd_share,", "o_services_share,"), ["line 4", "outcome_id", "unique"]),
]


@pytest.mark.parametrize("case, edit, words", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_copy_fails_with_file_line_and_problem(tmp_path, case, edit, words):
    with pytest.raises(DataFileError) as error:
        outcomes.read_outcomes(copy_with(tmp_path, edit))
    message = str(error.value)
    assert message.startswith("outcomes.csv")
    for word in words:
        assert word in message, message


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(DataFileError, match="outcomes.csv: the file is missing"):
        outcomes.read_outcomes(tmp_path / "outcomes.csv")


# issue 23 §5: a text target for every year (year_basis each_year) is checked against every one-year figure.
JOBS = "年度目标第二十七章“每年新增就业稳定在60万人左右”（容差±2%）："
FDI = "年度目标第二十四章第二节“实际利用外资每年保持在100亿美元以上”："
YEARLY = [
    # 第二十七章 “确保每年新增就业稳定在60万人左右”: 左右 allows 2% of 60 = 1.2, floor 58.8.
    ("t2_new_urban_jobs", "2020", 65.56, "万人", JOBS + "2020年65.56万人，达到。"),
    ("t2_new_urban_jobs", "2018", 58.8, "万人", JOBS + "2018年58.8万人，达到。"),
    ("t2_new_urban_jobs", "2018", 58.7, "万人", JOBS + "2018年58.7万人，未达到。"),
    # 第二十四章第二节 “实际利用外资每年保持在100亿美元以上”: 以上 is a floor.
    ("t2_fdi", "2020", 100, "亿美元", FDI + "2020年100亿美元，达到。"),
    ("t2_fdi", "2020", 99.9, "亿美元", FDI + "2020年99.9亿美元，未达到。"),
    # a five-year figure is never held against a yearly target
    ("t2_fdi", "2016-2020", 600, "亿美元", ""),
]


@pytest.mark.parametrize("indicator, period, value, unit, words", YEARLY)
def test_yearly_targets_are_checked_year_by_year(indicator, period, value, unit, words):
    frame = pd.DataFrame([figure(indicator, period, value, unit=unit, basis_matches_plan=False)])
    assert verdicts.yearly_words(indicator, frame, figures=pd.DataFrame()) == words


def test_the_reported_jobs_meet_the_yearly_target_beside_the_five_year_one():
    from lib.plan import plan_text

    sentence = verdicts.verdict("t2_new_urban_jobs").sentence
    # 专栏2's 【300】 is five years: not judged; 第二十七章's yearly 60万人左右 is met by 2019's 75 (2020 政府工作报告)
    # and 2020's 65.56 (2020 统计公报), both in data/yearly_figures.csv
    assert sentence.startswith("口径不同：2020年65.56万人") and "不判断是否达到" in sentence
    assert sentence.endswith(JOBS + "2019年75万人，达到；2020年65.56万人，达到。")
    assert "确保每年新增就业稳定在60万人左右" in plan_text.passage("第二十七章")
