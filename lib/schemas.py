"""Column types and allowed values of every table under data/, as pandera schemas.

The same dictionaries drive the CSV reader (``COLUMNS``), the schema checks
and the data dictionary on the data-and-methods page, so a column is
described once.
"""

from __future__ import annotations

import pandera.pandas as pa

from lib.values import BASES, MEASURES, QUALIFIERS

KINDS = (
    "level",  # a stock or flow in its unit: 亿元, 元, 件, 岁
    "growth_rate",  # an annual growth rate is itself the target (专栏2 rows 1–2)
    "share",  # a percentage (or per-mille) of a whole
    "ratio",  # x∶1
    "total",  # a five-year total (【】)
    "reduction",  # a five-year reduction in % (【15】 means "cut by 15%")
    "class",  # a quality class (Ⅲ类)
    "threshold",  # a target printed with ＞ or ＜
    "group",  # a heading row with sub-rows and no values of its own
)
DIRECTIONS = ("higher", "lower", "hold", "none")
ATTRIBUTES = ("预期性", "约束性")
PILLARS = ("总体", "创新发展", "协调发展", "绿色发展", "开放发展", "共享发展")
ROLES = ("actual", "target", "published_growth")
PERIODS = ("2010", "2015", "2020", "2006-2010", "2011-2015", "2016-2020")
PRICE_BASES = ("current", "real", "nominal", "unstated")
NOTE_TOPICS = (
    "current_prices",
    "five_year_total",
    "basis_change",
    "scope",
    "source_basis",
    "provisional_2015",
    "definition",
    "pending_national",
)
TARGET_QUALIFIERS = ("exact", "approx", "at_least", "at_most", "greater_than", "less_than")


def _text(allowed=None, required=True, unique=False, description=""):
    checks = [pa.Check.isin(list(allowed) + ([] if required else [""]))] if allowed else []
    if required and not allowed:
        checks.append(pa.Check.str_length(min_value=1))
    return pa.Column(str, checks=checks, unique=unique, description=description)


INDICATORS = {
    "indicator_id": ("str", _text(unique=True, description="Stable id: t1_… for 专栏1, t2_… for 专栏2")),
    "table_no": ("int", pa.Column("Int64", pa.Check.isin([1, 2]), description="1 = 专栏1, 2 = 专栏2")),
    "number": ("str", _text(required=False, description="The row number as printed; empty for a sub-row")),
    "position": ("int", pa.Column("Int64", pa.Check.ge(1), description="Order of the row within its table")),
    "parent_id": ("str", _text(required=False, description="The heading row a sub-row stands under")),
    "name_printed": ("str", _text(description="The name exactly as printed, unit included")),
    "name_zh": ("str", _text(description="The name without its unit")),
    "name_en": ("str", _text(description="English name")),
    "unit": ("str", _text(required=False, description="Unit as printed in the name")),
    "attribute": ("str", _text(ATTRIBUTES, required=False, description="指标属性: 预期性 or 约束性")),
    "pillar": ("str", _text(PILLARS, required=False, description="五大发展 group (专栏2 only); 总体 for rows 1–2")),
    "direction": ("str", _text(DIRECTIONS, description="Which way is better: higher, lower, hold a class")),
    "kind": ("str", _text(KINDS, description="How the indicator is measured; decides the pace arithmetic")),
    "previous_id": ("str", _text(required=False, description="The 专栏1 row measuring the same thing")),
}

OBSERVATIONS = {
    "obs_id": ("str", _text(unique=True, description="indicator.period.role")),
    "indicator_id": ("str", _text(description="The indicator this value belongs to")),
    "period": ("str", _text(PERIODS, description="A year, or a plan period for totals and 年均 rates")),
    "role": ("str", _text(ROLES, description="actual, target, or published_growth (the 年均 column)")),
    "measure": ("str", _text(MEASURES, description="What the number measures")),
    "value": ("float", pa.Column(float, nullable=True, description="The number; empty where none is printed")),
    "unit": ("str", _text(required=False, description="Unit of the value")),
    "qualifier": ("str", _text(QUALIFIERS, description="exact, approx (左右), greater_than (＞), less_than (＜), range, not_applicable (―), none")),
    "five_year_total": ("bool", pa.Column(bool, description="True where printed in 【】")),
    "basis": ("str", _text(BASES, required=False, description="旧口径/新口径/旧标准/新标准 as printed")),
    "price_basis": ("str", _text(PRICE_BASES, required=False, description="current prices, real or nominal growth, or unstated")),
    "provisional": ("bool", pa.Column(bool, description="2015 figures are provisional (备注6)")),
    "notes": ("str", _text(required=False, description="Notes (备注) that apply, ;-separated")),
    "raw": ("str", _text(description="The cell exactly as printed, line breaks included")),
}

NOTES = {
    "note_id": ("str", _text(unique=True, description="t1.n3 = 专栏1 备注3")),
    "table_no": ("int", pa.Column("Int64", pa.Check.isin([1, 2]))),
    "note_no": ("int", pa.Column("Int64", pa.Check.ge(1))),
    "topic": ("str", _text(NOTE_TOPICS, description="What kind of caveat the note is")),
    "text": ("str", _text(description="The note exactly as printed")),
}

INVESTMENT = {
    "field_id": ("str", _text(unique=True)),
    "position": ("int", pa.Column("Int64", pa.Check.ge(1))),
    "field_zh": ("str", _text(description="重点领域 as printed")),
    "field_en": ("str", _text()),
    "content": ("str", _text(description="建设内容 as printed")),
    "plan_amount": ("float", pa.Column(float, pa.Check.gt(0), description="“十三五”投资 (亿元)")),
    "reserve_amount": ("float", pa.Column(float, pa.Check.gt(0), description="储备重大项目投资 (亿元)")),
    "unit": ("str", _text(["亿元"])),
    "plan_amount_raw": ("str", _text()),
    "reserve_amount_raw": ("str", _text()),
}

TEXT_TARGETS = {
    "target_id": ("str", _text(unique=True)),
    "chapter": ("str", pa.Column(str, pa.Check.str_matches(r"^第[一二三四五六七八九十]+章$"))),
    "section": ("str", pa.Column(str, pa.Check.str_matches(r"^(第[一二三四五六七八九十]+节)?$"))),
    "box": ("str", pa.Column(str, pa.Check.str_matches(r"^(专栏\d+)?$"))),
    "subject_zh": ("str", _text(description="What is measured")),
    "subject_en": ("str", _text()),
    "raw": ("str", _text(description="The words that state the number, as printed")),
    "value": ("float", pa.Column(float, nullable=False)),
    "unit": ("str", _text(required=False)),
    "qualifier": ("str", _text(TARGET_QUALIFIERS)),
    "five_year_total": ("bool", pa.Column(bool)),
    "year": ("int", pa.Column("Int64", pa.Check.in_range(2016, 2020))),
    "indicator_id": ("str", _text(required=False, description="The table indicator it restates, if any")),
    "sentence": ("str", _text(description="The sentence it comes from, as printed")),
}


def columns(table: dict) -> dict[str, str]:
    return {name: dtype for name, (dtype, _) in table.items()}


def schema(table: dict, name: str) -> pa.DataFrameSchema:
    return pa.DataFrameSchema({col: spec for col, (_, spec) in table.items()}, name=name, strict=True)
