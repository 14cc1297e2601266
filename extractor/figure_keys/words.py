"""The words of the sentence that gives a figure, as the figure-keys linker reads them.

``Sentence`` holds the words (and punctuation marks) of the part of a sentence that can speak
about one figure: the article's sentence, cut again at sentence ends inside quotations ("...
sudah 85,7%. Nilai ini ...") and at a full stop glued to the next sentence ("... Merah
Putih.Hal ini ..."); where the figure stands inside a quotation, only the quotation (the
attribution after it dates and places the statement, not the figure). Every word knows
whether a date, a figure (percentage or count) or an official's mention covers it.

The word classes come from data files (``extractor/data/figure_*.txt``): see ``WordClasses``.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field
from typing import Any

import regex

from extractor import guards, lexicon

# numbers (7.628, 5,32, 102.16) as one word; words with inner hyphens, apostrophes and slashes
# (kota-kota, Prabowo-Gibran, Mu'ti, tidak tahu/tidak jawab); any other character alone
_TOKEN = regex.compile(r"\d++(?:[.,]\d++)*+(?![^\W\d_])|[^\W_]++(?:['’/-][^\W\d_][^\W_]*+)*+|\S")
# a sentence end inside the article's sentence: a mark, closing quotes, space, an upper-case
# start (quotes allowed); or a full stop glued between a lower-case word and a capitalised one
_INNER_END = regex.compile(r"(?<![.!?])[.!?]++[\"'”’]*+(?=[ \t]+[\"'“‘”]?\p{Lu})|(?<=\p{Ll}{2}|%)\.(?=\p{Lu}\p{Ll})")
_QUOTE_MARK = regex.compile(r"[\"“”]")
_QUOTES_OPEN = "“"
_QUOTES_CLOSE = "”"


# an item longer than this is not looked for before a sentence's start (items are short; an
# official's position mention is the longest, a few hundred characters at most)
LONGEST_ITEM = 2000


@dataclass(slots=True)
class Word:
    text: str
    start: int
    end: int
    lower: str = ""
    kind: str = "word"  # word, num, punct
    date: int | None = None  # index of the date item covering it
    figure: int | None = None  # index (in the linker's figure list) of the figure covering it
    official: bool = False  # inside an official's name or position mention
    initial: bool = False  # first word of the scope or of a quotation (capitalised by position)

    @property
    def cap(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """``data/NAME.txt`` as a set of lower-case entries."""
    return frozenset(entry.lower() for entry in lexicon.words(name))


@functools.cache
def phrase_set(name: str) -> frozenset[tuple[str, ...]]:
    """``data/NAME.txt`` as a set of lower-case word tuples (multi-word entries)."""
    return frozenset(tuple(entry.lower().split()) for entry in lexicon.words(name))


_VERB_PREFIX = regex.compile(r"(?:me[mn]|meng|meny|mel|mer|mew|mey|ber|be[lk]|di|ter)\w{3,}")


def is_verb(word: Word) -> bool:
    """A word that acts as a verb or predicate: listed, or shaped like one (me-, ber-, di-,
    ter- with a stem of three letters or more), unless listed as a noun of that shape."""
    if word.kind != "word":
        return False
    lower = word.lower
    if lower in word_set("figure_keys/bare_verbs"):
        return True
    if word.cap and not word.initial:
        return False  # a capitalised word inside the sentence is a name (Dinas, Direktur)
    if lower in word_set("figure_keys/verb_shaped_nouns") or "-" in lower:
        return False
    return _VERB_PREFIX.fullmatch(lower) is not None and lower not in word_set("figure_keys/function_words")


def is_function(word: Word) -> bool:
    return word.kind == "word" and (word.initial or not word.cap) and word.lower in word_set("figure_keys/function_words")


@dataclass
class Sentence:
    """The words of a figure's sentence scope, in order, with the scope's character range.
    ``cache`` keeps what the rules compute once per sentence (clauses, dates, places)."""

    text: str
    start: int
    end: int
    words: list[Word] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)

    def index_at(self, offset: int) -> int:
        """Index of the first word starting at or after ``offset``."""
        return bisect.bisect_left(self._starts, offset)

    def span_words(self, start: int, end: int) -> tuple[int, int]:
        """(first, last + 1) word indexes covering the characters [start, end)."""
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        if first < len(self.words) and self.words[first].end <= start:
            first += 1
        return first, bisect.bisect_left(self._starts, end)


def inner_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The article sentence [start, end) cut at the sentence ends the splitter keeps together
    (inside quotations, a full stop glued to the next word), skipping abbreviations."""
    cuts = [start]
    for mark in _INNER_END.finditer(text, start, end, timeout=guards.remaining()):
        before = text[max(start, mark.start() - 12) : mark.start()].split()
        last = before[-1].lower().strip(".\"“”'") if before else ""
        if text[mark.start()] == "." and (len(last) == 1 or last in word_set("article/abbreviations")):
            continue
        cuts.append(mark.end())
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations [open + 1, close) of text[start:end], in order.

    Curly quotes pair by direction, straight quotes in order of appearance. A closing quote
    with no opening one closes a quotation opened before the sentence; a quotation left open
    runs to ``end`` (a quote that goes on in the next paragraph).
    """
    found: list[tuple[int, int]] = []
    opened: int | None = None
    straight: int | None = None
    for mark in _QUOTE_MARK.finditer(text, start, end, timeout=guards.remaining()):
        at = mark.start()
        if mark.group() == '"':
            if straight is None:
                straight = at
            else:
                found.append((straight + 1, at))
                straight = None
        elif mark.group() == "“":
            opened = at
        elif opened is not None:
            found.append((opened + 1, at))
            opened = None
        else:
            found.append((found[-1][1] + 1 if found else start, at))
    for opening in (opened, straight):
        if opening is not None:
            found.append((opening + 1, end))
    return sorted(found)


def tokenize(text: str, start: int, end: int) -> Sentence:
    sentence = Sentence(text=text, start=start, end=end)
    for match in _TOKEN.finditer(text, start, end, timeout=guards.remaining()):
        token = match.group()
        kind = "num" if token[0].isdigit() and token.replace(".", "").replace(",", "").isdigit() else "word"
        if not token[0].isalnum():
            kind = "punct"
        sentence.words.append(Word(token, match.start(), match.end(), token.lower(), kind))
    sentence._starts = [w.start for w in sentence.words]
    after_open = True
    for word in sentence.words:
        if word.kind == "punct":
            after_open = after_open or word.text in "\"'“‘(-–—:"
            continue
        word.initial = after_open
        after_open = False
        guards.check() if len(sentence.words) % 512 == 0 else None
    return sentence


def mark(sentence: Sentence, ranges: list[tuple[int, int]], attribute: str, values: list[Any] | None = None) -> None:
    """Set ``attribute`` on the words covered by each range (to the range's index, or to
    ``values[i]``). ``ranges`` are sorted by start."""
    first_range = bisect.bisect_left(ranges, (sentence.start - LONGEST_ITEM, 0))
    for index in range(first_range, len(ranges)):
        start, end = ranges[index]
        if start >= sentence.end:
            break
        if end <= sentence.start:
            continue
        first, last = sentence.span_words(start, end)
        for word in sentence.words[first:last]:
            setattr(word, attribute, index if values is None else values[index])


def listed(word: Word, name: str) -> bool:
    """Whether the word is in ``data/NAME.txt`` (lower case); a capitalised word inside the
    sentence is part of a name ("Standar Pelayanan Minimal"), never a listed word."""
    if word.kind != "word" or word.lower not in word_set(name):
        return False
    return word.initial or not word.cap or name in _ANY_CASE


# lists whose words are written capitalised anywhere ("Rp", "US$")
_ANY_CASE = frozenset({"figure_keys/measure_words"})


def is_content(word: Word) -> bool:
    """A word that can be part of what a figure measures (a noun, an adjective, a name)."""
    if word.kind != "word" or word.date is not None or word.figure is not None:
        return False
    if is_function(word) or listed(word, "figure_keys/qualifiers") or listed(word, "figure_keys/statement_verbs"):
        return False
    return not is_verb(word)


_CLAUSE_MARKS = frozenset({",", ";", ":"})


def clause_ids(sentence: Sentence) -> list[int]:
    """Each word's clause number: clauses are cut at commas, semicolons and colons outside
    brackets."""
    ids, current, depth = [], 0, 0
    for word in sentence.words:
        if word.text == "(":
            depth += 1
        elif word.text == ")":
            depth = max(0, depth - 1)
        elif word.text in _CLAUSE_MARKS and depth == 0 and word.kind == "punct":
            current += 1
        ids.append(current)
    return ids


def clauses_of(sentence: Sentence) -> list[int]:
    """``clause_ids`` of the sentence, computed once."""
    if "clauses" not in sentence.cache:
        sentence.cache["clauses"] = clause_ids(sentence)
    return sentence.cache["clauses"]
