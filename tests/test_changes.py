"""数据更新记录 (issue 26): lib.plan.changes records what changed in data/ between editions,
the 数据更新记录 View lists it, and bake.changes writes it as a page and an Atom feed."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import pandas as pd
import pytest

from bake import changes as baked
from helpers import ROOT
from lib.plan import changes
from lib.views import changes as view

DATA = ROOT / "data"
CHECK = ".venv/bin/python -m lib.plan.changes --check"  # docs/data.md, run by the test below
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture()
def data_copy(tmp_path):
    """data/'s tables in a scratch folder, recorded once as the first edition."""
    for path in DATA.glob("*.csv"):
        if path.name not in (changes.CHANGES_FILE, changes.EDITIONS_FILE):
            shutil.copyfile(path, tmp_path / path.name)
    assert changes.record("2026-01-01", tmp_path) == []  # the baseline: nothing before it to differ from
    return tmp_path


def edit(folder, name, row_id, **cells):
    frame = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
    for column, value in cells.items():
        frame.loc[frame.iloc[:, 0] == row_id, column] = value
    frame.to_csv(folder / name, index=False, encoding="utf-8")


def test_a_revised_figure_is_recorded_with_its_old_and_new_value_and_source(data_copy):
    # A real row: 研发投入强度 2020 (o_rd_share, 2.11 in 2020年科技投入统计公报), as if revised.
    before = pd.read_csv(data_copy / "outcomes.csv", dtype=str, keep_default_na=False).set_index("outcome_id").loc["o_rd_share"]
    assert before.value == "2.11"
    edit(data_copy, "outcomes.csv", "o_rd_share", value="2.10", value_text="2.10%", url="https://example.org/revised")
    assert len(changes.pending(data_copy)) == 3
    found = changes.record("2026-02-01", data_copy, note="修订")
    by_field = {row["field"]: row for row in found}
    assert sorted(by_field) == ["url", "value", "value_text"]
    value = by_field["value"]
    assert (value["edition"], value["file"], value["row"], value["indicator_id"]) == (
        "2026-02-01",
        "outcomes.csv",
        "o_rd_share",
        "t2_rd_share",
    )
    assert (value["old"], value["new"]) == ("2.11", "2.10")
    assert value["source"] == f"{before.publisher} 《{before.document}》 https://example.org/revised"
    # Written down: the record, the edition, and the new tables as the last edition.
    record = pd.read_csv(data_copy / changes.CHANGES_FILE, dtype=str, keep_default_na=False)
    assert list(record.field) == ["value", "value_text", "url"]
    editions = pd.read_csv(data_copy / changes.EDITIONS_FILE, dtype=str, keep_default_na=False)
    assert list(editions.edition) == ["2026-01-01", "2026-02-01"] and list(editions.changes) == ["0", "3"]
    assert changes.pending(data_copy) == []


def test_added_and_removed_rows_are_recorded_whole(data_copy):
    frame = pd.read_csv(data_copy / "aliases.csv", dtype=str, keep_default_na=False)
    gone = frame.iloc[0]
    added = pd.DataFrame([{"alias": "森林率", "indicator_id": "t2_forest_cover", "why": "测试"}])
    pd.concat([frame.iloc[1:], added]).to_csv(data_copy / "aliases.csv", index=False, encoding="utf-8")
    found = changes.record("2026-03-01", data_copy)
    assert [(r["row"], r["field"], r["old"], r["new"]) for r in found] == [
        ("森林率 / t2_forest_cover", "", "", "新增一行"),
        (f"{gone.alias} / {gone.indicator_id}", "", "删除此行", ""),
    ]


@pytest.mark.parametrize("date", ["2026-13-01", "2026/02/01", "", "明天"])
def test_a_wrong_date_writes_nothing(data_copy, date):
    edit(data_copy, "outcomes.csv", "o_rd_share", value="2.10")
    with pytest.raises(ValueError):
        changes.record(date, data_copy)
    assert len(pd.read_csv(data_copy / changes.EDITIONS_FILE)) == 1
    assert len(changes.pending(data_copy)) == 1


def test_an_edition_is_recorded_once(data_copy):
    with pytest.raises(ValueError, match="已经记录过"):
        changes.record("2026-01-01", data_copy)


def test_the_committed_record_covers_data_as_it_is():
    """Whoever changes data/ records it (python -m lib.plan.changes --date …), as with the manifest;
    the check docs/data.md gives, run as written."""
    result = subprocess.run(CHECK, shell=True, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "data/ 与最近一版相同"


RECORD = pd.DataFrame(
    [
        {"edition": "2026-02-01", "file": "outcomes.csv", "row": "o_rd_share", "indicator_id": "t2_rd_share", "field": "value",
         "old": "2.11", "new": "2.10", "source": "重庆市统计局 《公报》 https://example.org/revised"},
        {"edition": "2026-02-01", "file": "zones.csv", "row": "core", "indicator_id": "", "field": "", "old": "", "new": "新增一行",
         "source": changes.FROM_THE_PLAN},
    ]
)  # fmt: skip
EDITIONS = pd.DataFrame([{"edition": "2026-01-01", "changes": "0", "note": "首版"}, {"edition": "2026-02-01", "changes": "2", "note": ""}])


@pytest.fixture()
def recorded(monkeypatch):
    monkeypatch.setattr(changes, "load_changes", lambda: RECORD.copy())
    monkeypatch.setattr(changes, "load_editions", lambda: EDITIONS.copy())
    return view.build(view.State())


def test_the_view_lists_editions_newest_first_with_each_change(recorded):
    assert [(e.iso, e.date, e.summary) for e in recorded.editions] == [
        ("2026-02-01", "2026年2月1日", "本版记录 2 处改动。"),
        ("2026-01-01", "2026年1月1日", "本版没有改动的数据。"),
    ]
    table = recorded.editions[0].changes
    # The column by its meaning in the data dictionary (outcomes.csv's value: “数值；类别（Ⅱ类）为空”).
    assert table.rows[0] == (
        "outcomes.csv",
        "o_rd_share",
        "研究与试验发展经费支出占地区生产总值比重",
        "数值（value）",
        "2.11",
        "2.10",
        RECORD.source[0],
    )
    assert table.links[0].target.params() == {"row": ["t2_rd_share"]} and table.links[1] is None
    assert recorded.editions[1].changes.rows == ()


def test_an_unknown_url_key_is_a_notice():
    assert view.parse({"x": ["1"]}).notices and view.to_query(view.parse({})) == {}


@pytest.mark.parametrize("site_url", ["https://plan.example.org", ""])
def test_the_feed_has_an_entry_per_edition_dated_by_the_edition(recorded, site_url):
    feed = ElementTree.fromstring(baked.feed(recorded, site_url))
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}updated") for e in entries] == ["2026-02-01T00:00:00+08:00", "2026-01-01T00:00:00+08:00"]
    assert feed.findtext(f"{ATOM}updated") == "2026-02-01T00:00:00+08:00"
    content = entries[0].findtext(f"{ATOM}content").splitlines()
    assert (
        content[1]
        == "outcomes.csv o_rd_share（研究与试验发展经费支出占地区生产总值比重） 数值（value）：2.11 → 2.10；出处：重庆市统计局 《公报》 https://example.org/revised"
    )
    assert content[2] == f"zones.csv core 新增一行；出处：{changes.FROM_THE_PLAN}"
    ids = [feed.findtext(f"{ATOM}id"), *(e.findtext(f"{ATOM}id") for e in entries)]
    assert len(set(ids)) == 3 and all(i.startswith(site_url + "/changes/" if site_url else "tag:") for i in ids)
