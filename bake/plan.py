"""规划原文 by chapter: the plan reader's View of each chapter, one page each, its sections as anchors."""

from __future__ import annotations

from bake.render import Writer
from lib.present import routes
from lib.views import plan_reader


def bake_plan(writer: Writer) -> None:
    index = plan_reader.build(plan_reader.State())
    chapters = index.chapter_links
    writer.page(routes.PLAN, "plan_index.html", title=index.title, view=index)
    for number, (code, link) in enumerate(zip(index.chapter_codes, chapters), start=1):
        view = plan_reader.build(plan_reader.parse(link.target.params()))
        writer.page(
            routes.static_path(link.target),
            "plan_chapter.html",
            title=f"{link.label} · {index.title}",
            view=view,
            label=link.label,
            previous=chapters[number - 2] if number > 1 else None,
            next=chapters[number] if number < len(chapters) else None,
            app_query=plan_reader.to_query(plan_reader.State(chapter=code)),
        )
