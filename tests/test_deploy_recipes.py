"""The recipes an operator copies: the container image, the systemd unit and the Kubernetes
example (issue 24: start and stop as a service, past one machine). No container engine or
systemd runs here, so their contents are checked; the Kubernetes objects are validated
offline against the schemas kubernetes-validate bundles (pinned in requirements-dev.txt).
"""

import configparser
import json
import re
import shlex

import pytest
import test_serve
import yaml

from deploy import serve
from helpers import ROOT

DEPLOY = ROOT / "deploy"
KUBERNETES_VERSION = "1.37.0"  # the newest schema kubernetes-validate 1.37.0 bundles


def dockerfile() -> dict[str, list[str]]:
    """Each instruction of deploy/Dockerfile (continuation lines joined) → its arguments, in order."""
    text = re.sub(r"\\\n\s*", " ", (DEPLOY / "Dockerfile").read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            instruction, _, rest = line.strip().partition(" ")
            found.setdefault(instruction.upper(), []).append(rest.strip())
    return found


def test_the_image_is_built_from_requirements_txt_before_the_code():
    steps = dockerfile()
    assert re.fullmatch(r"python:3\.11-slim-\w+", steps["FROM"][0])  # a pinned line, never :latest
    assert steps["COPY"][0] == "requirements.txt ." and "pip install --no-cache-dir -r requirements.txt" in steps["RUN"][0]


def test_the_image_runs_as_a_numeric_non_root_user():
    (user,) = dockerfile()["USER"]
    assert user.isdigit() and int(user) > 0 and f"--uid {user}" in dockerfile()["RUN"][0]


def test_the_image_suits_a_read_only_file_system():
    env = " ".join(dockerfile()["ENV"])
    assert "PYTHONDONTWRITEBYTECODE=1" in env and "HOME=/tmp" in env


def test_the_image_checks_its_health_on_stcore_health():
    (check,) = dockerfile()["HEALTHCHECK"]
    assert "http://127.0.0.1:8501/_stcore/health" in check and "--interval=" in check


def test_the_image_starts_a_replica_with_the_deployment_s_flags():
    command = json.loads(dockerfile()["CMD"][0])
    assert command[:5] == ["python", "-m", "streamlit", "run", "app.py"]
    flags = dict(zip(command[5::2], command[6::2]))
    expected = serve.replica_flags("_")
    assert all(flags.get(name) == value for name, value in zip(expected[::2], expected[1::2])), flags
    assert flags["--server.port"] == "8501" and "MALLOC_ARENA_MAX=2" in " ".join(dockerfile()["ENV"])


def test_the_build_context_leaves_out_git_and_the_venv():
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".git", ".venv"} <= set(ignored)


@pytest.fixture(scope="module")
def unit():
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(DEPLOY / "systemd" / "cq-plan.service", encoding="utf-8")
    return parser


def test_the_unit_starts_the_documented_command(unit):
    documented = shlex.split(test_serve.DOCUMENTED)
    started = shlex.split(unit["Service"]["ExecStart"])
    assert started[0] == "/srv/cq-plan/.venv/bin/python" and started[1:] == documented[1:]
    assert unit["Service"]["WorkingDirectory"] == "/srv/cq-plan"


def test_the_unit_stops_with_sigterm_within_the_service_s_own_limit(unit):
    service = unit["Service"]
    assert service["KillSignal"] == "SIGTERM" and int(service["TimeoutStopSec"]) >= test_serve.STOP_SECONDS
    assert service["Restart"] == "on-failure"


def test_the_unit_runs_unprivileged_and_keeps_its_temporary_files_in_its_runtime_folder(unit):
    service = unit["Service"]
    assert service["User"] not in ("", "root") and service["NoNewPrivileges"] == "true"
    assert service["CapabilityBoundingSet"] == "CAP_NET_BIND_SERVICE" and service["ProtectSystem"] == "strict"
    assert service["Environment"] == f"TMPDIR=/run/{service['RuntimeDirectory']}"


@pytest.fixture(scope="module")
def objects():
    return {doc["kind"]: doc for doc in yaml.safe_load_all((DEPLOY / "kubernetes.yaml").read_text(encoding="utf-8"))}


def test_the_kubernetes_example_is_valid_against_the_bundled_schemas(objects):
    kubernetes_validate = pytest.importorskip("kubernetes_validate")
    assert set(objects) == {"Deployment", "Service", "Ingress"}
    for kind, document in objects.items():
        assert kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True), kind


def test_each_replica_is_checked_on_stcore_health(objects):
    (container,) = objects["Deployment"]["spec"]["template"]["spec"]["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": "http"}, probe
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert objects["Deployment"]["spec"]["template"]["spec"]["securityContext"]["runAsNonRoot"] is True


def test_the_ingress_keeps_a_browser_on_its_replica_by_cookie(objects):
    annotations = objects["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"] == "300"  # websockets stay open
    backend = objects["Ingress"]["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == objects["Service"]["metadata"]["name"]
