"""lib.trajectory.series_view: what the Trajectories page shows for one series, as plain values."""

import pytest

from lib import trajectory


def test_gdp_view_states_target_required_pace_and_the_text_that_restates_it():
    view = trajectory.series_view("t1_gdp")
    # 第一章第三节: "迈上2.5万亿元新台阶"; 15720 → 25000 亿元 needs (25000/15720)^(1/5) − 1 = 9.72 % a year.
    assert view["summary"] == "2020年目标：2\\.5万亿元（第一章第三节）　·　完成目标所需：年均 \\+9\\.72%"
    # The level-implied 2011–2015 pace is nominal (14.68 %), never the printed real 12.8 %.
    assert any("14.68%（名义，现价）" in note for note in view["notes"])
    related = {r["place"]: r for r in view["related"]}
    assert related["第一章第三节"]["query"] == {"chapter": "第一章", "section": "第三节"}
    assert "2\\.5万亿元新台阶" in related["第一章第三节"]["text"]  # escaped for markdown


@pytest.mark.parametrize(
    "series_id, kind, has_break, has_class_rows",
    [
        ("t1_gdp", "level", False, False),
        # 专栏1 备注3: 户籍人口城镇化率 changed basis between 2010 and 2015
        ("t2_hukou_urbanization", "share", True, False),
        # 长江干流水质 is a class (Ⅲ类), shown as rows, never as a line
        ("t2_yangtze_water", "class", False, True),
    ],
)
def test_view_kinds(series_id, kind, has_break, has_class_rows):
    view = trajectory.series_view(series_id)
    assert view["kind"] == kind
    assert bool(view["basis_break"]) == has_break
    assert bool(view["class_rows"]) == has_class_rows
    assert view["has_points"]


def test_unknown_series_is_refused():
    with pytest.raises(KeyError):
        trajectory.series_view("t9_nothing")
