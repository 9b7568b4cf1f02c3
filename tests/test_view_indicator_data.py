"""One indicator's data by URL (lib.views.indicator_data): its State round-trips, its files name themselves."""

from __future__ import annotations

import pytest

from lib.views import indicator_data, indicators


@pytest.mark.parametrize(
    "query, indicator, notices",
    [({"indicator": ["t2_forest_cover"]}, "t2_forest_cover", 0), ({"indicator": ["t9_none"]}, "", 1), ({"x": ["1"]}, "", 1)],
)
def test_parse_and_to_query(query, indicator, notices):
    state = indicator_data.parse(query)
    assert (state.indicator, len(state.notices)) == (indicator, notices)
    assert indicator_data.parse(indicator_data.to_query(state)) == indicator_data.State(indicator)


@pytest.mark.parametrize("indicator", ["t2_forest_cover", "t1_gdp", "t2_forest_growth"])
def test_the_cells_are_the_row_details(indicator):
    view = indicator_data.build(indicator_data.State(indicator))
    detail = indicators.build(indicators.State(table=int(indicator[1]), row=indicator)).detail
    assert (view.headers, view.rows) == (detail.observations.headers, detail.observations.rows)
    assert view.files == {
        "csv": f"/indicator/{indicator}.csv",
        "metadata": f"/indicator/{indicator}.metadata.json",
        "zip": f"/indicator/{indicator}.zip",
    }
    assert view.readme.startswith(f"# {detail.title}（{detail.box}·{detail.row}）")
    assert set(view.metadata["columns"]) == set(view.headers)
