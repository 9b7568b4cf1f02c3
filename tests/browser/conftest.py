"""Browser tests: the real app in Debian's Chromium, driven by pytest-playwright.

Browsers cannot be downloaded here, so the launch uses the system chromium.
"""

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page

from bench.stream import server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Loaded on a sub-path (/scenarios), Streamlit's frontend first probes
# /scenarios/_stcore/health and /scenarios/_stcore/host-config for a base URL
# and gets 404s before it finds /_stcore/…: a known, harmless probe.
HARMLESS = re.compile(r"/[A-Za-z0-9_]+/_stcore/(health|host-config)")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def app_url():
    with server(ROOT / "app.py") as (port, _):
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def site_url(baked_site):
    """The session's bake served by bake.serve on a free port, for one test module."""
    from bake import serve

    site = serve.start(baked_site[0], 0)
    yield f"http://127.0.0.1:{site.server_address[1]}"
    site.shutdown()
    site.server_close()


@pytest.fixture()
def watched(page: Page):
    """The page, with every console error and failed request collected."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 and not HARMLESS.search(r.url) else None)
    # A load the page's own navigation cancels (net::ERR_ABORTED: leaving a page while its readout.js
    # is on its way, on a busy machine) is not a fault; a missing file is still caught by its 4xx response.
    page.on("requestfailed", lambda r: problems.append(f"failed {r.url}") if r.failure != "net::ERR_ABORTED" else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.problems = problems
    return page
