"""The production start: an export of the app, N Streamlit replicas on loopback, nginx in front.

    .venv/bin/python -m deploy.serve --replicas 2 --listen 0.0.0.0:80 --server-name dash.example.org

1. Export: the tracked files are copied to a fresh folder with no .git, so a
   visitor's ``load_git_info`` message finds no repository (Streamlit has no
   setting to turn that handler off, and with a .git each request runs git).
2. Replicas: ``streamlit run app.py`` on 127.0.0.1 only (``server.address``),
   so nothing but nginx reaches them; one shared ``server.cookieSecret``;
   ``server.allowedHosts`` set to the public name.
3. nginx from deploy/nginx.py, sticky by client IP.

SIGTERM (what systemd, ``docker stop`` and Kubernetes send) and Ctrl-C stop
nginx and every replica within one grace period and remove the export: nothing
is left listening and nothing on disk (tests/test_serve.py).

tests/test_deploy.py starts ``stack``; tests/test_serve.py starts the command above.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from deploy import nginx, replica
from deploy.health import free_port, run_once, wait_healthy

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
    """What each replica adds to deploy.replica.launch, which binds 127.0.0.1 (server.address)."""
    flags = ["--browser.gatherUsageStats", "false"]
    return flags + (["--server.allowedHosts", server_name] if server_name not in ("", "_") else [])


def replica_env(cookie_secret: str, public_url: str | None = None) -> dict[str, str]:
    # Streamlit refuses the cookie secret as a command-line flag (it would show in ps).
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret}
    # The address shared links and QR codes give (lib.present.permalink.public_base reads it).
    return env | ({"DASHBOARD_PUBLIC_URL": public_url} if public_url else {})


def warm_up(port: int, server_name: str = "_") -> None:
    """Run app.py once in a replica before any visitor reaches it.

    Until some session has run app.py's st.navigation, Streamlit treats the
    pages/ folder as a legacy multipage app and answers an unknown path
    (/foo) with its own English “Page not found” dialog; after one run it
    routes every path through app.py, which shows the Chinese not-found page.
    The websocket names the public host: the replica's server.allowedHosts
    holds only that name and answers any other Host with 403.
    """
    run_once(port, host=server_name)


@contextlib.contextmanager
def stack(
    replicas: int = 1, listen: str | None = None, server_name: str = "_", streams_per_ip: int = 2, public_url: str | None = None
) -> Iterator[dict]:
    """Export, start the replicas and nginx; yield {"front": port, "replicas": [ports], "app": folder}.

    On the way out (normally, on an exception, or on the SystemExit ``main`` raises for
    SIGTERM) nginx and the replicas get SIGTERM together and SIGKILL after 5 s, then the
    export and nginx's files are removed.
    """
    nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx_binary).exists():
        raise SystemExit("needs nginx: apt-get install nginx-light")
    cookie_secret = secrets.token_hex(32)
    processes: list[subprocess.Popen] = []
    with tempfile.TemporaryDirectory(prefix="cq-plan-") as folder:
        try:
            app = export(Path(folder) / "app")
            ports = [free_port() for _ in range(replicas)]
            for port in ports:
                # stderr=None: the replicas log where deploy.serve logs (journald, the container's log)
                processes.append(
                    replica.launch(
                        app / "app.py", port, app, replica_flags(server_name), replica_env(cookie_secret, public_url), stderr=None
                    )
                )
            for port, process in zip(ports, processes):
                replica.wait_started(port, process)
                warm_up(port, server_name)
            front = listen or f"127.0.0.1:{free_port()}"
            work = Path(folder) / "nginx"
            for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
                (work / sub).mkdir(parents=True)
            config = work / "nginx.conf"
            config.write_text(nginx.render(ports, front, server_name, work, streams_per_ip=streams_per_ip))
            # Its own session too: stop() signals each process group, and nginx's workers go with it.
            process = subprocess.Popen([nginx_binary, "-c", str(config), "-p", str(work)], stderr=subprocess.PIPE, start_new_session=True)
            processes.append(process)
            front_port = int(front.rsplit(":", 1)[1])
            wait_healthy(front_port, process)
            yield {"front": front_port, "replicas": ports, "pids": [p.pid for p in processes[:replicas]], "app": app, "config": config}
        finally:
            replica.stop(processes)


def stop_on_sigterm(signum, frame) -> None:
    # A supervisor's SIGTERM unwinds stack() like Ctrl-C does; a second one must not
    # interrupt that clean-up half way.
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise SystemExit(0)


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the dashboard to the public: N replicas behind nginx.")
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--server-name", default="_", help="the public host name (server.allowedHosts)")
    parser.add_argument(
        "--public-url",
        default=None,
        help="the address shared links and QR codes give, e.g. https://dash.example.org (DASHBOARD_PUBLIC_URL)",
    )
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    with contextlib.suppress(KeyboardInterrupt), stack(args.replicas, args.listen, args.server_name, public_url=args.public_url) as running:
        print(f"serving on http://{args.listen}/ ({args.replicas} replicas: {running['replicas']}); Ctrl-C or SIGTERM stops", flush=True)
        while True:
            time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main())
