"""Chart specs: cached with their data already in the form Streamlit sends it."""

import pandas as pd
import pyarrow as pa
import pytest
from streamlit import dataframe_util

from lib.engine import trajectory
from lib.present import charts, ranking_chart


def specs():
    yield "acceleration", ranking_chart.acceleration_chart(trajectory.level_paces())
    for series_id in ["t1_gdp", "t2_hukou_urbanization", "t2_forest_cover"]:
        points, break_label = trajectory.trajectory(series_id), trajectory.basis_break(series_id)
        yield series_id, charts.trajectory_chart(points, "亿元", break_label)


@pytest.mark.parametrize("name, chart", list(specs()), ids=lambda v: v if isinstance(v, str) else "")
def test_cached_datasets_are_the_bytes_streamlit_would_send(name, chart):
    inline = chart.to_dict()["datasets"]
    cached = charts.spec(chart)["datasets"]
    assert set(cached) == set(inline)
    for key, values in inline.items():
        # Streamlit's own conversion of the inline rows: what it would do on every rerun.
        assert cached[key] == dataframe_util.convert_anything_to_arrow_bytes(values)
        rows = pa.ipc.open_stream(cached[key]).read_all().to_pandas()
        assert len(rows) == len(values)
        pd.testing.assert_frame_equal(rows.reset_index(drop=True), pd.DataFrame(values), check_dtype=False)


def text_layers(spec: dict) -> list[dict]:
    return [layer for layer in spec["layer"] if (layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]) == "text"]


@pytest.mark.parametrize("chart", [charts.trajectory_chart(trajectory.trajectory("t1_gdp"), "亿元")], ids=["trajectory"])
def test_the_target_label_sits_on_a_white_halo_of_itself(chart):
    halo, label = text_layers(chart.to_dict())[:2]
    assert halo["mark"]["stroke"] == "#ffffff" and halo["mark"]["strokeWidth"] > 0
    assert "stroke" not in label["mark"]
    # Same text, place and offset, drawn first: the halo is under the label, never beside it.
    assert halo["encoding"] == label["encoding"]
    assert {k: v for k, v in halo["mark"].items() if not k.startswith("stroke")} == label["mark"]
