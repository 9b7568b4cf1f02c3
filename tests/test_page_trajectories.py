"""AppTest: the Trajectories page runs for every indicator, and its URL is untrusted."""

import pytest

from helpers import inert, open_page
from lib import trajectory

CATALOGUE = trajectory.series_catalogue()


def test_default_is_gdp_with_its_text_target():
    at = open_page("trajectories")
    assert not at.exception
    assert at.selectbox(key="indicator").value == trajectory.series_label("t1_gdp")
    charts = at.get("vega_lite_chart")
    assert len(charts) == 2  # the trajectory and the acceleration overview
    # The 2020 target 2.5万亿元 is read from 第一章第三节; 15720 → 25000 亿元 needs
    # (25000/15720)^(1/5) − 1 = 9.72 % a year.
    shown = [m.value.replace("\\", "") for m in at.markdown]  # the page escapes markdown
    assert any("2.5万亿元（第一章第三节）" in s and "9.72%" in s for s in shown)


@pytest.mark.parametrize("label", list(CATALOGUE.label))
def test_every_indicator_in_turn(label):
    at = open_page("trajectories", {"indicator": label})
    assert not at.exception
    assert at.selectbox(key="indicator").value == label
    assert not at.info or all("已忽略" not in i.value for i in at.info)


def test_a_basis_break_is_marked_and_explained():
    label = trajectory.series_label("t2_hukou_urbanization")
    at = open_page("trajectories", {"indicator": label})
    assert any("统计口径不同" in c.value for c in at.caption)
    assert '"rule"' in at.get("vega_lite_chart")[0].proto.spec


@pytest.mark.parametrize("value", ["t2_nope", "<img src=x onerror=alert(1)>", "地区生产总值", "x" * 3000])
def test_unknown_indicator_in_the_url_gives_a_notice_and_the_default(value):
    at = open_page("trajectories", {"indicator": value})
    assert not at.exception
    assert any("已忽略" in i.value for i in at.info)
    assert at.selectbox(key="indicator").value == trajectory.series_label("t1_gdp")
    assert all(inert(i.value) for i in at.info)


def test_related_text_targets_link_to_their_passage():
    # 第一章第三节 restates the GDP target: "全市地区生产总值迈上2.5万亿元新台阶"
    related = trajectory.related_text_targets("t1_gdp")
    assert "tt_002" in set(related.target_id)
    at = open_page("trajectories")
    assert any("2.5万亿元新台阶" in m.value.replace("\\", "") for m in at.markdown)
