"""The production start: an export of the app, N Streamlit replicas on loopback, nginx in front.

    .venv/bin/python -m deploy.serve --replicas 2 --listen 0.0.0.0:80 --server-name dash.example.org

1. Export: the tracked files are copied to a fresh folder with no .git, so a
   visitor's ``load_git_info`` message finds no repository (Streamlit has no
   setting to turn that handler off, and with a .git each request runs git).
2. Replicas: ``streamlit run app.py`` on 127.0.0.1 only (``server.address``),
   so nothing but nginx reaches them; one shared ``server.cookieSecret``;
   ``server.allowedHosts`` set to the public name.
3. nginx from deploy/nginx.py, sticky by client IP.

tests/test_deploy.py starts exactly this (``stack``).
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.proxy import wait_healthy
from bench.stream import free_port, server
from deploy import nginx

ROOT = Path(__file__).resolve().parent.parent


def export(destination: Path, source: Path = ROOT) -> Path:
    """Copy the files git tracks (as they are in the work tree) to ``destination``, without .git."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=source, capture_output=True, check=True).stdout.decode()
    for name in filter(None, listed.split("\0")):
        target = destination / name
        if (source / name).is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, target)
    return destination


def replica_flags(server_name: str) -> list[str]:
    """What each replica adds to bench.stream.server's start, which binds 127.0.0.1 (server.address)."""
    return ["--server.allowedHosts", server_name] if server_name not in ("", "_") else []


def replica_env(cookie_secret: str) -> dict[str, str]:
    # Streamlit refuses the cookie secret as a command-line flag (it would show in ps).
    return {"STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}


def warm_up(port: int) -> None:
    """Run app.py once in a replica before any visitor reaches it.

    Until some session has run app.py's st.navigation, Streamlit treats the
    pages/ folder as a legacy multipage app and answers an unknown path
    (/foo) with its own English “Page not found” dialog; after one run it
    routes every path through app.py, which shows the Chinese not-found page.
    """
    from bench.stream import Session

    session = Session(port)
    try:
        session.run("")
    finally:
        session.close()


@contextlib.contextmanager
def stack(replicas: int = 1, listen: str | None = None, server_name: str = "_", streams_per_ip: int = 2) -> Iterator[dict]:
    """Export, start the replicas and nginx; yield {"front": port, "replicas": [ports], "app": folder}."""
    nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx_binary).exists():
        raise SystemExit("needs nginx: apt-get install nginx-light")
    cookie_secret = secrets.token_hex(32)
    with tempfile.TemporaryDirectory(prefix="cq-plan-") as folder, contextlib.ExitStack() as running:
        app = export(Path(folder) / "app")
        ports, pids = [], []
        for _ in range(replicas):
            port = free_port()
            _, process = running.enter_context(
                server(
                    app / "app.py",
                    port=port,
                    cwd=app,
                    extra_flags=replica_flags(server_name),
                    extra_env=replica_env(cookie_secret),
                    stderr=None,  # the replicas log where deploy.serve logs (journald, the container's log)
                )
            )
            warm_up(port)
            ports.append(port)
            pids.append(process.pid)
        front = listen or f"127.0.0.1:{free_port()}"
        work = Path(folder) / "nginx"
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (work / sub).mkdir(parents=True)
        config = work / "nginx.conf"
        config.write_text(nginx.render(ports, front, server_name, work, streams_per_ip=streams_per_ip))
        process = subprocess.Popen([nginx_binary, "-c", str(config), "-p", str(work)], stderr=subprocess.PIPE)
        try:
            front_port = int(front.rsplit(":", 1)[1])
            wait_healthy(front_port, process)
            yield {"front": front_port, "replicas": ports, "pids": pids, "app": app, "config": config}
        finally:
            process.terminate()
            process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the dashboard to the public: N replicas behind nginx.")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--server-name", default="_", help="the public host name (server.allowedHosts)")
    args = parser.parse_args()
    with stack(args.replicas, args.listen, args.server_name) as running:
        print(f"serving on http://{args.listen}/ ({args.replicas} replicas: {running['replicas']}); Ctrl-C stops", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main())
