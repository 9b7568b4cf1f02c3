"""The production start as an operator runs it, and as a supervisor stops it (issue 24, findings 1 and 2).

    .venv/bin/python -m deploy.serve --replicas 2 --listen 127.0.0.1:PORT --server-name dash.example.org

exactly as docs/deployment.md gives it (with a free loopback port for 0.0.0.0:80),
then SIGTERM, what systemd, ``docker stop`` and Kubernetes send. Skipped where
nginx is not installed (.ci/run installs it).
"""

import os
import re
import select
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deploy.health import answers_ok, free_port, run_once
from helpers import ROOT, alive, descendants, listening_addresses

NGINX = Path("/usr/sbin/nginx")
# As docs/deployment.md gives it (tests/test_docs.py checks the text is there, verbatim).
DOCUMENTED = ".venv/bin/python -m deploy.serve --replicas 2 --listen 0.0.0.0:80 --server-name dash.example.org"
SERVER_NAME = "dash.example.org"
START_SECONDS = 240  # two replicas importing pandas, pyarrow and Altair on a loaded 2-core machine
# What a supervisor allows between SIGTERM and SIGKILL (docker stop's default; systemd's is 90 s).
# A limit the service must keep, not a speed budget: past it the supervisor kills, and what
# the service started would be orphaned.
STOP_SECONDS = 10

pytestmark = pytest.mark.skipif(not (NGINX.exists() or os.path.exists("/usr/bin/nginx")), reason="nginx is not installed")


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """deploy.serve as docs/deployment.md starts it, its temporary files in a folder of their own."""
    temp = tmp_path_factory.mktemp("serve-tmp")
    log = (tmp_path_factory.mktemp("serve-log") / "stderr.txt").open("w+")
    port = free_port()
    # The documented command, word for word, but for this venv's python and a free loopback port.
    words = {".venv/bin/python": sys.executable, "0.0.0.0:80": f"127.0.0.1:{port}"}
    command = [words.get(word, word) for word in shlex.split(DOCUMENTED)]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "TMPDIR": str(temp)}, stdout=subprocess.PIPE, stderr=log, text=True)
    line = ""
    deadline = time.monotonic() + START_SECONDS
    while "serving on" not in line and process.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if ready:
            line = process.stdout.readline()
    try:
        yield {"process": process, "line": line, "port": port, "temp": temp, "log": log}
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
        log.close()


def stderr_of(started) -> str:
    started["log"].seek(0)
    return started["log"].read()[-3000:]


def test_the_documented_start_starts_with_a_public_server_name(started):
    """It used to exit: its warm-up connected as 127.0.0.1 and the replica, allowing only the public name, said 403."""
    assert started["process"].poll() is None, stderr_of(started)
    assert "serving on" in started["line"], stderr_of(started)
    assert answers_ok(started["port"])
    # A visitor's websocket through nginx, naming the public host as a browser would.
    run_once(started["port"], host=SERVER_NAME)


def test_sigterm_stops_nginx_and_both_replicas_and_leaves_nothing(started):
    process = started["process"]
    assert process.poll() is None, stderr_of(started)
    replica_ports = [int(p) for p in re.findall(r"\d+", started["line"].split("replicas:", 1)[1])]
    assert len(replica_ports) == 2
    ports = [started["port"], *replica_ports]
    tree = descendants(process.pid)  # the replicas, nginx and its workers
    assert len(tree) >= 4 and all(listening_addresses(p) for p in ports)
    assert list(started["temp"].iterdir()), "the export should be in TMPDIR while serving"

    process.send_signal(signal.SIGTERM)
    process.wait(timeout=STOP_SECONDS)

    assert [pid for pid in tree if alive(pid)] == []
    assert {p: listening_addresses(p) for p in ports} == {p: set() for p in ports}
    assert list(started["temp"].iterdir()) == []


def test_public_url_reaches_every_replica_as_dashboard_public_url():
    from deploy.serve import replica_env

    assert replica_env("s", "https://dash.example.org")["DASHBOARD_PUBLIC_URL"] == "https://dash.example.org"
    assert "DASHBOARD_PUBLIC_URL" not in replica_env("s")  # unset: the replicas inherit the environment's own
