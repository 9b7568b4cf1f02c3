"""Each Streamlit internal that pages/_compat.py (and the chart/deck helpers) lean on still exists.

These fail on a Streamlit upgrade that moves or renames what we rely on, so the
upgrade is checked here, not discovered by a visitor.
"""

import contextlib
import inspect
import re
from pathlib import Path

import pytest
import streamlit
from streamlit.runtime.pages_manager import PagesManager

from pages import _compat

STATIC = Path(streamlit.__file__).parent / "static" / "static" / "js"


def test_the_legacy_page_mode_flag_is_a_class_attribute():
    # ensure_navigation flips PagesManager.uses_pages_directory, as st.navigation does.
    assert isinstance(PagesManager.uses_pages_directory, (bool, type(None)))
    assert "uses_pages_directory = False" in inspect.getsource(streamlit.commands.navigation)


def test_the_requested_page_name_is_where_requested_page_reads_it():
    manager = PagesManager(main_script_path="app.py")
    assert hasattr(manager, "intended_page_name") and hasattr(manager, "intended_page_script_hash")
    manager.set_script_intent("", "foo")
    assert manager.intended_page_name == "foo"


def test_requested_page_outside_a_script_run_is_the_home_page():
    assert _compat.requested_page() == ""


@pytest.mark.parametrize("test_id", [*_compat.PRESENTER_SELECTORS["hidden"], *_compat.PRESENTER_SELECTORS["styled"]])
def test_every_presenter_selector_names_an_element_streamlit_draws(test_id):
    bundle_has_it = any(re.search(rf'["`]{test_id}["`]', path.read_text(errors="ignore")) for path in STATIC.glob("*.js"))
    assert bundle_has_it, test_id


def test_every_presenter_selector_is_in_the_css_and_the_css_names_no_other():
    named = set(re.findall(r'data-testid="(\w+)"', _compat.PRESENTER_CSS))
    assert named == {*_compat.PRESENTER_SELECTORS["hidden"], *_compat.PRESENTER_SELECTORS["styled"]}


def test_the_handout_hides_only_what_presenter_mode_hides():
    named = set(re.findall(r'data-testid="(\w+)"', _compat.HANDOUT_CSS))
    assert named == {*_compat.PRESENTER_SELECTORS["hidden"], "stMainBlockContainer"}


@pytest.mark.parametrize("test_id", _compat.PRINT_HIDDEN)
def test_every_print_selector_names_an_element_streamlit_draws(test_id):
    assert any(re.search(rf'["`]{test_id}["`]', path.read_text(errors="ignore")) for path in STATIC.glob("*.js")), test_id


def test_st_html_can_run_the_fixed_language_script():
    assert "unsafe_allow_javascript" in inspect.signature(streamlit.html).parameters


def test_vega_charts_pass_arrow_bytes_through():
    # lib.charts.spec ships datasets as Arrow IPC bytes; Streamlit must not convert them again.
    from streamlit.elements import vega_charts

    assert "isinstance(dataset_data, bytes)" in inspect.getsource(vega_charts)


def test_pydeck_charts_serialise_through_to_json():
    # The map's deck serialises itself once, in to_json (see the map's deck module).
    from streamlit.elements import deck_gl_json_chart

    assert "pydeck_obj.to_json()" in inspect.getsource(deck_gl_json_chart)


def test_a_websocket_text_frame_logs_one_line_not_a_traceback():
    """Streamlit reads binary frames only: a text frame raised KeyError('bytes') and uvicorn
    logged a 60-line traceback each time (issue 16 #12); pages/_compat's filter keeps one line."""
    import signal

    from bench.stream import ROOT, Session, server

    with server(ROOT / "app.py") as (port, process):
        first = Session(port)
        first.run("")  # the app has run once, so its filter is in place
        first.close()
        for _ in range(3):
            session = Session(port)
            session.ws.send("not a protobuf")
            with contextlib.suppress(Exception):
                session.ws.recv(timeout=5)  # the server closes the connection
            session.close()
        process.send_signal(signal.SIGTERM)
        log = process.stderr.read().decode()
    assert log.count("websocket text frame refused") == 3, log[-2000:]
    assert "KeyError: 'bytes'" not in log and "Traceback" not in log
