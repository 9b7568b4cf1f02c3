"""The site's data as a Frictionless Data Package: each table's schema from its pandera schema.

The files are the methods page's CSV downloads (``/methods/<table>.csv``, written by
``lib.present.exports.to_csv_bytes``: UTF-8 with a byte-order mark, pandas' ``True``/``False``,
an empty cell for a missing value). Types, descriptions, allowed values (pandera's ``isin``),
required text (a minimum length) and unique ids come from the schema that validates the
table on load, so the package cannot drift from the data's own rules.
"""

from __future__ import annotations

import hashlib

from lib.plan import data, outcomes, zones
from lib.present import edition

TYPES = {"str": "string", "float": "number", "int": "integer", "bool": "boolean"}
# Every reference the loaders check (lib.plan.validation.require_references), as (table, column) → (table, column).
FOREIGN_KEYS = {
    ("indicators", "parent_id"): ("indicators", "indicator_id"),
    ("indicators", "previous_id"): ("indicators", "indicator_id"),
    ("observations", "indicator_id"): ("indicators", "indicator_id"),
    ("definitions", "indicator_id"): ("indicators", "indicator_id"),
    ("text_targets", "indicator_id"): ("indicators", "indicator_id"),
    ("outcomes", "indicator_id"): ("indicators", "indicator_id"),
    ("yearly_figures", "indicator_id"): ("indicators", "indicator_id"),
    ("district_zones", "adcode"): ("districts", "adcode"),
    ("district_zones", "zone_id"): ("zones", "zone_id"),
    ("districts", "primary_zone_id"): ("zones", "zone_id"),
}


def tables() -> dict[str, tuple]:
    """name → (title, schema spec, loader): the tables the methods page offers, in its order."""
    return {**data.TABLES, **zones.TABLES, **outcomes.TABLES}


def _field(name: str, dtype: str, column) -> dict:
    field = {"name": name, "type": TYPES[dtype]}
    if column.description:
        field["description"] = column.description
    constraints = {}
    for check in column.checks:
        if check.name == "isin":
            allowed = [v for v in check.statistics.get("allowed_values", []) if v != ""]
            if allowed and dtype == "str":
                constraints["enum"] = allowed
        if check.name == "str_length" and (check.statistics.get("min_value") or 0) >= 1:
            constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def schema(name: str, spec: dict) -> dict:
    fields = [_field(column, dtype, pandera_column) for column, (dtype, pandera_column) in spec.items()]
    result = {"fields": fields, "missingValues": [""]}
    keys = [f["name"] for f in fields if f.get("constraints", {}).get("unique")]
    if keys:
        result["primaryKey"] = keys[:1]
    references = [
        {"fields": [column], "reference": {"resource": "" if ref_table == name else ref_table, "fields": [ref_column]}}
        for (table, column), (ref_table, ref_column) in FOREIGN_KEYS.items()
        if table == name and column in spec
    ]
    if references:
        result["foreignKeys"] = references
    return result


def package(files: dict[str, bytes], path_of) -> dict:
    """The datapackage.json for ``files`` (table name → the CSV's bytes); ``path_of(name)`` is its path."""
    resources = []
    for name, (title, spec, _) in tables().items():
        payload = files[name]
        resources.append(
            {
                "name": name,
                "title": title,
                "path": path_of(name),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "bytes": len(payload),
                "hash": "sha256:" + hashlib.sha256(payload).hexdigest(),
                "schema": schema(name, spec),
            }
        )
    return {
        "name": "chongqing-13th-five-year-plan",
        "title": "重庆市国民经济和社会发展第十三个五年规划纲要：指标、目标、功能区域与2020年结果",
        "description": edition.DESCRIPTION,
        "version": edition.data_date_iso(),
        "created": edition.data_date_iso() + "T00:00:00Z",
        "sources": [{"title": "《重庆市国民经济和社会发展第十三个五年规划纲要》（2016年2月）"}],
        "resources": resources,
    }
