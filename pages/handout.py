"""打印讲义: one indicator on one A4 page (opened from 指标轨迹's 打印讲义 button)."""

import functools
import html

import streamlit as st
import vl_convert

from lib.present.i18n import ZH_CN, gettext
from lib.present.markup import markdown_escape
from lib.present.permalink import permalink
from lib.present.qr import qr_svg
from lib.views import handout as page
from pages import _blocks, _compat, _url
from pages._shared import open_view, svg_uri

VEGA_LITE_VERSION = "6.4"  # as bake/charts.py: Altair 6.3 writes v6 specs


@functools.lru_cache(maxsize=128)  # one picture per indicator; the spec never changes
def chart_uri(indicator: str, chart) -> str:
    return svg_uri(vl_convert.vegalite_to_svg(dict(chart.spec), vl_version=VEGA_LITE_VERSION))


state, view = open_view(page)
_compat.handout_mode()  # no navigation, A4 (the print rules of pages/_compat)
# The how-to-print line is for the screen only; fixed CSS, no data in it.
st.markdown("<style>@media print { .st-key-handout-hint { display: none !important; } }</style>", unsafe_allow_html=True)
with st.container(key="handout-hint"):
    _url.language_switch()
    st.caption(view.hint)
    _url.notices(state)

st.title(markdown_escape(view.title), anchor=False)
st.caption(markdown_escape(view.place))
_blocks.draw_all(view.summary)
_blocks.draw_all(view.message)
if view.class_table is not None:
    _blocks.draw(view.class_table)
if view.chart is not None:
    # The picture the baked PDF prints (vl-convert's SVG at lib.views.handout's print size): on
    # paper it stays sharp, and st.vega_lite_chart would fit title and legend into its height.
    st.image(chart_uri(view.indicator, view.chart), width="stretch", alt=view.chart.alt)
    st.caption(markdown_escape(view.legend))

left, right = st.columns(2)
with left:
    _blocks.draw(view.cells)
    for line in view.pace_lines:
        st.text(line)
with right:
    if view.verdict:
        st.markdown(f"**{markdown_escape(view.verdict)}**")
    for line in view.outcome_lines:
        st.text(line)

st.text(view.source)
st.text(view.plan)
if view.plan_original:
    # The plan's title as printed, beside its English name: marked Chinese for readers and screen readers.
    st.html(f'<p lang="{ZH_CN}">{html.escape(view.plan_original)}</p>')
st.text(view.data_date)
link = permalink(view.permalink.target)
share = st.columns([4, 1])
share[0].text(f"{view.permalink.label}{link.address}")
if link.note:
    share[0].caption(gettext(view.lang)(link.note))
if link.absolute:
    share[1].image(svg_uri(qr_svg(link.address)), width=110)
