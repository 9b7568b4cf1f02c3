"""指标轨迹 in English and 繁體 (issue 27): the State's lang, the View's words, the chart's titles, axes,
tooltips and legend, the keyboard readout and the ranking, figures digit for digit, links in the language."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from dataclasses import asdict

import pytest

from lib.engine import tables
from lib.plan.series import series_catalogue
from lib.present import readout, routes
from lib.views import trajectories as view
from lib.views.query import Notice
from lib.views.trajectories import languages

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
FOREST, GDP = "t2_forest_cover", "t1_gdp"


@functools.cache
def built(indicator: str, lang: str) -> view.View:
    return view.build(view.State(indicator=indicator, lang=lang))


@pytest.mark.parametrize(
    "query, state",
    [
        ({"lang": ["en"]}, view.State(lang="en")),
        ({"lang": ["zh-hant"], "indicator": [FOREST]}, view.State(indicator=FOREST, lang="zh-Hant")),
        ({"indicator": ["森林覆盖率（专栏2·12）"], "lang": ["en"]}, view.State(indicator=FOREST, lang="en")),  # an older link's label
        ({"lang": ["fr"]}, view.State(notices=(Notice("lang", "fr"),))),
        ({"lang": ["en"], "x": ["1"]}, view.State(lang="en", notices=(Notice("x", "1"),))),
    ],
)
def test_parse_reads_the_language(query, state):
    assert view.parse(query) == state
    assert view.parse(view.to_query(state)) == dataclasses.replace(state, notices=())


def test_to_query_leaves_the_default_out():
    assert view.to_query(view.State(indicator=FOREST)) == {"indicator": [FOREST]}
    assert view.to_query(view.State(indicator=FOREST, lang="en")) == {"indicator": [FOREST], "lang": ["en"]}


def layers(spec: dict):
    yield spec
    for layer in spec.get("layer") or ():
        yield from layers(layer)


def encodings(spec: dict, channel: str) -> list:
    return [layer["encoding"][channel] for layer in layers(spec) if channel in (layer.get("encoding") or {})]


@pytest.mark.parametrize(
    "indicator, lang, title, subtitle, x_title, y_title, tooltip_titles",
    [
        (FOREST, "en", "Forest cover", "Box 2, row 12 · Unit: %", "Year", "%", ["Year", "Series", "Value (%)", "Note"]),
        (GDP, "en", "Gross regional product (GDP)", "Box 1, row 1 · Unit: 100 million yuan", "Year", "100 million yuan", None),
        ("t2_fdi", "en", "Foreign capital actually used", None, "Plan period", "100 million US dollars", None),
        (FOREST, "zh-Hant", "森林覆蓋率", "專欄2·12　單位：%", "年份", "%", ["年份", "系列", "數值（%）", "說明"]),
        (FOREST, "zh-CN", "森林覆盖率", "专栏2·12　单位：%", "年份", "%", ["年份", "系列", "数值（%）", "说明"]),
    ],
)
def test_the_chart_is_titled_and_labelled_in_the_language(indicator, lang, title, subtitle, x_title, y_title, tooltip_titles):
    spec = built(indicator, lang).chart.spec
    assert spec["title"]["text"] == title
    if subtitle:
        assert spec["title"]["subtitle"][0] == subtitle
    assert {x["title"] for x in encodings(spec, "x") if isinstance(x, dict) and "title" in x} == {x_title}
    assert {y["title"] for y in encodings(spec, "y") if isinstance(y, dict) and "title" in y} == {y_title}
    if tooltip_titles:
        first = next(t for t in encodings(spec, "tooltip"))
        assert [t["title"] for t in first] == tooltip_titles


def test_the_english_legend_names_each_line_and_keeps_its_look():
    english, chinese = built(FOREST, "en").chart.spec, built(FOREST, "zh-CN").chart.spec
    (colour,) = [c for c in encodings(english, "color") if c.get("legend")]
    assert colour["scale"]["domain"] == [
        "Actual (published in the plan)",
        "Path required to meet the target",
        "Continuing at the 12th plan's pace",
    ]
    (chinese_colour,) = [c for c in encodings(chinese, "color") if c.get("legend")]
    assert colour["scale"]["range"] == chinese_colour["scale"]["range"]  # the same line, the same colour and dash
    assert english["title"]["subtitle"][1] == "Source: Outline of Chongqing's 13th Five-Year Plan"


@pytest.mark.parametrize(
    "indicator, summary",
    [
        # 专栏2 prints 46 (≥, 第十八章: 46%以上) against 45 in 2015: 1 point over five years
        (FOREST, "2020 target: at least 46 (Box 2) · Required to meet it: +0.2 percentage points a year"),
        # 第一章第三节: 迈上2.5万亿元新台阶 against 15720亿元 in 2015: (25000/15720)^(1/5) − 1 = 9.72 % at current prices
        (
            GDP,
            "2020 target: at least 2.5 trillion yuan (Chapter 1, Section 3) · Required to meet it: +9.72% a year (nominal, at current prices)",
        ),
        ("t2_services_share", "2020 target: about 50 (Box 2) · Required to meet it: about +0.46 percentage points a year"),
        ("t2_fdi", "2020 target: at least 500 over 2016–2020 (Box 2)"),
    ],
)
def test_the_english_summary_keeps_the_printed_digits(indicator, summary):
    assert built(indicator, "en").summary[0].text == summary


@pytest.mark.parametrize(
    "printed, words",
    [
        ("95%以上", "95% or more"),
        ("＜【75000】", "<75000 over 2016–2020"),
        ("7.5万元左右", "about 75,000 yuan"),  # the point moved four places, never by float arithmetic
        ("100亿美元以上", "10 billion US dollars or more"),
        ("15852亿元", "1,585.2 billion yuan"),
        ("60万人左右", "about 600,000 persons"),
        ("0.05人/亿元以下", "0.05 persons per 100 million yuan or less"),
        ("1.85∶1", "1.85:1"),
        ("Ⅲ", "Grade Ⅲ"),
        ("3吨", "3吨"),  # a unit not known here stays as printed, so the Han tests catch it
    ],
)
def test_printed_figures_in_english(printed, words):
    assert languages.quantity(printed) == words


@pytest.mark.parametrize(
    "pace, words",
    [
        ("年均约 +0.46 个百分点", "about +0.46 percentage points a year"),
        (
            "年均 +0.2 个百分点以上（须超过10%，恰好等于不算）",
            "+0.2 percentage points a year or more (must exceed 10%; exactly 10% does not count)",
        ),
        ("比值年均 −0.02", "ratio −0.02 a year"),
        (
            "按2010—2015年公布水平计算，年均 13.65%（名义，按现价）",
            "13.65% a year, from the published 2010 and 2015 levels (nominal, at current prices)",
        ),
        (
            "“十二五”年均 +0.2 岁（由公布的五年变化折算）",
            "+0.2 years a year in the 12th plan period (2011–2015) (converted from the published five-year change)",
        ),
    ],
)
def test_paces_in_english(pace, words):
    assert languages.pace(pace, "en") == words


def test_the_readout_speaks_english():
    found = readout.read(built(FOREST, "en").chart)
    assert found.lang == "en" and found.x_label == "Year" and found.y_label == "%"
    assert found.x_texts[0] == "2010" and found.label == "Forest cover (%)"
    assert [s.name for s in found.series][:2] == ["Actual (published in the plan)", "Path required to meet the target"]
    assert found.how.startswith("Keyboard readout:") and found.control_label.startswith("Forest cover (%): keyboard readout")
    # The printed 37 of 2010 and 45 of 2015, as the chart shows them, at the positions of “2010” and “2015”.
    assert found.series[0].points == ((0, 37.0, "37 %"), (1, 45.0, "45 %")) and found.x_texts[1] == "2015"
    assert json.loads(found.json())["lang"] == "en"
    assert not HAN.search(found.json() + found.how + found.control_label)


def test_the_english_ranking_has_no_han_and_reads_in_english():
    chart = built(FOREST, "en").ranking_chart
    assert not HAN.search(json.dumps(asdict(chart), ensure_ascii=False))
    found = readout.read(chart)
    assert [s.name for s in found.series] == ["Required", "Previous"] and found.x_label == "Indicator"
    assert found.x_texts[0].endswith("(Box 2, row 21)")


def test_the_difficulty_note_registered_for_the_catalogs_is_the_engine_s():
    assert languages.DIFFICULTY_NOTE == tables.DIFFICULTY_NOTE


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


def test_no_han_character_in_any_english_trajectory_but_what_the_plan_and_the_sources_printed():
    found = {}
    for indicator in series_catalogue().series_id:
        shown = built(indicator, "en")
        assert shown.quote_lang == "zh-CN"
        data = asdict(shown)
        # Marked zh-CN by both renderers: the plan's sentences and the source with its quote.
        data.pop("outcome_source")
        data["related"] = [
            {"place": r.place, "label": r.link.label} for r in shown.related
        ]  # a target names its chapter in the URL, not on the page
        data.pop("ranking_chart")  # one for every indicator: the test above
        found.update({text: indicator for text in strings(data) if HAN.search(text)})
    assert found == {}


def test_every_english_link_keeps_the_language():
    shown = built(GDP, "en")
    links = [shown.handout, shown.compare, shown.static_edition, *(r.link for r in shown.related)]
    assert all(routes.lang_of(link.target) == "en" for link in links)
    assert routes.static_path(shown.static_edition.target) == "/en/indicator/t1_gdp/"
    assert routes.static_path(shown.related[0].link.target) == "/en/plan/1/#s3"  # the plan reader is baked in every language too
    assert shown.related[0].link.label == "Read Chapter 1, Section 3 in the plan"
    assert shown.related[0].place == " (Chapter 1, Section 3)"


def test_zh_hant_converts_our_words_and_quotes_the_plan_as_printed():
    shown, simplified = built(GDP, "zh-Hant"), built(GDP, "zh-CN")
    assert shown.title == "指標軌跡"
    assert [r.text for r in shown.related] == [r.text.rsplit("（", 1)[0] for r in simplified.related]  # the plan's sentence, in 简体
    assert shown.related[0].place == "（第一章第三節）"
    assert readout.read(shown.chart).lang == "zh-Hant" and readout.read(shown.chart).x_label == "年份"


@pytest.mark.parametrize(
    "indicator, words",
    [
        # data/outcomes.csv: 2020年统计公报 52.8% against 专栏2's 50左右 (%)
        ("t2_services_share", "Reported figure: Met. 2020: 52.8%; target: about 50% (Box 2)."),
        # 65.56万人 in 2020 alone against 【300】万人左右 over five years: each in persons, the point moved
        (
            "t2_new_urban_jobs",
            "Reported figure (basis differs): Basis differs. 2020: 655,600 persons; target: about 3 million persons over 2016–2020 "
            "(Box 2). (it covers 2020 alone, the chart shows five-year figures: not drawn on the chart)",
        ),
        (
            "t2_yangtze_water",
            "Reported figure: Met. 2020: Grade Ⅱ; target: Grade Ⅲ (Box 2). (a grade is not a number: not drawn on the chart)",
        ),
    ],
)
def test_the_reported_figure_in_english_with_its_source_as_published(indicator, words):
    shown = built(indicator, "en")
    assert shown.outcome[0].text == words
    assert shown.outcome_source.startswith("来源：") and "原句：“" in shown.outcome_source  # shown apart, marked zh-CN
