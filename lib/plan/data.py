"""Loaders for the plan's tables. Each returns a validated DataFrame in one call.

Pages wrap these in ``st.cache_data``; here they are cached per process and
hand out copies, so a caller that edits its frame cannot corrupt another's.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from lib.plan import schemas
from lib.plan.validation import DATA_DIR, DataFileError, read_csv, read_once, require_references, validate
from lib.plan.values import ROMAN, UnreadableValue, parse_value

PATHS = {
    "indicators": DATA_DIR / "indicators.csv",
    "observations": DATA_DIR / "observations.csv",
    "notes": DATA_DIR / "notes.csv",
    "investment": DATA_DIR / "investment.csv",
    "text_targets": DATA_DIR / "text_targets.csv",
    "definitions": DATA_DIR / "definitions.csv",
}


def read_indicators(path: Path = PATHS["indicators"]) -> pd.DataFrame:
    frame = read_csv(path, schemas.columns(schemas.INDICATORS))
    frame = validate(path, frame, schemas.schema(schemas.INDICATORS, "indicators"))
    require_references(path, frame, "parent_id", set(frame.indicator_id), "indicator")
    table_one = set(frame.indicator_id[frame.table_no == 1])
    require_references(path, frame, "previous_id", table_one, "专栏1 indicator")
    groups = set(frame.indicator_id[frame.kind == "group"])
    require_references(path, frame, "parent_id", groups | _parents_with_values(frame), "heading row")
    return frame.sort_values(["table_no", "position"], kind="stable").reset_index(drop=True)


def _parents_with_values(frame: pd.DataFrame) -> set[str]:
    # 专栏1 row 23 (耕地保有量) carries values and still has a sub-row.
    return {"t1_cultivated_land"} & set(frame.indicator_id)


def read_observations(
    path: Path = PATHS["observations"],
    indicators: pd.DataFrame | None = None,
    notes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    indicators = load_indicators() if indicators is None else indicators
    notes = load_notes() if notes is None else notes
    frame = read_csv(path, schemas.columns(schemas.OBSERVATIONS))
    frame = validate(path, frame, schemas.schema(schemas.OBSERVATIONS, "observations"))
    valued = set(indicators.indicator_id[indicators.kind != "group"])
    require_references(path, frame, "indicator_id", valued, "indicator with values")
    known_notes = set(notes.note_id)
    for index, refs in frame.notes.items():
        for ref in filter(None, refs.split(";")):
            if ref not in known_notes:
                raise DataFileError(path, f"column 'notes' names {ref!r}, which is not a known note", row=index + 2)
    for index, row in frame.iterrows():
        _check_against_raw(path, index, row)
    return frame


def _check_against_raw(path: Path, index: int, row: pd.Series) -> None:
    """The number, qualifier and 【】 flag must be what the raw text says."""
    try:
        parsed = parse_value(row.raw)
    except UnreadableValue as error:
        raise DataFileError(path, str(error), row=index + 2) from None
    value = None if pd.isna(row.value) else float(row.value)
    expected = parsed.value
    if (value is None) != (expected is None) or (value is not None and not math.isclose(value, expected, rel_tol=0, abs_tol=1e-9)):
        raise DataFileError(path, f"value {row.value!r} does not match the printed text {row.raw!r}", row=index + 2)
    for column in ("qualifier", "five_year_total", "basis"):
        if getattr(parsed, column) != row[column]:
            raise DataFileError(
                path,
                f"column {column!r} is {row[column]!r} but the printed text {row.raw!r} says {getattr(parsed, column)!r}",
                row=index + 2,
            )


def read_notes(path: Path = PATHS["notes"]) -> pd.DataFrame:
    frame = read_csv(path, schemas.columns(schemas.NOTES))
    return validate(path, frame, schemas.schema(schemas.NOTES, "notes"))


def read_investment(path: Path = PATHS["investment"]) -> pd.DataFrame:
    frame = read_csv(path, schemas.columns(schemas.INVESTMENT))
    frame = validate(path, frame, schemas.schema(schemas.INVESTMENT, "investment"))
    for column in ("plan_amount", "reserve_amount"):
        for index, row in frame.iterrows():
            if float(row[f"{column}_raw"]) != row[column]:
                raise DataFileError(path, f"{column} does not match {row[f'{column}_raw']!r}", row=index + 2)
    return frame.sort_values("position").reset_index(drop=True)


_LEADING_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# The number a no-numeral target stands for, read off its words.
_WORD_VALUES = {"doubling": {"翻一番": 2.0}, "class": {f"{roman}类": float(n) for roman, n in ROMAN.items()}}


def read_text_targets(path: Path = PATHS["text_targets"], indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    indicators = load_indicators() if indicators is None else indicators
    frame = read_csv(path, schemas.columns(schemas.TEXT_TARGETS))
    frame = validate(path, frame, schemas.schema(schemas.TEXT_TARGETS, "text_targets", schemas.TEXT_TARGET_CHECKS))
    require_references(path, frame, "indicator_id", set(indicators.indicator_id), "indicator")
    require_references(path, frame, "restates", set(frame.target_id), "text target")
    for index, row in frame.iterrows():
        if row.raw not in row.sentence:
            raise DataFileError(path, f"raw {row.raw!r} is not in its sentence", row=index + 2)
        if row.target_type == "number":
            number = _LEADING_NUMBER.search(row.raw)
            expected = None if number is None else float(number.group())
        else:
            expected = _WORD_VALUES.get(row.target_type, {}).get(row.raw)
        if row.target_type in schemas.NUMBER_TYPES and (expected is None or not math.isclose(expected, row.value)):
            raise DataFileError(path, f"value {row.value!r} does not match {row.raw!r}", row=index + 2)
        _check_year(path, index, row)
    return frame


def _check_year(path: Path, index: int, row: pd.Series) -> None:
    """The year must come from where year_basis says it does.

    A 'chapter' year is checked against the chapter's opening by
    tests/test_provenance.py, like every other claim about the plan's text.
    """
    problem = {
        "stated": None if f"{row.year}年" in row.sentence else f"year_basis is 'stated' but {row.year}年 is not in the sentence",
        "plan_period": None if row.year == 2020 else f"year_basis 'plan_period' means 2020, not {row.year}",
        "each_year": None if "每年" in row.sentence else "year_basis is 'each_year' but the sentence does not say 每年",
        "chapter": None,
    }[row.year_basis]
    if problem:
        raise DataFileError(path, problem, row=index + 2)


def read_definitions(path: Path = PATHS["definitions"], indicators: pd.DataFrame | None = None) -> pd.DataFrame:
    indicators = load_indicators() if indicators is None else indicators
    frame = read_csv(path, schemas.columns(schemas.DEFINITIONS))
    frame = validate(path, frame, schemas.schema(schemas.DEFINITIONS, "definitions"))
    # A heading row measures nothing of its own, so it has no definition.
    valued = set(indicators.indicator_id[indicators.kind != "group"])
    require_references(path, frame, "indicator_id", valued, "indicator with values")
    return frame


load_indicators = read_once(read_indicators)
load_observations = read_once(read_observations)
load_notes = read_once(read_notes)
load_investment = read_once(read_investment)
load_text_targets = read_once(read_text_targets)
load_definitions = read_once(read_definitions)


# Every table a visitor can download, with its schema and a title in Chinese.
TABLES = {
    "indicators": ("指标（专栏1、专栏2）", schemas.INDICATORS, load_indicators),
    "observations": ("指标数值（逐格）", schemas.OBSERVATIONS, load_observations),
    "notes": ("表下备注", schemas.NOTES, load_notes),
    "investment": ("专栏3 投资", schemas.INVESTMENT, load_investment),
    "text_targets": ("正文目标", schemas.TEXT_TARGETS, load_text_targets),
    "definitions": ("指标定义", schemas.DEFINITIONS, load_definitions),
}
