"""Other names people search an indicator by: 研发投入强度, R&D, 城镇化率 … (``data/aliases.csv``).

The plan prints long official names (研究与试验发展经费支出占地区生产总值比重);
officials, the press and the overview's cards say 研发投入强度 or R&D. Each row
of the table names one alias, one indicator it means and why, so a search for
the alias finds that row. One alias may mean several indicators (城镇化率: 专栏1's
常住人口城镇化率 and 专栏2's 户籍人口城镇化率), each on a row of its own.

``indicators_matching`` is the one search rule: 指标总览's search box uses it,
and the studio's indicator search can call it too.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.plan import data
from lib.plan.schemas import N_, _text, columns, schema
from lib.plan.validation import DATA_DIR, read_csv, read_once, require_references, validate

PATH = DATA_DIR / "aliases.csv"
ALIASES = {
    "alias": ("str", _text(description=N_("别名：人们常用的叫法，如“研发投入强度”“R&D”"))),
    "indicator_id": ("str", _text(description=N_("所指的指标（indicators.csv）"))),
    "why": ("str", _text(description=N_("出处或理由：这个叫法从哪里来，为什么指这项指标"))),
}
# One alias names one indicator once.
_UNIQUE_PAIR = pa.Check(lambda frame: ~frame.duplicated(["alias", "indicator_id"]), name="unique alias and indicator")


def read_aliases(path: Path = PATH) -> pd.DataFrame:
    frame = read_csv(path, columns(ALIASES))
    frame = validate(path, frame, schema(ALIASES, "aliases", checks=[_UNIQUE_PAIR]))
    require_references(path, frame, "indicator_id", set(data.load_indicators().indicator_id), "indicator")
    return frame


load_aliases = read_once(read_aliases)


@functools.cache
def _pairs() -> tuple[tuple[str, str], ...]:
    frame = load_aliases()
    return tuple((alias.casefold(), indicator) for alias, indicator in zip(frame.alias, frame.indicator_id))


def indicators_matching(words: str) -> tuple[str, ...]:
    """The indicators an alias names, for search words that are part of the alias.

    Case does not matter (r&d finds R&D); “研发” finds 研发投入强度's indicators.
    Not the other way round: an alias inside longer words (森林 in 森林覆盖率)
    would bring back rows the words were written to leave out. Empty words
    match nothing: the caller shows every row then.
    """
    wanted = words.strip().casefold()
    if not wanted:
        return ()
    found = [indicator for alias, indicator in _pairs() if wanted in alias]
    return tuple(dict.fromkeys(found))


def aliases_of(indicator_id: str) -> tuple[str, ...]:
    """Every alias of one indicator, in the table's order (for a search index or a tooltip)."""
    frame = load_aliases()
    return tuple(frame.alias[frame.indicator_id == indicator_id])


# The table in the form of lib.plan.data.TABLES (title, schema, loader), for the methods page.
TABLES = {"aliases": ("指标别名（搜索用）", ALIASES, load_aliases)}
