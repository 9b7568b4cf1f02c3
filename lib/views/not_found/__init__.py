"""页面不存在: what a mistyped or outdated address opens, in both editions, with the way home.

It has no State: whatever the address asked for, the page says the same.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.present.blocks import Block, Link, Target, paragraph

# The app's pages a lost reader is offered, in the navigation's order (app.py).
PAGES = (
    ("indicators", "指标总览"),
    ("trajectories", "指标轨迹"),
    ("scenarios", "情景推演"),
    ("zones_map", "功能区域地图"),
    ("plan_reader", "规划原文"),
    ("methods", "数据与方法"),
)


@dataclass(frozen=True)
class View:
    title: str
    text: tuple[Block, ...]
    home: Link
    pages_heading: str
    pages: tuple[Link, ...]


def build() -> View:
    return View(
        title="页面不存在",
        text=(paragraph("您打开的地址不是本站的页面，可能是输入有误，或链接已经过时。"),),
        home=Link("回到概览", Target("overview")),
        pages_heading="本站的页面：",
        pages=tuple(Link(label, Target(page)) for page, label in PAGES),
    )
