"""Data by URL: beside each indicator page its .csv, .metadata.json and .zip; the site's datapackage.json.

Each indicator's files come from lib.views.indicator_data (the row detail's cells and
words); datapackage.json describes the methods page's CSV downloads (/methods/<table>.csv,
written before this step by bake.pages.bake_methods), hashing the very bytes served.
"""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd

from bake.render import Writer
from lib.present import datapackage, exports, routes
from lib.views import indicator_data

# A zip entry's date: fixed, so the same data bakes the same bytes (zip cannot store dates before 1980).
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def csv_bytes(view: indicator_data.View) -> bytes:
    return exports.to_csv_bytes(pd.DataFrame(list(view.rows), columns=list(view.headers)))


def metadata_bytes(view: indicator_data.View) -> bytes:
    return (json.dumps(view.metadata, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def zip_bytes(view: indicator_data.View) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in (
            (f"{view.indicator}.csv", csv_bytes(view)),
            (f"{view.indicator}.metadata.json", metadata_bytes(view)),
            ("README.md", view.readme.encode("utf-8")),
        ):
            archive.writestr(zipfile.ZipInfo(name, ZIP_DATE), payload)
    return buffer.getvalue()


def bake_indicator_files(writer: Writer, ids: list[str]) -> None:
    for indicator in ids:
        view = indicator_data.build(indicator_data.State(indicator))
        writer.file(view.files["csv"], csv_bytes(view))
        writer.file(view.files["metadata"], metadata_bytes(view))
        writer.file(view.files["zip"], zip_bytes(view))


def table_path(name: str) -> str:
    return f"{routes.METHODS}{name}.csv"


def bake_datapackage(writer: Writer) -> dict:
    files = {name: writer.path(table_path(name)).read_bytes() for name in datapackage.tables()}
    # Paths relative to /datapackage.json (at the root), as the standard asks: methods/indicators.csv.
    package = datapackage.package(files, lambda name: table_path(name).lstrip("/"))
    writer.file("/datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n")
    return package
