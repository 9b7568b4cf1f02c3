"""python -m bake --out public/ [--app-url https://dash.example.org]"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bake import checks, site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bake", description="Bake the static public edition.")
    parser.add_argument("--out", type=Path, default=Path("public"), help="folder to write (emptied first)")
    parser.add_argument("--app-url", default=site.DEFAULT_APP_URL, help="base URL of the Streamlit app the pages link to")
    parser.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    args = parser.parse_args(argv)
    report = site.bake(args.out, app_url=args.app_url, with_search=not args.no_search)
    problems = checks.check_site(args.out, app_url=args.app_url)
    for line in report.lines():
        print(line)
    for problem in problems:
        print("问题:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
