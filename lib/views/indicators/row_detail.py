"""指标总览's row detail: where a row is printed, its paces, how the text reads it, and how 2020 turned out.

Every line is plain text (the app draws it with st.text, the static edition
escapes it): sentences, quotes and URLs from data/ are never read as markup.
Links are typed targets (lib.present.blocks), which each edition turns into
its own address; the static indicator page draws this same Detail.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from lib.engine import tables
from lib.plan import data
from lib.plan.series import series_of
from lib.present import routes
from lib.present.blocks import Link, Table, target
from lib.present.i18n import DEFAULT, N_, ZH_CN, gettext
from lib.views import trajectories
from lib.views.indicators import detail_languages
from lib.views.indicators.detail_languages import RULE_NOTE

# Every printed cell of a row, raw text beside the number read from it (the static page's data.csv).
OBSERVATION_COLUMNS = ("obs_id", "period", "role", "value", "qualifier", "bracketed", "basis", "price_basis", "raw", "notes")


@dataclass(frozen=True)
class Detail:
    title: str  # plain text
    definition: str  # plain text, or ""
    source: str  # the 出处 sentence
    printed: str  # the printed cells, each after its column heading
    pace_lines: tuple[str, ...]
    outcome_lines: tuple[str, ...]  # the 2020 verdict, the figure, its source, quote and URL (plain text)
    notes: tuple[str, ...]
    reader: Link  # the passage of the plan printing this row
    trajectory: Link | None  # its line in 指标轨迹 (a 专栏1 row continued in 专栏2: on that series); None for a heading
    box: str  # 专栏2
    row: str  # 第12行, or 第12行“森林增长”下的分项
    cells: Table  # the printed cells, each under its column heading
    observations: Table  # every printed cell as data/observations.csv records it (empty for a heading)
    children: tuple[Link, ...]  # a heading's sub-rows
    lang: str = DEFAULT
    # In English and 繁體: the plan's sentences and the data's Chinese notes, each after its label in the
    # page's language, shown as recorded in 简体 (``quote_lang``); in 简体 they are in the lines above.
    quotes: tuple[tuple[str, str], ...] = ()
    quote_lang: str = ""
    language_note: str = ""


def _outcome_lines(record: dict) -> tuple[str, ...]:
    if not record.get("结果说明"):
        return ()
    lines = [f"2020年结果：{record['结果说明']}"]
    if record["实际来源"]:
        lines += [
            f"实际数：{record['2020年实际']}（{record['实际口径']}）",
            f"来源：{record['实际来源']}（{record['来源类型']}）",
            f"原句：“{record['实际原句']}”",
            f"网址：{record['实际网址']}",
        ]
        if record["实际说明"]:
            lines.append(f"说明：{record['实际说明']}")
    lines.append(RULE_NOTE)
    return tuple(lines)


def _cell(value) -> str | int | float | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


@functools.cache
def _observations(indicator: str) -> Table:
    observations = data.load_observations()
    rows = observations[observations.indicator_id == indicator]
    headers = tuple(c for c in OBSERVATION_COLUMNS if c in rows.columns)
    return Table(headers, tuple(tuple(_cell(v) for v in row) for row in rows[list(headers)].itertuples(index=False)))


def _row_link(indicator: str, table_no: int, label: str, lang: str = ZH_CN) -> Link:
    # The query lib.views.indicators.to_query writes for State(table=…, row=…), the default table left out.
    query = {"row": [indicator]} if table_no == 2 else {"table": [str(table_no)], "row": [indicator]}
    return Link(label, routes.with_lang(target("indicators", query), lang))


def _children(indicator: str, lang: str = ZH_CN) -> tuple[Link, ...]:
    indicators = data.load_indicators()
    rows = indicators[indicators.parent_id == indicator].itertuples()
    return tuple(_row_link(r.indicator_id, int(r.table_no), detail_languages.name(r.name_zh, lang), lang) for r in rows)


READER, TRAJECTORY = N_("在规划原文中阅读"), N_("查看该指标的轨迹")


def detail(record: dict, lang: str = ZH_CN) -> Detail:
    """One row's place in the plan, its printed cells, paces, readings, 2020 outcome and notes (plain text).

    ``record`` is the 简体 record; in English and 繁體 the words are the page's and the plan's own
    sentences move to ``quotes`` (lib.views.indicators.detail_languages)."""
    simplified = _detail(record)
    if lang == ZH_CN:
        return simplified
    _ = gettext(lang)
    series = series_of(record["indicator_id"])
    return detail_languages.translated(
        simplified,
        record,
        lang,
        reader=Link(_(READER), routes.with_lang(simplified.reader.target, lang)),
        trajectory=None if series is None else Link(_(TRAJECTORY), routes.with_lang(simplified.trajectory.target, lang)),
        children=_children(record["indicator_id"], lang),
    )


def _detail(record: dict) -> Detail:
    indicator = record["indicator_id"]
    source = tables.source_of(indicator)
    lines: list[str] = []
    if record["kind"] != "group" and "所需速度" in record:
        lines.append(f"所需速度（2016—2020）：{record['所需速度说明']}")
        achieved = record["以往速度"] + (f"（{record['以往速度来源']}）" if record["以往速度来源"] else "")
        lines.append(f"以往速度（2011—2015）：{achieved}")
        ratio = "" if pd.isna(record["以往÷所需"]) else f"，以往÷所需 = {round(record['以往÷所需'] * 100)}%"
        lines.append(f"难度：{record['难度']}{ratio}" + (f"。{record['原因说明']}" if record["原因说明"] else ""))
    elif record["kind"] != "group":
        lines.append(f"2011—2015年速度：{record['2011—2015年速度']}" + (f"（{record['速度来源']}）" if record["速度来源"] else ""))
    if record["正文限定"]:
        lines.append(record["正文限定"])
    if record["方向"]:
        lines.append(record["方向"])
    series = series_of(indicator)  # the 专栏2 series where a continued 专栏1 row is drawn
    return Detail(
        title=record["指标"].strip(),
        definition=f"定义：{record['定义']}（依据：{record['定义依据']}）" if record["定义"] else "",
        source=f"出处：{source.sentence}",
        printed=f"原表本行：{source.row_text}",
        pace_lines=tuple(lines),
        outcome_lines=_outcome_lines(record),
        notes=source.notes,
        reader=Link(READER, target("plan_reader", {"chapter": [source.chapter], "section": [source.section]})),
        trajectory=None if series is None else Link(TRAJECTORY, target("trajectories", trajectories.to_query(trajectories.State(series)))),
        box=source.box,
        row=source.row,
        cells=Table(("栏目", "原文"), source.cells),
        observations=_observations(indicator),
        children=_children(indicator),
    )
