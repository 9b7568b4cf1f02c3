"""The glossary (``data/glossary.csv``): one English name for every term the dashboard shows.

Indicator names, units, 专栏 and chapter titles, zones, districts, 属性, 五大发展,
the difficulty statuses, the 2020 verdicts and the method's words each have one
row: the term as the plan prints it, its kind, its English, and where that
English comes from. ``source`` is either the address of an official English
source (its name in ``source_name``) where the same words were found there, or
``translation``: our own careful translation, marked as such so no reader takes
it for an official one. The 繁體 edition is the 简体 term converted by OpenCC
(lib.present.i18n), except where ``zh_hant`` gives it: the few terms OpenCC's
segmentation gets wrong (渝东北生态涵养发展区 → 涵養髮展, “hair” for 发).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pandas as pd

from lib.plan.schemas import N_, _text, columns, schema
from lib.plan.validation import DATA_DIR, DataFileError, read_csv, read_once, validate

PATH = DATA_DIR / "glossary.csv"
TRANSLATION = "translation"
KINDS = (
    "indicator",
    "unit",
    "column",
    "chapter",
    "zone",
    "district",
    "district_kind",
    "attribute",
    "pillar",
    "status",
    "verdict",
    "method",
    # 功能区域地图 (issue 27): the map's categories, the plan's words for a project, the notes on places
    "project_category",
    "project_subcategory",
    "project_status",
    "work_kind",
    "work_reason",
    "unplaced_note",
    "zone_extent",
    "district_note",
    "zone_text",
)
GLOSSARY = {
    "term_zh": ("str", _text(description=N_("术语（简体，按规划原文）"))),
    "kind": ("str", _text(KINDS, description=N_("类别：指标、单位、专栏、章、功能区、区县、属性、五大发展、难度、完成情况、方法用语"))),
    "en": ("str", _text(description=N_("英文"))),
    "source": ("str", _text(description=N_("英文出处：官方英文资料的网址，或 translation（本站译文）"))),
    "source_name": ("str", _text(required=False, description=N_("官方英文资料的名称（source 为网址时必填）"))),
    "note": ("str", _text(required=False, description=N_("说明：原文位置、官方资料中的原话、译法"))),
    "zh_hant": ("str", _text(required=False, description=N_("繁體：仅在 OpenCC（s2twp）转换有误时填写，空则按 OpenCC 转换"))),
}
_URL = re.compile(r"https?://[^\s/]+\.[^\s]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _problems(frame: pd.DataFrame) -> list[tuple[int, str]]:
    """Each row's first problem, in words a reviewer reads, with its spreadsheet line."""
    found = []
    seen: dict[tuple[str, str], int] = {}
    for index, row in frame.iterrows():
        line = int(index) + 2
        key = (row.kind, row.term_zh)
        if key in seen:
            found.append((line, f"术语“{row.term_zh}”（{row.kind}）已在第{seen[key]}行出现，每个术语只能有一行"))
        seen.setdefault(key, line)
        if _HAN.search(row.en):
            found.append((line, f"英文“{row.en}”中含有汉字"))
        if row.source != TRANSLATION and not _URL.fullmatch(row.source):
            found.append((line, f"出处“{row.source}”既不是网址，也不是 translation"))
        if row.source == TRANSLATION and row.source_name:
            found.append((line, "出处为 translation（本站译文）时 source_name 应为空"))
        if row.source != TRANSLATION and not row.source_name:
            found.append((line, "出处为网址时须在 source_name 写明官方资料名称"))
        if row.zh_hant and len(row.zh_hant) != len(row.term_zh):
            found.append((line, f"繁體“{row.zh_hant}”与术语“{row.term_zh}”字数不同（繁體只换字形，不改字数）"))
    return found


def read_glossary(path: Path = PATH) -> pd.DataFrame:
    frame = read_csv(path, columns(GLOSSARY))
    problems = _problems(frame)
    if problems:
        line, problem = problems[0]
        raise DataFileError(path, problem, row=line)
    return validate(path, frame, schema(GLOSSARY, "glossary"))


load_glossary = read_once(read_glossary)


@functools.cache
def _english() -> dict[tuple[str, str], str]:
    frame = load_glossary()
    return {(kind, term): en for kind, term, en in zip(frame.kind, frame.term_zh, frame.en)}


def english(term: str, kind: str) -> str | None:
    """The glossary's English for ``term`` of ``kind``, or None when it has no row (a test keeps that from happening)."""
    return _english().get((kind, term))


@functools.cache
def hant_fixes() -> dict[str, str]:
    """term_zh → its 繁體 where OpenCC's is wrong (``zh_hant``), for lib.present.i18n.hant to keep whole."""
    frame = load_glossary()
    return {term: fixed for term, fixed in zip(frame.term_zh, frame.zh_hant) if fixed}


def official_count() -> int:
    """Rows whose English was found in an official English source (data/README.md quotes this count)."""
    return int((load_glossary().source != TRANSLATION).sum())


TABLES = {"glossary": ("术语表（中英对照）", GLOSSARY, load_glossary)}
