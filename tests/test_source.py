"""The project carries its own copy of the plan and never reads outside itself."""

import hashlib
import re
from pathlib import Path

from lib.plan import plan_text

ROOT = Path(__file__).resolve().parent.parent


def test_plan_copy_is_the_published_text():
    # SHA-256 of shared/source/000_30a6fc03052ead09.txt, recorded in data/source/README.md
    digest = hashlib.sha256(plan_text.PLAN_PATH.read_bytes()).hexdigest()
    assert digest == "3d52eac477b7cc0c5337b01e0dfd687e95a664e963c947afde7032c418e66cd7"


def test_nothing_reads_the_shared_folder():
    offenders = []
    for path in list(ROOT.glob("*.py")) + [p for d in ("lib", "pages", "bench", "geo") for p in (ROOT / d).rglob("*.py")]:
        if re.search(r"\.\./shared|/shared/source", path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders


def test_lib_never_imports_streamlit():
    for path in (ROOT / "lib").rglob("*.py"):
        assert not re.search(r"^\s*(import streamlit|from streamlit)", path.read_text(encoding="utf-8"), re.M), path


def test_outline_has_38_chapters_and_20_boxes():
    chapters = {line.chapter for line in plan_text.plan_lines() if line.chapter}
    assert len(chapters) == 38
    assert list(plan_text.boxes()) == [f"专栏{n}" for n in range(1, 21)]


def test_box_11_is_a_single_line():
    # 专栏11 is followed directly by prose of 第十章第二节 with no heading
    box = plan_text.box("专栏11")
    assert box.first_line == box.last_line - 1 and "中央商务区开发建设" in box.text
