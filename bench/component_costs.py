"""What one element costs the browser on a first visit, beside a bare app.

    .venv/bin/python -m bench.component_costs [--runs 5]

Each element gets an app of its own (a title and that element, nothing else;
for the grid, chart and map, browser_bench's one-component apps)
and is loaded in a fresh browser context, alternating with the bare one-line
app, as bench/browser_bench.py loads pages. The difference to the bare app is
what the browser pays to fetch, compile and draw that element's code, which
Streamlit loads only when a page first shows one. Use it to choose between
two widgets that do the same job. Writes bench/results/components.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import statistics
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.browser_bench import FLAGS, FLOORS, load_time
from bench.run_bench import RESULTS
from bench.stream import ROOT, server

ELEMENTS = {
    "caption": 'st.caption("c")',
    "info": 'st.info("i")',
    "expander": 'st.expander("e").write("x")',
    "tabs": 'st.tabs(["a", "b"])[0].write("x")',
    "page_link": 'st.page_link("https://example.org", label="x")',
    "button": 'st.button("b")',
    "download_button": 'st.download_button("d", "abc")',
    "pills": 'st.pills("p", ["a", "b", "c"])',
    "segmented_control": 'st.segmented_control("s", ["a", "b", "c"])',
    "radio": 'st.radio("r", ["a", "b", "c"])',
    "toggle": 'st.toggle("t")',
    "checkbox": 'st.checkbox("c")',
    "metric": 'st.metric("m", 5)',
    "slider": 'st.slider("s", 0, 10, 5)',
    "number_input": 'st.number_input("n")',
    "multiselect": 'st.multiselect("m", ["a", "b"])',
    "selectbox": 'st.selectbox("s", ["a", "b", "c"])',
    "text_input": 'st.text_input("t")',
    "code": 'st.code("https://example.org/a?b=1", language=None, wrap_lines=True)',
    "image": "st.image('data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxMCIgaGVpZ2h0PSIxMCIvPg==', width=100)",
    "link_button": 'st.link_button("l", "https://example.org")',
    "html": "st.html('<script>document.documentElement.lang = 1;</script>', unsafe_allow_javascript=True, width='content')",
}
HEADER = 'import streamlit as st\n\nst.title("element")\n'
# The grid, chart and map are browser_bench's one-component apps, measured as they are.
COMPONENT_APPS = {"dataframe": FLOORS["grid"], "altair_chart": FLOORS["chart"], "pydeck_chart": FLOORS["map"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="comma-separated element names (default: all)")
    args = parser.parse_args()
    names = [*ELEMENTS, *COMPONENT_APPS]
    if args.only:
        names = [name for name in names if name in args.only.split(",")]
    times: dict[str, list[float]] = {name: [] for name in ["bare", *names]}
    with sync_playwright() as playwright, contextlib.ExitStack() as servers, tempfile.TemporaryDirectory() as folder:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        urls = {"bare": f"http://127.0.0.1:{servers.enter_context(server(ROOT / 'bench' / 'bare_app.py'))[0]}/"}
        for name, line in ELEMENTS.items():
            if name not in names:
                continue
            script = Path(folder) / f"{name}.py"
            script.write_text(HEADER + line + "\n")
            urls[name] = f"http://127.0.0.1:{servers.enter_context(server(script))[0]}/"
        for name, app in COMPONENT_APPS.items():
            if name not in names:
                continue
            urls[name] = f"http://127.0.0.1:{servers.enter_context(server(ROOT / 'bench' / app))[0]}/"
        for url in urls.values():
            load_time(browser, url)
        for _ in range(args.runs):
            for name, url in urls.items():
                times[name].append(load_time(browser, url))
        browser.close()
    bare = statistics.median(times["bare"])
    costs = {name: round(statistics.median(times[name]) - bare, 3) for name in names}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "components.json").write_text(json.dumps({"bare_s": round(bare, 3), "runs": args.runs, "cost_s": costs}, indent=2))
    print(f"bare app: {bare:.2f} s (median of {args.runs})")
    for name, cost in sorted(costs.items(), key=lambda item: item[1]):
        print(f"  {name:18} {cost:+.2f} s  ×{(bare + cost) / bare:.2f}")


if __name__ == "__main__":
    main()
