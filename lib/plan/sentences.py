"""The plan's sentences, each with an anchor a link can land on, and the matcher the search uses.

A sentence ends at 。！？ or ；: the plan's long paragraphs list their measures
clause by clause with ；, and a link should land on the clause that was searched
for, not on the top of a paragraph of 600 characters. A 专栏's row has no such
marks and stays one sentence.

Matching across punctuation: “万州机场” finds “改扩建万州、黔江机场”. The query is
cut into at most three pieces of two characters or more (a Chinese word is
rarely shorter), which must appear in order within one sentence, each gap at most
``MAX_GAP`` characters and holding a listing mark (、，/ 和 及 与): the words of a
coordinated list (“万州、黔江机场” is 万州机场 and 黔江机场). A gap never crosses a
sentence's end, so two sentences never make one hit. A tokenizer (jieba) would
need a dictionary the plan's place names are not all in, and a new dependency,
for the one case that matters here: a list written with 、. Exact matches rank first.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

SENTENCE_END = "。！？；"
MAX_GAP = 6  # characters between two pieces: “、黔江” is 3; a longer gap is another thought
MIN_PIECE = 2
MAX_PIECES = 3
LONGEST_SPLIT = 16  # a longer query is matched only as written (its splits would be thousands)
LISTING_MARKS = "、，,/／和及与"
_ANCHOR = re.compile(r"^p-([1-9][0-9]{0,4})-([1-9][0-9]{0,2})$")


@dataclass(frozen=True)
class Sentence:
    line: int  # the line of data/source/plan.txt
    index: int  # 1-based within the line
    text: str  # as printed, with its closing mark

    @property
    def anchor(self) -> str:
        return anchor(self.line, self.index)


@dataclass(frozen=True)
class Match:
    spans: tuple[tuple[int, int], ...]  # (start, end) of each piece in the sentence
    exact: bool
    gap: int  # characters skipped between the pieces (0 when exact)


def anchor(line: int, index: int) -> str:
    """The fragment naming one sentence: ``p-514-3`` is the third sentence of line 514."""
    return f"p-{line}-{index}"


def parse_anchor(text: str) -> tuple[int, int] | None:
    """(line, index) of an anchor, or None when it is not one (anything from a URL may be hostile)."""
    found = _ANCHOR.match(str(text or ""))
    return (int(found.group(1)), int(found.group(2))) if found else None


def split(line: int, text: str, whole: bool = False) -> tuple[Sentence, ...]:
    """A line of the plan as its sentences, each keeping its closing mark; nothing is lost or added.

    ``whole``: the line is one sentence (a 专栏's title or row, drawn as one line of its table).
    """
    if whole:
        return (Sentence(line, 1, text),)
    parts = re.findall(f"[^{SENTENCE_END}]+[{SENTENCE_END}]*|[{SENTENCE_END}]+", text)
    return tuple(Sentence(line, number, part) for number, part in enumerate(parts, start=1))


@functools.lru_cache(maxsize=256)
def _splits(length: int) -> tuple[tuple[int, ...], ...]:
    """Where a query of ``length`` characters may be cut: every way into 2..MAX_PIECES pieces of MIN_PIECE or more."""
    found = []
    for pieces in range(2, MAX_PIECES + 1):
        for cuts in itertools.combinations(range(MIN_PIECE, length - MIN_PIECE + 1), pieces - 1):
            if all(b - a >= MIN_PIECE for a, b in itertools.pairwise(cuts)):
                found.append(cuts)
    return tuple(found)


def _gap_ok(gap: str) -> bool:
    """A listing's gap: short, holding a listing mark, and within one sentence (and one cell of a 专栏's row)."""
    return 0 < len(gap) <= MAX_GAP and any(mark in gap for mark in LISTING_MARKS) and not any(c in gap for c in SENTENCE_END + "\t\n")


def _pieces_in(text: str, pieces: list[str]) -> Match | None:
    """The tightest in-order placement of ``pieces`` in ``text`` with listing gaps, or None."""
    best: Match | None = None
    start = text.find(pieces[0])
    while start >= 0:
        spans = [(start, start + len(pieces[0]))]
        for piece in pieces[1:]:
            end = spans[-1][1]
            window = text[end : end + MAX_GAP + len(piece)]
            offset = next((i for i in range(1, MAX_GAP + 1) if window.startswith(piece, i) and _gap_ok(window[:i])), None)
            if offset is None:
                break
            spans.append((end + offset, end + offset + len(piece)))
        else:
            gap = sum(b[0] - a[1] for a, b in itertools.pairwise(spans))
            if best is None or gap < best.gap:
                best = Match(tuple(spans), exact=False, gap=gap)
        start = text.find(pieces[0], start + 1)
    return best


def find(term: str, text: str) -> Match | None:
    """Where ``term`` stands in one sentence ``text``: as written (any case), else across a listing's punctuation."""
    lowered, word = text.lower(), term.lower()
    if not word:
        return None
    at = lowered.find(word)
    if at >= 0:
        return Match(((at, at + len(word)),), exact=True, gap=0)
    if not MIN_PIECE * 2 <= len(word) <= LONGEST_SPLIT or not set(word) <= set(lowered):
        return None
    found = [m for cuts in _splits(len(word)) if (m := _pieces_in(lowered, _cut(word, cuts)))]
    return min(found, key=lambda m: (m.gap, len(m.spans), m.spans)) if found else None


def _cut(word: str, cuts: tuple[int, ...]) -> list[str]:
    edges = (0, *cuts, len(word))
    return [word[a:b] for a, b in itertools.pairwise(edges)]
