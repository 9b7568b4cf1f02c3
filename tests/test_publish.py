"""A failed bake leaves the published site as it was (issue 24, finding 3).

``python -m bake --out public/`` bakes into a new folder beside public/, runs the
site checks there and only then swaps it in. A damaged data file, a failed check
or any error leaves public/ untouched, nothing beside it, and says why in one
Chinese line with the file (and line), no traceback.
"""

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bake import __main__ as command
from bake import checks, site
from deploy import serve
from helpers import ROOT

# As docs/deployment.md gives it (tests/test_docs.py checks the text is there, verbatim).
DOCUMENTED = ".venv/bin/python -m bake --out public/ --app-url https://dash.example.org"
OLD = {"index.html": "旧网站", "indicators/index.html": "旧表格"}


def write_site(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def published(tmp_path):
    out = tmp_path / "public"
    write_site(out, OLD)
    return out


def fake_bake(files: dict[str, str], fail: Exception | None = None):
    def bake(out, app_url, with_search, **options):  # site_url, handouts: what the command passes on
        out.mkdir(parents=True)
        write_site(out, files)
        if fail:
            raise fail
        return site.Report(pages=len(files), files=len(files))

    return bake


def run(out: Path, capsys) -> tuple[int, list[str]]:
    code = command.main(["--out", str(out), "--no-search"])
    return code, capsys.readouterr().err.splitlines()


def test_a_bake_that_passes_its_checks_replaces_the_site_whole(published, monkeypatch, capsys):
    monkeypatch.setattr(site, "bake", fake_bake({"index.html": "新网站"}))
    monkeypatch.setattr(checks, "check_site", lambda out, app_url, **options: [])
    code, _ = run(published, capsys)
    assert code == 0
    assert snapshot(published) == {"index.html": "新网站"}
    assert [p.name for p in published.parent.iterdir()] == ["public"]  # no staging or old copy left beside it


def test_a_first_bake_creates_the_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(site, "bake", fake_bake({"index.html": "新网站"}))
    monkeypatch.setattr(checks, "check_site", lambda out, app_url, **options: [])
    assert run(tmp_path / "public", capsys)[0] == 0
    assert snapshot(tmp_path / "public") == {"index.html": "新网站"}


@pytest.mark.parametrize(
    "bake, problems, words",
    [
        (fake_bake({"index.html": "<html>"}), ["index.html: 没有标题"], ["站点检查发现 1 个问题", "未改动"]),
        (fake_bake({"index.html": "半"}, fail=ValueError("boom")), [], ["tests/test_publish.py 第", "ValueError：boom", "未改动"]),
    ],
    ids=["a site check fails", "the bake raises"],
)
def test_a_failed_bake_leaves_the_site_untouched_and_says_why_in_one_chinese_line(published, monkeypatch, capsys, bake, problems, words):
    monkeypatch.setattr(site, "bake", bake)
    monkeypatch.setattr(checks, "check_site", lambda out, app_url, **options: problems)
    code, lines = run(published, capsys)
    assert code == 1
    assert snapshot(published) == OLD
    assert [p.name for p in published.parent.iterdir()] == ["public"]
    last = lines[-1]
    assert last.startswith("生成失败") and all(w in last for w in words), last
    assert not any("Traceback" in line for line in lines)


def test_a_damaged_data_file_names_its_line_and_the_old_site_keeps_serving(tmp_path):
    """The documented command, run in a copy of the project whose observations.csv has one wrong figure."""
    app = serve.export(tmp_path / "app", source=ROOT)
    observations = app / "data" / "observations.csv"
    text = observations.read_text(encoding="utf-8")
    observations.write_text(text.replace("value,7926,亿元", "value,7962,亿元", 1), encoding="utf-8")
    out = app / "public"
    write_site(out, OLD)
    before = sorted(p.name for p in app.iterdir())
    command = [sys.executable if word == ".venv/bin/python" else word for word in shlex.split(DOCUMENTED)]
    result = subprocess.run(command, cwd=app, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert snapshot(out) == OLD
    assert sorted(p.name for p in app.iterdir()) == before  # no staging folder left beside public/
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert (
        lines[0]
        == "生成失败，public/ 未改动：数据文件 data/observations.csv 第2行 有误：value 7962.0 does not match the printed text '7926'"
    )
