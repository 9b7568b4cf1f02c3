"""The benchmarks' own apps run, so a Streamlit upgrade cannot quietly break a bench.

The benches are not run by the test command (they take minutes and need a
quiet machine), but every app they load is: each bare and one-component app,
and each one-element app that bench/component_costs.py writes.
"""

import shutil
import subprocess

import pytest
from streamlit.testing.v1 import AppTest

from bench import component_costs, proxy
from helpers import ROOT, TIMEOUT

BENCH_APPS = ["bare_app.py", "bare_slider.py", *component_costs.COMPONENT_APPS.values()]


def element_names(at: AppTest) -> set[str]:
    return {node.type for node in at.main}


@pytest.mark.parametrize("script", BENCH_APPS)
def test_bench_apps_run(script):
    at = AppTest.from_file(str(ROOT / "bench" / script), default_timeout=TIMEOUT).run()
    assert not at.exception


@pytest.mark.parametrize("element", list(component_costs.ELEMENTS))
def test_each_one_element_app_runs_and_shows_its_element(element, tmp_path):
    script = tmp_path / f"{element}.py"
    script.write_text(component_costs.HEADER + component_costs.ELEMENTS[element] + "\n")
    at = AppTest.from_file(str(script), default_timeout=TIMEOUT).run()
    assert not at.exception
    # The title plus the element being measured: nothing else that would add to its cost.
    assert len(at.main) == 2, element_names(at)


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (only bench --proxy needs it)")
def test_the_proxy_config_is_one_nginx_accepts(tmp_path):
    config = tmp_path / "nginx.conf"
    config.write_text(proxy.config_text({18081: 18080}, str(tmp_path)))
    checked = subprocess.run(["nginx", "-t", "-c", str(config), "-p", str(tmp_path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert (proxy.STATIC / "js").is_dir()  # the folder nginx is told to serve exists in the installed wheel


@pytest.mark.parametrize(
    "result, broken",
    [
        ({"bake_s": 26.2, "bare_bake_s": 1.2, "weights": {"site_mb": 10.5, "over_150_kb": []}}, []),
        (
            {"bake_s": 121.0, "bare_bake_s": 1.2, "weights": {"site_mb": 10.5, "over_150_kb": []}},
            ["bake 121.0 s ≥ 120 s (bare bake 1.2 s in the same run)"],
        ),
        (
            {"weights": {"site_mb": 45.5, "over_150_kb": ["/zones/index.html"]}},
            ["site 45.5 MB > 45 MB", "pages over 150 KB: /zones/index.html"],
        ),
        (
            {"weights": {"site_mb": 40.0, "edition_mb": {"zh-CN": 14.9, "en": 15.2, "zh-Hant": 9.9}, "over_150_kb": []}},
            ["editions over 15 MB: en 15.2 MB"],
        ),
    ],
    ids=["within", "slow bake", "heavy site", "heavy edition"],
)
def test_the_bake_bench_names_each_broken_budget(result, broken):
    # The bake's time budget lives here, in bench/, not in a test: a busy machine failed CI on it.
    from bench.bake_bench import broken_budgets

    assert broken_budgets(result) == broken
