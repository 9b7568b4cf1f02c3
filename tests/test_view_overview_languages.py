"""概览 in English and 繁體 (issue 27): the State's lang, the View's words, figures digit for digit, links in the language."""

import dataclasses
import functools
import re

import pytest

from lib.present import routes
from lib.present.blocks import Link, Strong, Target
from lib.views import overview as view
from lib.views.query import Notice

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@pytest.mark.parametrize(
    "query, state",
    [
        ({"lang": ["en"]}, view.State(lang="en")),
        ({"lang": ["zh-Hant"]}, view.State(lang="zh-Hant")),
        ({"lang": ["zh-hant"]}, view.State(lang="zh-Hant")),  # a tag's case carries no meaning
        ({"lang": ["zh-CN"]}, view.State()),
        ({"lang": ["fr"]}, view.State(notices=(Notice("lang", "fr"),))),
        ({"lang": ["en", "zh-Hant"]}, view.State(lang="en", notices=(Notice("lang", "zh-Hant"),))),
        ({"lang": ["en"], "x": ["1"]}, view.State(lang="en", notices=(Notice("x", "1"),))),
    ],
)
def test_parse_reads_the_language(query, state):
    assert view.parse(query) == state
    assert view.parse(view.to_query(state)) == dataclasses.replace(state, notices=())


def test_to_query_leaves_the_default_out():
    assert view.to_query(view.State()) == {}
    assert view.to_query(view.State(lang="en")) == {"lang": ["en"]}


@functools.cache
def built(lang: str) -> view.View:
    return view.build(view.State(lang=lang))


def shown(value) -> list[str]:
    """Every text a reader sees in a View: all strings except a Target's query (URL values, not words)."""
    if isinstance(value, Target):
        return []
    if isinstance(value, str):
        return [value]
    if dataclasses.is_dataclass(value):
        return [t for f in dataclasses.fields(value) if f.name != "svg" for t in shown(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [t for item in value for t in shown(item)]
    return []


def test_the_english_view_shows_no_han_character():
    texts = [t for t in shown(built("en")) if t != built("en").lang]
    assert [t for t in texts if HAN.search(t)] == []
    assert all(not HAN.search(name) for _, name in re.findall(r"(<text[^>]*>)([^<]*)", built("en").zone_picture.svg))


@pytest.mark.parametrize(
    "label, value, detail_has",
    [
        # The figures are the 简体 card's, digit for digit: 2.5万亿元 → 2.5 trillion yuan, 1.57, +9.72%.
        (
            "Gross regional product",
            "2.5 trillion yuan",
            ["2015: 1.57 trillion yuan", "required: +9.72% a year (nominal, at current prices)", "real growth of about 9%"],
        ),
        ("Services share of GDP", "about 50%", ["2015: 47.7%", "about +0.46 percentage points a year", "Source: Box 2, row 4"]),
        ("Forest cover", "46%", ["2015: 45%", "+0.2 percentage points a year"]),
        ("Imports and exports", "1 trillion yuan", ["2015: 0.46 trillion yuan", "+16.58% a year (prices not stated)"]),
        # 70.6万人 = 706,000 and 35.3万 = 353,000: the point moved four places, no rounding.
        ("Rural poor lifted out of poverty", "706,000 persons", ["about 353,000 persons a year in 2016–2017", "deadline 2017"]),
        ("New urban jobs", "about 3 million persons", ["about 600,000 persons a year"]),
        ("Income growth", "9.5% a year", ["average annual growth from 2015"]),
    ],
)
def test_english_cards(label, value, detail_has):
    card = {c.label: c for c in built("en").cards}[label]
    assert card.value == value
    assert all(part in card.detail for part in detail_has), card.detail


def test_the_same_eight_cards_in_every_language():
    assert [len(built(lang).cards) for lang in ("zh-CN", "en", "zh-Hant")] == [8, 8, 8]


def test_zh_hant_converts_our_words_and_keeps_the_plan_s_sentence_as_printed():
    cards = {c.label: c for c in built("zh-Hant").cards}
    assert built("zh-Hant").title == "重慶“十三五”規劃：承諾與難度"
    assert cards["地區生產總值"].value == "2.5萬億元"
    poverty = cards["農村貧困人口脫貧"].detail
    assert "：“到2017年，基本实现我国现行标准下农村贫困人口脱贫”" in poverty  # 简体, as published
    assert poverty.startswith("2016—2020年五年累計")
    assert built("zh-Hant").language_note and built("zh-CN").language_note == ""


@pytest.mark.parametrize("lang", ["en", "zh-Hant"])
def test_every_link_carries_the_language(lang):
    links = [v for v in shown_links(built(lang))]
    assert links and all(link.target.params().get("lang") == [lang] for link in links)
    # The static edition: the overview in the language's folder, pages not yet translated in 简体.
    assert routes.static_path(routes.with_lang(Target("overview"), lang)) == {"en": "/en/", "zh-Hant": "/zh-hant/"}[lang]
    # 功能区域地图 is translated too (its own folder); the other pages stay in 简体.
    assert routes.static_path(built(lang).zones_link.target) == {"en": "/en/zones/", "zh-Hant": "/zh-hant/zones/"}[lang]
    assert routes.app_path(built(lang).zones_link.target) == f"/zones_map?lang={lang}"


def shown_links(value) -> list[Link]:
    if isinstance(value, Link):
        return [value]
    if isinstance(value, Strong | str):
        return []
    if dataclasses.is_dataclass(value):
        return [link for f in dataclasses.fields(value) for link in shown_links(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [link for item in value for link in shown_links(item)]
    return []


@pytest.mark.parametrize(
    "page, query, refused",
    [
        # A page not yet translated takes lang too (pages/_url.py keeps it) and refuses a wrong one.
        ("indicators", {"lang": ["en"]}, ()),
        ("indicators", {"lang": ["fr"]}, (Notice("lang", "fr"),)),
        ("methods", {"lang": ["zh-Hant"]}, ()),
        ("methods", {"lang": ["zh-Hant", "en"]}, (Notice("lang", "en"),)),
    ],
)
def test_every_page_takes_lang_and_refuses_a_wrong_one(page, query, refused):
    import importlib

    module = importlib.import_module(f"lib.views.{page}")
    assert module.parse(query).notices == refused
