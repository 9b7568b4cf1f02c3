"""One Streamlit replica: started on loopback, waited for, and stopped so that nothing is left.

deploy.serve starts its replicas with these; bench/ and the tests start their
servers through ``running`` (bench.stream.server).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from deploy.health import answers_ok, free_port

ROOT = Path(__file__).resolve().parent.parent


def launch(
    script: str | Path,
    port: int,
    cwd: Path = ROOT,
    extra_flags: list[str] | None = None,
    extra_env: dict | None = None,
    stderr=subprocess.PIPE,
) -> subprocess.Popen:
    """``streamlit run script`` on 127.0.0.1:port (server.address), in a session of its own so
    that stopping it stops whatever it started."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.fileWatcherType",
            "none",
            *(extra_flags or ["--browser.gatherUsageStats", "false"]),
        ],
        cwd=cwd,
        env={**os.environ, **(extra_env or {})},
        stdout=subprocess.DEVNULL,
        # PIPE for a short-lived server (read if it fails to start); a long-lived one passes
        # None, since a pipe nobody reads blocks the server once 64 KB of log fill it.
        stderr=stderr,
        start_new_session=True,
    )


def wait_started(port: int, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if answers_ok(port):
            return
        if process.poll() is not None:
            detail = process.stderr.read().decode()[-2000:] if process.stderr else "see its log above"
            raise RuntimeError(f"streamlit exited: {detail}")
        time.sleep(0.3)
    raise TimeoutError(f"server did not become healthy in {seconds:.0f} s")


def stop(processes: list[subprocess.Popen], grace: float = 5.0) -> None:
    """SIGTERM every process group at once, then SIGKILL what is still running after ``grace``.

    All at once, so N replicas stop within one grace period (a supervisor gives 10 s
    before it kills). A replica busy with a flood may ignore SIGTERM; left running it
    would keep its port.
    """
    for process in processes:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in processes:
        try:
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@contextlib.contextmanager
def running(
    script: str | Path,
    port: int | None = None,
    cwd: Path = ROOT,
    extra_flags: list[str] | None = None,
    extra_env: dict | None = None,
    stderr=subprocess.PIPE,
    grace: float = 10.0,
) -> Iterator[tuple[int, subprocess.Popen]]:
    """Start a replica, wait for /_stcore/health, yield (port, process); stop it on exit."""
    port = port or free_port()
    process = launch(script, port, cwd, extra_flags, extra_env, stderr)
    try:
        wait_started(port, process)
        yield port, process
    finally:
        stop([process], grace)
