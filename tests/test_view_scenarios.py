"""情景推演's State and View: parse, to_query, presets and build, table-driven."""

import ast
import dataclasses
from pathlib import Path

import pytest

from lib.engine.rates import project
from lib.present.formula import function
from lib.present.numbers import figure, printed_decimals
from lib.views import scenarios as page
from lib.views.query import Notice
from lib.views.scenarios import State, formulas
from lib.views.scenarios.formulas import gap_decimals

ROOT = Path(__file__).resolve().parent.parent
PLAN = State()


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, PLAN),
        # The README's prepared links.
        ({"presenter": "true", "section": "地区生产总值", "gdp_real": "7"}, State(presenter=True, section="地区生产总值", gdp_real=7.0)),
        (
            {"presenter": "true", "section": "城乡收入", "urban_income": "8", "rural_income": "8"},
            State(presenter=True, section="城乡收入", urban_income=8.0, rural_income=8.0),
        ),
        (
            {"presenter": "true", "indicator": "森林覆盖率（专栏2·12）", "compare": "true"},
            State(presenter=True, indicator="t2_forest_cover", compare=True),
        ),
        ({"indicator": "t2_forest_cover", "pace": "0.3", "pace_b": "1.6"}, State(indicator="t2_forest_cover", pace=0.3, pace_b=1.6)),
        (
            {"indicator": "t2_forest_cover", "yearly": "true", "pace_2017": "1"},
            State(indicator="t2_forest_cover", yearly=True, yearly_paces=(None, 1.0, None, None, None)),
        ),
        # Older links named the indicator in every pace key.
        ({"indicator": "t2_trade", "pace_t2_trade": "3", "paceb_t2_trade": "5"}, State(indicator="t2_trade", pace=3.0, pace_b=5.0)),
        ({"indicator": "t2_trade", "pace_t2_trade_2018": "3"}, State(indicator="t2_trade", yearly_paces=(None, None, 3.0, None, None))),
        # A value equal to the plan's is the plan: 0.2 points a year is 森林覆盖率's required pace ((46 − 45)/5).
        ({"indicator": "t2_forest_cover", "pace": "0.2"}, State(indicator="t2_forest_cover")),
        ({"gdp_real": "9"}, PLAN),  # 专栏2 row 1: 9
        ({"handout": "true"}, State(handout=True)),
        ({"presenter": "True"}, State(presenter=True)),
    ],
)
def test_parse_reads_good_values(query, expected):
    assert page.parse(query) == expected


@pytest.mark.parametrize(
    "query, expected, refused",
    [
        ({"gdp_real": "abc"}, PLAN, [Notice("gdp_real", "abc")]),
        ({"gdp_real": "1e308"}, PLAN, [Notice("gdp_real", "1e308")]),
        ({"gdp_real": "nan"}, PLAN, [Notice("gdp_real", "nan")]),
        ({"gdp_real": "15.5"}, PLAN, [Notice("gdp_real", "15.5")]),  # above the slider's 15
        ({"gdp_real": "７"}, PLAN, [Notice("gdp_real", "７")]),  # full-width digits are refused
        ({"gdp_real": ["7", "8"]}, State(gdp_real=7.0), [Notice("gdp_real", "8")]),  # the first of a repeated key
        ({"section": "<b>x</b>"}, PLAN, [Notice("section", "<b>x</b>")]),
        ({"indicator": "t2_nope"}, PLAN, [Notice("indicator", "t2_nope")]),
        ({"presenter": "maybe"}, PLAN, [Notice("presenter", "maybe")]),
        ({"unknown_key": "1"}, PLAN, [Notice("unknown_key", "1")]),
        ({"pace": "-999"}, PLAN, [Notice("pace", "-999")]),
        # A legacy key for another indicator than the one shown is unknown.
        ({"pace_t2_trade": "3"}, PLAN, [Notice("pace_t2_trade", "3")]),
    ],
)
def test_parse_refuses_hostile_values(query, expected, refused):
    state = page.parse(query)
    assert dataclasses.replace(state, notices=()) == expected
    assert list(state.notices) == refused


@pytest.mark.parametrize(
    "state",
    [
        PLAN,
        State(presenter=True, section="地区生产总值", gdp_real=6.5, gdp_deflator=0.0),
        State(indicator="t2_new_construction_land", pace=16000.0, compare=True, pace_b=12000.0),
        State(indicator="t2_rd_share", yearly=True, yearly_paces=(0.1, 0.1, 0.2, None, 0.3)),
        State(section="城乡收入", urban_income=8.0, rural_income=8.0, urbanization=70.0, handout=True),
    ],
)
def test_to_query_round_trips(state):
    assert page.parse(page.to_query(state)) == state


def test_the_plan_is_the_empty_query():
    assert page.to_query(PLAN) == {}
    assert page.to_query(State(indicator="t2_forest_cover", pace=0.2)) == {"indicator": ["t2_forest_cover"]}


@pytest.mark.parametrize(
    "name, expected",
    [
        ("规划情景：全部按规划数字", State(section="城乡收入")),  # sliders to the plan, the panel kept
        ("经济放缓：实际增长7%", State(section="地区生产总值", gdp_real=7.0)),
        ("经济放缓：实际增长6.5%，物价持平", State(section="地区生产总值", gdp_real=6.5, gdp_deflator=0.0)),
        ("城乡收入同速增长8%", State(section="城乡收入", urban_income=8.0, rural_income=8.0)),
        # 森林覆盖率 2010 → 2015: 专栏1 prints 五年提高 8 points → 1.6 a year
        ("森林覆盖率按“十二五”速度提高", State(section="任选指标", indicator="t2_forest_cover", pace=1.6)),
        # R&D 1.27 → 1.53 (专栏1): 0.052 a year, on the slider's 0.01 grid: 0.05
        ("研发投入按“十二五”速度提高", State(section="任选指标", indicator="t2_rd_share", pace=0.05)),
    ],
)
def test_a_preset_is_a_state_and_the_state_names_its_preset(name, expected):
    start = State(section="城乡收入", urban_income=3.0, gdp_real=5.0)
    assert page.with_preset(start, name) == expected
    assert page.preset_of(expected) == name
    assert page.parse(page.to_query(expected)) == expected  # so F5 and a copied link keep it


def test_a_moved_slider_leaves_every_preset():
    assert page.preset_of(State(section="地区生产总值", gdp_real=7.1)) is None


def test_reset_keeps_the_panel_and_toggles():
    moved = State(presenter=True, indicator="t2_trade", compare=True, pace=3.0, pace_b=4.0, gdp_real=6.0)
    assert page.at_plan(moved) == State(presenter=True, indicator="t2_trade", compare=True)


def metric_values(view):
    return [[(m.label, m.value, m.delta) for m in row] for row in view.studio.metric_rows]


@pytest.mark.parametrize(
    "state, rows",
    [
        # 森林覆盖率 45 → 46 at 0.2 points a year: exactly 46, shown as printed (no decimals), gap 0, no sign.
        (
            State(indicator="t2_forest_cover", compare=True),
            [
                [("情景A：2020年", "46 %", None), ("与目标之差", "0 个百分点", None), ("结论", "达到目标", "按此速度2020年达标")],
                [("情景B：2020年", "46 %", None), ("与目标之差", "0 个百分点", None), ("结论", "达到目标", "按此速度2020年达标")],
            ],
        ),
        # 45 + 5 × 0.19 = 45.95: the miss gets the digits it needs; 46 is passed in 2021 (45 + 6 × 0.19 = 46.14)
        (
            State(indicator="t2_forest_cover", pace=0.19),
            [[("情景A：2020年", "45.95 %", None), ("与目标之差", "-0.05 个百分点", None), ("结论", "未达目标", "按此速度2021年达标")]],
        ),
        # 万人发明专利 4.3 → 6 at 6.89 % (the required 6.88 % rounded up): 6.0000358, printed with one decimal → 6.0, gap 0
        (
            State(indicator="t2_invention_patents"),
            [[("情景A：2020年", "6.0 件", None), ("与目标之差", "0 件", None), ("结论", "达到目标", "按此速度2020年达标")]],
        ),
        # 城乡收入比 2.6 → 2.4∶1 at −0.04 a year: 2.4000000000000004 → 2.4∶1, gap 0
        (
            State(indicator="t2_urban_rural_income_ratio"),
            [[("情景A：2020年", "2.4∶1", None), ("与目标之差", "0", None), ("结论", "达到目标", "按此速度2020年达标")]],
        ),
        # 净增建设用地 ＜【75000】 at 14900 a year: 74500 by 2020, under the cap; 89400 in 2021 passes it
        (
            State(indicator="t2_new_construction_land"),
            [
                [
                    ("情景A：到2020年累计", "74500 公顷", None),
                    ("与上限之差", "-500 公顷", "-0.7%"),
                    ("结论", "达到目标", "未超上限；2021年才超过"),
                ]
            ],
        ),
        # 16000 a year: 80000 by 2020; 64000 in 2019, 80000 in 2020 passes 75000 in 2020
        (
            State(indicator="t2_new_construction_land", pace=16000.0),
            [[("情景A：到2020年累计", "80000 公顷", None), ("与上限之差", "+5000 公顷", "+6.7%"), ("结论", "未达目标", "2020年超过上限")]],
        ),
        # 进出口 4644 at 3 %: 4644 × 1.03^5 = 5383.6 亿元; (5383.6 − 10000)/10000 = −46.2 %
        (
            State(indicator="t2_trade", pace=3.0),
            [[("情景A：2020年", "5384 亿元", None), ("与目标之差", "-4616 亿元", "-46.2%"), ("结论", "未达目标", "2025年前不能达标")]],
        ),
        # GDP: 15720 × (1.09 × 1.0066)^5 = 24998.6 → 2.50 万亿元, level with 2.5万亿元 (no −0.00)
        (
            State(section="地区生产总值"),
            [
                [
                    ("2020年地区生产总值（现价）", "2.50 万亿元", "达到目标：与2020年目标持平（2.5万亿元）"),
                    ("2020年人均地区生产总值", "7.80 万元", "+0.30 万元，达到目标（2020年目标：7.5万元左右）"),
                ]
            ],
        ),
        # 15720 × (1.07 × 1.0066)^5 = 22787 亿元 = 2.28 万亿元; 52330 × (1.07 × 1.0066 / 1.013)^5 = 71076 元
        (
            State(section="地区生产总值", gdp_real=7.0),
            [
                [
                    ("2020年地区生产总值（现价）", "2.28 万亿元", "-0.22 万亿元，未达目标（2020年目标：2.5万亿元）"),
                    ("2020年人均地区生产总值", "7.11 万元", "-0.39 万元，未达目标（2020年目标：7.5万元左右）"),
                ]
            ],
        ),
        # Both incomes at 8 %: the 2015 ratio 27239/10505 = 2.59∶1 stays
        (
            State(section="城乡收入", urban_income=8.0, rural_income=8.0),
            [
                [
                    ("2020年城乡收入比", "2.59∶1", "+0.19，未达目标（2020年目标：2.4∶1）"),
                    ("常住居民人均可支配收入年均增速", "9.35%", "-0.15 个百分点，未达目标（2020年目标：9.5%）"),
                ]
            ],
        ),
        (
            State(section="城乡收入"),
            [
                [
                    ("2020年城乡收入比", "2.40∶1", "达到目标：与2020年目标持平（2.4∶1）"),
                    ("常住居民人均可支配收入年均增速", "9.50%", "达到目标：与2020年目标持平（9.5%）"),
                ]
            ],
        ),
    ],
)
def test_build_shows_these_numbers(state, rows):
    assert metric_values(page.build(state)) == rows


@pytest.mark.parametrize(
    "state, caption",
    [
        # Every target with its unit; the required pace worded as 指标总览 words it (lib.engine.pace)
        (
            State(indicator="t2_forest_cover"),
            "2015年：45%；2020年目标：46%；所需速度：年均 +0.2 个百分点；“十二五”速度：年均 +1.6 个百分点",
        ),
        # (2.2 − 1.53)/5 = 0.134 → 0.13 as 指标总览 shows it; the slider starts at 0.14, on the grid's side that meets 2.2
        (
            State(indicator="t2_rd_share"),
            "2015年：1.53%；2020年目标：2.2%；所需速度：年均 +0.13 个百分点（滑块默认 0.14，取刻度上达标的一侧）；“十二五”速度：年均 +0.05 个百分点",
        ),
        (
            State(indicator="t2_new_construction_land"),
            "2016—2020年累计目标：＜【75000】公顷；所需速度：五年累计不超过 75000 公顷（上限）（滑块默认 14900，取刻度上达标的一侧）；“十二五”速度：―",
        ),
        (
            State(section="地区生产总值"),
            "规划：实际增长9%左右（专栏2第1行）。规划未列价格涨幅：默认 0.66% 由 2.5万亿元与9% 推算；"
            "人口增速默认 1.30% 由“常住人口累计增加200万左右”（第十二章第二节）推算。"
            "实际（统计公报）：各年实际增长10.7%、9.3%、6.0%、6.3%、3.9%（2016—2020年），价格涨幅按默认 0.66% 折成现价。",
        ),
    ],
)
def test_build_explains_where_the_numbers_come_from(state, caption):
    assert page.build(state).studio.caption.text == caption


def test_the_default_indicator_is_a_headline_target():
    view = page.build(PLAN)
    assert view.studio.heading == "服务业增加值占地区生产总值比重"  # 专栏2 row 4, the overview's 服务业比重 card
    assert view.preset == "规划情景：全部按规划数字"


def test_the_share_link_reopens_the_state():
    from urllib.parse import parse_qs, urlsplit

    from lib.present import routes

    state = State(presenter=True, section="地区生产总值", gdp_real=7.0)
    view = page.build(state)
    assert view.share.page == view.handout.page == view.studio_link.page == "scenarios"
    assert page.parse(parse_qs(urlsplit(routes.app_path(view.share)).query)) == state
    handout = page.parse(parse_qs(urlsplit(routes.app_path(view.handout)).query))
    assert handout == dataclasses.replace(state, handout=True, presenter=False)
    assert page.parse(view.studio_link.params()) == dataclasses.replace(state, handout=False)


@pytest.mark.parametrize(
    "raws, decimals",
    [
        (("45", "46"), 0),
        (("1.53", "2.2"), 2),
        (("", "【12.3】"), 1),
        (("2.6∶1", "2.4∶1"), 1),
        (("1.95", "1.85∶1"), 2),
        (("", "＜【75000】"), 0),
    ],
)
def test_printed_decimals(raws, decimals):
    assert printed_decimals(*raws) == decimals


@pytest.mark.parametrize(
    "value, decimals, signed, shown",
    [
        (1.421e-14, 1, True, "0"),  # float noise at the plan's defaults
        (-2.22e-16, 2, True, "0"),  # no −0
        (3.579e-05, 1, True, "0"),
        (46.000000000000014, 0, False, "46"),
        (46.5, 0, False, "47"),  # half away from zero, as a reader rounds
        (-0.05000000000000071, 2, True, "-0.05"),
        (0.5, 1, True, "+0.5"),
        (float("nan"), 1, False, "―"),
    ],
)
def test_figure(value, decimals, signed, shown):
    assert figure(value, decimals, signed) == shown


@pytest.mark.parametrize(
    "gap, printed, resolution, decimals",
    [
        (3.58e-05, 1, 0.0028, 1),  # a rounding overshoot far below one slider step: the plan's decimals
        (0.5, 0, 0.05, 1),  # 46.5 against 46
        (-0.05, 0, 0.05, 2),  # 45.95 against 46
        (-4616.4, 0, 4.3, 0),
    ],
)
def test_gap_decimals(gap, printed, resolution, decimals):
    assert gap_decimals(gap, printed, resolution) == decimals


# The plan figures the scenario code once held as constants (issue 12), and how they read in words.
PLAN_NUMBERS = {15720, 52330, 25000, 75000, 27239, 10505, 2.4, 9.5, 60.9, 7.9, 200, 9}
PLAN_WORDS = ("2.5万亿", "7.5万", "9%左右", "9.5%", "2.4∶1", "200万", "1.58")


def literals(tree):
    """Every constant in the code, leaving out docstrings (they may show the arithmetic)."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and id(node) not in docstrings]


@pytest.mark.parametrize(
    "path",
    [
        "lib/engine/scenario.py",
        "lib/engine/economy.py",
        "lib/views/scenarios/catalogue.py",
        "lib/views/scenarios/chart.py",
        "lib/present/numbers.py",
        "lib/present/formula/nodes.py",
        "lib/present/formula/python.py",
        "lib/present/formula/vega.py",
        "lib/views/scenarios/__init__.py",
        "lib/views/scenarios/state.py",
        "lib/views/scenarios/formulas.py",
        "lib/views/scenarios/studio.py",
        "pages/scenarios.py",
    ],
)
def test_no_plan_figure_is_written_in_the_code(path):
    values = literals(ast.parse((ROOT / path).read_text(encoding="utf-8")))
    numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool) and v in PLAN_NUMBERS]
    words = [v for v in values if isinstance(v, str) and any(w in v for w in PLAN_WORDS)]
    assert not numbers and not words


# --- the View is plain data, and the package's shape -------------------------------------------

PACKAGE = ROOT / "lib" / "views" / "scenarios"


def _walk_leaves(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _walk_leaves(getattr(value, f.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _walk_leaves(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk_leaves(item)
    else:
        yield value


@pytest.mark.parametrize(
    "state",
    [
        PLAN,
        State(indicator="t2_forest_cover", compare=True, yearly=True),
        State(presenter=True, section="地区生产总值", gdp_real=7.0),
        State(section="城乡收入", handout=True),
    ],
    ids=["plan", "forest", "gdp", "incomes"],
)
def test_the_view_is_plain_data_for_any_renderer(state):
    """No Markdown, no Arrow bytes, no DataFrame, no URL: texts, numbers, blocks, formulas and Targets."""
    import json

    import pandas as pd

    from lib.present.blocks import Target

    view = page.build(state)
    leaves = list(_walk_leaves(view))
    assert not [leaf for leaf in leaves if isinstance(leaf, bytes | pd.DataFrame)]
    texts = [leaf for leaf in leaves if isinstance(leaf, str)]
    assert not [t for t in texts if t.startswith("?") or "://" in t and not t.startswith("https://vega.github.io/schema/")]
    assert not [t for t in texts if "| ---" in t or t.startswith("**") or "](" in t]
    assert all(isinstance(link, Target) and link.page == "scenarios" for link in (view.share, view.handout, view.studio_link))
    json.dumps(dataclasses.asdict(view), ensure_ascii=False)  # the data API for free


def _imports(path: Path) -> set[str]:
    """The modules a file imports: ``from a.b import c`` is a.b.c where c is a module, else a.b."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                module = f"{node.module}.{alias.name}"
                is_module = (ROOT / module.replace(".", "/")).with_suffix(".py").exists() or (ROOT / module.replace(".", "/")).is_dir()
                found.add(module if is_module else node.module)
    return found


def test_the_dependencies_go_one_way():
    """__init__ reads state and studio; studio reads state and the helpers; none of them reads
    the package's own names or studio back (state, catalogue, chart, formulas never read studio)."""
    package = "lib.views.scenarios"
    for name in ("state", "studio", "catalogue", "chart", "formulas"):
        imports = _imports(PACKAGE / f"{name}.py")
        assert package not in imports and f"{package}.studio" not in imports, (name, imports)
    for name in ("catalogue", "chart", "formulas"):
        assert f"{package}.state" not in _imports(PACKAGE / f"{name}.py"), name
    assert {f"{package}.state", f"{package}.studio"} <= _imports(PACKAGE / "__init__.py")


def test_no_module_of_the_studio_is_over_300_lines():
    for path in [*PACKAGE.glob("*.py"), *(ROOT / "lib" / "present" / "formula").glob("*.py"), ROOT / "bake" / "studio.py"]:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path


def test_the_baked_panels_read_only_views_and_presentation_helpers():
    lib_imports = {i for i in _imports(ROOT / "bake" / "studio.py") if i.startswith("lib")}
    assert lib_imports and all(i.startswith(("lib.views", "lib.present")) for i in lib_imports), lib_imports


# The pace that lands on a typed 2020 value, each kind's projection solved for its pace (formulas.PACE_FOR):
# R&D 1.53 → 2.0: (2.0 − 1.53)/5 = 0.094; 进出口 4644 → 10000: (10000/4644)^(1/5) − 1 = 16.58 %;
# PM2.5 cut 12.3 % over five years: 1 − (1 − 0.123)^(1/5) = 2.59 %/年; 净增建设用地 75000 over five: 15000 a year.
@pytest.mark.parametrize(
    "indicator, goal, shown",
    [
        ("t2_rd_share", 2.0, "2.00 %"),
        ("t2_forest_cover", 46.5, "46.5 %"),
        ("t2_trade", 9000.0, "9000 亿元"),
        ("t2_pm25_cut", 10.0, "10.0 %"),
        ("t2_new_construction_land", 60000.0, "60000 公顷"),
        ("t2_metro_eco_gdp_pc_ratio", 1.8, "1.80∶1"),
    ],
)
def test_a_typed_goal_gives_the_pace_that_lands_exactly_on_it(indicator, goal, shown):
    state = page.with_goal(State(indicator=indicator, yearly=True), goal)
    assert not state.yearly and state.pace is not None
    assert page.parse(page.to_query(state)) == state  # the solved pace survives the URL
    (value, *_), *_ = page.build(state).studio.metric_rows
    assert value.value == shown
    slider = page.build(state).studio.slider_rows[0][0]
    assert round(slider.value, slider.decimals) == slider.value  # the slider's figure is its value: 0.094, not 0.09


@pytest.mark.parametrize("kind", sorted(formulas.PACE_FOR))
def test_each_inverse_undoes_its_projection(kind):
    start, pace = (40.0, 1.7) if kind != "level" else (4644.0, 3.3)
    landed = project(start, pace, 5, kind)
    assert function(formulas.PACE_FOR[kind], "goal", "start", "years")(landed, start, 5) == pytest.approx(pace, abs=1e-12)


def test_the_studio_finds_an_indicator_by_its_common_name():
    labels = page.build(State()).indicator_labels
    assert [iid for iid, label in labels.items() if "研发投入" in label] == ["t2_rd_share"]


def test_the_reported_years_are_a_line_and_a_preset_on_the_gdp_panel():
    # 2016–2020 as reported: 1.107 × 1.093 × 1.060 × 1.063 × 1.039 = 1.4165 (lib.engine.economy.reported_real_index);
    # at the default price rise 0.66 %/年: 15720 × 1.4165 × 1.0066^5 = 23012 亿元, against 25000 on the plan's path.
    view = page.build(State(section="地区生产总值"))
    rows = view.studio.chart.spec["datasets"]["scenario"]
    reported = [row["shown"] for row in rows if row["series"] == "实际（统计公报）"]
    assert reported[0] == "15720" and reported[-1] == "23012"
    # The preset: the reported years' average real growth, 1.4165^(1/5) − 1 = 7.21 % → 7.2 on the slider's 0.1 grid
    (name,) = [p.name for p in page.presets() if p.name.startswith("实际（统计公报）")]
    state = page.with_preset(State(), name)
    assert state.section == "地区生产总值" and state.gdp_real == 7.2
    assert page.build(state).preset == name


def test_comparing_starts_b_at_the_past_pace_so_a_and_b_differ():
    # 森林覆盖率: A at the plan's 0.2 个百分点/年, B at 2011–2015's 1.6 (lib.engine.achieved)
    state = page.with_switches(State(indicator="t2_forest_cover"), yearly=False, compare=True)
    assert state.compare and state.pace_b == 1.6 and page.slider_value(state, "pace") == 0.2
    kept = page.with_switches(dataclasses.replace(state, pace_b=0.5), yearly=False, compare=True)
    assert kept.pace_b == 0.5  # B already set stays as it was
