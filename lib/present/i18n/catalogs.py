"""Extract the interface strings (Babel, babel.cfg) and keep each language's catalog in step.

    .venv/bin/python -m lib.present.i18n.catalogs          # add new strings to each .po, drop gone ones
    .venv/bin/python -m lib.present.i18n.catalogs --check  # exit 1, naming each string a catalog lacks

A new ``_("…")`` in lib/ or bake/templates then has an empty English entry to
fill in; ``--check`` (run by tests/test_i18n.py) fails on it, and on an English
entry that still holds a Han character. The 繁體 catalog needs no text: an empty
msgstr there means OpenCC's conversion; a msgstr is an override.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from lib.present.i18n import EN, LOCALES, catalog_path

ROOT = Path(__file__).resolve().parents[3]
KEYWORDS = {"_": None, "gettext": None, "N_": None}
CREATED = datetime(2026, 12, 7, tzinfo=UTC)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def extracted():
    """Every marked string of lib/ and bake/templates, as a Babel template catalog."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    # A fixed date: the catalogs change only when their strings do.
    template = Catalog(project="cq13-dashboard", charset="utf-8", creation_date=CREATED)
    for filename, lineno, message, comments, context in extract_from_dir(ROOT, method_map, options_map, keywords=KEYWORDS):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def _read(lang: str):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    path = catalog_path(lang)
    if not path.exists():
        return Catalog(locale=LOCALES[lang], project="cq13-dashboard", charset="utf-8")
    with path.open("rb") as handle:
        return read_po(handle, locale=LOCALES[lang])


def problems() -> list[str]:
    """What each catalog lacks against the code, one line each (empty when all is in step)."""
    wanted = {m.id for m in extracted() if m.id}
    found = []
    for lang in LOCALES:
        entries = {m.id: m.string for m in _read(lang) if m.id}
        found += [f"{catalog_path(lang).relative_to(ROOT)}: 缺少 “{i}”" for i in sorted(wanted - entries.keys())]
        found += [f"{catalog_path(lang).relative_to(ROOT)}: 多余 “{i}”（代码中已没有）" for i in sorted(entries.keys() - wanted)]
        if lang == EN:
            found += [f"{catalog_path(lang).relative_to(ROOT)}: “{i}” 没有英文" for i in sorted(wanted & entries.keys()) if not entries[i]]
            found += [
                f"{catalog_path(lang).relative_to(ROOT)}: “{i}” 的英文含汉字"
                for i in sorted(wanted & entries.keys())
                if _HAN.search(entries[i])
            ]
    return found


def update() -> None:
    from babel.messages.pofile import write_po

    template = extracted()
    for lang in LOCALES:
        current = _read(lang)
        current.update(template, no_fuzzy_matching=True, update_header_comment=False)
        current.obsolete.clear()
        path = catalog_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, current, width=0, omit_header=False, no_location=True, include_previous=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.present.i18n.catalogs", description="Update (or --check) the catalogs.")
    parser.add_argument("--check", action="store_true", help="exit 1 and name each string a catalog lacks")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for line in found:
            print(line, file=sys.stderr)
        return 1 if found else 0
    update()
    print(f"updated {len(LOCALES)} catalogs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
