"""页面不存在: what a mistyped or outdated link opens, in the reader's language, with the way home."""

import streamlit as st

from lib.views import not_found
from pages import _blocks, _compat, _url

_compat.ensure_navigation()
view = not_found.build(_url.language())

st.title(view.title, anchor=False)
_url.language_switch()
_blocks.draw_all(view.text)
_blocks.page_link(view.home, icon=":material/home:")
st.markdown(view.pages_heading)
for link in view.pages:
    _blocks.page_link(link)
