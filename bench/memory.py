"""A replica's memory after many distinct URLs, beside its quiet figure, in one run (issue 24, finding 7).

    .venv/bin/python -m bench.memory --urls 1000

One replica started as deploy.serve starts it (its flags and environment: the cache and
allocator bounds), every page run once (the quiet figure), then ``--urls`` distinct
addresses a crawler or a hostile client could send: searches with different words on
指标总览 and 规划原文, scenario paces, every series and place. A fresh websocket every
ten addresses, as visits come. Resident memory is read from /proc after the URLs and
again once the disconnected sessions' TTL has passed. ``--plain`` starts the replica
without the deployment's bounds, for the figure before.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.stream import ROOT, Session, rss_bytes, server
from deploy import serve

PAGES = ("", "indicators", "trajectories", "scenarios", "zones_map", "plan_reader", "methods")


def distinct_urls(count: int) -> list[tuple[str, str]]:
    """(page, query string) pairs, all different, cycling over the kinds of URL a visitor can vary."""
    from lib.plan import search, series
    from lib.plan.zones import tables

    words = [w for w in "".join(search.paragraphs().text.head(400)) if "\u4e00" <= w <= "\u9fff"]
    series_ids = list(series.tables()[0].iloc[:, 0].astype(str).unique())
    places = list(tables.load_districts().iloc[:, 0].astype(str))
    kinds = itertools.cycle(["plan_reader", "indicators", "scenarios", "trajectories", "zones_map"])
    found: list[tuple[str, str]] = []
    for index in range(count):
        kind = next(kinds)
        pair = words[index % len(words)] + words[(index * 7 + 3) % len(words)] + str(index)
        query = {
            "plan_reader": {"q": pair},
            "indicators": {"q": pair},
            "scenarios": {"pace": f"{index / 10000:.4f}"},
            "trajectories": {"indicator": series_ids[index % len(series_ids)], "n": str(index)},
            "zones_map": {"place": places[index % len(places)], "n": str(index)},
        }[kind]
        found.append((kind, urlencode(query)))
    return found


def measure(urls: int, plain: bool, settle: float, app: Path = ROOT) -> dict[str, float]:
    flags = [] if plain else serve.replica_flags("_")[2:]
    env = {} if plain else serve.replica_env("0" * 64)
    with server(app / "app.py", extra_env=env, extra_flags=flags, cwd=app) as (port, process):
        for page in PAGES:
            session = Session(port, timeout=120)
            session.run(page)
            session.close()
        time.sleep(2)
        quiet = rss_bytes(process.pid) / 2**20
        started = time.monotonic()
        addresses = distinct_urls(urls)
        along = {}
        for start in range(0, len(addresses), 10):
            session = Session(port, timeout=120)
            for page, query in addresses[start : start + 10]:
                session.run(page, query)
            session.close()
            if (start + 10) % 250 == 0:
                along[start + 10] = rss_bytes(process.pid) / 2**20
        seconds = time.monotonic() - started
        after = rss_bytes(process.pid) / 2**20
        time.sleep(settle)
        settled = rss_bytes(process.pid) / 2**20
    return {"quiet_mb": quiet, "after_mb": after, "settled_mb": settled, "seconds": seconds, "along": along}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=1000)
    parser.add_argument("--plain", action="store_true", help="without the deployment's bounds (the figure before)")
    parser.add_argument("--settle", type=float, default=0, help="seconds to wait before the last reading")
    parser.add_argument("--app", type=Path, default=ROOT, help="the app's folder (an export, a patched copy)")
    args = parser.parse_args()
    figures = measure(args.urls, args.plain, args.settle, args.app)
    label = "plain streamlit run" if args.plain else "as deploy.serve starts it"
    print(
        f"{label}: quiet {figures['quiet_mb']:.0f} MB; after {args.urls} distinct URLs {figures['after_mb']:.0f} MB "
        f"(+{figures['after_mb'] - figures['quiet_mb']:.0f} MB, {figures['seconds']:.0f} s); "
        f"{args.settle:.0f} s later {figures['settled_mb']:.0f} MB; along the way: "
        + ", ".join(f"{n}: {mb:.0f} MB" for n, mb in figures["along"].items())
    )


if __name__ == "__main__":
    main()
