"""规划原文 by chapter: the plan reader's View of each chapter, one page each, its sections as anchors."""

from __future__ import annotations

from bake import links
from bake.render import Writer
from lib.views import plan_reader

HEADING = "#### "  # how lib.plan.search.reading_blocks marks a section's heading


def _anchored(view: plan_reader.View, chapter: str) -> list[tuple[str, str, str]]:
    """The View's blocks as (kind, text, anchor); a section's heading carries its anchor."""
    result = []
    for kind, text in view.blocks:
        anchor = ""
        if kind == "heading":
            title = text.removeprefix(HEADING)
            code = next((c for c in view.section_codes if c and title.startswith(c)), "")
            anchor = links.section_anchor(chapter, code) if code else ""
        result.append((kind, text, anchor))
    return result


def bake_plan(writer: Writer) -> None:
    index = plan_reader.build(plan_reader.State())
    chapters = [(code, index.chapter_labels[code], links.plan(code)) for code in index.chapter_codes]
    writer.page(links.PLAN, "plan_index.html", title=index.title, view=index, chapters=chapters)
    for number, (code, label, url) in enumerate(chapters, start=1):
        view = plan_reader.build(plan_reader.State(chapter=code))
        writer.page(
            url,
            "plan_chapter.html",
            title=f"{label} · {index.title}",
            view=view,
            label=label,
            blocks=_anchored(view, code),
            sections=[(links.section_anchor(code, s), view.section_labels[s]) for s in view.section_codes if s],
            previous=chapters[number - 2] if number > 1 else None,
            next=chapters[number] if number < len(chapters) else None,
            app_query=plan_reader.to_query(plan_reader.State(chapter=code)),
        )
