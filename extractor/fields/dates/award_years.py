"""Dates: years that are part of an award ceremony's or a pageant's name (read by the year
recognizer, stated.py).

The guidelines leave out years inside award names ("Mandaya Awards 2025"); the year recognizer
reads a year after an award head word ("Awards", "Anugerah", ...) and skips the awards the
awards field found (needs.py). Ceremonies and pageants are often named without one: "Golden
Globes 2018", "VMA 2017", "Puteri Indonesia 2007". Such a year is not a date when the name
before it is

- one of the ceremonies and pageants in lang/id/dates/award_events.txt, or
- a name the article itself presents as an award: right after "penghargaan" ("meraih
  penghargaan VMA"), or before "merupakan upacara penghargaan" ("Golden Globes merupakan
  upacara penghargaan perfilman"); not after "piala" or "trofi", which also name sports cups;
- a pageant title held by a person: after a title cue ("terpilih menjadi Miss Grand
  International 2016") or before the holder's name ("Puteri Indonesia 2007, Putri R").

An event that is not a ceremony keeps its year ("Pemilu 2024", "Porprov 2022", "ajang Miss
Grand International 2017").
"""

from __future__ import annotations

import bisect
import functools
import re

import regex

from extractor import guards, lexicon, scan

_H = r"[ \t]"
# a word of a name: capitalised, a number, or a joining word ("Billboard Women in Music")
_NAME_WORD = r"(?:[\p{Lu}\d][\p{L}\d'’&.\-]*|in|of|the|and|for|de|&)"
_EVENTS = scan.trie_alternation(lexicon.words("dates/award_events"))
_EVENT_BEFORE = regex.compile(rf"(?<![\p{{L}}\d])(?:{_EVENTS})(?:{_H}+{_NAME_WORD}){{0,5}}{_H}+\Z")
_EVENT_CUE = scan.Cue(lexicon.words("dates/award_events"))

# a name the article presents as an award: an acronym ("VMA") or two to four capitalised words
_NAME = r"(?:\p{Lu}{2,6}s?|\p{Lu}[\p{L}'’&.\-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’&.\-]*|of|in|the|&)){1,3})"
_AWARD_NOUN = r"(?i:penghargaan|anugerah)"
# "penghargaan VMA", "anugerah Adhikarya Pangan": the name an award noun introduces
_CALLED_AWARD = regex.compile(rf"{_AWARD_NOUN}{_H}+(?P<name>{_NAME})(?![\p{{L}}\d])")
_CALLED_AWARD_CUE = scan.Cue(["penghargaan", "anugerah"], lower=True)
# "Golden Globes merupakan upacara penghargaan": found from the verb, the name read backwards
_CEREMONY_CLAUSE = regex.compile(
    rf"(?:merupakan|adalah|ialah){_H}+(?:sebuah{_H}+)?(?:upacara|ajang|malam|acara){_H}+(?:penghargaan|penganugerahan)(?!\p{{L}})"
)
_CEREMONY_CUE = scan.Cue(["merupakan", "adalah", "ialah"], lower=True)
_NAME_BEFORE = regex.compile(rf"(?<![\p{{L}}\d])(?P<name>{_NAME}){_H}+\Z")

_PAGEANT = scan.trie_alternation(lexicon.words("dates/pageant_heads"))
_TITLE_CUE = rf"(?i:{scan.trie_alternation(lexicon.words('dates/pageant_title_cues'))})"
_PAGEANT_BEFORE = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<cue>{_TITLE_CUE}{_H}+)?(?:{_PAGEANT})(?:{_H}+{_NAME_WORD}){{0,4}}{_H}+\Z"
)
_PAGEANT_CUE = scan.Cue(lexicon.words("dates/pageant_heads"))
# the holder's name after the title: two capitalised words, after a comma or not
_HOLDER_AFTER = regex.compile(rf",?{_H}+\p{{Lu}}\p{{Ll}}+(?:{_H}+\p{{Lu}}\p{{Ll}}+)+")


@functools.lru_cache(maxsize=4)
def _names_called_awards(text: str) -> frozenset[str]:
    """The names the text introduces as awards (most texts have none)."""
    names = {m["name"] for m in scan.cued_finditer(_CALLED_AWARD, text, _CALLED_AWARD_CUE)}
    for m in scan.cued_finditer(_CEREMONY_CLAUSE, text, _CEREMONY_CUE):
        if before := _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            names.add(before["name"])
    return frozenset(regex.sub(r"\s+", " ", name) for name in names)


def _called_award_before(text: str, window: int, start: int) -> bool:
    """Whether the name right before ``start`` ends with a name the text calls an award."""
    names = _names_called_awards(text)
    if not names:
        return False
    before = _NAME_BEFORE.search(text, window, start)
    if before is None:
        return False
    words = before["name"].split()
    return any(" ".join(words[i:]) in names for i in range(len(words)))


# one quick scan each (an ``re`` alternation of literals): most texts name none of these
_EVENT_WORD = re.compile("|".join(re.escape(w) for w in sorted(lexicon.words("dates/award_events"), key=len, reverse=True)))
_PAGEANT_WORD = re.compile("|".join(re.escape(w) for w in sorted(lexicon.words("dates/pageant_heads"), key=len, reverse=True)))


@functools.lru_cache(maxsize=4)
def _named_in(text: str) -> tuple[bool, bool, bool]:
    """Whether the text names a ceremony, a pageant, or calls anything an award (a quick
    look: most texts do none of these, and their years need no closer reading)."""
    lowered = scan.lowered(text) or text.lower()
    return (
        _EVENT_WORD.search(text) is not None,
        _PAGEANT_WORD.search(text) is not None,
        "penghargaan" in lowered or "anugerah" in lowered,  # "penganugerahan" too
    )


def _cued_near(cue: scan.Cue, text: str, window: int, start: int) -> bool:
    positions = cue.positions(text)
    return positions is None or bisect.bisect_left(positions, window) < bisect.bisect_left(positions, start)


def pageant_title_year(text: str, start: int, end: int) -> bool:
    """Whether the year at ``start``-``end`` closes a pageant title that a person holds."""
    window = max(0, start - 80)
    if not _named_in(text)[1] or not _cued_near(_PAGEANT_CUE, text, window, start):
        return False
    m = _PAGEANT_BEFORE.search(text, window, start, timeout=guards.remaining())
    return m is not None and (m["cue"] is not None or _HOLDER_AFTER.match(text, end) is not None)


def award_event_year(text: str, start: int, end: int) -> bool:
    """Whether the year at ``start``-``end`` closes the name of an award ceremony or a
    pageant title."""
    window = max(0, start - 80)
    events, _, called = _named_in(text)
    if pageant_title_year(text, start, end):
        return True
    if events and _cued_near(_EVENT_CUE, text, window, start) and _EVENT_BEFORE.search(
        text, window, start, timeout=guards.remaining()
    ):
        return True
    return called and _called_award_before(text, window, start)
