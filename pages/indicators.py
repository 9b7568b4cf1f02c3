"""指标总览: 专栏1 and 专栏2 as printed, with the pace each target requires."""

import html

import streamlit as st

from lib.views import indicators as page
from lib.views import query
from pages import _blocks, _url
from pages._shared import open_view, view_of

state, view = open_view(page)

st.title(view.title, anchor=False)
_url.language_switch()
st.caption(view.intro)
if view.language_note:
    st.caption(view.language_note)
_url.notices(state)

# Pills and segmented controls rather than drop-down menus: every option is
# visible and one click away (also on a projector), and a first visit loads far
# less code for them (bench/component_costs.py: pills +0.08 s, a multiselect +0.23 s).
top = st.columns([3, 2], vertical_alignment="bottom")
top[0].segmented_control(
    view.grid_label,
    list(view.table_labels),
    format_func=view.table_labels.get,
    required=True,
    key=_url.seed("table", view.table),
    on_change=_url.change(page, lambda s: {"table": st.session_state["table"], "row": ""}),
)
top[1].text_input(
    view.search_label,
    max_chars=view.max_query,
    placeholder=view.search_placeholder,
    key=_url.seed("q", state.q),
    on_change=_url.change(page, lambda s: {"q": st.session_state["q"] or ""}),
)

filters = st.columns([3, 1.3, 4.2])  # not a plan figure: column widths
filters[0].pills(
    view.pillar_label,
    view.pillars,
    format_func=view.pillar_labels.get,
    selection_mode="multi",
    wrap=True,
    disabled=view.pillar_disabled,
    key=_url.seed("pillar", list(state.pillar)),
    on_change=_url.change(page, lambda s: {"pillar": tuple(st.session_state["pillar"] or ())}),
)
filters[1].pills(
    view.attribute_label,
    view.attributes,
    format_func=view.attribute_labels.get,
    selection_mode="multi",
    wrap=True,
    key=_url.seed("attribute", list(state.attribute)),
    on_change=_url.change(page, lambda s: {"attribute": tuple(st.session_state["attribute"] or ())}),
)
filters[2].pills(
    view.kind_label,
    list(view.kind_labels),
    format_func=view.kind_labels.get,
    selection_mode="multi",
    wrap=True,
    key=_url.seed("kind", list(state.kind)),
    on_change=_url.change(page, lambda s: {"kind": tuple(st.session_state["kind"] or ())}),
)

# The officials' first question: how did 2020 turn out? Each verdict with its count, picked like the filters above.
outcome = st.columns([4.2, 1.8], vertical_alignment="bottom")  # not a plan figure: column widths
outcome[0].pills(
    view.outcome_label,
    list(view.outcome_labels),
    format_func=view.outcome_labels.get,
    selection_mode="multi",
    wrap=True,
    disabled=view.outcome_disabled,
    key=_url.seed("outcome", list(state.outcome)),
    on_change=_url.change(page, lambda s: {"outcome": tuple(st.session_state["outcome"] or ())}),
)
outcome[1].toggle(
    view.groups["outcome"],
    disabled=view.outcome_disabled,
    key=_url.seed("group", state.group == "outcome"),
    on_change=_url.change(page, lambda s: {"group": "outcome" if st.session_state["group"] else ""}),
)
if view.outcome_counts:
    st.caption(view.outcome_counts)

st.markdown(f"**{view.heading}** · {view.counts}")
st.segmented_control(
    view.columns_label,
    list(view.column_sets),
    format_func=view.column_sets.get,
    required=True,
    key=_url.seed("columns", state.columns),
    on_change=_url.change(page, lambda s: {"columns": st.session_state["columns"]}),
)
if view.empty:
    st.info(view.empty)


def chosen_row(current) -> dict:
    """The clicked row's indicator id, from the grid's selection (positions in the View's rows)."""
    rows = st.session_state[view.grid_key]["selection"]["rows"]
    ids = view_of(page, current).row_ids
    return {"row": ids[rows[0]] if rows and rows[0] < len(ids) else ""}


def column_config(column):
    if column.percent:
        return st.column_config.NumberColumn(column.heading, format="%d%%", width=column.width, help=column.help or None)
    return st.column_config.TextColumn(column.heading, width=column.width, help=column.help or None)


st.caption(view.scroll_hint)
st.dataframe(
    # Arrow built at draw time, once per list of rows (cached in pages/_blocks): a warm rerun converts nothing.
    _blocks.arrow_table(tuple(c.name for c in view.columns), tuple(c.percent for c in view.columns), view.rows),
    hide_index=True,
    column_config={c.name: column_config(c) for c in view.columns},
    on_select=_url.change(page, chosen_row),
    selection_mode="single-row",
    selection_default=None if view.selected is None else {"selection": {"rows": [view.selected]}},
    key=view.grid_key,
    row_height=view.row_height,
    placeholder="",  # a heading row or a row with no ratio: an empty cell, the 难度 column says why
    height=min(38 + (view.row_height or 35) * max(len(view.rows), 1), 720),
)

left, right, _ = st.columns([1, 1, 4])
# Made on the click (a file handed over on every run is fetched by the browser
# after each filter change, and 404s once the next run has replaced it), built
# once per State (lib.views.indicators). A click downloads without a rerun
# (on_click="ignore"): a rerun started by the click raced the file it asked for.
left.download_button(
    view.download_labels[0],
    lambda: page.csv_bytes(state),
    file_name=view.csv_name,
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
)
right.download_button(
    view.download_labels[1],
    lambda: page.excel_bytes(state),
    on_click="ignore",
    file_name=view.excel_name,
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table_view:",
)

if view.detail_missing:
    st.info(view.missing_note, icon=":material/filter_alt_off:")
    st.text(view.detail_missing)
elif view.detail is None:
    st.caption(view.hint)
else:
    detail = view.detail
    with st.container(border=True):
        st.header(query.markdown_literal(detail.title), anchor=False)
        if detail.definition:
            st.text(detail.definition)
        st.text(detail.source)
        if detail.printed:
            st.text(detail.printed)
        for line in detail.pace_lines:
            st.text(line)
        if detail.outcome_lines:
            st.text("\n".join(detail.outcome_lines))
        for note in detail.notes:
            st.text(note)
        if detail.quotes:
            # The plan's and the data's Chinese texts, as recorded, marked as 简体 (issue 27); every part escaped.
            quoted = "".join(
                f'<p><strong>{html.escape(label)}</strong>: <span lang="{detail.quote_lang}">{html.escape(text)}</span></p>'
                for label, text in detail.quotes
            )
            st.html(f'<div class="quotes">{quoted}</div>', width="stretch")
            st.caption(detail.language_note)
        _blocks.page_link(detail.reader, icon=":material/menu_book:")
        if detail.trajectory is not None:
            _blocks.page_link(detail.trajectory, icon=":material/show_chart:")
