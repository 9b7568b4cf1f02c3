"""parse_value reads every way the plan prints a value."""

import pytest

from lib.plan.values import ParsedValue, UnreadableValue, parse_value
from lib.present.numbers import plain

# Each case is a cell as printed in 专栏1 or 专栏2 (line breaks kept), and what it means.
CASES = [
    # 专栏2 row 4, 2020: 服务业比重 "50左右"
    ("50左右", ParsedValue(50.0, "approx")),
    # 专栏1 row 4, 2015: fixed-asset investment, a 十二五 total
    ("【56975】", ParsedValue(56975.0, five_year_total=True)),
    # 专栏2 row 23, port freight share target
    ("＞50", ParsedValue(50.0, "greater_than")),
    # 专栏2 row 19: net new construction land, a five-year cap
    ("＜【75000】", ParsedValue(75000.0, "less_than", five_year_total=True)),
    # 专栏2 row 10 (the plan's own colon is U+2236 RATIO)
    ("2.6∶1", ParsedValue(2.6, measure="ratio")),
    ("1.95∶1", ParsedValue(1.95, measure="ratio")),
    # 第一章第一节 prints the same ratio with U+FE30
    ("2.6︰1", ParsedValue(2.6, measure="ratio")),
    # 专栏1 row 17, 2010: a range of water classes, no single number
    ("Ⅱ―Ⅲ\n（旧标准）", ParsedValue(None, "range", "class", basis="旧标准", low=2.0, high=3.0)),
    ("Ⅲ", ParsedValue(3.0, measure="class")),
    ("―", ParsedValue(None, "not_applicable", "none")),
    # 专栏1 row 9 (常住人口城镇化率), 年均 column printed across two lines
    ("五年提高\n7.9个百分点", ParsedValue(7.9, measure="five_year_change", unit="个百分点")),
    ("五年提高3.2件", ParsedValue(3.2, measure="five_year_change", unit="件")),
    ("五年提高0.3年", ParsedValue(0.3, measure="five_year_change", unit="年")),
    ("五年提高1岁", ParsedValue(1.0, measure="five_year_change", unit="岁")),
    ("五年下降65%", ParsedValue(65.0, measure="five_year_reduction", unit="%")),
    ("提前1年完成", ParsedValue(1.0, measure="years_early", unit="年")),
    ("在规划控制目标内", ParsedValue(None, "none", "within_target")),
    # 专栏1 row 9, 非农户籍人口比重: value then basis on the next line
    ("33.5\n（旧口径）", ParsedValue(33.5, basis="旧口径")),
    ("44.56\n（新口径）", ParsedValue(44.56, basis="新口径")),
    ("311\n（旧标准）", ParsedValue(311.0, basis="旧标准")),
    ("7926", ParsedValue(7926.0)),
    ("0.08", ParsedValue(0.08)),
]


@pytest.mark.parametrize("raw, expected", CASES, ids=[c[0].replace("\n", "⏎") for c in CASES])
def test_parse_value(raw, expected):
    assert parse_value(raw) == expected


@pytest.mark.parametrize("raw", ["", "abc", "50％左右", "1e5", "【】", "＞", "2.6∶2", None, 12])
def test_unreadable_values_raise_a_clear_error(raw):
    with pytest.raises(UnreadableValue, match="cannot read|expected text"):
        parse_value(raw)


@pytest.mark.parametrize(
    "value, digits, text",
    [(7926.0, None, "7926"), (0.08, None, "0.08"), (12.8, 1, "12.8"), (None, None, "―"), (float("nan"), None, "―"), (-0.0001, 2, "0")],
)
def test_a_value_prints_as_the_plan_prints_it(value, digits, text):
    assert plain(value, digits) == text
