"""The static public edition: baked once per session into a temporary folder, then read back.

What a baked site must be (issue 17): every indicator has its page; every
internal link resolves; every page has a title and lang zh-CN; nothing is
fetched from another host; no inline script or event handler (a CSP of
'self' holds); every figure is the string the page's View holds; the pace
slider computes what lib.scenario computes; within the size and time budgets.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
import vl_convert

from bake import charts, checks, links, pages, site
from lib import data, exports, scenario, zones
from lib.figures import figure
from lib.scenario_catalogue import indicator_options

from helpers import BAKE_APP_URL as APP_URL
INDICATOR_IDS = tuple(data.load_indicators().indicator_id)
PACE_OPTIONS = tuple(o for o in indicator_options() if o.kind in charts.PACE_KINDS)


@pytest.fixture(scope="session")
def baked(baked_site) -> tuple[Path, site.Report]:
    return baked_site


@pytest.fixture(scope="session")
def out(baked) -> Path:
    return baked[0]


def page_text(path: Path) -> str:
    """The text a reader sees, whitespace collapsed (scripts excluded)."""
    return " ".join("".join(checks.read_page(path).text).split())


def unescape_markdown(text: str) -> str:
    """What lib.markup.markdown_escape's text reads as once rendered: the backslashes gone."""
    return re.sub(r"\\(.)", r"\1", text)


# --- the site as a whole ---------------------------------------------------------------


def test_the_site_passes_its_own_checks(out):
    assert checks.check_site(out, app_url=APP_URL) == []


def test_every_indicator_has_its_page(baked):
    out, report = baked
    assert sorted(report.indicators) == sorted(INDICATOR_IDS)
    # 84 rows in data/indicators.csv (README's data table: 34 + 7 in 专栏1, 28 + 15 in 专栏2)
    assert len(INDICATOR_IDS) == 84
    for indicator_id in INDICATOR_IDS:
        assert (out / "indicator" / indicator_id / "index.html").is_file(), indicator_id


def test_every_page_has_lang_and_a_title_of_its_own(out):
    titles = {}
    for path in checks.html_pages(out):
        page = checks.read_page(path)
        assert page.lang == "zh-CN", path
        assert page.title.strip(), path
        titles.setdefault(page.title, []).append(path)
    repeated = {t: p for t, p in titles.items() if len(p) > 1}
    assert repeated == {}


def test_the_bake_writes_every_page_the_brief_lists(out):
    chapters = len(__import__("lib.search", fromlist=["x"]).chapter_choices())
    for url in ("/", "/indicators/", "/plan/", "/methods/", "/zones/", "/search/", "/404.html", links.plan("第十一章")):
        assert checks.target_of(out, out / "index.html", url)[0].is_file(), url
    assert len(list((out / "plan").glob("*/index.html"))) == chapters
    # 5 zones and 38 districts (README: zones.csv 5 rows, districts.csv 38), each with its page
    assert len([p for p in (out / "zones").iterdir() if p.is_dir()]) == 5 + 38


def test_the_search_index_is_built_offline(out):
    assert (out / "pagefind" / "pagefind-ui.js").is_file()
    assert list((out / "pagefind" / "index").iterdir()), "Pagefind wrote no index"
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["zh-cn"]
    assert entry["languages"]["zh-cn"]["page_count"] >= len(INDICATOR_IDS)


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
    for expected in ("lang is 'en'", "no <title>", "outside host in <script src='https://cdn.example.com",
                     "inline script", "inline event handler <body onload>", "broken link /missing/", "no #nowhere",
                     "outside host in <img src='https://tiles.example.com", "javascript:", "inline style"):
        assert expected in found, expected
    assert "dash.example.org" not in found  # a link to the app is a link, not a request


# --- the figures are the Views' strings ----------------------------------------------------


class _Rows(HTMLParser):
    """Each <tr id="row-…">'s cells' text, in order."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, list[str]] = {}
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "tr" and (values.get("id") or "").startswith("row-"):
            self._row = values["id"][4:]
            self.rows[self._row] = []
        elif tag in ("td", "th") and self._row:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self.rows[self._row].append(self._cell)
            self._cell = None
        if tag == "tr":
            self._row = None

    def handle_data(self, text):
        if self._cell is not None:
            self._cell += text


def test_both_tables_show_the_views_cells(out):
    parser = _Rows()
    parser.feed((out / "indicators" / "index.html").read_text(encoding="utf-8"))
    for view in pages.table_views().values():
        assert view.rows, view.heading
        for row_id, row in zip(view.row_ids, view.rows):
            expected = ["" if c is None else (f"{c}%" if col.percent else str(c)) for col, c in zip(view.columns, row)]
            assert parser.rows[row_id] == expected, row_id


def test_the_tables_keep_the_printed_marks(out):
    text = page_text(out / "indicators" / "index.html")
    # As printed in 专栏2 (data/source/plan.txt): 左右 targets, ＞ thresholds and 【】 five-year totals
    for mark in ("左右", "＞", "【"):
        assert mark in text, mark


@pytest.mark.parametrize("indicator_id", INDICATOR_IDS)
def test_an_indicator_page_holds_its_views_strings(out, indicator_id):
    table_view, trajectory = pages.indicator_views(indicator_id)
    detail = table_view.detail
    path = out / "indicator" / indicator_id / "index.html"
    text = page_text(path)
    expected = [detail.title, detail.printed, detail.source, *detail.pace_lines, *detail.notes]
    if detail.definition:
        expected.append(detail.definition)
    if trajectory is not None:
        expected += [unescape_markdown(trajectory.summary_markdown), trajectory.chart_caption, trajectory.message]
    for string in filter(None, expected):
        assert " ".join(string.split()) in text, string
    if trajectory is not None and trajectory.chart is not None:
        # the chart is the app's own spec (its data as rows instead of Arrow bytes), compiled to Vega
        baked_spec = json.loads((path.parent / "chart.json").read_text(encoding="utf-8"))
        assert baked_spec == json.loads(json.dumps(charts.vega_spec(charts.with_values(trajectory.chart))))
        assert (path.parent / "chart.svg").read_text(encoding="utf-8").startswith("<svg")


def test_an_indicator_csv_holds_its_printed_cells(out):
    # 森林覆盖率: 2015年 45, 2020年 46 (专栏2 row 12, data/source/plan.txt)
    frame = exports.read_csv_bytes((out / "indicator" / "t2_forest_cover" / "data.csv").read_bytes())
    assert dict(zip(frame.period, frame.raw)) == {"2015": "45", "2020": "46"}


def test_a_page_links_to_its_view_in_the_app(out):
    text = (out / "indicator" / "t2_forest_cover" / "index.html").read_text(encoding="utf-8")
    assert f'href="{APP_URL}/trajectories?indicator=t2_forest_cover"' in text
    assert f'href="{APP_URL}/indicators?row=t2_forest_cover"' in text


# --- the pace slider computes what lib computes -----------------------------------------------


def _js_round(x: float) -> float:
    return math.floor(x + 0.5)  # JavaScript's Math.round, which Vega's round() is


def _js_format(x: float, specifier: str) -> str:
    """d3-format's '.Nf': Number.prototype.toFixed, exact decimal expansion, ties up."""
    decimals = int(re.fullmatch(r"\.(\d+)f", specifier).group(1))
    return str(Decimal(x).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP))


def _evaluate(expression: str, **names) -> object:
    """A Vega expression of the slider's (arithmetic, pow, abs, round, format, comparisons, one
    top-level a ? b : c) evaluated in Python with JavaScript's rounding and formatting."""
    python = expression.replace("datum.", "datum_").replace("round(", "_round(").replace("format(", "_format(")
    if "?" in python:
        condition, rest = python.split("?", 1)
        chosen, otherwise = rest.split(":", 1)
        python = f"({chosen}) if ({condition}) else ({otherwise})"
    assert re.fullmatch(r"[\w\s.+\-*/(),'<>=]+", python), expression
    namespace = {"__builtins__": {}, "pow": pow, "abs": abs, "_round": _js_round, "_format": _js_format}
    return eval(python, namespace, names)  # noqa: S307 - the expression is our own spec's, checked above


def _calculations(spec: dict) -> dict[str, str]:
    """The formulas of the Vega spec the page loads, by the field each computes."""
    return {step["as"]: step["expr"] for data in spec["data"] for step in data.get("transform", ()) if step["type"] == "formula"}


def _grid(option) -> list[float]:
    # the slider's ends, the plan's pace and the 2011–2015 pace, and points between, on the slider's step
    points = {option.low, option.high, option.plan_pace, *(option.low + (option.high - option.low) * k / 8 for k in range(9))}
    if option.achieved_pace is not None:
        points.add(option.achieved_pace)
    return sorted({round(round(p / option.step) * option.step, 10) for p in points if option.low <= p <= option.high})


@pytest.mark.parametrize("option", PACE_OPTIONS, ids=lambda o: o.indicator_id)
def test_the_baked_slider_lands_where_lib_does(out, option):
    spec = json.loads((out / "indicator" / option.indicator_id / "pace.json").read_text(encoding="utf-8"))
    calculate = _calculations(spec)
    param = next(signal for signal in spec["signals"] if signal["name"] == "pace")
    assert param["value"] == option.plan_pace and param["bind"]["step"] == option.step
    for pace in _grid(option):
        outcome = scenario.run(option.kind, option.direction, option.base, option.target, [pace], option.qualifier)
        value = _evaluate(calculate["value"], pace=pace, datum_year=2020)
        assert math.isclose(value, outcome.value_2020, rel_tol=1e-12), (pace, value, outcome.value_2020)
        units = _evaluate(calculate["units"], datum_value=value)
        sign = _evaluate(calculate["sign"], datum_value=value)
        shown = _evaluate(calculate["shown"], datum_units=units, datum_sign=sign)
        assert shown == figure(outcome.value_2020, option.decimals), (pace, value)
        assert _evaluate(calculate["met"], datum_value=value) == outcome.met, pace


def test_vega_itself_draws_the_2020_value_lib_gives(out):
    """The same check through Vega's own evaluator (vl-convert runs it), for two indicators at three paces."""
    for option in PACE_OPTIONS[:1] + tuple(o for o in PACE_OPTIONS if o.kind == "level")[:1]:
        spec = json.loads((out / "indicator" / option.indicator_id / "pace.json").read_text(encoding="utf-8"))
        signal = next(signal for signal in spec["signals"] if signal["name"] == "pace")
        for pace in (option.low, option.plan_pace, option.high):
            signal["value"] = pace
            svg = vl_convert.vega_to_svg(spec)
            outcome = scenario.run(option.kind, option.direction, option.base, option.target, [pace], option.qualifier)
            assert f"2020年：{figure(outcome.value_2020, option.decimals)}" in svg, (option.indicator_id, pace)


def test_only_level_and_share_pages_have_a_slider(out):
    with_slider = {p.parent.name for p in (out / "indicator").glob("*/pace.json")}
    assert with_slider == {o.indicator_id for o in PACE_OPTIONS}


def test_the_browser_draws_with_the_vega_release_the_bake_time_svg_is_drawn_with(out):
    """One Vega for both pictures: the vendored release is vl-convert's own (a spec compiled for
    one Vega and drawn by another could differ)."""
    assert charts.VEGA_VERSION == vl_convert.get_vega_version()
    served = (out / "assets" / "vega.js").read_bytes()
    assert served == (charts.VENDOR / "vega.min.js").read_bytes()
    assert gzip.decompress((out / "assets" / "vega.js.gz").read_bytes()) == served


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


VENDOR_TABLE = re.compile(r"^\| `(?P<folder>[^`]+)/` \|.*\| `(?P<file>[^`]+)` \| `(?P<sha>[0-9a-f]{64})` \|", re.M)


def test_every_vendored_file_is_the_release_its_readme_names():
    """bake/static/vendor/README.md lists each file's SHA-256 (of the file in its npm tarball); an
    edited or swapped file fails here."""
    vendor = charts.VENDOR.parent
    listed = {(m["folder"], m["file"]): m["sha"] for m in VENDOR_TABLE.finditer((vendor / "README.md").read_text(encoding="utf-8"))}
    found = {(p.parent.name, p.name) for p in vendor.glob("*/*") if p.name != "LICENSE"}
    assert found and found == set(listed)
    for (folder, name), sha in listed.items():
        assert hashlib.sha256((vendor / folder / name).read_bytes()).hexdigest() == sha, name
        assert (vendor / folder / "LICENSE").is_file(), folder


# --- budgets ----------------------------------------------------------------------------------


def test_the_bake_is_within_its_time_budget(baked):
    _, report = baked
    assert sum(report.seconds.values()) < 120, report.lines()


def test_every_page_weighs_at_most_150_kb_without_the_bundle(out):
    heavy = {str(p.relative_to(out)): n for p in checks.html_pages(out) if (n := checks.page_bytes(out, p)) > 150_000}
    assert heavy == {}


def test_the_baked_map_draws_a_dot_only_at_a_site(out):
    # projects.csv: 9 rows at precision site (the airports, airportsdata); the 269 placed only in a district get no dot.
    svg = (out / "zones" / "map.svg").read_text(encoding="utf-8")
    sites = zones.load_projects().query("precision == 'site'")
    assert svg.count("<circle") == len(sites) == 9
    assert all(f"<title>{name}（机场）</title>" in svg for name in sites.name_zh)


def test_the_whole_site_weighs_at_most_30_mb(out):
    assert sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) <= 30_000_000


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
    import subprocess
    import tempfile
    import time
    import urllib.request

    from bench.stream import free_port
    from bake.serve import CSP
    from deploy import nginx

    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    with tempfile.TemporaryDirectory(prefix="bake-nginx-") as folder:
        root = Path(folder) / "public"
        for name in ("index.html", "index.html.gz", "assets/vega.js", "assets/vega.js.gz"):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(out / name, root / name)
        for path in [Path(folder), root, root / "assets", *root.rglob("*")]:
            path.chmod(0o755)  # nginx's workers are not root
        port = free_port()
        (Path(folder) / "nginx.conf").write_text(nginx.render_static(root, f"127.0.0.1:{port}", "_", Path(folder)))
        process = subprocess.Popen([binary, "-c", f"{folder}/nginx.conf", "-p", folder], stderr=subprocess.PIPE)
        try:
            def get(path: str, encoding: str | None):
                request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept-Encoding": encoding} if encoding else {})
                for _ in range(100):
                    try:
                        with urllib.request.urlopen(request, timeout=5) as response:
                            return response.headers, response.read()
                    except OSError:
                        time.sleep(0.1)
                raise AssertionError(process.stderr.read1().decode() if process.poll() is not None else "nginx did not answer")

            for path, file in (("/", "index.html"), ("/assets/vega.js", "assets/vega.js")):
                headers, body = get(path, "gzip")
                assert headers["Content-Encoding"] == "gzip" and body == (out / (file + ".gz")).read_bytes(), path
                assert headers["Content-Security-Policy"] == CSP and "Accept-Encoding" in headers["Vary"], path
                headers, body = get(path, None)
                assert headers.get("Content-Encoding") is None and body == (out / file).read_bytes(), path
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_the_site_offers_no_boundaries_file(baked):
    # geo/README.md: the boundaries derive from Amap, whose terms for passing them on are
    # unknown, so neither the app nor the baked site hands them out
    out, _ = baked
    assert not list(out.rglob("*.geojson"))
    assert "不提供边界下载" in (out / "methods" / "index.html").read_text(encoding="utf-8")
