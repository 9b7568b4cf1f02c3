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
