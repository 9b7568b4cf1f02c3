"""The code's shape, checked (issue 22, "Habits of a maintained project"; docs/code.md describes it).

ruff passes (lint and format); lib/ stays a few layers (at most 8 top-level
entries), no module grows past 300 lines, lib/ has no import cycle and never
imports streamlit, the production start imports nothing from the benchmark
harness, the static edition reads lib only through the Views and the
presentation helpers, and no test module loads data or builds a chart when it
is imported. Everything here reads files; nothing is imported.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

LIB = ROOT / "lib"
MAX_LIB_ENTRIES = 8
MAX_LINES = 300


def ruff() -> str:
    # The venv's own ruff (requirements-dev.txt pins it), so CI and a developer run the same version.
    beside = Path(sys.executable).parent / "ruff"
    return str(beside) if beside.exists() else (shutil.which("ruff") or "ruff")


@pytest.mark.parametrize("arguments", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"])
def test_ruff_passes(arguments):
    result = subprocess.run([ruff(), *arguments], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_lib_has_at_most_8_top_level_entries():
    entries = sorted(p.name for p in LIB.iterdir() if p.name not in ("__init__.py", "__pycache__") and (p.is_dir() or p.suffix == ".py"))
    assert len(entries) <= MAX_LIB_ENTRIES, entries


@pytest.mark.parametrize("folder", ["lib", "pages", "bake", "deploy"])
def test_no_module_is_over_300_lines(folder):
    lines = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines()) for p in sorted((ROOT / folder).rglob("*.py"))}
    assert {name: n for name, n in lines.items() if n > MAX_LINES} == {}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in the file (inside functions too: a lazy
    import that closes a cycle is still a cycle in the design, only hidden from the
    interpreter). ``from lib.x import y`` counts as lib.x.y when that is a module, and as
    lib.x when y is a name defined there."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            submodules = {f"{source}.{alias.name}" for alias in node.names if is_module(f"{source}.{alias.name}")}
            # ``from package import module`` imports the module; the package only as its parent.
            found |= submodules if len(submodules) == len(node.names) else submodules | {source}
    return found


def import_graph(folder: Path) -> dict[str, set[str]]:
    """Each module of ``folder`` → the modules of the same package it imports. A module's
    parent packages, which Python runs first, are left out: only the imports the code writes."""
    top = folder.name
    modules = {module_name(p): p for p in sorted(folder.rglob("*.py"))}
    return {
        name: {m for m in imported_modules(path) if m in modules and m != name and m.split(".")[0] == top} for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_lib_has_no_import_cycle():
    assert cycles(import_graph(LIB)) == []


def imports_of(folder: str) -> dict[str, set[str]]:
    return {str(p.relative_to(ROOT)): imported_modules(p) for p in sorted((ROOT / folder).rglob("*.py"))}


def first_party(modules: set[str], top: str) -> set[str]:
    return {m for m in modules if m == top or m.startswith(top + ".")}


# (folder, top-level package it imports from, what of that package it may import): the layers, as data.
RULES = [
    pytest.param("lib", "streamlit", (), id="lib never imports streamlit (pages wrap it)"),
    pytest.param("deploy", "bench", (), id="the production start imports nothing from the benchmark harness"),
    pytest.param(
        "bake", "lib", ("lib.views", "lib.present"), id="the static edition reads lib only through Views and presentation helpers"
    ),
]


@pytest.mark.parametrize("folder, top, allowed", RULES)
def test_what_a_folder_may_import(folder, top, allowed):
    def fits(module: str) -> bool:
        return any(module == a or module.startswith(a + ".") for a in allowed)

    broken = {name: sorted(m for m in first_party(found, top) if not fits(m)) for name, found in imports_of(folder).items()}
    assert {name: found for name, found in broken.items() if found} == {}


# Calls that read data/ or build a View or chart (lib's loaders are all load_*; the rest by name).
LOADING = re.compile(
    r"^(load_\w+|build|\w+_chart|series_catalogue|indicator_options|options_by_id|trajectory|mapped_counts|chapter_choices|level_paces|verdicts)$"
)


def calls_at_import(source: str) -> list[str]:
    """The loading calls a test module makes when it is imported: at module level, in decorators
    (a parametrize list) and default values, not inside a function body or a lambda (which run
    in the test)."""
    tree = ast.parse(source)
    reached: list[ast.AST] = []
    for statement in tree.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            reached += statement.decorator_list
            if not isinstance(statement, ast.ClassDef):
                reached += statement.args.defaults
        else:
            reached.append(statement)

    def walk(node: ast.AST):
        # A lambda's body runs when it is called, not at import.
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, ast.Lambda):
                yield from walk(child)

    found = []
    for node in reached:
        for call in (n for n in walk(node) if isinstance(n, ast.Call)):
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            if LOADING.match(name):
                found.append(f"line {call.lineno}: {ast.unparse(call)[:80]}")
    return found


@pytest.mark.parametrize(
    "source, found",
    [
        ("X = data.load_indicators()", ["line 1: data.load_indicators()"]),
        ("@pytest.mark.parametrize('a', build(1))\ndef test_x(a):\n    pass", ["line 1: build(1)"]),
        ("def test_x(a=zones.load_zones()):\n    pass", ["line 1: zones.load_zones()"]),
        ("def test_x():\n    data.load_indicators()", []),
        ("VIEW = functools.cache(lambda: build(State()))", []),
        ("IDS = data_ids('outcomes.csv', 'outcome_id')", []),
    ],
    ids=["module level", "parametrize list", "default value", "in the test", "in a lambda", "ids read cheaply"],
)
def test_the_import_time_finder(source, found):
    assert calls_at_import(source) == found


def test_no_test_module_loads_data_or_builds_at_import():
    # Collection took 60 s under load while modules loaded tables and built Views at import:
    # parametrize over ids read cheaply (tests/helpers.py data_ids) and load in the test.
    modules = sorted((ROOT / "tests").rglob("test_*.py"))
    found = {str(p.relative_to(ROOT)): calls for p in modules if (calls := calls_at_import(p.read_text(encoding="utf-8")))}
    assert found == {}
