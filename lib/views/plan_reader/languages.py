"""The plan reader's own words in each language (issue 27): chapter and section names, breadcrumbs.

The plan's text is never translated: it is quoted as published, in 简体. What
the reader names around it is: a chapter by the glossary's chapter row
(“Chapter 11: Accelerating the Interconnection of Infrastructure”), a section by
its place (“Section 3”; its printed title stays beside it, in 简体), and in 繁體
both converted by OpenCC.
"""

from __future__ import annotations

from lib.plan import search
from lib.present import routes
from lib.present.i18n import EN, ZH_CN, ZH_HANT, gettext, hant, term


def _title(label: str) -> str:
    """第十一章 加快推进基础设施互联互通 → 加快推进基础设施互联互通 (the glossary's term)."""
    return label.split(" ", 1)[1] if " " in label else label


def chapter_label(code: str, lang: str) -> str:
    """第十一章 → “Chapter 11: Accelerating …” (English), the 繁體 label, or the label as printed."""
    label = dict(search.chapter_choices())[code]
    if lang == EN:
        return term(_title(label), "chapter", lang)
    return hant(label) if lang == ZH_HANT else label


def section_number(chapter: str, section: str) -> int:
    return [code for code, _ in search.section_choices(chapter)].index(section) + 1


def section_label(chapter: str, section: str, lang: str) -> str:
    """第三节 → “Section 3” (its printed title beside it: ``originals``), 繁體, or as printed."""
    label = dict(search.section_choices(chapter))[section]
    if lang == EN:
        _ = gettext(lang)
        return _("第{number}节").format(number=section_number(chapter, section))
    return hant(label) if lang == ZH_HANT else label


def where(chapter: str, section: str, lang: str) -> str:
    """第十一章第二节 → “Chapter 11, Section 2”."""
    if lang != EN:
        return (hant if lang == ZH_HANT else str)(chapter + section)
    _ = gettext(lang)
    words = _("第{number}章").format(number=routes.chapter_number(chapter))
    return words + (", " + section_label(chapter, section, lang) if section else "")


def breadcrumb(row: dict, lang: str) -> str:
    """Where a search hit stands: 推进创新发展 › 第三章 … › 第四节 … › 专栏4, in ``lang`` (English leaves out the 篇)."""
    if lang == ZH_CN:
        return search.breadcrumb(row)
    if lang == ZH_HANT:
        return hant(search.breadcrumb(row))
    _ = gettext(lang)
    parts = [chapter_label(row["chapter"], lang)]
    if row["section"]:
        parts.append(section_label(row["chapter"], row["section"], lang))
    if row.get("box"):
        parts.append(_("专栏{number}").format(number=row["box"].removeprefix("专栏")))
    return " › ".join(parts)


def originals(labels: dict[str, str], lang: str) -> dict[str, str]:
    """Each code's label as printed, in 简体, where the page shows it in English (beside the English); else none."""
    return dict(labels) if lang == EN else {}
