"""The static public edition: the read-only dashboard baked to plain files.

A second renderer of the same page views (lib/views/<page>.py build(State)
-> View): every figure on a baked page is a string a View holds. One module
per job: ``render`` (templates, markdown, writing), ``charts`` (Vega-Lite
specs, SVG, the shared bundle, the pace slider), ``pages`` (overview, the
indicator tables and pages, methods), ``plan`` (the plan by chapter),
``map`` (the zones map and place pages), ``search`` (Pagefind), ``checks``
(what every baked page must satisfy), ``site`` (the order of it all).
"""
