"""Every figure a page shows comes from data/: no printed plan value is written in lib/ or pages/.

A plan figure copied into code (``GDP_2015 = 15720.0``) silently disagrees with
data/ the day one of them is corrected. This walks every numeric literal in
the code and fails on one that equals a value the plan prints and could only
be a copied figure: a number with a fractional part (2.4, 60.9) or with three
or more significant digits (15720). Small whole numbers (font sizes, counts)
can't be told from plan figures by value, so they pass; a line whose number
is not a plan figure says why with ``# not a plan figure: …``.
"""

import ast
from pathlib import Path

import pytest

from lib.plan import data

ROOT = Path(__file__).resolve().parent.parent
YEARS = set(range(2000, 2031))
EXEMPT = "# not a plan figure:"


def distinctive(value: float) -> bool:
    if float(value) != int(value):
        return True
    digits = str(abs(int(value))).rstrip("0")
    return len(digits) >= 3 and int(value) not in YEARS


def plan_values() -> set[float]:
    observations, targets = data.load_observations(), data.load_text_targets()
    values = set(observations.value.dropna()) | set(targets.value.dropna())
    return {float(v) for v in values}


def literals(path: Path):
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            if EXEMPT not in lines[node.lineno - 1]:
                yield node.lineno, node.value


CODE = sorted([*(ROOT / "lib").rglob("*.py"), *(ROOT / "pages").glob("*.py")])


@pytest.mark.parametrize("path", CODE, ids=[str(p.relative_to(ROOT)) for p in CODE])
def test_no_printed_plan_value_is_a_literal(path):
    printed = plan_values()
    found = [(line, value) for line, value in literals(path) if float(value) in printed and distinctive(value)]
    assert not found, f"{path.relative_to(ROOT)}: plan figures written in code (line, value): {found}"


def test_the_scan_would_catch_a_copied_figure(tmp_path):
    # 15720 亿元 is 专栏1's 2015 GDP: written in code it must be found.
    sample = tmp_path / "sample.py"
    sample.write_text("GDP_2015 = 15720.0\n")
    assert [(1, 15720.0)] == [(line, v) for line, v in literals(sample) if float(v) in plan_values()]
