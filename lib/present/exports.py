"""Tables as downloadable files. Bytes in, bytes out; the pages only offer them."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from openpyxl.styles import Alignment, Font

from lib.engine import tables
from lib.plan import data, outcomes
from lib.plan.values import ROMAN
from lib.present import exports_languages, routes
from lib.present.i18n import EN, N_, ZH_CN, gettext, hant, term

ABOUT_SHEET = exports_languages.ABOUT_SHEET
PRINTED_SUFFIX = "原文"
# Paces are computed; four decimals keep them exact to the printed precision
# without binary noise such as 0.45999999.
PACE_DIGITS = 4
# The copy of the plan redacts some names as ***; a spreadsheet says so in words (issue 23 §6).
REDACTION, REDACTION_WORDS = "***", "（原文此处隐去）"
CLASS_NAMES = {number: f"{numeral}类" for numeral, number in ROMAN.items()}


def unredacted(text: str) -> str:
    """“大都市区包括***、***” → “大都市区包括（原文此处隐去）、（原文此处隐去）”."""
    return str(text).replace(REDACTION, REDACTION_WORDS)


def _serial(text: str) -> int | str:
    """序号 as a number where the plan prints one (1, 2 …); sub-rows have none and stay empty."""
    text = text.strip()
    return int(text) if text.isdigit() else text


def _cell(observation) -> int | float | str | None:
    """A printed cell's value: a number, or a water class in its own words (Ⅲ类, never 3)."""
    if observation is None:
        return None
    if observation.measure == "class" and not pd.isna(observation.value):
        return CLASS_NAMES[int(observation.value)]
    return _number(observation.value)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    # A byte-order mark lets Excel on Windows open the Chinese text as UTF-8.
    return frame.to_csv(index=False).encode("utf-8-sig")


def to_excel_bytes(frame: pd.DataFrame, sheet_name: str = "data") -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet_name[:31])
    return buffer.getvalue()


def read_csv_bytes(payload: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(payload), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def read_excel_bytes(payload: bytes) -> pd.DataFrame:
    return pd.read_excel(io.BytesIO(payload), dtype=str, keep_default_na=False)


def _number(value, digits: int | None = None) -> int | float | None:
    """A cell's number: 45 not 45.0 (the CSV then reads as printed), None where there is none."""
    if value is None or pd.isna(value):
        return None
    value = float(value) if digits is None else round(float(value), digits)
    return int(value) if value.is_integer() else value


def indicator_frame(shown: pd.DataFrame, table_no: int) -> pd.DataFrame:
    """The rows of ``shown`` (from tables.indicator_table) as a tidy table of numbers.

    One header row, one row per indicator. Each printed cell gives two
    columns: the number the data layer read from it (empty where the plan
    prints none, e.g. ―) and the printed text itself (“…原文”). A sub-row
    names its heading row in 上级指标.
    """
    observations = data.load_observations().set_index("obs_id")
    columns: dict[str, list] = {"指标编号": list(shown.indicator_id)}
    for name in ("序号", "指标", "上级指标", "单位", "属性", *(["五大发展"] if table_no == 2 else []), "类型"):
        columns[name] = [_serial(text) if name == "序号" else text.strip() for text in shown[name]]
    for heading, _, role in tables.PRINTED[table_no]:
        obs = [observations.loc[obs_id] if obs_id else None for obs_id in shown[f"{heading}#obs"]]
        columns[heading] = [_cell(o) for o in obs]
        if role == "published_growth":  # 年均 %, 五年提高…个百分点, 提前1年完成: the unit varies by row
            columns[f"{heading}单位"] = ["" if o is None else o.unit for o in obs]
        columns[heading + PRINTED_SUFFIX] = list(shown[heading])
    paces = (("2011—2015年速度", "速度"),) if table_no == 1 else (("所需速度", "所需"), ("以往速度", "以往"))
    for heading, stem in paces:
        columns[heading] = [_number(v, PACE_DIGITS) for v in shown.get(f"{stem}#value", [None] * len(shown))]
        columns[f"{heading}单位"] = list(shown.get(f"{stem}#unit", [""] * len(shown)).fillna(""))
    if table_no == 1:
        columns["速度来源"] = list(shown["速度来源"])
    else:
        columns["以往速度来源"] = list(shown["以往速度来源"])
        columns["以往÷所需"] = [_number(v, PACE_DIGITS) for v in shown["以往÷所需"]]
        columns["难度"] = list(shown["难度"])
        columns["无法比较的原因"] = list(shown["原因说明"])
        # The 2020 outcome: the number as a number, the verdict and the figure's source beside it.
        columns["2020年结果"] = list(shown["2020年结果"])
        columns["2020年实际"] = [_number(v) for v in shown["实际#value"]]
        columns["2020年实际原文"] = list(shown["实际原文"])
        columns["2020年实际单位"] = list(shown["实际单位"])
        columns["2020年实际口径"] = list(shown["实际口径"])
        columns["2020年结果说明"] = list(shown["结果说明"])
        columns["2020年实际来源"] = list(shown["实际来源"])
        columns["2020年实际网址"] = list(shown["实际网址"])
        columns["2020年实际原句"] = list(shown["实际原句"])
    columns["备注"] = [unredacted(text) for text in shown["备注"]]
    columns["定义"] = list(shown["定义"])
    # Object columns keep 45 an int beside 1.53, so the CSV reads "45", not "45.0".
    return pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in columns.items()})


OUTCOME_NOTE = N_(
    "“2020年结果”把已发布的2020年官方数字（data/outcomes.csv，每项有发布机关、文件、日期、网址和原句）与目标相比："
    "达到、未达到、口径不同（不判断）、未找到官方数字（不估算）。规则：＞须超过；＜是上限，低于才算达到；"
    "“左右”容差为比重和增速±0.5个百分点、水平值和累计数±2%；类别达到或优于目标类别；五年目标只与五年数相比。"
)


def outcome_sources() -> tuple[tuple[str, str], ...]:
    """One 说明 line per document the 2020 figures were read from: publisher, document, date, where read."""
    frame = outcomes.load_outcomes()
    lines = []
    for (publisher, document, published), rows in frame.groupby(["publisher", "document", "published"], sort=False):
        urls = "、".join(dict.fromkeys(rows.url))
        kinds = "、".join(dict.fromkeys(outcomes.SOURCE_KIND_LABELS[k] for k in rows.source_kind))
        lines.append((f"来源{len(lines) + 1}", f"{publisher}《{document}》，{published}（{kinds}）：{urls}"))
    return tuple(lines)


PLAN = N_("《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）")
ABOUT_WORDS = {
    N_("单位"): N_("各指标的单位见“单位”列；速度的单位见各速度后的“…单位”列"),
    N_("数值"): N_("数值列为规划原文数字；原文（含“左右”“＞”“【】”“旧口径”等）见“…原文”列；原文无数字处为空"),
    N_("上级指标"): N_("分项所属的分组标题行"),
    N_("定义"): N_("指标的一句话定义（data/definitions.csv）；未写定义的指标留空"),
}


def _where(table_no: int, lang: str) -> tuple[str, str]:
    """The table's title and where the plan prints it, in ``lang``."""
    box = tables.source_of(tables.indicator_table(table_no).indicator_id.iloc[0])
    title = tables.TABLE_TITLES[table_no]
    simplified = f"{tables.PLAN_TITLE}（{tables.PLAN_ISSUED}），{box.chapter}{box.section}，{box.box}《{box.box_title}》"
    if lang != EN:
        return (hant(title), hant(simplified)) if lang != ZH_CN else (title, simplified)
    _ = gettext(lang)
    section = int(routes.section_anchor(box.chapter, box.section).removeprefix("s"))
    where = _("{plan}，第{chapter}章第{section}节，{box}").format(
        plan=_(PLAN), chapter=routes.chapter_number(box.chapter), section=section, box=term(box.box_title, "column", lang)
    )
    return term(title.split(" ", 1)[1], "column", lang), where


def about_rows(table_no: int, filters: str, shown: int, total: int, lang: str = ZH_CN) -> tuple[tuple[str, str], ...]:
    """The second sheet: title, source, what was filtered, what the columns hold, and the 备注.

    In English and 繁體 the keys and our words are the page's; the sources' names and the plan's 备注 stay in 简体."""
    _ = gettext(lang)
    notes = data.load_notes()
    notes = notes[notes.table_no == table_no].sort_values("note_no")
    title, where = _where(table_no, lang)
    rows = (
        (N_("标题"), title),
        (N_("来源"), where),
        (N_("印发时间"), _(tables.PLAN_ISSUED)),
        (N_("筛选"), _("{filters}（显示 {shown} / {total} 行）").format(filters=filters, shown=shown, total=total)),
        *((key, _(words)) for key, words in ABOUT_WORDS.items()),
        *(((N_("速度"), _(tables.DIFFICULTY_NOTE)),) if table_no == 2 else ()),
        *(((N_("2020年结果"), _(OUTCOME_NOTE)), *outcome_sources()) if table_no == 2 else ()),
        *((f"备注{row.note_no}", unredacted(row.text)) for row in notes.itertuples()),
    )
    return exports_languages.about_in(rows, lang)


def to_workbook_bytes(
    frame: pd.DataFrame, sheet_name: str, about: Sequence[tuple[str, str]], percent_columns: Sequence[str] = (), lang: str = ZH_CN
) -> bytes:
    """An Excel file: the table on the first sheet (numbers as numbers), ``about`` on a second sheet (named in ``lang``)."""
    _ = gettext(lang)
    about_sheet = exports_languages.about_sheet(lang)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, index=False, sheet_name=sheet_name[:31])
        headers = [_(h) for h in exports_languages.ABOUT_HEADERS]
        pd.DataFrame(list(about), columns=headers).to_excel(writer, index=False, sheet_name=about_sheet)
        sheet = writer.sheets[sheet_name[:31]]
        sheet.freeze_panes = "D2"  # the header row and 指标编号, 序号, 指标 stay in view
        for index, column in enumerate(frame.columns, start=1):
            letter = sheet.cell(row=1, column=index).column_letter
            longest = max([len(str(column))] + [len(str(v)) for v in frame[column]])
            sheet.column_dimensions[letter].width = min(6 + 1.8 * longest, 60)  # not a plan figure: column width
            if column in percent_columns:
                for cell in sheet[letter][1:]:
                    cell.number_format = "0%"
        style_about_sheet(writer.sheets[about_sheet])
    return buffer.getvalue()


def style_about_sheet(sheet) -> None:
    """The 说明 sheet of every workbook: its keys bold, its text wrapped in a wide column."""
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 100
    for cell in sheet["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet["A"]:
        cell.font = Font(bold=True)
