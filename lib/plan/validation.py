"""Reading a CSV of ours and checking it against its schema, with one clear message.

A hand-edited or damaged file must fail with a sentence that names the file,
the row and the problem, never a bare traceback from deep inside pandas.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
# The tables read_csv has read in this thread, per read_once call under way (innermost last),
# so each loader checks its own files against data/manifest.json once its reader is done.
_reading = threading.local()


class DataFileError(ValueError):
    """A data file that cannot be trusted; the message is meant for people."""

    def __init__(self, path: Path | str, problem: str, row: int | None = None):
        self.path = Path(path)
        self.row = row
        self.problem = problem
        where = f"{self.path.name}"
        if row is not None:
            # Row numbers count like a spreadsheet: the header is line 1.
            where += f", line {row}"
        super().__init__(f"{where}: {problem}")

    @property
    def where(self) -> str:
        """The file (and line) in words a visitor reads: “observations.csv 第2行”."""
        return self.path.name + (f" 第{self.row}行" if self.row is not None else "")


def read_csv(path: Path | str, columns: dict[str, str]) -> pd.DataFrame:
    """Read a UTF-8 CSV whose columns must be exactly ``columns`` (name → dtype).

    Every cell is read as text first, so a stray word in a numeric column is
    reported against its row instead of silently turning the column to text.
    """
    path = Path(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(path, "the file is missing") from None
    except UnicodeDecodeError as error:
        raise DataFileError(path, f"not valid UTF-8 (byte {error.start})") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise DataFileError(path, f"not a readable CSV ({error})") from None

    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise DataFileError(path, f"missing column(s): {', '.join(missing)}")
    unexpected = [name for name in frame.columns if name not in columns]
    if unexpected:
        raise DataFileError(path, f"unexpected column(s): {', '.join(unexpected)}")

    for name, dtype in columns.items():
        if dtype == "str":
            continue
        frame[name] = _convert(path, frame, name, dtype)
    for opened in getattr(_reading, "stack", [])[-1:]:
        opened.append((path, len(frame)))
    return frame[list(columns)]


def _convert(path: Path, frame: pd.DataFrame, name: str, dtype: str) -> pd.Series:
    text = frame[name].str.strip()
    if dtype == "float":
        values = pd.to_numeric(text.replace("", None), errors="coerce")
        bad = text.ne("") & values.isna()
        result = values.astype("float64")
    elif dtype == "int":
        values = pd.to_numeric(text, errors="coerce")
        bad = values.isna() | (values.notna() & (values % 1 != 0))
        result = values.astype("Int64") if not bad.any() else values
    elif dtype == "bool":
        mapping = {"true": True, "false": False}
        values = text.str.lower().map(mapping)
        bad = values.isna()
        result = values.astype("bool") if not bad.any() else values
    else:
        raise ValueError(f"unknown dtype {dtype!r} for column {name!r}")
    if bad.any():
        index = int(bad.idxmax())
        raise DataFileError(
            path,
            f"column {name!r} must be {_DTYPE_WORDS[dtype]}, found {frame[name][index]!r}",
            row=index + 2,
        )
    return result


_DTYPE_WORDS = {"float": "a number or empty", "int": "a whole number", "bool": "true or false"}


def validate(path: Path | str, frame: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Check ``frame`` against ``schema`` and report the first failure in words."""
    try:
        return schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        raise DataFileError(path, *_first_failure(errors.failure_cases)) from None
    except SchemaError as error:  # pragma: no cover - lazy=True reports SchemaErrors
        raise DataFileError(path, str(error)) from None


def _first_failure(cases: pd.DataFrame) -> tuple[str, int | None]:
    case = cases.iloc[0]
    if _is_uniqueness(str(case.get("check"))):
        # Pandera flags every copy; the row to blame is the second one.
        copies = cases[(cases["column"] == case["column"]) & (cases["failure_case"] == case["failure_case"])]
        case = copies.sort_values("index").iloc[min(1, len(copies) - 1)]
    column = case.get("column")
    check = str(case.get("check"))
    value = case.get("failure_case")
    index = case.get("index")
    row = int(index) + 2 if pd.notna(index) else None
    if check.startswith("isin"):
        problem = f"column {column!r} has {value!r}, which is not an allowed value"
    elif _is_uniqueness(check):
        problem = f"column {column!r} repeats {value!r}; each value must be unique"
    elif check == "not_nullable":
        problem = f"column {column!r} is empty where a value is required"
    else:
        problem = f"column {column!r} fails {check} with {value!r}"
    return problem, row


def _is_uniqueness(check: str) -> bool:
    return "duplicates" in check or "unique" in check


def require_references(path: Path | str, frame: pd.DataFrame, column: str, known: set[str], what: str) -> None:
    """Fail when a non-empty value of ``column`` is not in ``known``."""
    values = frame[column]
    unknown = values.ne("") & ~values.isin(known)
    if unknown.any():
        index = int(unknown.idxmax())
        raise DataFileError(path, f"column {column!r} names {values[index]!r}, which is not a known {what}", row=index + 2)


def read_once(reader: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
    """A loader that reads and validates a table once per process.

    Every caller gets its own copy, so one that edits its frame cannot
    corrupt another's.
    """
    cached = functools.cache(_checked_against_manifest(reader))

    def load() -> pd.DataFrame:
        return cached().copy()

    load.__doc__ = f"The validated table from {reader.__name__}, as a fresh copy."
    return load


def _checked_against_manifest(reader: Callable[[], pd.DataFrame]) -> Callable[[], pd.DataFrame]:
    """``reader``, then each data file it read checked against data/manifest.json (lib.plan.manifest).

    After the reader, not before: a wrong figure is better reported at its line by the
    reader's own checks; what only the manifest sees is a table cut at a line boundary
    (rows lost, every remaining row valid) or changed since the manifest was written.
    A table loaded inside (observations for outcomes) is checked by its own loader first,
    so the file named is the one that is damaged, not the one that noticed.
    """
    from lib.plan import manifest

    def read() -> pd.DataFrame:
        stack = _reading.__dict__.setdefault("stack", [])
        stack.append([])
        try:
            frame = reader()
        finally:
            opened = stack.pop()
        for path, rows in opened:
            problem = manifest.problem(path, rows, DATA_DIR)
            if problem:
                raise DataFileError(path, problem)
        return frame

    return read
