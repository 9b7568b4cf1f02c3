"""One indicator's data by URL in English (issue 27): ``lang=en`` gives the same cells with English words.

The CSV's headers are the data's own field names (obs_id, period, raw …) in every
language, and its cells are the plan's, as printed, so the 简体 files stay byte for
byte what they were. What changes is what the words say: the metadata's name, unit,
属性, 五大发展, kind and verdict from the glossary, the columns' meanings and the
README in English; the plan's sentences and the sources' names stay in 简体, named so.
"""

from __future__ import annotations

from lib.plan import schemas
from lib.present.i18n import N_, gettext

README = N_(
    "# {title}（{box}·{row}）\n\n"
    "来源：{source}。数值照原文；每个数字都写明原文写法（raw 列）。\n"
    "数据截至 {date}。\n\n"
    "## 文件\n\n"
    "- `{csv}`：原表中本指标的每个单元格，一行一格（UTF-8，带 BOM，Excel 可直接打开）。\n"
    "- `{metadata}`：单位、指标属性、口径、定义、备注、在规划中的位置，以及2020年结果（判断、数字、原句与网址）。\n\n"
    "## 列\n\n"
    "{columns}\n\n"
    "## 出处\n\n"
    "{place}\n\n"
    "规划原文的句子、原表与数据中的中文说明照原样以简体中文引用，见 `{metadata}`。\n"
)


def column_words(name: str, lang: str) -> str:
    """A column's meaning in ``lang``: its schema's description (marked for the catalogs where it is written, lib.plan.schemas)."""
    spec = schemas.OBSERVATIONS.get(name)
    return gettext(lang)(spec[1].description) if spec and spec[1].description else name
