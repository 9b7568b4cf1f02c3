"""情景推演 (the studio): a page's State, its View and what they are built from.

- ``state``: the State (URL keys, parse, to_query, presets);
- ``catalogue``: which indicators take a slider, the sliders' ranges and plan values;
- ``formulas``: the studio's arithmetic and display rounding as formulas (lib.present.formula),
  run in Python here and in Vega by the static edition;
- ``chart``: the chart spec and its rows;
- ``studio``: build(State) → View.

The dependencies go one way: this module reads state and studio, studio reads state,
catalogue, formulas and chart, and none of them reads this module.
"""

from lib.views.scenarios.state import (
    CONTROL_KEYS,
    DEFAULT_INDICATOR,
    FLAGS,
    KEYS,
    SECTIONS,
    YEAR_KEYS,
    YEARS,
    Preset,
    State,
    at_plan,
    changes,
    controls,
    fields,
    normalized,
    parse,
    plan_pace,
    preset_of,
    presets,
    slider_value,
    to_query,
    with_goal,
    with_indicator,
    with_preset,
    with_switches,
)
from lib.views.scenarios.studio import View, build

__all__ = [
    "CONTROL_KEYS",
    "DEFAULT_INDICATOR",
    "FLAGS",
    "KEYS",
    "SECTIONS",
    "YEAR_KEYS",
    "YEARS",
    "Preset",
    "State",
    "View",
    "at_plan",
    "build",
    "changes",
    "controls",
    "fields",
    "normalized",
    "parse",
    "plan_pace",
    "preset_of",
    "presets",
    "slider_value",
    "to_query",
    "with_goal",
    "with_indicator",
    "with_preset",
    "with_switches",
]
