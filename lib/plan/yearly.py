"""The years between 2015 and 2020 as reported: ``data/yearly_figures.csv`` (issue 23).

One row per figure read from a stored public page: the year, the value and the
words it was read in, the release (first published or revised), the publisher,
document, date, URL and the sentence as stored. Nothing is estimated and no
gap is filled: a year with no row has no figure found.

Rules, checked on load:

- the value is in its words, and the words are in the quote;
- one figure per indicator, measure and year;
- a series (one indicator and measure) is of one release: first-published and
  revised figures (GDP was revised after the 2018 economic census) are never mixed;
- the unit is the indicator's (亿元 for GDP's level, % for a share or a growth rate).

A series is drawn as points; a line joins them only where every year 2016–2020
is read (``complete``), never through a gap.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.plan import data
from lib.plan.schemas import N_, _text, columns, schema
from lib.plan.validation import DATA_DIR, DataFileError, read_csv, read_once, require_references, validate
from lib.present.numbers import plain

PATH = DATA_DIR / "yearly_figures.csv"
YEARS = (2016, 2017, 2018, 2019, 2020)
# What a figure measures: a level (GDP at current prices), the real growth over the year
# before, a share (%), or the amount of one year (城镇新增就业 in 万人).
MEASURES = ("level", "real_growth", "share", "yearly_amount")
MEASURE_LABELS = {"level": "水平", "real_growth": "比上年实际增长", "share": "比重", "yearly_amount": "当年数"}
RELEASES = ("first_published", "revised")
RELEASE_LABELS = {"first_published": "初次公布", "revised": "修订后"}
SOURCE_KINDS = ("publisher", "news", "reprint")
SOURCE_KIND_LABELS = {"publisher": "发布机关或其报纸原页", "news": "新闻报道", "reprint": "其他网站转载"}

YEARLY = {
    "figure_id": ("str", _text(unique=True, description=N_("编号"))),
    "indicator_id": ("str", _text(description=N_("所属指标（专栏1或专栏2）"))),
    "year": ("int", pa.Column("Int64", pa.Check.isin(list(YEARS)), description=N_("年份，2016—2020"))),
    "measure": ("str", _text(MEASURES, description=N_("level 水平，real_growth 比上年实际增长，share 比重，yearly_amount 当年数"))),
    "value": ("float", pa.Column(float, description=N_("数值"))),
    "value_text": ("str", _text(description=N_("原文写法，如“10.7%”“7.4:44.2:48.4”"))),
    "unit": ("str", _text(description=N_("单位，与指标相同"))),
    "release": ("str", _text(RELEASES, description=N_("first_published 初次公布（初步核算、预计），revised 修订后"))),
    "basis": ("str", _text(description=N_("口径（范围、价格、初步或修订）"))),
    "publisher": ("str", _text(description=N_("发布机关"))),
    "document": ("str", _text(description=N_("文件名称"))),
    "published": ("str", pa.Column(str, pa.Check.str_matches(r"^(\d{4}-\d{2}-\d{2})?$"), description=N_("发布日期；页面未写则空"))),
    "url": ("str", pa.Column(str, pa.Check.str_matches(r"^https?://\S+$"), description=N_("读到这句话的网页"))),
    "quote": ("str", _text(description=N_("原句，照网页原样"))),
    "source_kind": ("str", _text(SOURCE_KINDS, description=N_("publisher 发布机关或其报纸原页，news 新闻报道，reprint 其他网站转载"))),
    "note": ("str", _text(required=False, description=N_("说明"))),
}


def read_yearly_figures(path: Path = PATH) -> pd.DataFrame:
    frame = read_csv(path, columns(YEARLY))
    frame = validate(path, frame, schema(YEARLY, "yearly_figures"))
    indicators = data.load_indicators().set_index("indicator_id")
    require_references(path, frame, "indicator_id", set(indicators.index), "indicator")
    for index, row in frame.iterrows():
        line = index + 2
        if row.value_text not in row.quote:
            raise DataFileError(path, f"value_text {row.value_text!r} is not in the quote", row=line)
        if plain(row.value) not in row.value_text:
            raise DataFileError(path, f"value {plain(row.value)!r} is not in value_text {row.value_text!r}", row=line)
        if row.unit != indicators.loc[row.indicator_id, "unit"]:
            raise DataFileError(path, f"unit {row.unit!r} is not the indicator's {indicators.loc[row.indicator_id, 'unit']!r}", row=line)
    keys = frame.indicator_id + " " + frame.measure + " " + frame.year.astype(str)
    if keys.duplicated().any():
        index = int(keys.duplicated().idxmax())
        raise DataFileError(path, f"a second figure for {keys[index]!r}; keep one per indicator, measure and year", row=index + 2)
    releases = frame.groupby(["indicator_id", "measure"]).release.nunique()
    if (releases > 1).any():
        indicator_id, measure = releases[releases > 1].index[0]
        raise DataFileError(path, f"{indicator_id} {measure} mixes first-published and revised figures; keep one release per series")
    return frame


load_yearly_figures = read_once(read_yearly_figures)


def series(indicator_id: str, measure: str | None = None) -> pd.DataFrame:
    """The reported years of one indicator (and measure), in year order."""
    frame = load_yearly_figures()
    rows = frame[frame.indicator_id == indicator_id]
    if measure is not None:
        rows = rows[rows.measure == measure]
    return rows.sort_values("year").reset_index(drop=True)


def complete(rows: pd.DataFrame) -> bool:
    """Every year 2016–2020 is read: only then may a line join the points."""
    return set(rows.year) == set(YEARS) and rows.measure.nunique() == 1


@functools.cache
def reported_growth() -> tuple[tuple[int, float, str], ...]:
    """GDP's real growth year by year as first published: (year, % a year, source), for the studio's preset.

    2016 10.7, 2017 9.3, 2018 6.0, 2019 6.3, 2020 3.9; empty unless all five years are read.
    """
    rows = series("t2_gdp_growth", "real_growth")
    if not complete(rows):
        return ()
    return tuple((int(r.year), float(r.value), f"{r.publisher}《{r.document}》") for r in rows.itertuples())


def source_words(row) -> str:
    """publisher《document》，date（kind）, for a tooltip or a table."""
    date = f"，{row.published}" if row.published else ""
    return f"{row.publisher}《{row.document}》{date}（{SOURCE_KIND_LABELS[row.source_kind]}）"


# The table in the form of lib.plan.data.TABLES (title, schema, loader), for the methods page.
TABLES = {"yearly_figures": ("2016—2020年逐年公布数", YEARLY, load_yearly_figures)}
