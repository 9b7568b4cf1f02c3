"""A chart read point by point from the keyboard: its series, its points and each point's words.

Both editions hand this to chart2music (static/chart2music-1.20.0/): a focusable
control beside the chart where ← → step through a series and the live region
says the point's period and value, in the very text the chart shows (its rows'
``shown``/``label``, which lib.present.numbers wrote when the View was built). Nothing is
formatted again here, so what is heard is what is drawn.

A chart's rows are read by rules kept as data (``LAYOUTS``): which field is the
x, the series, the value and the text. A chart none of them fits gets no readout
(its ``alt`` sentence still describes it).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from lib.present.blocks import Chart
from lib.present.i18n import DEFAULT, N_, gettext

# One copy for both editions: the app serves static/ at /app/static/, the bake copies both to /assets/.
STATIC = Path(__file__).resolve().parents[2] / "static"
CHART2MUSIC = STATIC / "vendor" / "chart2music-1.20.0" / "chart2music.js"
SCRIPT = STATIC / "readout.js"

# The words around the control, the same in both editions.
HOW = N_("键盘读图：按 Tab 键选中下面的方框，按 ← → 逐点读数，按 PageUp、PageDown 换系列，按 H 查看全部按键。")
CONTROL = N_("{label}：键盘读图，按左右方向键逐点读数")


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Layout:
    x: str  # the field naming a point's place on the x axis
    series: str  # the field naming its series (a line, a bar colour)
    value: str  # its number
    texts: tuple[str, ...]  # the fields holding its words as drawn, the first non-empty one read (every row has them)
    kind: str  # chart2music's chart type
    x_label: str
    skip: tuple[str, ...] = ()  # series that are not data (a ranking's name column)


LAYOUTS = (
    # five-year totals and rates: one bar per plan period, labelled with the printed cell
    Layout(x="period", series="line", value="value", texts=("label",), kind="bar", x_label=N_("规划期")),
    # the ranking: each indicator's required and previous pace as text beside its bar
    Layout(x="label", series="which", value="rate", texts=("text",), kind="bar", x_label=N_("指标"), skip=(N_("名称"),)),
    # 指标轨迹: one row per year and line (the printed years, the required path, the target)
    Layout(x="year", series="line", value="value", texts=("shown",), kind="line", x_label=N_("年份")),
    # 情景推演: one row per year and series (scenario A/B, the required path, the reported years);
    # the target's row reads its printed words (“50%左右”) as its tooltip does, a path's its figure
    Layout(x="year", series="series", value="value", texts=("label", "shown"), kind="line", x_label=N_("年份")),
)


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[int, float, str], ...]  # (x position, value, words)


@dataclass(frozen=True)
class Readout:
    label: str  # the chart's name for a screen reader: 指标名（单位）
    kind: str
    x_label: str
    y_label: str
    x_texts: tuple[str, ...]  # what each x position is called (“2015年”, “2011—2015”)
    series: tuple[Series, ...]
    # A chart whose points the browser computes (the static edition's sliders): which of the live
    # Vega view's datasets to read again after each change, and which fields (the layout's).
    live: Mapping | None = None
    lang: str = DEFAULT  # the language of its words: readout.js speaks chart2music's own messages in it

    @property
    def control_label(self) -> str:
        return gettext(self.lang)(CONTROL).format(label=self.label)

    @property
    def name(self) -> str:
        """The control's visible name (its CSS draws it before the box: ``attr(data-name)``)."""
        _ = gettext(self.lang)
        return _("键盘读图")

    @property
    def how(self) -> str:
        """The line above the control: how to read the chart from the keyboard."""
        return gettext(self.lang)(HOW)

    def json(self) -> str:
        """What the browser's readout script takes (bake/static/readout.js)."""
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))


def _rows(spec: Mapping) -> list[dict]:
    return [row for rows in (spec.get("datasets") or {}).values() for row in rows]


def _y_title(spec: Mapping) -> str:
    """The value axis' title (the unit, or “数值”), the first a layer's y encoding gives."""
    encoding = spec.get("encoding") or {}
    title = (encoding.get("y") or {}).get("title") if isinstance(encoding.get("y"), Mapping) else None
    if isinstance(title, str):
        return title
    for layer in spec.get("layer") or ():
        found = _y_title(layer)
        if found:
            return found
    return ""


def _legend(spec: Mapping) -> list:
    """The series in the order the chart's legend lists them (its colour scale's domain), if it has one."""
    colour = (spec.get("encoding") or {}).get("color")
    domain = ((colour or {}).get("scale") or {}).get("domain") if isinstance(colour, Mapping) else None
    if isinstance(domain, list):
        return domain
    for layer in spec.get("layer") or ():
        found = _legend(layer)
        if found:
            return found
    return []


def _title(spec: Mapping) -> str:
    title = spec.get("title")
    return title.get("text", "") if isinstance(title, Mapping) else str(title or "")


def _year(value, lang: str = DEFAULT) -> str:
    _ = gettext(lang)
    return _("{year}年").format(year=value)


def _listed(legend: list):
    """A sort key: the legend's series first in its order, then the rest as the rows gave them."""
    return lambda item: legend.index(item[0]) if item[0] in legend else len(legend)


def read(chart: Chart) -> Readout | None:
    """The chart's readout, or None when no layout fits its rows."""
    rows: list[dict] = []
    for layout in LAYOUTS:  # the first layout some rows fit; rows of other shapes (a rule's) are not points
        rows = [row for row in _rows(chart.spec) if all(field in row for field in (layout.x, layout.series, layout.value, *layout.texts))]
        if rows:
            break
    _ = gettext(chart.lang)
    skip = {*layout.skip, *map(_, layout.skip)}
    rows = [row for row in rows if row[layout.series] not in skip and row[layout.value] is not None]
    if not rows:
        return None
    unit = _y_title(chart.spec)
    unit = "" if unit == _("数值") else unit
    places = sorted({row[layout.x] for row in rows}) if layout.x == "year" else list(dict.fromkeys(row[layout.x] for row in rows))
    x_texts = tuple(_year(p, chart.lang) if layout.x == "year" else str(p) for p in places)
    series: dict[str, list[tuple[int, float, str]]] = {}
    for row in rows:
        words = next((str(row[field]) for field in layout.texts if row[field] not in (None, "")), "")
        # A bare number gets its unit (“46 %”); a printed cell with words of its own (“约9（专栏2）”) is read as printed.
        words = f"{words} {unit}" if unit and _NUMBER.fullmatch(words) else words
        series.setdefault(str(row[layout.series]), []).append((places.index(row[layout.x]), float(row[layout.value]), words))
    title = _title(chart.spec) or chart.alt
    return Readout(
        label=_("{title}（{unit}）").format(title=title, unit=unit) if unit else title,
        kind=layout.kind,
        x_label=_(layout.x_label),
        y_label=unit or _("数值"),
        x_texts=x_texts,
        series=tuple(Series(name, tuple(sorted(points))) for name, points in sorted(series.items(), key=_listed(_legend(chart.spec)))),
        lang=chart.lang,
    )


def following(found: Readout | None, sources: tuple[str, ...]) -> Readout | None:
    """The readout of a chart's rows as baked (its sliders at the plan's values), told to follow
    ``sources``, the compiled Vega datasets its points are drawn from, once the live chart runs."""
    if found is None or not sources:
        return found
    (layout,) = [layout for layout in LAYOUTS if layout.series == "series"]
    unit = "" if found.y_label == gettext(found.lang)("数值") else found.y_label
    live = {
        "sources": list(sources),
        "x": layout.x,
        "series": layout.series,
        "value": layout.value,
        "texts": list(layout.texts),
        "unit": unit,
        "year": _year("{year}", found.lang),  # how x_texts name a year: the live rows' years are looked up by it
    }
    return replace(found, live=live)
