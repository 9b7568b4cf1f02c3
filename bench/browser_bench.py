"""Time to a fully rendered page in headless Chromium, beside a bare one-line app.

    .venv/bin/python -m bench.browser_bench [--runs 5] [--pages overview,...] [--proxy] [--repeat]

"Fully rendered": the script has finished, no skeleton is left, every
chart (Vega canvas/SVG, deck.gl canvas) is on the page and two animation
frames have passed, so a map's first frame is drawn. Each load uses a fresh
browser context, as a first-time visitor would. Besides the bare one-line
app, three one-component apps (a chart, a grid, a map) show the least a page
built on each of those costs. ``--proxy`` puts every app, the bare one
included, behind nginx serving the static files (bench/proxy.py), as
docs/deployment.md's production start does; ``--repeat`` times a second visit in the same
context, with the HTTP cache warm. Writes bench/results/browser[-proxy][-repeat].json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import time

from playwright.sync_api import sync_playwright

from bench import proxy
from bench.run_bench import PAGES, RESULTS, path
from bench.stream import ROOT, Session, server

SETTLE_S = 0.5
QUIET_SHARE = 0.15  # below this share of CPU busy, the last load has wound down
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid=stSkeleton]')) return false;
  const charts = document.querySelectorAll('[data-testid=stVegaLiteChart], [data-testid=stDeckGlJsonChart]');
  for (const chart of charts) { if (!chart.querySelector('canvas, svg')) return false; }
  return document.querySelector('[data-testid=stMain]') !== null;
}"""
# READY sees a map's canvas as soon as deck.gl mounts it, before anything is drawn
# on it. Two animation frames later the first frame has been drawn and committed
# (in software WebGL that commit is the slow part), so every app, the bare one
# included, is timed to that point.
PAINTED = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


def load_time(browser, url: str, repeat: bool = False) -> float:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    if repeat:  # a returning visitor: the context's HTTP cache already holds the page's files
        first = context.new_page()
        first.goto(url)
        first.wait_for_function(READY, timeout=120_000, polling=50)
        first.close()
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(READY, timeout=120_000, polling=50)
    page.evaluate(PAINTED)
    elapsed = time.perf_counter() - started
    context.close()
    # Let the closed page's renderer wind down (a map's WebGL teardown takes a
    # while in software) so it does not slow whichever load comes next: a fixed
    # pause was not enough once the map's first frame was drawn.
    wait_for_quiet()
    return elapsed


def busy_share(interval: float = 0.2) -> float:
    """The share of all CPUs busy over ``interval`` seconds, from /proc/stat."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
        return sum(fields), fields[3] + fields[4]  # total, idle + iowait

    total_before, idle_before = sample()
    time.sleep(interval)
    total_after, idle_after = sample()
    total = max(total_after - total_before, 1)
    return 1 - (idle_after - idle_before) / total


def wait_for_quiet(threshold: float = QUIET_SHARE, longest: float = 10.0) -> None:
    """Wait (at least SETTLE_S, at most ``longest``) until the machine is nearly idle."""
    time.sleep(SETTLE_S)
    deadline = time.time() + longest
    while time.time() < deadline and busy_share() > threshold:
        pass


# One-component apps: the least a page with that component can cost in the browser.
FLOORS = {"chart": "bare_chart.py", "grid": "bare_grid.py", "map": "bare_map.py"}
COMPONENTS = {"indicators": "grid", "trajectories": "chart", "scenarios": "chart", "zones_map": "map"}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--proxy", action="store_true", help="serve every app behind nginx (static files from nginx)")
    parser.add_argument("--repeat", action="store_true", help="time a second visit, with the browser's cache warm")
    args = parser.parse_args()
    pages = [p for p in args.pages.split(",") if p]
    times: dict[str, list[float]] = {name: [] for name in ["bare", *FLOORS, *pages]}
    with sync_playwright() as playwright, contextlib.ExitStack() as servers:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        # Every app runs side by side and each round loads all of them in turn,
        # so the machine's mood swings hit both sides of every ratio alike.
        ports = {"bare": servers.enter_context(server(ROOT / "bench" / "bare_app.py"))[0]}
        for name, script in FLOORS.items():
            ports[name] = servers.enter_context(server(ROOT / "bench" / script))[0]
        app_port, _ = servers.enter_context(server(ROOT / "app.py"))
        warm = Session(app_port)
        warm.run("")  # let app.py register its pages once
        warm.close()
        front = servers.enter_context(proxy.fronts([*ports.values(), app_port])) if args.proxy else {}
        urls = {name: f"http://127.0.0.1:{front.get(port, port)}/" for name, port in ports.items()}
        urls |= {page: f"http://127.0.0.1:{front.get(app_port, app_port)}/{path(page)}" for page in pages}
        for url in urls.values():
            load_time(browser, url)  # warm the servers' caches
        for _ in range(args.runs):
            for name, url in urls.items():
                times[name].append(load_time(browser, url, repeat=args.repeat))
        browser.close()
    median = {name: statistics.median(values) for name, values in times.items()}
    bare = median["bare"]
    result = {
        "bare_s": round(bare, 3),
        "runs": args.runs,
        "proxy": args.proxy,
        "repeat": args.repeat,
        "floors": {name: {"s": round(median[name], 3), "ratio": round(median[name] / bare, 2)} for name in FLOORS},
        "pages": {
            page: {
                "s": round(median[page], 3),
                "ratio": round(median[page] / bare, 2),
                "component": COMPONENTS.get(page, ""),
                "ratio_to_floor": round(median[page] / median[COMPONENTS[page]], 2) if page in COMPONENTS else None,
            }
            for page in pages
        },
    }
    RESULTS.mkdir(exist_ok=True)
    stem = "browser" + ("-proxy" if args.proxy else "") + ("-repeat" if args.repeat else "")
    (RESULTS / f"{stem}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(
        f"bare app: {bare:.2f} s (median of {args.runs}{', behind nginx' if args.proxy else ''}{', second visit' if args.repeat else ''})"
    )
    for name, row in result["floors"].items():
        print(f"  one {name:5} app: {row['s']:.2f} s  ×{row['ratio']:.2f}")
    for page, row in result["pages"].items():
        floor = f"   ×{row['ratio_to_floor']:.2f} of the one-{row['component']} app" if row["component"] else ""
        print(f"{page:14} {row['s']:.2f} s  ×{row['ratio']:.2f}{floor}")


if __name__ == "__main__":
    main()
