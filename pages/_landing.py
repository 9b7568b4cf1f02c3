"""规划原文's landing on a sentence (#p-514-3) in the app: the scroll, the mark and the notice."""

import html

import streamlit as st

# 规划原文 opened at a sentence (#p-514-3): the browser cannot scroll to it by itself, because
# Streamlit draws the page after the load, so this waits for the script run to end (the app's
# data-test-script-state) and then scrolls the sentence to the middle and underlines it; a
# fragment naming nothing on the page fills in and shows the page's Chinese notice (as text).
LANDING_SCRIPT = (
    "(function () { var id = ''; try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = location.hash.slice(1); }"
    " if (!id) { return; } var tries = 0; var timer = setInterval(function () {"
    " var app = document.querySelector('[data-testid=stApp]'); var done = app && app.dataset.testScriptState === 'notRunning';"
    " var found = document.getElementById(id); tries += 1;"
    " if (found && found.closest('.plan-text')) { clearInterval(timer); found.classList.add('landed');"
    " found.scrollIntoView({block: 'center'}); return; }"
    " if ((done && tries > 3) || tries > 200) { clearInterval(timer); var note = document.getElementById('anchor-missing');"
    " if (note) { note.textContent = note.dataset.template.replace('{anchor}', id.slice(0, 40)); note.hidden = false; } }"
    " }, 100); })();"
)
PASSAGE_CSS = (
    ".plan-text p { line-height: 1.75; margin: 0 0 0.9rem; } .plan-text h4 { margin: 1.2rem 0 0.6rem; }"
    " .plan-text pre.box { white-space: pre-wrap; overflow-wrap: anywhere; font-family: inherit; font-size: 0.9rem;"
    " background: #f0f2f6; padding: 0.6rem; border-radius: 0.4rem; }"
    " .plan-text span.hit { background: #fde68a; -webkit-box-decoration-break: clone; box-decoration-break: clone; }"
    " .plan-text span.landed { text-decoration: underline 2px #b45309; text-underline-offset: 3px; }"
    " .anchor-missing { background: #e8f0fe; padding: 0.75rem 1rem; border-radius: 0.5rem; }"
)


def landing(template: str) -> None:
    """The notice a fragment naming no sentence gets (hidden until LANDING_SCRIPT fills it) and the script."""
    st.html(
        f'<style>{PASSAGE_CSS}</style><p id="anchor-missing" class="anchor-missing" role="status" hidden'
        f' data-template="{html.escape(template)}"></p><script>{LANDING_SCRIPT}</script>',
        unsafe_allow_javascript=True,
    )
