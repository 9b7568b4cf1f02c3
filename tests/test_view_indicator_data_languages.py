"""Data by URL in English (issue 27): ``lang=en`` words the files in English; the cells and the 简体 files stay as they were."""

import re

import pytest

from bake import opendata
from lib.views import indicator_data
from lib.views.indicator_data import languages
from lib.views.indicators.row_detail import OBSERVATION_COLUMNS
from lib.views.query import Notice

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@pytest.mark.parametrize(
    "query, state",
    [
        ({"indicator": ["t2_gdp_growth"], "lang": ["en"]}, indicator_data.State("t2_gdp_growth", "en")),
        ({"indicator": ["t2_gdp_growth"]}, indicator_data.State("t2_gdp_growth")),
        # 繁體 readers get the 简体 words: the files quote the plan, and no 繁體 file is made
        ({"indicator": ["t2_gdp_growth"], "lang": ["zh-Hant"]}, indicator_data.State("t2_gdp_growth")),
        ({"indicator": ["t2_gdp_growth"], "lang": ["fr"]}, indicator_data.State("t2_gdp_growth", notices=(Notice("lang", "fr"),))),
    ],
)
def test_parse_reads_the_language(query, state):
    assert indicator_data.parse(query) == state
    assert indicator_data.parse(indicator_data.to_query(state)).lang == state.lang


@pytest.mark.parametrize("indicator", ["t2_gdp_growth", "t1_nonagri_hukou_share", "t2_forest_growth"])
def test_english_words_the_files_and_keeps_the_cells(indicator):
    english = indicator_data.build(indicator_data.State(indicator, "en"))
    simplified = indicator_data.build(indicator_data.State(indicator))
    # The CSV is the plan's cells under the data's own field names, byte for byte in both
    assert opendata.csv_bytes(english) == opendata.csv_bytes(simplified)
    assert english.headers == simplified.headers and english.rows == simplified.rows
    assert HAN.search(english.readme) is None
    words = [english.metadata[key] for key in ("name", "table", "row", "unit", "attribute", "pillar", "kind") if english.metadata[key]]
    words += list(english.metadata["columns"].values())
    assert [w for w in words if HAN.search(w)] == []
    assert english.metadata["name_zh"] == simplified.title and english.metadata["language"] == {"words": "en", "quoted": "zh-CN"}
    assert simplified.readme.startswith(f"# {simplified.title}（")  # 简体 as it was


def test_the_english_outcome_verdict():
    metadata = indicator_data.build(indicator_data.State("t2_gdp_growth", "en")).metadata
    assert metadata["outcome"]["verdict"] == "Not met" and metadata["outcome"]["status"] == "not_met"
    assert metadata["outcome"]["quote"] == "地区生产总值达到2.5万亿元人民币、五年年均增长7.2%。"  # as published


@pytest.mark.parametrize("name", OBSERVATION_COLUMNS)
def test_the_column_words_are_the_schema_s_in_each_language(name):
    """The 简体 README's meaning of a column (its schema's description) and the English one are one string, translated."""
    assert languages.column_words(name, "zh-CN") == indicator_data.column_words(name)
    english = languages.column_words(name, "en")
    assert not HAN.search(english) and (english == name) == (indicator_data.column_words(name) == name)
