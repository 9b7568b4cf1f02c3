"""One indicator's data by URL in English (issue 27): ``lang=en`` gives the same cells with English words.

The CSV's headers are the data's own field names (obs_id, period, raw …) in every
language, and its cells are the plan's, as printed, so the 简体 files stay byte for
byte what they were. What changes is what the words say: the metadata's name, unit,
属性, 五大发展, kind and verdict from the glossary, the columns' meanings and the
README in English; the plan's sentences and the sources' names stay in 简体, named so.
"""

from __future__ import annotations

from lib.present.i18n import N_, gettext

# The pandera descriptions of data/observations.csv's columns (lib.plan.schemas), marked for the
# catalogs here; tests/test_view_indicator_data.py holds them equal to the schema's.
COLUMN_WORDS = {
    "obs_id": N_("编号：指标.时期.角色"),
    "period": N_("年份；累计数与“年均”列为规划期"),
    "role": N_("actual 实际值，target 目标值，published_growth 专栏1“年均”列"),
    "value": N_("数值；原文无数字处为空"),
    "qualifier": N_("限定：exact 精确，approx 左右，greater_than ＞，less_than ＜，range 区间，not_applicable ―，none 无数字"),
    "basis": N_("原文注明的旧口径、新口径、旧标准、新标准"),
    "price_basis": N_("价格口径：current 当年价，real 实际增速，nominal 名义增速，unstated 原文未说明"),
    "raw": N_("原文单元格，含换行"),
    "notes": N_("适用的备注编号，分号分隔"),
}
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
    return gettext(lang)(COLUMN_WORDS[name]) if name in COLUMN_WORDS else name
