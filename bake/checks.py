"""What every baked page must satisfy, checked from the files alone (tests/test_bake.py and python -m bake).

- every internal link and resource resolves to a written file;
- every page has the lang of its folder (zh-CN; en under /en/, zh-Hant under /zh-hant/, issue 27) and a <title>;
- no src/href to another host (the app's base URL is allowed as a link, never as a resource);
- no inline event handler (on…=), no inline <script>, no javascript: URL: a CSP of 'self' holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lib.present import i18n

RESOURCE_ATTRIBUTES = {("script", "src"), ("link", "href"), ("img", "src"), ("source", "src"), ("iframe", "src")}


@dataclass
class Page:
    lang: str = ""
    title: str = ""
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)
    # <link rel="alternate"> addresses: the page in another language, the Atom feed; named, never loaded
    alternates: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    handlers: list[str] = field(default_factory=list)
    inline_scripts: int = 0
    inline_styles: int = 0
    text: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._in_title = False
        self._script_has_src = True
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html":
            self.page.lang = values.get("lang") or ""
        if tag == "title":
            self._in_title = True
        if tag == "script":
            self._in_script = True
            self._script_has_src = bool(values.get("src"))
            if not values.get("src"):
                self.page.inline_scripts += 1
        if tag == "style":
            self.page.inline_styles += 1
        if tag == "link" and "alternate" in (values.get("rel") or "").split() and values.get("href"):
            self.page.alternates.add(values["href"])
        for name, value in attrs:
            if name.startswith("on"):
                self.page.handlers.append(f"<{tag} {name}>")
            if name == "style":
                self.page.inline_styles += 1
            if name == "id" and value:
                self.page.ids.add(value)
            # data-spec, data-bundle, data-chart2music: what site.js and readout.js fetch (a chart's spec, the bundles)
            if name in ("href", "src", "action", "data-spec", "data-bundle", "data-chart2music") and value is not None:
                self.page.links.append((self._kind(tag, values), name, value))

    @staticmethod
    def _kind(tag: str, values: dict) -> str:
        """``a`` for a <link rel="alternate">: it names another document (the page in another language,
        the Atom feed), followed like a link and never loaded with the page (page_bytes)."""
        return "a" if tag == "link" and "alternate" in (values.get("rel") or "").split() else tag

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_title:
            self.page.title += data
        elif not self._in_script:
            self.page.text.append(data)


def read_page(path: Path) -> Page:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.page


def target_of(out: Path, page_path: Path, url: str) -> tuple[Path | None, str]:
    """The file an internal URL names, and its #fragment; None for another host."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None, ""
    path = unquote(parts.path)
    if not path:
        return page_path, unquote(parts.fragment)
    base = out if path.startswith("/") else page_path.parent
    target = (base / path.lstrip("/")) if path.startswith("/") else (base / path)
    if path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def html_pages(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*.html") if "pagefind" not in p.relative_to(out).parts)


# Folders every language's pages load (the chart bundle, fonts, scripts) or one per language
# already (Pagefind writes each language's index into its own files under /pagefind/).
SHARED_FOLDERS = ("assets", "pagefind")


def edition_bytes(out: Path) -> dict[str, int]:
    """The site's bytes by edition: each language's pages and files (its folder; 简体 at the root),
    and "shared" for SHARED_FOLDERS. The .gz copies beside the files count with them."""
    weights = dict.fromkeys([*i18n.PREFIXES, "shared"], 0)
    for path in out.rglob("*"):
        if path.is_file():
            relative = path.relative_to(out)
            edition = "shared" if relative.parts[0] in SHARED_FOLDERS else language_of("/" + relative.as_posix())
            weights[edition] += path.stat().st_size
    return weights


def language_of(name: str) -> str:
    """The language a page's path says it is in: /en/… English, /zh-hant/… 繁體, the rest 简体."""
    for lang, prefix in i18n.PREFIXES.items():
        if prefix and name.startswith(prefix + "/"):
            return lang
    return i18n.DEFAULT


def check_site(out: Path, app_url: str = "", site_url: str = "") -> list[str]:
    problems: list[str] = []
    app_host = urlsplit(app_url).netloc
    site = site_url.strip().rstrip("/")
    pages = {path: read_page(path) for path in html_pages(out)}
    for path, page in pages.items():
        name = "/" + str(path.relative_to(out))
        if page.lang != language_of(name):
            problems.append(f"{name}: lang is {page.lang!r}")
        if not page.title.strip():
            problems.append(f"{name}: no <title>")
        problems += [f"{name}: inline event handler {h}" for h in page.handlers]
        if page.inline_scripts:
            problems.append(f"{name}: {page.inline_scripts} inline script(s)")
        if page.inline_styles:
            problems.append(f"{name}: {page.inline_styles} inline style(s)")
        for tag, attribute, url in page.links:
            if url.strip().lower().startswith(("javascript:", "data:text", "vbscript:")):
                problems.append(f"{name}: <{tag} {attribute}={url[:40]!r}>")
                continue
            if url.startswith("data:image/"):
                continue
            if site and url.startswith(site + "/"):
                url = url[len(site) :]  # the site's own public address (canonical): must resolve like a path
            parts = urlsplit(url)
            if parts.scheme == "mailto":
                continue
            if parts.scheme or parts.netloc:
                is_app_link = app_host and parts.netloc == app_host and tag == "a"
                if not is_app_link:
                    problems.append(f"{name}: outside host in <{tag} {attribute}={url[:80]!r}>")
                continue
            target, fragment = target_of(out, path, url)
            if target is None or not target.is_file():
                problems.append(f"{name}: broken link {url}")
            elif fragment and target.suffix == ".html" and fragment not in pages.get(target, read_page(target)).ids:
                problems.append(f"{name}: no #{fragment} in {url}")
    return problems


def page_bytes(out: Path, path: Path, shared: tuple[str, ...] = ("/assets/vega.js", "/assets/chart2music.js")) -> int:
    """A page and everything it loads from the site (stylesheets, scripts, pictures, chart specs),
    except the ``shared`` files every chart page loads once, after its load event, and the browser
    then caches (Vega, chart2music)."""
    page = read_page(path)
    loaded = {url for tag, attribute, url in page.links if tag != "a"} - page.alternates
    total = path.stat().st_size
    for url in loaded - set(shared):
        target, _ = target_of(out, path, url)
        # Another page is never loaded: the <link rel="alternate" hreflang> of each language (issue 27) names it only.
        if target is not None and target.is_file() and target != path and target.suffix != ".html":
            total += target.stat().st_size
    return total
