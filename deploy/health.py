"""Is a server up, and has the app run once: what the production start needs to know.

deploy.serve waits on these before it lets nginx take traffic; bench/ imports
them from here (the production start imports nothing from bench/).
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import subprocess
import time
import urllib.request

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def loopback_tls() -> ssl.SSLContext:
    """TLS to our own front on loopback: the certificate names the public host, not 127.0.0.1,
    and may be self-signed, so it is not verified here (nothing leaves the machine)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def answers_ok(port: int, timeout: float = 2, tls: bool = False) -> bool:
    """True when /_stcore/health on 127.0.0.1:port answers "ok" (Streamlit's, or nginx passing it on)."""
    url = f"{'https' if tls else 'http'}://127.0.0.1:{port}/_stcore/health"
    with contextlib.suppress(Exception):
        with urllib.request.urlopen(url, timeout=timeout, context=loopback_tls() if tls else None) as response:
            return response.read().strip() == b"ok"
    return False


def wait_healthy(port: int, process: subprocess.Popen, what: str = "nginx", seconds: float = 30, tls: bool = False) -> None:
    """Wait until ``port`` answers its health check; fail at once if ``process`` exits first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            detail = process.stderr.read().decode()[-2000:] if process.stderr else "see its log above"
            raise RuntimeError(f"{what} exited: {detail}")
        if answers_ok(port, tls=tls):
            return
        time.sleep(0.2)
    raise TimeoutError(f"{what} on {port} did not answer in {seconds:.0f} s")


def run_once(port: int, host: str | None = None, seconds: float = 60, tls: bool = False) -> None:
    """Open a websocket to the replica on 127.0.0.1:port, run the app once, close.

    ``host`` is the Host header to send: a replica whose server.allowedHosts holds
    only the public name refuses any other with 403 (issue 24, finding 1), so the
    warm-up connects to loopback but names the public host, as nginx does.
    """
    sock = socket.create_connection(("127.0.0.1", port), timeout=seconds)
    authority = host if host not in (None, "", "_") else f"127.0.0.1:{port}"
    scheme, options = ("wss", {"ssl": loopback_tls(), "server_hostname": authority.split(":")[0]}) if tls else ("ws", {})
    with connect(
        f"{scheme}://{authority}/_stcore/stream", sock=sock, subprotocols=["streamlit"], max_size=None, open_timeout=seconds, **options
    ) as ws:
        message = BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_name = ""
        ws.send(message.SerializeToString())
        deadline = time.monotonic() + seconds
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if forward.WhichOneof("type") == "script_finished":
                return
