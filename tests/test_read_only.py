"""The app never writes to disk: every page runs from a read-only copy of the checkout."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.stream import Session, server

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "indicators", "trajectories", "compare", "handout", "scenarios", "zones_map", "plan_reader", "methods"]
RUNNER = """
import sys
from streamlit.testing.v1 import AppTest
for page in sys.argv[1:]:
    at = AppTest.from_file("app.py", default_timeout=120)
    at.switch_page(f"pages/{page}.py")
    at.run()
    if at.exception:
        raise SystemExit(f"{page}: {at.exception[0].message}")
print("ok")
"""


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


@pytest.fixture
def read_only_copy(tmp_path):
    """A copy of the checkout with every write bit cleared, and an empty home folder."""
    copy = tmp_path / "checkout"
    shutil.copytree(
        ROOT, copy, ignore=shutil.ignore_patterns(".venv", ".git", "__pycache__", "artifacts", ".pytest_cache", ".hypothesis", "bench")
    )
    home = tmp_path / "home"
    home.mkdir()
    for path in [copy, *copy.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)
    env = {
        **os.environ,
        "PYTHONPATH": str(copy),
        "PYTHONDONTWRITEBYTECODE": "1",  # the interpreter's own caches are not the app's writes
        "HOME": str(home),
    }
    before = snapshot(copy)
    yield copy, env
    try:
        # Root ignores the missing write bits, so compare what is there, before and after.
        assert snapshot(copy) == before
        # Nothing written in the home folder either (no ~/.streamlit, no caches on disk).
        assert [str(p.relative_to(home)) for p in home.rglob("*")] == []
    finally:
        for path in [copy, *copy.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)


def test_every_page_runs_from_a_read_only_copy(read_only_copy):
    copy, env = read_only_copy
    result = subprocess.run([sys.executable, "-c", RUNNER, *PAGES], cwd=copy, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and "ok" in result.stdout, result.stdout[-2000:] + result.stderr[-3000:]


def test_the_server_serves_every_page_from_a_read_only_copy(read_only_copy):
    """The real server, as deployed: `streamlit run app.py` in the copy, every page run over its websocket."""
    copy, env = read_only_copy
    with server(copy / "app.py", extra_env=env, cwd=copy) as (port, _):
        session = Session(port)
        try:
            for page in PAGES:
                result = session.run("" if page == "overview" else page)
                assert result.exceptions == 0 and not result.not_found, page
        finally:
            session.close()
