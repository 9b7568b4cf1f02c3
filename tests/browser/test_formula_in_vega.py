"""The formulas through real Vega: the vendored vega.min.js in headless Chromium gives what Python gives.

Each formula (lib/present/formula.py) is written once and generated twice, as a
Python function and as a Vega expression. Here the generated Vega expressions,
the very strings the static edition ships (bake.charts.pace_transforms,
bake.studio.answer_transforms and path_transforms), run in a vega.View over a
grid of inputs, and every computed field is compared with the Python side: the
shown texts and verdicts exactly, the numbers to the last bit where the
arithmetic is the same and within 1e-12 where Math.pow and libm may differ in
the last bit. No stand-in evaluator: Vega parses and runs every expression.
"""

import itertools
import math

import pytest
from playwright.sync_api import Page

from bake import charts, studio
from helpers import data_rows
from lib.engine.rates import PROJECTIONS
from lib.present.formula import Program, Var, fixed, round_to, run, transforms
from lib.views import scenarios
from lib.views.scenarios.catalogue import options_by_id

pytestmark = pytest.mark.browser
# The 专栏2 rows with a public pace slider, read cheaply (a threshold moves as a share); the options are built in the test.
PACE_IDS = [r["indicator_id"] for r in data_rows("indicators.csv", table_no="2") if r["kind"] in (*charts.PACE_KINDS, "threshold")]

# Runs each setting of the signals over the rows and returns the rows as computed.
RUN = """async ({spec, settings}) => {
  const view = new vega.View(vega.parse(spec), {renderer: 'none'});
  const out = [];
  for (const setting of settings) {
    for (const [name, value] of Object.entries(setting)) view.signal(name, value);
    await view.runAsync();
    out.push(view.data('rows').map(row => Object.fromEntries(Object.entries(row))));
  }
  view.finalize();
  return out;
}"""


@pytest.fixture(scope="module")
def vega_page(browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.set_content("<!doctype html><title>vega</title>")
    page.add_script_tag(path=str(charts.VENDOR / "vega.min.js"))
    assert page.evaluate("vega.version") == charts.VEGA_VERSION
    page.errors = errors
    yield page
    assert not errors, errors
    page.close()


def in_vega(page: Page, steps: list[dict], rows: list[dict], settings: list[dict] | None = None) -> list[list[dict]]:
    """Vega-Lite calculate steps (as the bake writes them) as one Vega dataset, run once per setting of the signals."""
    signals = sorted({name for setting in settings or [] for name in setting})
    spec = {
        "signals": [{"name": name, "value": 0} for name in signals],
        "data": [
            {
                "name": "rows",
                "values": rows,
                "transform": [
                    {"type": "formula", "expr": step["calculate"], "as": step["as"]}
                    if "calculate" in step
                    else {"type": "fold", "fields": step["fold"], "as": step["as"]}
                    for step in steps
                ],
            }
        ],
    }
    return page.evaluate(RUN, {"spec": spec, "settings": settings or [{}]})


def same(vega_value, python_value, rel: float = 0.0) -> bool:
    if isinstance(python_value, float) and isinstance(vega_value, int | float) and not isinstance(vega_value, bool):
        return vega_value == python_value or math.isclose(vega_value, python_value, rel_tol=rel, abs_tol=rel)
    return vega_value == python_value


# --- the rounding: half away from zero, noise dropped, as lib.present.numbers ------------------

HALVES = [0.125, -0.125, 2.675, -2.675, 1.005, 0.5, -0.5, 46.5, 45.95, 0.0449999, 1.421e-14, -2.22e-16, 46.000000000000014]
VALUES = HALVES + [x / 7 for x in range(-50, 51, 3)] + [15719.72, 74500.0, 22785.36869743295, -4616.4, 0.0]
ROUNDING: Program = (
    ("rounded", round_to(Var("x"), Var("d"))),
    ("text", fixed(Var("x"), Var("d"))),
    ("signed", fixed(Var("x"), Var("d"), signed=True)),
    ("two", fixed(Var("x"), 2)),  # a fixed number of decimals, as the panels write it
)


def test_the_rounding_is_the_same_in_vega(vega_page):
    rows = [{"x": x, "d": float(d)} for x, d in itertools.product(VALUES, range(5))]
    (computed,) = in_vega(vega_page, transforms(ROUNDING), rows)
    for row in computed:
        expected = run(ROUNDING, {"x": row["x"], "d": row["d"]})
        for name, _formula in ROUNDING:
            assert same(row[name], expected[name]), (row["x"], row["d"], name, row[name], expected[name])
    by_input = {(row["x"], row["d"]): row for row in computed}
    # The half cases, as a reader rounds them
    assert by_input[(0.125, 2.0)]["text"] == "0.13" and by_input[(-0.125, 2.0)]["signed"] == "-0.13"
    assert by_input[(2.675, 2.0)]["text"] == "2.68" and by_input[(46.5, 0.0)]["text"] == "47"
    assert by_input[(1.421e-14, 1.0)]["signed"] == "0" and by_input[(-2.22e-16, 2.0)]["signed"] == "0"


# --- each kind's projection --------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(PROJECTIONS))
def test_each_kinds_projection_is_the_same_in_vega(vega_page, kind):
    program = (("value", PROJECTIONS[kind]),)
    rows = [
        {"start": start, "pace": pace, "years": float(years)}
        for start, pace, years in itertools.product((0.0, 1.53, 45.0, 4644.0), (-5.0, -0.04, 0.0, 0.19, 3.0, 14900.0), range(6))
    ]
    (computed,) = in_vega(vega_page, transforms(program), rows)
    for row in computed:
        expected = run(program, {k: row[k] for k in ("start", "pace", "years")})["value"]
        assert same(row["value"], expected, rel=1e-12), (kind, row, expected)


# --- the static pace slider: the studio's answers for each pace ---------------------------------


def _pace_grid(option) -> list[float]:
    # the slider's ends, the plan's pace, the 2011–2015 pace and points between, on the slider's step
    points = {option.low, option.high, option.plan_pace, *(option.low + (option.high - option.low) * k / 16 for k in range(17))}
    if option.achieved_pace is not None:
        points.add(option.achieved_pace)
    return sorted({round(round(p / option.step) * option.step, 10) for p in points if option.low <= p <= option.high})


@pytest.mark.parametrize("indicator_id", PACE_IDS)
def test_the_pace_slider_shows_what_the_app_shows(vega_page, indicator_id):
    option = options_by_id()[indicator_id]
    steps = charts.pace_transforms(option)
    paces = _pace_grid(option)
    years = range(scenarios.YEARS[0], scenarios.YEARS[1] + 1)
    computed = in_vega(vega_page, steps, [{"year": year} for year in years], [{"pace": pace} for pace in paces])
    studio_ = scenarios.build(scenarios.State(indicator=option.indicator_id)).studio
    ((_name, path),) = studio_.paths
    program = (("value", path), *studio_.program)
    for pace, rows in zip(paces, computed):
        for row in rows:
            expected = run(program, {"pace": pace, "year": row["year"]})
            for name, _formula in program:
                assert same(row[name], expected[name], rel=1e-12 if name in ("value", "gap") else 0.0), (pace, row["year"], name)
        # the 2020 row's words are the app's own answer for this pace (the engine's year-by-year run)
        landing = next(row for row in rows if row["year"] == scenarios.YEARS[1])
        shown = scenarios.build(scenarios.State(indicator=option.indicator_id, pace=pace)).studio.metric_rows[0]
        assert landing["words"] == f"2020年：{shown[0].value}，{shown[2].value}", (pace, landing["words"])


# --- the static GDP and income panels -----------------------------------------------------------


def chart_rows(chart) -> list[dict]:
    """A studio chart's rows (its one named dataset)."""
    return chart.spec["datasets"][chart.spec["data"]["name"]]


def _control_grid(slider) -> list[float]:
    # each slider's ends, the plan's value and three points between, on its step
    points = {slider.low, slider.high, slider.value, *(slider.low + (slider.high - slider.low) * k / 4 for k in (1, 2, 3))}
    return sorted({round(round(p / slider.step) * slider.step, 10) for p in points})


@pytest.mark.parametrize("section", [studio.GDP, studio.INCOMES])
def test_the_panels_answer_what_the_app_answers(vega_page, section):
    view = studio.studio_view(section)
    sliders = view.studio.slider_rows[0]
    settings = [dict(zip((s.key for s in sliders), values)) for values in itertools.product(*(_control_grid(s) for s in sliders))]
    answers = in_vega(vega_page, studio.answer_transforms(view.studio), [{"year": scenarios.YEARS[1]}], settings)
    paths_step = studio.path_transforms(view.studio) if section == studio.GDP else studio.income_path_transforms(view.studio)
    if section == studio.GDP:  # the app's chart rows, 情景A's moved by the sliders
        rows = [{k: row[k] for k in ("year", "value", "series")} for row in chart_rows(view.studio.chart)]
    else:
        rows = [{"year": year} for year in range(scenarios.YEARS[0], scenarios.YEARS[1] + 1)]
    paths = in_vega(vega_page, paths_step, rows, settings)
    for setting, (answer,), drawn in zip(settings, answers, paths):
        app = scenarios.build(scenarios.State(section=section, **setting)).studio
        lines = [answer[field] for field, _formula, _big in studio.answer_lines(view.studio)]
        assert lines == [x for m in app.metric_rows[0] for x in (f"{m.label}：{m.value}", m.delta)], setting
        expected = run(view.studio.program, setting)
        for name, _formula in view.studio.program:
            assert same(answer[name], expected[name], rel=1e-12), (setting, name)
        for row in drawn:
            name = row["series"]
            formula = dict(view.studio.paths).get(name)
            if formula is not None:
                assert same(row["value"], run((("v", formula),), {**setting, "year": row["year"]})["v"], rel=1e-12), (setting, row)
        if section == studio.GDP:  # the drawn 情景A path is the app's
            scenario_a = [row["value"] for row in drawn if row["series"] == studio.SCENARIO]
            app_path = [row["value"] for row in chart_rows(app.chart) if row["series"] == studio.SCENARIO]
            assert all(math.isclose(a, b, rel_tol=1e-12) for a, b in zip(scenario_a, app_path, strict=True)), setting
