"""Helpers for the browser tests: waiting like a person, and the "must not happen" checks."""

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
