"""/report/: 2020年目标完成情况, drawn from lib.views.report_card (no verdict is judged here),
in each language: /report/, /en/report/ and /zh-hant/report/ (issue 27)."""

from __future__ import annotations

from bake.render import Writer
from lib.present import i18n, routes
from lib.views import report_card


def bake_report(writer: Writer) -> None:
    for lang in i18n.LANGS:
        view = report_card.build(report_card.State(lang=lang))
        writer.page(
            i18n.localized(routes.REPORT, lang),
            "report.html",
            lang=lang,
            alternates=i18n.LANGS,
            title=view.title,
            view=view,
            description=view.description,
        )
