"""AppTest: 指标轨迹 drawn in English and 繁體 from its URL; picking an indicator keeps the language (issue 27)."""

import json
import re

import pytest

from helpers import open_page

HAN = re.compile(r"[\u3400-\u9fff]")
QUOTED = re.compile(r'<span lang="zh-CN">.*?</span>')


@pytest.fixture(scope="module", autouse=True)
def first_run():
    """AppTest's first run of a page in a process may drop the query it was given (tests/test_page_languages.py)."""
    open_page("trajectories")


def texts(at) -> list[str]:
    """Every text the page shows, the plan's and the sources' words (marked zh-CN) left out."""
    found = [at.title[0].value, *(h.value for h in at.header)]
    found += [QUOTED.sub("", e.value) for e in (*at.markdown, *at.caption, *at.info)]
    found += [at.selectbox(key="indicator").label, str(at.selectbox(key="indicator").value)]
    return found


@pytest.mark.parametrize(
    "indicator, title, summary",
    [
        ("t1_gdp", "Trajectories", "2020 target: at least 2.5 trillion yuan (Chapter 1, Section 3)"),
        ("t2_forest_cover", "Trajectories", "Required to meet it: +0.2 percentage points a year"),
    ],
)
def test_the_page_in_english(indicator, title, summary):
    at = open_page("trajectories", {"indicator": indicator, "lang": "en"})
    assert not at.exception
    assert at.title[0].value == title
    assert any(summary in m.value.replace("\\", "") for m in at.markdown)
    assert [t for t in texts(at) if HAN.search(t)] == []
    # The trajectory and the ranking, both in English (their titles, axes and tooltips).
    charts = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    assert len(charts) == 2 and not any(HAN.search(json.dumps(c, ensure_ascii=False).split('"datasets"')[0]) for c in charts)


def test_the_drop_down_names_indicators_in_english():
    at = open_page("trajectories", {"indicator": "t2_forest_cover", "lang": "en"})
    box = at.selectbox(key="indicator")
    assert box.label == "Choose an indicator (type to search)"
    assert "Forest cover (Box 2, row 12)" in box.options


def test_picking_an_indicator_keeps_the_language():
    at = open_page("trajectories", {"lang": "en"})
    at.selectbox(key="indicator").set_value("t2_forest_cover").run()
    assert not at.exception
    assert at.query_params["indicator"] == "t2_forest_cover" and at.query_params["lang"] == "en"
    assert at.title[0].value == "Trajectories"


def test_the_page_in_zh_hant():
    at = open_page("trajectories", {"indicator": "t1_gdp", "lang": "zh-Hant"})
    assert not at.exception
    assert at.title[0].value == "指標軌跡"
    shown = [m.value.replace("\\", "") for m in at.markdown]
    assert any("2020年目標：至少2.5萬億元（第一章第三節）" in s for s in shown)
    # The plan's own sentence stays in 简体, marked so.
    assert any('<span lang="zh-CN">' in s and "全市地区生产总值迈上2.5万亿元新台阶" in s for s in shown)
