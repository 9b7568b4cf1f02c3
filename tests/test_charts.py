"""Chart specs: plain Vega-Lite with their rows inline, and the app's draw-time Arrow form of them."""

import pandas as pd
import pyarrow as pa
import pytest
from streamlit import dataframe_util

from lib.engine import trajectory
from lib.present import charts, ranking_chart

SPECS = ["acceleration", "t1_gdp", "t2_hukou_urbanization", "t2_forest_cover"]


def spec_of(name: str):
    """Built in the test, not at collection (issue 22: no test module builds charts at import)."""
    if name == "acceleration":
        return ranking_chart.acceleration_chart(trajectory.level_paces())
    return charts.trajectory_chart(trajectory.trajectory(name), "亿元", trajectory.basis_break(name))


@pytest.mark.parametrize("name", SPECS)
def test_cached_datasets_are_the_bytes_streamlit_would_send(name):
    from lib.present.blocks import Chart
    from pages import _blocks

    chart = spec_of(name)
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


def test_the_target_label_sits_on_a_white_halo_of_itself():
    chart = charts.trajectory_chart(trajectory.trajectory("t1_gdp"), "亿元")
    halo, label = text_layers(chart.to_dict())[:2]
    assert halo["mark"]["stroke"] == "#ffffff" and halo["mark"]["strokeWidth"] > 0
    assert "stroke" not in label["mark"]
    # Same text, place and offset, drawn first: the halo is under the label, never beside it.
    assert halo["encoding"] == label["encoding"]
    assert {k: v for k, v in halo["mark"].items() if not k.startswith("stroke")} == label["mark"]
