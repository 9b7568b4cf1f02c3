"""sitemap.xml and robots.txt: what a search engine may read, from the pages the bake wrote.

A sitemap's <loc> must be absolute, so it needs the public base URL (``--site-url`` or
DASHBOARD_PUBLIC_URL); without one the locations are the site's own paths and robots.txt
names no sitemap. Embeds (/embed/) are cards for other sites' pages, not pages to index.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from bake.render import Writer
from lib.present import edition

NOT_INDEXED = ("/embed/", "/404.html", "/pagefind/")


def page_urls(writer: Writer) -> list[str]:
    """Every HTML page written so far, as its URL (/indicator/t2_gdp/), in a stable order."""
    urls = []
    for path in writer.written:
        if path.suffix != ".html":
            continue
        relative = "/" + path.relative_to(writer.out).as_posix()
        url = relative.removesuffix("index.html")
        # Each language folder's 404 page (/en/404.html) is no page to index either.
        if not url.startswith(NOT_INDEXED) and not url.endswith("/404.html"):
            urls.append(url)
    return sorted(set(urls))


def bake_crawl(writer: Writer) -> int:
    urls = page_urls(writer)
    modified = edition.data_date_iso()
    entries = "".join(f"<url><loc>{escape(writer.site_url + url)}</loc><lastmod>{modified}</lastmod></url>\n" for url in urls)
    writer.file(
        "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n",
    )
    lines = ["User-agent: *", "Allow: /", "Disallow: /embed/"]
    if writer.site_url:
        lines.append(f"Sitemap: {writer.site_url}/sitemap.xml")
    writer.file("/robots.txt", "\n".join(lines) + "\n")
    return len(urls)
