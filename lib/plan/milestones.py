"""What the body text adds to a table indicator's target: milestones, yearly floors, qualifiers.

专栏1 and 专栏2 print bare cells (9, 50, 【300】); the text around them says
how to read them (9%左右, 每年…以上, 比2010年翻一番). This module reads
``data/text_targets.csv`` for those meanings, so the charts and tables can
show them without writing a plan figure in code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from lib.plan import data
from lib.plan.targets import target_obs_id

PLAN_START, PLAN_END = 2016, 2020


@functools.cache
def _text_targets() -> pd.DataFrame:
    return data.load_text_targets()


@functools.cache
def _observations() -> pd.DataFrame:
    return data.load_observations().set_index("obs_id")


def years_covered(year: int, year_basis: str) -> tuple[int, ...]:
    """The years a text target holds for: every year of the plan for a yearly floor, else its own."""
    if year_basis == "each_year":
        return tuple(range(PLAN_START, year + 1))
    return (year,)


def text_qualifiers(indicator_id: str) -> tuple[tuple[str, str], ...]:
    """(target_id, qualifier) of every numeric text target that restates the indicator's 2020 target."""
    frame = _text_targets()
    rows = frame[(frame.indicator_id == indicator_id) & (frame.target_type == "number") & (frame.year == PLAN_END)]
    return tuple(zip(rows.target_id, rows.qualifier))


@functools.cache  # a bool-mask filter of text_targets per call; asked for every row by every pace
def effective_qualifier(indicator_id: str) -> str:
    """How to read the indicator's 2020 target: the printed qualifier, unless the text says more.

    专栏2 prints "9" where 第一章第三节 says "9%左右": the printed cell stays as
    printed (observations.csv) and this returns "approx". A plain cell restated
    with 以上 gives "at_least" (森林覆盖率 46 and "保持在46%以上"). Texts that
    disagree with each other are a data error, not a choice made here.
    """
    observations = _observations()
    obs_id = target_obs_id(indicator_id, observations.index)
    printed = observations.loc[obs_id, "qualifier"] if obs_id else "exact"
    if printed != "exact":
        return printed
    said = {qualifier for _, qualifier in text_qualifiers(indicator_id)} - {"exact"}
    if len(said) > 1:
        raise ValueError(f"the text reads {indicator_id}'s target in several ways: {sorted(said)}")
    return said.pop() if said else "exact"


@dataclass(frozen=True)
class YearlyFloor:
    """A level the text asks for in every year, not only in 2020."""

    target_id: str
    indicator_id: str
    raw: str  # "100亿美元以上", as printed
    value: float
    unit: str
    qualifier: str
    years: tuple[int, ...]
    where: str = ""  # 第二十七章, 第二十四章第二节
    clause: str = ""  # the sentence from its 每年 to the figure: “每年新增就业稳定在60万人左右”


def yearly_floors(indicator_id: str) -> tuple[YearlyFloor, ...]:
    frame = _text_targets()
    rows = frame[(frame.indicator_id == indicator_id) & (frame.year_basis == "each_year")]
    return tuple(
        YearlyFloor(
            r.target_id,
            r.indicator_id,
            r.raw,
            float(r.value),
            r.unit,
            r.qualifier,
            years_covered(int(r.year), r.year_basis),
            f"{r.chapter}{r.section if isinstance(r.section, str) else ''}",
            _yearly_clause(r.sentence, r.raw),
        )
        for r in rows.itertuples()
    )


def _yearly_clause(sentence: str, raw: str) -> str:
    """“确保每年新增就业稳定在60万人左右” → “每年新增就业稳定在60万人左右”; the clause around 每年 and the figure."""
    end = sentence.index(raw) + len(raw)
    start = max(sentence.rfind(mark, 0, end) for mark in ("，", "；", "。")) + 1
    return sentence[start:end].removeprefix("确保")


@dataclass(frozen=True)
class Doubling:
    """翻一番: the level an indicator must reach by ``year``, twice its ``base_year`` level."""

    target_id: str
    indicator_id: str
    year: int
    base_year: int
    base_value: float
    factor: float
    level: float  # factor × base_value, in the indicator's unit
    unit: str
    price_basis: str  # of the base level: "current" for money (专栏1 备注1)
    comparable: bool  # False when the base year's 口径 differs from the latest printed level's
    caveat: str  # why the check is not straightforward, in Chinese; "" if it is
    # The comparable-price reading (issue 23 §4): a doubling is read in real terms, as an index
    # built from the published real growth of 2011–2015; None where none is published as real.
    real_growth: float | None = None  # % a year, 2011–2015, as 专栏1 prints it
    real_index: float | None = None  # the 2015 level as a multiple of the base year's, at comparable prices
    real_pace_needed: float | None = None  # % a year of real growth from 2015 to ``year`` to reach ``factor``


def doublings(indicator_id: str | None = None) -> tuple[Doubling, ...]:
    """Every doubling target (of ``indicator_id``, or all), checked against the printed base level."""
    frame = _text_targets()
    rows = frame[frame.target_type == "doubling"]
    if indicator_id is not None:
        rows = rows[rows.indicator_id == indicator_id]
    observations = _observations()
    units = data.load_indicators().set_index("indicator_id").unit
    result = []
    for r in rows.itertuples():
        base = observations.loc[f"{r.indicator_id}.{r.base_year}.actual"]
        latest = observations.loc[f"{r.indicator_id}.2015.actual"]
        comparable = base.basis == latest.basis
        caveats = []
        if not comparable:
            caveats.append(f"{r.base_year}年为{base.basis}，2015年为{latest.basis}，不可直接比较")
        if base.price_basis == "current":
            caveats.append("基数为当年价；原文未说明按现价还是可比价翻番")
        real = _real_reading(r.indicator_id, int(r.base_year), int(r.year), float(r.value), observations)
        result.append(
            Doubling(
                r.target_id,
                r.indicator_id,
                int(r.year),
                int(r.base_year),
                float(base.value),
                float(r.value),
                float(r.value) * float(base.value),
                units[r.indicator_id],
                base.price_basis,
                comparable,
                "；".join(caveats),
                *real,
            )
        )
    return tuple(result)


def _real_reading(
    indicator_id: str, base_year: int, year: int, factor: float, observations: pd.DataFrame
) -> tuple[float | None, float | None, float | None]:
    """(real growth 2011–2015, the 2015 index on the base year, the real pace still needed), or Nones.

    专栏1 prints GDP's 2011–2015 growth as real (12.8 % a year, 专栏1 备注1) while its
    levels are at current prices. A doubling by 2017 on 2010 is read at comparable
    prices: 1.128^5 = 1.826 by 2015, so 2016–2017 need (2 / 1.826)^(1/2) − 1 = 4.65 % a
    year. Only a rate printed as real is used; the incomes' rates name no price basis.
    """
    obs_id = f"{indicator_id}.{base_year + 1}-2015.published_growth"
    if obs_id not in observations.index:
        return None, None, None
    growth = observations.loc[obs_id]
    if growth.price_basis != "real" or growth.measure != "annual_rate":
        return None, None, None
    rate = float(growth.value)
    index = (1 + rate / 100) ** (2015 - base_year)
    needed = ((factor / index) ** (1 / (year - 2015)) - 1) * 100
    return rate, index, needed


# Text targets that can set an earlier date for the indicator's own target (not 翻一番, a different level).
DEADLINE_TYPES = ("milestone", "number", "full_coverage", "elimination")


@dataclass(frozen=True)
class Deadline:
    """An earlier date than 2020 the body text sets for an indicator's target: the pace runs to it."""

    target_id: str
    indicator_id: str
    year: int
    qualifier: str  # "approx" for 基本实现/基本完成
    where: str  # 第一章第三节
    clause: str  # the sentence up to the end of what it sets: “到2017年，基本实现…脱贫”

    @property
    def words(self) -> str:
        return f"{self.where}：“{self.clause}”"


@functools.cache
def deadline(indicator_id: str) -> Deadline | None:
    """The earliest year before 2020 a linked text target names for the indicator, or None.

    Only a year the sentence states counts (``year_basis`` stated): 第一章第三节
    “到2017年，基本实现我国现行标准下农村贫困人口脱贫” puts 专栏2's 【70.6】 at 2017,
    and 第二十五章's “2018年全面‘扫尾’” is later, so the earlier one rules. Of two
    sentences naming the same year the first in the plan is shown.
    """
    frame = _text_targets()
    rows = frame[
        (frame.indicator_id == indicator_id)
        & frame.target_type.isin(DEADLINE_TYPES)
        & (frame.year_basis == "stated")
        & (frame.year < PLAN_END)
    ]
    if rows.empty:
        return None
    row = rows[rows.year == rows.year.min()].iloc[0]
    end = row.sentence.index(row.raw) + len(row.raw)
    where = f"{row.chapter}{row.section if isinstance(row.section, str) else ''}"
    return Deadline(row.target_id, indicator_id, int(row.year), row.qualifier, where, row.sentence[:end])


def carry_forward_caveat(indicator_id: str) -> str:
    """Why the 2011–2015 change must not be carried forward silently, or "".

    专栏1 prints "在规划控制目标内" in the 年均 column of 耕地保有量 and
    基本农田保护面积: their change stayed inside a control limit. It is a
    ceiling on loss, not a trend, so a projection of it must say so.
    """
    obs_id = f"{indicator_id}.2011-2015.published_growth"
    observations = _observations()
    if obs_id in observations.index and observations.loc[obs_id, "measure"] == "within_target":
        return "专栏1注明“十二五”变化“在规划控制目标内”：这是控制目标，不是趋势，按此速度外推仅为示意"
    return ""


QUALIFIER_WORDS = {"approx": "按约数处理", "at_least": "按下限处理（至少达到）", "greater_than": "须超过", "at_most": "按上限处理（至多）"}


def qualifier_words(indicator_id: str) -> str:
    """Where the body text reads a bare printed cell more loosely or strictly (专栏2 9, 第一章 "9%左右"), or ""."""
    qualifier = effective_qualifier(indicator_id)
    observations = data.load_observations().set_index("obs_id")
    obs_id = target_obs_id(indicator_id, observations.index)
    if obs_id is None or observations.loc[obs_id, "qualifier"] == qualifier:
        return ""
    texts = data.load_text_targets().set_index("target_id")
    target_id = next(t for t, q in text_qualifiers(indicator_id) if q == qualifier)
    text = texts.loc[target_id]
    printed = observations.loc[obs_id, "raw"].replace("\n", "")
    yearly = "每年，" if text.year_basis == "each_year" else ""
    return f"原表印“{printed}”，正文作“{text.raw}”（{yearly}{text.chapter}{text.section}）：{QUALIFIER_WORDS.get(qualifier, qualifier)}"


def direction_words(indicator_id: str, direction: str) -> str:
    """A direction that is neither higher nor lower, in the plan's words: 人口自然增长率 aims at 适度增长."""
    if direction != "moderate":
        return ""
    texts = data.load_text_targets()
    said = texts[(texts.indicator_id == indicator_id) & (texts.target_type == "direction")]
    if said.empty:
        return "方向：适度，不以越高或越低为好"
    row = said.iloc[0]
    return f"方向：{row.raw}（{row.chapter}{row.section}），不以越高或越低为好"
