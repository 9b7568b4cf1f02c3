"""指标总览 by 2020年结果 (issue 25): the filter, the counts, grouping, parents as context; aliases in the search."""

from __future__ import annotations

import pytest

from lib.plan import aliases
from lib.plan.validation import DataFileError
from lib.views import indicators
from lib.views.indicators import State
from lib.views.indicators.outcome_filter import CONTEXT_MARK
from lib.views.query import Notice

MARKED = "创新效率" + CONTEXT_MARK
RD = "　研究与试验发展经费支出占地区生产总值比重"


def names(view) -> list[str]:
    return [row[1] for row in view.rows]


@pytest.mark.parametrize(
    "state, counts, outcome_counts, first_names",
    [
        # data/outcomes.csv over the 38 rows with a target: 3 met, 2 not met, 3 口径不同, 30 without a figure.
        (State(), "显示 43 / 43 行", "2020年结果：达到 3 · 未达到 2 · 口径不同 3 · 未找到官方数字 30", ["地区生产总值年均增速"]),
        (State(outcome=("met",)), "显示 3 / 43 行", None, ["服务业增加值占地区生产总值比重", "长江干流水质", "农村贫困人口脱贫"]),
        # 研发 is 创新效率's sub-row: the heading comes along, marked, and is not counted.
        (State(outcome=("not_met",)), "显示 2 / 43 行（另有1行上级分组作参照）", None, ["地区生产总值年均增速", MARKED, RD]),
        # The officials' case: 约束性 gives 2 met, 0 missed, 1 口径不同, 13 without a figure (issue 25 counted
        # 1 / 0 / 2 / 13 before 脱贫 was judged met: lib.engine.verdicts).
        (
            State(attribute=("约束性",)),
            "显示 16 / 43 行（另有3行上级分组作参照）",
            "2020年结果：达到 2 · 未达到 0 · 口径不同 1 · 未找到官方数字 13",
            None,
        ),
        (State(attribute=("约束性",), outcome=("met", "not_met")), "显示 2 / 43 行", None, ["长江干流水质", "农村贫困人口脱贫"]),
        # Grouped: met first, then not met (with 研发's heading before it), …
        (
            State(group="outcome"),
            None,
            None,
            ["服务业增加值占地区生产总值比重", "长江干流水质", "农村贫困人口脱贫", "地区生产总值年均增速", MARKED, RD],
        ),
        # 专栏1 has no 2020 outcome: no counts, and a verdict in the URL does not filter it.
        (State(table=1, outcome=("met",)), "显示 41 / 41 行", "", ["地区生产总值"]),
    ],
)
def test_outcome_filter_counts_and_context(state, counts, outcome_counts, first_names):
    view = indicators.build(state)
    if counts is not None:
        assert view.counts == counts
    if outcome_counts is not None:
        assert view.outcome_counts == outcome_counts
    if first_names is not None:
        assert names(view)[: len(first_names)] == first_names
    assert len(view.row_context) == len(view.rows) == len(view.row_ids) == len(view.row_links) == len(view.sort_keys)
    assert [name.endswith(CONTEXT_MARK) for name in names(view)] == list(view.row_context)


def test_each_pill_names_its_count():
    view = indicators.build(State(attribute=("约束性",)))
    assert view.outcome_labels == {
        "met": "达到（2）",
        "not_met": "未达到（0）",
        "basis_differs": "口径不同（1）",
        "no_figure": "未找到官方数字（13）",
    }


@pytest.mark.parametrize(
    "query, outcome, group, notices",
    [
        ({"outcome": ["met", "no_figure"]}, ("met", "no_figure"), "", ()),
        ({"outcome": ["未达到", "口径不同"]}, ("not_met", "basis_differs"), "", ()),  # the labels read too
        ({"outcome": ["都达到了"]}, (), "", (Notice("outcome", "都达到了"),)),
        ({"group": ["outcome"]}, (), "outcome", ()),
        ({"group": ["五大发展"]}, (), "", (Notice("group", "五大发展"),)),
    ],
)
def test_parse_outcome_and_group(query, outcome, group, notices):
    state = indicators.parse(query)
    assert (state.outcome, state.group, state.notices) == (outcome, group, notices)
    assert indicators.parse(indicators.to_query(state)) == State(outcome=outcome, group=group)


def test_downloads_keep_the_filter_and_leave_the_context_rows_out():
    state = State(outcome=("not_met",))
    assert list(indicators.shown_rows(state).indicator_id) == ["t2_gdp_growth", "t2_rd_share"]
    csv = indicators.csv_bytes(state).decode("utf-8-sig")
    assert "t2_rd_share" in csv and "t2_innovation_efficiency" not in csv.split("\n", 1)[1].split(",")[0]
    assert len(csv.strip().splitlines()) == 1 + 2
    assert indicators.filters_text(state) == "2020年结果：未达到"


@pytest.mark.parametrize(
    "table, words, ids",
    [
        (2, "研发投入强度", ["t2_rd_share"]),
        (2, "R&D", ["t2_rd_share"]),
        (2, "r&d", ["t2_rd_share"]),
        (2, "研发投入", ["t2_rd_share"]),
        (2, "城镇化率", ["t2_hukou_urbanization"]),
        (1, "城镇化率", ["t1_urbanization", "t1_urbanization_resident"]),  # the name and the alias
        (1, "研发", ["t1_rd_share"]),
        (2, "森林覆盖率", ["t2_forest_cover"]),  # no alias widens a name that is already there
    ],
)
def test_search_finds_an_indicator_by_its_alias(table, words, ids):
    assert list(indicators.shown_rows(State(table=table, q=words)).indicator_id) == ids


def test_aliases_are_validated(tmp_path):
    assert set(aliases.indicators_matching("R&D")) == {"t1_rd_share", "t2_rd_share"}
    assert aliases.indicators_matching("  ") == ()
    assert "研发投入强度" in aliases.aliases_of("t2_rd_share")
    bad = tmp_path / "aliases.csv"
    bad.write_text("alias,indicator_id,why\n研发,t2_no_such,test\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="t2_no_such"):
        aliases.read_aliases(bad)
    bad.write_text("alias,indicator_id,why\n研发,t2_rd_share,a\n研发,t2_rd_share,b\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        aliases.read_aliases(bad)
