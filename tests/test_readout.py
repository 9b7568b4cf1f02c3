"""Issue 26: a chart's keyboard readout (lib/present/readout.py) and the 大字号 / 高对比 choice
(lib/present/display.py), as data both editions draw; the vendored chart2music file unchanged."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from lib.present import display, numbers, readout
from lib.views import trajectories

FOREST = "t2_forest_cover"  # 专栏2 row 12: 37 (2010) → 45 (2015) → at least 46 (2020), a share with no decimals


@pytest.fixture(scope="module")
def every_chart():
    options = trajectories.build(trajectories.State()).options
    charts = {indicator: trajectories.build(trajectories.State(indicator=indicator)).chart for indicator in options}
    return {indicator: chart for indicator, chart in charts.items() if chart is not None}


def test_every_trajectory_chart_gets_a_readout_whose_words_are_its_rows(every_chart):
    """Each point reads the text its chart row shows (written by lib.present.numbers at build time), with the
    unit, and no (position, value) pair has two texts: the browser looks a point's words up by that pair."""
    assert len(every_chart) > 40
    for indicator, chart in every_chart.items():
        found = readout.read(chart)
        assert found is not None, indicator
        assert found.series and all(series.points for series in found.series), indicator
        words: dict[tuple[int, float], str] = {}
        for series in found.series:
            for x, y, text in series.points:
                assert words.setdefault((x, y), text) == text, (indicator, x, y)
                assert 0 <= x < len(found.x_texts)
        shown = {(row.get("line"), row.get("shown"), row.get("label")) for rows in chart.spec["datasets"].values() for row in rows}
        texts = {str(t) for _line, s, lab in shown for t in (s, lab) if t is not None}
        for series in found.series:
            for _x, _y, text in series.points:
                bare = text.removesuffix(" " + found.y_label) if found.y_label != "数值" else text
                assert bare in texts, (indicator, text)


@pytest.mark.parametrize(
    ("indicator", "label", "series", "point", "words"),
    [
        # the printed 2015 figure 45 (专栏2 row 12), a share printed with no decimals
        (FOREST, "森林覆盖率（%）", "实际（规划公布）", 1, ("2015年", f"{numbers.plain(45.0, 0)} %")),
        # the required path in 2016: 45 + (46 − 45) / 5 = 45.2, shown as the plan prints a share (no decimals): 45
        (FOREST, "森林覆盖率（%）", "完成目标所需路径", 1, ("2016年", f"{numbers.plain(45.2, 0)} %")),
        # a five-year rate read by plan period: 2011—2015 real growth 12.8 % as printed (专栏2 row 1)
        ("t2_gdp_growth", "地区生产总值年均增速（%）", "实际（规划公布）", 0, ("2011—2015", "12.8 %")),
    ],
)
def test_a_point_reads_its_period_and_its_value(indicator, label, series, point, words):
    chart = trajectories.build(trajectories.State(indicator=indicator)).chart
    found = readout.read(chart)
    assert found.label == label
    (picked,) = [s for s in found.series if s.name == series]
    x, _y, text = picked.points[point]
    assert (found.x_texts[x], text) == words


def test_the_ranking_reads_each_indicator_and_its_paces():
    chart = trajectories.build(trajectories.State()).ranking_chart
    found = readout.read(chart)
    assert found.kind == "bar"
    assert {s.name for s in found.series} <= {"所需", "以往"}
    assert "名称" not in {s.name for s in found.series}
    first = found.series[0].points[0]
    assert re.fullmatch(r"(所需|以往) -?\d+(\.\d+)?%", first[2]), first


def test_a_chart_of_no_known_shape_has_no_readout():
    from lib.present.blocks import Chart

    assert readout.read(Chart(spec={"datasets": {"d": [{"a": 1}]}}, alt="图")) is None
    assert readout.read(Chart(spec={}, alt="图")) is None


def test_the_readout_travels_as_json_with_chinese_words():
    found = readout.read(trajectories.build(trajectories.State(indicator=FOREST)).chart)
    data = json.loads(found.json())
    assert data["label"] == "森林覆盖率（%）" and data["x_label"] == "年份"
    assert found.control_label.startswith("森林覆盖率（%）：")


def test_chart2music_is_the_vendored_release_unchanged():
    table = (readout.STATIC / "vendor" / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256(readout.CHART2MUSIC.read_bytes()).hexdigest()
    assert f"`{digest}`" in table
    assert (readout.CHART2MUSIC.parent / "LICENSE").read_text().startswith("MIT License")


def test_the_readout_script_answers_chart2music_in_chinese():
    """Every message the script gives chart2music is Chinese (key names such as PageUp aside), and a
    message it lacks is answered with "" rather than falling back to chart2music's English."""
    script = readout.SCRIPT.read_text(encoding="utf-8")
    table = script[script.index("var ZH = {") : script.index("};", script.index("var ZH = {"))]
    messages = re.findall(r'^\s+"?[\w-]+"?: "(.*)",?$', table, flags=re.MULTILINE)
    assert len(messages) > 50
    keys = r"PageUp|PageDown|Ctrl|Alt|Shift|Home|End|Fn|Tab|chart2music"  # key names and the library's own name
    words = [re.sub(r"\{\w+\}", "", m) for m in messages]  # placeholders the callback fills
    english = [w for w in words if re.search(rf"\b(?!(?:{keys})\b)[A-Za-z]{{2,}}", w)]
    assert english == [], english
    assert 'if (text === undefined) return "";' in script


@pytest.mark.parametrize(
    ("values", "modes", "refused"),
    [
        ([], (), False),
        (["large"], ("large",), False),
        (["contrast,large"], ("large", "contrast"), False),  # always in MODES' order
        (["large", "contrast"], ("large", "contrast"), False),
        (["huge"], (), True),
        (["large,<b>"], ("large",), True),
        ([""], (), False),
    ],
)
def test_display_modes_from_the_url(values, modes, refused):
    assert display.modes_of(values) == (modes, refused)


def test_a_chart_follows_the_modes_without_its_spec_changing():
    chart = trajectories.build(trajectories.State(indicator=FOREST)).chart
    before = json.dumps(chart.spec, sort_keys=True, ensure_ascii=False)
    large = display.styled(chart.spec, ("large",))
    both = display.styled(chart.spec, ("large", "contrast"))
    assert json.dumps(chart.spec, sort_keys=True, ensure_ascii=False) == before
    assert large["config"]["axis"]["labelFontSize"] == 18 > chart.spec["config"]["axis"]["labelFontSize"]
    assert both["config"]["axis"]["labelColor"] == display.INK
    assert both["config"]["axis"]["grid"] is True  # the chart's own settings stay
    assert display.styled(chart.spec, ()) == dict(chart.spec)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize(("colour", "least"), [(display.INK, 7), (display.GRID, 4.5)])
def test_high_contrast_colours_meet_the_ratio_on_white(colour, least):
    # WCAG's ratio (L1 + 0.05) / (L2 + 0.05): text 4.5:1 at least, 7:1 preferred (issue 26)
    assert (1 + 0.05) / (_luminance(colour) + 0.05) >= least
