"""An indicator's embed card drawn inside another site's page; the indicator page itself refused there.

The site is served by bake.serve with its headers (frame-ancestors * on /embed/ only); the host
page is a second server on another port and host name, so another origin.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from bake import serve
from browser_helpers import SCREENSHOTS

pytestmark = pytest.mark.browser
INDICATOR = "t2_forest_cover"  # 专栏2 row 12, with a chart


@pytest.fixture(scope="module")
def origins(baked_site, tmp_path_factory):
    site = serve.start(baked_site[0], 0)
    site_url = f"http://127.0.0.1:{site.server_address[1]}"
    host_folder = tmp_path_factory.mktemp("host")
    for name, path in (("embed", f"/embed/indicator/{INDICATOR}/"), ("page", f"/indicator/{INDICATOR}/")):
        (host_folder / f"{name}.html").write_text(
            f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>某区县政府网站</title><h1>某区县政府网站</h1>'
            f'<iframe src="{site_url}{path}" title="嵌入的指标" width="600" height="520"></iframe>',
            encoding="utf-8",
        )
    host = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SimpleHTTPRequestHandler, directory=str(host_folder)))
    threading.Thread(target=host.serve_forever, daemon=True).start()
    # “localhost” against the site's “127.0.0.1”, on another port: another origin either way.
    yield site_url, f"http://localhost:{host.server_address[1]}"
    for server in (site, host):
        server.shutdown()
        server.server_close()


def test_the_embed_draws_in_another_origins_page_and_the_indicator_page_is_refused(page, origins):
    site_url, host_url = origins
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "frame-ancestors" in m.text else None)

    page.goto(f"{host_url}/embed.html")
    card = page.frame_locator("iframe")
    expect(card.get_by_role("heading", level=1)).to_contain_text("森林覆盖率")
    expect(card.get_by_text("数据截至")).to_be_visible()
    chart = card.locator("figure.chart img")
    expect(chart).to_be_visible()
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    assert card.get_by_role("link", name="森林覆盖率").get_attribute("href") == f"/indicator/{INDICATOR}/"
    assert not refused
    page.screenshot(path=str(SCREENSHOTS / "embed_in_another_site.png"))

    page.goto(f"{host_url}/page.html")
    expect(page.get_by_role("heading", name="某区县政府网站")).to_be_visible()
    frame = page.frames[1]
    expect(page.frame_locator("iframe").get_by_role("heading", level=1)).to_have_count(0)
    assert frame.url.startswith("chrome-error://") or any("frame-ancestors 'none'" in text for text in refused)
