"""What 指标轨迹 says beside its lines, in the reader's language: the reported 2020 figure,
milestones, yearly floors, a ceiling and the carry-forward caveat (issue 27).

简体 keeps lib.engine.trajectory_marks' sentences as they are. English writes the same
facts from their parts (the printed digits untouched, lib.views.trajectories.languages);
繁體 converts our words with OpenCC. A source's name and the sentence it is quoted from
stay in 简体, as published: ``source_words`` gives them apart so a renderer marks them
``lang="zh-CN"``.
"""

from __future__ import annotations

import re

import pandas as pd

from lib.engine import trajectory_marks
from lib.plan import outcomes
from lib.plan.milestones import carry_forward_caveat, doublings
from lib.present.i18n import EN, N_, ZH_CN, ZH_HANT, gettext, hant, term
from lib.present.numbers import plain
from lib.views.trajectories.languages import quantity

_LABEL = re.compile(r"^实际（[^，）]+(?:，(?P<differs>[^）]+))?）$")
_UNITS = re.compile(r"^单位为(?P<unit>.+)，图中为(?P<chart>.+)$")
# lib.plan.milestones.Doubling's caveats, registered for the catalogs.
DOUBLING_CAVEATS = (N_("基数为当年价；原文未说明按现价还是可比价翻番"),)
REPORTED = N_("初次公布")  # trajectory_marks.REPORTED_LABEL: a yearly point as first published


def outcome_label(label: str, lang: str) -> str:
    """实际（2020年统计公报，口径不同） → Reported (basis differs): the document is named with the source."""
    if lang != EN:
        return hant(label) if lang == ZH_HANT else label
    _ = gettext(lang)
    match = _LABEL.match(label)
    differs = match["differs"] if match else ""
    return _("已发布的实际数") + (f" ({_(differs)})" if differs else "")


def _why_not_drawn(why: str, lang: str) -> str:
    _ = gettext(lang)
    units = _UNITS.match(why)
    if lang == EN and units:
        return _("单位为{unit}，图中为{chart}").format(unit=term(units["unit"], "unit", lang), chart=term(units["chart"], "unit", lang))
    return _(why)


def outcome_words(mark: trajectory_marks.Outcome, goal: str, lang: str) -> str:
    """The reported figure and its verdict in ``lang`` (its source apart: ``source_words``)."""
    if lang == ZH_CN:
        return mark.caption
    _ = gettext(lang)
    where = "" if mark.drawn else _("（{why}，未画在图上）").format(why=_why_not_drawn(mark.why_not_drawn, lang))
    if lang == ZH_HANT:
        return hant(f"{mark.label}：{mark.verdict}") + where
    shown = quantity(mark.shown)
    # A figure in words of its own (“动态识别的190.6万…全部脱贫”) is the source's sentence: read there.
    shown = _("见下方原句") if re.search(r"[\u3400-\u9fff]", shown) else shown
    words = _("{label}：{status}。{period}年：{figure}；目标：{goal}。").format(
        label=outcome_label(mark.label, lang),
        status=term(mark.status_label, "verdict", lang),
        period=mark.period.replace("—", "–"),
        figure=shown,
        goal=goal,
    )
    return words + where


def source_words(mark: trajectory_marks.Outcome, lang: str) -> str:
    """The source and its sentence as published (简体): shown apart on an English or 繁體 page."""
    if lang == ZH_CN:
        return ""
    return f"来源：{mark.source}。原句：“{mark.quote}” 网址： {mark.url}"


def outcome_rows(frame: pd.DataFrame, mark: trajectory_marks.Outcome | None, lang: str) -> pd.DataFrame:
    """The drawn outcome and yearly points with their words in ``lang``; their tooltip's source points to the text."""
    if lang == ZH_CN or frame.empty:
        return frame
    _ = gettext(lang)
    frame = frame.copy()
    frame["line"] = [
        _(trajectory_marks.REPORTED_LABEL) if line == trajectory_marks.REPORTED_LABEL else outcome_label(line, lang) for line in frame.line
    ]
    frame["period"] = [str(p).replace("—", "–") for p in frame.period]
    if lang == EN:
        frame["note"] = _("来源与原句见图下（简体中文，照发布原文）")
    else:
        frame["note"] = [hant(n) for n in frame.note]
    return frame


def milestone_rows(frame: pd.DataFrame, series_id: str, lang: str) -> pd.DataFrame:
    """Doubling milestones as chart rows, their name and words in ``lang``."""
    if lang == ZH_CN or frame.empty:
        return frame
    marks = [mark for mark in doublings(series_id) if mark.comparable]
    frame = frame.copy()
    frame["line"] = [milestone_label(mark, lang) for mark in marks]
    frame["note"] = [milestone_words(mark, lang) for mark in marks]
    return frame


def milestone_label(mark, lang: str) -> str:
    if lang != EN:
        return hant(trajectory_marks.milestone_label(mark)) if lang == ZH_HANT else trajectory_marks.milestone_label(mark)
    _ = gettext(lang)
    # Short: the label stands beside its point, on a phone too; the words under the chart say the rest.
    label = _("{year}年翻一番（现价） ≥{level}") if mark.real_index is not None else _("{year}年翻一番 ≥{level}")
    return label.format(year=mark.year, level=plain(mark.level))


def milestone_words(mark, lang: str) -> str:
    if lang != EN:
        words = trajectory_marks.milestone_words(mark)
        return hant(words) if lang == ZH_HANT else words
    _ = gettext(lang)
    aside = _("不低于{level}（{base_year}年{base}的{factor}倍{caveat}）").format(
        level=quantity(f"{plain(mark.level)}{mark.unit}"),
        base_year=mark.base_year,
        base=quantity(f"{plain(mark.base_value)}{mark.unit}"),
        factor=plain(mark.factor),
        caveat=f"; {_(mark.caveat)}" if mark.caveat else "",
    )
    head = _("里程碑：{year}年比{base_year}年翻一番").format(year=mark.year, base_year=mark.base_year)
    if mark.real_index is None:
        return _("{head}，即{aside}；这是规划提出的中途目标，不是实际数").format(head=head, aside=aside)
    return _(
        "{head}，按可比价：{start}—2015年实际年均增长{growth}%（专栏1），2015年为{base_year}年的{index}倍，"
        "2016—{year}年还需实际年均增长约{needed}%；现价读法（参考）：{aside}，现价含价格上涨，不是翻番的通常口径；"
        "这是规划提出的中途目标，不是实际数"
    ).format(
        head=head,
        start=mark.base_year + 1,
        growth=plain(mark.real_growth),
        base_year=mark.base_year,
        index=plain(mark.real_index, 3),
        year=mark.year,
        needed=plain(mark.real_pace_needed, 2),
        aside=aside,
    )


def marks_lines(series_id: str, previous_id: str, lang: str) -> list[str]:
    """Milestones, yearly floors, a ceiling and the carry-forward caveat, one sentence each (plain text)."""
    _ = gettext(lang)
    english = lang == EN
    lines = [milestone_words(mark, lang) + _("。") for mark in doublings(series_id) if mark.comparable]
    floors = trajectory_marks.floor_rows(series_id)
    if floors:
        years = dict.fromkeys(year.removesuffix("年") if english else year for year, _floor in floors)
        words = dict.fromkeys(quantity(floor) if english else floor for _year, floor in floors)
        lines.append(
            _("年度下限：正文要求{years}每年都达到{floor}，不只是2020年（专栏2印的是五年累计）。").format(
                years=_("、").join(years), floor=_("；").join(words)
            )
        )
    goal = outcomes.targets().get(series_id)
    if goal is not None and goal.kind == "total" and goal.qualifier in ("less_than", "at_most"):
        unit = term(goal.unit, "unit", lang) if english else goal.unit
        lines.append(
            _("上限：2016—2020年累计至多{value}{unit}（不超过），不是每年必须达到的量。").format(value=plain(goal.value), unit=unit)
        )
    caveat = carry_forward_caveat(previous_id or series_id)
    if caveat:
        lines.append(_(caveat) + _("。"))
    return lines if lang != ZH_HANT else [hant(line) if line else line for line in lines]
