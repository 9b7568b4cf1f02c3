"""Column types and allowed values of every table under data/, as pandera schemas.

The same dictionaries drive the CSV reader (``COLUMNS``), the schema checks
and the data dictionary on the data-and-methods page, so a column is
described once.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from lib.plan.values import BASES, MEASURES, QUALIFIERS


def N_(text: str) -> str:
    """Marks a column's description for the interface catalogs (babel.cfg extracts lib/**), where it is written.

    The data layer keeps the description as written and imports nothing of lib.present; the data
    dictionary translates it when it is shown (lib.views.methods, with ``gettext(lang)``). The same
    marker as ``lib.present.i18n.N_``, which this layer cannot import.
    """
    return text


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
DIRECTIONS = (
    "higher",
    "lower",
    "hold",  # keep a class
    "moderate",  # neither: 人口自然增长率, where the plan asks for 人口适度增长 (第三十一章)
    "none",  # heading rows
)
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
# What a body-text target asks for. Only some carry a number (NUMBER_TYPES):
TARGET_TYPES = (
    "number",  # a figure in Arabic numerals: 2.5万亿元, 46%以上
    "doubling",  # 翻一番 over a base year (base_year); value 2, the multiple
    "class",  # a quality class: 稳定在Ⅲ类; value the class number
    "full_coverage",  # every unit reached: 全覆盖, 村村通, 县县通, 全部纳入, 应保尽保, 至少有一个人
    "national_parity",  # 达到全国平均水平 (the national figure is not in the plan)
    "zero_growth",  # 零增长
    "elimination",  # 消除, 取消: nothing left of something
    "milestone",  # a task completed by its year: 2017年基本完成, 全部“摘帽”, 全面完成, 基本建成
    "direction",  # a direction with no figure: 人口适度增长
)
NUMBER_TYPES = ("number", "doubling", "class")
# Where the target's year comes from.
YEAR_BASES = (
    "stated",  # the sentence names it (到2017年)
    "plan_period",  # none named: the plan's end, 2020
    "chapter",  # none named: the chapter's own deadline (第二十五章: 2017年基本完成)
    "each_year",  # every year 2016 to ``year`` (每年保持在100亿美元以上)
)


def _text(allowed=None, required=True, unique=False, description=""):
    checks = [pa.Check.isin(list(allowed) + ([] if required else [""]))] if allowed else []
    if required and not allowed:
        checks.append(pa.Check.str_length(min_value=1))
    return pa.Column(str, checks=checks, unique=unique, description=description)


INDICATORS = {
    "indicator_id": ("str", _text(unique=True, description=N_("稳定编号：专栏1为 t1_…，专栏2为 t2_…"))),
    "table_no": ("int", pa.Column("Int64", pa.Check.isin([1, 2]), description=N_("1 = 专栏1，2 = 专栏2"))),
    "number": ("str", _text(required=False, description=N_("原表序号；分项行为空"))),
    "position": ("int", pa.Column("Int64", pa.Check.ge(1), description=N_("在原表中的行序"))),
    "parent_id": ("str", _text(required=False, description=N_("分项所属的上级行"))),
    "name_printed": ("str", _text(description=N_("原表名称（含单位）"))),
    "name_zh": ("str", _text(description=N_("名称（不含单位）"))),
    "name_en": ("str", _text(description=N_("英文名称"))),
    "unit": ("str", _text(required=False, description=N_("原表单位"))),
    "attribute": ("str", _text(ATTRIBUTES, required=False, description=N_("指标属性：预期性或约束性"))),
    "pillar": ("str", _text(PILLARS, required=False, description=N_("五大发展分组（仅专栏2）；第1、2行为“总体”"))),
    "direction": (
        "str",
        _text(DIRECTIONS, description=N_("方向：higher 越高越好，lower 越低越好，hold 保持类别，moderate 适度（不比较速度）")),
    ),
    "kind": ("str", _text(KINDS, description=N_("指标类型，决定速度的算法"))),
    "previous_id": ("str", _text(required=False, description=N_("专栏1中口径相同的对应行"))),
}

OBSERVATIONS = {
    "obs_id": ("str", _text(unique=True, description=N_("编号：指标.时期.角色"))),
    "indicator_id": ("str", _text(description=N_("所属指标"))),
    "period": ("str", _text(PERIODS, description=N_("年份；累计数与“年均”列为规划期"))),
    "role": ("str", _text(ROLES, description=N_("actual 实际值，target 目标值，published_growth 专栏1“年均”列"))),
    "measure": ("str", _text(MEASURES, description=N_("数值的含义（水平、年均增速、五年变化、提前年数等）"))),
    "value": ("float", pa.Column(float, nullable=True, description=N_("数值；原文无数字处为空"))),
    "unit": ("str", _text(required=False, description=N_("数值单位"))),
    "qualifier": (
        "str",
        _text(
            QUALIFIERS,
            description=N_("限定：exact 精确，approx 左右，greater_than ＞，less_than ＜，range 区间，not_applicable ―，none 无数字"),
        ),
    ),
    "five_year_total": ("bool", pa.Column(bool, description=N_("原文带【】（五年累计数）"))),
    "basis": ("str", _text(BASES, required=False, description=N_("原文注明的旧口径、新口径、旧标准、新标准"))),
    "price_basis": (
        "str",
        _text(
            PRICE_BASES, required=False, description=N_("价格口径：current 当年价，real 实际增速，nominal 名义增速，unstated 原文未说明")
        ),
    ),
    "provisional": ("bool", pa.Column(bool, description=N_("2015年数为初步数（备注6）"))),
    "notes": ("str", _text(required=False, description=N_("适用的备注编号，分号分隔"))),
    "raw": ("str", _text(description=N_("原文单元格，含换行"))),
}

NOTES = {
    "note_id": ("str", _text(unique=True, description=N_("编号：t1.n3 即专栏1备注3"))),
    "table_no": ("int", pa.Column("Int64", pa.Check.isin([1, 2]))),
    "note_no": ("int", pa.Column("Int64", pa.Check.ge(1))),
    "topic": ("str", _text(NOTE_TOPICS, description=N_("备注类别"))),
    "text": ("str", _text(description=N_("备注原文"))),
}

INVESTMENT = {
    "field_id": ("str", _text(unique=True)),
    "position": ("int", pa.Column("Int64", pa.Check.ge(1))),
    "field_zh": ("str", _text(description=N_("重点领域（原文）"))),
    "field_en": ("str", _text()),
    "content": ("str", _text(description=N_("建设内容（原文）"))),
    "plan_amount": ("float", pa.Column(float, pa.Check.gt(0), description=N_("“十三五”投资（亿元）"))),
    "reserve_amount": ("float", pa.Column(float, pa.Check.gt(0), description=N_("储备重大项目投资（亿元）"))),
    "unit": ("str", _text(["亿元"])),
    "plan_amount_raw": ("str", _text()),
    "reserve_amount_raw": ("str", _text()),
}

TEXT_TARGETS = {
    "target_id": ("str", _text(unique=True)),
    "chapter": ("str", pa.Column(str, pa.Check.str_matches(r"^第[一二三四五六七八九十]+章$"))),
    "section": ("str", pa.Column(str, pa.Check.str_matches(r"^(第[一二三四五六七八九十]+节)?$"))),
    "box": ("str", pa.Column(str, pa.Check.str_matches(r"^(专栏\d+)?$"))),
    "subject_zh": ("str", _text(description=N_("目标对象"))),
    "subject_en": ("str", _text()),
    "raw": ("str", _text(description=N_("原文中表述目标的文字"))),
    "value": (
        "float",
        pa.Column(float, nullable=True, description=N_("数值；只有 number、doubling（倍数2）、class（类别号）三类必填，其余为空")),
    ),
    "unit": ("str", _text(required=False)),
    "qualifier": (
        "str",
        _text(TARGET_QUALIFIERS, description=N_("限定：approx 左右或“基本”，at_least 以上/新台阶，at_most 以下，greater_than 超过")),
    ),
    "five_year_total": ("bool", pa.Column(bool)),
    "year": ("int", pa.Column("Int64", pa.Check.in_range(2016, 2020), description=N_("目标年份；each_year 为最后一年"))),
    "indicator_id": ("str", _text(required=False, description=N_("对应的指标表指标（如有）"))),
    "sentence": ("str", _text(description=N_("所在句子（原文）"))),
    "target_type": (
        "str",
        _text(
            TARGET_TYPES,
            description=N_(
                "目标类型：number 数字，doubling 翻一番，class 水质类别，full_coverage 全覆盖，national_parity 达到全国平均水平，zero_growth 零增长，elimination 消除，milestone 完成时点，direction 方向"
            ),
        ),
    ),
    "year_basis": (
        "str",
        _text(YEAR_BASES, description=N_("年份来源：stated 句中写明，plan_period 规划期末，chapter 本章时限，each_year 2016年起每年")),
    ),
    "base_year": ("str", pa.Column(str, pa.Check.str_matches(r"^(20[01]\d)?$"), description=N_("翻一番的基期年份"))),
    "restates": ("str", _text(required=False, description=N_("重复的另一条正文目标（同一目标写了两次）"))),
    "borderline": ("bool", pa.Column(bool, description=N_("是否为边界情形（没有可核对的终点或范围）"))),
    "note": ("str", _text(required=False, description=N_("说明"))),
}
# Checks across columns of one row.
TEXT_TARGET_CHECKS = (
    pa.Check(
        lambda frame: frame.value.notna() == frame.target_type.isin(NUMBER_TYPES),
        name="a value is given exactly for the target types that need a number (number, doubling, class)",
    ),
    pa.Check(
        lambda frame: frame.base_year.ne("") == frame.target_type.eq("doubling"),
        name="a base_year is given exactly for doubling targets",
    ),
)

DEFINITIONS = {
    "indicator_id": ("str", _text(unique=True, description=N_("所释指标（indicators.csv）"))),
    "definition": ("str", _text(description=N_("一句话定义：量什么、单位、怎样算"))),
    "source": ("str", _text(description=N_("定义依据：统计通用定义，或规划原文的专栏与备注"))),
}


def columns(table: dict) -> dict[str, str]:
    return {name: dtype for name, (dtype, _) in table.items()}


def schema(table: dict, name: str, checks=()) -> pa.DataFrameSchema:
    return pa.DataFrameSchema({col: spec for col, (_, spec) in table.items()}, checks=list(checks), name=name, strict=True)


_DTYPE_NAMES = {"str": "文本", "float": "数值", "int": "整数", "bool": "是/否"}


def dictionary(tables: dict[str, dict]) -> pd.DataFrame:
    """The data dictionary: one row per column of every table, from the schemas themselves."""
    rows = []
    for table, spec in tables.items():
        for column, (dtype, pandera_column) in spec.items():
            checks = [c for c in pandera_column.checks if c.name == "isin"]
            allowed = ""
            if checks:
                allowed = "、".join(str(v) for v in checks[0].statistics.get("allowed_values", []) if v != "")
            rows.append(
                {
                    "表": table,
                    "列": column,
                    "类型": _DTYPE_NAMES[dtype],
                    "说明": pandera_column.description or "",
                    "取值": allowed,
                }
            )
    return pd.DataFrame(rows)
