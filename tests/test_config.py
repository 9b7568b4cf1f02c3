"""The public deployment's settings (.streamlit/config.toml) say what issue 7 asks, with no typos."""

import tomllib
from pathlib import Path

import pytest
from streamlit import config as streamlit_config

CONFIG = tomllib.loads((Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml").read_text())
SETTINGS = {f"{section}.{key}": value for section, values in CONFIG.items() for key, value in values.items()}


def test_every_setting_is_one_streamlit_knows():
    # A misspelt key is ignored by Streamlit without a word; here it fails.
    unknown = set(SETTINGS) - set(streamlit_config._config_options_template)
    assert not unknown


@pytest.mark.parametrize(
    "key, value",
    [
        ("client.showErrorDetails", "none"),  # "false" would still show tracebacks
        ("client.showErrorLinks", False),
        ("client.toolbarMode", "minimal"),
        (
            "client.showSidebarNavigation",
            False,
        ),  # no pages/ file list at a restart's first paint (tests/browser/test_languages_walk_in_browser.py)  # the ⋮ menu is English (docs/deployment.md, "English that remains")
        ("runner.magicEnabled", False),
        ("runner.postScriptGC", False),  # a full gc.collect() per run cost ~150 ms under the GIL (docs/speed.md)
        ("browser.gatherUsageStats", False),
        ("server.headless", True),
        ("server.fileWatcherType", "none"),
        ("server.maxUploadSize", 1),
        ("server.maxMessageSize", 1),  # MB; the map, the largest message, is about 0.33 MB (tests/test_deploy.py)
        ("server.maxWidgetStateSize", 1),  # MB; what a visitor sends is a few KB
    ],
)
def test_public_settings(key, value):
    assert SETTINGS[key] == value


def test_protections_stay_at_their_defaults():
    # Both default to true; setting either to false opens the app to other sites.
    assert SETTINGS.get("server.enableCORS", True) is True
    assert SETTINGS.get("server.enableXsrfProtection", True) is True


def test_theme_reads_on_a_projector_and_fetches_nothing():
    assert SETTINGS["theme.baseFontSize"] >= 16
    assert not any("http" in str(value) for key, value in SETTINGS.items() if key.startswith("theme."))
