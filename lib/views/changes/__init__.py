"""数据更新记录: what changed in data/ from one edition to the next (lib.plan.changes), newest first.

The static edition's page /changes/ and its Atom feed /changes.atom draw this View; the
record itself is data/changes.csv and data/editions.csv, written by
``python -m lib.plan.changes --date …`` (docs/data.md). Each changed cell is shown as it is
in the file, old and new, with the source the changed row names. No URL keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.plan import changes, data
from lib.present.blocks import Block, Link, Table, paragraph, target
from lib.views import indicators
from lib.views import query as q
from lib.views.query import Notice, Query

HEADERS = ("文件", "行", "指标", "列", "原值", "新值", "新值出处")
ADDED, REMOVED = "新增一行", "删除此行"


@dataclass(frozen=True)
class State:
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Edition:
    iso: str  # 2026-12-07, the feed's date and the page's anchor
    date: str  # 2026年12月7日
    note: str
    summary: str  # “本版记录 3 处改动。”
    changes: Table


@dataclass(frozen=True)
class View:
    title: str
    intro: tuple[Block, ...]
    editions: tuple[Edition, ...]  # newest first
    notices: tuple[Notice, ...] = ()


def parse(query: Query) -> State:
    notices: list[Notice] = []
    q.unknown_keys(query, (), notices)
    return State(notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return {}


def chinese_date(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"


def _table(rows: list[dict]) -> Table:
    names = dict(zip(data.load_indicators().indicator_id, data.load_indicators().name_zh))
    meanings = changes.column_meanings() if rows else {}
    cells, links = [], []
    for row in rows:
        indicator, field = row["indicator_id"], row["field"]
        meaning = meanings.get((row["file"], field), "")
        column = f"{meaning}（{field}）" if meaning and field else field
        cells.append((row["file"], row["row"], names.get(indicator, ""), column, row["old"], row["new"], row["source"]))
        links.append(
            Link(names[indicator], target("indicators", indicators.to_query(indicators.State(row=indicator))))
            if indicator in names
            else None
        )
    return Table(HEADERS, tuple(cells), links=tuple(links) if any(links) else ())


def build(state: State) -> View:
    recorded = changes.load_changes()
    editions = []
    for edition in reversed(changes.load_editions().to_dict("records")):
        rows = recorded[recorded.edition == edition["edition"]].to_dict("records")
        summary = f"本版记录 {len(rows)} 处改动。" if rows else "本版没有改动的数据。"
        editions.append(Edition(edition["edition"], chinese_date(edition["edition"]), edition["note"], summary, _table(rows)))
    intro = (
        paragraph(
            "本页列出每一版数据相对上一版改了什么：哪个文件、哪一行、哪一列，原值与新值，以及新值的出处。"
            "记录由命令生成并随数据一起保存，不是手写的；新增或删除整行时，“列”为空。"
        ),
        paragraph("订阅：本页的 Atom 源 /changes.atom，有新版次时阅读器会收到。"),
    )
    return View(title="数据更新记录", intro=intro, editions=tuple(editions), notices=state.notices)
