"""The public deployment recipe (deploy/): nginx -t passes, and the running stack refuses what it should.

These start what docs/deployment.md's production start starts (deploy.serve.stack):
an export without .git, a replica bound to loopback, nginx in front. Skipped
where nginx is not installed (.ci/run installs it).
"""

import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.stream import Session
from deploy import nginx, serve
from helpers import listening_addresses

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
needs_nginx = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (apt-get install nginx-light)")


@needs_nginx
def test_the_config_passes_nginx_t():
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (work / sub).mkdir()
        config = work / "nginx.conf"
        config.write_text(nginx.render([8501, 8502], "127.0.0.1:18080", "dash.example.org", work))
        result = subprocess.run([NGINX, "-t", "-c", str(config), "-p", folder], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def front():
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed")
    with serve.stack(replicas=1) as running:
        yield running


def fetch(url: str, headers: dict | None = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")


def test_the_page_says_it_is_chinese_and_carries_the_security_headers(front):
    status, headers, body = fetch(f"http://127.0.0.1:{front['front']}/")
    assert status == 200 and '<html lang="zh-CN">' in body
    for name in ("X-Content-Type-Options", "Referrer-Policy", "Content-Security-Policy"):
        assert name in headers, name
    # Over plain HTTP a browser ignores HSTS; it is sent over HTTPS only (tests/test_serve.py).
    assert "Strict-Transport-Security" not in headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_stcore/agent/skills", "/auth/login", "/_stcore/upload_file/x"])
def test_endpoints_a_visitor_needs_not_are_closed_with_a_chinese_page(front, path):
    status, _, body = fetch(f"http://127.0.0.1:{front['front']}{path}")
    assert status == 404 and "页面不存在" in body and 'lang="zh-CN"' in body


@pytest.mark.parametrize("path", ["/indicators/extra", "/scenarios/a/b", "/Indicators/x.html"])
def test_a_path_below_a_page_gets_the_chinese_404_page(front, path):
    # Streamlit would serve its index.html there, whose ./static/ files then miss: a blank page
    status, _, body = fetch(f"http://127.0.0.1:{front['front']}{path}")
    assert status == 404 and "页面不存在" in body


def test_a_trailing_slash_goes_to_the_page(front):
    request = urllib.request.Request(f"http://127.0.0.1:{front['front']}/indicators/?table=1", method="HEAD")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as answer:
        opener.open(request, timeout=30)
    assert answer.value.code == 301 and answer.value.headers["Location"].endswith("/indicators?table=1")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_streamlit_s_own_files_still_pass(front):
    # the hashed bundle index.html names, and the health check, under their two-level paths
    status, _, body = fetch(f"http://127.0.0.1:{front['front']}/")
    script = re.search(r'src="\./(static/js/[^"]+)"', body).group(1)
    assert fetch(f"http://127.0.0.1:{front['front']}/{script}")[0] == 200
    assert fetch(f"http://127.0.0.1:{front['front']}/_stcore/health")[0] == 200


def test_a_very_long_url_gets_the_chinese_414_page(front):
    status, _, body = fetch(f"http://127.0.0.1:{front['front']}/indicators?q={'x' * 6000}")
    assert status == 414 and "地址太长" in body


def test_a_page_runs_over_the_websocket_through_the_proxy(front):
    session = Session(front["front"])
    try:
        result = session.run("indicators")
        assert result.exceptions == 0 and not result.not_found
    finally:
        session.close()


def test_the_replica_listens_on_loopback_only(front):
    # 0100007F is 127.0.0.1 as /proc/net/tcp writes it; 0.0.0.0 would be 00000000.
    assert listening_addresses(front["replicas"][0]) == {"0100007F"}


def git_answer(port: int) -> list[str]:
    """Send Streamlit's load_git_info as any visitor can; the kinds of message that come back in 3 s."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    session = Session(port)
    try:
        session.run("")
        message = BackMsg()
        message.load_git_info = True
        session.ws.send(message.SerializeToString())
        kinds = []
        with pytest.raises(TimeoutError):
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(session.ws.recv(timeout=3))
                kinds.append(forward.WhichOneof("type"))
        return kinds
    finally:
        session.close()


def test_git_details_stay_private(front):
    """The export has no .git, so load_git_info gets no answer (no names, no git run)."""
    assert not (front["app"] / ".git").exists()
    assert "git_info_changed" not in git_answer(front["front"])


def test_from_a_git_checkout_the_same_message_leaks_the_repository(tmp_path):
    """Why the recipe exports: run from a checkout with a GitHub remote, Streamlit answers."""
    from bench.stream import server

    app = serve.export(tmp_path / "app")
    git = ["git", "-C", str(app), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)
    subprocess.run([*git, "remote", "add", "origin", "https://github.com/example/dashboard.git"], check=True)
    subprocess.run([*git, "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)
    subprocess.run([*git, "branch", "-q", "--set-upstream-to=origin/main"], check=True)
    (app / "notes.txt").write_text("an untracked file a visitor should not learn of")
    with server(app / "app.py", cwd=app) as (port, _):
        assert "git_info_changed" in git_answer(port)


def test_an_oversized_frame_is_refused(front):
    """server.maxMessageSize = 1 (MB): a rerun carrying a 2 MB widget value closes the connection.

    With Streamlit's defaults (200 MB) the same message is taken and the script runs.
    """
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.exceptions import ConnectionClosed

    session = Session(front["front"])
    try:
        session.run("")
        message = BackMsg()
        widget = message.rerun_script.widget_states.widgets.add()
        widget.id = "$$ID-0-q"
        widget.string_value = "x" * 2_000_000
        session.ws.send(message.SerializeToString())
        with pytest.raises(ConnectionClosed):
            while True:
                forward = ForwardMsg()
                forward.ParseFromString(session.ws.recv(timeout=30))
                assert forward.WhichOneof("type") != "script_finished", "the 2 MB message was taken"
    finally:
        session.close()


def resident_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def test_oversized_frames_leave_the_server_s_memory_where_it_was(front):
    """Eight 24 MB widget values took the server from 188 to 739 MB with the 200 MB default
    (issue 16 #9); refused at the frame header now, they must not be held."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from websockets.exceptions import ConnectionClosed

    warm = Session(front["front"])
    warm.run("")
    warm.close()
    before = resident_mb(front["pids"][0])
    for _ in range(8):
        session = Session(front["front"])
        try:
            message = BackMsg()
            widget = message.rerun_script.widget_states.widgets.add()
            widget.id = "$$ID-0-q"
            widget.string_value = "x" * 24_000_000
            with pytest.raises(ConnectionClosed):
                session.ws.send(message.SerializeToString())
                while True:
                    session.ws.recv(timeout=30)
        finally:
            session.close()
    # 50 MB: a tenth of the growth the default allowed, room for the allocator's own moods
    assert resident_mb(front["pids"][0]) - before < 50
