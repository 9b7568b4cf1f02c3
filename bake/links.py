"""The static edition's asset paths. Page addresses live in lib.present.routes (one table for both editions)."""

from __future__ import annotations

CSS = "/assets/site.css"
SCRIPT = "/assets/site.js"
BUNDLE = "/assets/vega.js"
SEARCH_SCRIPT = "/assets/search.js"
# The tables' filter and sort: the vendored sorter (bake/static/vendor/README.md) and our filter.
SORTABLE = "/assets/sortable.min.js"
TABLES_SCRIPT = "/assets/tables.js"
TABLES_CSS = "/assets/tables.css"
# Each chart's keyboard readout: chart2music and our Chinese for it (static/vendor/README.md).
CHART2MUSIC = "/assets/chart2music.js"
READOUT_SCRIPT = "/assets/readout.js"
READOUT_CSS = "/assets/readout.css"
