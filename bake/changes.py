"""数据更新记录 (/changes/) and its Atom feed (/changes.atom), both drawn from lib.views.changes.

The page is baked in each language (/en/changes/, /zh-hant/changes/, issue 27); the feed is one,
in 简体: its entries are the record itself (the changed cells, sources and notes as the files hold
them, in 简体), so an English feed would repeat the same Chinese entries under other titles, and a
reader subscribes once, whichever page they found it on (the translated pages say so).

The feed has one entry per edition, dated by the edition (never by the bake), so baking the
same data twice writes the same feed. Atom wants absolute ids and links: with the public base
URL (--site-url) they are the page's address; without one, tag: ids and the site's own paths.
"""

from __future__ import annotations

import datetime

from feedgen.feed import FeedGenerator

from bake.render import Writer
from lib.present import i18n
from lib.views import changes

PAGE, FEED = "/changes/", "/changes.atom"
CHINA = datetime.timezone(datetime.timedelta(hours=8))


def _moment(iso: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(iso).replace(tzinfo=CHINA)


def _line(row: tuple) -> str:
    """One change as a line: file, row (indicator), column: old → new; source. A whole row: 新增一行 / 删除此行."""
    file, row_id, indicator, column, old, new, source = row
    where = f"{file} {row_id}" + (f"（{indicator}）" if indicator else "")
    what = f"{column}：{old or '（空）'} → {new or '（空）'}" if column else (new or old)
    return f"{where} {what}；出处：{source}" if source else f"{where} {what}"


def feed(view: changes.View, site_url: str) -> bytes:
    page = site_url + PAGE
    generator = FeedGenerator()
    generator.id(page if site_url else "tag:cq-plan-dashboard,2026:changes")
    generator.title(f"{view.title} · 重庆“十三五”规划纲要")
    generator.subtitle("数据每更新一版，列出改了哪些数字、原值与新值和新值的出处。")
    generator.language("zh-CN")
    generator.link(href=page, rel="alternate", type="text/html")
    generator.link(href=site_url + FEED, rel="self", type="application/atom+xml")
    generator.updated(_moment(view.editions[0].iso) if view.editions else _moment("2016-02-01"))
    for edition in reversed(view.editions):  # feedgen puts the last added first
        entry = generator.add_entry()
        entry.id(f"{page}#v{edition.iso}" if site_url else f"tag:cq-plan-dashboard,2026:changes:{edition.iso}")
        entry.title(f"{edition.date}版：{edition.summary.removesuffix('。')}")
        entry.link(href=f"{page}#v{edition.iso}", rel="alternate", type="text/html")
        entry.updated(_moment(edition.iso))
        lines = [edition.summary, edition.note, *(_line(row) for row in edition.changes.rows)]
        entry.content("\n".join(line for line in lines if line), type="text")
    return generator.atom_str(pretty=True)


def bake_changes(writer: Writer) -> None:
    for lang in i18n.LANGS:
        view = changes.build(changes.State(lang=lang))
        writer.page(i18n.localized(PAGE, lang), "changes.html", lang=lang, alternates=i18n.LANGS, title=view.title, view=view)
    writer.file(FEED, feed(changes.build(changes.State()), writer.site_url))
