"""Every place this app leans on a Streamlit internal, in one file.

Each has a test in tests/test_compat.py that fails when a Streamlit upgrade
breaks the assumption, so an upgrade is checked here and nowhere else.
"""

from __future__ import annotations

import logging

import streamlit as st

from lib.present import display
from pages import _chrome, _navigation

_navigation_checked = False


def ensure_navigation() -> None:
    """Make sure app.py's st.navigation is what runs, even for the first visitor.

    Streamlit treats a folder named ``pages`` beside the entry file as a v1
    multipage app until some session has run ``st.navigation``. The first
    visitor after a restart who lands on /scenarios would get the v1 sidebar
    and skip app.py's page config. Flipping the class flag (as st.navigation
    itself does) and rerunning hands that visitor to app.py. The flag is per
    process, so after the first look this costs one boolean test.
    """
    global _navigation_checked
    if _navigation_checked:
        return
    from streamlit.runtime.pages_manager import PagesManager

    _navigation_checked = True
    quiet_text_frames()
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


class _TextFrameFilter(logging.Filter):
    """One line instead of a 60-line traceback for a websocket text frame.

    Streamlit reads its websocket with receive_bytes(), so a text frame (which
    no Streamlit client sends) raises KeyError('bytes') and uvicorn logs the
    whole traceback. The connection then closes, so each costs a new websocket,
    which nginx limits per address (deploy/nginx.py); this keeps each to one line.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, KeyError) and error.args == ("bytes",) and "ASGI application" in str(record.msg):
            record.msg, record.args, record.exc_info, record.exc_text = (
                "websocket text frame refused (Streamlit reads binary frames only)",
                (),
                None,
                None,
            )
        return True


def quiet_text_frames() -> None:
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _TextFrameFilter) for f in logger.filters):
        logger.addFilter(_TextFrameFilter())


# Presenter mode: no navigation chrome, large type, strong contrast. Streamlit's
# data-testid names are not a public API; tests/test_compat.py checks each
# selector still names an element Streamlit draws. Static CSS only: no data or
# URL text ever goes into it.
PRESENTER_SELECTORS = {
    "hidden": ["stSidebar", "stExpandSidebarButton", "stHeader", "stToolbar"],
    "styled": [
        "stMainBlockContainer",
        "stVerticalBlock",
        "stApp",
        "stMetricValue",
        "stMetricLabel",
        "stMetricDelta",
        "stSlider",
        "stWidgetLabel",
        "stSliderThumbValue",
        "stCaptionContainer",
    ],
}
PRESENTER_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 0.5rem 1.5rem 1rem !important; max-width: 100% !important; }
[data-testid="stVerticalBlock"] { gap: 0.5rem !important; }
html, body, [data-testid="stApp"] { font-size: 22px !important; color: #000 !important; background: #fff !important; }
h1 { font-size: 1.8rem !important; padding: 0 !important; }
[data-testid="stMetricValue"] { font-size: 2rem !important; font-weight: 800 !important; color: #000 !important; }
[data-testid="stMetricValue"] * { white-space: normal !important; overflow: visible !important; }
[data-testid="stMetricLabel"] p { font-size: 1.3rem !important; font-weight: 700 !important; }
[data-testid="stMetricLabel"] *, [data-testid="stMetricDelta"] * { white-space: normal !important; overflow: visible !important; }
[data-testid="stMetricDelta"] { font-size: 1.05rem !important; }
[data-testid="stSlider"] label p, [data-testid="stWidgetLabel"] p { font-size: 1.25rem !important; font-weight: 700 !important; }
[data-testid="stSliderThumbValue"] { font-size: 1.3rem !important; font-weight: 700 !important; color: #000 !important; }
[data-testid="stCaptionContainer"] { font-size: 1.05rem !important; color: #222 !important; }
</style>
"""
# The scenario handout prints on one A4 page: no navigation, no widgets, normal type.
HANDOUT_CSS = """
<style>
@page { size: A4; margin: 12mm; }
[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
[data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem !important; }
@media print { [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; } }
</style>
"""


def presenter_mode() -> None:
    # PRESENTER_CSS is a fixed string; no data or URL text reaches it.
    st.markdown(PRESENTER_CSS, unsafe_allow_html=True)


def handout_mode() -> None:
    st.markdown(HANDOUT_CSS, unsafe_allow_html=True)


def requested_page() -> str:
    """The page name the browser asked for (the URL path after the base), "" for the home page.

    st.navigation answers an unknown name with Streamlit's own English "Page
    not found" dialog; app.py reads the name first so it can route it to a
    Chinese not-found page instead.
    """
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    if manager is None or getattr(manager, "intended_page_script_hash", None):
        return ""  # a click in the navigation names its page by hash, never an unknown one
    return str(getattr(manager, "intended_page_name", "") or "")


# Streamlit's index.html says lang="en", so screen readers, translators and
# font fallback treat the Chinese pages as English. No option sets it; a fixed
# script (no data, no URL text) corrects it in the page itself. The same
# element carries the print rules: a printed page is the content alone, on A4.
PRINT_HIDDEN = ["stSidebar", "stHeader", "stToolbar", "stExpandSidebarButton"]
# The same fixed script copies a shared link: one click handler on the
# document (installed once) for every button marked data-copy-link, so the
# link itself never goes into a script and the CSP hash stays fixed. Without a
# secure context (plain http on a LAN address) the link is selected and
# copied the old way, and stays selected for Ctrl+C if even that is refused.
COPY_SCRIPT = (
    "if (!window.copyLinkReady) { window.copyLinkReady = true;"
    " document.addEventListener('click', function (event) {"
    " var button = event.target.closest && event.target.closest('[data-copy-link]');"
    " if (!button) { return; }"
    " var link = button.parentElement.querySelector('[data-link]');"
    " var range = document.createRange(); range.selectNodeContents(link);"
    " var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);"
    " var done = function () { button.textContent = button.dataset.copied; };"
    " var fallback = function () { if (document.execCommand('copy')) { done(); } };"
    " if (navigator.clipboard && window.isSecureContext) {"
    " navigator.clipboard.writeText(link.textContent).then(done, fallback); } else { fallback(); }"
    " }); }"
)
COPY_CSS = (
    ".share-link { display: flex; gap: 0.6rem; align-items: flex-start; flex-wrap: wrap; }"
    " .share-link [data-link] { font-family: monospace; font-size: 0.85em; word-break: break-all;"
    " background: #f0f2f6; padding: 0.4rem 0.6rem; border-radius: 0.4rem; flex: 1 1 16rem; min-width: 0; }"
    " .share-link button { font: inherit; padding: 0.35rem 0.9rem; border-radius: 0.5rem; border: 1px solid #c0392b;"
    " background: #fff; color: #c0392b; cursor: pointer; white-space: nowrap; }"
    " @media print { .share-link button { display: none; } }"
)
# Streamlit pads the main column 6rem at the top to clear its header, the h1 has its own
# 1.25rem, and an element holding only a <style> (this one, presenter mode's) still takes a
# row and its 1rem gap: about 130 px of blank band above every title. The header holds only
# the button that opens a collapsed sidebar (toolbarMode "minimal"), so the column clears it
# only then (a phone); with the sidebar open the header is empty and transparent.
TOP_SELECTORS = ["stElementContainer", "stHtml", "stMainBlockContainer", "stApp", "stSidebar"]
TOP_CSS = (
    # Only an element that holds nothing else: a readout or a notice drawn with its own <style> stays.
    ' [data-testid="stElementContainer"]:has(style):not(:has([data-testid="stHtml"] :not(style, script)))'
    " { display: none !important; }"
    ' [data-testid="stMainBlockContainer"] { padding-top: 3.75rem; }'
    ' [data-testid="stApp"]:has([data-testid="stSidebar"][data-collapsed="false"]) [data-testid="stMainBlockContainer"]'
    " { padding-top: 1.25rem; }"
    ' [data-testid="stMainBlockContainer"] h1 { padding-top: 0; }'
)
# On a phone a Markdown table (数据与方法's data dictionary: 列, 类型, 说明, 取值) is as wide as its
# longest identifier per column and ran past the screen: there its cells may break anywhere.
# A scrolling box instead would need a keyboard focus of its own (axe scrollable-region-focusable).
NARROW_TABLES_CSS = (
    " @media (max-width: 640px) { [data-testid=stMarkdownContainer] table { table-layout: auto; width: 100%; }"
    " [data-testid=stMarkdownContainer] th, [data-testid=stMarkdownContainer] td { overflow-wrap: anywhere; } }"
)
# Chosen multiselect values wrap, not cut to "…" (long English names were, at 390 px); tests/test_compat.py checks both names.
CHIP_SELECTORS, CHIP_ATTRIBUTE = ("stMultiSelectTagsContainer",), "data-tag"
_CHIP = '[data-testid="stMultiSelectTagsContainer"] [data-tag]'
WRAPPED_CHIPS_CSS = f" {_CHIP} {{ max-width: 100%; height: auto; }} {_CHIP} > span[title] {{ white-space: normal; text-overflow: clip; }}"
DOCUMENT_HTML = (
    '<script>document.documentElement.lang = "zh-CN"; ' + COPY_SCRIPT + " " + _navigation.CURRENT_SCRIPT + "</script>"
    "<style>"
    + COPY_CSS
    # A metric's value is never cut to "…" (four cards a row at 1280 px: “300万人左右”): a little
    # smaller where the window is narrow, and wrapping as a last resort.
    + ' [data-testid="stMetricValue"] { font-size: clamp(1.3rem, 2vw, 2.25rem); }'
    + ' [data-testid="stMetricValue"], [data-testid="stMetricValue"] * { white-space: normal !important; overflow-wrap: anywhere; text-overflow: clip !important; }'
    + TOP_CSS
    + NARROW_TABLES_CSS
    + WRAPPED_CHIPS_CSS
    + " @page { size: A4; margin: 14mm; } @media print { "
    + ", ".join(f'[data-testid="{test_id}"]' for test_id in PRINT_HIDDEN)
    + ' { display: none !important; } [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; } }</style>'
)


# The English and 繁體 pages (lang=… in the URL, issue 27) correct <html lang> once more, after
# DOCUMENT_HTML: one fixed script per language, so the CSP hashes stay fixed (deploy/csp.py).
# Each carries Streamlit's chrome relabelled in that language (pages/_chrome.py; none in English).
LANGUAGE_HTML = {
    lang: f'<script>document.documentElement.lang = "{lang}"; {_chrome.script(lang)}</script>' for lang in ("zh-CN", "en", "zh-Hant")
}


def document_setup(lang: str = "zh-CN") -> None:
    # One element, not two: each element takes a row of the page's layout.
    st.html(DOCUMENT_HTML + LANGUAGE_HTML.get(lang, LANGUAGE_HTML["zh-CN"]), unsafe_allow_javascript=True, width="content")


def copy_link(container, link: str, label: str, copied: str = "已复制") -> None:
    """The link as plain text beside a “复制链接” button (DOCUMENT_HTML's script copies it).

    st.code would give a copy icon too, but only on hover, and its code
    highlighter costs a first visit 0.27 s (bench/component_costs.py); st.html
    is already loaded for the document script. The link is escaped: it is URL text.
    """
    import html

    container.html(
        '<div class="share-link"><span data-link>' + html.escape(link) + "</span>"
        f'<button type="button" data-copy-link data-copied="{html.escape(copied)}">{html.escape(label)}</button></div>',
        width="stretch",
    )


# 大字号 / 高对比 (issue 26; lib/present/display.py, pages/_display.py): fixed CSS per mode, no data
# or URL text in it. Streamlit sizes its text in rem from the theme's 17 px, so 大字号 sets the root to
# display.BODY_PX; 高对比 turns the greys Streamlit gives captions, labels and the sidebar's links black.
DISPLAY_SELECTORS = ["stCaptionContainer", "stWidgetLabel", "stMarkdownContainer", "stPageLink", "stMetricLabel"]
DISPLAY_CSS = {
    "large": (
        f"html {{ font-size: {display.BODY_PX}px !important; }}"
        ' [data-testid="stMarkdownContainer"] :is(p, li, td, th), [data-testid="stWidgetLabel"] p, [data-testid="stPageLink"] span'
        f" {{ font-size: {display.BODY_PX}px !important; }}"
        f' [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {{ font-size: {display.CAPTION_PX}px !important; }}'
    ),
    "contrast": (
        '[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] *, [data-testid="stWidgetLabel"] *,'
        ' [data-testid="stMarkdownContainer"], [data-testid="stPageLink"] span, [data-testid="stMetricLabel"] *'
        f" {{ color: {display.INK} !important; }}"
        # Streamlit greys a caption with opacity 0.6 (the black text then reads as #666 on white, 5.7:1).
        ' [data-testid="stCaptionContainer"] { opacity: 1 !important; }'
        ' [data-testid="stMarkdownContainer"] a { color: #00408a !important; text-decoration: underline; }'
    ),
}


def display_mode(modes) -> None:
    css = " ".join(DISPLAY_CSS[mode] for mode in modes)
    if css:
        st.html(f"<style>{css}</style>", width="content")


# Each chart's keyboard readout (static/readout.js over chart2music, both served by Streamlit's
# static serving at app/static/, a path relative to the page so a sub-path deployment finds it too).
# The scripts are added to the document once; each readout element then starts itself. The readout's
# JSON travels in a data attribute (escaped), never inside a script.
# readout.js starts every readout on the page when it loads, so a chart drawn while the two load needs nothing more.
READOUT_LOADER = (
    "(function () { if (window.cqReadout) { window.cqReadout.startAll(); return; }"
    " if (window.cqReadoutLoading) { return; } window.cqReadoutLoading = true;"
    " var add = function (src, then) { var s = document.createElement('script'); s.src = src;"
    " if (then) { s.addEventListener('load', then); } document.head.appendChild(s); };"
    " add('app/static/vendor/chart2music-1.20.0/chart2music.js', function () { add('app/static/readout.js'); }); })();"
)
READOUT_CSS = (
    ".readout-how { margin: 0 0 .3rem; font-size: .9rem; }"
    " .readout-control { border: 2px solid #0b5cad; border-radius: 4px; padding: .35rem .6rem; cursor: pointer; }"
    ' .readout-control::before { content: "▶ " attr(data-name); font-weight: 700; }'
    " .readout-control:focus-visible { outline: 3px solid #f0a000; outline-offset: 2px; }"
    " .readout-cc { min-height: 1.7em; font-weight: 700; overflow-wrap: anywhere; }"
    " @media print { .readout { display: none !important; } }"
)


def readout(markup: str) -> None:
    """A chart's readout element (markup escaped by the caller) and the fixed loader script."""
    st.html(f"<style>{READOUT_CSS}</style>{markup}<script>{READOUT_LOADER}</script>", unsafe_allow_javascript=True, width="stretch")
