"""数据更新记录 and 页面不存在 in English and 繁體 (issue 27): the Views' words, the record shown as written
(marked 简体), the pages baked in each language folder, and the one 简体 Atom feed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pandas as pd
import pytest

from bake import changes as baked
from bake import not_found as baked_not_found
from bake import site
from bake.render import Writer
from lib.plan import changes
from lib.views import changes as view

HAN = re.compile(r"[\u3400-\u9fff]")
ATOM = "{http://www.w3.org/2005/Atom}"
RECORD = pd.DataFrame(
    [
        {"edition": "2026-02-01", "file": "outcomes.csv", "row": "o_rd_share", "indicator_id": "t2_rd_share", "field": "value",
         "old": "2.11", "new": "2.10", "source": "重庆市统计局 《公报》 https://example.org/revised"},
        {"edition": "2026-02-01", "file": "zones.csv", "row": "core", "indicator_id": "", "field": "", "old": "", "new": "新增一行",
         "source": changes.FROM_THE_PLAN},
    ]
)  # fmt: skip
EDITIONS = pd.DataFrame([{"edition": "2026-01-01", "changes": "0", "note": "首版"}, {"edition": "2026-02-01", "changes": "2", "note": ""}])


@pytest.fixture()
def recorded(monkeypatch):
    monkeypatch.setattr(changes, "load_changes", lambda: RECORD.copy())
    monkeypatch.setattr(changes, "load_editions", lambda: EDITIONS.copy())


@pytest.mark.parametrize(
    "lang, title, headings, summaries, first_row",
    [
        (
            "en",
            "Data change log",
            ["1 February 2026 edition", "1 January 2026 edition"],
            ["Changes recorded in this edition: 2.", "No data changed in this edition."],
            # The glossary's name; the column's meaning from the data dictionary's English, then its name; the record as written.
            ("outcomes.csv", "o_rd_share", "R&D expenditure as a share of GDP", "The value (value)", "2.11", "2.10", RECORD.source[0]),
        ),
        (
            "zh-Hant",
            "資料更新記錄",
            ["2026年2月1日版", "2026年1月1日版"],
            ["本版記錄 2 處改動。", "本版沒有改動的資料。"],
            ("outcomes.csv", "o_rd_share", "研究與試驗發展經費支出佔地區生產總值比重", "數值（value）", "2.11", "2.10", RECORD.source[0]),
        ),
    ],
)
def test_the_record_in_each_language(recorded, lang, title, headings, summaries, first_row):
    shown = view.build(view.State(lang=lang))
    assert shown.title == title
    assert [e.heading for e in shown.editions] == headings and [e.summary for e in shown.editions] == summaries
    table = shown.editions[0].changes
    assert table.rows[0] == first_row
    assert shown.record_lang == "zh-CN" and shown.editions[1].note == "首版"  # the note as recorded
    assert routes_of(table)[0].endswith(f"lang={lang}")


def routes_of(table) -> list[str]:
    from lib.present import routes

    return [routes.app_path(link.target) for link in table.links if link]


def test_english_words_have_no_han_character_and_a_whole_row_is_said_in_english(recorded):
    shown = view.build(view.State(lang="en"))
    table = shown.editions[0].changes
    assert table.rows[1][:6] == ("zones.csv", "core", "", "", "", "row added")
    words = [shown.title, shown.subscribe, *table.headers, *shown.row_words, *(e.heading for e in shown.editions)]
    words += [e.summary for e in shown.editions] + [part for block in shown.intro for part in block.parts]
    words += [cell for row in table.rows for cell in row[:4]]
    assert [w for w in words if HAN.search(w)] == []


@pytest.mark.parametrize(
    "query, lang, notices", [({"lang": ["en"]}, "en", 0), ({"lang": ["zh-hant"]}, "zh-Hant", 0), ({"lang": ["x"]}, "zh-CN", 1)]
)
def test_the_language_is_parsed_and_kept(query, lang, notices):
    state = view.parse(query)
    assert (state.lang, len(state.notices)) == (lang, notices)
    assert view.parse(view.to_query(state)).lang == lang


@pytest.fixture()
def written(tmp_path, recorded):
    writer = Writer(tmp_path, "https://dash.example.org", site.NAV, site_url="https://plan.example.org")
    baked.bake_changes(writer)
    baked_not_found.bake_not_found(writer)
    return tmp_path


@pytest.mark.parametrize("folder, lang", [("", "zh-CN"), ("en/", "en"), ("zh-hant/", "zh-Hant")])
def test_the_change_log_is_baked_in_each_language_with_its_alternates(written, folder, lang):
    page = (written / folder / "changes" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    for other, path in (("zh-CN", "/changes/"), ("en", "/en/changes/"), ("zh-Hant", "/zh-hant/changes/")):
        assert f'<link rel="alternate" hreflang="{other}" href="https://plan.example.org{path}">' in page
    # The footer opens this language's change log.
    assert f'<a href="/{folder}changes/">' in page
    if lang == "en":
        assert f'<td class="source" lang="zh-CN">{RECORD.source[0]}</td>' in page
        assert "<td>row added</td>" in page and '<span lang="zh-CN">首版</span>' in page


def test_one_feed_in_simplified_chinese(written):
    feed = ElementTree.fromstring((written / "changes.atom").read_bytes())
    assert feed.findtext(f"{ATOM}title").startswith("数据更新记录")
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == "https://plan.example.org/changes/"
    assert not (written / "en" / "changes.atom").exists()


@pytest.mark.parametrize(
    "path, lang, title, home",
    [
        ("404.html", "zh-CN", "页面不存在", "/"),
        ("en/404.html", "en", "Page not found", "/en/"),
        ("zh-hant/404.html", "zh-Hant", "頁面不存在", "/zh-hant/"),
    ],
)
def test_each_folder_s_not_found_page(written, path, lang, title, home):
    page = (written / path).read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page and f"<h1>{title}</h1>" in page
    assert re.search(rf'<p><a href="{home}">[^<]+</a></p>', page)
    if lang == "en":
        main = re.split(r"<main id=\"main\"[^>]*>", page)[1].split("</main>")[0]
        assert not HAN.search(main), main
