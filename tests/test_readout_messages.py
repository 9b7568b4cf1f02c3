"""static/readout.js answers chart2music's messages in the page's Chinese: its 繁體 tables are
its 简体 ones converted by lib.present.i18n.hant, as every other 繁體 word is (issue 27)."""

from __future__ import annotations

import json
import re

import pytest

from helpers import ROOT
from lib.present import i18n

SCRIPT = (ROOT / "static" / "readout.js").read_text(encoding="utf-8")


def table(name: str) -> dict[str, str]:
    """One ``var NAME = {…};`` of the script, its keys bare or quoted, its values JSON strings."""
    found = re.search(rf"^  var {name} = \{{(.*?)\}};$", SCRIPT, re.S | re.M)
    assert found, f"static/readout.js has no table {name}"
    pairs = re.findall(r'"?([\w-]+)"?: ("(?:[^"\\]|\\.)*")', found[1])
    return {key: json.loads(value) for key, value in pairs}


@pytest.mark.parametrize(("simplified", "traditional"), [("ZH", "HANT"), ("KEYS", "KEYS_HANT")])
def test_the_traditional_table_is_the_simplified_one_converted(simplified, traditional):
    zh, hant = table(simplified), table(traditional)
    assert len(zh) >= 8 and zh.keys() == hant.keys()
    assert {key: text for key, text in zh.items() if i18n.hant(text) != hant[key]} == {}


def test_the_summary_words_are_converted_too():
    words = json.loads(re.search(r"var SUMMARY = (\{.*?\});", SCRIPT)[1])
    assert words["zh-Hant"] == [i18n.hant(word) for word in words["zh-CN"]]


def test_a_traditional_chart_is_answered_from_the_traditional_tables():
    assert "translationCallback: translator(readout.lang)" in SCRIPT
    assert re.search(r"var messages = hant \? HANT : ZH;", SCRIPT) and re.search(r"var keys = hant \? KEYS_HANT : KEYS;", SCRIPT)
