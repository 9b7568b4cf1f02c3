"""The front page's numbers: headline targets and how demanding the targets are, by group."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from lib.engine.difficulty import STATUSES
from lib.engine.indicator_pace import indicator_pace, pace_table
from lib.engine.pace import BASIS_LABELS
from lib.engine.trajectory import trajectory
from lib.plan import data
from lib.plan.milestones import effective_qualifier
from lib.plan.series import series_catalogue
from lib.plan.targets import target_obs_id
from lib.present.i18n import N_
from lib.present.numbers import plain

# The headline cards, in the order the plan states its goals (第一章第三节, 专栏2).
HEADLINES = [
    ("t1_gdp", N_("地区生产总值")),
    ("t2_income_growth", N_("居民收入增长")),
    ("t2_services_share", N_("服务业比重")),
    ("t2_rd_share", N_("研发投入强度")),
    ("t2_forest_cover", N_("森林覆盖率")),
    ("t2_trade", N_("进出口总额")),
    ("t2_poverty_exit", N_("农村贫困人口脱贫")),
    ("t2_new_urban_jobs", N_("城镇新增就业")),
]


def _raw(obs_id: str) -> str:
    observations = data.load_observations().set_index("obs_id")
    return observations.loc[obs_id, "raw"].replace("\n", "") if obs_id in observations.index else "―"


def _target_raw(indicator_id: str) -> str:
    obs_id = target_obs_id(indicator_id, set(data.load_observations().obs_id))
    return "―" if obs_id is None else _raw(obs_id)


def _amount(value: float, unit: str, digits: int | None = None) -> str:
    """A value with its unit; 亿元 of ten thousand or more read as 万亿元, as the text does."""
    if unit == "亿元" and value >= 1000:
        return f"{plain(value / 10000, digits)}万亿元"
    return f"{plain(value, digits)}{'' if unit == '%' else ' '}{unit}"


@dataclass(frozen=True)
class Card:
    indicator_id: str
    title: str
    target: str  # the 2020 target as the plan prints it, with its unit
    base: str  # "2015年 45%", or what a five-year target counts from
    pace: str  # the pace the target requires
    source: str  # where the plan prints it


def headline_cards() -> list[Card]:
    """One card per headline target: 2015 base, 2020 target and the pace it requires."""
    indicators = data.load_indicators().set_index("indicator_id")
    cards = []
    for indicator_id, title in HEADLINES:
        indicator = indicators.loc[indicator_id]
        unit = indicator.unit
        if indicator_id == "t1_gdp":
            # GDP's 2020 level is a text target (第一章第三节); the growth target is 专栏2 row 1.
            text_target = (
                data.load_text_targets()
                .set_index("target_id")
                .loc[series_catalogue().set_index("series_id").loc["t1_gdp", "text_target_id"]]
            )
            growth_row = indicators.loc["t2_gdp_growth"]
            points = trajectory("t1_gdp")
            base = points[(points.line_key == "actual") & (points.year == 2015)].value.iloc[0]
            required = points[points.line_key == "required"].note.iloc[0]
            growth = plain(indicator_pace("t2_gdp_growth").required.value)
            cards.append(
                Card(
                    indicator_id=indicator_id,
                    title=title,
                    target=text_target.raw,
                    base=f"2015年 {plain(base / 10000, 2)}万亿元",
                    # 9左右 in the text (第一章第三节); 专栏2 prints a bare 9.
                    pace=f"所需{required}，规划实际增长{growth}%左右",
                    source=f"{text_target.chapter}{text_target.section}；专栏1、专栏2第{growth_row.number}行",
                )
            )
            continue
        result = indicator_pace(indicator_id)
        target_raw = _target_raw(indicator_id)
        base_raw = _raw(f"{indicator_id}.2015.actual")
        # 左右 printed in the cell, or only in the text (【300】, “300万人左右”, 第一章第三节), as GDP's 9.
        approx = "左右" if target_raw.endswith("左右") or effective_qualifier(indicator_id) == "approx" else ""
        number = target_raw.removesuffix("左右")
        if indicator.kind == "growth_rate":
            target_text = f"年均 {target_raw}%"
        elif indicator.kind == "total":
            target_text = f"{number.strip('【】')}{unit}{approx}"
        else:
            target_text = _amount(float(number), unit) + approx
        if indicator.kind == "growth_rate":
            base_text = N_("以2015年为基期的年均增速")
        elif indicator.kind == "total":
            base_text = N_("2016—2020年五年累计（【】）")
        else:
            base_text = f"2015年 {_amount(float(base_raw), unit, digits=2)}"
        cards.append(
            Card(
                indicator_id=indicator_id,
                title=title,
                target=target_text,
                base=base_text,
                pace=f"所需{result.required.labelled_text}",
                source=f"专栏2第{indicator.number or indicators.loc[indicator.parent_id, 'number']}行",
            )
        )
    return cards


def difficulty_summary(by: str) -> pd.DataFrame:
    """Counts of each difficulty status per 五大发展 group (``by="pillar"``) or 指标属性 (``by="attribute"``)."""
    if by not in ("pillar", "attribute"):
        raise ValueError("by must be 'pillar' or 'attribute'")
    indicators = data.load_indicators().set_index("indicator_id")
    table = pace_table()
    table[by] = [indicators.loc[i, by] for i in table.indicator_id]
    counts = pd.crosstab(table[by], table.status)
    counts = counts.reindex(columns=[s for s in STATUSES if s in counts.columns], fill_value=0)
    counts.columns = [STATUSES[s] for s in counts.columns]
    order = ["总体", "创新发展", "协调发展", "绿色发展", "开放发展", "共享发展"] if by == "pillar" else ["预期性", "约束性"]
    counts = counts.reindex([o for o in order if o in counts.index])
    counts.insert(0, "指标数", counts.sum(axis=1))
    return counts


# Why a pace cannot be compared, in a word for the table and in plain words for the note.
# A 口径/标准 break is told by the achieved pace's basis; the rest by lib.engine.pace's reason.
REASONS = {
    "专栏1无对应指标": (N_("新设指标"), N_("是“十三五”新设的指标，专栏1（“十二五”）没有可比的数据")),
    "break": (N_("口径调整"), N_("的统计口径或标准在2010—2015年间调整，前后数字不可比")),
    "专栏1未列2010—2015年数据": (N_("缺少数据"), N_("专栏1没有列出2010年与2015年的数值")),
}


def reason_key(row) -> str:
    return "break" if row.achieved_basis == BASIS_LABELS["break"] else row.reason


def reason_words(key: str) -> tuple[str, str]:
    """The short and the plain wording of one reason (an unlisted reason is shown as lib.engine.pace words it)."""
    return REASONS.get(key, (key, f"：{key}"))


@dataclass(frozen=True)
class DifficultyRow:
    group: str
    count: int
    statuses: tuple[tuple[str, int], ...]  # (status label, count), statuses with none left out
    reasons: tuple[tuple[str, int], ...]  # why some cannot be compared: (reason key, count)


def difficulty_rows(by: str) -> tuple[DifficultyRow, ...]:
    """``difficulty_summary`` row by row, with the reasons behind each “无法比较”."""
    counts = difficulty_summary(by)
    indicators = data.load_indicators().set_index("indicator_id")
    table = pace_table()
    table[by] = [indicators.loc[i, by] for i in table.indicator_id]
    cannot = table[table.status == "cannot_assess"]
    rows = []
    for group, row in counts.iterrows():
        reasons = Counter(reason_key(r) for r in cannot[cannot[by] == group].itertuples())
        statuses = tuple((label, int(row[label])) for label in counts.columns[1:] if row[label])
        rows.append(DifficultyRow(str(group), int(row["指标数"]), statuses, tuple(reasons.most_common())))
    return tuple(rows)
