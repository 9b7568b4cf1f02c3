"""数据更新记录: what changed in data/ from one edition to the next, recorded by a command.

    .venv/bin/python -m lib.plan.changes --check            # exit 1 while data/ differs from the last edition
    .venv/bin/python -m lib.plan.changes --date 2026-12-07  # record those differences as the edition of that date

An edition is a dated state of data/'s tables. ``--date`` compares each data/*.csv with
the last edition's copy (data/editions/last/), appends one row a changed cell, added
row or removed row to data/changes.csv, one row to data/editions.csv, and makes the
present tables the last edition. All three are committed with the data, so the record
is the same on any clone (CI's included) and the static edition's 数据更新记录 page and
Atom feed are built from files, not from the machine that bakes.

Not from git history: a site baked from an archive or a shallow clone has none, and a
commit is not an edition (many commits touch data/ between two publications).
"""

from __future__ import annotations

import argparse
import datetime
import functools
import importlib
import shutil
import sys
from pathlib import Path

import pandas as pd

from lib.plan.schemas import N_, _text, columns, schema
from lib.plan.validation import DATA_DIR, read_csv, read_once, validate

CHANGES_FILE = "changes.csv"
EDITIONS_FILE = "editions.csv"
SNAPSHOT = Path("editions") / "last"

CHANGES = {
    "edition": ("str", _text(description=N_("版次：记录这批改动的日期（YYYY-MM-DD）"))),
    "file": ("str", _text(description=N_("改动的数据文件（data/ 下）"))),
    "row": ("str", _text(description=N_("改动的行：该文件的编号列（如 outcome_id）"))),
    "indicator_id": ("str", _text(required=False, description=N_("该行所属指标（文件有 indicator_id 列时）"))),
    "field": ("str", _text(required=False, description=N_("改动的列；整行新增或删除时为空"))),
    "old": ("str", _text(required=False, description=N_("上一版的值（新增行为空）"))),
    "new": ("str", _text(required=False, description=N_("这一版的值（删除行为空）"))),
    "source": ("str", _text(required=False, description=N_("新值的出处：该行的发布者、文件与网址，或该行所注出处"))),
}
EDITIONS = {
    "edition": ("str", _text(description=N_("版次日期（YYYY-MM-DD）"))),
    "changes": ("str", _text(description=N_("这一版记录的改动条数"))),
    "note": ("str", _text(required=False, description=N_("说明"))),
}
# Where a row says where its figure comes from, in this order (outcomes.csv, yearly_figures.csv,
# definitions.csv …); a table without such columns is read from the plan itself (data/README.md).
SOURCE_COLUMNS = ("publisher", "document", "url", "source")
FROM_THE_PLAN = "《重庆市国民经济和社会发展第十三个五年规划纲要》（见 data/README.md 该文件的出处）"


def tables(folder: Path) -> dict[str, pd.DataFrame]:
    """Every data table in ``folder`` as text, cell for cell, without the record's own files."""
    return {
        path.name: pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        for path in sorted(folder.glob("*.csv"))
        if path.name not in (CHANGES_FILE, EDITIONS_FILE)
    }


def key_columns(*frames: pd.DataFrame) -> list[str]:
    """The fewest leading columns that name each row once in every frame (most tables: their id)."""
    names = list(frames[0].columns)
    for size in range(1, len(names) + 1):
        key = names[:size]
        if all(set(key) <= set(f.columns) and not f.duplicated(key).any() for f in frames):
            return key
    return names


def source_of(row: pd.Series) -> str:
    parts = [str(row[c]) for c in SOURCE_COLUMNS if c in row.index and str(row[c]).strip()]
    if "document" in row.index and str(row["document"]).strip():
        parts = [f"《{p}》" if p == row["document"] else p for p in parts]
    return " ".join(parts) or FROM_THE_PLAN


def diff(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame], edition: str) -> list[dict[str, str]]:
    """One record a changed cell, added row or removed row, file by file, in each file's row order."""
    records = []
    for name in sorted(old.keys() | new.keys()):
        before = old.get(name, pd.DataFrame(columns=list(new[name].columns) if name in new else []))
        after = new.get(name, pd.DataFrame(columns=list(before.columns)))
        key = key_columns(after if len(after.columns) else before, before)
        index_before = {tuple(r[k] for k in key): r for _, r in before.iterrows()} if set(key) <= set(before.columns) else {}
        index_after = {tuple(r[k] for k in key): r for _, r in after.iterrows()}

        def record(row_key, row, field="", was="", now="", source_row=None, file=name) -> dict[str, str]:
            return {
                "edition": edition,
                "file": file,
                "row": " / ".join(row_key),
                "indicator_id": str(row.get("indicator_id", "")),
                "field": field,
                "old": was,
                "new": now,
                "source": source_of(source_row) if source_row is not None else "",
            }

        for row_key, row in index_after.items():
            if row_key not in index_before:
                records.append(record(row_key, row, now="新增一行", source_row=row))
                continue
            previous = index_before[row_key]
            for field in after.columns:
                was = str(previous.get(field, ""))
                if field not in key and was != str(row[field]):
                    records.append(record(row_key, row, field, was, str(row[field]), row))
        records += [record(k, r, was="删除此行") for k, r in index_before.items() if k not in index_after]
    return records


@functools.cache
def column_meanings(folder: Path = DATA_DIR) -> dict[tuple[str, str], str]:
    """(file, column) → its schema's description (the data dictionary's, in 简体, a catalog entry), whose
    first words name the column on the change log: “数值”, “读到这句话的网页”, not a bare column name."""
    from lib.plan import manifest  # its schema finder imports every lib.plan module: only when asked

    found = {}
    schemas = manifest.schema_names()
    for path in sorted(folder.glob("*.csv")):
        name = schemas.get(tuple(pd.read_csv(path, dtype=str, nrows=0, encoding="utf-8").columns))
        if name:
            module, attribute = name.rsplit(".", 1)
            for column, (_dtype, spec) in getattr(importlib.import_module(module), attribute).items():
                found[(path.name, column)] = spec.description or ""
    return found


def read_changes(path: Path = DATA_DIR / CHANGES_FILE) -> pd.DataFrame:
    return validate(path, read_csv(path, columns(CHANGES)), schema(CHANGES, "changes"))


def read_editions(path: Path = DATA_DIR / EDITIONS_FILE) -> pd.DataFrame:
    return validate(path, read_csv(path, columns(EDITIONS)), schema(EDITIONS, "editions"))


load_changes = read_once(read_changes)
load_editions = read_once(read_editions)


def pending(folder: Path = DATA_DIR) -> list[dict[str, str]]:
    """What the next edition would record: data/ against the last edition's copy."""
    if not (folder / SNAPSHOT).is_dir():
        return [{"file": "data/editions/last/", "row": "", "field": "", "old": "", "new": "尚无版次"}]
    return diff(tables(folder / SNAPSHOT), tables(folder), "")


def record(edition: str, folder: Path = DATA_DIR, note: str = "") -> list[dict[str, str]]:
    """Append the differences as ``edition`` and make the present tables the last edition."""
    datetime.date.fromisoformat(edition)  # a wrong date stops here, before any file is written
    # The first edition has nothing before it: it is the baseline, every row first published, none "changed".
    first = not (folder / SNAPSHOT).is_dir()
    found = [] if first else diff(tables(folder / SNAPSHOT), tables(folder), edition)
    fields = list(CHANGES)
    changes_path, editions_path = folder / CHANGES_FILE, folder / EDITIONS_FILE
    kept = pd.read_csv(changes_path, dtype=str, keep_default_na=False) if changes_path.exists() else pd.DataFrame(columns=fields)
    pd.concat([kept, pd.DataFrame(found, columns=fields)]).to_csv(changes_path, index=False, encoding="utf-8")
    editions = (
        pd.read_csv(editions_path, dtype=str, keep_default_na=False) if editions_path.exists() else pd.DataFrame(columns=list(EDITIONS))
    )
    if edition in set(editions.edition):
        raise ValueError(f"版次 {edition} 已经记录过")
    row = pd.DataFrame([{"edition": edition, "changes": str(len(found)), "note": note}])
    pd.concat([editions, row]).to_csv(editions_path, index=False, encoding="utf-8")
    snapshot = folder / SNAPSHOT
    shutil.rmtree(snapshot, ignore_errors=True)
    snapshot.mkdir(parents=True)
    for path in sorted(folder.glob("*.csv")):
        if path.name not in (CHANGES_FILE, EDITIONS_FILE):
            shutil.copyfile(path, snapshot / path.name)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lib.plan.changes", description="Record data/'s changes as a dated edition.")
    parser.add_argument("--date", help="the edition's date, YYYY-MM-DD: record the changes since the last edition")
    parser.add_argument("--note", default="", help="a note for the edition (Chinese)")
    parser.add_argument("--check", action="store_true", help="exit 1 while data/ has changes no edition records")
    args = parser.parse_args(argv)
    if args.check or not args.date:
        found = pending()
        for change in found:
            print(f"{change['file']} {change['row']} {change['field']}: {change['old']} → {change['new']}")
        if found:
            print(f"data/ 有 {len(found)} 处改动尚未记录：python -m lib.plan.changes --date YYYY-MM-DD", file=sys.stderr)
            return 1
        print("data/ 与最近一版相同")
        return 0
    try:
        found = record(args.date, note=args.note)
    except ValueError as error:
        print(f"未记录：{error}", file=sys.stderr)
        return 1
    print(f"版次 {args.date}：记录 {len(found)} 处改动；随后运行 python -m lib.plan.manifest")
    return 0


if __name__ == "__main__":
    sys.exit(main())
