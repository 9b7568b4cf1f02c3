"""data/manifest.json: every data file's rows, SHA-256 and schema, written with the data.

    .venv/bin/python -m lib.plan.manifest          # write it after changing any file in data/
    .venv/bin/python -m lib.plan.manifest --check  # exit 1, naming each file, when it is stale

A table cut at a line boundary still parses and still validates, row by row:
129 of 215 observations lost showed up as a wrong file blamed, an English
error or silently missing points (issue 24, finding 4). The loaders
(lib.plan.validation.read_once) therefore refuse a table whose rows or digest
differ from what this file recorded, naming that table. tests/test_manifest.py
fails while the manifest is stale, so whoever changes data/ regenerates it.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import pkgutil
import sys
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
MANIFEST = "manifest.json"
# Code and prose about the data are not data; the manifest does not list itself.
SKIPPED = {"README.md", MANIFEST}


def data_files(folder: Path = DATA_DIR) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix != ".py" and p.name not in SKIPPED and "__pycache__" not in p.parts
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count_rows(path: Path) -> int:
    """Records for a CSV (as the loaders read it: quoted line breaks stay in one record), else lines."""
    if path.suffix == ".csv":
        return len(pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8"))
    return len(path.read_text(encoding="utf-8").splitlines())


def schema_names() -> dict[tuple[str, ...], str]:
    """Every table schema in lib.plan (an upper-case dict of column → (dtype, check)), keyed by its columns."""
    import lib.plan

    found = {}
    for module_info in pkgutil.walk_packages(lib.plan.__path__, "lib.plan."):
        if module_info.name == __name__:
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, dict) and value and all(isinstance(v, tuple) and len(v) == 2 for v in value.values()):
                found.setdefault(tuple(value), f"{module_info.name}.{name}")
    return found


def build(folder: Path = DATA_DIR) -> dict[str, dict]:
    schemas = schema_names()
    entries = {}
    for path in data_files(folder):
        entry = {"rows": count_rows(path), "sha256": digest(path)}
        if path.suffix == ".csv":
            header = tuple(pd.read_csv(path, dtype=str, nrows=0, encoding="utf-8").columns)
            entry["schema"] = schemas.get(header)
        entries[path.relative_to(folder).as_posix()] = entry
    return entries


def render(entries: dict[str, dict]) -> str:
    return json.dumps({"files": entries}, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def recorded(folder: Path = DATA_DIR) -> dict[str, dict] | None:
    path = folder / MANIFEST
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["files"]


def differences(folder: Path = DATA_DIR) -> list[str]:
    """What a regeneration would change, one line per file (empty when the manifest is current)."""
    old, new = recorded(folder) or {}, build(folder)
    return [f"{name}: {old.get(name)} → {new.get(name)}" for name in sorted(old.keys() | new.keys()) if old.get(name) != new.get(name)]


def problem(path: Path, rows: int, folder: Path = DATA_DIR) -> str | None:
    """Why a table as loaded (``rows`` records) cannot be trusted, in Chinese; None when it matches.

    Only files in ``folder`` are checked: a test's own table elsewhere has no entry.
    """
    try:
        name = path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return None
    entries = recorded(folder)
    if entries is None:
        return f"缺少 data/{MANIFEST}，无法核对此文件（用 python -m lib.plan.manifest 生成）"
    entry = entries.get(name)
    if entry is None:
        return f"不在 data/{MANIFEST} 中，无法核对（数据更新后用 python -m lib.plan.manifest 重新生成清单）"
    if rows != entry["rows"]:
        return f"应有 {entry['rows']} 行数据，实有 {rows} 行（与 data/{MANIFEST} 不符，文件可能被截断或改动）"
    if digest(path) != entry["sha256"]:
        return f"内容与 data/{MANIFEST} 记录的 SHA-256 不符（文件在清单生成后被改动）"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.plan.manifest", description="Write (or --check) data/manifest.json.")
    parser.add_argument("--check", action="store_true", help="exit 1 and name each file when the manifest is stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = differences()
        for line in stale:
            print("过期:", line, file=sys.stderr)
        return 1 if stale else 0
    (DATA_DIR / MANIFEST).write_text(render(build()), encoding="utf-8")
    print(f"wrote data/{MANIFEST} ({len(data_files())} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
