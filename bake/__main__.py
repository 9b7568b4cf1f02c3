"""python -m bake --out public/ [--app-url https://dash.example.org] [--site-url https://plan.example.org]

Bakes into a new folder beside ``--out``, runs the site checks on it, then swaps it in.
On any failure the published folder stays as it was, the new one is removed, and the
reason is one Chinese line naming the file (and line where known), with no traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import traceback
from pathlib import Path

from bake import checks, site

ROOT = Path(__file__).resolve().parent.parent


def reason(error: BaseException) -> str:
    """The failure in one line: the data file and line for a damaged file, else where in our code it stopped."""
    # A damaged data file raises lib.plan.validation.DataFileError, which says where in Chinese
    # (“observations.csv 第2行”); read by attribute, since bake/ imports lib only through the Views.
    where = getattr(error, "where", None)
    if where:
        return f"数据文件 data/{where} 有误：{getattr(error, 'problem', error)}"
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(str(ROOT)) and "/.venv/" not in f.filename]
    place = f"{Path(frames[-1].filename).relative_to(ROOT)} 第{frames[-1].lineno}行" if frames else "（位置不明）"
    detail = " ".join(str(error).split())[:300]
    return f"{place} 出错：{type(error).__name__}{'：' + detail if detail else ''}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bake", description="Bake the static public edition.")
    parser.add_argument(
        "--out", type=Path, default=Path("public"), help="folder to publish (replaced only after a bake that passes the checks)"
    )
    parser.add_argument("--app-url", default=site.DEFAULT_APP_URL, help="base URL of the Streamlit app the pages link to")
    parser.add_argument(
        "--site-url",
        default=os.environ.get("DASHBOARD_PUBLIC_URL", ""),
        help="the site's public base URL (canonical links, og:url, sitemap); default $DASHBOARD_PUBLIC_URL, else none",
    )
    parser.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    parser.add_argument(
        "--handouts",
        action="store_true",
        help="also print each indicator's A4 handout PDF (Chromium) and link it from its page (python -m bake.handouts)",
    )
    parser.add_argument(
        "--public-url", default=None, help="the dashboard's public address printed on the handouts (default: $DASHBOARD_PUBLIC_URL)"
    )
    args = parser.parse_args(argv)
    out = args.out.resolve()
    staging = site.staging_for(out)
    kept = f"{args.out}/ 未改动" if out.exists() else f"未写入 {args.out}/"
    try:
        handouts = None
        if args.handouts:
            from lib.present.permalink import PUBLIC_URL_ENV, public_base

            handouts = public_base({PUBLIC_URL_ENV: args.public_url} if args.public_url is not None else None)
        report = site.bake(staging, app_url=args.app_url, with_search=not args.no_search, site_url=args.site_url, handouts=handouts)
        problems = checks.check_site(staging, app_url=args.app_url, site_url=args.site_url)
        if problems:
            for problem in problems:
                print("问题:", problem, file=sys.stderr)
            print(f"生成失败（站点检查发现 {len(problems)} 个问题，见上），{kept}。", file=sys.stderr)
            return 1
        site.swap_in(staging, out)
    except Exception as error:  # noqa: BLE001 - every failure ends in one line for the operator
        print(f"生成失败，{kept}：{reason(error)}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for line in report.lines():
        print(line)
    print(f"已发布到 {args.out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
