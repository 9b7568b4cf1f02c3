"""Chart specs: plain Vega-Lite with their rows inline, and the app's draw-time Arrow form of them."""

import pandas as pd
import pyarrow as pa
import pytest
from streamlit import dataframe_util

from lib.engine import trajectory
from lib.present import charts


def specs():
    yield "acceleration", charts.acceleration_chart(trajectory.level_paces())
    for series_id in ["t1_gdp", "t2_hukou_urbanization", "t2_forest_cover"]:
        points, break_label = trajectory.trajectory(series_id), trajectory.basis_break(series_id)
        yield series_id, charts.trajectory_chart(points, "亿元", break_label)


@pytest.mark.parametrize("name, chart", list(specs()), ids=lambda v: v if isinstance(v, str) else "")
def test_cached_datasets_are_the_bytes_streamlit_would_send(name, chart):
    from lib.present.blocks import Chart
    from pages import _blocks

    inline = chart.to_dict()["datasets"]
    spec = charts.spec(chart)
    assert spec["datasets"] == inline  # the View's spec holds its rows as plain lists
    block = Chart(spec, alt=name)
    cached = _blocks.arrow_spec(block)["datasets"]  # pages/_blocks: the app's draw-time conversion
    assert _blocks.arrow_spec(block) is _blocks.arrow_spec(block)  # converted once per chart
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
