"""python -m bake.handouts --out public/ [--public-url https://plan.example.org] [--only t2_forest_cover …]

Prints each indicator's one-page A4 handout (lib.views.handout) to
``/indicator/<id>/handout.pdf``, beside its static page, in each language (issue 27):
``/en/indicator/<id>/handout.pdf`` and ``/zh-hant/indicator/<id>/handout.pdf`` beside
the English and 繁體 pages, each linking (and its QR code encoding) its own language's page.

The tool is Chromium's own print (Playwright driving Debian's chromium, the
browser the browser tests already use): the same engine that draws the site
draws the handout, CJK text comes from the system's fonts with nothing to
install, and the chart is the bake-time SVG (vl-convert), so the PDF holds
vector text. WeasyPrint would have needed its own pip and apt installs
(Pango, a CJK font configuration) for one job.

A separate step from ``python -m bake``: 84 prints (one language) took 68 s (2 shared cores)
on this machine, which would more than double the bake (docs/speed.md), and a
publish that needs no browser stays one command. ``python -m bake --handouts``
prints them into the staging folder before the site checks and links each
page to its PDF; this command prints them into a published folder afterwards.
"""

from __future__ import annotations

import argparse
import base64
import datetime
import re
import shutil
import sys
from pathlib import Path

from markupsafe import Markup

from bake import charts
from bake.pages import table_views
from bake.render import Writer
from lib.present import i18n, routes
from lib.present.permalink import PUBLIC_URL_ENV, permalink, public_base
from lib.present.qr import qr_svg
from lib.views import handout

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
FILE_NAME = "handout.pdf"


def path_of(indicator: str, lang: str = i18n.DEFAULT) -> str:
    """/indicator/<id>/handout.pdf, in ``lang``'s folder: beside that language's indicator page."""
    return i18n.localized(routes.indicator(indicator) + FILE_NAME, lang)


def html(indicator: str, base: str, made: str, lang: str = i18n.DEFAULT) -> str:
    """The handout as one self-contained HTML document (its chart and QR code inline, as SVG)."""
    _ = i18n.gettext(lang)
    view = handout.build(handout.State(indicator, lang=lang))
    # The static page is the fallback when no public address is set (the app's link then means nothing on paper).
    link = permalink(view.permalink.target, base=base)
    writer = Writer(out=Path("."), app_url=base or "", nav=())
    writer.use_language(lang)
    template = writer.env.get_template("indicator_handout.html")
    # Both SVGs are drawn by our own code (vl-convert, segno), never taken from data: safe to inline.
    chart_svg = Markup(charts.svg(view.chart.spec)) if view.chart is not None else ""
    # The QR code as an image: segno's SVG has a fixed pixel size, an <img> scales it to its box.
    alt = _("本指标在线页面的二维码")
    code = Markup('<img src="{}" alt="{}">').format(svg_uri(qr_svg(link.address)), alt) if link.absolute else ""
    return template.render(view=view, link=link, chart_svg=chart_svg, qr_svg=code, made=made)


def svg_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def page_count(pdf: bytes) -> int:
    """Pages in a PDF Chromium wrote (its page objects are plain dictionaries)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))


def print_with(browser, out: Path, indicators: list[str], base: str, langs: tuple[str, ...] = (i18n.DEFAULT,)) -> list[Path]:
    """Each handout in each of ``langs`` printed by an open Playwright browser, checked to be one page."""
    made = datetime.date.today().isoformat()
    written = []
    page = browser.new_page()
    for lang, indicator in ((lang, indicator) for lang in langs for indicator in indicators):
        page.set_content(html(indicator, base, made, lang), wait_until="load")
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        if page_count(pdf) != 1:
            raise RuntimeError(f"{indicator} 的讲义（{i18n.NAMES[lang]}）不止一页（{page_count(pdf)}页）")
        target = out / path_of(indicator, lang).lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf)
        written.append(target)
    page.close()
    return written


def print_all(out: Path, indicators: list[str], base: str, langs: tuple[str, ...] = i18n.LANGS) -> list[Path]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        try:
            return print_with(browser, out, indicators, base, langs)
        finally:
            browser.close()


def all_indicators() -> list[str]:
    return [indicator for view in table_views().values() for indicator in view.row_ids]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bake.handouts", description="Print each indicator's A4 handout to PDF.")
    parser.add_argument("--out", type=Path, default=Path("public"), help="the baked site's folder")
    parser.add_argument("--public-url", default=None, help=f"the dashboard's public address (default: ${PUBLIC_URL_ENV})")
    parser.add_argument("--only", nargs="*", default=None, help="indicator ids (default: all 84)")
    args = parser.parse_args(argv)
    base = public_base({PUBLIC_URL_ENV: args.public_url} if args.public_url is not None else None)
    if not base:
        print(f"注意：未设置公开地址（{PUBLIC_URL_ENV} 或 --public-url），讲义上印的是静态公开版中的路径。", file=sys.stderr)
    if shutil.which("chromium") is None:
        print("生成失败：找不到 chromium（apt-get install chromium）。", file=sys.stderr)
        return 1
    known = all_indicators()
    chosen = args.only or known
    unknown = [i for i in chosen if i not in known]
    if unknown:
        print(f"生成失败：没有这些指标：{'、'.join(unknown)}", file=sys.stderr)
        return 1
    written = print_all(args.out, chosen, base)
    print(
        f"已生成 {len(written)} 份讲义（{FILE_NAME}，{len(i18n.LANGS)} 种语言）到 {args.out}/indicator/、{args.out}/en/indicator/ 与 {args.out}/zh-hant/indicator/"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
