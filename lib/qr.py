"""A QR code of a link, as SVG text (segno), so a room can open the presenter's scenario."""

from __future__ import annotations

import functools
import io

import segno


@functools.lru_cache(maxsize=256)  # one per shared link; bounded, since the host part comes from the browser
def qr_svg(link: str) -> str:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="svg", scale=5, border=2, xmldecl=False, title="本情景的链接")
    return buffer.getvalue().decode("utf-8")
