"""The app's Content-Security-Policy (deploy.nginx.render): 'self' only, the few inline
scripts the pages need allowed by their hashes."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import streamlit

STATIC = Path(streamlit.__file__).resolve().parent / "static"


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def inline_script_hashes() -> list[str]:
    """CSP hashes of the only inline scripts the pages run: Streamlit's one line in
    index.html, the fixed language script of pages/_compat.py and its fixed loader of the
    charts' keyboard readout (_compat.READOUT_LOADER)."""
    from pages import _compat

    index = (STATIC / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", index, re.S)
    for html in (_compat.DOCUMENT_HTML, _compat.DOCUMENT_HTML_EN, *_compat.LANGUAGE_HTML.values()):
        scripts += re.findall(r"<script>(.*?)</script>", html, re.S)
    scripts.append(_compat.READOUT_LOADER)
    return [_sha256(s) for s in scripts]


def content_security_policy() -> str:
    # 'unsafe-eval': Vega compiles chart expressions with Function(); 'unsafe-inline'
    # styles: Streamlit's components set style attributes at run time.
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self' 'unsafe-eval' " + " ".join(inline_script_hashes()),
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )
