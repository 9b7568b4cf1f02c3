"""What a visitor can select (the city, a zone, a district) and what each place covers.

Every loader is called through ``tables.`` so a test can swap a table for
one with markup in it (tests/test_markup_in_data.py).
"""

from __future__ import annotations

import pandas as pd

from lib.plan.zones import tables

ALL = "all"  # the whole municipality, the page's default place


def district_name(name_2016: str, name_current: str, adcode_2016: str = "", adcode: str = "") -> str:
    """The name a reader of the plan knows, with today's name where it changed.

    With the codes, both are given, because a code looked up in a 2016 table
    must be the 2016 one: 开县（2016年代码500234；今开州区，500154）.
    """
    if name_current == name_2016:
        return name_2016
    if adcode_2016 and adcode and adcode_2016 != adcode:
        return f"{name_2016}（2016年代码{adcode_2016}；今{name_current}，{adcode}）"
    return f"{name_2016}（今{name_current}）"


def district_names(districts: pd.DataFrame, codes: bool = False) -> dict[str, str]:
    """adcode → district_name (with both codes where they differ, if ``codes``)."""
    return {
        row.adcode: district_name(row.name_2016, row.name_current, *((row.adcode_2016, row.adcode) if codes else ()))
        for row in districts.itertuples()
    }


def zones_of_district(adcode: str) -> pd.DataFrame:
    """The zone(s) a district lies in, with the part (全域/内环以内/内环以外)."""
    links = tables.load_district_zones()
    rows = links[links.adcode == adcode].merge(tables.load_zones(), on="zone_id")
    return rows.sort_values("position").reset_index(drop=True)


def districts_of_zone(zone_id: str) -> pd.DataFrame:
    """The districts in a zone, wholly or in part, in adcode order."""
    links = tables.load_district_zones()
    rows = links[links.zone_id == zone_id].merge(tables.load_districts(), on="adcode")
    return rows.sort_values("adcode").reset_index(drop=True)


def projects_in(adcodes: set[str] | list[str]) -> pd.DataFrame:
    """Projects with at least one of their districts in ``adcodes``."""
    wanted = set(adcodes)
    projects = tables.load_projects()
    mask = projects.district_adcodes.map(lambda value: bool(wanted & set(tables.split_adcodes(value))))
    return projects[mask].reset_index(drop=True)


UNDETERMINED = "位置跨区/未定"


def project_zones(projects: pd.DataFrame) -> pd.Series:
    """Each project's zone: its zone_id when the plan puts it wholly in one zone, else UNDETERMINED.

    First the plan's own word: 第十章第二节 gives each zone a paragraph, and an item
    it names there (“加快建设中央商务区”, “推进观音桥、南坪…等商业商务集聚区提档升级”,
    “依托重庆高新区、西永综合保税区和大学城”) is in that zone (``zone_id``, with its
    clause in ``zone_quote``), wherever its district lies. Otherwise a project is
    in a zone only if every district it names lies wholly (全域) in that zone. One
    in a district the Inner Ring divides, or spanning districts of two zones, is
    UNDETERMINED: the ring is not drawn and no project records its side of it.
    """
    links = tables.load_district_zones()
    whole = dict(zip(links.adcode[links.extent == "全域"], links.zone_id[links.extent == "全域"]))

    def zone(value: str) -> str:
        found = {whole.get(code) for code in tables.split_adcodes(value)}
        return next(iter(found)) if len(found) == 1 and None not in found else UNDETERMINED

    by_districts = projects.district_adcodes.map(zone)
    stated = projects.zone_id.fillna("") if "zone_id" in projects else pd.Series("", index=projects.index)
    return stated.where(stated != "", by_districts)


def projects_at(place: str) -> pd.DataFrame:
    """The projects listed for a place: all of them for the city, else those in its districts.

    A zone also lists the items 第十章第二节 puts in it that have no district
    (重庆高新区, 重庆经开区: the plan names no district for them), and leaves out
    those it puts in another zone (大学城水厂 stands in 沙坪坝, partly core, but
    the expansion zone's paragraph names 大学城).
    """
    if place == ALL:
        return tables.load_projects()
    found = projects_in(place_districts(place))
    projects = tables.load_projects()
    if "zone_id" in projects and place in set(tables.load_zones().zone_id):
        extra = projects[(projects.zone_id == place) & ~projects.project_id.isin(found.project_id)]
        found = found[found.zone_id.isin(["", place])]
        found = pd.concat([found, extra], ignore_index=True)
    return found


def category_counts(projects: pd.DataFrame) -> dict[str, int]:
    """Projects per category in the fixed category order; categories with none are left out."""
    counts = projects.category.value_counts()
    return {category: int(counts[category]) for category in tables.CATEGORIES if category in counts}


def mapped_counts() -> dict[str, int]:
    """Projects drawn on the map (those with a position), per category: the categories a visitor can toggle."""
    projects = tables.load_projects()
    return category_counts(projects[projects.precision != "none"])


def place_ids() -> list[str]:
    """What a visitor can select: the whole city, a zone id, or a district adcode."""
    return [ALL, *tables.load_zones().zone_id, *tables.load_districts().adcode]


def place_labels() -> dict[str, str]:
    """place id → the label in the drop-down."""
    labels = {ALL: "全市（五大功能区域）"}
    labels |= {z.zone_id: f"功能区域 · {z.name_zh}" for z in tables.load_zones().itertuples()}
    labels |= {d.adcode: f"区县 · {district_name(d.name_2016, d.name_current)}" for d in tables.load_districts().itertuples()}
    return labels


def place_districts(place: str) -> list[str]:
    """Adcodes a place covers: a zone's districts (split ones included), one district, or none for the city."""
    if place == ALL:
        return []
    if place in set(tables.load_zones().zone_id):
        return list(districts_of_zone(place).adcode)
    return [place] if place in set(tables.load_districts().adcode) else []


def works_at(place: str) -> pd.DataFrame:
    """Linear works listed for a place: all for the city, else those naming one of its districts."""
    works = tables.load_linear_works()
    if place == ALL:
        return works
    wanted = set(place_districts(place))
    return works[works.district_adcodes.map(lambda v: bool(wanted & set(tables.split_adcodes(v))))].reset_index(drop=True)
