"""What every page of the public edition says about itself: the data's date and its share text.

The date is the newest publication date recorded in data/ (the 2020 figures and
the yearly figures each carry the date of the document they were read from),
never the day of the bake: baking the same data twice gives the same pages.
"""

from __future__ import annotations

import functools

import pandas as pd

from lib.plan import outcomes, yearly
from lib.present.i18n import N_

SITE_NAME = N_("重庆“十三五”规划纲要 · 指标与目标")
DESCRIPTION = N_(
    "《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）的全部指标与目标：数值照原文，"
    "每个数字附出处，计算所需速度与难度，并列出2020年能找到的官方数字。"
)


@functools.cache
def _newest() -> tuple[int, ...]:
    dates = pd.concat([outcomes.load_outcomes().published, yearly.load_yearly_figures().published])
    return max(tuple(int(p) for p in d.split("-")) for d in dates if isinstance(d, str) and d)


def data_date() -> str:
    """The newest date a figure in data/ was published, as 2023年9月1日 (a month alone as 2023年9月)."""
    parts = _newest()
    return f"{parts[0]}年{parts[1]}月" + (f"{parts[2]}日" if len(parts) > 2 else "")


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def data_date_in(lang: str) -> str:
    """``data_date`` in ``lang``: 1 September 2023 (or September 2023) in English; 简体 and 繁體 read alike."""
    if lang != "en":
        return data_date()
    parts = _newest()
    return (f"{parts[2]} " if len(parts) > 2 else "") + f"{MONTHS[parts[1] - 1]} {parts[0]}"


def data_date_iso() -> str:
    """The same date for machines (sitemap lastmod, datapackage ``created``): 2023-09-01."""
    parts = (*_newest(), 1)[:3]
    return "{:04d}-{:02d}-{:02d}".format(*parts)


def describe(text: str, limit: int = 120) -> str:
    """A page's share description: its own words on one line, cut to ``limit`` characters with “…”."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
