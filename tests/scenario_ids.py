"""The studio's indicator ids, read cheaply for parametrize (nothing is loaded when a test module is imported).

data/indicators.csv read with the csv module: the 专栏2 rows whose kind the studio
projects. tests/test_scenario.py checks these are exactly the catalogue's options.
"""

import csv
from functools import cache

from helpers import ROOT

SCENARIO_KINDS = ("level", "share", "ratio", "threshold", "total", "reduction")  # lib.engine.scenario.SCENARIO_KINDS
PACE_KINDS = ("level", "share", "threshold")  # bake.charts.PACE_KINDS, a threshold moving as a share


@cache
def studio_ids(kinds: tuple[str, ...] = SCENARIO_KINDS) -> list[str]:
    with (ROOT / "data" / "indicators.csv").open(encoding="utf-8", newline="") as file:
        return [row["indicator_id"] for row in csv.DictReader(file) if row["table_no"] == "2" and row["kind"] in kinds]
