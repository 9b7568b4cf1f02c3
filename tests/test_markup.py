"""lib.present.markup: what reaches st.markdown from the data is shown as text."""

import pandas as pd
import pytest

from helpers import inert
from lib.present import markup


@pytest.mark.parametrize(
    "cell, shown",
    [
        ("总体", "总体"),
        ("a|b", "a\\|b"),  # a pipe would split the cell
        ("<img src=x onerror=alert(1)>", "\\<img src\\=x onerror\\=alert\\(1\\)\\>"),  # "=" too: === would make a heading
        ("**粗**", "\\*\\*粗\\*\\*"),
        ("第一行\n第二行", "第一行 第二行"),  # a newline would end the table
        (12, "12"),
        (None, ""),
    ],
)
def test_markdown_table_escapes_every_cell(cell, shown):
    table = markup.markdown_table(pd.DataFrame({"列": [cell]}, index=pd.Index(["行"], name="idx")))
    header, rule, row = table.split("\n")
    assert row == f"| 行 | {shown} |"
    assert inert(row)


def test_markdown_table_shape_and_index_label():
    frame = pd.DataFrame({"指标数": [2, 8], "需要加速": [0, 1]}, index=pd.Index(["总体", "创新发展"], name="pillar"))
    lines = markup.markdown_table(frame, index_label="五大发展").split("\n")
    assert lines == [
        "| 五大发展 | 指标数 | 需要加速 |",
        "| --- | ---: | ---: |",  # counts are right-aligned
        "| 总体 | 2 | 0 |",
        "| 创新发展 | 8 | 1 |",
    ]
    assert markup.markdown_table(frame).startswith("| pillar |")
