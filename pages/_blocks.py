"""Draw a View's blocks (lib/present/blocks.py) with Streamlit: the app's one renderer of them.

Text is escaped here, at draw time (lib.present.markup): a View holds plain
text, and Markdown is this renderer's transport. Likewise Arrow: a View's chart
rows and grids are plain lists, turned into the Arrow bytes Streamlit ships
once per object (cached here), so a warm rerun converts nothing. Links inside text become
relative links to the app's own paths (lib.present.routes), a link standing
alone an st.page_link.
"""

from __future__ import annotations

import functools
import html
import weakref

import pandas as pd
import pyarrow as pa
import streamlit as st

from lib.present import routes
from lib.present.blocks import (
    Block,
    Bullets,
    Chart,
    External,
    Heading,
    Image,
    Inline,
    Link,
    Mark,
    Original,
    Paragraph,
    Preformatted,
    Span,
    Strong,
    Table,
)
from lib.present.markup import markdown_table
from lib.present.markup import markdown_text as markdown_escape  # escaped, and autolinks broken
from pages import _display
from pages._shared import svg_uri


def inline(part: Inline) -> str:
    """One inline part as Markdown, its text escaped."""
    if isinstance(part, str):
        return markdown_escape(part)
    if isinstance(part, Strong):
        return f"**{markdown_escape(part.text)}**"
    if isinstance(part, Mark):
        return f":orange-background[**{markdown_escape(part.text)}**]"
    if isinstance(part, Link):
        return f"[{markdown_escape(part.label)}]({routes.app_path(part.target)})"
    if isinstance(part, Span):
        return f":orange-background[{markdown_escape(part.text)}]" if part.marked else markdown_escape(part.text)
    if isinstance(part, External):
        # The address is shown as text (a code span: Markdown leaves it as it reads, no autolink):
        # a reader sees where it goes before following it.
        return (f"{markdown_escape(part.label)} " if part.label else "") + f"`{part.url.replace('`', '%60')}`"
    if isinstance(part, Original):
        # Markdown cannot carry a language; the page that holds one draws it with unsafe_allow_html
        # (markdown_escape keeps the text itself from being HTML), so the span marks it (issue 27).
        return f'<span lang="{html.escape(part.lang)}">{markdown_escape(part.text)}</span>'
    raise TypeError(f"not an inline part: {part!r}")


def markdown_of(parts) -> str:
    return "".join(inline(p) for p in parts)


def page_link(link: Link, icon: str | None = None) -> None:
    st.page_link(routes.APP_FILES[link.target.page], label=link.label, icon=icon, query_params=link.target.params())


def _table_markdown(table: Table) -> str:
    frame = pd.DataFrame(list(table.rows), columns=list(table.headers))
    return markdown_table(frame.set_index(table.headers[0]), index_label=table.headers[0])


@functools.lru_cache(maxsize=256)
def table_frame(table: Table, link_header: str = ""):
    """A Table as an Arrow table for st.dataframe, built once per Table (the Views are shared, so are these).

    Arrow, not a DataFrame: Streamlit sends an Arrow table as it is, where a
    DataFrame would be converted again on every rerun. With ``link_header``,
    each row's Link becomes a last column holding its relative app address,
    for a ``st.column_config.LinkColumn`` of that name.
    """
    frame = pd.DataFrame(list(table.rows), columns=list(table.headers))
    if link_header:
        frame[link_header] = [None if link is None else routes.app_path(link.target).lstrip("/") for link in table.links]
    return pa.Table.from_pandas(frame, preserve_index=False)


def arrow_bytes(rows) -> bytes:
    """Rows (a list of dicts) as Arrow IPC stream bytes: what Streamlit makes of a chart's inline data.

    Streamlit converts inline chart data to these bytes on every call and passes
    bytes through untouched (tests/test_compat.py), so a cached spec carries them ready-made.
    """
    table = pa.Table.from_pandas(pd.DataFrame(rows))
    sink = pa.BufferOutputStream()
    with pa.RecordBatchStreamWriter(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def arrow_spec(chart: Chart) -> dict:
    """The chart's Vega-Lite spec with its datasets as Arrow bytes, for st.vega_lite_chart, made once
    per chart object (``converted``). Streamlit copies the spec's top level before it moves the
    datasets out, so one cached dict serves every session and rerun."""
    return converted(chart, _with_arrow)


def _with_arrow(chart: Chart) -> dict:
    spec = dict(chart.spec)
    # Vega's screen-reader labels are English ("X-axis titled …", "line mark"); the chart's one
    # label is its Chinese alt (st.vega_lite_chart's alt=), and its marks and guides stay out of
    # the tree. Its title group keeps "Title text …" whatever the config says: pages/_chrome.py.
    config = spec.get("config", {})
    spec["config"] = {**config, "aria": False, "mark": {**config.get("mark", {}), "aria": False}}
    if "datasets" in spec:
        spec["datasets"] = {name: arrow_bytes(rows) for name, rows in spec["datasets"].items()}
    return spec


def chart(block: Chart) -> None:
    st.vega_lite_chart(_display.chart_spec(arrow_spec(block)), width="stretch", alt=block.alt)
    if block.caption:
        st.caption(markdown_escape(block.caption))
    _display.draw_readout(block)


@functools.lru_cache(maxsize=128)
def arrow_table(names: tuple[str, ...], numeric: tuple[bool, ...], rows: tuple[tuple, ...]) -> pa.Table:
    """A grid's rows as one immutable Arrow table (what st.dataframe sends): numbers as int64, the rest as text.

    Built once per list of rows, so a warm rerun or a row click converts nothing.
    """
    return pa.table(
        {
            name: pa.array([row[i] for row in rows], pa.int64() if number else pa.string())
            for i, (name, number) in enumerate(zip(names, numeric))
        }
    )


# Block → what Streamlit is sent for it (escaped Markdown, a data URI, a chart's Arrow spec), by identity: a View is
# built once per State and shared (pages/_shared.view_of), so a warm rerun converts nothing
# and never hashes a long table or a chapter's text. Weak references: a block dropped from the
# View cache frees its entry too.
_CONVERTED: dict[int, tuple[weakref.ref, object]] = {}
CONVERTED_KEPT = 4096


def converted(block, convert):
    """``convert(block)``, computed once per block object."""
    kept = _CONVERTED.get(id(block))
    if kept is not None and kept[0]() is block:
        return kept[1]
    value = convert(block)
    if len(_CONVERTED) >= CONVERTED_KEPT:
        _CONVERTED.pop(next(iter(_CONVERTED)))
    _CONVERTED[id(block)] = (weakref.ref(block), value)
    return value


def _markdown(block) -> str:
    if isinstance(block, Paragraph):
        return markdown_of(block.parts)
    if isinstance(block, Heading):
        return f"{'#' * block.level} {markdown_escape(block.text)}"
    if isinstance(block, Bullets):
        return "\n".join(f"- {markdown_of(item)}" for item in block.items)
    if isinstance(block, Table):
        return _table_markdown(block)
    raise TypeError(f"no Markdown for {block!r}")


def draw(block: Block) -> None:
    """One block on the page."""
    if isinstance(block, Paragraph):
        text = converted(block, _markdown)
        if block.tone == "caption":
            st.caption(text)
        elif block.tone == "note":
            st.info(text)
        elif block.tone == "warning":
            st.warning(text)
        else:
            st.markdown(text)
    elif isinstance(block, Heading):
        st.markdown(converted(block, _markdown))
    elif isinstance(block, Bullets):
        text = converted(block, _markdown)
        st.caption(text) if block.tone == "caption" else st.markdown(text)
    elif isinstance(block, Table):
        st.markdown(converted(block, _markdown))
        if block.caption:
            st.caption(markdown_escape(block.caption))
    elif isinstance(block, Chart):
        chart(block)
    elif isinstance(block, Preformatted):
        st.text(block.text)
    elif isinstance(block, Image):
        st.image(converted(block, lambda image: svg_uri(image.svg)), caption=block.caption or None, alt=block.alt)
    else:
        raise TypeError(f"not a block: {block!r}")


def draw_all(blocks) -> None:
    for block in blocks:
        draw(block)


_JOINED: dict[int, tuple[tuple, tuple]] = {}
_PASSAGES: dict[int, tuple[tuple, str]] = {}


def _joined_with(blocks: tuple, convert, kept_in: dict):
    """``convert(blocks)``, once per tuple object (held, at most 64: a tuple cannot be weakly
    referenced, and hashing a chapter's 150 paragraphs on every rerun is what this saves)."""
    kept = kept_in.get(id(blocks))
    if kept is not None and kept[0] is blocks:
        return kept[1]
    result = convert(blocks)
    if len(kept_in) >= 64:
        kept_in.pop(next(iter(kept_in)))
    kept_in[id(blocks)] = (blocks, result)
    return result


def _joined(blocks: tuple) -> tuple:
    """Consecutive plain blocks as one Markdown text (``_joined_with``)."""
    return _joined_with(blocks, _markdown_runs, _JOINED)


def _markdown_runs(blocks: tuple) -> tuple:
    result: list = []
    for block in blocks:
        if (
            isinstance(block, Paragraph | Bullets | Heading | Table)
            and getattr(block, "tone", "body") == "body"
            and not getattr(block, "caption", "")
        ):
            text = _markdown(block)
            if result and isinstance(result[-1], str):
                result[-1] += "\n\n" + text
            else:
                result.append(text)
        else:
            result.append(block)
    return tuple(result)


def draw_joined(blocks: tuple) -> None:
    """Like ``draw_all``, with consecutive body paragraphs sent as one Markdown element: every
    element costs server time on every rerun, and a chapter of the plan is 150 paragraphs."""
    for part in _joined(blocks):
        st.markdown(part) if isinstance(part, str) else draw(part)


def _html_inline(part: Inline) -> str:
    if isinstance(part, Span):
        marked = ' class="hit"' if part.marked else ""
        return f'<span id="{html.escape(part.anchor)}"{marked}>{html.escape(part.text)}</span>'
    if isinstance(part, Strong | Mark):
        tag = "strong" if isinstance(part, Strong) else "mark"
        return f"<{tag}>{html.escape(part.text)}</{tag}>"
    if isinstance(part, str):
        return html.escape(part)
    raise TypeError(f"no HTML for {part!r} in a passage")


def _html_block(block: Block) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{html.escape(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{html.escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return "<p>" + "".join(_html_inline(p) for p in block.parts) + "</p>"
    if isinstance(block, Preformatted):
        rows = "\n".join(_html_inline(r) for r in block.rows) if block.rows else html.escape(block.text)
        return f'<pre class="box">{rows}</pre>'
    raise TypeError(f"no HTML for {block!r} in a passage")


def passage_html(blocks: tuple) -> str:
    """A passage of the plan as one escaped HTML text, once per blocks tuple (``_JOINED``'s reasoning): the
    sentences need their ids in the page, for a link to land on one (#p-514-3), which Markdown cannot give."""
    return _joined_with(blocks, lambda items: '<div class="plan-text">' + "".join(_html_block(b) for b in items) + "</div>", _PASSAGES)


def escape_attribute(text: str) -> str:
    return html.escape(text, quote=True)
