"""AppTest: the Indicators page runs, filters, and treats its URL as untrusted."""

import pytest
from helpers import inert, open_page
from lib import data, tables


def run(query=None):
    return open_page("indicators", query)


def shown_frame(at):
    return at.dataframe[0].value


def test_page_runs_and_shows_table_two_in_printed_order():
    at = run()
    assert not at.exception
    frame = shown_frame(at)
    indicators = data.load_indicators()
    expected = list(indicators[indicators.table_no == 2].indicator_id)
    assert list(frame.indicator_id) == expected
    # Values as printed: 左右, ＞ and 【】 kept.
    assert "50左右" in set(frame["2020年"])
    assert "＞50" in set(frame["2020年"])
    assert "＜【75000】" in set(frame["2020年"])


def test_table_one_from_the_url():
    at = run({"table": "专栏1 “十二五”（2010→2015）"})
    assert not at.exception
    frame = shown_frame(at)
    assert len(frame) == 41  # 34 numbered rows + 7 sub-rows
    assert frame.set_index("indicator_id").loc["t1_nonagri_hukou_share", "2010年"] == "33.5（旧口径）"


@pytest.mark.parametrize(
    "query, expected_ids",
    [
        # 绿色发展 in 专栏2: row 12 (+2 sub-rows), 13, 14 (+2), 15 (+4), 16, 17, 18, 19 = 16 rows
        ({"pillar": "绿色发展"}, 16),
        # five-year totals in 专栏2: rows 19, 22, 24 and 25
        ({"kind": "五年累计（【】）"}, 4),
        ({"q": "森林"}, 3),  # 森林增长, 森林覆盖率, 森林蓄积量
    ],
)
def test_filters_from_the_url(query, expected_ids):
    at = run(query)
    assert not at.exception
    frame = shown_frame(at)
    indicators = data.load_indicators()
    table_two = indicators[indicators.table_no == 2]
    assert len(frame) == expected_ids
    if "pillar" in query:
        assert set(frame.indicator_id) == set(table_two.indicator_id[table_two.pillar == "绿色发展"])
    elif "kind" in query:
        assert set(frame.kind) == {"total"}


@pytest.mark.parametrize(
    "key, value",
    [("table", "专栏9"), ("pillar", "<script>alert(1)</script>"), ("kind", "nonsense"), ("attribute", "x" * 500)],
)
def test_bad_url_values_give_a_notice_and_the_default_view(key, value):
    at = run({key: value})
    assert not at.exception
    assert any("已忽略" in info.value for info in at.info)
    # The hostile value is echoed only shortened and as text in an info box.
    assert all(inert(e.value) for e in list(at.markdown) + list(at.info))
    assert len(shown_frame(at)) == 43


def test_filter_widgets_change_the_table():
    at = run()
    at.button_group(key="attribute").set_value(["约束性"]).run()
    assert not at.exception
    assert set(shown_frame(at)["属性"]) == {"约束性"}
    at.text_input(key="q").input("完全不存在的指标").run()
    assert shown_frame(at).empty
    assert any("没有符合" in info.value for info in at.info)


INDICATORS = data.load_indicators()
TABLE_LABELS = {1: "专栏1 “十二五”（2010→2015）", 2: "专栏2 “十三五”（2015→2020）"}


@pytest.mark.parametrize("row", list(INDICATORS.itertuples()), ids=list(INDICATORS.indicator_id))
def test_every_indicator_can_be_found_and_traced(row):
    at = run({"table": TABLE_LABELS[row.table_no], "q": row.name_zh[:20]})
    assert not at.exception
    assert row.indicator_id in set(shown_frame(at).indicator_id)
    source = tables.source_of(row.indicator_id)
    # 专栏1 stands in 第一章第一节, 专栏2 in 第一章第三节
    assert (source["box"], source["chapter"], source["section"]) == (
        f"专栏{row.table_no}",
        "第一章",
        "第一节" if row.table_no == 1 else "第三节",
    )
    assert row.name_printed.replace("\n", "") in source["row_text"]


@pytest.mark.parametrize(
    "query, expected_rows, noticed",
    [
        # Two groups from one link: 绿色发展 16 rows (above) + 开放发展 7 rows
        # (rows 20, 21, 22, 23 and 23's three sub-rows) = 23.
        ({"pillar": ["绿色发展", "开放发展"]}, 23, False),
        # A valid group beside a forged one: the valid one still filters, the forged one is named in a notice.
        ({"pillar": ["绿色发展", "<b>x</b>"]}, 16, True),
        # Both 属性 at once: the 43 rows of 专栏2 less its 5 group headings
        # (rows 5, 12, 14, 15 and 23), which carry no 属性 of their own = 38.
        ({"attribute": ["预期性", "约束性"]}, 38, False),
    ],
)
def test_repeated_url_values_filter_together(query, expected_rows, noticed):
    at = run(query)
    assert not at.exception
    assert len(shown_frame(at)) == expected_rows
    assert any("已忽略" in info.value for info in at.info) == noticed
    assert all(inert(e.value) for e in list(at.markdown) + list(at.info))
