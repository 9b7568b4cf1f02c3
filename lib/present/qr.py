"""A QR code of a link, as SVG text (segno), so a room can open the presenter's scenario."""

from __future__ import annotations

import functools
import io

import segno


@functools.lru_cache(maxsize=256)  # one per shared link; bounded, since the host part comes from the browser
def qr_svg(link: str) -> str:
    buffer = io.BytesIO()
    # Any of the eight masks gives a valid, scannable symbol (ISO/IEC 18004, 7.8); a fixed one
    # skips segno's search over all eight, about 15 ms of every slider move on this machine.
    segno.make(link, error="m", mask=0).save(buffer, kind="svg", scale=5, border=2, xmldecl=False, title="本情景的链接")
    return buffer.getvalue().decode("utf-8")
