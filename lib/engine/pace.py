"""The pace 2016–2020 requires, and the Pace every page shows (lib/engine/achieved.py reads 2011–2015's).

The arithmetic depends on the indicator's kind (lib/schemas.KINDS):

| kind        | required pace 2015→2020                        | unit            |
|-------------|------------------------------------------------|-----------------|
| level       | (T/B)^(1/5) − 1                                 | % a year        |
| share       | (T − B)/5                                       | points a year (‰ a year for a ‰ rate) |
| ratio       | (T − B)/5, signed                               | a year          |
| total       | T/5; a ceiling (＜【】) is shown as "at most T"  | unit a year     |
| reduction   | 1 − (1 − X)^(1/5)                               | % cut a year    |
| growth_rate | the printed rate                                | % a year        |
| threshold   | T − B still to cover                            | points          |
| class       | hold the class                                  |                 |

The achieved pace comes from 专栏1: the published 年均 rate where printed
(labelled with its price basis: GDP is real growth, while its levels are at
current prices, 专栏1 备注1), otherwise computed from two printed levels that
share a basis; a 口径 or 标准 break is reported as a break, never as a rate.

A rate carries its price basis (``Pace.price_label``): the 9.72 % a year from
15720 to 25000 亿元 is nominal, read off current-price levels, while 专栏2's
9 % is real growth; the two are never compared.
"""

from __future__ import annotations

from dataclasses import dataclass

from lib.engine.rates import YEARS, annual_average, annual_reduction, compound_rate, points_per_year
from lib.present.numbers import plain

BASIS_LABELS = {
    "published_real": "公布值（实际增速）",
    "published_nominal": "公布值（名义增速）",
    "published": "公布值",
    "published_change": "由公布的五年变化折算",
    "computed_nominal": "按现价水平计算（名义）",
    "computed": "按公布数计算",
    "break": "口径或标准调整，不可比",
    "none": "无",
}
# What a rate measures, by the price basis of the figures it comes from (专栏1 备注1).
PRICE_LABELS = {"current": "名义，按现价", "nominal": "名义", "real": "实际", "unstated": "价格口径未说明"}
PER_MILLE = "‰"
# A level counted in years (人口平均预期寿命 in 岁, 平均受教育年限 in 年) grows by years, not by a
# percentage: 76.7 → 78 岁 is (78 − 76.7)/5 = 0.26 岁 a year, never a compound 0.34 % (issue 23 §6).
LINEAR_LEVEL_UNITS = ("岁", "年")


def linear_pace(step: float, unit: str, basis: str) -> Pace:
    return Pace(step, f"{unit}/年", f"年均 {signed(step, 2)} {unit}", basis)


BASE_YEAR, PLAN_END = 2015, 2020


@dataclass(frozen=True)
class Pace:
    value: float | None
    unit: str  # "%/年", "个百分点/年", "万人/年" …
    text: str  # ready to show, in Chinese
    basis: str = "none"  # a key of BASIS_LABELS
    approx: bool = False
    reason: str = ""  # why there is no value
    price_basis: str = ""  # a key of PRICE_LABELS for a rate of money; "" otherwise
    ceiling: bool = False  # a five-year cap: "at most", never a pace to keep up
    deadline_year: int = 2020  # the year the pace runs to: earlier where the text sets an earlier date
    deadline_words: str = ""  # the plan's sentence setting that date, with where it stands

    @property
    def basis_label(self) -> str:
        return BASIS_LABELS[self.basis]

    @property
    def price_label(self) -> str:
        return PRICE_LABELS.get(self.price_basis, "")

    @property
    def labelled_text(self) -> str:
        """The text with its price basis, e.g. "年均 +9.72%（名义，按现价）", and the plan's sentence for an early deadline."""
        text = f"{self.text}（{self.price_label}）" if self.price_label and self.value is not None else self.text
        if self.deadline_words:
            text += f"（期限为{self.deadline_year}年，见{self.deadline_words}）"
        return text


def signed(value: float, digits: int) -> str:
    text = plain(abs(value), digits)
    if text == "0":
        return "0"
    return ("+" if value > 0 else "−") + text


def required_pace(
    kind: str,
    base: float | None,
    target: float | None,
    unit: str,
    approx: bool = False,
    qualifier: str = "exact",
    price_basis: str = "",
    deadline_year: int = PLAN_END,
    deadline_words: str = "",
) -> Pace:
    """The pace 2016–2020 requires, from the 2015 base and the 2020 target.

    A "左右" target is taken at its central value and the pace is marked approximate.
    ``price_basis`` is that of the figures (专栏1 备注1: levels at current prices);
    it labels the rates of levels and growth targets.

    Where the body text sets the target an earlier date (``deadline_year``, with
    ``deadline_words`` its sentence: 脱贫 “到2017年，基本实现…”), the pace runs
    from 2015 to that year, and the text names the years: "2016—2017年 年均 35.3 万人".
    A printed growth rate is its own pace whatever the date.
    """
    years = deadline_year - BASE_YEAR
    if years <= 0:
        raise ValueError(f"a deadline must come after {BASE_YEAR}, not {deadline_year}")
    pace = _required_pace(kind, base, target, unit, qualifier, years)
    text = pace.text.replace("年均 ", "年均约 ", 1) if approx and pace.value is not None else pace.text
    if deadline_year != PLAN_END and pace.value is not None:
        text = f"{BASE_YEAR + 1}—{deadline_year}年 {text}"
    if qualifier == "greater_than" and pace.value is not None and target is not None:
        # ＞50, 超过10%: touching the line is not passing it (issue 23 §6).
        text += f"以上（须超过{plain(target)}{unit}，恰好等于不算）"
    rate_basis = price_basis if kind in ("level", "growth_rate") else ""
    basis = "computed_nominal" if kind == "level" and price_basis == "current" and pace.basis == "computed" else pace.basis
    return Pace(pace.value, pace.unit, text, basis, approx, pace.reason, rate_basis, pace.ceiling, deadline_year, deadline_words)


def share_pace(step: float, unit: str, basis: str) -> Pace:
    """A share moves in points a year; a ‰ rate (人口自然增长率) in ‰ a year."""
    if unit == PER_MILLE:
        return Pace(step, f"{PER_MILLE}/年", f"年均 {signed(step, 3)}{PER_MILLE}", basis)
    return Pace(step, "个百分点/年", f"年均 {signed(step, 2)} 个百分点", basis)


def _required_pace(kind: str, base: float | None, target: float | None, unit: str, qualifier: str = "exact", years: int = YEARS) -> Pace:
    if kind == "class":
        return Pace(None, "", "保持")
    if target is None:
        return Pace(None, "", "―", reason="未列目标值")
    if kind == "growth_rate":
        return Pace(target, "%/年", f"年均 {plain(target, 2)}%", "published")
    if kind == "total":
        average = annual_average(target, years)
        if qualifier in ("less_than", "at_most"):
            # ＜【75000】: a ceiling on the five-year sum, not a pace to keep up.
            return Pace(average, f"{unit}/年", f"五年累计不超过 {plain(target)} {unit}（上限）", "computed", ceiling=True)
        return Pace(average, f"{unit}/年", f"年均 {plain(average, 2)} {unit}", "computed")
    if kind == "reduction":
        yearly = annual_reduction(target, years)
        if yearly is None:
            return Pace(None, "", "―", reason="降幅不小于100%")
        return Pace(yearly, "%/年", f"年均降低 {plain(yearly, 2)}%", "computed")
    if base is None:
        return Pace(None, "", "―", reason="2015年无基数")
    if kind == "level" and unit in LINEAR_LEVEL_UNITS:
        return linear_pace(points_per_year(base, target, years), unit, "computed")
    if kind == "level":
        rate = compound_rate(base, target, years)
        if rate is None:
            return Pace(None, "", "―", reason="基数或目标不为正，不能算复合增速")
        return Pace(rate * 100, "%/年", f"年均 {signed(rate * 100, 2)}%", "computed")
    if kind == "share":
        return share_pace(points_per_year(base, target, years), unit, "computed")
    if kind == "ratio":
        step = points_per_year(base, target, years)
        return Pace(step, "/年", f"比值年均 {signed(step, 3)}", "computed")
    if kind == "threshold":
        margin = target - base
        if margin <= 0:
            return Pace(0.0, "个百分点", "已超过门槛", "computed")
        return Pace(margin, "个百分点", f"还差 {plain(margin, 2)} 个百分点", "computed")
    raise ValueError(f"no required pace for kind {kind!r}")


def target_is_met(kind: str, direction: str, base: float | None, target: float | None, qualifier: str) -> bool:
    if base is None or target is None:
        return False
    if kind == "class":
        return base <= target  # Ⅲ类 or better: a lower class number is cleaner water
    if kind in ("total", "reduction", "growth_rate"):
        return False  # a five-year total or rate cannot be met by a 2015 level
    if qualifier == "greater_than":
        return base > target
    if qualifier == "less_than":
        return base < target
    if direction == "higher":
        return base >= target
    if direction == "lower":
        return base <= target
    return False


# A rate's price basis in one word for a narrow column; "价格口径未说明" is left to the row's detail.
SHORT_PRICE_WORDS = {"current": "名义", "nominal": "名义", "real": "实际"}


def with_price_word(pace: Pace) -> str:
    """The pace with 名义 or 实际 beside a rate, short enough for a table column."""
    word = SHORT_PRICE_WORDS.get(pace.price_basis, "")
    return f"{pace.text}（{word}）" if word and pace.value is not None else pace.text
