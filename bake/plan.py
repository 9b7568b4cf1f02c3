"""规划原文 by chapter: the plan reader's View of each chapter, one page each, its sections as anchors,
in each language (issue 27): /plan/, /en/plan/ and /zh-hant/plan/ with the same paths below them. The
plan's text itself stays as published, in 简体, on every one of them (the View's ``text_lang``)."""

from __future__ import annotations

from bake.render import Writer
from lib.present import i18n, routes
from lib.views import plan_reader


def bake_plan(writer: Writer) -> None:
    for lang in i18n.LANGS:
        bake_language(writer, lang)


def bake_language(writer: Writer, lang: str) -> None:
    index = plan_reader.build(plan_reader.State(lang=lang))
    chapters = index.chapter_links
    pages = {"lang": lang, "alternates": i18n.LANGS, "search_url": i18n.localized(routes.SEARCH, lang)}
    writer.page(i18n.localized(routes.PLAN, lang), "plan_index.html", title=index.title, view=index, **pages)
    for number, (code, link) in enumerate(zip(index.chapter_codes, chapters), start=1):
        view = plan_reader.build(plan_reader.parse(link.target.params()))
        writer.page(
            routes.static_path(link.target),
            "plan_chapter.html",
            title=f"{link.label} · {index.title}",
            view=view,
            label=link.label,
            original=(view.chapter_originals or {}).get(code, ""),
            previous=chapters[number - 2] if number > 1 else None,
            next=chapters[number] if number < len(chapters) else None,
            app_query=plan_reader.to_query(plan_reader.State(chapter=code, lang=lang)),
            **pages,
        )
