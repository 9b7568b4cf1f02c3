"""The static public edition: baked once per session into a temporary folder, then read back.

What a baked site must be (issue 17): every indicator has its page; every
internal link resolves; every page has a title and its folder's lang (zh-CN, en, zh-Hant); nothing is
fetched from another host; no inline script or event handler (a CSP of
'self' holds); every figure is the string the page's View holds (the tables
and indicator pages: tests/test_bake_indicators.py); the pace slider and the studio
panels ship the studio View's own formulas (run through the vendored Vega in
tests/browser/test_formula_in_vega.py); within the size budgets (the time budget is
measured by bench/bake_bench.py beside a bare bake: no timed assertion in a test).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest
import vl_convert

from bake import charts, checks, links, site, studio
from helpers import BAKE_APP_URL as APP_URL
from helpers import data_rows
from lib.plan import data, zones
from lib.present import routes
from lib.views import scenarios
from lib.views.scenarios import studio as scenario_studio
from lib.views.scenarios.catalogue import indicator_options, options_by_id

# The 专栏2 rows with a public pace slider, read cheaply (a threshold moves as a share); the options are built in the test.
PACE_IDS = [r["indicator_id"] for r in data_rows("indicators.csv", table_no="2") if r["kind"] in (*charts.PACE_KINDS, "threshold")]


@functools.cache
def indicator_ids() -> tuple[str, ...]:
    return tuple(data.load_indicators().indicator_id)


@pytest.fixture(scope="session")
def baked(baked_site) -> tuple[Path, site.Report]:
    return baked_site


@pytest.fixture(scope="session")
def out(baked) -> Path:
    return baked[0]


def page_text(path: Path) -> str:
    """The text a reader sees, whitespace collapsed (scripts excluded)."""
    return " ".join("".join(checks.read_page(path).text).split())


# --- the site as a whole ---------------------------------------------------------------


def test_the_site_passes_its_own_checks(out):
    assert checks.check_site(out, app_url=APP_URL) == []


def test_every_indicator_has_its_page(baked):
    out, report = baked
    assert sorted(report.indicators) == sorted(indicator_ids())
    # 84 rows in data/indicators.csv (README's data table: 34 + 7 in 专栏1, 28 + 15 in 专栏2)
    assert len(indicator_ids()) == 84
    for indicator_id in indicator_ids():
        assert (out / "indicator" / indicator_id / "index.html").is_file(), indicator_id


def test_every_page_has_lang_and_a_title_of_its_own(out):
    titles = {}
    for path in checks.html_pages(out):
        page = checks.read_page(path)
        # zh-CN, and en / zh-Hant in the /en/ and /zh-hant/ folders (issue 27).
        assert page.lang == checks.language_of("/" + path.relative_to(out).as_posix()), path
        assert page.title.strip(), path
        titles.setdefault(page.title, []).append(path)
    repeated = {t: p for t, p in titles.items() if len(p) > 1}
    assert repeated == {}


def test_the_bake_writes_every_page_the_brief_lists(out):
    chapters = len(__import__("lib.plan.search", fromlist=["x"]).chapter_choices())
    for url in ("/", "/indicators/", "/plan/", "/methods/", "/zones/", "/search/", "/404.html", routes.plan("第十一章")):
        assert checks.target_of(out, out / "index.html", url)[0].is_file(), url
    assert len(list((out / "plan").glob("*/index.html"))) == chapters
    # 5 zones and 38 districts (README: zones.csv 5 rows, districts.csv 38), each with its page
    assert len([p for p in (out / "zones").iterdir() if p.is_dir()]) == 5 + 38


def test_the_search_index_is_built_offline(out):
    # One index per language, by each page's <html lang> (issue 27): /en/search/ finds the English pages.
    assert (out / "pagefind" / "pagefind-ui.js").is_file()
    assert list((out / "pagefind" / "index").iterdir()), "Pagefind wrote no index"
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    assert sorted(entry["languages"]) == ["en", "zh-cn", "zh-hant"]
    assert entry["languages"]["zh-cn"]["page_count"] >= len(indicator_ids())
    # Every page baked in English is in the English index, and no other: 38 chapters, the plan's contents, 概览,
    # the report card, 数据与方法 and the search page itself.
    english = [p for p in (out / "en").rglob("index.html")]
    assert entry["languages"]["en"]["page_count"] == len(english) == entry["languages"]["zh-hant"]["page_count"]
    # A chapter's English page indexes its own words, not a second copy of the 简体 text it quotes.
    chapter = (out / "en" / "plan" / "11" / "index.html").read_text(encoding="utf-8")
    assert '<article class="plan-text" lang="zh-CN" data-pagefind-ignore>' in chapter


# --- the checker can fail ----------------------------------------------------------------


def test_the_checks_find_what_they_look_for(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title></title>'
        '<script src="https://cdn.example.com/vega.js"></script><script>alert(1)</script></head>'
        '<body onload="go()"><a href="/missing/">x</a><a href="/a/#nowhere">y</a>'
        f'<a href="{APP_URL}/trajectories">app</a><img src="https://tiles.example.com/1.png">'
        '<a href="javascript:alert(1)">z</a><p style="color:red">s</p></body></html>',
        encoding="utf-8",
    )
    found = "\n".join(checks.check_site(tmp_path, app_url=APP_URL))
    for expected in (
        "lang is 'en'",
        "no <title>",
        "outside host in <script src='https://cdn.example.com",
        "inline script",
        "inline event handler <body onload>",
        "broken link /missing/",
        "no #nowhere",
        "outside host in <img src='https://tiles.example.com",
        "javascript:",
        "inline style",
    ):
        assert expected in found, expected
    assert "dash.example.org" not in found  # a link to the app is a link, not a request


# --- the pace slider computes what lib computes -----------------------------------------------


def _formulas(spec: dict) -> dict[str, str]:
    """The formulas of the Vega spec the page loads, by the field each computes."""
    return {step["as"]: step["expr"] for data in spec["data"] for step in data.get("transform", ()) if step["type"] == "formula"}


@pytest.mark.parametrize("indicator_id", PACE_IDS)
def test_the_baked_slider_ships_the_studios_formulas(out, indicator_id):
    """The page loads the Vega expressions generated from the studio View's formulas, unchanged
    (tests/browser/test_formula_in_vega.py runs those very strings through the vendored Vega)."""
    option = options_by_id()[indicator_id]
    spec = json.loads((out / "indicator" / option.indicator_id / "pace.json").read_text(encoding="utf-8"))
    param = next(signal for signal in spec["signals"] if signal["name"] == "pace")
    assert param["value"] == option.plan_pace and param["bind"]["step"] == option.step
    shipped = _formulas(spec)
    for step in charts.pace_transforms(option):
        assert shipped[step["as"]] == step["calculate"], step["as"]


def test_vega_itself_draws_the_2020_value_lib_gives(out):
    """The drawn picture (vl-convert's Vega), for two indicators at three paces: the landing's words
    are the app's answer for that pace, the figure as shown and the verdict taken on it."""
    pace_options = [o for o in indicator_options() if o.kind in charts.PACE_KINDS]
    for option in pace_options[:1] + [o for o in pace_options if o.kind == "level"][:1]:
        spec = json.loads((out / "indicator" / option.indicator_id / "pace.json").read_text(encoding="utf-8"))
        signal = next(signal for signal in spec["signals"] if signal["name"] == "pace")
        for pace in (option.low, option.plan_pace, option.high):
            signal["value"] = pace
            svg = vl_convert.vega_to_svg(spec)
            shown = scenarios.build(scenarios.State(indicator=option.indicator_id, pace=pace)).studio.metric_rows[0]
            assert f"2020年：{shown[0].value}，{shown[2].value}" in svg, (option.indicator_id, pace)


def test_only_level_and_share_pages_have_a_slider(out):
    with_slider = {p.parent.name for p in (out / "indicator").glob("*/pace.json")}
    assert with_slider == set(PACE_IDS) == {o.indicator_id for o in indicator_options() if o.kind in charts.PACE_KINDS}


def test_the_browser_draws_with_the_vega_release_the_bake_time_svg_is_drawn_with(out):
    """One Vega for both pictures: the vendored release is vl-convert's own (a spec compiled for
    one Vega and drawn by another could differ)."""
    assert charts.VEGA_VERSION == vl_convert.get_vega_version()
    served = (out / "assets" / "vega.js").read_bytes()
    assert served == (charts.VENDOR / "vega.min.js").read_bytes()
    assert gzip.decompress((out / "assets" / "vega.js.gz").read_bytes()) == served


def test_chart_pages_load_the_bundle_after_the_page_not_before(out):
    """The bundle is named by site.js's data-bundle (site.js fetches and runs it at the reader's first
    interaction after the load event), never
    by a script tag, so a page is whole with its SVG pictures before 512 KB of script compiles."""
    chart_pages = [p for p in checks.html_pages(out) if 'class="vega' in p.read_text(encoding="utf-8")]
    assert len(chart_pages) > 60
    for path in chart_pages:
        loads = checks.read_page(path).links
        assert ("script", "data-bundle", links.BUNDLE) in loads, path
        assert ("script", "src", links.BUNDLE) not in loads, path


def _aria_parts(node: dict):
    for part in charts.ARIA_PARTS:
        for item in node.get(part) or []:
            yield item
            if part == "marks":
                yield from _aria_parts(item)


def test_every_chart_is_labelled_in_chinese_and_vegas_english_labels_are_hidden(out):
    """Vega would read a chart out as "Vega visualization", "X-axis titled …", "line mark" (see
    bake.charts.quiet_aria): each baked spec carries one Chinese label, its parts none."""
    specs = sorted(out.glob("indicator/*/*.json")) + sorted(out.glob("indicators/**/*.json"))
    assert len(specs) > 60
    for path in specs:
        spec = json.loads(path.read_text(encoding="utf-8"))
        assert re.search(r"[\u4e00-\u9fff]", spec["description"]) and spec["description"] != "图表", path
        parts = list(_aria_parts(spec))
        assert parts and all(item["aria"] is False for item in parts), path
        assert not any("description" in channels for item in parts for channels in (item.get("encode") or {}).values()), path


def _studio_metrics(section: str, values: dict) -> tuple:
    """What the app's 情景推演 panel shows with these slider values: (label：value, delta) per metric."""
    view = scenario_studio.build(scenarios.State(section=section, **values))
    return tuple(x for m in view.studio.metric_rows[0] for x in (f"{m.label}：{m.value}", m.delta))


def test_the_studio_panels_stand_on_the_gdp_and_income_pages(out):
    with_panel = {p.parent.name: p for p in (out / "indicator").glob("*/studio.json")}
    # 地区生产总值 (专栏1 rows 1-2, 专栏2 row 1) and the incomes (专栏1 rows 26-27, 专栏2 rows 2 and 10): data/indicators.csv
    assert set(with_panel) == {
        "t1_gdp",
        "t1_gdp_per_capita",
        "t2_gdp_growth",
        "t1_urban_income",
        "t1_rural_income",
        "t2_income_growth",
        "t2_urban_rural_income_ratio",
    }
    for indicator_id, path in with_panel.items():
        section = studio.PAGES[indicator_id]
        sliders = scenario_studio.build(scenarios.State(section=section)).studio.slider_rows[0]
        signals = {s["name"]: s for s in json.loads(path.read_text(encoding="utf-8"))["signals"]}
        for slider in sliders:  # the app's slider: its key, plan value, range, step and label
            bound = signals[slider.key]
            assert bound["value"] == slider.value, (indicator_id, slider.key)
            assert (bound["bind"]["min"], bound["bind"]["max"], bound["bind"]["step"]) == (slider.low, slider.high, slider.step)
            assert bound["bind"]["name"] == slider.label
        text = page_text(path.parent / "index.html")
        assert studio.panel(section).caption.text in text
    labels = [s["bind"]["name"] for s in json.loads(with_panel["t1_gdp"].read_text(encoding="utf-8"))["signals"] if "bind" in s]
    assert labels[0] == "实际增速（%/年）"  # the app's words: real growth on the slider, 现价 in the answer
    assert "现价" in page_text(out / "indicator" / "t1_gdp" / "index.html")


@pytest.mark.parametrize("indicator_id", ["t1_gdp", "t2_income_growth"])
def test_the_baked_panels_ship_the_studios_formulas(out, indicator_id):
    """The panel loads the Vega expressions generated from the studio View's program and paths,
    unchanged (tests/browser/test_formula_in_vega.py runs them through the vendored Vega)."""
    spec = json.loads((out / "indicator" / indicator_id / "studio.json").read_text(encoding="utf-8"))
    view = studio.studio_view(studio.PAGES[indicator_id])
    shipped = _formulas(spec)
    paths = studio.path_transforms(view.studio) if studio.PAGES[indicator_id] == studio.GDP else studio.income_path_transforms(view.studio)
    for step in (*studio.answer_transforms(view.studio), *paths):
        if "calculate" in step:
            assert shipped[step["as"]] == step["calculate"], step["as"]


def test_vega_itself_draws_the_studio_answers_lib_gives(out):
    """The panels through Vega's own evaluator (vl-convert), at the plan and at a slowdown."""
    for indicator_id, key, value in (("t1_gdp", "gdp_real", 7.0), ("t2_income_growth", "rural_income", 8.0)):
        spec = json.loads((out / "indicator" / indicator_id / "studio.json").read_text(encoding="utf-8"))
        section = studio.PAGES[indicator_id]
        for values in ({}, {key: value}):
            for signal in spec["signals"]:
                if signal["name"] in values:
                    signal["value"] = values[signal["name"]]
            svg = vl_convert.vega_to_svg(spec)
            for line in _studio_metrics(section, values):
                assert line in svg, (indicator_id, values, line)


VENDOR_TABLE = re.compile(r"^\| `(?P<folder>[^`]+)/` \|.*\| `(?P<file>[^`]+)` \| `(?P<sha>[0-9a-f]{64})` \|", re.M)


def test_every_vendored_file_is_the_release_its_readme_names():
    """bake/static/vendor/README.md lists each file's SHA-256 (of the file in its npm tarball); an
    edited or swapped file fails here."""
    vendor = site.STATIC / "vendor"
    listed = {(m["folder"], m["file"]): m["sha"] for m in VENDOR_TABLE.finditer((vendor / "README.md").read_text(encoding="utf-8"))}
    found = {(p.parent.name, p.name) for p in vendor.glob("*/*") if p.name != "LICENSE"}
    assert found and found == set(listed)
    for (folder, name), sha in listed.items():
        assert hashlib.sha256((vendor / folder / name).read_bytes()).hexdigest() == sha, name
        assert (vendor / folder / "LICENSE").is_file(), folder


def test_the_site_serves_the_vendored_sorter(out):
    assert (out / links.SORTABLE.lstrip("/")).read_bytes() == (site.SORTABLE / "sortable.min.js").read_bytes()
    html = (out / "indicators" / "index.html").read_text(encoding="utf-8")
    for url in (links.SORTABLE, links.TABLES_SCRIPT, links.TABLES_CSS):
        assert f'"{url}"' in html, url


# --- budgets ----------------------------------------------------------------------------------


def test_a_page_s_weight_counts_what_it_loads_not_its_other_languages(tmp_path):
    """<link rel="alternate" hreflang> names the page in another language (issue 27); the browser never fetches it."""
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text("x" * 5000)
    (tmp_path / "a.css").write_text("y" * 300)
    page = tmp_path / "index.html"
    page.write_text('<html lang="zh-CN"><link rel="alternate" hreflang="en" href="/en/"><link rel="stylesheet" href="/a.css"></html>')
    assert checks.page_bytes(tmp_path, page) == page.stat().st_size + 300


def test_every_page_weighs_at_most_150_kb_without_the_bundle(out):
    heavy = {str(p.relative_to(out)): n for p in checks.html_pages(out) if (n := checks.page_bytes(out, p)) > 150_000}
    assert heavy == {}


def test_the_baked_map_draws_a_dot_only_at_a_site(out):
    # projects.csv: 9 rows at precision site (the airports, airportsdata); the 269 placed only in a district get no dot.
    svg = (out / "zones" / "map.svg").read_text(encoding="utf-8")
    sites = zones.load_projects().query("precision == 'site'")
    assert svg.count("<circle") == len(sites) == 9
    assert all(f"<title>{name}（机场）</title>" in svg for name in sites.name_zh)


def test_each_edition_weighs_at_most_15_mb_and_the_whole_site_45_mb(out):
    """docs/speed.md: what a deploy uploads and a mirror keeps. The 30 MB whole-site budget was one
    edition's; with three (issue 27) each language's edition is held to 15 MB and the site to 45 MB."""
    from bench.bake_bench import MAX_EDITION_BYTES, MAX_SITE_BYTES

    weights = checks.edition_bytes(out)
    assert set(weights) == {"zh-CN", "en", "zh-Hant", "shared"} and min(weights.values()) > 0
    assert {edition: n for edition, n in weights.items() if n > MAX_EDITION_BYTES} == {}
    assert sum(weights.values()) == sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) <= MAX_SITE_BYTES


def test_a_file_s_edition_is_its_language_folder(tmp_path):
    for name, size in {"index.html": 3, "en/index.html": 5, "zh-hant/zones/a.csv": 7, "assets/vega.js": 11, "pagefind/x": 13}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * size)
    assert checks.edition_bytes(tmp_path) == {"zh-CN": 3, "en": 5, "zh-Hant": 7, "shared": 24}


def test_the_static_nginx_config_passes_nginx_t(out, tmp_path):
    import shutil
    import subprocess

    from bench.stream import free_port
    from deploy import nginx

    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    config = tmp_path / "nginx.conf"
    config.write_text(nginx.render_static(out, f"127.0.0.1:{free_port()}", "_", tmp_path))
    result = subprocess.run([binary, "-t", "-c", str(config), "-p", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Content-Security-Policy" in config.read_text() and "'unsafe-inline'" not in config.read_text()


def test_every_text_file_has_its_gzip_beside_it(out):
    """bake.site.precompress: nginx's gzip_static sends these as they are."""
    texts = [p for p in out.rglob("*") if p.suffix in site.COMPRESSIBLE and p.stat().st_size >= site.SMALLEST]
    assert len(texts) > 300
    for path in texts:
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == path.read_bytes(), path


def test_nginx_sends_the_bakes_own_gzip_with_the_csp(out):
    """Served by render_static's nginx: a page and the chart bundle come as the bake compressed
    them (byte for byte the .gz file), with the CSP; a client without gzip gets the plain file."""
    import shutil
    import tempfile
    import urllib.request

    from bake.serve import CSP
    from bench.bake_bench import static_nginx

    if not Path(shutil.which("nginx") or "/usr/sbin/nginx").exists():
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    with tempfile.TemporaryDirectory(prefix="bake-nginx-") as folder:
        root = Path(folder) / "public"
        for name in ("index.html", "index.html.gz", "assets/vega.js", "assets/vega.js.gz"):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out / name, root / name)
        for path in [Path(folder), root, root / "assets", *root.rglob("*")]:
            path.chmod(0o755)  # nginx's workers are not root
        with static_nginx(root) as port:
            for path, file in (("/", "index.html"), ("/assets/vega.js", "assets/vega.js")):
                for encoding in ("gzip", None):
                    request = urllib.request.Request(
                        f"http://127.0.0.1:{port}{path}", headers={"Accept-Encoding": encoding} if encoding else {}
                    )
                    with urllib.request.urlopen(request, timeout=10) as response:
                        headers, body = response.headers, response.read()
                    if encoding:
                        assert headers["Content-Encoding"] == "gzip" and body == (out / (file + ".gz")).read_bytes(), path
                        assert headers["Content-Security-Policy"] == CSP and "Accept-Encoding" in headers["Vary"], path
                    else:
                        assert headers.get("Content-Encoding") is None and body == (out / file).read_bytes(), path


def test_the_site_offers_no_boundaries_file(baked):
    # geo/README.md: the boundaries derive from Amap, whose terms for passing them on are
    # unknown, so neither the app nor the baked site hands them out
    out, _ = baked
    assert not list(out.rglob("*.geojson"))
    assert "不提供边界下载" in (out / "methods" / "index.html").read_text(encoding="utf-8")
