"""页面不存在: what a mistyped or outdated address opens, in both editions, with the way home.

It has no State but the reader's language (issue 27): whatever the address asked for, the
page says the same, in 简体, English or 繁體. The app reads the language from the URL
(``?lang=en``); the static edition bakes one page per language folder (/404.html,
/en/404.html, /zh-hant/404.html), and nginx serves each folder's own (deploy/nginx.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.present import routes
from lib.present.blocks import Block, Link, Target, paragraph
from lib.present.i18n import DEFAULT, N_, gettext

# The app's pages a lost reader is offered, in the navigation's order (app.py).
PAGES = (
    ("indicators", N_("指标总览")),
    ("trajectories", N_("指标轨迹")),
    ("scenarios", N_("情景推演")),
    ("zones_map", N_("功能区域地图")),
    ("plan_reader", N_("规划原文")),
    ("methods", N_("数据与方法")),
)


@dataclass(frozen=True)
class View:
    title: str
    text: tuple[Block, ...]
    home: Link
    pages_heading: str
    pages: tuple[Link, ...]
    lang: str = DEFAULT


def build(lang: str = DEFAULT) -> View:
    _ = gettext(lang)
    return View(
        title=_("页面不存在"),
        text=(paragraph(_("您打开的地址不是本站的页面，可能是输入有误，或链接已经过时。")),),
        home=Link(_("回到概览"), routes.with_lang(Target("overview"), lang)),
        pages_heading=_("本站的页面："),
        pages=tuple(Link(_(label), routes.with_lang(Target(page), lang)) for page, label in PAGES),
        lang=lang,
    )
