"""One indicator's data by URL: its printed cells as CSV, its metadata as JSON, both with a README in a zip.

The cells are the row detail's ``observations`` (the same table the static page's
``data.csv`` and 指标总览's download come from); the words (definition, source,
notes, verdict) are the row detail's; the structured fields (unit, 属性, the 2020
figure with its quote and URL) are the very cells of ``lib.engine.tables``' row
that 指标总览 draws. Nothing is computed here. URL: ``indicator`` (an id) and ``lang``:
``en`` gives the same cells with the words in English (lib.views.indicator_data.languages);
the default 简体 files are unchanged.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from lib.engine import tables
from lib.plan import data, schemas
from lib.present import edition, routes
from lib.present.i18n import DEFAULT, EN, N_, ZH_CN, gettext, term
from lib.views import indicators
from lib.views import query as q
from lib.views.indicator_data import languages
from lib.views.query import Notice, Query

SOURCE = N_("《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）")


def column_words(name: str) -> str:
    """A column's meaning, from the pandera schema that validates data/observations.csv."""
    spec = schemas.OBSERVATIONS.get(name)
    return (spec[1].description or name) if spec else name


@dataclass(frozen=True)
class State:
    indicator: str = ""
    lang: str = DEFAULT  # zh-CN or en (a 繁體 reader gets the 简体 words: the files quote the plan)
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class View:
    indicator: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]  # every printed cell (the row detail's observations)
    metadata: dict  # plain JSON: unit, 属性, 口径, definition, notes, source places, outcome with quote and URL
    readme: str  # Chinese, Markdown: what the files hold and where they come from
    files: dict  # csv, metadata, zip: the static edition's URLs


@functools.cache
def _ids() -> tuple[str, ...]:
    return tuple(data.load_indicators().indicator_id)


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
    q.unknown_keys(query, ("indicator", q.LANG), notices)
    indicator = q.one_of(query, "indicator", _ids(), "", notices)
    return State(indicator, lang if lang == EN else DEFAULT, tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return q.query_of([("indicator", state.indicator, ""), (q.LANG, state.lang, DEFAULT)])


def files_of(indicator: str) -> dict[str, str]:
    base = routes.indicator(indicator).rstrip("/")
    return {"csv": f"{base}.csv", "metadata": f"{base}.metadata.json", "zip": f"{base}.zip"}


def _record(indicator: str) -> dict:
    table_no = int(data.load_indicators().set_index("indicator_id").table_no[indicator])
    frame = tables.indicator_table(table_no)
    return frame[frame.indicator_id == indicator].iloc[0].to_dict()


def _plain(value):
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def _outcome(record: dict) -> dict | None:
    if not record.get("结果#status"):
        return None
    return {
        "verdict": record["2020年结果"],
        "status": record["结果#status"],
        "sentence": record["结果说明"],
        "figure": record["2020年实际"] or None,
        "value": _plain(record["实际#value"]),
        "unit": record["实际单位"] or None,
        "basis": record["实际口径"] or None,
        "source": record["实际来源"] or None,
        "source_kind": record["来源类型"] or None,
        "quote": record["实际原句"] or None,
        "url": record["实际网址"] or None,
        "note": record["实际说明"] or None,
    }


def build(state: State) -> View:
    indicator = state.indicator or _ids()[0]
    row_view = indicators.build(indicators.State(table=int(indicator[1]), row=indicator))
    detail = row_view.detail
    record = _record(indicator)
    cells = detail.observations
    bases = sorted({row[cells.headers.index("basis")] for row in cells.rows if row[cells.headers.index("basis")]})
    files = files_of(indicator)
    metadata = {
        "id": indicator,
        "name": detail.title,
        "table": detail.box,
        "row": detail.row,
        "unit": record["单位"] or None,
        "attribute": record["属性"] or None,
        "pillar": record["五大发展"] or None,
        "kind": record["类型"],
        "printed": dict(detail.cells.rows),
        "basis": bases,
        "definition": {"text": record["定义"], "source": record["定义依据"]} if record["定义"] else None,
        "notes": list(detail.notes),
        "source": {
            "document": SOURCE,
            "place": detail.source.removeprefix("出处："),
            "printed_row": detail.printed.removeprefix("原表本行："),
            "plan_page": routes.static_path(detail.reader.target),
        },
        "outcome": _outcome(record),
        "columns": {name: column_words(name) for name in cells.headers},
        "files": files,
        "data_date": edition.data_date_iso(),
    }
    readme = "\n".join(
        [
            f"# {detail.title}（{detail.box}·{detail.row}）",
            "",
            f"来源：{SOURCE}。数值照原文；每个数字都写明原文写法（raw 列）。",
            f"数据截至 {edition.data_date()}。",
            "",
            "## 文件",
            "",
            f"- `{indicator}.csv`：原表中本指标的每个单元格，一行一格（UTF-8，带 BOM，Excel 可直接打开）。",
            f"- `{indicator}.metadata.json`：单位、指标属性、口径、定义、备注、在规划中的位置，以及2020年结果（判断、数字、原句与网址）。",
            "",
            "## 列",
            "",
            *(f"- `{name}`：{column_words(name)}" for name in cells.headers),
            "",
            "## 出处",
            "",
            detail.source,
            detail.printed,
            *([detail.definition] if detail.definition else []),
            *detail.notes,
            "",
            *(["## 2020年结果", "", *detail.outcome_lines, ""] if detail.outcome_lines else []),
        ]
    )
    if state.lang != ZH_CN:
        return _in_english(View(indicator, detail.title, cells.headers, cells.rows, metadata, readme, files), record, state.lang)
    return View(indicator, detail.title, cells.headers, cells.rows, metadata, readme, files)


def _in_english(view: View, record: dict, lang: str) -> View:
    """``view`` with its words in English: the same cells and headers, the plan's and the sources' texts kept."""
    _ = gettext(lang)
    detail = indicators.build(indicators.State(table=int(view.indicator[1]), row=view.indicator, lang=lang)).detail
    metadata = {
        **view.metadata,
        "name": detail.title,
        "name_zh": view.title,
        "table": detail.box,
        "row": detail.row,
        "unit": term(record["单位"], "unit", lang) if record["单位"] else None,
        "attribute": term(record["属性"], "attribute", lang) if record["属性"] else None,
        "pillar": term(record["五大发展"], "pillar", lang) if record["五大发展"] else None,
        "kind": term(record["类型"], "method", lang),
        "columns": {name: languages.column_words(name, lang) for name in view.headers},
        "language": {"words": lang, "quoted": ZH_CN},
    }
    if metadata["outcome"]:
        metadata["outcome"] = {**metadata["outcome"], "verdict": term(record["2020年结果"], "verdict", lang)}
    readme = _(languages.README).format(
        title=detail.title,
        box=detail.box,
        row=detail.row,
        source=_(SOURCE),
        date=edition.data_date_in(lang),
        csv=f"{view.indicator}.csv",
        metadata=f"{view.indicator}.metadata.json",
        columns="\n".join(f"- `{name}`: {languages.column_words(name, lang)}" for name in view.headers),
        place=detail.source,
    )
    return View(view.indicator, detail.title, view.headers, view.rows, metadata, readme, view.files)
