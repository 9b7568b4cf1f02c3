"""The static edition's 指标总览 and indicator pages: every figure, link and sort key is the Views'.

The site is baked once per session (tests/conftest.py baked_site); these read it back.
"""

from __future__ import annotations

import ast
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bake import charts, checks, pages
from helpers import BAKE_APP_URL as APP_URL
from helpers import data_ids
from lib.engine import tables
from lib.plan import data
from lib.present import exports
from lib.present.blocks import plain_text


@pytest.fixture(scope="session")
def out(baked_site) -> Path:
    return baked_site[0]


def page_text(path: Path) -> str:
    """The text a reader sees, whitespace collapsed (scripts excluded)."""
    return " ".join("".join(checks.read_page(path).text).split())


# --- the figures are the Views' strings ----------------------------------------------------


class _Rows(HTMLParser):
    """Each <tr id="row-…">'s cells' text, in order."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, list[str]] = {}
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "tr" and (values.get("id") or "").startswith("row-"):
            self._row = values["id"][4:]
            self.rows[self._row] = []
        elif tag in ("td", "th") and self._row:
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self.rows[self._row].append(self._cell)
            self._cell = None
        if tag == "tr":
            self._row = None

    def handle_data(self, text):
        if self._cell is not None:
            self._cell += text


def test_both_tables_show_the_views_cells(out):
    parser = _Rows()
    parser.feed((out / "indicators" / "index.html").read_text(encoding="utf-8"))
    for view in pages.table_views().values():
        assert view.rows, view.heading
        for row_id, row in zip(view.row_ids, view.rows):
            expected = ["" if c is None else (f"{c}%" if col.percent else str(c)) for col, c in zip(view.columns, row)]
            assert parser.rows[row_id] == expected, row_id


def test_the_tables_keep_the_printed_marks(out):
    text = page_text(out / "indicators" / "index.html")
    # As printed in 专栏2 (data/source/plan.txt): 左右 targets, ＞ thresholds and 【】 five-year totals
    for mark in ("左右", "＞", "【"):
        assert mark in text, mark


@pytest.mark.parametrize("indicator_id", data_ids("indicators.csv", "indicator_id"))
def test_an_indicator_page_holds_its_views_strings(out, indicator_id):
    table_view, trajectory = pages.indicator_views(indicator_id)
    detail = table_view.detail
    path = out / "indicator" / indicator_id / "index.html"
    text = page_text(path)
    # everything the app's row detail shows, the 2020 outcome included, and everything its trajectory shows
    expected = [detail.title, detail.printed, detail.source, *detail.pace_lines, *detail.outcome_lines, *detail.notes]
    if detail.definition:
        expected.append(detail.definition)
    if trajectory is not None:
        expected += [plain_text(trajectory.summary), plain_text(trajectory.message), plain_text(trajectory.outcome)]
        expected += [plain_text(trajectory.marks), plain_text(trajectory.notes), *(r.text for r in trajectory.related)]
        if trajectory.chart is not None:
            expected.append(trajectory.chart.caption)
        if trajectory.class_table is not None:
            expected += ["".join(str(c) for c in row) for row in trajectory.class_table.rows]  # cells side by side
    for string in filter(None, (line for item in expected for line in item.split("\n"))):
        assert " ".join(string.split()) in text, string
    if trajectory is not None and trajectory.chart is not None:
        # the chart is the app's own spec (its rows inline, as the View holds them), compiled to Vega
        baked_spec = json.loads((path.parent / "chart.json").read_text(encoding="utf-8"))
        assert baked_spec == json.loads(json.dumps(charts.vega_spec(trajectory.chart.spec)))
        assert (path.parent / "chart.svg").read_text(encoding="utf-8").startswith("<svg")


@pytest.mark.parametrize(
    "indicator, lines",
    [
        # data/outcomes.csv o_services_share: 统计公报 "三次产业结构比为7.2:40.0:52.8", met against 50左右
        (
            "t2_services_share",
            ["2020年结果：达到：2020年52.8%，目标50%左右（容差±0.5个百分点）。", "原句：“三次产业结构比为7.2:40.0:52.8。”"],
        ),
        # o_rd_share: 2.11% against 2.2 (专栏2 row 5), from 《2020年重庆市科技投入统计公报》
        (
            "t2_rd_share",
            ["2020年结果：未达到：2020年2.11%，目标2.2%。", "网址：http://liaoningxiaochi.com/n2/2021/1012/c365402-34951546.html"],
        ),
    ],
)
def test_an_indicator_page_shows_the_2020_outcome_the_app_shows(out, indicator, lines):
    text = page_text(out / "indicator" / indicator / "index.html")
    assert "2020年实际结果" in text
    for line in lines:
        assert line in text, line


def test_a_continued_table_one_row_draws_its_table_two_series(out):
    # 专栏1 row 25 森林覆盖率 continues as 专栏2 row 12: one trajectory (lib.plan.series.series_of)
    page = (out / "indicator" / "t1_forest_cover" / "index.html").read_text(encoding="utf-8")
    assert (out / "indicator" / "t1_forest_cover" / "chart.json").read_bytes() == (
        out / "indicator" / "t2_forest_cover" / "chart.json"
    ).read_bytes()
    assert f'href="{APP_URL}/trajectories?indicator=t2_forest_cover"' in page


# The bake modules that draw only Views and presentation helpers (issue 22); add a module once it does.
VIEW_ONLY_MODULES = ("pages.py",)


@pytest.mark.parametrize("module", VIEW_ONLY_MODULES)
def test_a_bake_module_imports_only_views_and_presentation_helpers(module):
    tree = ast.parse((Path(pages.__file__).parent / module).read_text(encoding="utf-8"))
    imported = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    from_lib = [name for name in imported if name == "lib" or name.startswith("lib.")]
    assert from_lib and all(name.startswith(("lib.views", "lib.present")) for name in from_lib), from_lib


def test_an_indicator_csv_holds_its_printed_cells(out):
    # 森林覆盖率: 2015年 45, 2020年 46 (专栏2 row 12, data/source/plan.txt)
    frame = exports.read_csv_bytes((out / "indicator" / "t2_forest_cover" / "data.csv").read_bytes())
    assert dict(zip(frame.period, frame.raw)) == {"2015": "45", "2020": "46"}


def test_a_page_links_to_its_view_in_the_app(out):
    text = (out / "indicator" / "t2_forest_cover" / "index.html").read_text(encoding="utf-8")
    assert f'href="{APP_URL}/trajectories?indicator=t2_forest_cover"' in text
    assert f'href="{APP_URL}/indicators?row=t2_forest_cover"' in text


# --- the tables filter and sort in the browser ------------------------------------------------


class _TableData(HTMLParser):
    """Each row's data-* and each cell's data-sort (None where the cell has none), by table id."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, dict[str, dict]] = {}
        self.classes: dict[str, str] = {}
        self._table = self._row = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "table" and values.get("id"):
            self._table = values["id"]
            self.classes[self._table] = values.get("class", "")
            self.rows[self._table] = {}
        elif tag == "tr" and self._table and values.get("data-id"):
            self._row = {key[5:]: value for key, value in values.items() if key.startswith("data-")} | {"sort": []}
            self.rows[self._table][values["data-id"]] = self._row
        elif tag in ("td", "th") and self._row is not None:
            self._row["sort"].append(values.get("data-sort"))

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None
        elif tag == "table":
            self._table = None


@pytest.fixture(scope="module")
def table_data(out) -> _TableData:
    parser = _TableData()
    parser.feed((out / "indicators" / "index.html").read_text(encoding="utf-8"))
    return parser


def test_the_tables_sort_by_the_recorded_values(table_data):
    # sortable-tablesort reads these classes: sortable, asc (first click ascending), n-last (blanks last)
    assert set(table_data.classes["table2"].split()) >= {"sortable", "asc", "n-last"}
    rows = table_data.rows["table2"]
    columns = [c.name for c in pages.table_views()[2].columns]

    def key(indicator_id: str, column: str) -> str | None:
        return rows[indicator_id]["sort"][columns.index(column)]

    # As printed in 专栏2 (data/source/plan.txt), each 2020 cell sorts by its number:
    assert float(key("t2_services_share", "2020年")) == 50  # "50左右"
    assert float(key("t2_port_external_share", "2020年")) == 50  # "＞50"
    assert float(key("t2_new_construction_land", "2020年")) == 75000  # "＜【75000】"
    assert float(key("t2_poverty_exit", "2020年")) == 70.6  # "【70.6】"
    assert key("t2_innovation_efficiency", "2015年") == ""  # a group row: blank, sorted last
    # 序号 by printed position, so sorting it gives back the printed order (sub-rows have no 序号 of their own)
    assert [int(r["sort"][columns.index("序号")]) for r in rows.values()] == list(range(len(rows)))
    # a ratio by the ratio, not by its rounded percentage
    frame = tables.indicator_table(2).set_index("indicator_id")
    assert float(key("t2_forest_cover", "以往÷所需")) == frame.loc["t2_forest_cover", "以往÷所需"]
    # every printed value cell sorts by the number data/observations.csv records for it
    values = data.load_observations().set_index("obs_id").value
    for table, frame in ((2, tables.indicator_table(2)), (1, tables.indicator_table(1))):
        columns = [c.name for c in pages.table_views()[table].columns]
        for record in frame.to_dict("records"):
            for heading in [c[:-4] for c in record if c.endswith("#obs") and c[:-4] in columns]:
                baked = table_data.rows[f"table{table}"][record["indicator_id"]]["sort"][columns.index(heading)]
                obs_id = record[f"{heading}#obs"]
                expected = "" if not obs_id or math.isnan(values[obs_id]) else float(values[obs_id])
                assert (baked if baked == "" else float(baked)) == expected, (record["indicator_id"], heading)


def _filtered(rows: dict[str, dict], words: str = "", pillar: str = "", attribute: str = "") -> list[str]:
    """bake/static/tables.js's rule, over the rows' data attributes."""
    words = words.strip().lower()
    return [
        rid
        for rid, r in rows.items()
        if (not pillar or r["pillar"] == pillar)
        and (not attribute or r["attribute"] == attribute)
        and (not words or words in r["name"].lower() or words in r["id"].lower())
    ]


@pytest.mark.parametrize(
    "words, pillar, attribute",
    [
        ("森林", "", ""),
        ("GDP", "", ""),
        ("pm25", "", ""),
        ("收入", "", "预期性"),
        ("", "绿色发展", ""),
        ("", "绿色发展", "约束性"),
        ("", "", "约束性"),
    ],
)
def test_the_filter_keeps_the_rows_lib_keeps(table_data, words, pillar, attribute):
    for table in (2, 1):
        expected = tables.filter_table(
            tables.indicator_table(table),
            pillars=[pillar] if pillar and table == 2 else None,
            attributes=[attribute] if attribute else None,
            query=words,
        )
        if pillar and table == 1:
            continue  # 专栏1 has no 五大发展 groups, and no group picker
        assert _filtered(table_data.rows[f"table{table}"], words, pillar, attribute) == list(expected.indicator_id), (table, words)


def test_the_table_tools_are_hidden_without_javascript_and_in_chinese(out):
    html = (out / "indicators" / "index.html").read_text(encoding="utf-8")
    forms = re.findall(r"<form class=\"table-tools\"[^>]*>", html)
    assert len(forms) == 2 and all(" hidden" in f for f in forms)
    assert html.count('name="pillar"') == 1  # only 专栏2 has 五大发展 groups
    tools = "".join(re.findall(r"<form class=\"table-tools\".*?</form>", html, re.S))
    visible = re.sub(r"<[^>]+>", " ", tools) + " ".join(re.findall(r'(?:placeholder|aria-label)="([^"]*)"', tools))
    assert not re.search(r"[A-Za-z]{3,}", visible.replace("PM2.5", "")), visible
