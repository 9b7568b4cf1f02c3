"""Templates, markdown and file writing: the baked site's one way to turn a View into HTML."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from lib.present import display, edition, i18n, readout, routes
from lib.present.blocks import Target

TEMPLATES = Path(__file__).parent / "templates"
# html=False: the views' markdown carries escaped data; a tag in data stays text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")


def markdown(text: str) -> Markup:
    return Markup(_MARKDOWN.render(text or ""))


def inline_markdown(text: str) -> Markup:
    return Markup(_MARKDOWN.renderInline(text or ""))


def svg_uri(svg: str) -> str:
    """An SVG (our own markup, from a View's Image) as a data URI for an <img>."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@dataclass
class Writer:
    """Writes pages and files under ``out``; remembers what it wrote for the report."""

    out: Path
    app_url: str
    nav: tuple[tuple[str, str], ...]
    site_url: str = ""  # the public base URL (canonical, og:url, sitemap); "" where unknown
    written: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.i18n"],
        )
        self.use_language(i18n.DEFAULT)
        self.env.filters["markdown"] = markdown
        self.env.filters["inline_markdown"] = inline_markdown
        self.env.globals["app"] = self.app_link
        self.env.globals["in_language"] = self.in_language
        self.env.globals["localized"] = i18n.localized  # a path in a language's folder (the share image: bake/share.py)
        self.env.globals["static"] = self.static_link
        self.env.globals["hreflang"] = self.hreflang
        self.env.globals["nav"] = self.nav
        # What the blocks macro (templates/_blocks.html) needs for an Image: an SVG as an image source.
        self.env.globals["svg_uri"] = svg_uri
        self.site_url = self.site_url.strip().rstrip("/")
        self.env.globals["site_url"] = self.site_url
        self.env.globals["site_name"] = edition.SITE_NAME
        self.env.globals["site_description"] = edition.DESCRIPTION
        # 大字号 / 高对比 (lib/present/display.py): the switch's words and the charts' config for a11y.js.
        self.env.globals["display_modes"] = tuple(display.MODES.items())
        self.env.globals["readout_how"] = readout.HOW
        self.env.globals["display_heading"] = display.HEADING
        self.env.globals["display_config"] = json.dumps(display.CHART_CONFIG, ensure_ascii=False, separators=(",", ":"))

    def in_language(self, path: str) -> str:
        """A fixed page's path in the language being rendered where the edition has it so (概览, the report card), else its 简体 path."""
        lang = self.env.globals["lang"]
        return i18n.localized(path, lang) if routes.translated_path(path) else path

    def app_link(self, page: str | Target, query: dict[str, list[str]] | None = None) -> str:
        """A link into the Streamlit app: a Target through the route table, or a page's path and the view's own to_query."""
        if isinstance(page, Target):
            return routes.app_url(page, self.app_url)
        text = urlencode(query or {}, doseq=True, quote_via=quote)
        return f"{self.app_url.rstrip('/')}/{page}" + (f"?{text}" if text else "")

    def static_link(self, target: Target) -> str:
        """A Target's page in this site (lib.present.routes), or the app's where the site has none (the studio)."""
        return routes.static_path(target) or routes.app_url(target, self.app_url)

    def hreflang(self, target: Target) -> Markup:
        """`` hreflang="zh-CN"`` on a link from an English or 繁體 page to a page the site has in 简体 only."""
        lang = self.env.globals["lang"]
        path = self.static_link(target)
        if lang == i18n.DEFAULT or path.startswith(i18n.PREFIXES[lang] + "/"):
            return Markup("")
        return Markup(f' hreflang="{i18n.DEFAULT}"')

    def path(self, url: str) -> Path:
        """/indicator/t2_gdp/ → out/indicator/t2_gdp/index.html; /assets/site.css → out/assets/site.css."""
        relative = url.lstrip("/")
        target = self.out / relative
        return target / "index.html" if url.endswith("/") else target

    def use_language(self, lang: str) -> None:
        """Templates render in ``lang`` from now on: ``_()`` from its catalog, the date in its words."""
        translate = i18n.gettext(lang)
        self.env.install_gettext_callables(translate, lambda one, many, n: translate(one if n == 1 else many), newstyle=True)
        self.env.globals["lang"] = lang
        self.env.globals["data_date"] = edition.data_date_in(lang)

    def page(self, url: str, template: str, lang: str = i18n.DEFAULT, alternates: tuple[str, ...] = (), **context) -> Path:
        """One page in ``lang``. ``alternates``: the languages the same page is baked in (issue 27);
        each is linked with hreflang and offered in the page's language switch."""
        self.use_language(lang)
        try:
            links = tuple((other, i18n.NAMES[other], i18n.localized(self.unlocalized(url, lang), other)) for other in alternates)
            html = self.env.get_template(template).render(url=url, alternates=links, **context)
        finally:
            self.use_language(i18n.DEFAULT)
        return self.file(url, html.encode("utf-8"))

    @staticmethod
    def unlocalized(url: str, lang: str) -> str:
        """/en/ → /: a page's path in 简体 (the root edition)."""
        prefix = i18n.PREFIXES[lang]
        return url[len(prefix) :] if prefix and url.startswith(prefix + "/") else url

    def file(self, url: str, payload: bytes | str) -> Path:
        target = self.path(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(payload.encode("utf-8") if isinstance(payload, str) else payload)
        self.written.append(target)
        return target

    def json(self, url: str, value) -> Path:
        return self.file(url, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
