"""The supply-chain check: known vulnerabilities in requirements.txt, or "not run" and why.

    .venv/bin/python -m deploy.audit

``pip-audit -r requirements.txt`` where it cannot reach its vulnerability service skips
every package ("Dependency not found on PyPI and could not be audited") and still prints
"No known vulnerabilities found" and exits 0 (issue 24, finding 10). This reads its JSON
instead and says what happened:

- exit 0: every package audited, no known vulnerability;
- exit 1: a known vulnerability (each printed with its fix);
- exit 3: NOT RUN, with the reason (pip-audit missing, or packages it could not audit);
  never "no known vulnerabilities". CI (.ci/run) shows it as skipped and goes on.

The vendored JavaScript is checked against deploy/advisories.json by tests/test_supply_chain.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOT_RUN = 3


def verdict(report: dict) -> tuple[int, list[str]]:
    """(exit code, lines) from pip-audit's JSON report."""
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    lines = [
        f"VULNERABLE: {d['name']} {d.get('version', '')} {v['id']} (fixed in {', '.join(v.get('fix_versions', [])) or 'no release yet'})"
        for d in vulnerable
        for v in d["vulns"]
    ]
    if vulnerable:
        return 1, [*lines, f"supply-chain check: {len(vulnerable)} of {len(dependencies)} packages have known vulnerabilities"]
    if not dependencies or skipped:
        reasons = sorted({d["skip_reason"].split(":")[0] for d in skipped}) or ["no package was listed"]
        return NOT_RUN, [
            f"supply-chain check NOT RUN: {len(skipped)} of {len(dependencies)} packages could not be audited ({'; '.join(reasons)}). "
            "Nothing is known about their vulnerabilities: run it where the vulnerability service is reachable."
        ]
    return 0, [f"supply-chain check: no known vulnerabilities in {len(dependencies)} packages (all audited)"]


ADVISORIES = Path(__file__).resolve().parent / "advisories.json"


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("-")[0].split("."))


def vendored_problems(listing: dict | None = None, root: Path = ROOT) -> list[str]:
    """What is wrong with the vendored JavaScript against deploy/advisories.json: a changed or
    unlisted file, or a version inside an advisory's affected range (one line each)."""
    import hashlib

    listing = listing or json.loads(ADVISORIES.read_text(encoding="utf-8"))
    problems = []
    listed = {entry["file"] for entry in listing["vendored"]}
    vendored = [*(root / "bake" / "static" / "vendor").rglob("*.js"), *(root / "static" / "vendor").rglob("*.js")]
    for path in sorted(vendored):
        if path.relative_to(root).as_posix() not in listed:
            problems.append(f"{path.relative_to(root)}: not in deploy/advisories.json")
    for entry in listing["vendored"]:
        path = root / entry["file"]
        if not path.exists():
            problems.append(f"{entry['file']}: listed but missing")
            continue
        if hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            problems.append(f"{entry['file']}: SHA-256 differs from the one recorded")
        version = version_key(entry["version"])
        for advisory in listing["advisories"]:
            if advisory["package"] != entry["package"]:
                continue
            for introduced, fixed in advisory["affected"]:
                if version_key(introduced) <= version < version_key(fixed):
                    problems.append(f"{entry['package']} {entry['version']}: {advisory['id']} ({advisory['summary']}; fixed in {fixed})")
    return problems


def main() -> int:
    command = [sys.executable, "-m", "pip_audit", "-r", str(ROOT / "requirements.txt"), "--format", "json", "--progress-spinner", "off"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=900)
        report = json.loads(result.stdout)
    except subprocess.TimeoutExpired:
        code, lines = NOT_RUN, ["supply-chain check NOT RUN: pip-audit did not finish in 15 minutes"]
    except json.JSONDecodeError:
        detail = " ".join((result.stderr or result.stdout).split())[-300:] or f"exit {result.returncode}"
        missing = "No module named pip_audit" in result.stderr
        reason = "pip-audit is not installed (pip install -r requirements-dev.txt)" if missing else detail
        code, lines = NOT_RUN, [f"supply-chain check NOT RUN: {reason}"]
    else:
        code, lines = verdict(report)
    vendored = vendored_problems()
    lines.append(
        "vendored JavaScript: " + ("; ".join(vendored) if vendored else "every file as recorded, no listed advisory affects its version")
    )
    for line in lines:
        print(line)
    return 1 if vendored else code


if __name__ == "__main__":
    sys.exit(main())
