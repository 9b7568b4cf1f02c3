"""Time to a fully rendered page in headless Chromium, beside a bare one-line app.

    .venv/bin/python -m bench.browser_bench [--runs 5] [--pages overview,...]

"Fully rendered": the script has finished, no skeleton is left, and every
chart (Vega canvas/SVG, deck.gl canvas) is on the page. Each load uses a fresh
browser context, as a first-time visitor would. Writes bench/results/browser.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time

from playwright.sync_api import sync_playwright

from bench.run_bench import PAGES, RESULTS, path
from bench.stream import ROOT, Session, server

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
READY = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid=stSkeleton]')) return false;
  const charts = document.querySelectorAll('[data-testid=stVegaLiteChart], [data-testid=stDeckGlJsonChart]');
  for (const chart of charts) { if (!chart.querySelector('canvas, svg')) return false; }
  return document.querySelector('[data-testid=stMain]') !== null;
}"""


def load_time(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(READY, timeout=120_000, polling=50)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    pages = [p for p in args.pages.split(",") if p]
    bare_times: list[float] = []
    times: dict[str, list[float]] = {page: [] for page in pages}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        # Both servers run side by side and loads alternate, bare then page, so
        # the machine's mood swings hit both sides of every ratio alike.
        with server(ROOT / "bench" / "bare_app.py") as (bare_port, _), server(ROOT / "app.py") as (port, _):
            warm = Session(port)
            warm.run("")  # let app.py register its pages once
            warm.close()
            bare_url = f"http://127.0.0.1:{bare_port}/"
            load_time(browser, bare_url)
            for page in pages:
                load_time(browser, f"http://127.0.0.1:{port}/{path(page)}")  # warm the server's caches
            for _ in range(args.runs):
                for page in pages:
                    bare_times.append(load_time(browser, bare_url))
                    times[page].append(load_time(browser, f"http://127.0.0.1:{port}/{path(page)}"))
        browser.close()
    bare = statistics.median(bare_times)
    result = {
        "bare_s": round(bare, 3),
        "runs": args.runs,
        "pages": {p: {"s": round(statistics.median(t), 3), "ratio": round(statistics.median(t) / bare, 2)} for p, t in times.items()},
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "browser.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"bare app: {bare:.2f} s (median of {len(bare_times)})")
    for page, row in result["pages"].items():
        print(f"{page:14} {row['s']:.2f} s  ×{row['ratio']:.2f}")


if __name__ == "__main__":
    main()
