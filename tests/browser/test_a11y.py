"""The accessibility gate: axe-core on every page of both editions, and no English in the app.

axe-core is the npm release pinned in tests/a11y/package.json (`npm ci` there;
.ci/run does it), injected into each page as it is and run with the WCAG 2.0
and 2.1 A and AA rules, plus the two best-practice rules this project had
broken (heading-order, label-title-only). A failure lists each violation as
rule (impact) · page · size · the element's selector · what axe says is wrong.
One Streamlit server (tests/browser/conftest.py app_url), one baked site and
one browser serve the whole module; each edition and size keeps one tab.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from bake import serve
from browser_helpers import ROOT, wait_until_idle

pytestmark = pytest.mark.browser

AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ALSO = ["heading-order", "label-title-only"]
SIZES = {"1280x720": (1280, 720), "390x844": (390, 844)}

# Every page in app.py's navigation, the studio in presenter mode and as a handout, a zone
# picked on the map, the printable handout of 指标轨迹 and the not-found page.
APP_PAGES = [
    "/",
    "/indicators",
    "/indicators?row=t2_forest_cover",
    "/trajectories",
    "/compare",
    "/scenarios",
    "/scenarios?presenter=true&section=地区生产总值",
    "/scenarios?handout=true",
    "/handout?indicator=t2_forest_cover",
    "/report_card",
    "/zones_map",
    "/zones_map?place=core",
    "/plan_reader",
    "/methods",
    "/no_such_page",
]
# One of each template kind the bake writes (docs/code.md, "The static edition").
STATIC_PAGES = [
    "/",
    "/indicators/",
    "/indicator/t2_forest_cover/",
    "/indicator/t1_gdp/",
    "/report/",
    "/methods/",
    "/zones/",
    "/zones/core/",
    "/zones/500101/",
    "/plan/",
    "/plan/18/",
    "/search/?q=页岩气",
    "/embed/indicator/t2_forest_cover/",
    "/no/such/page/",
]

RUN_AXE = """([tags, also]) => axe.run(document, {
  runOnly: {type: 'tag', values: tags},
  rules: Object.fromEntries(also.map(rule => [rule, {enabled: true}])),
  resultTypes: ['violations'],
})"""


def violations(page: Page, where: str) -> list[str]:
    """axe's violations on the page as it stands, one readable line per element."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN_AXE, [TAGS, ALSO])["violations"]
    return [
        f"{v['id']} ({v['impact']}) · {where} · {' '.join(map(str, node['target']))} · {v['help']}: {node['failureSummary']}"
        for v in found
        for node in v["nodes"]
    ]


@pytest.fixture(scope="module")
def site_url(baked_site):
    server = serve.start(baked_site[0], 0)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def tabs(browser):
    """One tab per edition and size, reused by every test of the module."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` in tests/a11y (.ci/run does)")
    opened: dict[tuple[str, str], Page] = {}

    def tab(edition: str, size: str) -> Page:
        if (edition, size) not in opened:
            width, height = SIZES[size]
            # The static edition's CSP allows no inline script, which add_script_tag is; the CSP
            # itself is tested in test_bake_in_browser.py.
            context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=edition == "static")
            opened[edition, size] = context.new_page()
        return opened[edition, size]

    yield tab
    for page in opened.values():
        page.context.close()


def test_the_gate_sees_a_violation(tabs):
    """The gate itself: a page with the faults this project had must fail it, each named."""
    page = tabs("static", "1280x720")
    page.set_content(
        '<html lang="zh-CN"><head><title>坏页</title></head><body><main><h1>标题</h1><h4>小标题</h4>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text" title="搜索">'
        "<ul><div><li>项</li></div></ul></main></body></html>"
    )
    report = "\n".join(violations(page, "坏页 1280x720"))
    for rule in ("image-alt (critical)", "heading-order (moderate)", "label-title-only (serious)", "list (serious)"):
        assert rule in report, report


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", APP_PAGES)
def test_every_app_page_passes_axe(tabs, app_url, path, size):
    page = tabs("app", size)
    page.goto(app_url + path)
    wait_until_idle(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    found = violations(page, f"app {path} {size}")
    assert not found, "\n" + "\n".join(found)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", STATIC_PAGES)
def test_every_static_page_passes_axe(tabs, site_url, path, size):
    page = tabs("static", size)
    page.goto(site_url + path)
    page.wait_for_load_state("load")
    if path.startswith("/search/"):
        # Pagefind draws its box and the results after load
        expect(page.locator(".pagefind-ui__result-link").first).to_be_visible()
    found = violations(page, f"static {path} {size}")
    assert not found, "\n" + "\n".join(found)
