"""The README is the front door and docs/ holds the rest; every link resolves, and the commands
the docs give are the ones the tests and CI run, word for word (issue 22, issue 24)."""

import re
from pathlib import Path

import pytest
import test_changes
import test_i18n
import test_manifest
import test_publish
import test_serve
import test_supply_chain

from helpers import ROOT

README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -q -r requirements-dev.txt && .venv/bin/python -m pytest"
START_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/streamlit run app.py"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def commands(path: Path) -> list[str]:
    """The lines of the fenced bash blocks of a Markdown file."""
    blocks = re.findall(r"```bash\n(.*?)```", path.read_text(encoding="utf-8"), re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped (CJK kept), spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_readme_is_short_and_gives_the_two_commands_first():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 250
    assert commands(README)[:2] == [START_COMMAND, TEST_COMMAND]


def test_ci_runs_the_readme_s_test_command_exactly():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == TEST_COMMAND


def test_the_readme_points_to_every_doc():
    text = README.read_text(encoding="utf-8")
    assert {p.name for p in DOCS} >= {"users.md", "deployment.md", "method.md", "data.md", "speed.md", "code.md"}
    assert all(f"docs/{p.name}" in text for p in DOCS)


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page):
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # an address outside the repository
        name, _, anchor = target.partition("#")
        path = (page.parent / name).resolve() if name else page
        if not path.exists():
            broken.append(target)
        elif anchor and path.suffix == ".md":
            headings = re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), re.M)
            if anchor not in {slug(h) for h in headings}:
                broken.append(target)
    assert broken == []


@pytest.mark.parametrize(
    "doc, command",
    [
        ("docs/deployment.md", test_serve.DOCUMENTED),  # run by tests/test_serve.py
        ("docs/deployment.md", test_publish.DOCUMENTED),  # run by tests/test_publish.py
        ("docs/deployment.md", test_manifest.REGENERATE),  # what tests/test_manifest.py asks for when stale
        ("docs/deployment.md", test_manifest.CHECK),  # run by tests/test_manifest.py
        ("docs/deployment.md", test_supply_chain.DOCUMENTED),  # run by tests/test_supply_chain.py
        ("docs/data.md", test_changes.CHECK),  # run by tests/test_changes.py
        ("docs/code.md", test_i18n.UPDATE),  # what tests/test_i18n.py's check asks for
        ("docs/code.md", test_i18n.CHECK),  # run by tests/test_i18n.py
    ],
    ids=[
        "production start",
        "bake and publish",
        "manifest",
        "manifest check",
        "supply-chain check",
        "data changes check",
        "catalogs",
        "catalogs check",
    ],
)
def test_a_command_the_docs_give_is_the_one_its_test_runs(doc, command):
    assert command in commands(ROOT / doc)


def test_the_code_guide_names_every_layer_of_lib():
    text = (ROOT / "docs" / "code.md").read_text(encoding="utf-8")
    layers = sorted(p.name for p in (ROOT / "lib").iterdir() if p.is_dir() and not p.name.startswith("__"))
    assert [name for name in layers if f"{name}/" not in text] == []


def test_the_accessibility_install_in_the_code_guide_is_the_one_ci_runs():
    install = next(c for c in commands(ROOT / "docs" / "code.md") if "npm ci" in c)
    assert install in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
