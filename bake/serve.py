"""Serve a baked folder on loopback with the static edition's headers, for tests and a quick look.

python -m bake.serve public/ --port 18800. Production uses nginx (deploy/nginx.py
static_site_config), which sends the same Content-Security-Policy.
"""

from __future__ import annotations

import argparse
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from lib.present import i18n

# Only the site itself. 'unsafe-eval': Vega compiles its expressions (the slider's among them)
# with new Function; 'wasm-unsafe-eval': Pagefind searches with WebAssembly.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# /embed/ alone may be framed by any site (issue 26): the same policy but for frame-ancestors.
EMBED_PREFIX = "/embed/"
EMBED_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors *")
# The language folders of the static edition (/en/, /zh-hant/), each with its own 404 page.
LANGUAGE_FOLDERS = tuple(prefix.strip("/") for prefix in i18n.PREFIXES.values() if prefix)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def headers_for(path: str) -> dict[str, str]:
    """The headers a path is served with: an embed's CSP lets any site frame it."""
    if path.startswith(EMBED_PREFIX):
        return {**HEADERS, "Content-Security-Policy": EMBED_CSP}
    return HEADERS


class Handler(SimpleHTTPRequestHandler):
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".atom": "application/atom+xml",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
    }

    def end_headers(self) -> None:
        for name, value in headers_for(self.path).items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / self.not_found_page()
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def not_found_page(self) -> str:
        """The 404 page of the path's language folder (/en/… → en/404.html), as nginx serves it."""
        folder = self.path.lstrip("/").split("/", 1)[0]
        own = f"{folder}/404.html"
        return own if folder in LANGUAGE_FOLDERS and (Path(self.directory) / own).is_file() else "404.html"

    def log_message(self, format, *args) -> None:  # quiet: tests and benches read their own timings
        pass


def start(folder: Path, port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """A server in a daemon thread; call .shutdown() when done."""
    server = ThreadingHTTPServer((host, port), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bake.serve")
    parser.add_argument("folder", type=Path, nargs="?", default=Path("public"))
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(Handler, directory=str(args.folder)))
    print(f"http://127.0.0.1:{args.port}/")
    server.serve_forever()


if __name__ == "__main__":
    main()
