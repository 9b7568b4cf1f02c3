"""Lighthouse (mobile) on the static edition, served as production serves it: four scores a page.

    (cd bench/lighthouse && npm ci) && .venv/bin/python -m bench.lighthouse --site public/

Serves a baked folder (``--site``; without it, bakes one into a temporary folder first,
about 2.5 minutes here) with nginx and the production static config
(deploy.nginx.render_static: the bake's own .gz files, the CSP, cache headers), runs
Lighthouse 12.2.3 (bench/lighthouse/package.json, pinned; 13 wants Node 22) with Debian's
chromium (CHROME_PATH) on each page in Lighthouse's default mobile form (a Moto G Power
screen, simulated slow 4G and 4× CPU slowdown), prints the table, writes
bench/results/lighthouse.json and exits 1 when any score is under 95.

Scores depend on the machine's load (Performance most), so they are a budget here, never
a test; docs/speed.md has the dated figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bake_bench import static_nginx

ROOT = Path(__file__).resolve().parent.parent
NODE_PROJECT = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = NODE_PROJECT / "node_modules" / ".bin" / "lighthouse"
RESULTS = ROOT / "bench" / "results"
PAGES = {
    "概览": "/",
    "2020年完成情况": "/report/",
    "森林覆盖率": "/indicator/t2_forest_cover/",
    "功能区域地图": "/zones/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET = 95
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"


def run_lighthouse(url: str, folder: Path) -> dict:
    """One Lighthouse run: the four scores (0–100) and the audits that cost points."""
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Debian's chromium is not installed (apt-get install chromium)")
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: (cd bench/lighthouse && npm ci)")
    report = folder / "report.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": chromium},
        timeout=300,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(100 * (data["categories"][name]["score"] or 0)) for name in CATEGORIES}
    lost = sorted(
        f"{audit['id']} ({audit['score']:.2f})"
        for audit in data["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") in ("binary", "numeric")
    )
    metrics = {
        key: data["audits"][key]["displayValue"]
        for key in ("first-contentful-paint", "largest-contentful-paint", "cumulative-layout-shift", "total-blocking-time")
    }
    return {"scores": scores, "metrics": metrics, "lost": lost}


def measure(site: Path, pages: dict[str, str]) -> dict[str, dict]:
    results = {}
    with static_nginx(site) as port, tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        for name, path in pages.items():
            results[name] = {"path": path, **run_lighthouse(f"http://127.0.0.1:{port}{path}", Path(folder))}
    return results


def table(results: dict[str, dict]) -> list[str]:
    lines = ["| page | path | Performance | Accessibility | Best Practices | SEO |", "|---|---|---|---|---|---|"]
    for name, result in results.items():
        lines.append(f"| {name} | `{result['path']}` | " + " | ".join(str(result["scores"][c]) for c in CATEGORIES) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.lighthouse", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a baked folder (python -m bake --out …); without it, one is baked first")
    parser.add_argument("--pages", default=",".join(PAGES.values()), help="comma-separated paths (default: the four pages)")
    args = parser.parse_args(argv)
    wanted = [p for p in args.pages.split(",") if p]
    names = {path: name for name, path in PAGES.items()}
    pages = {names.get(path, path): path for path in wanted}
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as scratch:
        site = args.site
        if site is None:
            from bake import site as baker

            site = Path(scratch) / "public"
            baker.bake(site, with_search=True)
        site = site.resolve()
        # nginx's workers are not root: the folder and those above it must be open to them.
        closed = [str(p) for p in [site, *site.parents] if p.stat().st_mode & 0o005 != 0o005]
        if closed:
            raise SystemExit(f"nginx's workers cannot read {closed[0]} (chmod o+rx)")
        results = measure(site, pages)
    for line in table(results):
        print(line)
    for name, result in results.items():
        print(f"{name}: {', '.join(f'{k} {v}' for k, v in result['metrics'].items())}")
        if result["lost"]:
            print(f"  points lost: {', '.join(result['lost'])}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "lighthouse.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    low = [(n, c, r["scores"][c]) for n, r in results.items() for c in CATEGORIES if r["scores"][c] < BUDGET]
    if low:
        print("under " + str(BUDGET) + ": " + "; ".join(f"{n} {c} {s}" for n, c, s in low), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
