"""Test helpers: absolute paths for AppTest, ids read cheaply for parametrize, opening a page as a visitor,
checking markup is inert, processes and ports."""

import csv
import functools
import importlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 60  # AppTest's 3 s default is far too short on a loaded 2-core machine


def data_rows(file: str, **equal: str) -> list[dict[str, str]]:
    """The rows of data/<file> where every ``column=value`` of ``equal`` holds, as text, read
    with the csv module: cheap enough for a parametrize list at collection time (no pandas,
    no validation). The test then loads the validated row itself (``row_of``)."""
    with (ROOT / "data" / file).open(newline="", encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if all(row[k] == v for k, v in equal.items())]


def data_ids(file: str, column: str, **equal: str) -> list[str]:
    """One column of ``data_rows``: the ids to parametrize over."""
    return [row[column] for row in data_rows(file, **equal)]


def series_rows() -> list[dict[str, str]]:
    """The rows of data/indicators.csv that are a series of 指标轨迹 (lib/plan/series.py series_catalogue),
    in its order, read as cheaply as ``data_rows``: every row but a group heading and a 专栏1 row
    continued by a 专栏2 row of the same kind. tests/test_view_trajectories.py checks it against the catalogue."""
    rows = sorted(data_rows("indicators.csv"), key=lambda row: (int(row["table_no"]), int(row["position"])))
    kinds = {row["indicator_id"]: row["kind"] for row in rows}
    continued = {row["previous_id"] for row in rows if row["previous_id"] and kinds[row["previous_id"]] == row["kind"]}
    return [row for row in rows if row["kind"] != "group" and row["indicator_id"] not in continued]


def series_ids() -> list[str]:
    """The ids of ``series_rows``: the series to parametrize over."""
    return [row["indicator_id"] for row in series_rows()]


def row_of(frame, column: str, value: str):
    """The one row of ``frame`` whose ``column`` is ``value``, as itertuples gives it."""
    (row,) = (r for r in frame.itertuples() if getattr(r, column) == value)
    return row


def page(name: str) -> str:
    return str(ROOT / "pages" / f"{name}.py")


def open_page(name: str, query: dict | None = None):
    """Run app.py and go to one page, as a visitor following a link would.

    Through app.py, st.page_link and the navigation work as in the real app.
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.switch_page(page(name))
    return at.run()


def inert(markdown: str) -> bool:
    """True when markdown text holds no live tag, link or directive.

    Markup from the URL or the data must arrive escaped ("\\<img …"), so
    st.markdown shows it as text.
    """
    import re

    return not re.search(r"(?<!\\)<[a-zA-Z/!]|(?<!\\)\]\((?:javascript|data):|(?<!\\):[a-z-]+(?<!\\)\[", markdown)


# The Streamlit app's base URL a test bake links to (tests/conftest.py baked_site): another host,
# so the site checks see that a link to the app is allowed where a resource from it would not be.
BAKE_APP_URL = "https://dash.example.org"


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as the kernel writes them) with a socket listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, their children …), read from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting to be reaped counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@functools.cache
def built(module_name: str, state):
    """``build(state)`` of the View module ``module_name``, once per test session.

    For tests that only read Views (their links): tests/test_contract_links.py and
    tests/test_links_of_my_pages.py follow the same zones, chapters and languages, each View
    taking up to a second to build. A View is frozen; a test that changes one builds its own.
    """
    return importlib.import_module(module_name).build(state)
