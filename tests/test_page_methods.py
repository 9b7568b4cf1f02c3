"""AppTest: the data-and-methods page, and downloads that read back into the same table."""

import pandas as pd
import pytest

from helpers import open_page
from lib.plan import data, outcomes, schemas, zones
from lib.present.exports import read_csv_bytes, read_excel_bytes, to_csv_bytes, to_excel_bytes

TABLES = {**data.TABLES, **zones.TABLES, **outcomes.TABLES}


def test_methods_page_runs_with_dictionary_and_downloads():
    at = open_page("methods")
    assert not at.exception
    # One collapsible markdown table per data table; every column described once.
    assert [e.label for e in at.expander] == [f"{title} · {name}" for name, (title, _, _) in TABLES.items()]
    tables = [m.value for m in at.markdown if m.value.startswith("| 列 |")]
    assert len(tables) == len(TABLES)
    for (name, (_, spec, _)), table in zip(TABLES.items(), tables):
        rows = table.split("\n")[2:]
        assert [row.split(" | ")[0].removeprefix("| ").replace("\\", "") for row in rows] == list(spec), name
    # CSV and Excel for every table; no boundaries (Amap's terms for passing them on are unknown, geo/README.md)
    assert len(at.get("download_button")) == 2 * len(TABLES)
    assert any("不提供边界下载" in m.value for m in at.markdown)


@pytest.mark.parametrize("name", list(TABLES))
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_every_download_reads_back_into_the_same_table(name, fmt):
    frame = TABLES[name][2]()
    payload = to_csv_bytes(frame) if fmt == "csv" else to_excel_bytes(frame, name)
    back = read_csv_bytes(payload) if fmt == "csv" else read_excel_bytes(payload)
    assert list(back.columns) == list(frame.columns)
    assert len(back) == len(frame)
    # Compare as the loader would read it: every column back to its schema type.
    columns = schemas.columns(TABLES[name][1])
    for column, dtype in columns.items():
        original = frame[column]
        restored = back[column]
        if dtype == "float":
            assert (
                pd.to_numeric(restored.replace("", None)).equals(original.astype("float64"))
                or (pd.to_numeric(restored.replace("", None)).fillna(-1).round(9) == original.fillna(-1).round(9)).all()
            ), column
        elif dtype == "int":
            assert (pd.to_numeric(restored) == original.astype("int64")).all(), column
        elif dtype == "bool":
            assert (restored.str.lower() == original.map({True: "true", False: "false"})).all(), column
        else:
            assert (restored == original).all(), column


def test_dictionary_lists_allowed_values():
    dictionary = schemas.dictionary({n: s for n, (_, s, _) in data.TABLES.items()})
    kinds = dictionary[(dictionary["表"] == "indicators") & (dictionary["列"] == "kind")]["取值"].iloc[0]
    assert "reduction" in kinds and "threshold" in kinds
