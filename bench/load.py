"""N concurrent sessions over Streamlit's websocket, each running every page.

    .venv/bin/python -m bench.load [--sessions 50] [--pages overview,indicators,...]

Every session connects first, then all start together (the worst case: no
two visitors spread out in time) and run every page in turn. Reports p50 and
p95 time to "script finished" (also per page and per step), errors, and the
server's memory per session (resident memory after all sessions have run, minus before,
over the number of sessions, with every session still connected).
Target on a 2-core machine: 50 sessions, p95 < 2 s, no errors, < 5 MB a session.
A bare one-line app takes the same burst first, in the same run (--no-bare
skips it). Writes bench/results/load.json.

    .venv/bin/python -m bench.load --replicas 1,2

runs the same burst against the production stack (deploy.serve: nginx, sticky
by its cookie or else the whole address, in front of 1 and then 2 replicas), each session from its own
loopback address (127.0.0.10, .11, …) as separate visitors would; memory is
the sum over the replicas.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.run_bench import PAGES, RESULTS, path
from bench.stream import ROOT, Session, rss_bytes, server


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


@contextlib.contextmanager
def single(script):
    with server(script) as (port, process):
        yield port, [process.pid], None


@contextlib.contextmanager
def replicated(count: int):
    from deploy import serve

    with serve.stack(replicas=count) as running:
        yield running["front"], running["pids"], "127.0.0.{}"


@contextlib.contextmanager
def sampled(pids: list[int], into: str | None):
    """py-spy samples every replica while the burst runs (``--profile``): where the CPU goes."""
    if not into:
        yield
        return
    recorders = [
        subprocess.Popen(
            [
                str(Path(sys.executable).with_name("py-spy")),
                "record",
                "--pid",
                str(pid),
                "--output",
                f"{into}-{pid}.txt",
                "--format",
                "raw",
                "--rate",
                "50",
                "--nonblocking",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for pid in pids
    ]
    try:
        yield
    finally:
        for recorder in recorders:
            recorder.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
            recorder.wait(timeout=60)


def hottest(raw_file: str, top: int = 12) -> dict[str, list[tuple[str, float]]]:
    """Where the samples were, by share: the innermost frame (self time), and our own
    code (app.py, pages/, lib/) counting everything it called."""
    own: dict[str, int] = {}
    leaf: dict[str, int] = {}
    total = 0
    for line in Path(raw_file).read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        total += n
        frames = stack.split(";")
        leaf[frames[-1]] = leaf.get(frames[-1], 0) + n
        for frame in {f for f in frames if "(lib/" in f or "(pages/" in f or "(app.py" in f}:
            own[frame] = own.get(frame, 0) + n

    def ranked(counts: dict[str, int]) -> list[tuple[str, float]]:
        return [(frame, round(n / total, 3)) for frame, n in sorted(counts.items(), key=lambda item: -item[1])[:top]]

    return {"samples": total, "self": ranked(leaf), "ours": ranked(own)} if total else {}


def measure(target, pages: list[str], sessions: int, timeout: float, profile: str | None = None) -> dict:
    """Every session connects, waits for the others, then runs ``pages`` in turn (a rotated order)."""
    with target as (port, pids, sources), sampled(pids, profile):
        source = (lambda index: sources.format(10 + index % 240)) if sources else (lambda index: None)
        for index in range(min(sessions, 4)):  # warm every replica's caches once, as a live server would be
            warm = Session(port, source=source(index))
            for page in pages:
                warm.run(path(page))
            warm.close()
        time.sleep(1)
        before = sum(rss_bytes(pid) for pid in pids)
        times: list[float] = []
        by_page: dict[str, list[float]] = {page: [] for page in pages}
        by_step: dict[int, list[float]] = {}
        errors: list[str] = []
        connected: list[Session] = []
        lock = threading.Lock()
        start_line = threading.Barrier(sessions)

        def visitor(index: int) -> None:
            try:
                session = Session(port, timeout=timeout, source=source(index))
                with lock:
                    connected.append(session)
                start_line.wait(timeout=60)
                for step, page in enumerate(pages[index % len(pages) :] + pages[: index % len(pages)]):
                    result = session.run(path(page))
                    with lock:
                        times.append(result.seconds)
                        by_page[page].append(result.seconds)
                        by_step.setdefault(step, []).append(result.seconds)
                        if result.exceptions:
                            errors.append(f"{page}: exception element")
                        if result.not_found:
                            errors.append(f"{page}: page not found")
            except Exception as error:  # a failed visit is counted, never hidden
                with lock:
                    errors.append(f"{type(error).__name__}: {error}")

        threads = [threading.Thread(target=visitor, args=(i,)) for i in range(sessions)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=timeout * len(pages))
        wall = time.perf_counter() - began
        time.sleep(1)
        after = sum(rss_bytes(pid) for pid in pids)
        for session in connected:
            session.close()

    return {
        "sessions": sessions,
        "pages": pages,
        "runs": len(times),
        "p50_s": round(statistics.median(times), 3) if times else None,
        "p95_s": round(percentile(times, 0.95), 3) if times else None,
        "max_s": round(max(times), 3) if times else None,
        "p95_s_by_page": {page or "bare": round(percentile(v, 0.95), 3) for page, v in by_page.items() if v},
        "p95_s_by_step": {step + 1: round(percentile(v, 0.95), 3) for step, v in sorted(by_step.items())},
        "errors": len(errors),
        "error_samples": errors[:5],
        "rss_before_mb": round(before / 2**20, 1),
        "rss_after_mb": round(after / 2**20, 1),
        "mb_per_session": round((after - before) / 2**20 / sessions, 2),
        "wall_s": round(wall, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--no-bare", action="store_true", help="skip the bare app's run")
    parser.add_argument("--replicas", default="", help="e.g. 1,2: the production stack with that many replicas, in turn")
    parser.add_argument("--profile", action="store_true", help="sample the app's server with py-spy during the burst")
    args = parser.parse_args()
    pages = [p for p in args.pages.split(",") if p]

    result = {}
    if not args.no_bare:
        # The same burst against a one-line app, in the same run: what the machine itself allows.
        result["bare"] = measure(single(ROOT / "bench" / "bare_app.py"), [""], args.sessions, args.timeout)
    if args.replicas:
        for count in (int(c) for c in args.replicas.split(",")):
            result[f"replicas_{count}"] = measure(replicated(count), pages, args.sessions, args.timeout)
    else:
        into = str(RESULTS / "load-profile") if args.profile else None
        RESULTS.mkdir(exist_ok=True)
        result["app"] = measure(single(ROOT / "app.py"), pages, args.sessions, args.timeout, into)
        if into:
            for raw in sorted(RESULTS.glob("load-profile-*.txt")):
                result["app"]["hottest_frames"] = hottest(str(raw))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
