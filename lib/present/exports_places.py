"""功能区域地图's downloads as files: an Excel workbook (项目, 线状工程, 说明) and a CSV per list.

A file leaves the site, so its 原文链接 must open from anywhere: each row's
Target becomes an absolute address under a public base (``LinkBase``), never a
relative path; a base that is not an http(s) address is refused.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from lib.present import i18n, routes
from lib.present.blocks import Target
from lib.present.exports import style_about_sheet, to_csv_bytes
from lib.present.permalink import LOCAL_HOSTS, PUBLIC_URL_ENV

LINK = "原文链接"


@dataclass(frozen=True)
class LinkBase:
    """Where a file's links point: the app (``/plan_reader?…``) or the static edition (``/plan/10/#s2``) under ``base``."""

    base: str
    static: bool = False

    def __post_init__(self) -> None:
        parts = urlsplit(self.base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an absolute http(s) address: {self.base!r}")

    def address(self, target: Target) -> str:
        root = self.base.rstrip("/")
        path = routes.static_path(target) if self.static else None
        return root + path if path else routes.app_url(target, root)

    def about(self, lang: str = i18n.DEFAULT) -> str:
        """The 说明 line on the links: where they point, and a warning when that is a local address."""
        _ = i18n.gettext(lang)
        edition = _("静态公开版") if self.static else _("交互版")
        line = _("每行的规划原文位置，{edition}地址（{base}）").format(edition=edition, base=self.base.rstrip("/"))
        if (urlsplit(self.base).hostname or "") in LOCAL_HOSTS:
            line += _("；这是本机地址，别人打不开：公开发布请设置 {setting}").format(setting=PUBLIC_URL_ENV)
        return line


def sheet_frame(sheet, links: LinkBase, link_header: str = LINK) -> pd.DataFrame:
    """A download sheet (lib.views.zones_map.downloads.Sheet) as a table, 原文链接 (``link_header``) last; numbers stay numbers."""
    columns = {header: [row[i] for row in sheet.rows] for i, header in enumerate(sheet.headers)}
    columns[link_header] = [links.address(target) for target in sheet.links]
    # Object columns keep 12 an int beside an empty cell, so the CSV reads "12", not "12.0".
    return pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in columns.items()})


def csv_bytes(sheet, links: LinkBase, link_header: str = LINK) -> bytes:
    return to_csv_bytes(sheet_frame(sheet, links, link_header))


def workbook_bytes(downloads, links: LinkBase) -> bytes:
    """The Excel file: 项目 and 线状工程 (numbers as numbers, the header row frozen), then 说明."""
    buffer = io.BytesIO()
    about = [*downloads.about, (downloads.link_header, links.about(downloads.lang))]
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet in (downloads.projects, downloads.works):
            frame = sheet_frame(sheet, links, downloads.link_header)
            frame.to_excel(writer, index=False, sheet_name=sheet.name)
            drawn = writer.sheets[sheet.name]
            drawn.freeze_panes = "C2"  # the header row, 序号 and the name stay in view
            for index, column in enumerate(frame.columns, start=1):
                longest = max([len(str(column))] + [len(str(v)) for v in frame[column] if v is not None])
                width = min(4 + 1.8 * longest, 60)  # not a plan figure: a column's width in characters
                drawn.column_dimensions[drawn.cell(row=1, column=index).column_letter].width = width
        pd.DataFrame(about, columns=list(downloads.about_headers)).to_excel(writer, index=False, sheet_name=downloads.about_sheet)
        style_about_sheet(writer.sheets[downloads.about_sheet])
    return buffer.getvalue()
