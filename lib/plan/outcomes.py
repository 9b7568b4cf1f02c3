"""How 2020 turned out: the official figures found for 专栏2's targets, and the met / not-met rule.

``data/outcomes.csv`` holds one row per figure read from a stored public page:
the value, the sentence it was read in, the URL, the publisher and document,
and whether its basis is the plan's. Nothing in it is estimated; an indicator
with no row has no official figure found (“未找到官方数字”).

The rule, by the target's qualifier (the printed cell's, or the body text's
“左右” when the cell dropped it, as issue 15 §2 asks):

- ＞ must be passed: met only when the figure is above the target.
- ＜ is a ceiling: met only when the figure stays under it.
- a plain number: met when the figure reaches it in the indicator's
  direction (higher is better: at or above; lower is better: at or below).
- “左右” is approximate. Tolerance: ±0.5 percentage point for a share or a
  rate (a target printed as a whole percent, 9 or 50, covers what rounds to
  it), ±2% of the target for a level or a total (the same half-step for a
  level printed to two significant figures, 300 or 2.5万亿). A figure beyond
  the tolerance in the good direction still meets it: 左右 loosens the floor,
  it does not punish overshooting.
- a class (Ⅲ类) is held when the class is that one or cleaner (a lower number).
- a five-year total or five-year average is compared with a figure for the
  same five years, never with one year.

A figure on another basis (全市 where the plan counts 主城区, one year where the
plan counts five, another base population, an unverified 口径) gives
``basis_differs``: it is shown, never called met or missed. One exception
(issue 23 §2), marked in the row (``covers_target``): the quote says the whole
of a population that contains the plan's was reached. 2021's government work
report says “动态识别的190.6万农村贫困人口全部脱贫”; the plan's 【70.6】万 (the
poor still to be lifted out after 2015) are among the dynamically identified, so
all of them were lifted out: met, with the base told in words and the figure
named by the quote's own words (``claim``), never as a 2016–2020 flow of 190.6万.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from lib.plan import data, yearly
from lib.plan.schemas import N_, _text, columns, schema
from lib.plan.validation import DATA_DIR, DataFileError, read_csv, read_once, require_references, validate
from lib.plan.values import ROMAN
from lib.present.numbers import plain

PATH = DATA_DIR / "outcomes.csv"
STATUSES = ("met", "not_met", "basis_differs", "no_figure")
STATUS_LABELS = {"met": "达到", "not_met": "未达到", "basis_differs": "口径不同", "no_figure": "未找到官方数字"}
SOURCE_KINDS = ("publisher", "news", "reprint")
SOURCE_KIND_LABELS = {"publisher": "发布机关网站", "news": "新闻报道", "reprint": "其他网站转载"}
# A figure for 2020, or for the five plan years (a five-year total or average).
PERIODS = ("2020", "2016-2020")
RATE_UNITS = ("%", "‰")
RATE_TOLERANCE = 0.5  # not a plan figure: percentage points either side of a 左右 share or rate
LEVEL_TOLERANCE = 0.02  # not a plan figure: share of the target either side of a 左右 level or total

OUTCOMES = {
    "outcome_id": ("str", _text(unique=True, description=N_("编号"))),
    "indicator_id": ("str", _text(description=N_("专栏2指标"))),
    "period": ("str", _text(PERIODS, description=N_("2020年数，或“十三五”五年的数（累计、年均）"))),
    "value": ("float", pa.Column(float, nullable=True, description=N_("数值；类别（Ⅱ类）为空"))),
    "value_text": ("str", _text(description=N_("原文写法，如“7.2%”“Ⅱ类”"))),
    "unit": ("str", _text(required=False, description=N_("数值单位；比值（2.4∶1）为空"))),
    "basis": ("str", _text(description=N_("统计口径（范围、年份、初步数或修订数）"))),
    "basis_matches_plan": ("bool", pa.Column(bool, description=N_("口径与规划指标一致"))),
    "read_or_derived": ("str", _text(["read", "derived"], description=N_("read 原文读出；derived 由读出的数算出"))),
    "derived_from": ("str", _text(required=False, description=N_("算出的数：由哪些数怎样算出"))),
    "publisher": ("str", _text(description=N_("发布机关"))),
    "document": ("str", _text(description=N_("文件名称"))),
    "short_name": ("str", _text(description=N_("文件简称，图上标作“实际（简称）”，如“2020年统计公报”"))),
    "published": ("str", pa.Column(str, pa.Check.str_matches(r"^\d{4}-\d{2}(-\d{2})?$"), description=N_("发布日期"))),
    "url": ("str", pa.Column(str, pa.Check.str_matches(r"^https?://\S+$"), description=N_("读到这句话的网页"))),
    "quote": ("str", _text(description=N_("原句，照网页原样"))),
    "source_kind": ("str", _text(SOURCE_KINDS, description=N_("publisher 发布机关网站，news 新闻报道，reprint 其他网站转载"))),
    "covers_target": (
        "bool",
        pa.Column(bool, description=N_("原句说包含规划目标人群在内的全体都已达到（“动态识别的…全部脱贫”）：目标实质达到，基数另注")),
    ),
    "claim": ("str", _text(required=False, description=N_("covers_target 为真时：原句中据以判断的那句话，照原样"))),
    "note": ("str", _text(required=False, description=N_("说明"))),
}


@dataclass(frozen=True)
class Target:
    indicator_id: str
    kind: str
    direction: str
    period: str
    value: float
    unit: str
    qualifier: str
    raw: str


@functools.cache
def _targets() -> dict[str, Target]:
    """The 2016–2020 target of every 专栏2 indicator that has one, with the body text's 左右 carried over."""
    indicators = data.load_indicators().set_index("indicator_id")
    observations = data.load_observations()
    approximate = data.load_text_targets().query("qualifier == 'approx'")
    loose = set(zip(approximate.indicator_id, approximate.five_year_total))
    found = {}
    for row in observations[observations.role.eq("target") & observations.indicator_id.str.startswith("t2_")].itertuples():
        indicator = indicators.loc[row.indicator_id]
        qualifier = row.qualifier
        if qualifier == "exact" and (row.indicator_id, row.five_year_total) in loose:
            qualifier = "approx"
        found[row.indicator_id] = Target(
            row.indicator_id, indicator.kind, indicator.direction, row.period, row.value, row.unit, qualifier, row.raw
        )
    return found


def targets() -> dict[str, Target]:
    return dict(_targets())


def read_outcomes(path: Path = PATH) -> pd.DataFrame:
    frame = read_csv(path, columns(OUTCOMES))
    frame = validate(path, frame, schema(OUTCOMES, "outcomes"))
    known = targets()
    require_references(path, frame, "indicator_id", set(known), "专栏2 indicator with a target")
    for index, row in frame.iterrows():
        _check_row(path, index + 2, row, known[row.indicator_id])
    pairs = frame.indicator_id + " " + frame.period
    if pairs.duplicated().any():
        index = int(pairs.duplicated().idxmax())
        raise DataFileError(path, f"a second figure for {pairs[index]!r}; keep one per indicator and period", row=index + 2)
    return frame


def _check_row(path: Path, line: int, row: pd.Series, target: Target) -> None:
    """Provenance and consistency: what was read is in the sentence, and a matching basis really matches."""
    has_value = not pd.isna(row.value)
    if target.kind == "class":
        if row.value_text.rstrip("类") not in ROMAN:
            raise DataFileError(path, f"value_text {row.value_text!r} is not a class such as 'Ⅱ类'", row=line)
    elif not has_value:
        raise DataFileError(path, "column 'value' is empty; only a class may have no number", row=line)
    if row.read_or_derived == "read":
        if row.derived_from:
            raise DataFileError(path, "a value read from the page has no 'derived_from'", row=line)
        if row.value_text not in row.quote:
            raise DataFileError(path, f"value_text {row.value_text!r} is not in the quote", row=line)
        if has_value and plain(row.value) not in row.value_text:
            raise DataFileError(path, f"value {plain(row.value)!r} is not in value_text {row.value_text!r}", row=line)
    elif not row.derived_from:
        raise DataFileError(path, "a derived value must say what it is derived from", row=line)
    if row.covers_target and (not row.claim or row.claim not in row.quote):
        raise DataFileError(path, "covers_target needs its claim, word for word from the quote", row=line)
    if row.claim and not row.covers_target:
        raise DataFileError(path, "a claim is only for a row whose quote covers the target (covers_target)", row=line)
    if row.basis_matches_plan and (row.period != target.period or row.unit != target.unit):
        raise DataFileError(
            path,
            f"basis_matches_plan is true but the target is {target.period} in {target.unit!r}, the figure {row.period} in {row.unit!r}",
            row=line,
        )


load_outcomes = read_once(read_outcomes)


# The table in the form of lib.plan.data.TABLES (title, schema, loader), for the methods page.
TABLES = {"outcomes": ("2020年实际结果（官方数字）", OUTCOMES, load_outcomes), **yearly.TABLES}
