"""数据与方法: where every number comes from, how every computed number is computed."""

import streamlit as st

from lib.present import exports
from lib.views import methods as page
from pages import _blocks, _url
from pages._shared import open_view

state, view = open_view(page)

st.title(view.title, anchor=False)
_url.language_switch()
st.caption(view.intro)
_url.notices(state)
for section in view.sections:
    st.header(section.heading, anchor=False)
    _blocks.draw_joined(section.blocks)

st.header(view.dictionary_heading, anchor=False)
st.caption(view.dictionary_intro)
for table in view.tables:
    with st.expander(f"{table.title} · {table.name}"):
        _blocks.draw(table.dictionary)


@st.cache_data(show_spinner=False)
def table_file(name: str, file_format: str) -> bytes:
    # Built on the first click, then kept: the tables never change while the app runs.
    frame = page.table_frame(name)
    return exports.to_csv_bytes(frame) if file_format == "csv" else exports.to_excel_bytes(frame, name)


st.header(view.downloads_heading, anchor=False)
for table in view.tables:
    columns = st.columns([3, 1, 1])
    columns[0].markdown(f"**{table.title}** · `{table.name}` · {table.rows} 行")
    columns[1].download_button(
        "CSV", lambda name=table.name: table_file(name, "csv"), file_name=f"{table.name}.csv", mime="text/csv", key=f"csv_{table.name}"
    )
    columns[2].download_button(
        "Excel",
        lambda name=table.name: table_file(name, "xlsx"),
        file_name=f"{table.name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{table.name}",
    )

# No download of the boundaries: they derive from Amap, whose terms for
# passing them on are not known here (geo/README.md). The label says so.
_blocks.draw_all(view.boundaries_label)
