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

from pages import _chrome, _compat

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


@pytest.mark.parametrize("test_id", _compat.DISPLAY_SELECTORS)
def test_every_display_selector_names_an_element_streamlit_draws(test_id):
    assert any(re.search(rf'["`]{test_id}["`]', path.read_text(errors="ignore")) for path in STATIC.glob("*.js")), test_id


def test_the_display_css_names_only_its_selectors():
    named = {name for css in _compat.DISPLAY_CSS.values() for name in re.findall(r'data-testid="(\w+)"', css)}
    assert named == set(_compat.DISPLAY_SELECTORS)


@pytest.mark.parametrize("test_id", _compat.PRINT_HIDDEN)
def test_every_print_selector_names_an_element_streamlit_draws(test_id):
    assert any(re.search(rf'["`]{test_id}["`]', path.read_text(errors="ignore")) for path in STATIC.glob("*.js")), test_id


@pytest.mark.parametrize("test_id", _compat.TOP_SELECTORS)
def test_every_top_band_selector_names_an_element_streamlit_draws(test_id):
    assert any(re.search(rf'["`]{test_id}["`]', path.read_text(errors="ignore")) for path in STATIC.glob("*.js")), test_id


def test_the_sidebar_still_says_whether_it_is_collapsed():
    # TOP_CSS gives the column the header's height back only while the sidebar is open
    assert set(re.findall(r'data-testid="(\w+)"', _compat.TOP_CSS)) == set(_compat.TOP_SELECTORS)
    assert any('"data-collapsed"' in path.read_text(errors="ignore") for path in STATIC.glob("*.js"))


def test_st_html_can_run_the_fixed_language_script():
    assert "unsafe_allow_javascript" in inspect.signature(streamlit.html).parameters


def test_vega_charts_pass_arrow_bytes_through():
    # pages/_blocks.arrow_spec ships datasets as Arrow IPC bytes (cached); Streamlit must not convert them again.
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


def _colour_props_streamlit_rewrites() -> dict[str, set[str]]:
    """Layer type → the colour props Streamlit's map frontend rewrites while a click's selection lasts.

    Read from the installed bundle (its table ``{[ScatterplotLayer.layerName]: ["getFillColor", …], …}``),
    so a Streamlit upgrade that changes the table is seen here.
    """
    bundle = next(path for path in STATIC.glob("DeckGlJsonChart*.js")).read_text(errors="ignore")
    names = dict(re.findall(r"([\w$]+)\.layerName=`(\w+)`", bundle))
    table = re.search(r"=\{((?:\[[\w$]+\.layerName\]:\[[^\]]*\],?)+)\}", bundle)
    assert table, "Streamlit's table of the colour props it rewrites on a selection is gone: recheck lib/present/maps/deck.py"
    rewrites = {}
    for var, props in re.findall(r"\[([\w$]+)\.layerName\]:\[([^\]]*)\]", table.group(1)):
        rewrites[names[var]] = set(re.findall(r"`(\w+)`", props))
    return rewrites


def test_streamlit_still_rewrites_the_colours_the_map_keeps_out_of_its_reach():
    rewrites = _colour_props_streamlit_rewrites()
    # What lib/present/maps/deck.py works round: a GeoJsonLayer's fill, a TextLayer's and PathLayer's colour.
    assert "getFillColor" in rewrites["GeoJsonLayer"] and "getLineColor" not in rewrites["GeoJsonLayer"]
    assert "getColor" in rewrites["TextLayer"] and "getColor" in rewrites["PathLayer"]


@pytest.mark.parametrize("place, works", [("all", False), ("core", True), ("500101", True)])
def test_no_map_layer_sets_a_colour_streamlit_would_rewrite(place, works):
    import json

    from lib.views import zones_map

    rewrites = _colour_props_streamlit_rewrites()
    spec = json.loads(zones_map.build(zones_map.State(place=place, works=works)).deck.to_json())
    for layer in spec["layers"]:
        # A rewritten colour greys the map during a selection, and swapping it cost a second per click in software WebGL.
        assert not rewrites.get(layer["@@type"], set()) & set(layer), (layer["id"], rewrites[layer["@@type"]] & set(layer))


# Vega builds this one from a mark's type: `${type} mark container`.
COMPOSED = {"group mark container": "mark container"}


@pytest.mark.parametrize("english", [*_chrome.WORDS, *_chrome.PREFIXES])
def test_every_string_the_chrome_script_translates_is_one_streamlit_writes(english):
    # A string Streamlit no longer writes is a translation that silently stopped mattering;
    # a new one shows up as English in tests/browser/test_a11y.py.
    wanted = COMPOSED.get(english, english)
    assert any(wanted in path.read_text(errors="ignore") for path in STATIC.rglob("*.js")), english


@pytest.mark.parametrize("test_id", _compat.CHIP_SELECTORS)
def test_every_chip_selector_names_an_element_streamlit_draws(test_id):
    assert any(re.search(rf'["`]{test_id}["`]', path.read_text(errors="ignore")) for path in STATIC.glob("*.js")), test_id


def test_a_chip_is_still_marked_by_its_attribute():
    assert any(f'"{_compat.CHIP_ATTRIBUTE}"' in path.read_text(errors="ignore") for path in STATIC.glob("*.js"))
    assert set(re.findall(r'data-testid="(\w+)"', _compat.WRAPPED_CHIPS_CSS)) == set(_compat.CHIP_SELECTORS)
