"""lib.engine.trajectory: each series' points, projected with the one projection lib.engine.rates.project."""

import pytest

from lib.engine import rates, trajectory


@pytest.mark.parametrize(
    "kind, base, step, years, expected",
    [
        # 15720 亿元 at 9.72 % for one year: 15720 × 1.0972 = 17247.98
        ("level", 15720, 9.72, 1, 15720 * 1.0972),
        ("level", 100, 10, 2, 121.0),  # 100 × 1.1² = 121
        ("share", 45, 0.2, 5, 46.0),  # 专栏2 row 12: 45 → 46 at 0.2 points a year
        ("ratio", 2.6, -0.04, 5, 2.4),  # 2.6 − 5 × 0.04 = 2.4
        ("total", 0, 60, 5, 300),  # 【300】万人 over five years at 60 a year
        ("reduction", 0, 10, 2, 19.0),  # two 10 % cuts leave 0.81: a 19 % cut
    ],
)
def test_one_projection_for_every_kind(kind, base, step, years, expected):
    assert rates.project(base, step, years, kind) == pytest.approx(expected)


def test_the_required_path_ends_on_the_target():
    points = trajectory.trajectory("t1_gdp")
    required = points[points.line_key == "required"].set_index("year").value
    # 2.5万亿元 (第一章第三节) is 25000 亿元; the path from 15720 reaches it in 2020.
    assert required[2020] == pytest.approx(25000)
    # 15720 × ((25000/15720)^(1/5))^1 = 17248.45
    assert required[2016] == pytest.approx(17248.45, abs=0.01)


def test_gdp_carries_the_level_implied_pace_never_the_real_rate():
    points = trajectory.trajectory("t1_gdp")
    previous = points[points.line_key == "previous"]
    # (15720/7926)^(1/5) − 1 = 14.68 % nominal, not 专栏1's real 12.8 %
    assert previous.note.iloc[0] == "按2010—2015年公布水平计算，年均 14.68%（名义，按现价）"
    assert previous.set_index("year").value[2016] == pytest.approx(15720 * (15720 / 7926) ** 0.2)


@pytest.mark.parametrize(
    "series_id, basis_break",
    [
        ("t1_gdp", ""),
        # 专栏1 备注3: 户籍人口城镇化率 changed basis between 2010 and 2015
        ("t2_hukou_urbanization", "旧口径→新口径"),
    ],
)
def test_basis_break(series_id, basis_break):
    assert trajectory.basis_break(series_id) == basis_break


def test_unknown_series_is_refused():
    with pytest.raises(KeyError):
        trajectory.trajectory("t9_nothing")
