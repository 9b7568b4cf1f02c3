"""AppTest: the Indicators page runs, its widgets change the URL, and it treats its URL as untrusted."""

import pytest

from helpers import data_ids, inert, open_page, row_of
from lib.engine import tables
from lib.plan import data
from lib.views.indicators.outcome_filter import CONTEXT_MARK


def run(query=None):
    return open_page("indicators", query)


def shown_frame(at):
    return at.dataframe[0].value


def counts(at):
    return next(m.value for m in at.markdown if "显示" in m.value)


def names(table_no):
    indicators = data.load_indicators()
    table = indicators[indicators.table_no == table_no]
    return [name if number else f"　{name}" for name, number in zip(table.name_zh, table.number)]


def test_page_runs_and_shows_table_two_in_printed_order():
    at = run()
    assert not at.exception
    frame = shown_frame(at)
    assert list(frame["指标"]) == names(2)
    # Values as printed: 左右, ＞ and 【】 kept.
    assert "50左右" in set(frame["2020年"])
    assert "＞50" in set(frame["2020年"])
    assert "＜【75000】" in set(frame["2020年"])
    assert len(at.get("download_button")) == 2
    assert any("点选表格左侧的方框" in c.value for c in at.caption)


def test_table_one_from_an_older_link_and_the_url_becomes_short():
    at = run({"table": "专栏1 “十二五”（2010→2015）"})
    assert not at.exception
    frame = shown_frame(at)
    assert len(frame) == 41  # 34 numbered rows + 7 sub-rows
    assert frame.set_index("指标").loc["　非农户籍人口比重", "2010年"] == "33.5（旧口径）"
    assert at.query_params["table"] == "1"


@pytest.mark.parametrize(
    "query, expected",
    [
        # 绿色发展 in 专栏2: row 12 (+2 sub-rows), 13, 14 (+2), 15 (+4), 16, 17, 18, 19 = 16 rows
        ({"pillar": "绿色发展"}, "显示 16 / 43 行"),
        # five-year totals in 专栏2: rows 19, 22, 24 and 25 (the label an older link carries, and the code)
        ({"kind": "五年累计（【】）"}, "显示 4 / 43 行"),
        ({"kind": "total"}, "显示 4 / 43 行"),
        ({"q": "森林"}, "显示 3 / 43 行"),  # 森林增长, 森林覆盖率, 森林蓄积量
    ],
)
def test_filters_from_the_url(query, expected):
    at = run(query)
    assert not at.exception
    assert expected in counts(at)
    if "kind" in query:
        assert set(shown_frame(at)["2020年"]) == {"【500】", "＜【75000】", "【70.6】", "【300】"}


@pytest.mark.parametrize(
    "key, value",
    [("table", "专栏9"), ("pillar", "<script>alert(1)</script>"), ("kind", "nonsense"), ("attribute", "x" * 500), ("row", "<b>x</b>")],
)
def test_bad_url_values_give_a_notice_and_the_default_view(key, value):
    at = run({key: value})
    assert not at.exception
    assert any("已忽略" in info.value for info in at.info)
    # The hostile value is echoed only shortened and as text, never as markdown.
    assert all(inert(e.value) for e in list(at.markdown) + list(at.info))
    assert len(shown_frame(at)) == 43
    assert key not in at.query_params  # the refused value leaves the URL


def test_filter_widgets_change_the_table_and_the_url():
    at = run()
    at.button_group(key="attribute").set_value(["约束性"]).run()
    assert not at.exception
    shown = shown_frame(at)
    context = shown["指标"].str.endswith(CONTEXT_MARK)
    assert set(shown[~context]["属性"]) == {"约束性"}
    # 森林覆盖率 is 约束性, its heading 森林增长 is not: it comes along as context (issue 25)
    assert "森林增长" + CONTEXT_MARK in set(shown[context]["指标"])
    assert at.query_params["attribute"] == "约束性"
    at.text_input(key="q").input("完全不存在的指标").run()
    assert shown_frame(at).empty
    assert any("没有符合" in info.value for info in at.info)
    assert at.query_params["q"] == "完全不存在的指标"


def test_compact_columns_from_the_widget():
    at = run()
    at.button_group(key="columns").set_value("compact").run()
    assert not at.exception
    # The phone's set keeps the 2020 verdict beside the target (lib/views/indicators.COMPACT_WIDTHS)
    assert list(shown_frame(at).columns) == ["指标", "2020年", "2020年结果", "难度"]
    assert at.query_params["columns"] == "compact"
    # data/outcomes.csv: 统计公报 52.8 against 50左右 is met; 森林覆盖率 has no row
    verdicts = dict(zip(shown_frame(at)["指标"], shown_frame(at)["2020年结果"]))
    assert (verdicts["服务业增加值占地区生产总值比重"], verdicts["森林覆盖率"]) == ("达到", "未找到官方数字")


def test_a_row_with_an_outcome_shows_its_figure_source_and_url_as_plain_text():
    at = run({"row": "t2_rd_share"})
    assert not at.exception
    texts = "\n".join(t.value for t in at.text)
    # o_rd_share: 2.11% against 2.2 (专栏2 row 5), from 《2020年重庆市科技投入统计公报》 (2021-10-12)
    assert "2020年结果：未达到：2020年2.11%，目标2.2%。" in texts
    assert "《2020年重庆市科技投入统计公报》，2021-10-12" in texts
    assert "网址：http://liaoningxiaochi.com/n2/2021/1012/c365402-34951546.html" in texts


def test_a_selected_row_in_the_link_opens_its_detail():
    at = run({"row": "t2_forest_cover"})
    assert not at.exception
    assert at.header[0].value == "森林覆盖率"
    texts = [t.value for t in at.text]
    assert any("第12行“森林增长”下的分项" in t for t in texts)
    # 专栏2 row 12: 45 (2015) and 46 (2020), with their headings
    assert "原表本行：指标属性：约束性　2015年：45　2020年：46" in texts


@pytest.mark.parametrize(
    "query, trajectory",
    [
        # 专栏1 row 25 森林覆盖率 is drawn on 专栏2 row 12's series (issue 22: it opened 指标轨迹 with a notice)
        ({"table": "1", "row": "t1_forest_cover"}, "indicator=t2_forest_cover"),
        ({"row": "t2_forest_cover"}, "indicator=t2_forest_cover"),
        ({"table": "1", "row": "t1_gdp"}, ""),  # GDP's level is the default series: no query needed
    ],
)
def test_the_row_detail_links_to_the_trajectory_it_is_drawn_on(query, trajectory):
    at = run(query)
    assert not at.exception
    links = {link.proto.label: link.proto for link in at.get("page_link")}
    assert links["查看该指标的轨迹"].page == "trajectories"
    assert links["查看该指标的轨迹"].query_string == trajectory
    assert links["在规划原文中阅读"].page == "plan_reader"


def test_a_heading_row_has_no_trajectory_link():
    at = run({"row": "t2_forest_growth"})
    assert not at.exception
    assert "查看该指标的轨迹" not in [link.proto.label for link in at.get("page_link")]


def test_switching_table_clears_the_row_and_a_filtered_out_row_says_so():
    at = run({"row": "t2_forest_cover", "q": "收入"})
    assert not at.exception
    assert not at.header
    assert any("不在当前表格或筛选结果中" in info.value for info in at.info)
    assert "所选指标：森林覆盖率" in [t.value for t in at.text]
    at.button_group(key="table").set_value(1).run()
    assert "row" not in at.query_params and at.query_params["table"] == "1"


@pytest.mark.parametrize("indicator", data_ids("indicators.csv", "indicator_id"))
def test_every_indicator_can_be_found_and_traced(indicator):
    row = row_of(data.load_indicators(), "indicator_id", indicator)
    at = run({"table": str(row.table_no), "q": row.name_zh[:20], "row": row.indicator_id})
    assert not at.exception
    assert at.header[0].value.replace("\\", "") == row.name_zh
    source = tables.source_of(row.indicator_id)
    # 专栏1 stands in 第一章第一节, 专栏2 in 第一章第三节
    assert (source.box, source.chapter, source.section) == (
        f"专栏{row.table_no}",
        "第一章",
        "第一节" if row.table_no == 1 else "第三节",
    )
    assert f"出处：{source.sentence}" in [t.value for t in at.text]
    assert " 行" not in source.row and "第" in source.row


@pytest.mark.parametrize(
    "query, expected, noticed",
    [
        # Two groups from one link: 绿色发展 16 rows (above) + 开放发展 7 rows
        # (rows 20, 21, 22, 23 and 23's three sub-rows) = 23.
        ({"pillar": ["绿色发展", "开放发展"]}, "显示 23 / 43 行", False),
        # A valid group beside a forged one: the valid one still filters, the forged one is named in a notice.
        ({"pillar": ["绿色发展", "<b>x</b>"]}, "显示 16 / 43 行", True),
        # Both 属性 at once: the 43 rows of 专栏2 less its 5 group headings
        # (rows 5, 12, 14, 15 and 23), which carry no 属性 of their own = 38.
        ({"attribute": ["预期性", "约束性"]}, "显示 38 / 43 行", False),
    ],
)
def test_repeated_url_values_filter_together(query, expected, noticed):
    at = run(query)
    assert not at.exception
    assert expected in counts(at)
    assert any("已忽略" in info.value for info in at.info) == noticed
    assert all(inert(e.value) for e in list(at.markdown) + list(at.info))


def test_a_row_click_with_the_plan_text_missing_gives_the_plain_message(monkeypatch, tmp_path):
    """Issue 16 #5: a missing plan.txt once gave Streamlit's English error box on a row click."""
    from lib.plan import plan_text, search
    from lib.views import indicators
    from pages import _shared

    caches = [f for module in (plan_text, search, tables, indicators) for f in vars(module).values() if hasattr(f, "cache_clear")]
    caches.append(_shared._built)  # the page's Views (pages/_shared.view_of)
    monkeypatch.setattr(plan_text, "PLAN_PATH", tmp_path / "plan.txt")  # no such file
    for cached in caches:
        cached.cache_clear()
    try:
        at = open_page("indicators", {"row": "t2_forest_cover"})
        assert not at.exception
        assert [e.value for e in at.error] == ["数据文件 plan.txt 有误，本页暂时无法显示。维护者可在服务器日志中查看原因。"]
    finally:
        monkeypatch.undo()
        for cached in caches:
            cached.cache_clear()


def test_the_2020_outcome_pills_filter_count_and_group_the_rows():
    at = run()
    pills = at.button_group(key="outcome")
    # The 38 rows of 专栏2 with a target (43 less 5 headings; data/outcomes.csv): 3 met, 2 not met, 3 on another basis, 30 with no figure.
    assert any(c.value == "2020年结果：达到 3 · 未达到 2 · 口径不同 3 · 未找到官方数字 30" for c in at.caption)
    pills.set_value(["not_met"]).run()
    assert not at.exception
    assert at.query_params["outcome"] == "not_met"
    shown = shown_frame(at)
    # 研发 is a sub-row of 创新效率, which comes along as context.
    assert list(shown["指标"]) == ["地区生产总值年均增速", "创新效率" + CONTEXT_MARK, "　研究与试验发展经费支出占地区生产总值比重"]
    assert "显示 2 / 43 行（另有1行上级分组作参照）" in counts(at)
    at.toggle(key="group").set_value(True).run()
    assert at.query_params["group"] == "outcome"
    assert not at.exception


def test_an_unknown_outcome_in_the_url_gives_every_row_and_a_notice():
    at = run({"outcome": "都达到了"})
    assert not at.exception
    assert len(shown_frame(at)) == 43
    assert any("都达到了" in t.value for t in at.text)
