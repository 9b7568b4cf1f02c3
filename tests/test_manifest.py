"""data/manifest.json: a table whose rows or digest differ from the manifest is refused, naming that
table (issue 24, finding 4); and the manifest is current.

observations.csv cut at a line boundary (129 of 215 lines kept) used to load: 概览 showed an
English error, 指标总览 and 数据与方法 blamed outcomes.csv, 指标轨迹 drew with points missing
and the bake died with a bare ValueError.
"""

import json
import shlex
import subprocess
import sys

import pytest
import test_publish

from deploy import serve
from helpers import ROOT, TIMEOUT
from lib.plan import manifest, validation

# As docs/deployment.md and data/README.md give it (tests/test_docs.py checks the text is there).
REGENERATE = ".venv/bin/python -m lib.plan.manifest"
CHECK = ".venv/bin/python -m lib.plan.manifest --check"


def test_the_manifest_lists_every_data_file_as_it_is_now():
    """Fails after any change in data/ until someone runs the command above (the coordinator, after a merge)."""
    assert manifest.differences() == [], f"data/manifest.json is stale: run {REGENERATE}"


def test_the_check_command_passes_on_a_current_manifest():
    command = [sys.executable if word == ".venv/bin/python" else word for word in shlex.split(CHECK)]
    assert subprocess.run(command, cwd=ROOT, capture_output=True, text=True).returncode == 0


def test_every_table_names_its_schema():
    entries = manifest.recorded()
    assert [name for name, entry in entries.items() if name.endswith(".csv") and not entry.get("schema")] == []


TABLE = "id,value\na,1\nb,2\nc,3\n"


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda text: text.rsplit("c,3\n", 1)[0], "应有 3 行数据，实有 2 行"),
        (lambda text: text.replace("b,2", "b,5"), "SHA-256 不符"),
        (None, "不在 data/manifest.json 中"),
    ],
    ids=["rows cut at a line boundary", "a value changed", "a file the manifest does not list"],
)
def test_a_table_that_differs_from_the_manifest_is_refused_naming_it(tmp_path, monkeypatch, damage, words):
    table = tmp_path / "table.csv"
    table.write_text(TABLE, encoding="utf-8")
    if damage:
        (tmp_path / manifest.MANIFEST).write_text(manifest.render(manifest.build(tmp_path)), encoding="utf-8")
        table.write_text(damage(TABLE), encoding="utf-8")
    else:
        (tmp_path / manifest.MANIFEST).write_text(manifest.render({}), encoding="utf-8")
    monkeypatch.setattr(validation, "DATA_DIR", tmp_path)
    load = validation.read_once(lambda: validation.read_csv(table, {"id": "str", "value": "int"}))
    with pytest.raises(validation.DataFileError) as refused:
        load()
    assert refused.value.where == "table.csv" and words in refused.value.problem


def test_a_table_that_matches_loads(tmp_path, monkeypatch):
    table = tmp_path / "table.csv"
    table.write_text(TABLE, encoding="utf-8")
    (tmp_path / manifest.MANIFEST).write_text(manifest.render(manifest.build(tmp_path)), encoding="utf-8")
    monkeypatch.setattr(validation, "DATA_DIR", tmp_path)
    assert len(validation.read_once(lambda: validation.read_csv(table, {"id": "str", "value": "int"}))()) == 3


@pytest.fixture(scope="module")
def cut_copy(tmp_path_factory):
    """An export of the project whose observations.csv lost its last 86 lines (129 of 215 kept)."""
    app = serve.export(tmp_path_factory.mktemp("cut") / "app", source=ROOT)
    observations = app / "data" / "observations.csv"
    lines = observations.read_text(encoding="utf-8").splitlines(keepends=True)
    observations.write_text("".join(lines[:129]), encoding="utf-8")
    return app


def test_the_bake_refuses_the_cut_table_naming_observations_csv(cut_copy):
    command = [sys.executable if word == ".venv/bin/python" else word for word in shlex.split(test_publish.DOCUMENTED)]
    result = subprocess.run(command, cwd=cut_copy, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert "数据文件 data/observations.csv 有误：应有 " in line and "outcomes.csv" not in line, line
    assert "Traceback" not in result.stderr


# Each page as a visitor opens it, in the damaged copy (its own process: lib is imported from there).
PAGES_SCRIPT = """
import json, sys
from streamlit.testing.v1 import AppTest
shown = {}
for name in sys.argv[1:]:
    at = AppTest.from_file("app.py", default_timeout=TIMEOUT)
    at.switch_page("pages/" + name + ".py")
    at.run()
    shown[name] = {"errors": [e.value for e in at.error], "exceptions": [str(e.value) for e in at.exception]}
print(json.dumps(shown, ensure_ascii=False))
""".replace("TIMEOUT", str(TIMEOUT))


def test_the_pages_refuse_the_cut_table_naming_observations_csv(cut_copy):
    pages = ["overview", "indicators", "methods", "trajectories"]
    result = subprocess.run([sys.executable, "-c", PAGES_SCRIPT, *pages], cwd=cut_copy, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    wrong = {
        name: page
        for name, page in shown.items()
        if page["exceptions"] or not any("observations.csv" in e and "outcomes.csv" not in e for e in page["errors"])
    }
    assert wrong == {}


def test_the_regenerate_command_writes_the_manifest_the_repository_holds(tmp_path):
    app = serve.export(tmp_path / "app", source=ROOT)
    (app / "data" / manifest.MANIFEST).unlink()
    command = [sys.executable if word == ".venv/bin/python" else word for word in shlex.split(REGENERATE)]
    subprocess.run(command, cwd=app, check=True, capture_output=True)
    assert (app / "data" / manifest.MANIFEST).read_text(encoding="utf-8") == (ROOT / "data" / manifest.MANIFEST).read_text(encoding="utf-8")
