"""数据更新记录: what changed in data/ from one edition to the next (lib.plan.changes), newest first.

The static edition's page /changes/ and its Atom feed /changes.atom draw this View; the
record itself is data/changes.csv and data/editions.csv, written by
``python -m lib.plan.changes --date …`` (docs/data.md). Each changed cell is shown as it is
in the file, old and new, with the source the changed row names. Its one URL key is the
reader's language (``lang``, issue 27): the page's words from the catalogs, indicator names
from the glossary; what the files hold (the cells, the sources, the editions' notes) stays as
recorded, in 简体, and the View says so (``record_lang``) so each renderer marks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.plan import changes, data
from lib.present import routes
from lib.present.blocks import Block, Link, Table, paragraph, target
from lib.present.edition import MONTHS
from lib.present.i18n import DEFAULT, EN, N_, ZH_CN, gettext, hant, term
from lib.views import indicators
from lib.views import query as q
from lib.views.query import Notice, Query

HEADERS = (N_("文件"), N_("行"), N_("指标"), N_("列"), N_("原值"), N_("新值"), N_("新值出处"))
# The record's own words for a whole row (lib.plan.changes), shown in the page's language.
ADDED, REMOVED = N_("新增一行"), N_("删除此行")
# The cells that are the record as written (old and new values, the source): a renderer marks them 简体.
RECORDED = (HEADERS.index("原值"), HEADERS.index("新值"), HEADERS.index("新值出处"))


@dataclass(frozen=True)
class State:
    lang: str = DEFAULT
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Edition:
    iso: str  # 2026-12-07, the feed's date and the page's anchor
    date: str  # 2026年12月7日
    note: str  # as recorded in data/editions.csv (简体)
    summary: str  # “本版记录 3 处改动。”
    changes: Table
    heading: str = ""  # “2026年12月7日版”


@dataclass(frozen=True)
class View:
    title: str
    intro: tuple[Block, ...]
    editions: tuple[Edition, ...]  # newest first
    notices: tuple[Notice, ...] = ()
    lang: str = DEFAULT
    # The language the record is shown in (the 简体 it is written in), where it is not the page's.
    record_lang: str = ""
    subscribe: str = "订阅 Atom 源"
    row_words: tuple[str, ...] = (ADDED, REMOVED)  # a whole row added or removed, in the page's language (not the record's)


def parse(query: Query) -> State:
    notices: list[Notice] = []
    lang = q.language(query, notices)
    q.unknown_keys(query, (q.LANG,), notices)
    return State(lang=lang, notices=tuple(notices))


def to_query(state: State) -> dict[str, list[str]]:
    return q.query_of([(q.LANG, state.lang, DEFAULT)])


def chinese_date(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"


def date_in(iso: str, lang: str) -> str:
    """2026-12-07 as 2026年12月7日, 7 December 2026 (as lib.present.edition dates the data) or 繁體."""
    if lang == EN:
        year, month, day = (int(part) for part in iso.split("-"))
        return f"{day} {MONTHS[month - 1]} {year}"
    return hant(chinese_date(iso)) if lang != ZH_CN else chinese_date(iso)


def _table(rows: list[dict], lang: str = ZH_CN) -> Table:
    _ = gettext(lang)
    names = dict(zip(data.load_indicators().indicator_id, data.load_indicators().name_zh))
    meanings = changes.column_meanings() if rows else {}
    whole_row = {ADDED: _(ADDED), REMOVED: _(REMOVED)}
    cells, links = [], []
    for row in rows:
        indicator, field = row["indicator_id"], row["field"]
        # The column's meaning: the first words of its description in the data dictionary, in the page's language.
        description = meanings.get((row["file"], field), "")
        meaning = re.split(r"[；，：（(;:]", _(description))[0].strip() if description else ""
        column = field
        if meaning and field:
            column = f"{meaning[:1].upper()}{meaning[1:]} ({field})" if lang == EN else f"{meaning}（{field}）"
        name = term(names[indicator], "indicator", lang) if indicator in names else ""
        old, new = (whole_row.get(row[key], row[key]) for key in ("old", "new"))
        cells.append((row["file"], row["row"], name, column, old, new, row["source"]))
        links.append(
            Link(name, routes.with_lang(target("indicators", indicators.to_query(indicators.State(row=indicator))), lang)) if name else None
        )
    return Table(tuple(map(_, HEADERS)), tuple(cells), links=tuple(links) if any(links) else ())


def build(state: State) -> View:
    lang = state.lang
    _ = gettext(lang)
    recorded = changes.load_changes()
    editions = []
    for edition in reversed(changes.load_editions().to_dict("records")):
        rows = recorded[recorded.edition == edition["edition"]].to_dict("records")
        summary = _("本版记录 {count} 处改动。").format(count=len(rows)) if rows else _("本版没有改动的数据。")
        date = date_in(edition["edition"], lang)
        heading = _("{date}版").format(date=date)
        editions.append(Edition(edition["edition"], date, edition["note"], summary, _table(rows, lang), heading))
    intro = (
        paragraph(
            _(
                "本页列出每一版数据相对上一版改了什么：哪个文件、哪一行、哪一列，原值与新值，以及新值的出处。"
                "记录由命令生成并随数据一起保存，不是手写的；新增或删除整行时，“列”为空。"
            )
        ),
        paragraph(_("订阅：本页的 Atom 源 /changes.atom，有新版次时阅读器会收到。")),
    )
    if lang != ZH_CN:
        intro += (paragraph(_("原值、新值、出处与各版说明照数据文件的记录（简体中文）列出；Atom 源只有简体中文一种。")),)
    return View(
        title=_("数据更新记录"),
        intro=intro,
        editions=tuple(editions),
        notices=state.notices,
        lang=lang,
        record_lang="" if lang == ZH_CN else ZH_CN,
        subscribe=_("订阅 Atom 源"),
        row_words=(_(ADDED), _(REMOVED)),
    )
