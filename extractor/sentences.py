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
import re

import regex

from extractor import guards, lexicon
from extractor.article import Article

# (the standard re engine: a linear scan, quicker than the regex module's)
_LINE = re.compile(r"[^\r\n]+")
# "MOJOKERTO, iNewsMojokerto.id - ", "Jakarta, CNN Indonesia -- ", "Kota Mojokerto - ",
# "Bandung (ANTARA) - ", "Suara.com - "; a line that is only a dateline ("Kota Mojokerto -")
# matches too (no cut there). ``^``: only the text's first line is cut (later lines have too many
# look-alikes: "Mercedes - Benz"). Groups ``first`` and ``second``: its parts (place and outlet,
# in either order; extractor.metadata tells which is which and reads header lines with it).
_DATELINE = regex.compile(
    r"""^[ \t]*(?:
        (?P<first>\p{Lu}[\p{L} .'-]{1,40}?),[ \t]*(?P<second>[\p{L}\d.]{2,40}(?:[ \t]+\p{L}{2,20}){0,2})
      | (?P<first>\p{Lu}[\p{L} .'-]{1,40}?)[ \t]*\([ \t]*(?P<second>\p{L}[\p{L}\d. ]{1,30}?)[ \t]*\)
      | (?P<first>(?:Kota|Kabupaten|Kab\.)[ \t]+\p{Lu}[\p{L}]+(?:[ \t]+\p{Lu}[\p{L}]+)?)
      | (?P<first>\p{Lu}[\p{Lu}]{2,30}(?:[ \t]+\p{Lu}{2,30})?)
      | (?P<first>\p{L}[\p{L}\d]{1,30}(?i:\.(?:com|co|id|net|tv|news))+)
    )[ \t]*(?:-{1,2}|–|—)(?:[ \t]+|$)""",
    regex.VERBOSE,
)
# the dateline at the start of a string, or None (extractor.metadata reads its parts)
match_dateline = _DATELINE.match
# a sentence-final mark, then closing quotes/brackets, then white space. Linear: it starts
# only at the first mark of a run and never gives back what it took (possessive), so a long
# run of dots costs one pass, not a try at each dot (a run is cut as a whole or not at all
# anyway: after part of it comes another mark, no quote or space); no time guard needed
_END = regex.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=[ \t])")
_NEXT_START = regex.compile(r"[ \t]+[\"'“‘(\[]?[\p{Lu}\d]")
_CLOSES_QUOTE = regex.compile(r"[.!?…]+[\"”’]")


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(entry.lower().rstrip(".") for entry in lexicon.words("article/abbreviations"))


@functools.cache
def _line_pattern(name: str) -> regex.Pattern[str]:
    return regex.compile(
        r"(?:" + "|".join(f"(?:{p})" for p in lexicon.words(name)) + r")", regex.IGNORECASE
    )


@functools.cache
def _excluded_line() -> regex.Pattern[str]:
    """Boilerplate or credit line: both lists in one pattern, one match per line."""
    entries = lexicon.words("article/boilerplate_lines") + lexicon.words("article/credit_lines")
    return regex.compile(r"(?:" + "|".join(f"(?:{p})" for p in entries) + r")", regex.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    return _line_pattern("article/boilerplate_lines").fullmatch(line.strip()) is not None


def is_credit(line: str) -> bool:
    return _line_pattern("article/credit_lines").fullmatch(line.strip()) is not None


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial."""
    # the letters and periods right before the dot, at most 24 characters back (as a search
    # for r"([\p{L}.]+)\Z" there would find them; a loop over a few characters is quicker)
    limit = max(0, dot - 24)
    end = begin = dot
    while begin > limit and (text[begin - 1] == "." or text[begin - 1].isalpha()):
        begin -= 1
    if begin == end:
        return False
    word = text[begin:end].strip(".")
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "M. Ali", "H. Ahmad"
    return word.lower() in _abbreviations() or word.rsplit(".", 1)[-1].lower() in _abbreviations()


class _Quotes:
    """Quote marks of one line, to tell in O(log n) whether a position is inside a quotation."""

    def __init__(self, text: str, start: int, end: int):
        self.straight = self._offsets(text, '"', start, end)
        self.opening = self._offsets(text, "“", start, end)
        self.closing = self._offsets(text, "”", start, end)

    @staticmethod
    def _offsets(text: str, mark: str, start: int, end: int) -> list[int]:
        found = []
        at = text.find(mark, start, end)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 1, end)
        return found

    def inside(self, since: int, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation opened after ``since``."""

        def count(marks: list[int]) -> int:
            return bisect.bisect_left(marks, pos) - bisect.bisect_left(marks, since)

        return count(self.straight) % 2 == 1 or count(self.opening) > count(self.closing)


def _split_line(
    text: str, start: int, end: int, sentence_starts: list[int] | None = None
) -> list[tuple[int, int]]:
    """Sentences of one line, as character ranges trimmed of white space. Given
    ``sentence_starts`` (a tokenizer's), they cut the line in place of the punctuation rules."""
    cuts = [start]
    # "^": a dateline stands at the very start of the text, never after a line break
    dateline = _DATELINE.match(text, start, end) if start == 0 else None
    if dateline and dateline.end() < end:
        cuts.append(dateline.end())
    if sentence_starts is not None:
        first = bisect.bisect_right(sentence_starts, cuts[-1])
        cuts.extend(sentence_starts[first : bisect.bisect_left(sentence_starts, end)])
    quotes: _Quotes | None = None
    for mark in _END.finditer(text, cuts[-1], end) if sentence_starts is None else ():
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


def split_article(text: str, published: dt.date | None = None, sentence_starts: list[int] | None = None) -> Article:
    """Sentences, paragraphs and excluded (boilerplate, credit) ranges of an article.

    ``sentence_starts``: sorted offsets where a tokenizer (the stanza backend) starts sentences;
    they replace the punctuation rules, while line breaks and datelines still cut.
    """
    sentences: list[tuple[int, int]] = []
    paragraphs: list[tuple[int, int]] = []
    excluded: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        guards.check()
        start, end = line.span()
        content = line.group()
        if not content.strip():
            continue
        paragraphs.append((start, end))
        if _excluded_line().fullmatch(content.strip()):  # is_boilerplate or is_credit
            excluded.append((start, end))
        sentences.extend(_split_line(text, start, end, sentence_starts))
    return Article(text=text, published=published, sentences=sentences, paragraphs=paragraphs, excluded=excluded)
