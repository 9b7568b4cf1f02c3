"""HTTPS for the app's nginx (deploy.nginx.render): the settings, the TLS lines of the site's
server and the plain-HTTP server that only redirects (issue 24, finding 9)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Tls:
    """HTTPS settings: where nginx listens for it and the certificate's files (PEM)."""

    listen: str
    certificate: Path
    key: Path


def redirect_to_https(listen: str, server_name: str, tls: Tls, add_headers: str) -> str:
    """The plain-HTTP server when TLS is on: every request goes to the HTTPS address, named from
    the settings (the public name and port), never from the visitor's Host header."""
    port = tls.listen.rsplit(":", 1)[1]
    host = "$host" if server_name in ("", "_") else server_name
    authority = host if port == "443" else f"{host}:{port}"
    return f"""  server {{
    listen {listen};
    server_name {server_name};
{add_headers}    location / {{ return 301 https://{authority}$request_uri; }}
  }}
"""


def tls_lines(tls: Tls) -> str:
    return f"""    ssl_certificate {tls.certificate};
    ssl_certificate_key {tls.key};
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers off;
    ssl_session_cache shared:tls:10m;
    ssl_session_timeout 1d;
    ssl_session_tickets off;
"""
