"""One flooding client against the production stack, beside a normal visitor, in one run.

    .venv/bin/python -m bench.flood [--connections 200] [--reruns 50] [--seconds 20]

deploy.serve starts the stack (nginx in front of one replica). A normal
visitor (from 127.0.0.2) times a page five times on the quiet server; then a
flooder (from 127.0.0.3) opens as many websockets as it can and sends reruns
and cache clears on each as fast as it can, while the visitor times the same
page again. Reports how many of the flooder's connections nginx refused, and
the visitor's median before and during. Budget: the visitor within 2× its
unloaded time. Writes bench/results/flood.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import threading
import time

from streamlit.proto.BackMsg_pb2 import BackMsg

from bench.run_bench import RESULTS
from bench.stream import Session
from deploy import serve

PAGE = "indicators"


def visitor_times(port: int, runs: int) -> list[float]:
    """The visitor's page times; a visit that fails (no connection, no answer in 60 s) counts as 60 s."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        try:
            session = Session(port, source="127.0.0.2", timeout=60)
            try:
                session.run(PAGE)
            finally:
                session.close()
            times.append(time.perf_counter() - started)
        except Exception:
            times.append(60.0)
    return times


def flood(port: int, connections: int, reruns: int, stop: threading.Event, counts: dict) -> None:
    opened: list[Session] = []
    for _ in range(connections):
        if stop.is_set():
            break
        try:
            opened.append(Session(port, timeout=5, source="127.0.0.3"))
            counts["accepted"] += 1
        except Exception:  # refused (429) or closed: what the proxy is for
            counts["refused"] += 1
    rerun = BackMsg()
    rerun.rerun_script.page_name = PAGE
    clear = BackMsg()
    clear.clear_cache = True
    while not stop.is_set():
        for session in opened:
            for message in (rerun, clear):
                with contextlib.suppress(Exception):
                    session.ws.send(message.SerializeToString())
                    counts["messages"] += 1
        time.sleep(0.01)
    for session in opened:
        session.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--reruns", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--streams-per-ip", type=int, default=2, help="nginx's limit on one address's open websockets")
    args = parser.parse_args()
    with serve.stack(replicas=1, streams_per_ip=args.streams_per_ip) as running:
        port = running["front"]
        visitor_times(port, 2)  # warm
        quiet = visitor_times(port, args.runs)
        stop = threading.Event()
        counts = {"accepted": 0, "refused": 0, "messages": 0}
        flooder = threading.Thread(target=flood, args=(port, args.connections, args.reruns, stop, counts))
        flooder.start()
        time.sleep(3)
        loaded = visitor_times(port, args.runs)
        stop.set()
        flooder.join(timeout=60)
    result = {
        "page": PAGE,
        "visitor_quiet_median_s": round(statistics.median(quiet), 3),
        "visitor_flooded_median_s": round(statistics.median(loaded), 3),
        "ratio": round(statistics.median(loaded) / statistics.median(quiet), 2),
        "streams_per_ip": args.streams_per_ip,
        "flooder_connections_accepted": counts["accepted"],
        "flooder_connections_refused": counts["refused"],
        "flooder_messages_sent": counts["messages"],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "flood.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
