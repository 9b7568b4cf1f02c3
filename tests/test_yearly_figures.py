"""data/yearly_figures.csv: the years 2016–2020 as reported, each figure with its quote (issue 23)."""

import functools
import shutil
from urllib.parse import urlparse

import pandas as pd
import pytest

from helpers import data_ids, row_of
from lib.plan import yearly
from lib.plan.validation import DataFileError
from lib.present.numbers import plain


@functools.cache
def figures() -> pd.DataFrame:
    return yearly.load_yearly_figures()


@pytest.mark.parametrize(
    "indicator_id, measure, year, value, in_quote",
    [
        # GDP's real growth, every year, as first published (issue 23's list: 10.7, 9.3, 6.0, 6.3, 3.9)
        ("t2_gdp_growth", "real_growth", 2016, 10.7, "比上年增长10.7%"),  # 2016 统计公报
        ("t2_gdp_growth", "real_growth", 2017, 9.3, "比上年增长9.3%"),  # 2018 政府工作报告, 新华社
        ("t2_gdp_growth", "real_growth", 2018, 6.0, "比上年增长6.0%"),  # 2018 统计公报
        ("t2_gdp_growth", "real_growth", 2019, 6.3, "地区生产总值增长6.3%"),  # 重庆日报 2020-03-17
        ("t2_gdp_growth", "real_growth", 2020, 3.9, "全年增长3.9%"),  # 重庆日报 2021-03-02
        # GDP at current prices, first published, with gaps (2017, 2019 not read)
        ("t1_gdp", "level", 2016, 17558.76, "17558.76亿元"),
        ("t1_gdp", "level", 2018, 20363.19, "20363.19亿元"),
        ("t1_gdp", "level", 2020, 25002.79, "25002.79亿元"),
        # the tertiary term of the 三次产业结构
        ("t2_services_share", "share", 2016, 48.4, "7.4:44.2:48.4"),
        ("t2_services_share", "share", 2019, 53.2, "6.6∶40.2∶53.2"),
        ("t2_services_share", "share", 2020, 52.8, "7.2:40.0:52.8"),
        ("t1_urbanization_resident", "share", 2019, 66.8, "(常住人口城镇化率)为66.8%"),
        ("t2_new_urban_jobs", "yearly_amount", 2019, 75, "城镇新增就业75万人"),
        ("t2_new_urban_jobs", "yearly_amount", 2020, 65.56, "城镇新增就业人员65.56万人"),
    ],
)
def test_each_figure_is_read_from_its_quote(indicator_id, measure, year, value, in_quote):
    frame = figures()
    (row,) = frame[(frame.indicator_id == indicator_id) & (frame.measure == measure) & (frame.year == year)].itertuples()
    assert row.value == pytest.approx(value) and in_quote in row.quote and row.value_text in row.quote


def test_counts_match_the_readme():
    # data/README.md: 14 figures in 5 series; only GDP's real growth is read for every year
    counts = figures().groupby(["indicator_id", "measure"]).size().to_dict()
    assert counts == {
        ("t2_gdp_growth", "real_growth"): 5,
        ("t1_gdp", "level"): 3,
        ("t2_services_share", "share"): 3,
        ("t1_urbanization_resident", "share"): 1,
        ("t2_new_urban_jobs", "yearly_amount"): 2,
    }
    assert (figures().release == "first_published").all()
    complete = [key for key, rows in figures().groupby(["indicator_id", "measure"]) if yearly.complete(rows)]
    assert complete == [("t2_gdp_growth", "real_growth")]


@pytest.mark.parametrize("figure_id", data_ids("yearly_figures.csv", "figure_id"))
def test_every_row_is_sourced(figure_id):
    row = row_of(figures(), "figure_id", figure_id)
    host = urlparse(row.url).netloc
    assert row.publisher and row.document and row.quote
    assert plain(row.value) in row.value_text
    if row.source_kind == "publisher":
        assert host.endswith(".gov.cn") or host.endswith("cqrb.cn")
    else:
        assert not host.endswith(".gov.cn") and row.note, "a reprint says what it is"


def test_the_studio_replays_the_reported_growth():
    assert [(year, rate) for year, rate, _ in yearly.reported_growth()] == [
        (2016, 10.7),
        (2017, 9.3),
        (2018, 6.0),
        (2019, 6.3),
        (2020, 3.9),
    ]


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda f: f.assign(value=f.value.mask(f.figure_id == "yf_gdp_2016", "17558.77")), "is not in value_text"),
        (lambda f: f.assign(value_text=f.value_text.mask(f.figure_id == "yf_gdp_2016", "17558.7亿元")), "is not in the quote"),
        (lambda f: pd.concat([f, f[f.figure_id == "yf_gdp_2016"].assign(figure_id="yf_x")]), "a second figure for 't1_gdp level 2016'"),
        (lambda f: f.assign(release=f.release.mask(f.figure_id == "yf_gdp_2018", "revised")), "mixes first-published and revised"),
        (lambda f: f.assign(unit=f.unit.mask(f.figure_id == "yf_gdp_2016", "万元")), "is not the indicator's"),
        (lambda f: f.assign(year=f.year.mask(f.figure_id == "yf_gdp_2016", "2015")), "'year'"),
    ],
)
def test_a_damaged_copy_fails_with_its_problem(tmp_path, change, problem):
    path = tmp_path / "yearly_figures.csv"
    shutil.copy(yearly.PATH, path)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    change(frame).to_csv(path, index=False)
    with pytest.raises(DataFileError, match=problem):
        yearly.read_yearly_figures(path)


def test_the_reported_years_compound_to_the_published_five_year_average():
    from lib.engine import economy
    from lib.plan import outcomes

    index = economy.reported_real_index()
    # 1.107 × 1.093 × 1.060 × 1.063 × 1.039 = 1.4165 by 2020; 1.4165^(1/5) − 1 = 7.21 %, the 2021 report's “五年年均增长7.2%”
    assert index[-1] == pytest.approx(1.41652, abs=1e-5)
    five_year = outcomes.load_outcomes().set_index("outcome_id").loc["o_gdp_growth", "value"]
    assert round((index[-1] ** (1 / 5) - 1) * 100, 1) == five_year == 7.2
    # the plan's 9 % a year gives 1.09^5 = 1.5386: the two paths part by 0.12 of 2015's real GDP
    assert economy.real_index([9.0] * 5)[-1] == pytest.approx(1.53862, abs=1e-5)


@pytest.mark.parametrize(
    "series_id, outcome_year, years, connect",
    [
        # GDP at current prices: 2016, 2018, 2020 read, 2017 and 2019 not: points, no line
        ("t1_gdp", None, [2016, 2018, 2020], False),
        # 服务业比重: 2020 is the outcome mark already (52.8, outcomes.csv), so 2016 and 2019 only
        ("t2_services_share", 2020, [2016, 2019], False),
        ("t1_urbanization_resident", None, [2019], False),
        # a yearly growth rate is no point of a five-year bar; a five-year total's chart takes no yearly amount
        ("t2_gdp_growth", None, [], False),
        ("t2_new_urban_jobs", None, [], False),
    ],
)
def test_reported_points_for_the_trajectory(series_id, outcome_year, years, connect):
    from lib.engine import trajectory_marks

    frame = trajectory_marks.reported_frame(series_id, outcome_year)
    assert list(frame.year) == years
    assert not frame.connect.any() if not connect else frame.connect.all()
    assert all("原句：“" in note for note in frame.note)


def test_the_trajectory_page_draws_gdp_s_reported_years_as_points():
    from lib.views import trajectories as page

    view = page.build(page.State(indicator="t1_gdp"))
    # The View's chart carries its rows inline (lib.present.blocks.Chart)
    frames = [pd.DataFrame(rows) for rows in view.chart.spec.get("datasets", {}).values()]
    rows = pd.concat([f[f.line == "初次公布"] for f in frames if "line" in f])
    assert sorted(zip(rows.year, rows.value)) == [(2016, 17558.76), (2018, 20363.19), (2020, 25002.79)]
    assert "绿色方块：已发布的实际数（不是目标）" in view.chart.caption
