"""情景推演: move a slider, see where 2020 lands against the target."""

from urllib.parse import urlsplit

import streamlit as st

from lib.present import routes
from lib.present.permalink import LOCAL_HOSTS, public_base
from lib.present.qr import qr_svg
from lib.views import scenarios as page
from pages import _blocks, _compat, _url
from pages._shared import open_view, svg_uri, view_of

state, view = open_view(page)
session = st.session_state


def change(convert):
    return _url.change(page, convert)


def full_link(target) -> str:
    """A Target's address under the public root (DASHBOARD_PUBLIC_URL), or else under the app's
    root as the browser has it (st.context.url is this page's address, no query; AppTest has
    none, and the link is then relative)."""
    here = st.context.url or ""
    own = "/" + routes.APP_PATHS["scenarios"]
    return routes.app_url(target, public_base() or (here[: -len(own)] if here.endswith(own) else here.rstrip("/")))


def only_here() -> bool:
    """The link names the presenter's own machine: no public address and a local host in the URL."""
    return not public_base() and (urlsplit(st.context.url or "").hostname or "") in LOCAL_HOSTS[:-1]


def draw_metrics(studio, container=st) -> None:
    for row in studio.metric_rows:
        for column, metric in zip(container.columns(len(row)), row):
            column.metric(metric.label, metric.value, metric.delta, delta_color=metric.delta_color, delta_arrow=metric.arrow)


def draw_chart(studio) -> None:
    if studio.chart is not None:
        _blocks.draw(studio.chart)


def draw_share(view, target, hint: str, size: int = 180, on_paper: bool = False) -> None:
    link = full_link(target)
    st.header(view.share_heading, anchor=False)
    columns = st.columns([3, 1])
    columns[0].caption(hint)
    _compat.copy_link(columns[0], link, view.copy_label, view.copied_label)
    if only_here():
        # On the one-page handout the same words, small: a warning box would push it onto a second page.
        columns[0].caption(view.local_hint) if on_paper else columns[0].warning(view.local_hint, icon=":material/wifi_off:")
    columns[1].image(svg_uri(qr_svg(link)), width=size, caption=view.qr_caption, alt=view.qr_alt)


if state.handout:
    _compat.handout_mode()
    st.title(view.handout_title, anchor=False)
    draw_metrics(view.studio)
    draw_chart(view.studio)
    st.caption(_blocks.markdown_of(view.studio.caption.parts), unsafe_allow_html=True)
    st.caption(view.source)
    draw_share(view, view.studio_link, view.handout_hint, 150, on_paper=True)
    st.stop()

if state.presenter:
    _compat.presenter_mode()
head = st.columns([3, 2], vertical_alignment="center")
head[0].title(view.title)
# Pills, not toggles: the page already loads them for its panels, and a toggle's
# code cost a first visit 0.09 s more (bench/component_costs.py), which put this
# page over 1.5× its one-chart app.
head[1].pills(
    view.presenter_label,
    [view.presenter_label],
    label_visibility="collapsed",
    help=view.presenter_help,
    key=_url.seed("presenter", view.presenter_label if state.presenter else None),
    on_change=change(lambda s: {"presenter": session["presenter"] is not None}),
)
if not state.presenter:  # the room's screen keeps its height for the answer and the chart
    _url.language_switch()
_url.notices(state)  # from the first parse: by now the URL no longer holds the refused values


def draw_choices(view) -> None:
    """Which panel, a prepared scenario, and the way back to the plan."""
    top = st.columns([2, 2, 1], vertical_alignment="bottom")
    top[0].pills(
        view.section_label,
        view.sections,
        format_func=view.section_labels.get,
        required=True,
        wrap=True,
        key=_url.seed("section", view.studio.section),
        on_change=change(lambda s: {"section": session["section"]}),
    )
    # A fresh widget, as the number fields: a slider's first press leaves 规划情景, and the
    # browser's copy of it, sent with the next presses, would put every slider back.
    preset = _url.fresh("preset", view.preset)
    top[1].selectbox(
        view.preset_label,
        view.preset_names,
        index=None if view.preset is None else view.preset_names.index(view.preset),
        format_func=view.preset_labels.get,
        placeholder=view.preset_placeholder,
        key=preset,
        on_change=_url.entered(
            page, preset, view.preset, lambda s: page.fields(page.with_preset(s, session[preset])) if session[preset] else {}
        ),
    )
    top[2].button(view.reset_label, icon=":material/restart_alt:", type="primary", on_click=change(lambda s: page.fields(page.at_plan(s))))


def draw_slider(column, slider, beside: bool) -> None:
    """The slider and its number field (beside it, or under it in a row of five), one URL key."""
    spots = column.columns([3, 1], vertical_alignment="bottom") if beside else (column, column)
    spots[0].slider(
        slider.label,
        slider.low,
        slider.high,
        step=slider.step,
        format=f"%.{slider.decimals}f",
        key=_url.seed(slider.widget_key, slider.value),
        on_change=change(lambda s: page.changes(s, slider.key, session[slider.widget_key])),
    )
    exact = _url.fresh(f"{slider.widget_key}_exact", slider.value)
    spots[1].number_input(
        f"{slider.label}{slider.exact_label}",
        slider.low,
        slider.high,
        slider.value,
        step=slider.step,
        format=f"%.{slider.exact_decimals}f",
        label_visibility="collapsed",
        key=exact,
        on_change=_url.entered(page, exact, slider.value, lambda s: page.changes(s, slider.key, session[exact])),
    )


def draw_goal(goal, indicator: str) -> None:
    key = _url.fresh(f"goal_{indicator}", goal.value)
    st.number_input(
        goal.label,
        value=goal.value,
        step=goal.step,
        format=f"%.{goal.decimals}f",
        help=goal.help,
        key=key,
        on_change=_url.entered(page, key, goal.value, lambda s: page.fields(page.with_goal(s, session[key]))),
    )


def draw_sliders(rows) -> None:
    for row in rows:
        for column, slider in zip(st.columns(len(row)), row):
            draw_slider(column, slider, beside=len(row) < 4)


@st.fragment
def studio() -> None:
    # A fragment rerun skips the lines above, so it reads the URL its own callbacks wrote.
    state = _url.state(page)
    view = view_of(page, state)
    if not state.presenter:
        draw_choices(view)
    if state.section == page.SECTIONS[0]:
        choice = st.columns([3, 2], vertical_alignment="bottom")
        choice[0].selectbox(
            view.indicator_label,
            view.indicator_ids,
            format_func=view.indicator_labels.get,
            # The box says which indicator; on the projector its label's row is the room's.
            label_visibility="collapsed" if state.presenter else "visible",
            key=_url.seed("indicator", state.indicator),
            on_change=change(lambda s: page.fields(page.with_indicator(s, session["indicator"]))),
            placeholder=view.indicator_placeholder,
        )
        switches = {"yearly": view.yearly_label, "compare": view.compare_label}
        choice[1].pills(
            view.switches_label,
            list(switches.values()),
            selection_mode="multi",
            label_visibility="collapsed",
            key=_url.seed("switches", [label for key, label in switches.items() if getattr(state, key)]),
            on_change=change(
                lambda s: page.fields(page.with_switches(s, *(label in (session["switches"] or ()) for label in switches.values())))
            ),
        )
    # The room needs the answer and the chart on the first screen (1280×720): side by side
    # (stacked on a phone), under the first row of sliders; B's row under them when A is year
    # by year, with the goal entry and the choices.
    rows = view.studio.slider_rows
    above, below = (rows[:1], rows[1:]) if state.presenter else (rows, ())
    draw_sliders(above)
    if state.presenter:
        answer, picture = st.columns([3, 2]) if view.studio.chart is not None else (st.container(), None)
        draw_metrics(view.studio, answer)
        if picture is not None:
            with picture:
                draw_chart(view.studio)
        draw_sliders(below)
        if view.studio.goal is not None:
            draw_goal(view.studio.goal, state.indicator)
        draw_choices(view)
    else:
        if view.studio.goal is not None:
            draw_goal(view.studio.goal, state.indicator)
        draw_metrics(view.studio)
        st.caption(_blocks.markdown_of(view.studio.caption.parts), unsafe_allow_html=True)
        draw_chart(view.studio)
    if view.studio.still_needed is not None and not state.presenter:
        _blocks.draw(view.studio.still_needed)
    draw_share(view, view.share, view.share_hint)
    st.link_button(view.handout_label, full_link(view.handout), icon=":material/print:")


studio()
