"""Server time and bytes per page, next to a bare one-line Streamlit app in the same run.

    .venv/bin/python -m bench.run_bench [--runs 15]

These machines are noisy, so every figure is printed beside the bare app's
and as a ratio. "exec" is the server's own script time (Streamlit's
PageProfile); "round trip" adds delivery over the websocket on loopback.
Writes bench/results/server.json.
"""

from __future__ import annotations

import argparse
import json
import statistics

from bench.stream import ROOT, Session, server

PAGES = ["overview", "indicators", "trajectories", "scenarios", "zones_map", "plan_reader", "methods"]
DEFAULT_PAGE = "overview"


def path(page: str) -> str:
    """The URL path (and websocket page name) of a page: the default page lives at "/"."""
    return "" if page == DEFAULT_PAGE else page


RESULTS = ROOT / "bench" / "results"


def median(values):
    return round(statistics.median(values), 2)


def measure_page(port: int, page: str, runs: int) -> dict:
    session = Session(port)
    try:
        session.clear_caches()
        cold = session.run(path(page))
        warm = [session.run(path(page)) for _ in range(runs)]
    finally:
        session.close()
    return {
        "cold_exec_ms": round(cold.exec_ms or 0, 2),
        "warm_exec_ms": median([r.exec_ms for r in warm]),
        "warm_round_trip_ms": median([r.seconds * 1000 for r in warm]),
        "bytes": warm[-1].bytes,
        "deck_json_bytes": warm[-1].deck_json_bytes,
        "exceptions": sum(r.exceptions for r in warm) + cold.exceptions,
        "pages_not_found": sum(r.not_found for r in warm) + cold.not_found,
    }


def measure_slider(port: int, runs: int) -> dict:
    """A scenario slider move: a fragment rerun of the studio only."""
    session = Session(port)
    try:
        session.run("scenarios")
        key = next(k for k in session.widgets if k.startswith("pace_"))
        moves = [session.run("scenarios", widget_values={key: 0.3 + i / 100}, fragment_key=key) for i in range(runs)]
    finally:
        session.close()
    return {
        "slider_exec_ms": median([r.exec_ms for r in moves]),
        "slider_round_trip_ms": median([r.seconds * 1000 for r in moves]),
        "fragment_runs": sum(r.fragment_run for r in moves),
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with server(ROOT / "bench" / "bare_app.py", profile=True) as (port, _):
        bare = measure_page(port, "", args.runs)
    with server(ROOT / "app.py", profile=True) as (port, _):
        first = Session(port)
        first.run("")  # let app.py register its pages once
        first.close()
        pages = {page: measure_page(port, page, args.runs) for page in PAGES}
        slider = measure_slider(port, args.runs)

    result = {"bare": bare, "pages": pages, "slider": slider}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "server.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))

    print(f"{'page':14} {'cold exec':>10} {'warm exec':>10} {'× bare':>7} {'round trip':>11} {'× bare':>7} {'bytes':>8} {'map json':>9}")
    print(
        f"{'(bare app)':14} {bare['cold_exec_ms']:>10} {bare['warm_exec_ms']:>10} {'1.0':>7} {bare['warm_round_trip_ms']:>11} {'1.0':>7} {bare['bytes']:>8}"
    )
    for page, row in pages.items():
        print(
            f"{page:14} {row['cold_exec_ms']:>10} {row['warm_exec_ms']:>10} "
            f"{row['warm_exec_ms'] / max(bare['warm_exec_ms'], 0.01):>7.1f} {row['warm_round_trip_ms']:>11} "
            f"{row['warm_round_trip_ms'] / bare['warm_round_trip_ms']:>7.2f} {row['bytes']:>8} {row['deck_json_bytes'] or '':>9}"
        )
    print(
        f"slider move (fragment): exec {slider['slider_exec_ms']} ms, round trip {slider['slider_round_trip_ms']} ms, "
        f"{slider['fragment_runs']}/{slider['runs']} fragment-only runs"
    )


if __name__ == "__main__":
    main()
