"""The static edition's studio panels in English and 繁體 (issue 27): bake/studio.panel(section, lang)
ships the studio View's words in that language, and Vega (vl-convert's, at bake time) draws them."""

from __future__ import annotations

import html
import json
import re

import pytest

from bake import charts, studio
from lib.views import scenarios

HAN = re.compile(r"[\u3400-\u9fff]")
SECTIONS = (studio.GDP, studio.INCOMES)


def drawn_texts(spec: dict) -> list[str]:
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", charts.svg(spec))]


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
@pytest.mark.parametrize("section", SECTIONS)
def test_the_panel_draws_the_views_answers_in_its_language(section, lang):
    panel = studio.panel(section, lang)
    view = scenarios.build(scenarios.State(section=section, lang=lang))
    assert panel.lang == lang and panel.caption == view.studio.caption
    assert [s.label for s in panel.sliders] == [s.label for s in view.studio.slider_rows[0]]
    assert [p["bind"]["name"] for p in panel.spec["params"]] == [s.label for s in view.studio.slider_rows[0]]
    texts = drawn_texts(panel.spec)
    separator = ": " if lang == "en" else "："
    for metric in view.studio.metric_rows[0]:
        assert f"{metric.label}{separator}{metric.value}" in texts  # computed by Vega from the sliders at the plan's values
        assert metric.delta in texts
    assert panel.heading in texts


@pytest.mark.parametrize("section", SECTIONS)
def test_an_english_panel_holds_no_han_character(section):
    panel = studio.panel(section, "en")
    vega = charts.vega_spec(panel.spec)
    assert HAN.findall(json.dumps(vega, ensure_ascii=False)) == []
    assert not HAN.search(panel.heading + panel.caption.text)
    assert not HAN.search(vega["description"])  # the one label a screen reader gets, joined in English


@pytest.mark.parametrize("section", SECTIONS)
def test_the_simplified_panel_is_unchanged_by_default(section):
    assert studio.panel(section) == studio.panel(section, "zh-CN")
    assert studio.panel(section).heading.startswith("情景推演：")


def test_the_english_gdp_readout_reads_english():
    panel = studio.panel(studio.GDP, "en")
    found = studio.readout(panel, charts.vega_spec(panel.spec))
    assert found.lang == "en" and found.x_texts[0] == "2015" and found.x_label == "Year"
    assert not HAN.search(found.json() + found.how + found.control_label)
