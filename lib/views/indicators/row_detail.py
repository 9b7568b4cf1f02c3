"""指标总览's row detail: where a row is printed, its paces, how the text reads it, and how 2020 turned out.

Every line is plain text (the page draws it with st.text): sentences, quotes
and URLs from data/ are never read as markdown.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.engine import tables

RULE_NOTE = "判断规则见“数据与方法”页“2020年实际结果”一节：＞须超过，＜须低于，“左右”有容差，口径不同的不判断。"


@dataclass(frozen=True)
class Detail:
    title: str  # plain text
    definition: str  # plain text, or ""
    source: str  # the 出处 sentence
    printed: str  # the printed cells, each after its column heading
    pace_lines: tuple[str, ...]
    outcome_lines: tuple[str, ...]  # the 2020 verdict, the figure, its source, quote and URL (plain text)
    notes: tuple[str, ...]
    reader_link: dict[str, str]
    trajectory_link: dict[str, str] | None


def _outcome_lines(record: dict) -> tuple[str, ...]:
    if not record.get("结果说明"):
        return ()
    lines = [f"2020年结果：{record['结果说明']}"]
    if record["实际来源"]:
        lines += [
            f"实际数：{record['2020年实际']}（{record['实际口径']}）",
            f"来源：{record['实际来源']}（{record['来源类型']}）",
            f"原句：“{record['实际原句']}”",
            f"网址：{record['实际网址']}",
        ]
        if record["实际说明"]:
            lines.append(f"说明：{record['实际说明']}")
    lines.append(RULE_NOTE)
    return tuple(lines)


def detail(record: dict) -> Detail:
    """One row's place in the plan, its printed cells, paces, readings, 2020 outcome and notes (plain text)."""
    source = tables.source_of(record["indicator_id"])
    lines: list[str] = []
    if record["kind"] != "group" and "所需速度" in record:
        lines.append(f"所需速度（2016—2020）：{record['所需速度说明']}")
        achieved = record["以往速度"] + (f"（{record['以往速度来源']}）" if record["以往速度来源"] else "")
        lines.append(f"以往速度（2011—2015）：{achieved}")
        ratio = "" if pd.isna(record["以往÷所需"]) else f"，以往÷所需 = {round(record['以往÷所需'] * 100)}%"
        lines.append(f"难度：{record['难度']}{ratio}" + (f"。{record['原因说明']}" if record["原因说明"] else ""))
    elif record["kind"] != "group":
        lines.append(f"2011—2015年速度：{record['2011—2015年速度']}" + (f"（{record['速度来源']}）" if record["速度来源"] else ""))
    if record["正文限定"]:
        lines.append(record["正文限定"])
    if record["方向"]:
        lines.append(record["方向"])
    return Detail(
        title=record["指标"].strip(),
        definition=f"定义：{record['定义']}（依据：{record['定义依据']}）" if record["定义"] else "",
        source=f"出处：{source.sentence}",
        printed=f"原表本行：{source.row_text}",
        pace_lines=tuple(lines),
        outcome_lines=_outcome_lines(record),
        notes=source.notes,
        reader_link={"chapter": source.chapter, "section": source.section},
        trajectory_link=None if record["kind"] == "group" else {"indicator": record["indicator_id"]},
    )
