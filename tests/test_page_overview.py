"""AppTest: the front page draws its View; a group opens 指标总览 filtered to it."""

import pytest

from helpers import inert, open_page


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
    assert values["城镇新增就业"] == "300万人左右"  # the text's 左右 (第一章第三节, issue 23 §6)
    assert len(at.get("image")) == 1  # the static zone map
    assert any("“无法比较”共 24 项" in c.value for c in at.caption)


def test_overview_zone_picture_escapes_names():
    from lib.plan import zones
    from lib.present.maps.static_map import zone_svg

    districts, zone_table = zones.load_districts(), zones.load_zones()
    hostile = zone_table.assign(name_zh=["<script>x</script>"] + list(zone_table.name_zh[1:]))
    marked = zone_svg(zones.load_district_shapes(), districts, hostile)
    assert "<script>" not in marked and "&lt;script&gt;" in marked


@pytest.mark.parametrize("pillar", ["创新发展", "共享发展"])
def test_a_pillar_opens_the_indicators_filtered_to_it(pillar):
    at = open_page("overview")
    at.button_group(key="pillar_link").set_value(pillar).run()
    assert not at.exception
    # Now on 指标总览, filtered by the URL the overview handed over.
    assert at.title[0].value == "指标总览"
    assert at.button_group(key="pillar").value == [pillar]
    assert at.query_params["pillar"] == pillar


def test_an_unknown_key_gives_a_notice_and_leaves_the_url():
    at = open_page("overview", {"pillar": "<img src=x onerror=alert(1)>"})
    assert not at.exception
    assert any("已忽略" in i.value for i in at.info)
    assert all(inert(i.value) for i in at.info)
    assert "pillar" not in at.query_params
