"""Shared test setup: the Hypothesis profile, fresh caches for every test, the session's bake. Helpers live in helpers.py."""

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# One Hypothesis profile for the whole suite, chosen by HYPOTHESIS_PROFILE (.ci/run sets "ci").
# No deadline in either: a deadline is a timed assertion, and on a shared 2-core machine a
# slow example says nothing about the code (budgets live in bench/).
# "ci": the same examples on every run (derandomize), so a red build is reproducible.
# "dev" (the default): fresh random examples each run, to find new failures while working.
settings.register_profile("ci", deadline=None, derandomize=True, max_examples=100, print_blob=True)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def clear_streamlit_caches():
    from pages import _shared

    st.cache_data.clear()
    st.cache_resource.clear()
    _shared._built.cache_clear()  # the page Views (pages/_shared.view_of)
    yield


# The session's bake (baked_site) runs in its own process, started as soon as the tests are
# collected when any of them needs it: the first such test (the static pages of
# tests/browser/test_a11y.py) used to wait about 40 s for it, which the tests before it now
# cover on the machine's other core. Its own process, not a thread: tests patch lib (its data
# folder, site.bake) while it runs. It calls the same site.bake, so the site is the same.
BAKE = """
import pickle, sys
from pathlib import Path
from bake import site
report = site.bake(Path(sys.argv[1]), app_url=sys.argv[2])
Path(sys.argv[3]).write_bytes(pickle.dumps(report))
"""
_bake: dict[str, object] = {}


def pytest_collection_finish(session):
    if session.config.option.collectonly or not any("baked_site" in getattr(item, "fixturenames", ()) for item in session.items):
        return
    from helpers import BAKE_APP_URL

    # What the tmp_path_factory fixture returns (pytest's own temporary folders, the last runs kept).
    folder = session.config._tmp_path_factory.mktemp("bake")
    _bake["out"], _bake["report"], log = folder / "public", folder / "report.pickle", folder / "bake.log"
    _bake["log"] = log
    with log.open("wb") as sink:
        _bake["process"] = subprocess.Popen(
            [sys.executable, "-c", BAKE, str(_bake["out"]), BAKE_APP_URL, str(_bake["report"])], cwd=ROOT, stdout=sink, stderr=sink
        )


def pytest_sessionfinish(session):
    process = _bake.get("process")
    if process is not None and process.poll() is None:  # a run stopped early (-x, Ctrl+C)
        process.terminate()
        process.wait()


@pytest.fixture(scope="session")
def baked_site(tmp_path_factory):
    """The static edition baked once per session (tests/test_bake.py and its browser test share it)."""
    from bake import site
    from helpers import BAKE_APP_URL

    process = _bake.get("process")
    if process is None:  # asked for by a test collected without it (getfixturevalue)
        out = tmp_path_factory.mktemp("bake") / "public"
        return out, site.bake(out, app_url=BAKE_APP_URL)
    if process.wait() != 0:
        pytest.fail(f"the bake failed (exit {process.returncode}):\n{_bake['log'].read_text(errors='replace')[-4000:]}")
    return _bake["out"], pickle.loads(_bake["report"].read_bytes())
