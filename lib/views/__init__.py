"""One module per page: ``parse(query) -> State``, ``build(State) -> View``, ``to_query(State)``.

``parse`` takes the raw query string as a mapping of lists of strings (what a
browser sends; every value untrusted) and returns a frozen State holding every
choice the page can be in, plus a Notice for each value it refused. ``build``
turns a State into a frozen View: every row, chart spec, label and number
already formatted. ``to_query`` writes a State back as the shortest query that
reopens it (defaults left out), so ``parse(to_query(s))`` gives ``s`` again.

A page file draws the View and nothing else; a second renderer (a static
site, another language) can reuse ``build`` unchanged. Nothing here imports
streamlit.
"""
