"""情景推演's State: what a presenter can put in a link, and the prepared scenarios.

URL keys: ``presenter``, ``handout``, ``section`` (任选指标 / 地区生产总值 /
城乡收入), ``indicator`` (an id such as ``t2_forest_cover``; older links'
label spelling ``森林覆盖率（专栏2·12）`` is read too), ``yearly``,
``compare``, ``pace`` (scenario A), ``pace_2016`` … ``pace_2020`` (A year by
year), ``pace_b`` (scenario B), and the GDP and income sliders ``gdp_real``,
``gdp_deflator``, ``population``, ``urban_income``, ``rural_income``,
``urbanization``. Older links' ``pace_<id>``, ``paceb_<id>`` and
``pace_<id>_<year>`` are read for the indicator they name.

A slider at the plan's value is stored as None, so the plan is the empty
query and a preset matches whatever State it would produce. The View is
built in lib/views/scenarios/studio.py, which reads this module (never the other way round).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache

from lib.engine.scenario import BASE_YEAR, PLAN_YEARS, TARGET_YEAR
from lib.present.i18n import DEFAULT, N_, gettext
from lib.views import query as q
from lib.views.query import Notice, Query
from lib.views.scenarios.catalogue import gdp_controls, income_controls, on_grid, options_by_id

# URL values and, through the catalogs, the pills' words.
SECTIONS = (N_("任选指标"), N_("地区生产总值"), N_("城乡收入"))
# A meeting opens on the economy's structure: 服务业比重 is the first of the
# overview's headline targets (lib/overview.HEADLINES: GDP, income growth,
# 服务业比重 …) that a pace slider can move, so both pages start alike.
DEFAULT_INDICATOR = "t2_services_share"
YEAR_KEYS = tuple(f"pace_{year}" for year in PLAN_YEARS)
CONTROL_KEYS = ("gdp_real", "gdp_deflator", "population", "urban_income", "rural_income", "urbanization")
FLAGS = ("presenter", "handout", "yearly", "compare")
KEYS = (*FLAGS, "section", "indicator", "pace", "pace_b", *YEAR_KEYS, *CONTROL_KEYS)
SAME = 1e-9  # a URL value this close to the plan's is the plan's
YEARS = (BASE_YEAR, TARGET_YEAR)  # the studio's first and last drawn year


@dataclass(frozen=True)
class State:
    presenter: bool = False
    handout: bool = False  # the printable one-page view
    section: str = SECTIONS[0]
    indicator: str = DEFAULT_INDICATOR
    yearly: bool = False
    compare: bool = False
    pace: float | None = None  # scenario A; None: the plan's pace
    yearly_paces: tuple[float | None, ...] = (None,) * len(PLAN_YEARS)
    pace_b: float | None = None
    gdp_real: float | None = None
    gdp_deflator: float | None = None
    population: float | None = None
    urban_income: float | None = None
    rural_income: float | None = None
    urbanization: float | None = None
    lang: str = DEFAULT  # zh-CN, en or zh-Hant (issue 27)
    notices: tuple[Notice, ...] = ()


def controls():
    return {**gdp_controls(), **income_controls()}


def plan_pace(state: State) -> float:
    return options_by_id()[state.indicator].plan_pace


def slider_value(state: State, key: str) -> float:
    """What a slider shows: the State's value, or the plan's where the State has None."""
    if key in CONTROL_KEYS:
        value = getattr(state, key)
        return controls()[key].plan if value is None else value
    value = state.yearly_paces[YEAR_KEYS.index(key)] if key in YEAR_KEYS else getattr(state, key)
    return plan_pace(state) if value is None else value


def _unless_plan(value: float | None, plan: float) -> float | None:
    return None if value is None or abs(value - plan) < SAME else value


def normalized(state: State) -> State:
    """Every slider at the plan's value written as None."""
    pace = plan_pace(state)
    return dataclasses.replace(
        state,
        pace=_unless_plan(state.pace, pace),
        pace_b=_unless_plan(state.pace_b, pace),
        yearly_paces=tuple(_unless_plan(v, pace) for v in state.yearly_paces),
        **{key: _unless_plan(getattr(state, key), spec.plan) for key, spec in controls().items()},
    )


def changes(state: State, key: str, value: float) -> dict:
    """The State fields a slider with URL key ``key`` changes when moved to ``value``."""
    if key in YEAR_KEYS:
        index = YEAR_KEYS.index(key)
        return {"yearly_paces": state.yearly_paces[:index] + (value,) + state.yearly_paces[index + 1 :]}
    return {key: value}


def parse(query: Query) -> State:
    notices: list[Notice] = []
    options = options_by_id()
    spellings = {**{iid: iid for iid in options}, **{option.label: iid for iid, option in options.items()}}
    indicator = q.one_of(query, "indicator", spellings, DEFAULT_INDICATOR, notices)
    option = options[indicator]
    legacy = {"pace": f"pace_{indicator}", "pace_b": f"paceb_{indicator}"}
    legacy.update({key: f"pace_{indicator}_{year}" for key, year in zip(YEAR_KEYS, PLAN_YEARS)})
    q.unknown_keys(query, (*KEYS, q.LANG, *legacy.values()), notices)

    def pace(key: str) -> float | None:
        old = q.number(query, legacy[key], option.low, option.high, None, notices)
        new = q.number(query, key, option.low, option.high, None, notices)
        return old if new is None else new

    flags = {key: q.flag(query, key, notices) for key in FLAGS}
    sliders = {key: q.number(query, key, spec.low, spec.high, None, notices) for key, spec in controls().items()}
    state = State(
        **flags,
        section=q.one_of(query, "section", SECTIONS, SECTIONS[0], notices),
        indicator=indicator,
        pace=pace("pace"),
        yearly_paces=tuple(pace(key) for key in YEAR_KEYS),
        pace_b=pace("pace_b"),
        **sliders,
        lang=q.language(query, notices),
        notices=tuple(notices),
    )
    return normalized(state)


def to_query(state: State) -> dict[str, list[str]]:
    state = normalized(state)
    defaults = State()
    return q.query_of(
        [
            *((key, getattr(state, key), getattr(defaults, key)) for key in (*FLAGS, "section", "indicator", "pace", "pace_b")),
            *((key, value, None) for key, value in zip(YEAR_KEYS, state.yearly_paces)),
            *((key, getattr(state, key), None) for key in CONTROL_KEYS),
            (q.LANG, state.lang, DEFAULT),
        ]
    )


# Prepared scenarios: each sets some fields; every slider it leaves out is at the plan's value.


@dataclass(frozen=True)
class Preset:
    name: str  # its id (the 简体 words; a preset is chosen by name)
    fields: tuple[tuple[str, object], ...]
    wording: str = ""  # the catalog's words where the name holds a figure: {rate}
    rate: str = ""

    def label(self, lang: str) -> str:
        _ = gettext(lang)
        return _(self.wording).format(rate=self.rate) if self.wording else _(self.name)


def _past_pace(indicator_id: str) -> float:
    """The indicator's 2011–2015 pace on its slider's grid (森林覆盖率: 1.6; R&D: 0.052 → 0.05)."""
    option = options_by_id()[indicator_id]
    return on_grid(option.achieved_pace, option)


@cache
def presets() -> tuple[Preset, ...]:
    def past(indicator_id: str) -> tuple[tuple[str, object], ...]:
        return (("section", "任选指标"), ("indicator", indicator_id), ("yearly", False), ("pace", _past_pace(indicator_id)))

    return (
        Preset(N_("规划情景：全部按规划数字"), ()),
        Preset(N_("经济放缓：实际增长7%"), (("section", "地区生产总值"), ("gdp_real", 7.0))),
        Preset(N_("经济放缓：实际增长6.5%，物价持平"), (("section", "地区生产总值"), ("gdp_real", 6.5), ("gdp_deflator", 0.0))),
        Preset(N_("城乡收入同速增长8%"), (("section", "城乡收入"), ("urban_income", 8.0), ("rural_income", 8.0))),
        Preset(N_("森林覆盖率按“十二五”速度提高"), past("t2_forest_cover")),
        Preset(N_("研发投入按“十二五”速度提高"), past("t2_rd_share")),
        *_reported_preset(),
    )


def _reported_preset() -> tuple[Preset, ...]:
    """实际（统计公报）: GDP at the real growth the five reported years average (1.4165^(1/5) − 1 =
    7.2 %/年, lib.plan.yearly), so 情景A lands where the reported line (the chart's dotted green) does."""
    from lib.engine import economy
    from lib.present.numbers import figure

    index = economy.reported_real_index()
    if not index:
        return ()
    spec = controls()["gdp_real"]
    average = round(round(((index[-1] ** (1 / (len(index) - 1)) - 1) * 100) / spec.step) * spec.step, 10)
    rate = figure(average, 1)
    fields = (("section", "地区生产总值"), ("gdp_real", average))
    return (Preset(f"实际（统计公报）：年均实际增长{rate}%", fields, N_("实际（统计公报）：年均实际增长{rate}%"), rate),)


def at_plan(state: State) -> State:
    """Every slider back at the plan's value; the panel, indicator and toggles stay as they are,
    so a presenter who resets mid-talk stays on what the room is looking at."""
    sliders = {key: None for key in ("pace", "pace_b", *CONTROL_KEYS)}
    return dataclasses.replace(state, yearly_paces=State().yearly_paces, notices=(), **sliders)


def with_indicator(state: State, indicator_id: str) -> State:
    """Another indicator, its sliders at its own plan pace (each indicator has its own range)."""
    return dataclasses.replace(state, indicator=indicator_id, pace=None, pace_b=None, yearly_paces=State().yearly_paces)


def with_preset(state: State, name: str) -> State:
    preset = next(p for p in presets() if p.name == name)
    return normalized(dataclasses.replace(at_plan(dataclasses.replace(state, **dict(preset.fields))), **dict(preset.fields)))


def preset_of(state: State) -> str | None:
    """The preset this State is (derived from the State, never stored), or None."""
    plain = normalized(dataclasses.replace(state, notices=()))
    return next((p.name for p in presets() if with_preset(plain, p.name) == plain), None)


def with_switches(state: State, yearly: bool, compare: bool) -> State:
    """逐年设定 and 对比情景B as toggled. B opened beside A starts at the 2011–2015 pace, so the
    chart shows two paths at once (at the plan's pace too it would lie under A)."""
    pace_b = state.pace_b
    option = options_by_id()[state.indicator]
    if compare and not state.compare and pace_b is None and option.achieved_pace is not None:
        pace_b = _past_pace(state.indicator)
    return normalized(dataclasses.replace(state, yearly=yearly, compare=compare, pace_b=pace_b))


def with_goal(state: State, goal: float | None) -> State:
    """Scenario A at the constant pace that lands on ``goal`` in 2020 (formulas.PACE_FOR); the
    State unchanged where no pace in the slider's range can (the entry then goes back to the
    value the scenario reaches)."""
    from lib.views.scenarios.formulas import pace_for  # formulas reads the catalogue, as this module does

    option = options_by_id()[state.indicator]
    pace = None if goal is None else pace_for(option, goal)
    if pace is None:
        return state
    return normalized(dataclasses.replace(state, yearly=False, pace=pace, notices=()))


def fields(state: State) -> dict:
    """A State's fields, for a callback that replaces the whole State."""
    return {f.name: getattr(state, f.name) for f in dataclasses.fields(State) if f.name != "notices"}
