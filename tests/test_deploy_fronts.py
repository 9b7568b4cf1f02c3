"""Both fronts answer in Chinese, with the security headers, whatever the path or request
(issue 24, finding 8): the app's nginx (deploy.nginx.render) and the static edition's
(deploy.nginx.render_static).

Streamlit answers any path with its index.html and lets the browser choose the page:
/indicators%20, /%20indicators and /methods%09 showed its English “This app has
encountered an error”, /home opened 概览 under an English “Page not found” dialog.
nginx's own 400/403/405/414/416 pages were English, error pages carried no security
headers, a .gz was sent as text/plain and the trailing-slash redirect was built as
http:// plus the visitor's Host header. Skipped where nginx is not installed.
"""

import contextlib
import gzip
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

from bench.stream import Session
from deploy import nginx, serve
from deploy.health import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (apt-get install nginx-light)")
# What every answer carries, an error page included (HSTS only over HTTPS: tests/test_deploy_tls.py).
SECURITY = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy")


def ask(port: int, request: bytes) -> tuple[int, dict[str, str], str]:
    """One raw HTTP request (urllib would clean up the hostile ones): status, headers, body."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body.decode("utf-8", "replace")


def get(path: str, host: str = "dash.example.org", method: str = "GET", extra: str = "") -> bytes:
    return f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n".encode("latin-1")


def assert_chinese_error(status: int, headers: dict, body: str, code: int) -> None:
    assert status == code, (status, body[:300])
    assert 'lang="zh-CN"' in body and f"错误代码 {code}" in body, body[:300]
    assert [name for name in SECURITY if name.lower() not in headers] == []


@pytest.fixture(scope="module")
def stack():
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed")
    with serve.stack(replicas=2) as running:
        yield running


@pytest.fixture(scope="module")
def front(stack):
    return stack["front"]


@pytest.mark.parametrize(
    "path",
    [
        "/indicators%20",
        "/%20indicators",
        "/methods%09",
        "/home",
        "/Indicators",
        "/foo",
        "/indicators/extra",
        "/indicators.",
        "/_stcore/metrics",
    ],
)
def test_a_path_that_is_no_page_gets_the_chinese_404_with_the_headers(front, path):
    assert_chinese_error(*ask(front, get(path)), 404)


@pytest.mark.parametrize("path", ["/", "/indicators", "/methods?year=2020", "/overview", "/_stcore/health", "/favicon.png"])
def test_the_pages_and_streamlit_s_own_paths_still_pass(front, path):
    status, headers, _ = ask(front, get(path))
    assert status == 200 and "content-security-policy" in headers


@pytest.mark.parametrize(
    "request_bytes, code",
    [
        (b"GARBAGE\r\n\r\n", 400),
        (get("/%zz"), 400),
        (get("/indicators", method="POST", extra="Content-Length: 0\r\n"), 405),
        (get("/indicators", method="TRACE"), 405),
        (get("/indicators?q=" + "x" * 6000), 414),
        (get("/indicators", method="POST", extra="Content-Length: 2000000\r\n"), 413),
    ],
    ids=["garbage", "bad escape", "POST", "TRACE", "long URL", "large body"],
)
def test_nginx_s_own_errors_are_chinese_with_the_headers(front, request_bytes, code):
    assert_chinese_error(*ask(front, request_bytes), code)


def streams_to(port: int) -> set[str]:
    """Established connections to 127.0.0.1:port (nginx's side of each proxied websocket), each
    named by its two addresses: counting them instead flaked when the previous visitor's
    connection closed between the two looks (CI, 7 December: 4 of 5)."""
    streams = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "01" and int(fields[2].rsplit(":", 1)[1], 16) == port:
                streams.add(f"{fields[1]}-{fields[2]}")
    return streams


def test_twenty_visitors_from_127_0_0_x_reach_both_replicas(stack):
    """ip_hash keyed on 127.0.0: all 20 went to one replica (issue 24, finding 6)."""
    before = {port: streams_to(port) for port in stack["replicas"]}
    sessions = []
    try:
        for index in range(20):
            sessions.append(Session(stack["front"], source=f"127.0.0.{10 + index}"))
            sessions[-1].run("")
        reached = {port: len(streams_to(port) - before[port]) for port in stack["replicas"]}
    finally:
        for session in sessions:
            session.close()
    assert sum(reached.values()) == 20 and min(reached.values()) >= 3, reached


def test_a_browser_s_cookie_keeps_its_websockets_on_one_replica(stack):
    """The cookie nginx sets on the first answer, sent from five addresses: one replica every time."""
    status, headers, _ = ask(stack["front"], get("/indicators"))
    cookie = headers["set-cookie"].split(";")[0]
    assert status == 200 and cookie.startswith(f"{nginx.COOKIE}=") and "HttpOnly" in headers["set-cookie"]
    reached = []
    for index in range(5):
        before = {port: streams_to(port) for port in stack["replicas"]}
        sock = socket.create_connection(("127.0.0.1", stack["front"]), source_address=(f"127.0.0.{40 + index}", 0))
        with connect(
            f"ws://127.0.0.1:{stack['front']}/_stcore/stream", sock=sock, subprotocols=["streamlit"], additional_headers={"Cookie": cookie}
        ) as ws:
            # The handshake is done when connect returns; a first run makes sure the relay's own
            # connection to the replica is up before counting.
            run = BackMsg()
            run.rerun_script.page_name = ""
            ws.send(run.SerializeToString())
            while ForwardMsg.FromString(ws.recv(timeout=60)).WhichOneof("type") != "script_finished":
                pass
            reached += [port for port in stack["replicas"] if streams_to(port) - before[port]]
    assert len(reached) == 5 and len(set(reached)) == 1, reached


def test_the_trailing_slash_redirect_names_the_path_only(front):
    status, headers, _ = ask(front, get("/indicators/?table=1", host="evil.example"))
    assert status == 301 and headers["location"] == "/indicators?table=1"


@contextlib.contextmanager
def static_front(root: Path):
    port = free_port()
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="static-front-")))
        config = folder / "nginx.conf"
        config.write_text(nginx.render_static(root, f"127.0.0.1:{port}", "_", folder))
        process = subprocess.Popen([NGINX, "-c", str(config), "-p", str(folder)], stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                with contextlib.suppress(OSError):
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                time.sleep(0.1)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def static_site():
    """A three-file stand-in for the bake's output (a page, a folder page, a script and its .gz),
    in a folder nginx's workers (not root) can read: pytest's own tmp folders are private."""
    with tempfile.TemporaryDirectory(prefix="static-site-") as folder, static_front(site_in(Path(folder) / "public")) as port:
        yield port


def site_in(root: Path) -> Path:
    files = {"index.html": "<!doctype html><title>首页</title>", "404.html": "页面不存在", "indicators/index.html": "指标"}
    files |= {"en/index.html": "Home", "en/404.html": "Page not found", "zh-hant/404.html": "頁面不存在"}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "assets").mkdir()
    (root / "assets" / "site.js").write_text("console.log(1);" * 200)
    (root / "assets" / "site.js.gz").write_bytes(gzip.compress((root / "assets" / "site.js").read_bytes()))
    for path in [root.parent, root, *root.rglob("*")]:
        path.chmod(0o755)  # nginx's workers are not root
    return root


@pytest.mark.parametrize(
    "request_bytes, code",
    [
        (b"GARBAGE\r\n\r\n", 400),
        (get("/", method="POST", extra="Content-Length: 0\r\n"), 403),
        (get("/", method="TRACE"), 405),
        (get("/?q=" + "x" * 6000), 414),
        (get("/index.html", extra="Range: bytes=99999-\r\n"), 416),
    ],
    ids=["400", "403", "405", "414", "416"],
)
def test_the_static_front_s_errors_are_chinese_with_the_headers(static_site, request_bytes, code):
    assert_chinese_error(*ask(static_site, request_bytes), code)


def test_the_static_front_s_not_found_page_carries_the_headers(static_site):
    status, headers, body = ask(static_site, get("/nothing/here"))
    assert status == 404 and body == "页面不存在" and [n for n in SECURITY if n.lower() not in headers] == []


@pytest.mark.parametrize(
    "path, body",
    [
        ("/en/nothing/here", "Page not found"),
        ("/zh-hant/nothing", "頁面不存在"),
        ("/english/nothing", "页面不存在"),
        ("/nothing/en/", "页面不存在"),
    ],
)
def test_each_language_folder_has_its_own_not_found_page(static_site, path, body):
    """/en/… and /zh-hant/… get their folder's 404 (bake/not_found.py); any other path the 简体 one."""
    status, headers, text = ask(static_site, get(path))
    assert status == 404 and text == body and [n for n in SECURITY if n.lower() not in headers] == []


def test_a_gz_file_asked_for_by_name_is_gzip_not_text(static_site):
    status, headers, _ = ask(static_site, get("/assets/site.js.gz"))
    assert status == 200 and headers["content-type"] == "application/gzip"


def test_the_static_front_s_folder_redirect_names_the_path_only(static_site):
    status, headers, _ = ask(static_site, get("/indicators", host="evil.example"))
    assert status == 301 and headers["location"] == "/indicators/"
