"""Full-text search: Pagefind's index of the baked pages, built offline, Chinese segmented.

The extended Pagefind binary (pip package pagefind-bin-extended) segments
Chinese; it reads lang="zh-CN" from each page and indexes only what sits in
data-pagefind-body, so the navigation is not indexed 150 times.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bake.render import Writer
from lib.present import routes


def bake_search_page(writer: Writer) -> None:
    writer.page(routes.SEARCH, "search.html", title="全文检索")


def index(out: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind_bin_extended", "--site", str(out), "--output-subdir", "pagefind", "--force-language", "zh-cn"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed: {result.stderr or result.stdout}")
    return result.stdout
