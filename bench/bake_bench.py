"""The static edition's budgets, measured beside the bare Streamlit app in the same run.

    .venv/bin/python -m bench.bake_bench [--runs 5] [--visitors 500] [--site public/]

1. The bake: wall time (budget: under 2 minutes; this budget lived in
   tests/test_bake.py until a busy CI machine failed it), beside a bare bake in the
   same run (a fresh Python importing what the bake imports and drawing one small
   chart to SVG: the machine's own floor, so a slow figure on a busy machine reads
   as such); whole site (≤ 45 MB) and each language's edition (≤ 15 MB), every page's weight without the shared chart
   bundle (≤ 150 KB).
2. First visit in headless Chromium (fresh context each load, 1280×720): the
   bare one-line Streamlit app (bench/bare_app.py) against baked pages served by
   nginx with the production static config (deploy.nginx.render_static), and two
   reference pages under the same nginx: a plain static page, a page holding
   one Vega-Lite chart from the same bundle, and the GDP page's two bake-time
   pictures on a page with no script (the floor of that page's drawn time). Two times per page: drawn (loaded with
   its bake-time SVG pictures, two frames painted: the page a reader sees, whole with
   JavaScript off) and Vega (every chart redrawn by Vega, so sliders and tooltips work).
   Budget: 0.5× the bare app; the index and the GDP page at most the one-chart page + 20%.
3. 500 concurrent first visits to nginx on loopback: each visitor opens one
   connection and fetches a page and everything it loads, gzip accepted, all
   starting together (budget: p95 < 200 ms, 0 errors); and the floor: the same
   500 visitors fetching one 100-byte page each (the generator's and the machine's
   own cost).

Writes bench/results/bake.json and exits 1 when a budget of the bake is broken.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import uvloop
from playwright.sync_api import sync_playwright

from bake import charts, checks, site
from bench.browser_bench import FLAGS, PAINTED, READY, wait_for_quiet
from bench.run_bench import RESULTS
from bench.stream import ROOT, free_port, server
from deploy import nginx

PAGES = {
    "概览 /": "/",
    "地区生产总值 /indicator/t1_gdp/": "/indicator/t1_gdp/",
    "森林覆盖率 /indicator/t2_forest_cover/": "/indicator/t2_forest_cover/",
    "指标总览 /indicators/": "/indicators/",
    "功能区域地图 /zones/": "/zones/",
    "规划原文 /plan/11/": "/plan/11/",
    "数据与方法 /methods/": "/methods/",
}
REFERENCES = {
    "plain static page": "/_bench/plain.html",
    "one-chart static page": "/_bench/one-chart.html",
    "GDP page's pictures alone": "/_bench/gdp-pictures.html",
}
STATIC_READY = """() => document.readyState === 'complete'
  && [...document.querySelectorAll('.vega')].every(v => v.classList.contains('drawn') || v.classList.contains('static'))"""
PLAIN = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>plain</title></head>
<body><h1>静态页面</h1><p>一段文字。</p></body></html>"""
ONE_CHART = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>one chart</title>
<link rel="stylesheet" href="/assets/site.css"><script src="/assets/site.js" data-bundle="/assets/vega.js" defer></script></head>
<body><div class="vega" data-spec="/_bench/one-chart.json"></div></body></html>"""
# The floor of the GDP page's drawn time: its own two bake-time SVG pictures on a page with no script.
GDP_PICTURES = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>pictures</title>
<link rel="stylesheet" href="/assets/site.css"></head><body><h1>地区生产总值</h1>
<img src="/indicator/t1_gdp/chart.svg" alt=""><img src="/indicator/t1_gdp/studio.svg" alt=""></body></html>"""
ONE_SPEC = {
    "data": {"values": [{"x": 2015, "y": 1}, {"x": 2016, "y": 2}, {"x": 2017, "y": 3}]},
    "mark": "line",
    "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "quantitative"}},
}

MAX_BAKE_S = 120
# What a deploy uploads and a mirror keeps: 30 MB was the whole site when it had one edition;
# three editions (issue 27) are each held to 15 MB (tests/test_bake.py, bake.checks.edition_bytes).
MAX_SITE_BYTES = 45_000_000
MAX_EDITION_BYTES = 15_000_000
MAX_PAGE_BYTES = 150_000
# The bare bake: what any bake costs on this machine before its own pages (imports, one chart to SVG).
BARE_BAKE = f"""
import json, tempfile, pathlib
import jinja2, pandas, vl_convert
svg = vl_convert.vegalite_to_svg({json.dumps(ONE_SPEC)})
pathlib.Path(tempfile.mkdtemp(), "index.html").write_text(jinja2.Template("<html>{{{{ svg }}}}</html>").render(svg=svg))
"""


def bare_bake_s() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", BARE_BAKE], check=True)
    return time.perf_counter() - started


def broken_budgets(result: dict) -> list[str]:
    """The bake's budgets that ``result`` breaks, in words (empty when all hold)."""
    broken = []
    if result.get("bake_s", 0) >= MAX_BAKE_S:
        broken.append(f"bake {result['bake_s']} s ≥ {MAX_BAKE_S} s (bare bake {result.get('bare_bake_s')} s in the same run)")
    weights_now = result.get("weights", {})
    if weights_now.get("site_mb", 0) * 1e6 > MAX_SITE_BYTES:
        broken.append(f"site {weights_now['site_mb']} MB > {MAX_SITE_BYTES / 1e6:.0f} MB")
    heavy = {edition: mb for edition, mb in weights_now.get("edition_mb", {}).items() if mb * 1e6 > MAX_EDITION_BYTES}
    if heavy:
        named = ", ".join(f"{edition} {mb} MB" for edition, mb in heavy.items())
        broken.append(f"editions over {MAX_EDITION_BYTES / 1e6:.0f} MB: {named}")
    if weights_now.get("over_150_kb"):
        broken.append(f"pages over {MAX_PAGE_BYTES / 1000:.0f} KB: {', '.join(weights_now['over_150_kb'])}")
    return broken


@contextlib.contextmanager
def static_nginx(root: Path):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bake-nginx-") as folder:
        config = Path(folder) / "nginx.conf"
        config.write_text(nginx.render_static(root, f"127.0.0.1:{port}", "_", Path(folder)))
        process = subprocess.Popen([binary, "-c", str(config), "-p", folder], stderr=subprocess.PIPE)
        try:
            deadline = time.time() + 20
            while time.time() < deadline:
                with contextlib.suppress(Exception):
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
                    break
                time.sleep(0.1)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=10)


FIRST_PAINT = "() => (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime / 1000"


def check_served(port: int) -> None:
    """Every timed page is served whole (a 403 or 404 page would be timed as a fast page)."""
    for path in [*PAGES.values(), *REFERENCES.values()]:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            if response.status != 200:
                raise SystemExit(f"nginx answered {response.status} for {path}")


PICTURES_READY = """() => document.readyState === 'complete' && [...document.images].every(i => i.complete)"""


def load_time(browser, url: str, ready: str, static: bool) -> tuple[float, float, float]:
    """(seconds to the page drawn with its bake-time pictures, seconds to every chart drawn by
    Vega, seconds to the first contentful paint), each from the navigation's start.

    A baked page is whole once it has loaded with its SVG pictures (it reads and prints so with
    JavaScript off); Vega then redraws each chart in place so its slider and tooltips work. The
    two are timed apart: the first is what a reader waits for, the second when the sliders move.
    For the Streamlit app both are its one ready state."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    if static:
        page.wait_for_function(PICTURES_READY, timeout=120_000, polling=20)
        page.evaluate(PAINTED)
        pictures = time.perf_counter() - started
        # site.js runs Vega at the reader's first interaction: here, a pointer moved as soon as the page is drawn.
        page.mouse.move(5, 5)
    page.wait_for_function(ready, timeout=120_000, polling=20)
    page.evaluate(PAINTED)
    elapsed = time.perf_counter() - started
    first_paint = page.evaluate(FIRST_PAINT)
    context.close()
    wait_for_quiet()
    return (pictures if static else elapsed), elapsed, first_paint


def browser_times(root: Path, runs: int, port: int) -> dict:
    urls = {name: (f"http://127.0.0.1:{port}{path}", STATIC_READY) for name, path in {**REFERENCES, **PAGES}.items()}
    times: dict[str, list[float]] = {"bare Streamlit app": [], **{name: [] for name in urls}}
    drawn: dict[str, list[float]] = {name: [] for name in times}
    paints: dict[str, list[float]] = {name: [] for name in times}
    with sync_playwright() as playwright, server(ROOT / "bench" / "bare_app.py") as (bare_port, _):
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        urls = {"bare Streamlit app": (f"http://127.0.0.1:{bare_port}/", READY), **urls}
        for name, (url, ready) in urls.items():
            load_time(browser, url, ready, name != "bare Streamlit app")  # warm the servers (and the OS file cache)
        for _ in range(runs):  # one round loads every page in turn, so the machine's swings hit all alike
            for name, (url, ready) in urls.items():
                pictures, vega, painted = load_time(browser, url, ready, name != "bare Streamlit app")
                drawn[name].append(pictures)
                times[name].append(vega)
                paints[name].append(painted)
        browser.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    whole = {name: statistics.median(values) for name, values in drawn.items()}
    bare = medians["bare Streamlit app"]
    chart, chart_whole = medians["one-chart static page"], whole["one-chart static page"]
    return {
        name: {
            "drawn_s": round(whole[name], 3),
            "drawn_x_bare": round(whole[name] / bare, 2),
            "drawn_x_one_chart": round(whole[name] / chart_whole, 2),
            "vega_s": round(value, 3),
            "vega_x_bare": round(value / bare, 2),
            "vega_x_one_chart": round(value / chart, 2),
            "first_paint_s": round(statistics.median(paints[name]), 3),
        }
        for name, value in medians.items()
    }


async def _get(reader, writer, path: str) -> tuple[int, int]:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: bench\r\nAccept-Encoding: gzip\r\nConnection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    size = 0
    if headers.get("transfer-encoding") == "chunked":
        while True:
            length = int((await reader.readuntil(b"\r\n")).strip(), 16)
            body = await reader.readexactly(length + 2)
            size += length
            if length == 0:
                break
        del body
    else:
        size = int(headers.get("content-length", "0"))
        await reader.readexactly(size)
    return status, size


async def _visit(port: int, paths: list[str], start: asyncio.Event) -> tuple[float, int, int, float]:
    """(seconds to the last file, errors, bytes, seconds to the page's own HTML)."""
    await start.wait()
    began = time.perf_counter()
    errors, received, document = 0, 0, float("nan")
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=1 << 22)
        for path in paths:
            status, size = await _get(reader, writer, path)
            errors += status != 200
            received += size
            if path == paths[0]:
                document = time.perf_counter() - began
        writer.close()
    except Exception:  # a refused or reset connection is an error of the visit
        errors += 1
    return time.perf_counter() - began, errors, received, document


def visit_paths(root: Path, page: str) -> list[str]:
    """A first visit: the page, then every file it loads from the site (the shared bundle included)."""
    path = checks.target_of(root, root / "index.html", page)[0]
    parsed = checks.read_page(path)
    loaded = [url for tag, _, url in parsed.links if tag != "a" and not url.startswith("data:")]
    return [page, *dict.fromkeys(loaded)]


def concurrent_visits(port: int, visitors: int, pages: list[list[str]]) -> dict:

    async def run():
        start = asyncio.Event()
        tasks = [asyncio.create_task(_visit(port, pages[i % len(pages)], start)) for i in range(visitors)]
        await asyncio.sleep(0.2)  # every visitor waiting at the line
        start.set()
        return await asyncio.gather(*tasks)

    # uvloop: with asyncio's own loop the generator itself took 0.2 s to open 500 connections and
    # read 500 tiny answers (the floor, measured), as much as the whole budget.
    results = uvloop.run(run())
    seconds = sorted(r[0] for r in results)
    documents = sorted(r[3] for r in results)
    return {
        "document_p50_ms": round(statistics.median(documents) * 1000, 1),
        "document_p95_ms": round(documents[int(0.95 * (len(documents) - 1))] * 1000, 1),
        "visitors": visitors,
        "requests": sum(len(pages[i % len(pages)]) for i in range(visitors)),
        "p50_ms": round(statistics.median(seconds) * 1000, 1),
        "p95_ms": round(seconds[int(0.95 * (len(seconds) - 1))] * 1000, 1),
        "max_ms": round(seconds[-1] * 1000, 1),
        "errors": sum(r[1] for r in results),
        "megabytes": round(sum(r[2] for r in results) / 1e6, 1),
    }


def weights(root: Path) -> dict:
    pages = {"/" + str(p.relative_to(root)): checks.page_bytes(root, p) for p in checks.html_pages(root) if "_bench" not in p.parts}
    heaviest = max(pages, key=pages.get)
    bundle = (root / "assets" / "vega.js").read_bytes()
    return {
        "pages": len(pages),
        "heaviest_page": heaviest,
        "heaviest_kb": round(pages[heaviest] / 1000, 1),
        "median_page_kb": round(statistics.median(pages.values()) / 1000, 1),
        "over_150_kb": sorted(p for p, n in pages.items() if n > MAX_PAGE_BYTES),
        "bundle_kb": round(len(bundle) / 1000, 1),
        "bundle_gzip_kb": round(len(gzip.compress(bundle, 6)) / 1000, 1),
        "site_mb": round(sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6, 2),
        "edition_mb": {edition: round(n / 1e6, 2) for edition, n in checks.edition_bytes(root).items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--visitors", type=int, default=500)
    parser.add_argument("--site", type=Path, help="a baked folder to measure instead of baking afresh")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bake-bench-") as folder:
        Path(folder).chmod(0o755)  # nginx's workers (not root) must read the baked files: 403s otherwise
        root = args.site or Path(folder) / "public"
        result: dict = {}
        if args.site is None:
            result["bare_bake_s"] = round(bare_bake_s(), 1)
            started = time.perf_counter()
            report = site.bake(root)
            result["bake_s"] = round(time.perf_counter() - started, 1)
            result["bake_x_bare"] = round(result["bake_s"] / result["bare_bake_s"], 1)
            result["bake_steps_s"] = {k: round(v, 1) for k, v in report.seconds.items()}
        result["weights"] = weights(root)
        bench_dir = root / "_bench"
        bench_dir.mkdir(exist_ok=True)
        (bench_dir / "plain.html").write_text(PLAIN, encoding="utf-8")
        (bench_dir / "one-chart.html").write_text(ONE_CHART, encoding="utf-8")
        (bench_dir / "gdp-pictures.html").write_text(GDP_PICTURES, encoding="utf-8")
        (bench_dir / "one-chart.json").write_text(json.dumps(charts.vega_spec(ONE_SPEC)), encoding="utf-8")
        try:
            with static_nginx(root) as port:
                check_served(port)
                # The floor: the same visitors and generator, each fetching one tiny page (what
                # the machine and the generator cost before the site's own weight counts).
                result["load_floor"] = concurrent_visits(port, args.visitors, [[REFERENCES["plain static page"]]])
                result["load"] = concurrent_visits(port, args.visitors, [visit_paths(root, path) for path in PAGES.values()])
                if not args.no_browser:
                    result["browser"] = browser_times(root, args.runs, port)
        finally:
            shutil.rmtree(bench_dir, ignore_errors=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bake.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(json.dumps(result, indent=2, ensure_ascii=False))
    broken = broken_budgets(result)
    for line in broken:
        print("over budget:", line)
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
