"""The QR code is segno's symbol for exactly the link it is given."""

import io

import segno

from lib.present.qr import qr_svg

LINK = "http://127.0.0.1:8501/scenarios?presenter=true&section=%E5%9C%B0%E5%8C%BA%E7%94%9F%E4%BA%A7%E6%80%BB%E5%80%BC&gdp_real=7"


def svg_of(text: str) -> str:
    buffer = io.BytesIO()
    segno.make(text, error="m", mask=0).save(buffer, kind="svg", scale=5, border=2, xmldecl=False, title="本情景的链接")
    return buffer.getvalue().decode("utf-8")


def test_the_qr_is_an_svg_of_the_link():
    svg = qr_svg(LINK)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    assert svg == svg_of(LINK) != svg_of(LINK + "&compare=true")
