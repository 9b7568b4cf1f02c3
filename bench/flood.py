"""Flooding clients against the production stack, beside a normal visitor, in one run.

    .venv/bin/python -m bench.flood [--replicas 2] [--runs 5]

deploy.serve starts the stack (nginx in front of the replicas, as the production start
does). A normal visitor (from 127.0.0.2) times a page ``--runs`` times on the quiet stack;
then flooders from one address (127.0.0.3) and, in a second phase, from five
(127.0.0.3-7) each open as many websockets as nginx lets them and, on each, ask for a
rerun and a cache clear every 10 ms while a reader drains every reply (the old flooder
never read its replies, so the server's sending backed up and it understated the harm:
×1.04 where a reading one gave ×27.7),
while the visitor times the same page again. Reports the visitor's median in each
phase, the ratio to quiet (budget: 2×), and what the flooders got through. Writes
bench/results/flood.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import threading
import time

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.run_bench import RESULTS
from bench.stream import Session
from deploy import serve

PAGE = "indicators"
VISITOR = "127.0.0.2"


def visitor_times(port: int, runs: int) -> list[float]:
    """The visitor's page times; a visit that fails (no connection, no answer in 60 s) counts as 60 s."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        try:
            session = Session(port, source=VISITOR, timeout=60)
            try:
                session.run(PAGE)
            finally:
                session.close()
            times.append(time.perf_counter() - started)
        except Exception:
            times.append(60.0)
    return times


def drain(session: Session, stop: threading.Event, counts: dict, lock: threading.Lock) -> None:
    """Read every reply as it comes, so the server's sending never backs up."""
    while not stop.is_set():
        try:
            forward = ForwardMsg()
            forward.ParseFromString(session.ws.recv(timeout=1))
        except TimeoutError:
            continue
        except Exception:
            with lock:
                counts["dropped"] += 1
            return
        if forward.WhichOneof("type") == "script_finished":
            with lock:
                counts["runs"] += 1


def flood_one(session: Session, stop: threading.Event, counts: dict, lock: threading.Lock) -> None:
    """Ask for a rerun and a cache clear as fast as the connection takes them, a reader draining the replies."""
    rerun = BackMsg()
    rerun.rerun_script.page_name = PAGE
    clear = BackMsg()
    clear.clear_cache = True
    reader = threading.Thread(target=drain, args=(session, stop, counts, lock), daemon=True)
    reader.start()
    while not stop.is_set() and reader.is_alive():
        try:
            session.ws.send(clear.SerializeToString())
            session.ws.send(rerun.SerializeToString())
            with lock:
                counts["sent"] += 2
        except Exception:
            return
        time.sleep(0.01)
    reader.join(timeout=5)


def flooding(port: int, addresses: list[str], per_address: int, counts: dict, stop: threading.Event) -> list[threading.Thread]:
    lock = threading.Lock()
    threads = []
    for address in addresses:
        for _ in range(per_address):
            try:
                session = Session(port, timeout=5, source=address)
                counts["accepted"] += 1
            except Exception:  # refused (429) or closed: what the proxy is for
                counts["refused"] += 1
                continue
            thread = threading.Thread(target=flood_one, args=(session, stop, counts, lock), daemon=True)
            thread.start()
            threads.append((thread, session))
    return threads


def phase(port: int, addresses: list[str], per_address: int, runs: int) -> dict:
    stop = threading.Event()
    counts = {"accepted": 0, "refused": 0, "sent": 0, "runs": 0, "dropped": 0}
    threads = flooding(port, addresses, per_address, counts, stop)
    time.sleep(3)
    times = visitor_times(port, runs)
    stop.set()
    for thread, session in threads:
        thread.join(timeout=35)
        with contextlib.suppress(Exception):
            session.close()
    return {"visitor_median_s": round(statistics.median(times), 3), "visitor_worst_s": round(max(times), 3), "flooders": counts}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--per-address", type=int, default=8, help="websockets each flooding address tries to open")
    parser.add_argument("--no-guard", action="store_true", help="without deploy.guard (the figure before)")
    args = parser.parse_args()
    with serve.stack(replicas=args.replicas, guard=not args.no_guard) as running:
        port = running["front"]
        visitor_times(port, 2)  # warm
        quiet = statistics.median(visitor_times(port, args.runs))
        one = phase(port, ["127.0.0.3"], args.per_address, args.runs)
        five = phase(port, [f"127.0.0.{n}" for n in range(3, 8)], args.per_address, args.runs)
    result = {
        "page": PAGE,
        "replicas": args.replicas,
        "guard": not args.no_guard,
        "visitor_quiet_median_s": round(quiet, 3),
        "one_address": {**one, "ratio": round(one["visitor_median_s"] / quiet, 2)},
        "five_addresses": {**five, "ratio": round(five["visitor_median_s"] / quiet, 2)},
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "flood.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
