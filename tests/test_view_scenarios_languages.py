"""情景推演 in English and 繁體 (issue 27): the answers, labels and chart words in the page's language,
the same digits in every language, the language kept by every control."""

from __future__ import annotations

import re
from dataclasses import asdict

import pytest

from helpers import data_rows, open_page
from lib.engine import scenario
from lib.present import readout
from lib.present.blocks import Original
from lib.present.formula import run as run_program
from lib.present.i18n import hant
from lib.views import scenarios as page
from lib.views.scenarios.catalogue import indicator_options

HAN = re.compile(r"[\u3400-\u9fff]")
NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
SIGNED = re.compile(r"[+-]\d+(?:\.\d+)?")
GDP, INCOMES = page.SECTIONS[1], page.SECTIONS[2]


def answers(view: page.View) -> list[tuple[str, str, str | None]]:
    return [(m.label, m.value, m.delta) for row in view.studio.metric_rows for m in row]


@pytest.mark.parametrize(
    "state, expected",
    [
        # 服务业比重 47.7 → 50左右 at the plan's pace: 47.7 + 5 × 0.46 = 50.0
        (
            page.State(lang="en"),
            [
                ("Scenario A: 2020", "50.0 %", None),
                ("Gap to the target", "0 pp", None),
                ("Verdict", "Target met", "met in 2020 at this pace"),
            ],
        ),
        # 进出口总额 4644 at 10 %/yr: 4644 × 1.1^5 = 7479 亿元; 1.1^9 × 4644 = 10950 → 2024
        (
            page.State(indicator="t2_trade", pace=10.0, lang="en"),
            [
                ("Scenario A: 2020", "7479 (100 million yuan)", None),
                ("Gap to the target", "-2521 (100 million yuan)", "-25.2%"),
                ("Verdict", "Target missed", "met in 2024 at this pace"),
            ],
        ),
        # 净增建设用地 ＜【75000】 公顷: a ceiling, met by staying under it (14900 a year: 74500 by 2020)
        (
            page.State(indicator="t2_new_construction_land", lang="en"),
            [
                ("Scenario A: total to 2020", "74500 hectares", None),
                ("Gap to the ceiling", "-500 hectares", "-0.7%"),
                ("Verdict", "Target met", "ceiling not passed; passed only in 2021"),
            ],
        ),
        # 地区生产总值 at 7 % real growth: the studio's 简体 answer is 2.28 万亿元, -0.22 against 2.5万亿元
        (
            page.State(section=GDP, gdp_real=7.0, lang="en"),
            [
                (
                    "GDP in 2020 (current prices)",
                    "2.28 trillion yuan",
                    "-0.22 trillion yuan: Target missed",
                ),
                ("GDP per capita in 2020", "7.11 (10 000 yuan)", "-0.39 (10 000 yuan): Target missed"),
            ],
        ),
        (
            page.State(section=INCOMES, lang="en"),
            [
                ("Urban-rural income ratio in 2020", "2.40:1", "Target met: exactly 2.4:1"),
                ("Growth of residents' per-capita disposable income a year", "9.50%", "Target met: exactly 9.5%"),
            ],
        ),
        (
            page.State(section=INCOMES, urban_income=8.0, rural_income=8.0, lang="zh-Hant"),
            [
                ("2020年城鄉收入比", "2.59∶1", "+0.19，未達目標（2020年目標：2.4∶1）"),
                ("常住居民人均可支配收入年均增速", "9.35%", "-0.15 個百分點，未達目標（2020年目標：9.5%）"),
            ],
        ),
        (
            page.State(indicator="t2_trade", pace=10.0, lang="zh-Hant"),
            [("情景A：2020年", "7479 億元", None), ("與目標之差", "-2521 億元", "-25.2%"), ("結論", "未達目標", "按此速度2024年達標")],
        ),
    ],
)
def test_the_answers_in_each_language(state, expected):
    assert answers(page.build(state)) == expected


STATES = [
    page.State(),
    page.State(indicator="t2_forest_cover", compare=True, pace_b=1.6),
    page.State(indicator="t2_pm25_cut", yearly=True, yearly_paces=(1.0, 2.0, None, None, 4.0)),
    page.State(indicator="t2_metro_eco_gdp_pc_ratio"),
    page.State(indicator="t2_poverty_exit", presenter=True),
    page.State(section=GDP, gdp_real=6.5, gdp_deflator=0.0),
    page.State(section=INCOMES, handout=True),
]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_every_language_shows_the_same_digits(state, lang):
    """The words change, the figures never do: each answer's figure as the 简体 page prints it."""
    plain, other = page.build(state), page.build(page.State(**{**page.fields(state), "lang": lang}))

    def digits(view):  # each answer's figure leads it; a delta's gap is its signed figure (a unit may hold digits: 10 000 yuan)
        return [(NUMBER.findall(value)[:1], SIGNED.findall(delta or "")[:1]) for _label, value, delta in answers(view)]

    assert digits(other) == digits(plain)

    def rows(view):
        return [(r["year"], r["value"], r["shown"]) for r in view.studio.chart.spec["datasets"]["scenario"]] if view.studio.chart else []

    assert rows(other) == rows(plain)


def shown_strings(view: page.View) -> list[str]:
    """Every string the page shows: the View without the ids a renderer only looks words up by
    (the sections' and presets' 简体 names are URL values and keys), and the formulas' words."""
    data = asdict(view)
    for key in ("sections", "preset_names", "preset", "share", "handout", "studio_link"):
        data.pop(key)
    data["section_labels"] = list(data["section_labels"].values())
    data["preset_labels"] = list(data["preset_labels"].values())
    data["studio"].pop("section")

    def walk(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                yield from walk(value)
        elif isinstance(node, str):
            yield node

    return list(walk(data))


SLIDER_IDS = [r["indicator_id"] for r in data_rows("indicators.csv", table_no="2") if r["kind"] in scenario.SCENARIO_KINDS]


@pytest.mark.parametrize(
    "state",
    [*STATES, *(page.State(indicator=iid, compare=True) for iid in SLIDER_IDS), page.State(section=GDP, presenter=True)],
    ids=lambda s: f"{s.section}-{s.indicator}-{s.presenter}",
)
def test_no_han_character_in_english(state):
    assert state.indicator in {option.indicator_id for option in indicator_options()}  # every one takes a slider
    view = page.build(page.State(**{**page.fields(state), "lang": "en"}))
    assert [text for text in shown_strings(view) if HAN.search(text)] == []
    found = readout.read(view.studio.chart) if view.studio.chart else None
    if found is not None:
        assert not HAN.search(found.json() + found.how + found.control_label)


def test_the_chart_speaks_english():
    view = page.build(page.State(indicator="t2_forest_cover", compare=True, lang="en"))
    spec = view.studio.chart.spec
    assert spec["title"]["text"] == "Scenario: Forest cover"
    assert spec["title"]["subtitle"] == [
        "Forest cover (Box 2, row 12), unit: %",
        "Source: Outline of Chongqing's 13th Five-Year Plan",
    ]
    colour = spec["layer"][0]["encoding"]["color"]["scale"]["domain"]
    assert colour == ["Scenario A", "Scenario B", "Path required to meet the target"]
    assert spec["layer"][0]["encoding"]["x"]["title"] == "Year"
    assert [t["title"] for t in spec["layer"][1]["encoding"]["tooltip"]] == ["Series", "Year", "Value"]
    assert {row["series"] for row in spec["datasets"]["scenario"]} == {*colour, "2020 target"}
    target = next(row for row in spec["datasets"]["scenario"] if row["series"] == "2020 target")
    assert target["label"] == "46%"
    assert view.studio.chart.alt == "Scenario: Forest cover" and view.studio.chart.lang == "en"
    found = readout.read(view.studio.chart)
    assert found.x_texts[0] == "2015" and found.x_label == "Year" and found.label == "Scenario: Forest cover (%)"


def test_zh_hant_converts_the_words_and_keeps_the_ids():
    view = page.build(page.State(section=GDP, lang="zh-Hant"))
    assert view.title == "情景推演" and view.section_labels[GDP] == hant(GDP) == "地區生產總值"
    assert view.studio.slider_rows[0][0].label == "實際增速（%/年）"
    assert view.sections == page.SECTIONS  # the URL values stay
    assert view.studio.chart.spec["title"]["text"] == "情景推演：地區生產總值"


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_the_formulas_the_static_edition_runs_give_the_same_words(lang):
    """Studio.program is what bake/studio.py turns into Vega: run here, it writes what the View shows."""
    state = page.State(section=GDP, gdp_real=7.0, lang=lang)
    studio = page.build(state).studio
    ran = run_program(studio.program, {s.key: s.value for s in studio.slider_rows[0]})
    assert [(ran[m.value_field], ran[m.delta_field]) for m in studio.metric_rows[0]] == [(m.value, m.delta) for m in studio.metric_rows[0]]
    option = next(o for o in indicator_options() if o.indicator_id == "t2_trade")
    outcome = scenario.run(option.kind, option.direction, option.base, option.target, [10.0])
    landing = page.build(page.State(indicator="t2_trade", pace=10.0, lang=lang)).studio
    assert run_program(landing.program, {"value": outcome.value_2020})["verdict"] == landing.metric_rows[0][2].value


def test_the_prepared_scenarios_and_panels_in_english():
    view = page.build(page.State(lang="en"))
    assert list(view.section_labels.values()) == ["Any indicator", "Gross regional product", "Urban and rural incomes"]
    assert view.preset_labels["经济放缓：实际增长7%"] == "Slowdown: real growth 7%"
    assert view.preset_labels[view.preset_names[-1]] == "Reported (statistical communiqués): real growth of 7.2% a year"
    assert view.indicator_labels["t2_rd_share"] == "R&D expenditure as a share of GDP (Box 2, row 5) (also: R&D)"


@pytest.mark.parametrize(
    "query, lang, notices",
    [({"lang": ["en"]}, "en", 0), ({"lang": ["zh-hant"], "section": ["地区生产总值"]}, "zh-Hant", 0), ({"lang": ["xx"]}, "zh-CN", 1)],
)
def test_the_language_is_parsed_kept_and_in_every_link(query, lang, notices):
    state = page.parse(query)
    assert (state.lang, len(state.notices)) == (lang, notices)
    assert page.parse(page.to_query(state)).lang == lang
    view = page.build(state)
    for link in (view.share, view.handout, view.studio_link):
        assert link.params().get("lang", ["zh-CN"]) == [lang]
    # every control's change keeps it: a preset, another indicator, the plan's values, a goal
    for moved in (
        page.with_preset(state, page.presets()[1].name),
        page.with_indicator(state, "t2_forest_cover"),
        page.at_plan(state),
        page.with_switches(state, True, True),
        page.with_goal(page.with_indicator(state, "t2_forest_cover"), 46.5),
    ):
        assert page.parse(page.to_query(moved)).lang == lang


@pytest.mark.parametrize(
    "lang, slider_label, shown",
    [
        # 森林覆盖率 45 → 46: at 0.5 points a year 45 + 2.5 = 47.5
        ("en", "Scenario A: pace (pp a year)", {"Scenario A: 2020": "47.5 %", "Verdict": "Target met"}),
        ("zh-Hant", "情景A：假設速度（個百分點/年）", {"情景A：2020年": "47.5 %", "結論": "達到目標"}),
    ],
)
def test_the_app_moves_a_slider_in_each_language(lang, slider_label, shown):
    at = open_page("scenarios", {"indicator": "t2_forest_cover", "lang": lang})
    assert not at.exception
    slider = at.slider(key="pace_t2_forest_cover")
    assert slider.label == slider_label
    slider.set_value(0.5).run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert {key: metrics[key] for key in shown} == shown
    assert at.query_params["lang"] == lang and at.query_params["pace"] == "0.5"


def test_the_app_in_english_shows_no_chinese_in_its_own_words():
    at = open_page("scenarios", {"section": "地区生产总值", "lang": "en"})
    assert not at.exception
    assert at.title[0].value == "Scenarios"
    texts = [m.label for m in at.metric] + [m.value for m in at.metric] + [s.label for s in at.slider]
    texts += [b.label for b in at.button] + [c.value for c in at.caption] + [h.value for h in at.header]
    assert texts and [t for t in texts if HAN.search(t)] == []


def test_the_plans_own_words_stay_as_printed_in_zh_hant():
    """A phrase quoted from the plan stays in 简体, as published; the words around it are converted."""
    gdp = page.build(page.State(section=GDP, lang="zh-Hant")).studio.caption
    assert "由“常住人口累计增加200万左右”（第十二章第二節）推算" in gdp.text and gdp.text.startswith("規劃：")
    incomes = page.build(page.State(section=INCOMES, lang="zh-Hant")).studio.caption
    assert "滿足“城乡收入比2.4∶1”和“常住居民人均可支配收入年均增长9.5%”的一組數" in incomes.text
    # Each quote is an Original, so a renderer marks it 简体 (<span lang="zh-CN">); nothing else is.
    assert [p for p in gdp.parts if isinstance(p, Original)] == [Original("常住人口累计增加200万左右")]
    assert [p for p in incomes.parts if isinstance(p, Original)] == [
        Original("城乡收入比2.4∶1"),
        Original("常住居民人均可支配收入年均增长9.5%"),
    ]
    simplified = page.build(page.State(section=INCOMES)).studio.caption
    assert not [p for p in simplified.parts if isinstance(p, Original)]


def test_the_handout_in_english():
    at = open_page("scenarios", {"indicator": "t2_forest_cover", "handout": "true", "lang": "en"})
    assert not at.exception
    assert at.title[0].value == "Scenarios: Forest cover"
    texts = [m.label for m in at.metric] + [m.value for m in at.metric] + [c.value for c in at.caption] + [h.value for h in at.header]
    assert [t for t in texts if HAN.search(t)] == []
