"""AppTest: 指标总览 drawn in English and 繁體 from its URL; a filter keeps the language (issue 27)."""

import re

from helpers import open_page
from lib.present.i18n import hant

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def test_the_indicators_in_english():
    at = open_page("indicators", {"lang": "en", "row": "t2_gdp_growth"})
    assert not at.exception
    assert at.title[0].value == "Indicators"
    frame = at.dataframe[0].value
    gdp = frame.iloc[0]
    # The grid's cells in English, the printed digits kept (9; the body text's 9%左右 → about 9% a year)
    assert (gdp["指标"], gdp["2020年"], gdp["所需速度"], gdp["2020年结果"]) == (
        "Average annual GDP growth",
        "9",
        "about 9% a year (real)",
        "Not met",
    )
    assert [c.value for c in at.caption if HAN.search(c.value)] == []
    assert [t.value for t in at.text if HAN.search(t.value)] == []
    assert [b.proto.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]
    # The plan's and the data's Chinese texts in the row's detail, each marked as 简体
    quotes = [e.proto.body for e in at.get("html") if 'class="quotes"' in e.proto.body]
    assert len(quotes) == 1
    assert HAN.search(re.sub(r'<span lang="zh-CN">[^<]*</span>', "", quotes[0])) is None


def test_a_filter_keeps_the_language():
    at = open_page("indicators", {"lang": "en"})
    at.button_group(key="attribute").set_value(["约束性"]).run()
    assert not at.exception
    assert at.query_params["lang"] == "en" and at.query_params["attribute"] == "约束性"
    assert set(at.dataframe[0].value["属性"]) <= {"Binding", ""}


def test_the_indicators_in_zh_hant():
    at = open_page("indicators", {"lang": "zh-Hant", "table": "1"})
    assert not at.exception
    assert at.title[0].value == "指標總覽"
    assert [c.value for c in at.caption if hant(c.value) != c.value] == []
    assert at.dataframe[0].value.set_index("指标").loc["　非農戶籍人口比重", "2010年"] == "33.5（舊口徑）"
