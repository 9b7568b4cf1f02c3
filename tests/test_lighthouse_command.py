"""The README's Lighthouse command, run as written in a copy of the project: it measures the four
pages and prints four scores for each.

Scores move with the machine's load (Performance most), so this holds the command to working and
reporting every page and category, never to the scores: the budget of 95 is bench/lighthouse.py's
exit code, and the dated figures are in README.md and docs/speed.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bench import lighthouse
from deploy import serve

ROOT = Path(__file__).resolve().parent.parent
COMMAND = "(cd bench/lighthouse && npm ci) && .venv/bin/python -m bench.lighthouse --site public/"


def test_the_readme_gives_the_command_this_test_runs():
    assert COMMAND in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_lighthouse_command_reports_four_scores_for_each_page(baked_site, tmp_path):
    out, _ = baked_site
    app = serve.export(tmp_path / "app")
    (app / ".venv").symlink_to(Path(sys.prefix))  # the command's .venv/bin/python: this test's own
    shutil.copytree(out, app / "public")
    # nginx's workers are not root: the site and every folder above it must be open to them
    # (pytest makes its folders 0700). Only folders of this user's are opened.
    for folder in [app / "public", *(app / "public").parents]:
        if folder.stat().st_uid == os.getuid():
            folder.chmod(folder.stat().st_mode | 0o005)
    for path in (app / "public").rglob("*"):
        path.chmod(path.stat().st_mode | (0o005 if path.is_dir() else 0o004))

    result = subprocess.run(COMMAND, shell=True, cwd=app, capture_output=True, text=True, timeout=900)

    assert result.returncode in (0, 1), result.stdout[-2000:] + result.stderr[-2000:]  # 1: a score under 95
    for name, path in lighthouse.PAGES.items():
        row = re.search(rf"^\| {re.escape(name)} \| `{re.escape(path)}` \|(.*)\|$", result.stdout, re.M)
        assert row, (name, result.stdout[-2000:])
        scores = [int(cell) for cell in row.group(1).split("|")]
        assert len(scores) == 4 and all(0 <= s <= 100 for s in scores), row.group(0)
