"""数据与方法: where every number comes from, how every computed number is computed."""

import streamlit as st

from lib.present import exports
from lib.present.blocks import Bullets, Paragraph
from lib.present.markup import markdown_text as markdown_escape
from lib.views import methods as page
from pages import _blocks, _url
from pages._shared import open_view

state, view = open_view(page)


def draw_quoting(blocks) -> None:
    """A section on a page in another language than 简体: its Chinese (a document's title, a printed cell)
    is an Original, drawn as a <span lang="zh-CN"> (issue 27), so its Markdown is sent with
    unsafe_allow_html; markdown_escape keeps every text itself from being HTML."""
    for block in blocks:
        if isinstance(block, Paragraph) and block.tone == "body":
            st.markdown(_blocks.markdown_of(block.parts), unsafe_allow_html=True)
        elif isinstance(block, Bullets) and block.tone == "body":
            st.markdown("\n".join(f"- {_blocks.markdown_of(item)}" for item in block.items), unsafe_allow_html=True)
        else:
            _blocks.draw(block)


def quoted_table(table: page.DataTable) -> str:
    """A dictionary whose Chinese allowed values (the data's own) are marked as the 简体 they are."""

    def cell(quoted: bool, number: int, text) -> str:
        said = markdown_escape(" ".join(str(text or "").split()))
        return f'<span lang="{view.quoted_lang}">{said}</span>' if quoted and number in view.quoted_columns and said else said

    shown = table.dictionary
    lines = ["| " + " | ".join(map(markdown_escape, shown.headers)) + " |", "|" + " --- |" * len(shown.headers)]
    lines += ["| " + " | ".join(cell(r in table.quoted_rows, n, c) for n, c in enumerate(row)) + " |" for r, row in enumerate(shown.rows)]
    return "\n".join(lines)


st.title(view.title, anchor=False)
_url.language_switch()
st.caption(view.intro)
if view.language_note:
    st.caption(view.language_note)
_url.notices(state)
for section in view.sections:
    st.header(section.heading, anchor=False)
    if view.lang == page.DEFAULT:
        _blocks.draw_joined(section.blocks)
    else:
        draw_quoting(section.blocks)

st.header(view.dictionary_heading, anchor=False)
st.caption(view.dictionary_intro)
for table in view.tables:
    with st.expander(f"{table.title} · {table.name}"):
        if view.quoted_columns:
            st.markdown(quoted_table(table), unsafe_allow_html=True)
        else:
            _blocks.draw(table.dictionary)


@st.cache_data(show_spinner=False)
def table_file(name: str, file_format: str) -> bytes:
    # Built on the first click, then kept: the tables never change while the app runs.
    frame = page.table_frame(name)
    return exports.to_csv_bytes(frame) if file_format == "csv" else exports.to_excel_bytes(frame, name)


st.header(view.downloads_heading, anchor=False)
for table in view.tables:
    columns = st.columns([3, 1, 1])
    columns[0].markdown(f"**{markdown_escape(table.title)}** · `{table.name}` · {view.rows_label.format(rows=table.rows)}")
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
if view.lang == page.DEFAULT:
    _blocks.draw_all(view.boundaries_label)
else:
    draw_quoting(view.boundaries_label)
