"""nginx in front of the bench servers, as docs/deployment.md puts it.

nginx serves Streamlit's hashed, immutable /static/ files from the installed
package (gzip on) and passes everything else, the websocket included, to
Streamlit. Every app in a run gets its own front, the bare app included, so
the ratios compare like with like. Needs Debian's nginx on PATH.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from pathlib import Path

import streamlit

from deploy.health import free_port, wait_healthy

STATIC = Path(streamlit.__file__).resolve().parent / "static" / "static"

SERVER = """
server {{
  listen 127.0.0.1:{front};
  gzip on;
  gzip_types application/javascript text/css application/json;
  location /static/ {{ alias {static}/; expires max; }}
  location / {{
    proxy_pass http://127.0.0.1:{back};
    proxy_http_version 1.1;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection "upgrade";
    proxy_set_header Host $host;
    proxy_read_timeout 3600s;
  }}
}}
"""


def config_text(mapping: dict[int, int], folder: str) -> str:
    """A whole nginx.conf: one front (value) per Streamlit port (key), its files in ``folder``."""
    servers = "".join(SERVER.format(front=front, back=back, static=STATIC) for back, front in mapping.items())
    return (
        f"worker_processes 1; daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log;\n"
        "events { worker_connections 1024; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off; client_body_temp_path {folder}; proxy_temp_path {folder};\n"
        f"{servers}}}\n"
    )


@contextlib.contextmanager
def fronts(back_ports: list[int]):
    """Start one nginx with a front port per back port; yield {back: front}."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("--proxy needs nginx: apt-get install nginx-light")
    mapping = {back: free_port() for back in back_ports}
    with tempfile.TemporaryDirectory(prefix="bench-nginx-") as folder:
        config = Path(folder) / "nginx.conf"
        config.write_text(config_text(mapping, folder))
        process = subprocess.Popen([nginx, "-c", str(config), "-p", folder], stderr=subprocess.PIPE)
        try:
            for front in mapping.values():
                wait_healthy(front, process)
            yield mapping
        finally:
            process.terminate()
            process.wait(timeout=10)
