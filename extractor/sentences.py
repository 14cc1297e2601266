"""Sentence splitting that knows Indonesian news.

Breaks at every line break (paragraphs, headline, byline and date lines are lines of their own)
and after a dateline ("MOJOKERTO, iNewsMojokerto.id -"); inside a line, after ``.!?`` that
end a sentence, but never after an abbreviation or initial (Moh., H., S.H.), inside a
dotted number (144.853), or inside a quotation. Boilerplate and credit lines are recorded as
excluded ranges: they are kept out of every field.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools

import regex

from extractor import lexicon
from extractor.article import Article

_LINE = regex.compile(r"[^\r\n]+")
# "MOJOKERTO, iNewsMojokerto.id - ", "Jakarta, CNN Indonesia -- ", "Kota Mojokerto - "
_DATELINE = regex.compile(
    r"""^[ \t]*(?:
        \p{Lu}[\p{L} .'-]{1,40}?,[ \t]*[\p{L}\d.]{2,40}(?:[ \t]+\p{L}{2,20}){0,2}
      | (?:Kota|Kabupaten|Kab\.)[ \t]+\p{Lu}[\p{L}]+(?:[ \t]+\p{Lu}[\p{L}]+)?
      | \p{Lu}[\p{Lu}]{2,30}(?:[ \t]+\p{Lu}{2,30})?
    )[ \t]*(?:-{1,2}|–|—)[ \t]+""",
    regex.VERBOSE,
)
# a sentence-final mark, then closing quotes/brackets, then white space
_END = regex.compile(r"[.!?…]+[\"'”’)\]]*(?=[ \t]+)")
_NEXT_START = regex.compile(r"[ \t]+[\"'“‘(\[]?[\p{Lu}\d]")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$")
_CLOSES_QUOTE = regex.compile(r"[.!?…]+[\"”’]")


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(entry.lower().rstrip(".") for entry in lexicon.words("abbreviations"))


@functools.cache
def _line_pattern(name: str) -> regex.Pattern[str]:
    return regex.compile(
        r"(?:" + "|".join(f"(?:{p})" for p in lexicon.words(name)) + r")", regex.IGNORECASE
    )


def is_boilerplate(line: str) -> bool:
    return _line_pattern("boilerplate_lines").fullmatch(line.strip()) is not None


def is_credit(line: str) -> bool:
    return _line_pattern("credit_lines").fullmatch(line.strip()) is not None


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial."""
    match = _WORD_BEFORE.search(text, max(0, dot - 24), dot)  # a bounded look back
    if not match:
        return False
    word = match.group(1).strip(".")
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "M. Ali", "H. Ahmad"
    return word.lower() in _abbreviations() or word.rsplit(".", 1)[-1].lower() in _abbreviations()


class _Quotes:
    """Quote marks of one line, to tell in O(log n) whether a position is inside a quotation."""

    _MARKS = regex.compile(r'["“”]')

    def __init__(self, text: str, start: int, end: int):
        self.straight: list[int] = []
        self.opening: list[int] = []
        self.closing: list[int] = []
        for mark in self._MARKS.finditer(text, start, end):
            {'"': self.straight, "“": self.opening, "”": self.closing}[mark.group()].append(mark.start())

    def inside(self, since: int, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation opened after ``since``."""

        def count(marks: list[int]) -> int:
            return bisect.bisect_left(marks, pos) - bisect.bisect_left(marks, since)

        return count(self.straight) % 2 == 1 or count(self.opening) > count(self.closing)


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one line, as character ranges trimmed of white space."""
    cuts = [start]
    dateline = _DATELINE.match(text, start, end)
    if dateline and dateline.end() < end:
        cuts.append(dateline.end())
    quotes: _Quotes | None = None
    for mark in _END.finditer(text, cuts[-1], end):
        last = mark.end()
        if not _NEXT_START.match(text, last, end):
            continue
        first_dot = mark.start()
        if text[first_dot] == "." and last - first_dot == 1 and _is_abbreviation(text, first_dot):
            continue
        quotes = quotes or _Quotes(text, start, end)
        # inside a quotation only a mark followed by the closing quote itself (."), ends a sentence
        if quotes.inside(cuts[-1], first_dot) and not _CLOSES_QUOTE.match(text, first_dot, last):
            continue
        cuts.append(last)
    cuts.append(end)
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def split_article(text: str, published: dt.date | None = None) -> Article:
    """Sentences, paragraphs and excluded (boilerplate, credit) ranges of an article."""
    sentences: list[tuple[int, int]] = []
    paragraphs: list[tuple[int, int]] = []
    excluded: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start, end = line.span()
        content = line.group()
        if not content.strip():
            continue
        paragraphs.append((start, end))
        if is_boilerplate(content) or is_credit(content):
            excluded.append((start, end))
        sentences.extend(_split_line(text, start, end))
    return Article(text=text, published=published, sentences=sentences, paragraphs=paragraphs, excluded=excluded)
