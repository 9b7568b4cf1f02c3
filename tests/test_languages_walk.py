"""Every translated page of both editions, in English and 繁體, held to its language (issue 27).

The pages are ``routes.TRANSLATED``'s, so the walk grows as pages are translated. The static
edition: every page baked under ``/en/`` and ``/zh-hant/`` (the session's one bake,
tests/conftest.py ``baked_site``), its text, the names a screen reader reads, its share
tags and its inline SVG pictures. The app: each page opened with ``?lang=…`` through
app.py (AppTest), every string of every element it draws (titles, Markdown, captions,
metrics, widget labels and options, chart specs, the sidebar's navigation). The rules are
tests/language_scan.py's: no Han in English outside what is marked Chinese, no 简体 left in
繁體, no float noise, every shown glossary term sourced.
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from google.protobuf.json_format import MessageToDict

import language_scan
from helpers import open_page
from language_scan import Shown, problems, read_html, svg_of, unsourced_terms
from lib.present import i18n, routes
from lib.present.blocks import Target

LANGS = [i18n.EN, i18n.ZH_HANT]
DOWNLOAD = re.compile(r'href="([^"#?]+\.(?:csv|xlsx))"')  # a download the page offers
SPEC = re.compile(r'data-spec="([^"]+)"')  # a live chart's compiled Vega (bake/templates)
# Which page's View each baked path draws (docs/code.md, "The static edition"): a path and the
# ones under it. An indicator's page draws 指标总览's row and 指标轨迹's chart.
STATIC_PAGES = {
    routes.HOME: ("overview",),
    routes.INDICATORS: ("indicators",),
    "/indicator/": ("indicators", "trajectories"),
    routes.PLAN: ("plan_reader",),
    routes.ZONES: ("zones_map",),
    routes.METHODS: ("methods",),
    routes.REPORT: ("report_card",),
}


def pages_of(path: str) -> tuple[str, ...]:
    """The pages a baked path draws (``/indicator/t2_gdp/`` → indicators, trajectories); () for none."""
    if path == routes.HOME:
        return STATIC_PAGES[routes.HOME]
    return next((pages for prefix, pages in STATIC_PAGES.items() if prefix != routes.HOME and path.startswith(prefix)), ())


def static_route(page: str) -> str | None:
    """The page's own address in the static edition (``/report/``), or None where it lives in the app only."""
    return routes._static_path(Target(page))


def baked_files(out: Path, lang: str) -> dict[str, Path]:
    """Every HTML page of the language's folder, by its 简体 path (``/en/report/index.html`` → ``/report/``)."""
    folder = out / i18n.PREFIXES[lang].strip("/")
    return {"/" + f.relative_to(folder).as_posix().removesuffix("index.html"): f for f in sorted(folder.rglob("*.html"))}


def static_shown(file: Path, where: str, out: Path) -> tuple[list[Shown], str]:
    """The page's texts, its pictures' (inline SVG, the site's own .svg files) and its live charts'
    (the compiled Vega of each ``data-spec``), and its ``<html lang>``."""
    markup = file.read_text(encoding="utf-8")
    found, images = read_html(markup, where)
    for number, source in enumerate(images):
        if (svg := svg_of(source)) is not None:
            found += read_html(svg, f"{where} picture {number + 1}")[0]
        elif source.startswith("/") and source.endswith(".svg") and (out / source.lstrip("/")).is_file():
            found += read_html((out / source.lstrip("/")).read_text(encoding="utf-8"), f"{where} {source}")[0]
    for spec in SPEC.findall(markup):
        if (out / spec.lstrip("/")).is_file():
            found += [Shown(t, f"{where} {spec}") for t in _chart((out / spec.lstrip("/")).read_text(encoding="utf-8"))]
    found += downloads_shown(markup, where, out)
    start = markup.find("<html")
    return found, markup[start : markup.find(">", start)]


def downloads_shown(markup: str, where: str, out: Path) -> list[Shown]:
    """What the page's downloads say before their figures: each CSV's header row, each workbook's sheet
    names and first rows (the 说明 sheet's included). The figures themselves are data, as printed."""
    import csv

    import openpyxl

    found = []
    for href in sorted(set(DOWNLOAD.findall(markup))):
        target = out / unquote(urljoin(where, html.unescape(href))).lstrip("/")
        if not target.is_file():
            continue
        if target.suffix == ".csv":
            with target.open(encoding="utf-8-sig", newline="") as handle:
                found += [Shown(h, f"{where} {target.name} header") for h in next(csv.reader(handle), [])]
            continue
        book = openpyxl.load_workbook(target, read_only=True)
        for sheet in book.worksheets:
            found.append(Shown(sheet.title, f"{where} {target.name} sheet"))
            first = next(sheet.iter_rows(max_row=1, values_only=True), ())
            found += [Shown(v, f"{where} {target.name} {sheet.title}") for v in first if isinstance(v, str)]
        book.close()
    return found


def check_static(file: Path, path: str, lang: str, out: Path) -> list[str]:
    found, html_tag = static_shown(file, i18n.localized(path, lang), out)
    wrong = [] if f'lang="{lang}"' in html_tag else [f"{i18n.localized(path, lang)}: <html> says {html_tag!r}"]
    return wrong + problems(found, lang) + unsourced_terms(found)


@pytest.fixture(scope="module")
def baked(baked_site) -> Path:
    return baked_site[0]


@pytest.mark.parametrize("page", sorted(p for p in routes.TRANSLATED if static_route(p)))
@pytest.mark.parametrize("lang", LANGS)
def test_every_static_page_of_a_translated_page_reads_in_its_language(baked, lang, page):
    files = {path: file for path, file in baked_files(baked, lang).items() if page in pages_of(path)}
    assert static_route(page) in files, f"{page} is in routes.TRANSLATED but {i18n.localized(static_route(page), lang)} was not baked"
    found = [line for path, file in files.items() for line in check_static(file, path, lang, baked)]
    assert not found, "\n" + "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
def test_the_language_folder_holds_translated_pages_only_and_all_read_in_its_language(baked, lang):
    """A page baked in the folder for no translated page (a search page, a 404) is read here too."""
    files = baked_files(baked, lang)
    assert files, f"nothing baked under {i18n.PREFIXES[lang]}/"
    others = {path: file for path, file in files.items() if not set(pages_of(path)) & routes.TRANSLATED}
    found = [f"{i18n.localized(path, lang)}: baked, but its page is not in routes.TRANSLATED" for path in others if pages_of(path)]
    found += [line for path, file in others.items() for line in check_static(file, path, lang, baked)]
    assert not found, "\n" + "\n".join(found)


# What the app's elements hold that no reader sees: ids, addresses, a widget's stored values.
UNSEEN = {
    "columns",
    "columnOrder",
    "id",
    "formId",
    "page",
    "pageScriptHash",
    "url",
    "src",
    "href",
    "defaultValue",
    "value",
    "rawValues",
    "setValue",
    "data",
    "deferredFileId",  # a download's random id: hex that can look like 8e59
    "tip_quote",  # the map's tooltip draws it inside <div lang="zh-CN"> (lib/present/maps/deck.TOOLTIP_QUOTED)
}
NAMES = {"$schema", "name", "type", "style", "scale", "from", "data", "orient", "anchor", "baseline", "align", "shape"}
MARKUP = {"body", "html"}  # Markdown and st.html, read as HTML so an element's lang mark counts
LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def _strings(value, key: str = ""):
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, inner in value.items():
            if name not in UNSEEN:
                yield from _strings(inner, name)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner, key)


def _deck_strings(value, key: str = ""):
    """Every string of a pydeck JSON, its layers' data (the tooltips' fields) included, but the
    quoted names the tooltip marks as Chinese (``tip_quote``), ids and each mark's category key
    (the colour's and the filter's, never drawn: the tooltip names the category in ``tip_title``)."""
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for name, inner in value.items():
            if name not in ("tip_quote", "id", "category"):
                yield from _deck_strings(inner, name)
    elif isinstance(value, list):
        for inner in value:
            yield from _deck_strings(inner, key)


def _chart(spec: str) -> list[str]:
    """A Vega-Lite (or compiled Vega) spec's words: titles, axes, legends, tooltips, descriptions, the
    data's values and the strings in its expressions; not the names it refers to things by."""
    return [text for key, text in _strings(json.loads(spec)) if key not in NAMES and not text.startswith(("http", "#"))]


def app_shown(at, where: str) -> list[Shown]:
    found: list[Shown] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "DESCRIPTOR"):
            kind = getattr(node, "type", "element")
            for key, text in _strings(MessageToDict(proto)):
                if key == "spec":
                    found.extend(Shown(t, f"{where} {kind} chart") for t in _chart(text))
                elif key == "json" and kind == "deck_gl_json_chart":
                    # The map's deck: its tooltips' and labels' words, read field by field.
                    found.extend(Shown(t, f"{where} map.{k}") for k, t in _deck_strings(json.loads(text)) if not t.startswith("@@"))
                elif key in MARKUP:
                    # A Markdown link's target is an address, not text: [label](/indicators?pillar=创新发展).
                    found.extend(read_html(LINK_TARGET.sub("]", text), f"{where} {kind}")[0])
                elif key not in ("spec", "args", "css"):
                    found.append(Shown(" ".join(text.split()), f"{where} {kind}.{key}"))
        if getattr(node, "type", "") in ("dataframe", "table"):
            # st.dataframe draws on a canvas, out of the browser walk's sight: its headers and cells here.
            frame = node.value
            config = json.loads(node.proto.columns or "{}")  # column_config: labels, hidden columns
            shown = list(node.proto.column_order) or [c for c in map(str, frame.columns) if not config.get(c, {}).get("hidden")]
            headers = [config.get(c, {}).get("label") or c for c in shown]
            cells = headers + [v for c in frame.columns if str(c) in shown for v in frame[c] if isinstance(v, str)]
            found.extend(Shown(" ".join(text.split()), f"{where} table") for text in cells)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return [item for item in found if item.text]


@pytest.fixture(scope="module", autouse=True)
def first_run():
    """AppTest's first run of a process drops its query (tests/test_page_languages.py): one run first."""
    open_page("overview")


@pytest.mark.parametrize("page", sorted(routes.TRANSLATED))
@pytest.mark.parametrize("lang", LANGS)
def test_every_app_page_of_a_translated_page_reads_in_its_language(lang, page):
    at = open_page(page, {"lang": lang})
    assert not at.exception, at.exception
    where = routes.app_path(routes.with_lang(Target(page), lang))
    found = app_shown(at, where)
    assert at.title and at.title[0].value in {item.text for item in found}  # the walk reads what is drawn
    wrong = problems(found, lang) + unsourced_terms(found)
    assert not wrong, "\n" + "\n".join(wrong)


def test_every_page_is_translated():
    """Issue 27 is done when every page with an app or static route is in routes.TRANSLATED.

    Fails until every page's branch has landed: the pages it names are the ones left."""
    left = sorted(set(routes.APP_PATHS) - routes.TRANSLATED)
    assert not left, f"not in routes.TRANSLATED yet: {', '.join(left)}"


# The rules themselves: each fault is seen, each allowed case passes (the walks above could
# otherwise pass by reading nothing).
RULES = [
    (i18n.EN, '<p>Forest cover <span lang="zh-CN">森林覆盖率</span></p>', []),
    (i18n.EN, "<p>Wanzhou District (万州区)</p>", []),  # the glossary's Chinese beside its English
    (i18n.EN, "<p>Shapingba 沙坪坝</p>", []),  # a name beside its pinyin
    (i18n.EN, "<p>Quality 区</p>", ["Han ['区']"]),  # a word that merely holds the syllable is no pinyin
    (i18n.EN, "<p>Overview 概览</p>", ["not through _() or term()"]),
    (i18n.EN, '<img alt="森林覆盖率" src="x.png">', ["<img alt>: Han"]),
    (i18n.EN, '<meta name="description" content="重庆">', ["<meta description>: Han"]),
    (i18n.EN, "<title>Overview · 重庆</title>", ["<title>: Han"]),
    (i18n.EN, "<p>0.30000000000000004 and 1.4e-14</p>", ["float noise"]),
    (i18n.EN, "<p>Nan'an District</p>", []),
    (i18n.ZH_HANT, "<p>重慶規劃</p>", []),
    (i18n.ZH_HANT, "<p>重庆规划</p>", ["简体 left in “重庆规划”"]),
    (i18n.ZH_HANT, '<p>見 <span lang="zh-CN">重庆规划</span></p>', []),
    (i18n.ZH_HANT, "<p>見第一章第三節：“到2017年，基本实现我国现行标准下农村贫困人口脱贫”</p>", []),  # the plan, quoted
    (i18n.ZH_HANT, "<p>見：“这句话规划里没有”</p>", ["简体 left"]),
    (i18n.ZH_HANT, '<img alt="森林覆盖率" src="x.png">', ["简体 left"]),
]


@pytest.mark.parametrize(("lang", "markup", "expected"), RULES)
def test_the_rules_see_each_fault_and_pass_each_allowed_text(lang, markup, expected):
    found = problems(read_html(markup, "page")[0], lang)
    assert len(found) == len(expected) and all(words in line for words, line in zip(expected, found)), found


def test_an_inline_svg_picture_is_read_too(tmp_path):
    svg = base64.b64encode('<svg xmlns="http://www.w3.org/2000/svg"><text>都市功能核心区</text></svg>'.encode()).decode()
    page = tmp_path / "index.html"
    page.write_text(f'<html lang="en"><body><img alt="Map" src="data:image/svg+xml;base64,{svg}"></body></html>', encoding="utf-8")
    assert [line.split(":")[0] for line in check_static(page, "/", i18n.EN, tmp_path)] == ["/en/ picture 1 <text>"]


def test_the_walk_names_the_catalog_entry_english_lacks(monkeypatch):
    from lib.views import report_card

    title = report_card.build(report_card.State()).title
    english = {msgid: text for msgid, text in i18n.catalog(i18n.EN).items() if msgid != title}
    catalog = i18n.catalog
    monkeypatch.setattr(i18n, "catalog", lambda lang: english if lang == i18n.EN else catalog(lang))
    language_scan._untranslated_msgids.cache_clear()
    try:
        at = open_page("report_card", {"lang": i18n.EN})
        found = problems(app_shown(at, "/report_card?lang=en"), i18n.EN)
    finally:
        language_scan._untranslated_msgids.cache_clear()
    assert any(f"the English catalog has no entry for “{title}”" in line for line in found), found


def test_a_download_s_header_is_read_in_the_page_s_language(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "projects.csv").write_text("序号,Project\n1,万州机场\n", encoding="utf-8")
    page = tmp_path / "en" / "index.html"
    page.write_text('<html lang="en"><body><a href="projects.csv">Projects (CSV)</a></body></html>', encoding="utf-8")
    found = check_static(page, "/", i18n.EN, tmp_path)
    # the header's 序号 is named; the cell (万州机场, data as printed) is not read
    assert len(found) == 1 and "projects.csv header" in found[0] and "序号" in found[0], found
