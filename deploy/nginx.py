"""The public front: nginx before one or more Streamlit replicas.

    .venv/bin/python -m deploy.nginx --replicas 8501 8502 --listen 127.0.0.1:8080 --server-name example.org > nginx.conf

nginx serves Streamlit's hashed static files itself, passes the rest (the
websocket included) to the replicas, sticky by a cookie of its own (else by
address and user agent) so a session stays on the replica that holds it, and does what the app cannot do alone: per-IP
limits, an idle timeout, blocking endpoints a visitor has no use for,
security headers and Chinese error pages. tests/test_deploy.py runs nginx -t
on this file and starts it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import streamlit

from deploy.csp import content_security_policy
from deploy.tls import Tls, redirect_to_https, tls_lines

DEPLOY = Path(__file__).resolve().parent
ERRORS = DEPLOY / "errors"
STATIC = Path(streamlit.__file__).resolve().parent / "static"
# Every status nginx itself may answer with gets a Chinese page (deploy/errors/<code>.html).
ERROR_CODES = (400, 403, 404, 405, 413, 414, 416, 429, 500, 502, 503, 504)
# Paths no visitor of this read-only dashboard needs: server metrics, the
# agent endpoints and the login flow (the app has no login).
# The cookie that keeps a browser on one replica (its value is random: it says nothing).
COOKIE = "cq_replica"
BLOCKED = ("= /_stcore/metrics", "^~ /_stcore/agent/", "^~ /auth/", "= /_stcore/upload_file", "^~ /_stcore/upload_file/")
# What of Streamlit's own a page loads besides its path: the websocket and health check
# (/_stcore/), media and components, and the two files index.html names at the top.
STREAMLIT_PREFIXES = ("^~ /_stcore/", "^~ /media/", "^~ /component/", "^~ /app/static/", "= /favicon.png", "= /manifest.json")


def page_paths() -> list[str]:
    """The app's pages as nginx passes them to Streamlit: app.py's url_paths (the route table),
    and "overview", whose hidden page sends an older link to "/".

    Streamlit answers every path with its index.html and lets the browser pick the page, so
    /indicators%20, /methods%09 or /home reached it and got its English error or dialog
    (issue 24, finding 8). nginx passes these paths only; every other gets the Chinese 404.
    """
    from lib.present.routes import APP_PATHS

    return sorted({path for path in APP_PATHS.values() if path} | {"overview"})


def error_pages(add_headers: str, codes=ERROR_CODES) -> str:
    """error_page lines and the internal location serving deploy/errors, with the security headers:
    a location with an add_header of its own inherits none from the server."""
    pages = "".join(f"    error_page {code} /_errors/{code}.html;\n" for code in codes)
    nested = add_headers.replace("    add_header", "      add_header")
    return f"""{pages}    location ^~ /_errors/ {{
      internal;
      alias {ERRORS}/;
      add_header Cache-Control "no-store" always;
{nested}    }}
"""


# Sent over HTTPS only: a browser ignores it over plain HTTP (RFC 6797), so there it only misleads.
HSTS = {"Strict-Transport-Security": "max-age=31536000; includeSubDomains"}
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def _preamble(folder: Path, daemon: bool) -> str:
    """What both configs start with: process, pid, logs and temporary folders, the opened http block."""
    return f"""worker_processes auto;
daemon {"on" if daemon else "off"};
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  server_tokens off;
  client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy; fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;"""


def render(
    replicas: list[int],
    listen: str,
    server_name: str,
    folder: Path,
    daemon: bool = False,
    streams_per_ip: int = 2,
    tls: Tls | None = None,
    guards: list[int] | None = None,
) -> str:
    """A whole nginx.conf; ``folder`` holds its pid, logs and temporary files.

    With ``tls``, the site is served over HTTPS at ``tls.listen`` (with HSTS and a Secure
    cookie) and ``listen`` only redirects there; without, plain HTTP at ``listen`` and no HSTS.
    """
    plain_headers = "".join(f'    add_header {name} "{value}" always;\n' for name, value in HEADERS.items())
    headers = {**HEADERS, **(HSTS if tls else {}), "Content-Security-Policy": content_security_policy()}
    add_headers = "".join(f'    add_header {name} "{value}" always;\n' for name, value in headers.items())
    blocked = "".join(f"    location {path} {{ return 404; }}\n" for path in BLOCKED)
    upstream = "".join(f"    server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;\n" for port in replicas)
    pages = "|".join(page_paths())
    cookie_flags = "; Secure" if tls else ""
    # The websocket goes through deploy.guard (a rerun limit per connection) when it runs: one
    # guard port per replica, in the same order, so the same key reaches the same replica.
    guarded = "".join(f"    server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;\n" for port in guards or [])
    streams_upstream = f"  upstream streams {{\n    hash $balance_key;\n{guarded}  }}\n" if guards else ""
    proxy = """      proxy_pass http://streamlit;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_intercept_errors on;
"""
    stream_proxy = proxy.replace("http://streamlit", "http://streams") if guards else proxy
    limits = """      limit_conn per_ip 64;
      limit_req zone=pages burst=40 nodelay;
"""
    page = (
        limits
        + proxy
        + """      # Streamlit's index.html says lang="en"; the pages are Chinese.
      proxy_set_header Accept-Encoding "";
      sub_filter '<html lang="en">' '<html lang="zh-CN">';
      sub_filter_once on;
"""
    )
    streamlit_paths = "".join(f"    location {prefix} {{\n{limits}{proxy}    }}\n" for prefix in STREAMLIT_PREFIXES)
    return f"""# Generated by deploy/nginx.py; see docs/deployment.md.
{_preamble(folder, daemon)}
  # Nothing a visitor sends is large: a 1 MB body at most, URLs up to 4 KB (else 414).
  client_max_body_size 1m;
  large_client_header_buffers 4 4k;
  client_header_timeout 10s;
  client_body_timeout 10s;
  send_timeout 30s;
  # Per client IP: connections at once, page loads and websocket openings per second.
  # Open websockets (tabs) per address: 2, each held to a person's pace by deploy.guard
  # (bench/flood.py, docs/deployment.md). An office behind one NAT address shares the 2:
  # raise streams_per_ip there.
  limit_conn_zone $binary_remote_addr zone=per_ip:10m;
  limit_req_zone $binary_remote_addr zone=pages:10m rate=20r/s;
  limit_req_zone $binary_remote_addr zone=streams:10m rate=5r/s;
  limit_conn_status 429;
  limit_req_status 429;
  map $http_upgrade $connection_upgrade {{ default upgrade; "" close; }}
  # Which replica: a session's state (and the /media/ files its page fetches) lives in the
  # replica its websocket reached, so a browser must keep reaching that one. ip_hash keyed on
  # the first three octets sent every 127.0.0.x, and every visitor behind one carrier NAT or
  # office proxy, to one replica (issue 24, finding 6). nginx gives a browser a random
  # cookie on its first answer and hashes it; a client that keeps no cookie is hashed on its
  # whole address and user agent. Plain "hash" (not "consistent"), so the websocket's upstream
  # (through deploy.guard, other ports) picks the same replica as the page's for one key.
  map $cookie_{COOKIE} $balance_key {{ "" "$remote_addr $http_user_agent"; default $cookie_{COOKIE}; }}
  map $cookie_{COOKIE} $replica_cookie {{ "" "{COOKIE}=$request_id; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax{cookie_flags}"; default ""; }}
  upstream streamlit {{
    hash $balance_key;
{upstream}  }}
{streams_upstream}{redirect_to_https(listen, server_name, tls, plain_headers) if tls else ""}  server {{
    listen {f"{tls.listen} ssl" if tls else listen};
    server_name {server_name};
{tls_lines(tls) if tls else ""}    gzip on;
    gzip_types application/javascript text/css application/json image/svg+xml;
    # Redirects say only the path: an absolute one is built from the visitor's Host header.
    absolute_redirect off;
    add_header Set-Cookie $replica_cookie;
{add_headers}{error_pages(add_headers)}{blocked}    location ^~ /static/ {{
      alias {STATIC}/static/;
      expires max;
{add_headers.replace("    add_header", "      add_header")}    }}
    location = /_stcore/stream {{
      limit_conn per_ip {streams_per_ip};
      limit_req zone=streams burst=20 nodelay;
{stream_proxy}      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      # An idle websocket (no frame either way for 5 minutes) is closed; Streamlit's
      # client sends a heartbeat while a tab is open.
      proxy_read_timeout 300s;
      proxy_send_timeout 300s;
    }}
    # Only the app's own pages reach Streamlit, which answers any path with its index.html and
    # lets the browser choose: /home opened 概览 under an English “Page not found” dialog and
    # /indicators%20 an English error (nginx matches the decoded path: /%20indicators is
    # "/ indicators" here). Under /indicators/extra its ./static/ files would miss and the
    # page stay blank. A trailing slash goes to its page; everything else gets the Chinese 404.
    location = / {{
{page}    }}
    location ~ "^/({pages})$" {{
{page}    }}
    location ~ "^/({pages})/$" {{ return 301 /$1$is_args$args; }}
{streamlit_paths}    location / {{ return 404; }}
  }}
}}
"""


def language_locations(nested: str) -> str:
    """Each language folder of the static edition (/en/, /zh-hant/, issue 27) with its own 404 page:
    a reader who mistyped an English address reads the English page (bake/not_found.py)."""
    from lib.present import i18n

    return "".join(
        f"""    location {prefix}/ {{
      limit_except GET HEAD {{ deny all; }}
      error_page 404 {prefix}/404.html;
      try_files $uri $uri/ =404;
      add_header Cache-Control "no-cache" always;
{nested}    }}
"""
        for prefix in sorted(p for p in i18n.PREFIXES.values() if p)
    )


def render_static(root: Path, listen: str, server_name: str, folder: Path, daemon: bool = False) -> str:
    """A whole nginx.conf serving the baked static edition (python -m bake --out ``root``).

    No upstream, no websocket: files only. The CSP is the bake's own (bake.serve.CSP):
    'self' only, no inline script or style. The shared chart bundle and the search
    index are cached for a day; a page revalidates so a new bake is seen at once.
    """
    from bake.serve import CSP, EMBED_CSP, EMBED_PREFIX

    headers = {**HEADERS, "Content-Security-Policy": CSP}
    add_headers = "".join(f'    add_header {name} "{value}" always;\n' for name, value in headers.items())
    nested = add_headers.replace("    add_header", "      add_header")
    # /embed/ only: any site may frame it (no X-Frame-Options, frame-ancestors *); every other path keeps 'none'.
    embed_headers = {**{k: v for k, v in HEADERS.items() if k != "X-Frame-Options"}, "Content-Security-Policy": EMBED_CSP}
    embed_nested = "".join(f'      add_header {name} "{value}" always;\n' for name, value in embed_headers.items())
    return f"""# Generated by deploy/nginx.py (render_static); see docs/deployment.md, “静态公开版”.
{_preamble(folder, daemon)}
  types {{ application/octet-stream pagefind pf_meta pf_index pf_fragment; application/gzip gz; }}
  client_max_body_size 1k;
  large_client_header_buffers 4 4k;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 30s;
  open_file_cache max=2000 inactive=60s;
  server {{
    listen {listen} backlog=4096;
    server_name {server_name};
    root {root};
    index index.html;
    charset utf-8;
    # Every text file has its .gz beside it (bake.site.precompress), sent as it is: compressing per
    # request (the 512 KB chart bundle ~15 ms of CPU each) turned 500 first visits at once into
    # seconds. gzip on is the fallback for a file baked without one.
    gzip_static on;
    gzip_vary on;
    gzip on;
    gzip_comp_level 5;
    gzip_types text/css text/javascript application/javascript application/json image/svg+xml text/csv;
    # Redirects (a folder without its slash) say only the path, not http:// and the visitor's Host.
    absolute_redirect off;
    # A .gz beside each text file is the bake's, for gzip_static; asked for by name it is gzip, not text.
    default_type application/octet-stream;
    error_page 404 /404.html;
{error_pages(add_headers, [code for code in ERROR_CODES if code != 404])}{add_headers}    location / {{
      limit_except GET HEAD {{ deny all; }}
      try_files $uri $uri/ =404;
      add_header Cache-Control "no-cache" always;
{nested}    }}
{language_locations(nested)}    location {EMBED_PREFIX} {{
      limit_except GET HEAD {{ deny all; }}
      try_files $uri $uri/ =404;
      add_header Cache-Control "no-cache" always;
{embed_nested}    }}
    location /assets/ {{
      expires 1d;
{nested}    }}
    location /pagefind/ {{
      expires 1d;
{nested}    }}
  }}
}}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, nargs="+", default=[8501], help="the replicas' ports on 127.0.0.1")
    parser.add_argument("--listen", default="127.0.0.1:8080")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--folder", default="/var/lib/cq-plan-nginx")
    args = parser.parse_args()
    print(render(args.replicas, args.listen, args.server_name, Path(args.folder), daemon=True))


if __name__ == "__main__":
    main()
