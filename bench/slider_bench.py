"""From a slider move to the new value on screen, in headless Chromium, beside a bare app.

    .venv/bin/python -m bench.slider_bench [--presses 15]

A presenter presses → on a slider; what counts is when the room sees the new
2020 figure. Each press is timed from the key press to the moment the
metric's text on screen changes (polled every animation frame). The bare
app (bench/bare_slider.py) has one slider and one metric and nothing else:
the least a slider-to-number round trip costs Streamlit here. Both apps run
side by side and the presses alternate between them, so the machine's mood
hits both alike. Writes bench/results/slider.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import time

from playwright.sync_api import sync_playwright

from bench.browser_bench import FLAGS, READY, wait_for_quiet
from bench.run_bench import RESULTS
from bench.stream import ROOT, Session, server

CHANGED = """([metric, before]) => {
  const value = [...document.querySelectorAll('[data-testid=stMetric]')]
    .find(m => m.innerText.includes(metric))?.querySelector('[data-testid=stMetricValue]')?.innerText;
  return value !== undefined && value !== before;
}"""
VALUE = """(metric) => [...document.querySelectorAll('[data-testid=stMetric]')]
  .find(m => m.innerText.includes(metric)).querySelector('[data-testid=stMetricValue]').innerText"""
APPS = {
    # name: (path and query, slider's accessible name, the metric whose value moves)
    "bare": ("", "s", "m"),
    "scenarios": ("scenarios?section=地区生产总值", "实际增速（%/年）", "2020年地区生产总值（现价）"),
    "presenter": ("scenarios?presenter=true&section=地区生产总值", "实际增速（%/年）", "2020年地区生产总值（现价）"),
}


def open_app(browser, url: str, slider: str):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(url)
    page.wait_for_function(READY, timeout=120_000, polling=50)
    thumb = page.get_by_role("slider", name=slider)
    thumb.focus()
    return page, thumb


def press_time(page, thumb, metric: str, key: str) -> float:
    before = page.evaluate(VALUE, metric)
    started = time.perf_counter()
    thumb.press(key)
    page.wait_for_function(CHANGED, arg=[metric, before], polling="raf", timeout=60_000)
    elapsed = time.perf_counter() - started
    # the run must finish (URL written) before the next press, as a person would wait
    page.wait_for_function(READY, timeout=60_000, polling=50)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--presses", type=int, default=15)
    args = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in APPS}
    with sync_playwright() as playwright, contextlib.ExitStack() as servers:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        bare_port, _ = servers.enter_context(server(ROOT / "bench" / "bare_slider.py"))
        app_port, _ = servers.enter_context(server(ROOT / "app.py"))
        warm = Session(app_port)
        warm.run("")  # let app.py register its pages once
        warm.close()
        opened = {}
        for name, (where, slider, metric) in APPS.items():
            port = bare_port if name == "bare" else app_port
            opened[name] = (*open_app(browser, f"http://127.0.0.1:{port}/{where}", slider), metric)
        wait_for_quiet()
        for press in range(args.presses):
            key = "ArrowLeft" if press % 2 == 0 else "ArrowRight"  # back and forth: the value stays near the plan's
            for name, (page, thumb, metric) in opened.items():
                times[name].append(press_time(page, thumb, metric, key))
                wait_for_quiet()
        browser.close()
    median = {name: statistics.median(values) for name, values in times.items()}
    bare = median["bare"]
    result = {
        "presses": args.presses,
        "bare_s": round(bare, 3),
        "apps": {
            name: {"median_s": round(m, 3), "max_s": round(max(times[name]), 3), "ratio": round(m / bare, 2)} for name, m in median.items()
        },
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "slider.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"slider move → new value on screen, median of {args.presses} presses (max in brackets)")
    for name, m in median.items():
        print(f"  {name:10} {m * 1000:6.0f} ms  (max {max(times[name]) * 1000:.0f})  ×{m / bare:.2f} of the bare slider app")


if __name__ == "__main__":
    main()
