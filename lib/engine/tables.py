"""The two indicator tables as officials know them, with computed columns beside them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd

from lib.engine import verdicts
from lib.engine.achieved import achieved_pace
from lib.engine.indicator_pace import IndicatorPace, indicator_pace
from lib.engine.pace import with_price_word
from lib.plan import data, milestones, plan_text
from lib.plan.targets import target_obs_id

KIND_LABELS = {
    "level": "水平值",
    "growth_rate": "年均增速",
    "share": "比重（%）",
    "ratio": "比值（x∶1）",
    "total": "五年累计（【】）",
    "reduction": "五年降低（%）",
    "class": "类别（Ⅲ类）",
    "threshold": "门槛（＞、＜）",
    "group": "分组标题",
}
TABLE_TITLES = {1: "专栏1 “十二五”规划主要发展指标进展情况表", 2: "专栏2 “十三五”经济社会发展主要指标表"}
PLAN_TITLE = "《重庆市国民经济和社会发展第十三个五年规划纲要》"
PLAN_ISSUED = "2016年2月"

# Plain glyphs that every CJK font carries (colour emoji are missing on many
# office machines and projectors): fuller means closer to "already enough".
STATUS_ICONS = {
    "target_met": "◉",
    "on_track": "●",
    "acceleration_needed": "◑",
    "limited_progress": "◔",
    "deterioration": "✕",
    "cannot_assess": "○",
}
DIFFICULTY_NOTE = (
    "“以往÷所需”把“十二五”时期（2011—2015）实际达到的速度，与“十三五”目标（2016—2020）所需的速度相比，"
    "方法参照联合国统计司进展图表及 Open SDG（加拿大统计局）的进展评估。两个速度来自两个不同的规划期："
    "它衡量的是“比以往难多少”，是难度，不是对实际完成情况的评估。"
)

# The printed cells of each table: (column heading, period, role), in printed order.
PRINTED = {
    1: (
        ("2010年", ("2010", "2006-2010"), "actual"),
        ("2015年", ("2015", "2011-2015"), "actual"),
        ("“十二五”年均", ("2011-2015",), "published_growth"),
    ),
    2: (("2015年", ("2015",), "actual"), ("2020年", ("2020", "2016-2020"), "target")),
}


def _shown(raw: str | None) -> str:
    """A printed cell on one line: "33.5\\n（旧口径）" reads "33.5（旧口径）"."""
    if raw is None or raw == "":
        return ""
    return re.sub(r"\s*\n\s*", "", raw)


def difficulty_reason(result: IndicatorPace, kind: str, previous_id: str) -> tuple[str, str]:
    """Why a row cannot be compared: a few words for the table, a sentence for the detail."""
    if result.assessment.status != "cannot_assess":
        return "", ""
    if not previous_id:
        return "专栏1无此指标", "“十二五”规划的指标表（专栏1）没有这项指标，没有2011—2015年的速度可以相比。"
    if result.achieved.basis == "break":
        return "统计口径改变", (
            f"“十二五”期间统计口径或标准调整（{result.achieved.reason}），2010年与2015年的数不能直接相比，算不出以往速度。"
        )
    if kind == "class":
        return "类别目标", "目标是保持一个类别，不是增长的速度，不比较速度。"
    reason = result.assessment.reason
    return reason, f"{reason}，无法比较。"


def _note_numbers(observations: pd.DataFrame, indicator_id: str, notes: pd.DataFrame) -> str:
    refs = {n for refs in observations.notes[observations.indicator_id == indicator_id] for n in refs.split(";") if n}
    return "；".join(f"备注{notes.loc[n, 'note_no']}" for n in sorted(refs, key=lambda n: notes.loc[n, "note_no"]))


@functools.cache
def _indicator_table(table_no: int) -> pd.DataFrame:
    indicators = data.load_indicators()
    names = dict(zip(indicators.indicator_id, indicators.name_zh))
    indicators = indicators[indicators.table_no == table_no]
    observations = data.load_observations()
    notes = data.load_notes().set_index("note_id")
    obs_ids = set(observations.obs_id)
    raw_by_id = dict(zip(observations.obs_id, observations.raw))
    definitions = data.load_definitions().set_index("indicator_id")
    found = verdicts.verdicts() if table_no == 2 else {}
    rows = []
    for row in indicators.itertuples():
        iid = row.indicator_id
        record = {
            "indicator_id": iid,
            "序号": row.number,
            "指标": row.name_zh if row.number else f"　{row.name_zh}",
            "上级指标": names.get(row.parent_id, ""),
            "单位": row.unit,
            "属性": row.attribute,
            "五大发展": row.pillar,
            "类型": KIND_LABELS[row.kind],
            "kind": row.kind,
            "direction": row.direction,
            "方向": milestones.direction_words(iid, row.direction),
            "正文限定": milestones.qualifier_words(iid) if table_no == 2 and row.kind != "group" else "",
            "备注": _note_numbers(observations, iid, notes),
            "定义": definitions.definition.get(iid, ""),
            "定义依据": definitions.source.get(iid, ""),
        }
        for heading, periods, role in PRINTED[table_no]:
            if role == "target":
                obs_id = target_obs_id(iid, obs_ids)
            else:
                obs_id = next((f"{iid}.{p}.{role}" for p in periods if f"{iid}.{p}.{role}" in obs_ids), None)
            record[f"{heading}#obs"] = obs_id or ""
            record[heading] = _shown(raw_by_id.get(obs_id))
        if row.kind != "group" and table_no == 1:
            pace = achieved_pace(iid)
            record["2011—2015年速度"] = pace.text
            record["速度#value"], record["速度#unit"] = pace.value, pace.unit
            record["速度来源"] = pace.basis_label if pace.value is not None or pace.basis == "break" else ""
        elif row.kind != "group":
            result = indicator_pace(iid)
            record["所需#value"], record["所需#unit"] = result.required.value, result.required.unit
            record["以往速度"] = result.achieved.text
            record["以往#value"], record["以往#unit"] = result.achieved.value, result.achieved.unit
            record["以往速度来源"] = (
                result.achieved.basis_label if result.achieved.value is not None or result.achieved.basis == "break" else ""
            )
            record["以往÷所需"] = result.assessment.ratio
            record["status"] = result.assessment.status
            record["难度"] = result.assessment.label
            record["原因"], record["原因说明"] = difficulty_reason(result, row.kind, row.previous_id)
            record["所需速度"] = with_price_word(result.required)
            record["所需速度说明"] = result.required.labelled_text
            if result.required.ceiling:
                # ＜【75000】 caps a five-year sum: no yearly amount is required, so none is downloaded.
                record["所需#value"], record["所需#unit"] = None, ""
            record.update(verdicts.outcome_fields(row.indicator_id, found))
        rows.append(record)
    frame = pd.DataFrame(rows)
    # Heading rows have no computed values; show them empty, never as "None".
    text_columns = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) == "str"]
    frame[text_columns] = frame[text_columns].fillna("")
    return frame


def indicator_table(table_no: int) -> pd.DataFrame:
    """Rows in printed order; values as printed (左右, ＞, 【】 kept) and computed columns.

    Columns ending in ``#obs``, ``#value`` and ``#unit`` are for the downloads:
    the observation behind a printed cell, and a pace as a number with its unit.
    """
    if table_no not in TABLE_TITLES:
        raise ValueError(f"no table {table_no!r}; the plan has 专栏1 and 专栏2")
    return _indicator_table(table_no).copy()


def filter_table(
    table: pd.DataFrame,
    pillars: list[str] | None = None,
    attributes: list[str] | None = None,
    kinds: list[str] | None = None,
    query: str = "",
) -> pd.DataFrame:
    """Keep rows matching every filter (a heading row has no 属性 or kind of its own)."""
    keep = pd.Series(True, index=table.index)
    if pillars:
        keep &= table["五大发展"].isin(pillars)
    if attributes:
        keep &= table["属性"].isin(attributes)
    if kinds:
        keep &= table["kind"].isin(kinds)
    query = query.strip()
    if query:
        keep &= table["指标"].str.contains(query, regex=False, case=False) | table["indicator_id"].str.contains(
            query, regex=False, case=False
        )
    return table[keep]


@dataclass(frozen=True)
class Source:
    """Where an indicator is printed, in words a reader can follow to the page."""

    box: str  # 专栏2
    box_title: str
    chapter: str  # 第一章
    chapter_title: str
    section: str  # 第三节
    section_title: str
    row: str  # "第12行" or "第12行“森林增长”下的分项"
    sentence: str  # the whole 出处 sentence
    cells: tuple[tuple[str, str], ...]  # (printed column heading, printed cell), name column left out
    row_text: str  # the printed cells on one line, each after its heading
    notes: tuple[str, ...]  # "备注3：…"


GROUP_ROW_TEXT = "本行是分组标题，数值印在其下的分项中。"


def _heading(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


@functools.cache
def source_of(indicator_id: str) -> Source:
    """Where an indicator is printed: its 专栏, chapter and section, row, printed cells and notes."""
    indicators = data.load_indicators().set_index("indicator_id")
    if indicator_id not in indicators.index:
        raise KeyError(f"unknown indicator {indicator_id!r}")
    indicator = indicators.loc[indicator_id]
    box = plan_text.box(f"专栏{indicator.table_no}")
    header, *body = plan_text.table_rows(box.name)
    cells = next(cells for cells in body if len(cells) > 1 and cells[1] == indicator.name_printed)
    printed = tuple(
        (_heading(title), _shown(cell)) for title, cell in zip(header, cells) if cell and _heading(title) not in ("序号", "指标名称")
    )
    observations = data.load_observations()
    note_ids = sorted({n for refs in observations[observations.indicator_id == indicator_id].notes for n in refs.split(";") if n})
    notes = data.load_notes().set_index("note_id")
    if indicator.number:
        row = f"第{indicator.number}行"
    else:
        parent = indicators.loc[indicator.parent_id]
        row = f"第{parent.number}行“{parent.name_zh}”下的分项"
    line = plan_text.where(box.first_line)
    return Source(
        box=box.name,
        box_title=box.title,
        chapter=box.chapter,
        chapter_title=line.chapter_title,
        section=box.section,
        section_title=line.section_title,
        row=row,
        sentence=f"{box.chapter}“{line.chapter_title}” {box.section}“{line.section_title}”，{box.name}《{box.title}》{row}",
        cells=printed,
        row_text="　".join(f"{title}：{cell}" for title, cell in printed) or GROUP_ROW_TEXT,
        notes=tuple(f"备注{notes.loc[n, 'note_no']}：{notes.loc[n, 'text']}" for n in note_ids),
    )
