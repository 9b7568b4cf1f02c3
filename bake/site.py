"""The bake, in order: empty the folder, shared assets, every page, the search index; timed.

``python -m bake`` bakes into a new folder beside the published one (``staging_for``)
and swaps it in only once the site checks pass (``swap_in``), so a failed bake never
touches the site a server is serving.
"""

from __future__ import annotations

import ctypes
import gzip
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from bake import changes, charts, crawl, embed, links, not_found, opendata, pages, plan, search
from bake import map as zone_map
from bake import report as report_card
from bake.render import Writer
from lib.present import readout, routes
from lib.present.i18n import N_

DEFAULT_APP_URL = "http://localhost:8501"
STATIC = Path(__file__).parent / "static"
SORTABLE = STATIC / "vendor" / "sortable-tablesort-4.1.7"  # bake/static/vendor/README.md
NAV = (
    (routes.HOME, N_("概览")),
    (routes.INDICATORS, N_("指标总览")),
    (routes.REPORT, N_("2020年完成情况")),
    (routes.ZONES, N_("功能区域地图")),
    (routes.PLAN, N_("规划原文")),
    (routes.METHODS, N_("数据与方法")),
    (routes.SEARCH, N_("检索")),
)


@dataclass
class Report:
    seconds: dict[str, float] = field(default_factory=dict)
    pages: int = 0
    files: int = 0
    bytes: int = 0
    indicators: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        total = sum(self.seconds.values())
        steps = "，".join(f"{k} {v:.1f} 秒" for k, v in self.seconds.items())
        return [f"已生成 {self.pages} 个页面、{self.files} 个文件，共 {self.bytes / 1e6:.1f} MB，用时 {total:.1f} 秒（{steps}）"]


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".csv", ".txt", ".md", ".atom"}
SMALLEST = 1024  # below a kilobyte gzip saves next to nothing


def precompress(out: Path) -> int:
    """A .gz beside every text file, so a server sends it as it is (nginx gzip_static, see
    deploy/nginx.py render_static): compressing per request cost CPU that 500 visits at once
    turned into waiting. Pagefind's index files are compressed already. Returns the count."""
    count = 0
    for path in sorted(out.rglob("*")):
        if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= SMALLEST:
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))
            count += 1
    return count


def staging_for(out: Path) -> Path:
    """A new folder beside ``out`` (same file system, so the swap is a rename), hidden from a listing."""
    return out.parent / f".{out.name}.baking-{os.getpid()}"


RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where it is not available."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_cwd = -100  # AT_FDCWD
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    return False  # EINVAL/ENOSYS (file system or kernel without it): fall back to two renames


def swap_in(new: Path, out: Path) -> None:
    """Put the checked folder ``new`` where ``out`` is, and remove the old site.

    A server reading ``out`` sees the old site or the new one, whole: with RENAME_EXCHANGE
    the two folders trade places in one step; elsewhere the old one is renamed aside first,
    and for that instant ``out`` is missing (a request then gets 404, never half a site).
    """
    if not out.exists():
        new.rename(out)
        return
    if _exchange(new, out):
        shutil.rmtree(new)  # it now holds the old site
        return
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    out.rename(old)
    new.rename(out)
    shutil.rmtree(old)


def bake(out: Path, app_url: str = DEFAULT_APP_URL, with_search: bool = True, site_url: str = "", handouts: str | None = None) -> Report:
    """The whole site into ``out``. ``site_url``: the site's public base (canonical links, og:url,
    sitemap; "" for none). ``handouts``: the public address to print on each indicator's A4 handout
    PDF ("" for none: the static path is printed), or None to bake no handouts."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    writer = Writer(out, app_url, NAV, site_url=site_url)
    report = Report()

    def step(name: str, job) -> object:
        start = time.perf_counter()
        result = job()
        report.seconds[name] = time.perf_counter() - start
        return result

    def assets() -> None:
        for source in sorted(p for p in STATIC.iterdir() if p.is_file()):  # vendor/ goes in by name
            writer.file(f"/assets/{source.name}", source.read_bytes())
        writer.file(links.SORTABLE, (SORTABLE / "sortable.min.js").read_bytes())
        writer.file(links.BUNDLE, charts.bundle())
        writer.file(links.CHART2MUSIC, readout.CHART2MUSIC.read_bytes())
        writer.file(links.READOUT_SCRIPT, readout.SCRIPT.read_bytes())

    step("assets", assets)
    step("overview", lambda: pages.bake_overview(writer))
    step("tables", lambda: pages.bake_tables(writer))
    report.indicators = step("indicators", lambda: pages.bake_indicators(writer, handouts is not None))
    if handouts is not None:
        from bake import handouts as printer  # Playwright and Chromium only when asked for

        step("handouts", lambda: printer.print_all(out, report.indicators, handouts))
    step("plan", lambda: plan.bake_plan(writer))
    step("zones", lambda: zone_map.bake_map(writer))
    step("methods", lambda: pages.bake_methods(writer))
    step("open_data", lambda: (opendata.bake_indicator_files(writer, report.indicators), opendata.bake_datapackage(writer)))
    step("not_found", lambda: not_found.bake_not_found(writer))
    step("search_page", lambda: search.bake_search_page(writer))
    step("report", lambda: report_card.bake_report(writer))
    step("embeds", lambda: embed.bake_embeds(writer, report.indicators))
    step("changes", lambda: changes.bake_changes(writer))
    step("crawl", lambda: crawl.bake_crawl(writer))
    if with_search:
        step("pagefind", lambda: search.index(out))
    step("gzip", lambda: precompress(out))
    files = [p for p in out.rglob("*") if p.is_file()]
    report.files = len(files)
    report.bytes = sum(p.stat().st_size for p in files)
    report.pages = sum(1 for p in files if p.suffix == ".html" and "pagefind" not in p.parts)
    return report
