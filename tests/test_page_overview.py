"""AppTest: the front page shows the headline targets with their sources."""

import pytest

from helpers import open_page
from lib import overview


def test_overview_runs_and_shows_eight_headline_cards():
    at = open_page("overview")
    assert not at.exception
    values = {m.label: m.value for m in at.metric}
    assert len(values) == 8
    # 第一章第三节: 2.5万亿元; 专栏2 row 20: 10000亿元 = 1万亿元; row 24: 【70.6】; row 25: 【300】
    assert values["地区生产总值"] == "2.5万亿元"
    assert values["进出口总额"] == "1万亿元"
    assert values["服务业比重"] == "50%左右"
    assert values["农村贫困人口脱贫"] == "70.6万人"
    assert values["城镇新增就业"] == "300万人"


def test_cards_carry_base_and_required_pace():
    cards = {c["indicator_id"]: c for c in overview.headline_cards()}
    # 15720 → 25000 亿元: (25000/15720)^(1/5) − 1 = 9.72 % a year at current prices
    assert "9.72%" in cards["t1_gdp"]["pace"]
    # 专栏2 row 20: 4644亿元 in 2015 = 0.46万亿元, against 10000亿元 = 1万亿元
    assert cards["t2_trade"]["base"] == "2015年 0.46万亿元"
    assert cards["t2_forest_cover"]["base"] == "2015年 45%"
    # R&D 1.53 → 2.2: 0.134 points a year
    assert cards["t2_rd_share"]["base"] == "2015年 1.53%"
    assert "+0.13 个百分点" in cards["t2_rd_share"]["pace"]


def test_difficulty_summary_counts_every_indicator_once():
    by_pillar = overview.difficulty_summary("pillar")
    by_attribute = overview.difficulty_summary("attribute")
    # 专栏2 has 38 rows with values (43 rows less 5 headings)
    assert by_pillar["指标数"].sum() == by_attribute["指标数"].sum() == 38


def test_overview_zone_picture_is_small_and_escapes_names():
    from lib import map_builders, zones

    districts, zone_table = zones.load_districts(), zones.load_zones()
    svg = map_builders.zone_svg(zones.load_district_shapes(), districts, zone_table)
    assert svg.count("<path") == 5  # one merged shape per zone
    assert len(svg) < 30_000
    hostile = zone_table.assign(name_zh=["<script>x</script>"] + list(zone_table.name_zh[1:]))
    marked = map_builders.zone_svg(zones.load_district_shapes(), districts, hostile)
    assert "<script>" not in marked and "&lt;script&gt;" in marked


def test_overview_shows_the_zone_picture():
    at = open_page("overview")
    assert not at.exception
    assert len(at.get("image")) == 1


@pytest.mark.parametrize("pillar", ["创新发展", "共享发展"])
def test_a_pillar_opens_the_indicators_filtered_to_it(pillar):
    at = open_page("overview")
    at.button_group(key="pillar_link").set_value(pillar).run()
    assert not at.exception
    # Now on 指标总览, filtered by the URL the overview handed over.
    assert at.title[0].value == "指标总览"
    assert at.button_group(key="pillar").value == [pillar]
    assert at.query_params["pillar"] == pillar
