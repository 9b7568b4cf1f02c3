"""/embed/indicator/<id>/: a card another site may frame (the chart, the key numbers, the source, a link back),
and each indicator's share image (bake/share.py).

The only pages served with ``frame-ancestors *`` (bake/serve.py, deploy/nginx.py render_static);
every other page keeps 'none'. The chart is the indicator page's own bake-time SVG, so the card
draws with no script at all.
"""

from __future__ import annotations

from bake import pages, share
from bake.render import Writer
from lib.present import i18n, routes

PREFIX = "/embed/indicator/"


def url(indicator: str) -> str:
    return f"{PREFIX}{indicator}/"


def bake_embeds(writer: Writer, ids: list[str]) -> None:
    for indicator in ids:
        table_view, trajectory = pages.indicator_views(indicator)
        detail = table_view.detail
        writer.file(share.url(indicator), share.png(detail))
        for lang in i18n.LANGS[1:]:  # the same card in English and 繁體, beside each language's page (issue 27)
            writer.file(share.url(indicator, lang), share.png(share.detail_in(indicator, lang) or detail, lang))
        page = routes.indicator(indicator)
        chart = None
        if trajectory is not None and trajectory.chart is not None and writer.path(f"{page}chart.svg").is_file():
            chart = {"svg": f"{page}chart.svg", "alt": trajectory.chart.alt, "readout": pages.trajectory_readout(trajectory.indicator)}
        writer.page(
            url(indicator),
            "embed.html",
            title=f"{detail.title}（{detail.box}·{detail.row}）· 嵌入",
            detail=detail,
            chart=chart,
            page_url=page,
            source_title=pages.SOURCE,
            description=f"{detail.title}：{detail.printed.removeprefix('原表本行：')}",
        )
