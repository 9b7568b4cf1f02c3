"""AppTest: the Trajectories page draws its View for every indicator, and picking one writes the URL."""

import pytest

from helpers import inert, open_page, series_ids
from lib.plan.series import series_label


def test_default_is_gdp_with_its_text_target():
    at = open_page("trajectories")
    assert not at.exception
    assert at.selectbox(key="indicator").value == "t1_gdp"
    assert len(at.get("vega_lite_chart")) == 2  # the trajectory and the ranking
    # The 2020 target 2.5万亿元 is read from 第一章第三节; 15720 → 25000 亿元 needs
    # (25000/15720)^(1/5) − 1 = 9.72 % a year.
    shown = [m.value.replace("\\", "") for m in at.markdown]  # the page escapes markdown
    assert any("2.5万亿元（第一章第三节）" in s and "9.72%" in s for s in shown)
    # 第一章第三节 restates it: "全市地区生产总值迈上2.5万亿元新台阶", with a link to the passage.
    assert any("2.5万亿元新台阶" in s for s in shown)
    assert "indicator" not in at.query_params


@pytest.mark.parametrize("series_id", series_ids())
def test_every_indicator_in_turn(series_id):
    at = open_page("trajectories", {"indicator": series_id})
    assert not at.exception
    assert at.selectbox(key="indicator").value == series_id
    assert not at.info or all("已忽略" not in i.value for i in at.info)


def test_picking_an_indicator_writes_it_to_the_url():
    at = open_page("trajectories")
    at.selectbox(key="indicator").set_value("t2_forest_cover").run()
    assert not at.exception
    assert at.query_params["indicator"] == "t2_forest_cover"
    # 专栏2 row 12: 46 % in 2020, 45 → 46 = +0.2 points a year.
    assert any("46（专栏2）" in m.value and "0\\.2 个百分点" in m.value for m in at.markdown)


def test_picking_an_indicator_with_an_outcome_shows_its_source_under_the_chart():
    at = open_page("trajectories")
    assert not any("实际（" in c.value for c in at.caption)  # GDP's level has no reported figure recorded
    at.selectbox(key="indicator").set_value("t2_services_share").run()
    assert not at.exception
    captions = [c.value.replace("\\", "") for c in at.caption]
    # data/outcomes.csv o_services_share: 统计公报 "三次产业结构比为7.2:40.0:52.8", met against 50左右
    assert any(
        c.startswith("实际（2020年统计公报）：达到：2020年52.8%") and "原句：“三次产业结构比为7.2:40.0:52.8。”" in c for c in captions
    )


def test_a_link_with_the_old_label_opens_the_indicator_and_is_rewritten():
    at = open_page("trajectories", {"indicator": series_label("t2_forest_cover")})
    assert not at.exception
    assert at.selectbox(key="indicator").value == "t2_forest_cover"
    assert at.query_params["indicator"] == "t2_forest_cover"


def test_a_basis_break_is_marked_and_explained():
    at = open_page("trajectories", {"indicator": "t2_hukou_urbanization"})
    assert any("统计口径不同" in c.value for c in at.caption)
    assert '"rule"' in at.get("vega_lite_chart")[0].proto.spec


@pytest.mark.parametrize("value", ["t2_nope", "<img src=x onerror=alert(1)>", "地区生产总值", "x" * 3000])
def test_unknown_indicator_in_the_url_gives_a_notice_and_the_default(value):
    at = open_page("trajectories", {"indicator": value})
    assert not at.exception
    assert any("已忽略" in i.value for i in at.info)
    assert at.selectbox(key="indicator").value == "t1_gdp"
    assert all(inert(i.value) for i in at.info)
    assert "indicator" not in at.query_params


def test_with_a_static_edition_named_the_page_links_to_this_indicator_s_baked_page(monkeypatch):
    from lib.present import routes

    monkeypatch.setenv("STATIC_SITE_URL", "https://plan.example.org/")
    at = open_page("trajectories", {"indicator": "t2_forest_cover"})
    assert not at.exception
    buttons = [b for b in at.get("link_button") if "静态公开版" in b.proto.label]
    assert [b.proto.url for b in buttons] == ["https://plan.example.org" + routes.indicator("t2_forest_cover")]


def test_without_one_there_is_no_such_link(monkeypatch):
    monkeypatch.delenv("STATIC_SITE_URL", raising=False)
    at = open_page("trajectories", {"indicator": "t2_forest_cover"})
    assert not [b for b in at.get("link_button") if "静态公开版" in b.proto.label]
