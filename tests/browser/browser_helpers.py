"""Helpers for the browser tests: waiting like a person, and the "must not happen" checks."""

import re
from pathlib import Path

from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def wait_until_idle(page: Page, timeout: float = 60_000) -> None:
    expect(page.locator("[data-testid=stApp][data-test-script-state=notRunning]")).to_be_attached(timeout=timeout)
    expect(page.locator("[data-testid=stSkeleton]")).to_have_count(0, timeout=timeout)


def assert_healthy(page: Page) -> None:
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    console = [p for p in page.problems if p.startswith("console: ")]
    # A 404 response is also reported on the console as "Failed to load resource"; the
    # response handler above has already judged those, so keep only the rest.
    other = [p for p in page.problems if not p.startswith("console: ")]
    real_console = [p for p in console if "Failed to load resource" not in p]
    assert not other and not real_console, page.problems


VIEWPORTS = {"projector": (1280, 720), "desktop": (1920, 1080), "phone": (390, 844)}

# Float noise and values no reader should see: 1.421e-14, 3.579e-05, nan, inf, None.
NOISE = re.compile(r"\d(?:\.\d+)?e[-+]?\d+|\bnan\b|\bNaN\b|\binf\b|\bNone\b|\d\.\d{5,}")
# English a visitor may meet where Streamlit's own strings leak through. The
# page's own text is Chinese; units such as PM2.5 or km are allowed.
ENGLISH = re.compile(
    r"\b(?:Page not found|Running|Stop|Rerun|Settings|Print|Clear cache|Deploy|Error|Traceback|Select|Choose|No results)\b"
)


def visible_text(page: Page) -> str:
    return page.locator("[data-testid=stMain]").inner_text()


def assert_no_noise(page: Page) -> None:
    found = NOISE.findall(visible_text(page))
    assert not found, found


def alternates(page: Page) -> list[str]:
    """The page's <link rel="alternate" hreflang>s as "hreflang path", sorted (issue 27)."""
    links = page.locator('link[rel="alternate"][hreflang]')
    return sorted(links.evaluate_all("ls => ls.map(l => l.hreflang + ' ' + new URL(l.href).pathname)"))


def assert_no_overflow(page: Page) -> None:
    """Nothing is wider than the window: no sideways scroll of the page itself."""
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] + 1, f"page is {width[0]} px wide in a {width[1]} px window"


def assert_no_truncated_metric(page: Page) -> None:
    """No metric value cut to "…": its text fits its box."""
    cut = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid=stMetricValue], [data-testid=stMetricValue] *')]
              .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"""
    )
    assert not cut, cut


def assert_no_english(page: Page) -> None:
    found = ENGLISH.findall(visible_text(page))
    assert not found, found


def assert_task_clean(page: Page) -> None:
    """Every "must not happen" check at once."""
    assert_healthy(page)
    assert_no_noise(page)
    assert_no_overflow(page)
    assert_no_truncated_metric(page)
    assert_no_english(page)


def reopen(context_factory, url: str, viewport: tuple[int, int]) -> Page:
    """The copied link opened in a fresh browser context (no session, no cache)."""
    context = context_factory(viewport={"width": viewport[0], "height": viewport[1]})
    fresh = context.new_page()
    fresh.problems = []
    fresh.on("console", lambda m: fresh.problems.append(f"console: {m.text}") if m.type == "error" else None)
    fresh.on("pageerror", lambda e: fresh.problems.append(f"pageerror: {e}"))
    fresh.goto(url)
    wait_until_idle(fresh)
    return fresh


# Han characters a reader or a screen reader meets outside an element marked Chinese (lang="zh-…"):
# English must show none (issue 27). Text nodes, alt, aria-label, title, placeholder and the tab title.
UNMARKED_HAN = """() => {
  const han = /[\\u3400-\\u9fff\\uf900-\\ufaff]/;
  const chinese = el => { const m = el.closest('[lang]'); return m && m !== document.documentElement && m.lang.startsWith('zh'); };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el || el.closest('script, style, noscript, template') || chinese(el)) continue;
    if (han.test(node.textContent)) found.push(node.textContent.trim().slice(0, 80));
  }
  for (const el of document.body.querySelectorAll('[alt], [aria-label], [title], [placeholder]')) {
    if (chinese(el)) continue;
    for (const name of ['alt', 'aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && han.test(value)) found.push(name + '=' + value.slice(0, 80));
    }
  }
  if (han.test(document.title)) found.push('title=' + document.title);
  return found;
}"""


# axe-core as tests/a11y/package-lock.json pins it (npm ci there), with the WCAG 2.0 and 2.1 A and AA
# rules and the two best-practice rules this project had broken. test_a11y.py runs it on every page,
# the language walk on the translated app pages.
AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ALSO = ["heading-order", "label-title-only"]
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


# Past the right edge: an element not inside a frame of its own that scrolls (st.dataframe, Vega, the
# map, or a box whose overflow-x scrolls: 功能区域地图's lists on a phone). Each such frame is
# itself checked, so a frame wider than the screen still fails.
OUTSIDE = """() => [...document.querySelectorAll('[data-testid=stMain] *')]
  .filter(e => !e.closest('[data-testid=stDataFrame], [data-testid=stVegaLiteChart], [data-testid=stDeckGlJsonChart]'))
  .filter(e => { for (let a = e.parentElement; a && a.dataset.testid !== 'stMain'; a = a.parentElement)
    if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return false; return true; })
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; })
  .slice(0, 5).map(e => `<${e.tagName.toLowerCase()}> ${Math.round(e.getBoundingClientRect().right)} px: ${(e.innerText || '').slice(0, 40)}`)"""


def assert_fits_a_phone_with_its_sections_open(page: Page, where: str) -> None:
    """Every expander opened: nothing runs past the screen, scrolled or clipped."""
    closed = page.locator("[data-testid=stExpander] details:not([open]) > summary")
    while closed.count():
        closed.first.click()
    wait_until_idle(page)
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1] + 1, f"{where} is {width[0]} px wide in a {width[1]} px window"
    assert page.evaluate(OUTSIDE) == [], f"{where}: past the right edge"


def metric(page: Page, label: str):
    """The value of the studio metric whose label holds ``label``."""
    return page.get_by_test_id("stMetric").filter(has_text=label).get_by_test_id("stMetricValue")


def assert_nothing_cut(page: Page) -> None:
    """No text on the page is cut to a “…”: no metric's value, label or delta overflows its box,
    no element that ellipsises (text-overflow) overflows, and no chart text (Vega's own “…” on a
    title or label too long for its room) ends in one."""
    cut = page.evaluate(
        """() => [...document.querySelectorAll('[data-testid=stMain] *')]
              .filter(e => e.scrollWidth > e.clientWidth + 1 && e.innerText && e.innerText.trim()
                           && (e.closest('[data-testid=stMetric]') && e.children.length === 0
                               || getComputedStyle(e).textOverflow === 'ellipsis'))
              .map(e => e.innerText)"""
    )
    assert not cut, cut
    in_charts = page.locator("[data-testid=stVegaLiteChart] svg text").all_text_contents()
    assert not [text for text in in_charts if "…" in text], in_charts
