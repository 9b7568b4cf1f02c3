"""指标总览's columns: which are shown (the full set or a phone's), and each row's cells under them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pandas as pd

from lib.engine import tables
from lib.present.i18n import EN, N_, ZH_CN, gettext

# The grid wraps text only when a row is taller than 4rem (Streamlit's DataFrame).
COMPACT_ROW_HEIGHT = 72
# English runs about three times as long as the Chinese (issue 27): its rows wrap to five lines on a
# phone and to two on a wide screen, where the name gets a column wide enough for two lines.
ENGLISH_ROW_HEIGHTS = {"compact": 120, "full": 72}
# The full set's widths in English (pixels), each wide enough for its words on two lines: not plan figures.
ENGLISH_WIDTHS = {
    "指标": 300,
    "单位": 150,
    "2010年": 130,
    "2015年": 130,
    "2020年": 150,
    "“十二五”年均": 170,
    "所需速度": 210,
    "以往速度": 190,
    "2011—2015年速度": 210,
    "速度来源": 200,
    "难度": 230,
    "2020年结果": 130,
}
# 专栏2's narrow set in English: 指标, 2020年, 2020年结果 (the difficulty is in the row's detail): 35 + 150 + 60 + 110 px.
ENGLISH_COMPACT_WIDTHS = (150, 60, 110)  # not a plan figure: column widths


def row_height(compact: bool, lang: str) -> int | None:
    if lang == EN:
        return ENGLISH_ROW_HEIGHTS["compact" if compact else "full"]
    return COMPACT_ROW_HEIGHT if compact else None


# 专栏2's narrow set in pixels: 指标, 2020年, 2020年结果, 难度 (with the 35 px box: 355 of a 390 px phone's 358).
COMPACT_WIDTHS = (122, 56, 80, 62)  # not a plan figure: column widths
OUTCOME = N_("2020年结果")
OUTCOME_HELP = N_("2020年官方数字与目标相比：达到、未达到、口径不同或未找到官方数字；点选该行可看数值、出处与原句")


@dataclass(frozen=True)
class Column:
    name: str  # the record's field, in 简体 (lib.engine.tables)
    width: int | None  # pixels; None fits the content
    help: str = ""
    percent: bool = False  # a ratio, shown as a whole percentage and sorted as a number
    label: str = ""  # the heading shown, in the page's language ("" in 简体: the name)
    narrow: bool = False  # in the phone's set: no indent, the difficulty's badge alone

    @property
    def heading(self) -> str:
        return self.label or self.name


def columns_of(table: int, compact: bool, lang: str = ZH_CN) -> tuple[Column, ...]:
    """The columns shown, each headed and explained in ``lang``."""
    if lang == ZH_CN:
        return _columns(table, compact)
    _ = gettext(lang)
    shown = _columns(table, compact)
    if lang == EN and compact and table == 2:
        shown = tuple(
            dataclasses.replace(c, width=width) for c, width in zip((c for c in shown if c.name != "难度"), ENGLISH_COMPACT_WIDTHS)
        )
    elif lang == EN and not compact:
        shown = tuple(dataclasses.replace(c, width=ENGLISH_WIDTHS.get(c.name, c.width)) for c in shown)
    return tuple(dataclasses.replace(c, help=_(c.help) if c.help else "", label=_(c.name)) for c in shown)


def _columns(table: int, compact: bool) -> tuple[Column, ...]:
    if compact:
        return tuple(dataclasses.replace(c, narrow=True) for c in _compact(table))
    return _full(table)


def _compact(table: int) -> tuple[Column, ...]:
    # Fits a 390 px phone with the selection boxes: 35 + 130 + 64 + 120 px for 专栏1;
    # 专栏2 adds the 2020 verdict, so its difficulty is the badge alone (the reason is in the row's detail).
    if table == 1:
        return (Column(N_("指标"), 130), Column(N_("2015年"), 64), Column(N_("2011—2015年速度"), 120))
    return (
        Column(N_("指标"), COMPACT_WIDTHS[0]),
        Column(N_("2020年"), COMPACT_WIDTHS[1]),
        Column(OUTCOME, COMPACT_WIDTHS[2], help=OUTCOME_HELP),
        Column(N_("难度"), COMPACT_WIDTHS[3]),
    )


def _full(table: int) -> tuple[Column, ...]:
    name = Column(N_("指标"), None)
    if table == 1:
        return (
            Column(N_("序号"), 44),
            name,
            Column(N_("单位"), None),
            Column(N_("属性"), None),
            Column(N_("2010年"), None),
            Column(N_("2015年"), None),
            Column(N_("“十二五”年均"), None),
            Column(N_("2011—2015年速度"), None),
            Column(N_("速度来源"), None),
        )
    return (
        Column(N_("序号"), 44),
        name,
        Column(N_("单位"), 84),
        Column(N_("属性"), None),
        Column(N_("2015年"), None),
        Column(N_("2020年"), None),
        Column(N_("所需速度"), 160, help=N_("2016—2020年达到目标所需的速度")),
        Column(N_("以往速度"), 150, help=N_("2011—2015年（“十二五”）实际达到的速度，来源见所选行的详情")),
        Column(N_("以往÷所需"), None, help=N_("R = 方向 × 以往速度 ÷ |所需速度|"), percent=True),
        Column(N_("难度"), None, help=N_("无法比较的行写明原因；点选该行可看完整说明")),
        Column(OUTCOME, None, help=OUTCOME_HELP),
    )


def _difficulty(status: str, label: str, reason: str, narrow: bool = False, lang: str = ZH_CN) -> str:
    if not status:
        return ""
    # A no-break space keeps the glyph beside its word when a column wraps; in the phone's
    # narrowest column the grid then would not wrap at all, so there the glyph leads the word unspaced.
    joiner = "" if narrow else "\u00a0"
    _ = gettext(lang)
    said = _("{status}：{reason}").format(status=label, reason=reason) if reason else label
    return f"{tables.STATUS_ICONS[status]}{joiner}{said}"


def cells(record: dict, columns: tuple[Column, ...], lang: str = ZH_CN) -> tuple:
    """One row's cells as shown: text as printed, the ratio as a whole percentage (int), None for blank."""
    shown = []
    for column in columns:
        if column.name == "难度":
            narrow = column.narrow
            shown.append(_difficulty(record["status"], record["难度"], "" if narrow else record["原因"], narrow, lang))
        elif column.percent:
            ratio = record["以往÷所需"]
            shown.append(None if pd.isna(ratio) else round(ratio * 100))
        elif column.name == "指标" and column.narrow:
            shown.append(record["指标"].strip())  # a narrow wrapped column has no room for the indent
        else:
            shown.append(record[column.name])
    return tuple(shown)
