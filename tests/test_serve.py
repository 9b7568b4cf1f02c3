"""The production start as an operator runs it, and as a supervisor stops it (issue 24, findings 1 and 2).

    .venv/bin/python -m deploy.serve --replicas 2 --listen 127.0.0.1:PORT --server-name dash.example.org

exactly as docs/deployment.md gives it (with free loopback ports for 0.0.0.0:80 and
0.0.0.0:443, and a self-signed certificate made with openssl for the test), then SIGTERM, what systemd, ``docker stop`` and Kubernetes send. Skipped where
nginx is not installed (.ci/run installs it).
"""

import http.client
import os
import re
import select
import shlex
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest

from deploy.health import answers_ok, free_port, loopback_tls, run_once
from helpers import ROOT, alive, descendants, listening_addresses

NGINX = Path("/usr/sbin/nginx")
# As docs/deployment.md gives it (tests/test_docs.py checks the text is there, verbatim).
DOCUMENTED = (
    ".venv/bin/python -m deploy.serve --replicas 2 --listen 0.0.0.0:80 --https-listen 0.0.0.0:443"
    " --tls-cert /etc/ssl/dash.example.org/fullchain.pem --tls-key /etc/ssl/dash.example.org/privkey.pem"
    " --server-name dash.example.org"
)
SERVER_NAME = "dash.example.org"
START_SECONDS = 240  # two replicas importing pandas, pyarrow and Altair on a loaded 2-core machine
# What a supervisor allows between SIGTERM and SIGKILL (docker stop's default; systemd's is 90 s).
# A limit the service must keep, not a speed budget: past it the supervisor kills, and what
# the service started would be orphaned.
STOP_SECONDS = 10

pytestmark = pytest.mark.skipif(not (NGINX.exists() or os.path.exists("/usr/bin/nginx")), reason="nginx is not installed")


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for the public name, made by openssl now (valid two days)."""
    certificate, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={SERVER_NAME}"]
        + ["-addext", f"subjectAltName=DNS:{SERVER_NAME}", "-keyout", str(key), "-out", str(certificate)],
        check=True,
        capture_output=True,
    )
    return certificate, key


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """deploy.serve as docs/deployment.md starts it, its temporary files in a folder of their own."""
    temp = tmp_path_factory.mktemp("serve-tmp")
    log = (tmp_path_factory.mktemp("serve-log") / "stderr.txt").open("w+")
    certificate, key = self_signed(tmp_path_factory.mktemp("tls"))
    port, https_port = free_port(), free_port()
    # The documented command, word for word, but for this venv's python, free loopback ports and the test's certificate.
    words = {
        ".venv/bin/python": sys.executable,
        "0.0.0.0:80": f"127.0.0.1:{port}",
        "0.0.0.0:443": f"127.0.0.1:{https_port}",
        "/etc/ssl/dash.example.org/fullchain.pem": str(certificate),
        "/etc/ssl/dash.example.org/privkey.pem": str(key),
    }
    command = [words.get(word, word) for word in shlex.split(DOCUMENTED)]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "TMPDIR": str(temp)}, stdout=subprocess.PIPE, stderr=log, text=True)
    line = ""
    deadline = time.monotonic() + START_SECONDS
    while "serving on" not in line and process.poll() is None and time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if ready:
            line = process.stdout.readline()
    try:
        yield {"process": process, "line": line, "port": port, "https": https_port, "certificate": certificate, "temp": temp, "log": log}
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
    assert answers_ok(started["https"], tls=True)
    # A visitor's websocket through nginx, naming the public host as a browser would.
    run_once(started["https"], host=SERVER_NAME, tls=True)


def answer(port: int, path: str, tls: bool) -> tuple[int, dict[str, str]]:
    """Status and headers of one GET from 127.0.0.1, naming a Host other than the public one."""
    connection = (
        http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=loopback_tls())
        if tls
        else http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    )
    connection.request("GET", path, headers={"Host": "evil.example"})
    response = connection.getresponse()
    headers = {name.lower(): value for name, value in response.getheaders()}
    connection.close()
    return response.status, headers


def test_http_only_redirects_to_the_https_address_of_the_settings(started):
    """issue 24, finding 9: the documented start listened on plain port 80 and sent HSTS there."""
    status, headers = answer(started["port"], "/indicators?table=1", tls=False)
    assert status == 301 and headers["location"] == f"https://{SERVER_NAME}:{started['https']}/indicators?table=1"
    assert "strict-transport-security" not in headers and "set-cookie" not in headers


def test_https_serves_the_certificate_of_the_settings_with_hsts(started):
    status, headers = answer(started["https"], "/indicators", tls=True)
    assert status == 200 and headers["strict-transport-security"].startswith("max-age=")
    assert "; Secure" in headers["set-cookie"]
    served = ssl.get_server_certificate(("127.0.0.1", started["https"]))
    assert ssl.PEM_cert_to_DER_cert(served) == ssl.PEM_cert_to_DER_cert(started["certificate"].read_text())


def test_sigterm_stops_nginx_and_both_replicas_and_leaves_nothing(started):
    process = started["process"]
    assert process.poll() is None, stderr_of(started)
    replica_ports = [int(p) for p in re.findall(r"\d+", started["line"].split("replicas:", 1)[1])]
    assert len(replica_ports) == 2
    ports = [started["port"], started["https"], *replica_ports]
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
