"""The two indicator tables as officials know them, with computed columns beside them."""

from __future__ import annotations

import functools
import re

import pandas as pd

from lib import data, plan_text
from lib.pace import achieved_pace, pace_table
from lib.targets import target_obs_id

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


def _shown(raw: str | None) -> str:
    """A printed cell on one line: "33.5\\n（旧口径）" reads "33.5（旧口径）"."""
    if raw is None or raw == "":
        return ""
    return re.sub(r"\s*\n\s*", "", raw)


@functools.cache
def _indicator_table(table_no: int) -> pd.DataFrame:
    indicators = data.load_indicators()
    indicators = indicators[indicators.table_no == table_no]
    observations = data.load_observations()
    raw_by = {(r.indicator_id, r.period, r.role): r.raw for r in observations.itertuples()}
    raw_by_id = dict(zip(observations.obs_id, observations.raw))
    rows = []
    paces = pace_table().set_index("indicator_id") if table_no == 2 else None
    for row in indicators.itertuples():
        record = {
            "indicator_id": row.indicator_id,
            "序号": row.number,
            "指标": row.name_zh if row.number else f"　{row.name_zh}",
            "单位": row.unit,
            "属性": row.attribute,
            "五大发展": row.pillar,
            "类型": KIND_LABELS[row.kind],
            "kind": row.kind,
        }
        iid = row.indicator_id
        if table_no == 1:
            record["2010年"] = _shown(raw_by.get((iid, "2010", "actual")) or raw_by.get((iid, "2006-2010", "actual")))
            record["2015年"] = _shown(raw_by.get((iid, "2015", "actual")) or raw_by.get((iid, "2011-2015", "actual")))
            record["“十二五”年均"] = _shown(raw_by.get((iid, "2011-2015", "published_growth")))
            if row.kind != "group":
                pace = achieved_pace(iid)
                record["2011—2015年速度"] = pace.text
                record["速度来源"] = pace.basis_label if pace.value is not None or pace.basis == "break" else ""
        else:
            record["2015年"] = _shown(raw_by.get((iid, "2015", "actual")))
            target_id = target_obs_id(iid, raw_by_id)
            record["2020年"] = _shown(None if target_id is None else raw_by_id[target_id])
            if row.kind != "group":
                pace = paces.loc[iid]
                record["所需速度（2016—2020）"] = pace.required_text
                record["以往速度（2011—2015）"] = pace.achieved_text
                record["以往速度来源"] = pace.achieved_basis
                record["以往÷所需"] = pace.ratio
                record["难度"] = pace.status_label
                record["status"] = pace.status
                record["说明"] = pace.reason
        rows.append(record)
    frame = pd.DataFrame(rows)
    # Heading rows have no computed values; show them empty, never as "None".
    text_columns = [c for c in frame.columns if frame[c].dtype == object or str(frame[c].dtype) == "str"]
    frame[text_columns] = frame[text_columns].fillna("")
    return frame


def indicator_table(table_no: int) -> pd.DataFrame:
    """Rows in printed order; values as printed (左右, ＞, 【】 kept) and computed columns."""
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
    """Keep rows matching every filter; a heading row stays when any sub-row does."""
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


def source_of(indicator_id: str) -> dict:
    """Where an indicator is printed: its 专栏, chapter and section, row and notes."""
    indicators = data.load_indicators().set_index("indicator_id")
    if indicator_id not in indicators.index:
        raise KeyError(f"unknown indicator {indicator_id!r}")
    indicator = indicators.loc[indicator_id]
    box = plan_text.box(f"专栏{indicator.table_no}")
    row_text = next(
        "\t".join(cells) for cells in plan_text.table_rows(box.name) if len(cells) > 1 and cells[1] == indicator.name_printed
    )
    observations = data.load_observations()
    note_ids = sorted(
        {n for refs in observations[observations.indicator_id == indicator_id].notes for n in refs.split(";") if n}
    )
    notes = data.load_notes().set_index("note_id")
    parent = indicators.loc[indicator.parent_id, "name_zh"] if indicator.parent_id else ""
    return {
        "box": box.name,
        "box_title": box.title,
        "chapter": box.chapter,
        "section": box.section,
        "chapter_title": plan_text.where(box.first_line).chapter_title,
        "section_title": plan_text.where(box.first_line).section_title,
        "row": indicator.number or f"{parent}下的分项",
        "row_text": _shown(row_text.replace("\t", "　")),
        "notes": [f"备注{notes.loc[n, 'note_no']}：{notes.loc[n, 'text']}" for n in note_ids],
    }
