"""The production start: an export of the app, N Streamlit replicas on loopback, nginx in front.

    .venv/bin/python -m deploy.serve --replicas 2 --listen 0.0.0.0:80 --server-name dash.example.org

1. Export: the tracked files are copied to a fresh folder with no .git, so a
   visitor's ``load_git_info`` message finds no repository (Streamlit has no
   setting to turn that handler off, and with a .git each request runs git).
2. Replicas: ``streamlit run app.py`` on 127.0.0.1 only (``server.address``),
   so nothing but nginx reaches them; one shared ``server.cookieSecret``;
   ``server.allowedHosts`` set to the public name.
3. deploy.guard before each replica's websocket: a rerun limit per connection, no cache clears.
4. nginx from deploy/nginx.py, each browser kept on one replica by a cookie nginx sets.

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
import socket
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


# A replica's memory must not grow with the number of distinct URLs (issue 24, finding 7;
# bench/memory.py measures it). What the deployment bounds from outside the code:
MEMORY_BOUNDS = [
    # All st.cache_data entries together (their keys can come from a visitor).
    "--server.maxCacheDataSize",
    "64mb",
    # A closed tab's session (its widgets, its elements) is kept this long for a reconnect;
    # 120 s by default, so a client opening a websocket per URL kept hundreds alive.
    # A visitor's whole state is in the URL: a later reconnect gets the same view.
    "--server.disconnectedSessionTTL",
    "30",
]
# glibc gives each thread that allocates its own heap arena (up to 8 per core), and
# Streamlit runs each session's script in a thread: freed memory stays fragmented in
# arenas no other thread reuses. Two arenas hold the growth to what is really live.
ALLOCATOR = {"MALLOC_ARENA_MAX": "2"}


def replica_flags(server_name: str) -> list[str]:
    """What each replica adds to deploy.replica.launch, which binds 127.0.0.1 (server.address)."""
    flags = ["--browser.gatherUsageStats", "false", *MEMORY_BOUNDS]
    return flags + (["--server.allowedHosts", server_name] if server_name not in ("", "_") else [])


def replica_env(cookie_secret: str, public_url: str | None = None) -> dict[str, str]:
    # Streamlit refuses the cookie secret as a command-line flag (it would show in ps).
    env = {"STREAMLIT_SERVER_COOKIE_SECRET": cookie_secret, **ALLOCATOR}
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
    replicas: int = 1,
    listen: str | None = None,
    server_name: str = "_",
    streams_per_ip: int = 2,
    tls: nginx.Tls | None = None,
    guard: bool = True,
    public_url: str | None = None,
) -> Iterator[dict]:
    """Export, start the replicas and nginx; yield {"front": port, "replicas": [ports], "app": folder}.

    With ``tls`` the site is at ``tls.listen`` over HTTPS ("https": its port) and ``listen``
    only redirects there.

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
            guards = [free_port() for _ in ports] if guard else None
            if guards:  # guard=False only for bench/flood.py's figure without it
                guarding = subprocess.Popen(
                    [sys.executable, "-m", "deploy.guard", *(f"{g}:{p}" for g, p in zip(guards, ports))],
                    cwd=app,
                    stdout=subprocess.DEVNULL,
                    start_new_session=True,
                )
                processes.append(guarding)
                wait_listening(guards, guarding)
            front = listen or f"127.0.0.1:{free_port()}"
            work = Path(folder) / "nginx"
            for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
                (work / sub).mkdir(parents=True)
            config = work / "nginx.conf"
            config.write_text(nginx.render(ports, front, server_name, work, streams_per_ip=streams_per_ip, tls=tls, guards=guards))
            # Its own session too: stop() signals each process group, and nginx's workers go with it.
            process = subprocess.Popen([nginx_binary, "-c", str(config), "-p", str(work)], stderr=subprocess.PIPE, start_new_session=True)
            processes.append(process)
            front_port = int(front.rsplit(":", 1)[1])
            https_port = int(tls.listen.rsplit(":", 1)[1]) if tls else None
            wait_healthy(https_port or front_port, process, tls=bool(tls))
            yield {
                "front": front_port,
                "https": https_port,
                "replicas": ports,
                "pids": [p.pid for p in processes[:replicas]],
                "app": app,
                "config": config,
            }
        finally:
            replica.stop(processes)


def wait_listening(ports: list[int], process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("deploy.guard exited; see its log above")
        try:
            for port in ports:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"deploy.guard did not listen on {ports} in {seconds:.0f} s")


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
    parser.add_argument("--https-listen", help="serve HTTPS here (e.g. 0.0.0.0:443); --listen then only redirects to it")
    parser.add_argument("--tls-cert", type=Path, help="the certificate chain (PEM), with --https-listen")
    parser.add_argument("--tls-key", type=Path, help="its private key (PEM), with --https-listen")
    args = parser.parse_args()
    tls = None
    if args.https_listen or args.tls_cert or args.tls_key:
        if not (args.https_listen and args.tls_cert and args.tls_key):
            parser.error("HTTPS needs --https-listen, --tls-cert and --tls-key together")
        tls = nginx.Tls(args.https_listen, args.tls_cert.resolve(), args.tls_key.resolve())
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    with (
        contextlib.suppress(KeyboardInterrupt),
        stack(args.replicas, args.listen, args.server_name, tls=tls, public_url=args.public_url) as running,
    ):
        where = f"https://{tls.listen}/ (http://{args.listen}/ redirects)" if tls else f"http://{args.listen}/"
        print(f"serving on {where} ({args.replicas} replicas: {running['replicas']}); Ctrl-C or SIGTERM stops", flush=True)
        while True:
            time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main())
