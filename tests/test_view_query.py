"""The query readers every page's parse() uses: one rule per family of bad input."""

import pytest

from lib.views import query as q
from lib.views.query import Notice


@pytest.mark.parametrize(
    "raw, expected, refused",
    [
        ({}, 9.0, []),
        ({"x": ["7"]}, 7.0, []),
        ({"x": ["-0.5"]}, -0.5, []),
        ({"x": [".5"]}, 0.5, []),
        ({"x": ["7", "8"]}, 7.0, ["8"]),  # a repeated key: the first value counts, the rest are refused
        ({"x": ["１０"]}, 9.0, ["１０"]),  # full-width digits: float() would take them, the URL rule does not
        ({"x": ["٧"]}, 9.0, ["٧"]),  # Arabic-Indic seven
        ({"x": ["nan"]}, 9.0, ["nan"]),
        ({"x": ["inf"]}, 9.0, ["inf"]),
        ({"x": ["1e3"]}, 9.0, ["1e3"]),  # exponents are not how a person writes a slider value
        ({"x": ["16"]}, 9.0, ["16"]),  # above the range
        ({"x": [""]}, 9.0, [""]),
    ],
)
def test_number(raw, expected, refused):
    notices: list[Notice] = []
    assert q.number(raw, "x", -5, 15, 9.0, notices) == expected
    assert [n.value for n in notices] == refused


@pytest.mark.parametrize(
    "raw, expected, refused",
    [
        ({}, "a", []),
        ({"k": ["b"]}, "b", []),
        ({"k": ["B"]}, "a", ["B"]),
        ({"k": ["b", "c"]}, "b", ["c"]),
        ({"k": "c"}, "c", []),  # a plain string, as a test or a caller may pass
    ],
)
def test_one_of(raw, expected, refused):
    notices: list[Notice] = []
    assert q.one_of(raw, "k", ["a", "b", "c"], "a", notices) == expected
    assert [n.value for n in notices] == refused


def test_one_of_reads_other_spellings_through_a_mapping():
    notices: list[Notice] = []
    assert q.one_of({"t": ["专栏1 …"]}, "t", {"1": 1, "专栏1 …": 1, "2": 2}, 2, notices) == 1
    assert not notices


@pytest.mark.parametrize(
    "raw, expected, refused",
    [
        ({"p": ["c", "a", "a"]}, ("a", "c"), []),  # allowed order, each once
        ({"p": ["a", "zz"]}, ("a",), ["zz"]),
        ({}, (), []),
    ],
)
def test_many_of(raw, expected, refused):
    notices: list[Notice] = []
    assert q.many_of(raw, "p", ["a", "b", "c"], notices) == expected
    assert [n.value for n in notices] == refused


@pytest.mark.parametrize("raw, expected", [("true", True), ("false", False), ("True", True), ("yes", False)])
def test_flag(raw, expected):
    assert q.flag({"f": [raw]}, "f", []) is expected


def test_text_refuses_what_is_too_long():
    notices: list[Notice] = []
    assert q.text({"q": ["页" * 11]}, "q", 10, notices) == ""
    assert len(notices) == 1
    assert q.text({"q": ["页岩气"]}, "q", 10, []) == "页岩气"


def test_unknown_keys_are_refused_with_their_values():
    notices: list[Notice] = []
    q.unknown_keys({"a": ["1"], "evil": ["x", "y"], "bare": []}, ["a"], notices)
    assert notices == [Notice("evil", "x"), Notice("evil", "y"), Notice("bare", "")]


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("请访问 www.evil.example\n===", "请访问 www.evil.example ==="),  # a newline can't start a heading
        ("a\u202eb", "a b"),  # a bidi override is dropped
        ("x" * 100, "x" * 40 + "…"),
    ],
)
def test_echo_is_one_clean_short_line(raw, shown):
    assert q.echo(raw) == shown


@pytest.mark.parametrize("raw", ["www.evil.example", "https://evil.example/login", "a@b.com", "HTTP://x.y"])
def test_markdown_literal_defeats_autolinks(raw):
    text = q.markdown_literal(raw)
    assert "www." not in text.lower() and "://" not in text and "@b" not in text
    assert text.replace("\u2060", "").replace("\\", "") == raw  # a reader sees the same characters


@pytest.mark.parametrize("raw", ["<img src=x onerror=alert(1)>", "**b** [l](javascript:x)", "# h", "$x$", ":red[x]"])
def test_markdown_literal_escapes_every_special(raw):
    from helpers import inert

    assert inert(q.markdown_literal(raw))


@pytest.mark.parametrize(
    "pairs, expected",
    [
        ([("a", 7.0, 9.0)], {"a": ["7"]}),  # 7 not 7.0
        ([("a", 9.0, 9.0)], {}),  # the default is left out
        ([("a", 0.1 + 0.2, 0.0)], {"a": ["0.3"]}),  # no float noise in the URL
        ([("f", True, False)], {"f": ["true"]}),
        ([("m", ("x", "y"), ())], {"m": ["x", "y"]}),
    ],
)
def test_query_of(pairs, expected):
    assert q.query_of(pairs) == expected
