"""Markup in the data itself (a district name, a project name) stays inert on the page."""

import json

import pytest

from helpers import inert, open_page
from lib.plan import zones
from lib.plan.zones import tables

HOSTILE = '<img src=x onerror="alert(1)">'


@pytest.fixture()
def hostile_data(monkeypatch):
    """Put markup into 渝中区's names and into the first project's name."""
    districts = zones.load_districts()
    projects = zones.load_projects()
    yuzhong = districts.adcode == "500103"
    for column in ("name_2016", "name_current", "printed_as"):
        districts.loc[yuzhong, column] = HOSTILE + districts.loc[yuzhong, column]
    projects.loc[projects.index[0], "name_zh"] = HOSTILE + "项目"
    # lib.plan.zones reads its tables through lib.plan.zones.tables, so the swap is made there.
    monkeypatch.setattr(tables, "load_districts", lambda: districts.copy())
    monkeypatch.setattr(tables, "load_projects", lambda: projects.copy())
    return districts, projects


def deck_specs(at):
    return [json.loads(chart.proto.json) for chart in at.get("deck_gl_json_chart")]


def test_markup_in_a_district_and_a_project_name_is_shown_as_text(hostile_data):
    at = open_page("zones_map", {"place": "500103"})
    assert not at.exception
    for element in list(at.markdown) + list(at.caption) + list(at.info) + list(at.subheader) + list(at.header):
        assert inert(element.value), element.value
    specs = deck_specs(at)
    assert specs, "the map must still draw"
    text = json.dumps(specs, ensure_ascii=False)
    # Tooltip values are plain text: Streamlit escapes them as it fills the
    # template (checked in the real frontend by tests/browser/test_zones_map_tasks.py).
    rows = [row.get("properties", row) for spec in specs for layer in spec["layers"] for row in layer["data"]]
    tips = [row.get(field, "") for row in rows for field in ("tip_title", "tip_body")]
    assert any(HOSTILE in tip for tip in tips) and "&lt;" not in text
    # In tables the name is a cell value: data, shown as text by the grid.
    cells = " ".join(str(v) for frame in at.dataframe for v in frame.value.to_numpy().ravel())
    assert "onerror" in cells or not at.dataframe
