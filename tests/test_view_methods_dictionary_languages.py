"""数据与方法's data dictionary in English and 繁體 (issue 27): each column's description is this project's
own words (the schemas' ``description=N_(…)``), so it is translated through the catalogs like any other
string; the allowed values are the data's, shown as they are and, where Chinese, quoted as 简体."""

from __future__ import annotations

import importlib
import re

import pytest

from lib.plan import manifest
from lib.present import datapackage, i18n
from lib.present.i18n import catalogs
from lib.views import methods

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
DESCRIPTION, ALLOWED = methods.DESCRIPTION, methods.ALLOWED


@pytest.fixture(scope="module")
def views() -> dict[str, methods.View]:
    return {lang: methods.build(methods.State(lang=lang)) for lang in i18n.LANGS}


def rows(view: methods.View):
    """(table, row number, row) for every column of every table the page describes."""
    return [(table, number, row) for table in view.tables for number, row in enumerate(table.dictionary.rows)]


# Every (table, column) the page describes, read from the schemas themselves (nothing loaded at import).
CELLS = [(name, column) for name, (_title, spec, _load) in datapackage.tables().items() for column in spec]


def cell(view: methods.View, table: str, column: str) -> tuple[methods.DataTable, int, tuple]:
    (found,) = [(t, n, row) for t, n, row in rows(view) if t.name == table and row[0] == column]
    return found


@pytest.mark.parametrize("table, column", CELLS, ids=[f"{t}.{c}" for t, c in CELLS])
def test_each_description_is_its_catalog_english_and_its_opencc_hant(views, table, column):
    _, _, plain = cell(views["zh-CN"], table, column)
    english_table, number, english = cell(views["en"], table, column)
    _, _, hant = cell(views["zh-Hant"], table, column)
    described = plain[DESCRIPTION]
    if not described:
        assert english[DESCRIPTION] == hant[DESCRIPTION] == ""
        return
    # English: the catalog's entry, with no Han left, and never marked as a 简体 quote.
    assert english[DESCRIPTION] == i18n.catalog(i18n.EN)[described]
    assert not HAN.search(english[DESCRIPTION])
    assert DESCRIPTION not in views["en"].quoted_columns
    # 繁體: through gettext(zh-Hant), so OpenCC's (no override is kept for these), and nothing left to convert.
    assert hant[DESCRIPTION] == i18n.gettext("zh-Hant")(described) == i18n.hant(described)
    assert i18n.hant(hant[DESCRIPTION]) == hant[DESCRIPTION]


@pytest.mark.parametrize("table, column", CELLS, ids=[f"{t}.{c}" for t, c in CELLS])
def test_allowed_values_are_the_datas_quoted_where_chinese(views, table, column):
    _, _, plain = cell(views["zh-CN"], table, column)
    english_table, number, english = cell(views["en"], table, column)
    _, _, hant = cell(views["zh-Hant"], table, column)
    allowed = plain[ALLOWED]
    quoted = number in english_table.quoted_rows
    if HAN.search(allowed):
        # Chinese values (预期性、约束性, 区、县、自治县): as the data writes them, and marked 简体.
        assert (english[ALLOWED], quoted) == (allowed, True)
    else:
        # Ids (higher, lower …) and numbers: the same values, joined as English lists them; nothing to mark.
        assert english[ALLOWED].split(", ") == (allowed.split("、") if allowed else [""])
        assert not quoted
    assert hant[ALLOWED] == i18n.hant(allowed)


def test_some_allowed_values_are_quoted_and_others_not(views):
    """Guards the table above from passing on an empty page: both kinds of row are there, and every column."""
    english = views["en"]
    assert [(table.name, row[0]) for table, _, row in rows(english)] == CELLS and len(CELLS) == 174
    quoted = {(t.name, t.dictionary.rows[n][0]) for t in english.tables for n in t.quoted_rows}
    assert {("indicators", "attribute"), ("districts", "kind_2016"), ("investment", "unit")} <= quoted
    assert ("indicators", "direction") not in quoted
    _, _, direction = cell(english, "indicators", "direction")
    assert direction[ALLOWED] == "higher, lower, hold, moderate, none"


def test_the_dictionary_headers_and_titles_are_in_the_language(views):
    english = views["en"]
    assert {t.dictionary.headers for t in english.tables} == {("Column", "Type", "Note", "Allowed values")}
    assert [t.title for t in english.tables][:2] == ["Indicators (Box 1, Box 2)", "Indicator figures (cell by cell)"]
    assert not [t.title for t in english.tables if HAN.search(t.title)]
    hant = views["zh-Hant"]
    assert all(i18n.hant(h) == h for t in hant.tables for h in (*t.dictionary.headers, t.title))
    assert (hant.quoted_columns, hant.quoted_lang) == ((), "")
    assert not any(t.quoted_rows for t in hant.tables)


def test_the_chinese_page_is_the_schemas_own_words(views):
    plain = views["zh-CN"]
    _, _, attribute = cell(plain, "indicators", "attribute")
    assert attribute[DESCRIPTION] == "指标属性：预期性或约束性" and attribute[ALLOWED] == "预期性、约束性"
    assert (plain.quoted_columns, plain.language_note) == ((), "")
    assert not any(t.quoted_rows for t in plain.tables)


def schema_descriptions() -> list[tuple[str, str, str]]:
    """(schema, column, description) of every table schema in lib.plan (the manifest's finder), shown or not."""
    found = []
    for name in sorted(manifest.schema_names().values()):
        module, attribute = name.rsplit(".", 1)
        for column, (_dtype, spec) in getattr(importlib.import_module(module), attribute).items():
            if spec.description:
                found.append((name, column, spec.description))
    return found


def test_every_schema_description_is_extracted_for_the_catalogs():
    """A description written without ``N_`` is not extracted, so the catalog check would not miss it: this does."""
    extracted = {m.id for m in catalogs.extracted() if m.id}
    english = i18n.catalog(i18n.EN)
    descriptions = schema_descriptions()
    assert len(descriptions) >= 160
    assert [(s, c, d) for s, c, d in descriptions if d not in extracted] == []
    assert [(s, c, d) for s, c, d in descriptions if not english.get(d) or HAN.search(english[d])] == []
    # Written in 简体, the catalogs' source language, like every interface string (the map tables' were English).
    assert [(s, c, d) for s, c, d in descriptions if not HAN.search(d)] == []
