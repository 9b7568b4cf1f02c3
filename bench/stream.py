"""A minimal Streamlit websocket client: run a page, move a widget, time it.

A plain HTTP GET never runs the script; only the websocket does. This speaks
Streamlit's own protocol (the protobuf classes ship in the streamlit wheel, so
client and server are always the same version).
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

from deploy import replica
from deploy.health import free_port

__all__ = ["ROOT", "RunResult", "Session", "free_port", "rss_bytes", "server"]

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class RunResult:
    seconds: float
    bytes: int
    messages: int
    status: int  # ScriptFinishedStatus
    widgets: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # key → (widget id, fragment id)
    exceptions: int = 0
    exec_ms: float | None = None  # the server's own script time (PageProfile.exec_time)
    fragment_run: bool = False
    deck_json_bytes: int = 0  # size of the pydeck map spec(s) sent, if any
    not_found: bool = False  # the server answered "page not found" (and ran the default page)


class Session:
    """One browser tab, as far as the server can tell."""

    def __init__(self, port: int, timeout: float = 60.0, source: str | None = None):
        self.port = port
        self.timeout = timeout
        # ``source``: another loopback address (127.0.0.x) to connect from, so a proxy
        # that limits or routes by client IP sees different visitors.
        sock = None
        if source:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((source, 0))
            sock.settimeout(timeout)
            sock.connect(("127.0.0.1", port))
        # One connection held across many runs and closed by close(), not a with-block.
        self.ws = connect(
            f"ws://127.0.0.1:{port}/_stcore/stream", sock=sock, subprotocols=["streamlit"], max_size=None, open_timeout=timeout, legacy=True
        )
        self.widgets: dict[str, tuple[str, str | None]] = {}
        self.deck_json_bytes = 0

    def clear_caches(self) -> None:
        """What any visitor can ask for: empty every st.cache_data and st.cache_resource."""
        message = BackMsg()
        message.clear_cache = True
        self.ws.send(message.SerializeToString())
        time.sleep(0.5)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()

    def run(self, page: str = "", query: str = "", widget_values: dict | None = None, fragment_key: str | None = None) -> RunResult:
        """Ask for a rerun and read until the script finishes."""
        message = BackMsg()
        state = message.rerun_script
        state.query_string = query
        state.page_name = page
        for key, value in (widget_values or {}).items():
            widget_id, _ = self.widgets[key]
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            if isinstance(value, bool):
                widget.bool_value = value
            elif isinstance(value, (int, float)):
                widget.double_array_value.data.append(float(value))
            else:
                widget.string_value = str(value)
        if fragment_key:
            state.fragment_id = self.widgets[fragment_key][1] or ""
        self.deck_json_bytes = 0
        started = time.perf_counter()
        self.ws.send(message.SerializeToString())
        total = messages = exceptions = 0
        exec_ms, fragment_run, not_found = None, False, False
        deadline = started + self.timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"no script_finished within {self.timeout} s")
            raw = self.ws.recv(timeout=remaining)
            total += len(raw)
            messages += 1
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta":
                exceptions += self._record(forward)
            elif kind == "page_profile":
                exec_ms = forward.page_profile.exec_time / 1000
                fragment_run = forward.page_profile.is_fragment_run
            elif kind == "page_not_found":
                not_found = True
            elif kind == "script_finished":
                elapsed = time.perf_counter() - started
                return RunResult(
                    elapsed,
                    total,
                    messages,
                    forward.script_finished,
                    dict(self.widgets),
                    exceptions,
                    exec_ms,
                    fragment_run,
                    self.deck_json_bytes,
                    not_found,
                )

    def _record(self, forward: ForwardMsg) -> int:
        delta = forward.delta
        if delta.WhichOneof("type") != "new_element":
            return 0
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            return 1
        proto = getattr(element, kind, None)
        if kind == "deck_gl_json_chart":
            self.deck_json_bytes += len(proto.json.encode())
        widget_id = getattr(proto, "id", "") if proto is not None else ""
        if widget_id and widget_id.startswith("$$ID"):
            key = widget_id.rsplit("-", 1)[-1]
            self.widgets[key] = (widget_id, delta.fragment_id or None)
        return 0


@contextlib.contextmanager
def server(
    script: str | Path,
    port: int | None = None,
    extra_env: dict | None = None,
    profile: bool = False,
    cwd: Path = ROOT,
    extra_flags: list[str] | None = None,
    stderr=subprocess.PIPE,
):
    """Start ``streamlit run script`` on a free port (deploy.replica, as production does) and
    wait for /_stcore/health; yield (port, process).

    ``profile=True`` turns usage stats on so the server reports its own script
    time (a PageProfile message) to our client. Never for a browser: a browser
    would then try to send metrics out.
    """
    flags = ["--browser.gatherUsageStats", "true" if profile else "false", *(extra_flags or [])]
    with replica.running(script, port, cwd=cwd, extra_flags=flags, extra_env=extra_env, stderr=stderr) as started:
        yield started


def rss_bytes(pid: int) -> int:
    """Resident memory of a process, from /proc."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0
