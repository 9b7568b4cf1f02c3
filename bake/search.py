"""Full-text search: Pagefind's index of the baked pages, built offline, Chinese segmented.

The extended Pagefind binary (pip package pagefind-bin-extended) segments
Chinese and indexes only what sits in data-pagefind-body, so the navigation is
not indexed 150 times. It keeps one index per language, by each page's
<html lang> (issue 27), and the search page loads the index of its own
<html lang>: /search/ searches the 简体 pages, /en/search/ the English ones,
/zh-hant/search/ the 繁體 ones, each with its interface words in its language.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bake.render import Writer
from lib.present import i18n, routes


def bake_search_page(writer: Writer) -> None:
    for lang in i18n.LANGS:
        title = i18n.gettext(lang)("全文检索")
        writer.page(i18n.localized(routes.SEARCH, lang), "search.html", lang=lang, alternates=i18n.LANGS, title=title)


def index(out: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind_bin_extended", "--site", str(out), "--output-subdir", "pagefind"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed: {result.stderr or result.stdout}")
    return result.stdout
