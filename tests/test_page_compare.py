"""AppTest: 指标对比 draws one chart per chosen indicator, and the choice is the URL."""

from helpers import open_page


def test_page_runs_empty_with_its_examples():
    at = open_page("compare")
    assert not at.exception
    assert any("选择两到四项指标" in i.value for i in at.info)
    assert not at.get("vega_lite_chart")


def test_the_forest_pair_side_by_side():
    at = open_page("compare", {"indicator": ["t2_forest_cover", "t2_forest_stock"]})
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2
    assert [s.value for s in at.subheader] == ["森林覆盖率（专栏2·12）", "森林蓄积量（专栏2·12）"]


def test_adding_an_indicator_writes_the_url():
    at = open_page("compare", {"indicator": "t2_hukou_urbanization"})
    at.multiselect(key="indicator").select("t1_urbanization_resident").run()
    assert not at.exception
    assert list(at.query_params["indicator"]) == ["t2_hukou_urbanization", "t1_urbanization_resident"]
    assert len(at.get("vega_lite_chart")) == 2


def test_a_fifth_or_unknown_indicator_is_refused_with_a_notice():
    at = open_page("compare", {"indicator": ["t2_forest_cover", "t2_forest_stock", "t2_rd_share", "t2_gdp_growth", "<b>x</b>"]})
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 4
    assert any("<b>x</b>" in t.value for t in at.text)
