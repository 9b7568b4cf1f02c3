"""Issue 26 in Chromium at 1280×720 and 390×844: the slider charts read out as set. In the app, the
studio's chart (情景推演) steps by keyboard from 2015 to 2016 and says the View's figure; in the
static edition, the pace chart reads the plan's pace before Vega has run, and after the slider is
moved its 2020 point says the new figure, the studio View's for that pace."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from bake import charts
from browser_helpers import SCREENSHOTS, assert_healthy, assert_no_english, assert_no_overflow, wait_until_idle
from lib.present.formula import run as run_program
from lib.views import scenarios
from lib.views.scenarios.catalogue import options_by_id

pytestmark = pytest.mark.browser
SIZES = {"projector": (1280, 720), "phone": (390, 844)}
TRADE = "t2_trade"  # 进出口总额, 4644 亿元 in 2015, a level in 亿元
FOREST = "t2_forest_cover"  # 森林覆盖率, 45 → 46 %, a share with no decimals


def _words(state: scenarios.State, series: str, year: int) -> str:
    """A point's words as the View's rows give them: the figure (lib.present.numbers) and the unit."""
    rows = scenarios.build(state).studio.chart.spec["datasets"]["scenario"]
    (row,) = [r for r in rows if r["series"] == series and r["year"] == year]
    unit = scenarios.build(state).studio.chart.spec["layer"][0]["encoding"]["y"]["title"]
    return f"{year}年, {row['shown']} {unit}"


def _pace_words(state: scenarios.State, year: int) -> str:
    """A pace-chart point's words: the studio's program run on that year's value, as the chart's
    tooltip computes it in Vega (bake.charts.pace_transforms), with the unit."""
    studio = scenarios.build(state).studio
    (row,) = [r for r in studio.chart.spec["datasets"]["scenario"] if r["series"] == "情景A" and r["year"] == year]
    shown = run_program((*studio.program, ("shown", studio.shown)), {"value": row["value"]})["shown"]
    return f"{year}年, {shown} %"


def _watch(page) -> list[str]:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return problems


@pytest.mark.parametrize("viewport", SIZES.values(), ids=SIZES.keys())
def test_app_studio_chart_steps_by_keyboard(watched, app_url, viewport):
    page = watched
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{app_url}/scenarios?indicator={TRADE}&pace=10")
    wait_until_idle(page)
    holder = page.locator(".readout[data-readout-ready]")
    expect(holder).to_have_count(1, timeout=30_000)
    holder.scroll_into_view_if_needed()
    holder.locator(".readout-control").focus()
    page.keyboard.press("ArrowRight")
    state = scenarios.State(indicator=TRADE, pace=10.0)
    # 4644 × 1.1 = 5108.4 亿元 in 2016, as the View shows it
    expect(holder.locator(".readout-cc")).to_contain_text(_words(state, "情景A", 2016))
    page.keyboard.press("End")
    expect(holder.locator(".readout-cc")).to_contain_text(_words(state, "情景A", 2020))
    page.screenshot(path=SCREENSHOTS / f"readout-studio-app-{viewport[0]}x{viewport[1]}.png")
    assert_no_overflow(page)
    assert_no_english(page)
    assert_healthy(page)


@pytest.mark.parametrize("viewport", SIZES.values(), ids=SIZES.keys())
def test_static_pace_chart_follows_the_slider(page, site_url, viewport):
    problems = _watch(page)
    option = options_by_id()[FOREST]
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{site_url}/indicator/{FOREST}/")
    control = page.get_by_label(re.compile("按假设速度推算的2020年落点.*键盘读图"))
    holder = page.locator(".readout").filter(has=control)
    # before anything runs, the baked words are the plan's pace: the studio View at its defaults
    baked = json.loads(holder.get_attribute("data-readout"))
    plan = scenarios.State(indicator=FOREST)
    assert baked["series"][0]["name"] == charts.PACE_SERIES
    assert f"{baked['x_texts'][5]}, {baked['series'][0]['points'][5][2]}" == _pace_words(plan, 2020)
    expect(holder).to_have_attribute("data-readout-ready", "1", timeout=30_000)
    control.focus()
    page.keyboard.press("ArrowRight")
    # 45 + (46 − 45) / 5 = 45.2 in 2016, whether Vega has started or not
    expect(holder.locator(".readout-cc")).to_contain_text(_pace_words(plan, 2016))
    # the reader's interaction started Vega: the chart is live, its slider in the figure above the readout
    figure = holder.locator("xpath=preceding-sibling::figure[1]")
    expect(figure.locator(".vega.drawn")).to_have_count(1, timeout=30_000)
    slider = figure.locator("input[type=range]")
    slider.fill(str(option.high))
    moved = scenarios.State(indicator=FOREST, pace=option.high)
    assert _pace_words(moved, 2020) != _pace_words(plan, 2020)  # the slider's end lands elsewhere
    control.focus()
    page.keyboard.press("End")
    expect(holder.locator(".readout-cc")).to_contain_text(_pace_words(moved, 2020))
    page.screenshot(path=SCREENSHOTS / f"readout-pace-static-{viewport[0]}x{viewport[1]}.png")
    assert_no_overflow(page)
    assert not re.search(r"\b(Sonified|chart|Press|Use arrow|updated)\b", page.locator("main").inner_text())
    assert not problems, problems


@pytest.mark.parametrize("viewport", SIZES.values(), ids=SIZES.keys())
def test_static_gdp_panel_follows_its_growth_slider(page, site_url, viewport):
    problems = _watch(page)
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{site_url}/indicator/t1_gdp/")
    control = page.get_by_label(re.compile("情景推演：地区生产总值.*键盘读图"))
    holder = page.locator(".readout").filter(has=control)
    plan = scenarios.State(section=scenarios.SECTIONS[1])
    expect(holder).to_have_attribute("data-readout-ready", "1", timeout=30_000)
    control.focus()
    page.keyboard.press("End")
    expect(holder.locator(".readout-cc")).to_contain_text(_words(plan, "情景A", 2020))
    figure = holder.locator("xpath=preceding-sibling::figure[1]")
    expect(figure.locator(".vega.drawn")).to_have_count(1, timeout=30_000)
    real = scenarios.controls()["gdp_real"]
    figure.locator("input[type=range]").first.fill(str(real.high))  # 实际增长, the panel's first slider
    moved = scenarios.State(section=scenarios.SECTIONS[1], gdp_real=real.high)
    assert _words(moved, "情景A", 2020) != _words(plan, "情景A", 2020)
    control.focus()
    page.keyboard.press("End")
    expect(holder.locator(".readout-cc")).to_contain_text(_words(moved, "情景A", 2020))
    # the reported years and the target do not move with the slider
    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    expect(holder.locator(".readout-cc")).to_contain_text("实际（统计公报）")  # the series is named first
    page.keyboard.press("End")
    expect(holder.locator(".readout-cc")).to_contain_text(_words(moved, "实际（统计公报）", 2020))
    assert _words(moved, "实际（统计公报）", 2020) == _words(plan, "实际（统计公报）", 2020)
    page.screenshot(path=SCREENSHOTS / f"readout-gdp-static-{viewport[0]}x{viewport[1]}.png")
    assert_no_overflow(page)
    assert not problems, problems
