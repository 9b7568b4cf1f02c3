"""功能区域地图: the five functional zones, the 38 districts and the projects the plan sites.

Offline by construction: no basemap, boundaries from the committed
geo/districts.geojson. A click on a district, the drop-down and the category
pills all change the State, which is the URL (?place=…&categories=…).
"""

import functools
import html

import streamlit as st

from lib.present import routes
from lib.present.blocks import Table
from lib.present.exports_places import LinkBase
from lib.present.maps.deck import PickedDeck
from lib.present.markup import markdown_escape, markdown_text
from lib.present.permalink import public_base
from lib.views import zones_map as page
from lib.views.zones_map import downloads, listing
from pages import _blocks, _url
from pages._shared import open_view

MAP_KEY = "zones_map"
PICKS_KEY = "zones_map_picks"  # map clicks this session, per layer: flips that layer's id (lib.present.maps.deck.PickedDeck)

# Every control of this page a finger can hit on a phone: 44 px at least (WCAG 2.5.5), where
# Streamlit draws pills 34 px tall, a toggle's label 24 and a select box 43 with a 34 px wide button. A fixed string.
TAP_CSS = (
    "<style>"
    '[data-testid="stButtonGroup"] button, [data-testid="stDownloadButton"] button,'
    ' [data-testid="stBaseButton-elementToolbar"], [data-testid="stExpandSidebarButton"] { min-height: 44px; min-width: 44px; }'
    ' [data-testid="stSelectbox"] [role="group"], [data-testid="stSelectbox"] button { min-height: 44px; min-width: 44px; }'
    ' [data-testid="stCheckbox"] label { min-height: 44px; align-items: center; }'
    # A single-choice pills row scrolls sideways, hiding districts past the edge: the list wraps instead.
    ' [class*="st-key-district_list_"] [role="radiogroup"] { flex-wrap: wrap; overflow: visible; }'
    # Outside 简体 the lists are Markdown (marked_table): a Chinese name or quote beside English would
    # otherwise break to one character a line, the English words being unbreakable.
    ' [data-testid="stMarkdownContainer"] td span[lang] { display: inline-block; min-width: 7em; }'
    # On a phone those seven columns are wider than the screen: the list scrolls sideways in its own frame
    # (its row names are links, so a keyboard reaches it), words whole rather than broken anywhere.
    ' @media (max-width: 640px) { .st-key-zones_lists [data-testid="stMarkdownContainer"]:has(> table) { overflow-x: auto; }'
    ' .st-key-zones_lists [data-testid="stMarkdownContainer"] table { min-width: 720px; }'
    ' .st-key-zones_lists [data-testid="stMarkdownContainer"] :is(th, td) { overflow-wrap: normal; } }'
    # The map's tooltip is drawn at the pointer: its wrappers cut it at the map's edge (a long English
    # tooltip lost half its width); it shows whole, over the key beside the map.
    ' [data-testid="stDeckGlJsonChart"] div:has(> .deck-tooltip), [data-testid="stDeckGlJsonChart"] div:has(> div > .deck-tooltip)'
    " { overflow: visible !important; }"
    ' [data-testid="stColumn"]:has([data-testid="stDeckGlJsonChart"]) { position: relative; z-index: 5; }'
    # On a phone the map is the screen's width: a tooltip at the finger ran past the edge. There it is a
    # strip along the map's foot, clear of the finger.
    ' @media (max-width: 640px) { [data-testid="stDeckGlJsonChart"] .deck-tooltip { transform: none !important;'
    " top: auto !important; bottom: 0; left: 0 !important; right: 0; max-width: none !important; } }"
    # A download's English label is longer than a phone is wide: it wraps inside its button.
    ' [data-testid="stDownloadButton"] button { max-width: 100%; height: auto; }'
    ' [data-testid="stDownloadButton"] button p { white-space: normal; text-align: left; }'
    "</style>"
)

state, view = open_view(page)
st.html(TAP_CSS)

st.title(view.title, anchor=False)
_url.language_switch()
st.caption(view.intro)
if view.language_note:
    st.caption(view.language_note)
_url.notices(state)

st.selectbox(
    view.place_label,
    view.place_ids,
    format_func=view.place_labels.get,
    key=_url.seed("place", view.place),
    on_change=_url.change(page, lambda s: {"place": st.session_state["place"]}),
    placeholder=view.placeholder,
)
st.pills(
    view.categories_label,
    view.category_ids,
    selection_mode="multi",
    format_func=view.category_labels.get,
    key=_url.seed("categories", list(view.categories)),
    on_change=_url.change(page, lambda s: {"categories": page.with_categories(s, st.session_state["categories"])}),
)


st.toggle(
    view.works_label,
    key=_url.seed("works", view.works),
    on_change=_url.change(page, lambda s: {"works": st.session_state["works"]}),
)


def follow_click(current):
    selection = st.session_state.get(MAP_KEY)
    picks = dict(st.session_state.get(PICKS_KEY, {}))
    for layer in page.clicked_layers(selection):
        picks[layer] = picks.get(layer, 0) + 1
    st.session_state[PICKS_KEY] = picks
    place = page.clicked_place(current, selection)
    return {} if place is None else {"place": place}


# Beside each other on a wide screen; on a phone Streamlit stacks the columns,
# so the key comes right under the map.
map_column, key_column = st.columns([3, 2], gap="medium")
with map_column:
    st.pydeck_chart(
        PickedDeck(view.deck, st.session_state.get(PICKS_KEY, {})),
        on_select=_url.change(page, follow_click),
        selection_mode="single-object",
        key=MAP_KEY,
        height=view.map_height,
        alt=view.map_alt,
    )
with key_column:
    st.caption(view.map_hint)
    _blocks.draw(view.zone_key)
    _blocks.draw(view.marker_key)
    st.caption(view.counts_text)
    # Every district one tap away, the six inside the Inner Ring too, which the opening map cannot name.
    st.markdown(f"**{view.list_label}**")
    for number, (zone, links) in enumerate(view.place_groups):
        ids = [page.parse(link.target.params()).place for link in links]
        key = f"district_list_{number}"
        st.pills(  # labels are data and pills draw markdown: escaped to read as plain text
            markdown_text(zone.label),
            ids,
            format_func=dict(zip(ids, (markdown_text(link.label) for link in links))).get,
            selection_mode="single",
            key=_url.seed(key, view.place if view.place in ids else None),
            on_change=_url.change(page, lambda s, key=key: {"place": st.session_state[key] or page.ALL}),
        )


def quoted(text: str) -> None:
    """The plan's words as printed, marked 简体 on a page in another language. A <p> opens an HTML block,
    where Markdown is not read: its text is escaped as HTML (a Markdown escape showed \\*\\*\\* for ***)."""
    st.markdown(f'<p lang="{view.source_lang}">{html.escape(text)}</p>', unsafe_allow_html=True)


st.header(markdown_text(view.panel_heading), anchor=False)
for block, quote in zip(view.panel, view.panel_quotes):
    _blocks.draw(block)
    if quote:
        quoted(quote)
if view.panel_note:
    st.text(view.panel_note)
if view.panel_note_quote:
    quoted(view.panel_note_quote)
if view.members is not None:
    st.markdown(f"**{view.members_heading}**")
    st.dataframe(_blocks.table_frame(view.members), hide_index=True)


def link_base() -> LinkBase:
    """Where a file's 原文链接 point: the public address (DASHBOARD_PUBLIC_URL), else the app's root as
    the browser has it (st.context.url is this page's address, no query). Only AppTest has neither."""
    here = st.context.url or ""
    own = "/" + routes.APP_PATHS["zones_map"]
    return LinkBase(public_base() or (here[: -len(own)] if here.endswith(own) else here.rstrip("/")) or "http://localhost:8501")


# Made on the click and built once per place and address (lib.views.zones_map.downloads); the click
# downloads without a rerun (on_click="ignore"), as on 指标总览. The address is read now: the file is
# made outside the script's run, where st.context no longer knows the browser's.
files, links = view.downloads, link_base()
with st.container(border=True, key="zones_downloads"):
    st.markdown(f"**{files.heading}**")
    st.caption(markdown_text(files.note))  # names a place: data, shown as text
    # A row that wraps, each button as wide as its label: equal columns cut the Excel label at 1280 px.
    row = st.container(horizontal=True, wrap=True)
    row.download_button(
        files.xlsx_label,
        lambda: downloads.xlsx_bytes(view.place, links, view.lang),
        file_name=files.xlsx_name,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
        on_click="ignore",
    )
    row.download_button(
        files.csv_label,
        lambda: downloads.csv_bytes(view.place, downloads.PROJECTS_SHEET, links, view.lang),
        file_name=files.csv_name,
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )
    row.download_button(
        files.works_csv_label,
        lambda: downloads.csv_bytes(view.place, downloads.WORKS_SHEET, links, view.lang),
        file_name=files.works_csv_name,
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
    )


@functools.lru_cache(maxsize=64)
def marked_table(table: Table, quoted: tuple[int, ...], source_lang: str) -> str:
    """A list as Markdown, the plan's words (``quoted`` columns) marked with their language, each row's name a link
    to its passage (every cell escaped): a page not in 简体 cannot mark a cell of st.dataframe (issue 27, as the report card)."""

    def cell(text) -> str:
        return markdown_escape(" ".join(str("" if text is None else text).split()))

    def marked(text) -> str:
        return f'<span lang="{source_lang}">{cell(text)}</span>' if text else ""

    # The name links to its passage, as in the static edition: one column less than the app's link column.
    lines = ["| " + " | ".join(cell(h) for h in table.headers) + " |", "|" + " --- |" * len(table.headers)]
    for row, link in zip(table.rows, table.links):
        cells = [marked(c) if i in quoted else cell(c) for i, c in enumerate(row)]
        cells[0] = f"[{cells[0]}]({routes.app_path(link.target)})"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def draw_list(table: Table, quoted: tuple[int, ...]) -> None:
    if view.source_lang:
        # unsafe_allow_html for the lang marks only: markdown_escape keeps every cell from being HTML.
        st.markdown(marked_table(table, quoted, view.source_lang), unsafe_allow_html=True)
        return
    # Each row's passage as a link column (the frames are built once per View, pages/_blocks.table_frame).
    source_link = {view.link_column: st.column_config.LinkColumn(view.link_column, display_text=view.read_label)}
    st.dataframe(_blocks.table_frame(table, view.link_column), hide_index=True, column_config=source_link)


# Outside 简体 the lists are Markdown tables, which scroll in this container's frame on a phone (TAP_CSS).
with st.container(key="zones_lists"):
    st.markdown(f"**{markdown_text(view.projects_heading)}**")
    # The whole city's 308 rows as Markdown: the static edition's columns (listing.city_table).
    projects, quoted = (
        listing.city_table(view.projects, view.quoted_projects, view.lang)
        if view.source_lang and view.place == page.ALL
        else (view.projects, view.quoted_projects)
    )
    draw_list(projects, quoted)

    st.markdown(f"**{markdown_text(view.works_heading)}**")
    draw_list(view.works_table, view.quoted_works)
