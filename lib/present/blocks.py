"""What a View says, as small typed blocks any renderer can draw.

A View never holds Markdown, HTML, Arrow bytes or a widget's name: it holds
these. The Streamlit pages turn a block into ``st.markdown``/``st.dataframe``
at draw time (``pages/_blocks.py``), the static edition into HTML with one
Jinja macro (``bake/templates/_blocks.html``), and ``json.dumps(asdict(view))``
is the data API. Every text field is plain text: a renderer escapes it, so a
sentence from ``data/`` with ``*`` or ``<b>`` in it shows as it reads.

A link names where it goes (``Target``: a page and its query), never a URL:
``lib.present.routes`` turns a Target into the app's path or the static
edition's, and a contract test follows every link of every View.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

# The pages a Target can name: the app's page files and the static edition's routes are keyed by these.
PAGES = ("overview", "indicators", "trajectories", "compare", "handout", "scenarios", "zones_map", "plan_reader", "methods", "report_card")
Page = Literal[
    "overview", "indicators", "trajectories", "compare", "handout", "scenarios", "zones_map", "plan_reader", "methods", "report_card"
]


@dataclass(frozen=True)
class Target:
    """A page of the dashboard in a given state: the page's name and the query its ``to_query`` wrote.

    ``query`` is a tuple of (key, value) pairs, a key repeated for each of its
    values, so a Target is hashable and keeps the order ``to_query`` gave.
    ``fragment`` is an anchor inside the page (a paragraph of the plan), or "".
    """

    page: Page
    query: tuple[tuple[str, str], ...] = ()
    fragment: str = ""

    def __post_init__(self) -> None:
        if self.page not in PAGES:
            raise ValueError(f"unknown page {self.page!r}")

    def params(self) -> dict[str, list[str]]:
        """The query as a mapping of key → values (what a page's ``parse`` reads)."""
        result: dict[str, list[str]] = {}
        for key, value in self.query:
            result.setdefault(key, []).append(value)
        return result


def target(page: Page, query: Mapping[str, Sequence[str]] | None = None, fragment: str = "") -> Target:
    """A Target from a page's ``to_query`` output (key → list of values)."""
    pairs = tuple((key, str(value)) for key, values in (query or {}).items() for value in values)
    return Target(page, pairs, fragment)


@dataclass(frozen=True)
class Link:
    """An inline link: its words and where it goes."""

    label: str
    target: Target


@dataclass(frozen=True)
class Strong:
    """Inline text a reader's eye should find first (a group's name, a verdict)."""

    text: str


@dataclass(frozen=True)
class External:
    """A link out of the dashboard (an official source's URL), shown with its address."""

    label: str
    url: str


@dataclass(frozen=True)
class Mark:
    """Inline text matching what the reader searched for (a search hit in a snippet)."""

    text: str


@dataclass(frozen=True)
class Span:
    """A stretch of text a link can land on (a sentence of the plan: ``anchor`` "p-514-3"),
    ``marked`` when it is what the reader searched for. Renderers give it its anchor as an id."""

    text: str
    anchor: str
    marked: bool = False


@dataclass(frozen=True)
class Original:
    """Text shown as published, in a language other than the page's (a Chinese document's title or a
    printed cell on an English page, issue 27). Renderers mark it with ``lang`` for screen readers."""

    text: str
    lang: str = "zh-CN"


Inline = str | Strong | Mark | Link | External | Span | Original

Tone = Literal["body", "caption", "note", "warning"]


@dataclass(frozen=True)
class Paragraph:
    """A run of inline parts. ``tone``: body text, a small caption, a note box, or a warning box."""

    parts: tuple[Inline, ...]
    tone: Tone = "body"

    @property
    def text(self) -> str:
        """The paragraph as plain text (what a screen reader or a CSV reads)."""
        return "".join(
            part if isinstance(part, str) else part.label if isinstance(part, Link | External) else part.text for part in self.parts
        )


def paragraph(*parts: Inline, tone: Tone = "body") -> Paragraph:
    return Paragraph(tuple(p for p in parts if p != ""), tone)


def quoting(template: str, lang: str, quotes: Mapping[str, str], tone: Tone = "body", **values: object) -> Paragraph:
    """``template.format(**values, **quotes)`` as a Paragraph whose ``quotes`` (the plan's words, as
    printed in 简体) are each an Original on a page in another language, so a renderer marks them."""
    parts: list[Inline] = []
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(literal)
        if name is None:
            continue
        if name in quotes:
            said = quotes[name]
            parts.append(said if lang == "zh-CN" else Original(said))
        else:
            parts.append(format(values[name] if conversion is None else str(values[name]), spec or ""))
    joined: list[Inline] = []
    for part in parts:
        if isinstance(part, str) and joined and isinstance(joined[-1], str):
            joined[-1] += part
        else:
            joined.append(part)
    return paragraph(*joined, tone=tone)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 3  # 2 is a page's section, 3 a part of it, 4 a small heading
    anchor: str = ""  # the fragment a Target may name (a section of the plan: "s3"), or ""


@dataclass(frozen=True)
class Bullets:
    """A list; each item is a run of inline parts."""

    items: tuple[tuple[Inline, ...], ...]
    tone: Tone = "body"


def bullets(items: Iterable[Inline | Sequence[Inline]], tone: Tone = "body") -> Bullets:
    return Bullets(
        tuple((item,) if isinstance(item, str | Strong | Mark | Link | External | Span | Original) else tuple(item) for item in items), tone
    )


Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """A table: headers, rows of cells as shown, and optionally a sort key per cell.

    ``rows`` hold the text a reader sees (numbers already formatted) or plain
    numbers where a renderer should keep them numeric; ``sort_keys`` (same
    shape, or empty) say how a column sorts where the text would sort wrongly
    (“14.12万人” before “9%左右”). ``row_ids`` name each row (an indicator id)
    where a renderer links or selects rows.
    """

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    sort_keys: tuple[tuple[Cell, ...], ...] = ()
    row_ids: tuple[str, ...] = ()
    caption: str = ""
    links: tuple[Link | None, ...] = ()  # one per row (the row's own page), or empty


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite spec with its rows inline (``datasets`` hold lists of dicts, never bytes).

    ``alt`` is the sentence a reader without the picture gets; ``name`` is a
    stable file stem for renderers that write the chart to its own file.
    """

    spec: Mapping = field(hash=False)
    alt: str
    name: str = "chart"
    caption: str = ""
    lang: str = "zh-CN"  # the language its words are in: its keyboard readout speaks it (issue 27)


@dataclass(frozen=True)
class Image:
    """A picture drawn at build time: SVG markup (from our own code, never from data) and its alt text."""

    svg: str
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class Preformatted:
    """Text whose line breaks and spacing are its layout (a 专栏's rows, tab-aligned in the plan).

    ``rows``, when given, are its lines as Spans (the same text, joined by line breaks), each a link can land on."""

    text: str
    rows: tuple[Span, ...] = ()


Block = Paragraph | Heading | Bullets | Table | Chart | Image | Preformatted


def plain_text(blocks: Iterable[Block]) -> str:
    """Every block's words, one per line: what a test, a search index or a download reads."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Heading | Preformatted):
            lines.append(block.text)
        elif isinstance(block, Bullets):
            lines += [Paragraph(item).text for item in block.items]
        elif isinstance(block, Table):
            lines.append(" | ".join(block.headers))
            lines += [" | ".join("" if c is None else str(c) for c in row) for row in block.rows]
        elif isinstance(block, Chart | Image):
            lines.append(block.alt)
    return "\n".join(lines)


def links_in(value) -> list[Link]:
    """Every Link anywhere inside a View (dataclasses, tuples, lists and dicts walked), in order."""
    found: list[Link] = []

    def walk(item) -> None:
        if isinstance(item, Link):
            found.append(item)
        elif isinstance(item, Target):
            found.append(Link("", item))
        elif hasattr(item, "__dataclass_fields__"):
            for name in item.__dataclass_fields__:
                walk(getattr(item, name))
        elif isinstance(item, list | tuple):
            for element in item:
                walk(element)
        elif isinstance(item, Mapping):
            for element in item.values():
                walk(element)

    walk(value)
    return found
