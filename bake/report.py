"""/report/: 2020年目标完成情况, drawn from lib.views.report_card (no verdict is judged here)."""

from __future__ import annotations

from bake.render import Writer
from lib.present import routes
from lib.views import report_card


def bake_report(writer: Writer) -> None:
    view = report_card.build(report_card.State())
    counts = "，".join(f"{row[0]} {row[-1]} 项" for row in view.counts.rows[:-1])
    writer.page(
        routes.REPORT,
        "report.html",
        title=view.title,
        view=view,
        description=f"重庆“十三五”规划专栏2的 {view.total} 项目标到2020年完成得怎样：{counts}。每项附官方数字与出处。",
    )
