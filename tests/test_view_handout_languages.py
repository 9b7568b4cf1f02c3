"""讲义 in English and 繁體 (issue 27): the handout's own words, the plan named in English with its title
as printed beside it, the permalink (and QR code) opening the same language's page, the app page and the
document the PDF is printed from."""

from __future__ import annotations

import re

import pytest

from bake import handouts
from helpers import open_page
from lib.engine.tables import PLAN_TITLE
from lib.present import routes
from lib.present.permalink import permalink
from lib.present.qr import qr_svg
from lib.views import handout

HAN = re.compile(r"[\u3400-\u9fff]")
PUBLIC = "https://plan.example.org"


def test_the_plan_s_name_for_the_catalogs_is_its_title_as_printed():
    assert handout.PLAN_NAME == PLAN_TITLE


@pytest.mark.parametrize(
    "lang, plan, date_words, hint",
    [
        (
            "zh-CN",
            "来源：《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）",
            "数据日期：规划数值：《纲要》2016年2月印发时所列",
            "本页按A4纵向一页排版",
        ),
        (
            "en",
            "Source: the Outline of the 13th Five-Year Plan for the National Economic and Social Development of Chongqing (February 2016)",
            "Data date: plan figures as printed in the Outline issued in February 2016",
            "This page is laid out as one A4 portrait page",
        ),
        (
            "zh-Hant",
            "來源：《重慶市國民經濟和社會發展第十三個五年規劃綱要》（2016年2月）",
            "資料日期：規劃數值：《綱要》2016年2月印發時所列",
            "本頁按A4縱向一頁排版",
        ),
    ],
)
def test_the_handout_s_own_words_in_each_language(lang, plan, date_words, hint):
    view = handout.build(handout.State("t2_forest_cover", lang=lang))
    assert (view.plan, view.lang) == (plan, lang)
    assert view.data_date.startswith(date_words) and view.hint.startswith(hint)
    # The plan's title as printed sits beside its English name only; 繁體 converts the name itself.
    assert view.plan_original == (PLAN_TITLE if lang == "en" else "")


@pytest.mark.parametrize(
    "indicator, date_words",
    [
        # data/outcomes.csv: none found up to the latest source (2023-09-01); 统计公报 2021-03-18 for 52.8%
        ("t2_forest_cover", "; 2020 figure: none found in official sources published up to 2023-09-01"),
        ("t2_services_share", "; 2020 figure published 2021-03-18"),
        ("t1_gdp", "issued in February 2016"),
    ],
)
def test_english_data_dates(indicator, date_words):
    view = handout.build(handout.State(indicator, lang="en"))
    assert view.data_date.endswith(date_words) and not HAN.search(view.data_date)


def test_english_has_no_han_character_in_the_handout_s_own_words():
    view = handout.build(handout.State("t2_forest_cover", lang="en"))
    assert [t for t in (view.plan, view.data_date, view.hint, view.permalink.label) if HAN.search(t)] == []


@pytest.mark.parametrize(
    "indicator, lang, app_path",
    [
        ("t2_forest_cover", "en", "/trajectories?indicator=t2_forest_cover&lang=en"),
        ("t2_forest_cover", "zh-Hant", "/trajectories?indicator=t2_forest_cover&lang=zh-Hant"),
        ("t2_forest_growth", "en", "/indicators?row=t2_forest_growth&lang=en"),  # a heading: its row in 指标总览
    ],
)
def test_the_permalink_opens_the_same_language_s_page(indicator, lang, app_path):
    view = handout.build(handout.State(indicator, lang=lang))
    assert routes.app_path(view.permalink.target) == app_path
    assert permalink(view.permalink.target, base=PUBLIC).address == PUBLIC + app_path


@pytest.mark.parametrize(
    "query, lang, notices",
    [
        ({"indicator": ["t2_gdp_growth"], "lang": ["en"]}, "en", 0),
        ({"indicator": ["t2_gdp_growth"], "lang": ["zh-hant"]}, "zh-Hant", 0),
        ({"indicator": ["t2_gdp_growth"], "lang": ["de"]}, "zh-CN", 1),
    ],
)
def test_the_language_is_parsed_and_kept(query, lang, notices):
    state = handout.parse(query)
    assert (state.indicator, state.lang, len(state.notices)) == ("t2_gdp_growth", lang, notices)
    assert handout.parse(handout.to_query(state)) == handout.State("t2_gdp_growth", lang)


def test_the_english_document_the_pdf_is_printed_from():
    document = handouts.html("t2_forest_cover", PUBLIC, "2026-12-07", "en")
    address = f"{PUBLIC}/trajectories?indicator=t2_forest_cover&lang=en"
    assert '<html lang="en">' in document
    for words in ("<h2>Figures as printed</h2>", "<h2>2020 verdict</h2>", "Handout made: 2026-12-07", "This indicator online: "):
        assert words in document, words
    assert f'<span lang="zh-CN">{PLAN_TITLE}</span>' in document
    # The link and its QR code open the English page.
    assert f'href="{address.replace("&", "&amp;")}"' in document
    assert handouts.svg_uri(qr_svg(address)) in document and 'alt="QR code of this indicator&#39;s page online"' in document


def test_without_a_public_address_the_english_note_says_why():
    document = handouts.html("t2_forest_cover", "", "2026-12-07", "en")
    assert "No public address is set (the environment variable DASHBOARD_PUBLIC_URL)" in document


@pytest.mark.parametrize("lang, path", [("zh-CN", "/indicator/t2_gdp/handout.pdf"), ("en", "/en/indicator/t2_gdp/handout.pdf")])
def test_each_language_s_pdf_sits_beside_its_page(lang, path):
    assert handouts.path_of("t2_gdp", lang) == path


def test_the_app_handout_in_english(monkeypatch):
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", PUBLIC)
    at = open_page("handout", {"indicator": "t2_forest_cover", "lang": "en"})
    assert not at.exception
    texts = "\n".join(t.value for t in at.text)
    assert f"This indicator online: {PUBLIC}/trajectories?indicator=t2_forest_cover&lang=en" in texts
    assert "Data date: plan figures as printed in the Outline issued in February 2016" in texts
    assert any(c.value.startswith("This page is laid out as one A4 portrait page") for c in at.caption)
    assert any(f'<p lang="zh-CN">{PLAN_TITLE}</p>' in e.proto.body for e in at.get("html"))


def test_zh_hant_says_published_as_taiwan_does_for_documents():
    """OpenCC's s2twp turns 发布 into 釋出 (a software release); the catalog overrides it with 發布."""
    view = handout.build(handout.State("t2_services_share", lang="zh-Hant"))
    assert view.data_date.endswith("2020年實際數：2021-03-18發布")


def test_the_app_handout_in_zh_hant(monkeypatch):
    monkeypatch.delenv("DASHBOARD_PUBLIC_URL", raising=False)
    at = open_page("handout", {"indicator": "t2_services_share", "lang": "zh-Hant"})
    assert not at.exception
    assert any(c.value.startswith("本頁按A4縱向一頁排版") for c in at.caption)
    texts = "\n".join(t.value for t in at.text)
    assert "資料日期：規劃數值：《綱要》2016年2月印發時所列；2020年實際數：2021-03-18發布" in texts
    # No public address: the static path in 繁體's folder (指标轨迹 is translated), and why, in 繁體.
    assert "本指標的線上頁面：/zh-hant/indicator/t2_services_share/" in texts
    assert any(c.value.startswith("未設定公開地址") for c in at.caption)
