"""Which printed cell is an indicator's 2020 target.

专栏2 prints most targets for the year 2020 and the five-year ones (【】 totals,
five-year cuts, 年均 rates) for the period 2016–2020; an indicator has one or
the other. This is the one place that rule lives.
"""

from __future__ import annotations

TARGET_PERIODS = ("2020", "2016-2020")


def target_obs_ids(indicator_id: str) -> tuple[str, ...]:
    """The observation ids a target may have, in the order they are tried."""
    return tuple(f"{indicator_id}.{period}.target" for period in TARGET_PERIODS)


def target_obs_id(indicator_id: str, known_ids) -> str | None:
    """The id of the indicator's target among ``known_ids`` (a set or an index), or None."""
    return next((obs_id for obs_id in target_obs_ids(indicator_id) if obs_id in known_ids), None)
