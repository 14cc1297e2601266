"""Cued scans: try a pattern only where a cheap scan says one of its matches may start.

``pattern.finditer(text)`` tries the pattern at every position of the text. Many of our patterns
can only start at a few words (a month name, a number word): a *cue* finds those positions in
one quick pass, and ``cued_finditer`` tries the full pattern there only. The matches are the
same as ``finditer``'s, provided that

- the cue hits every position where the pattern can start a match (more hits are fine: a hit
  where the pattern does not match costs one failed ``match``, a few microseconds, so a cue
  pays where its hits are rare: a word every few hundred characters, not every digit);
- the pattern never matches the empty string.

Matches do not overlap, as with ``finditer``: after a match, hits inside it are skipped.

Time guard: every ``regex`` match at a hit takes ``timeout=guards.remaining()``, as a whole-text
scan does. A match anchored at a hit is short on news, but not on every text: one match of a
number pattern over an 800 KB run of ".000" groups once took a minute, with no check inside it.
The timeout costs about 1 µs a match (4,000 matches over 300 news articles: about 0.3% of
their extraction time, within the noise of a run). A standard ``re`` pattern takes no timeout: it must be linear by
construction, and the guard is checked before each of its matches (``guards.check``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Any

import regex

from extractor import guards


class Cue:
    """Where any of some literal words starts in a text (overlapping starts included).

    Only the first word of each entry counts (an entry's match starts with it). With ``lower``
    the words are lower-cased and looked for in ``lowered(text)``, for a pattern matched
    case-insensitively; ``str.find`` per word is then the quickest scan. Otherwise (words as
    written, e.g. capitalised month names) one standard ``re`` scan finds them: a linear
    alternation that consumes a single character, so that overlapping starts are all found.
    """

    def __init__(self, entries: Iterable[str], *, lower: bool = False):
        words = {entry.split()[0] for entry in entries if entry.split()}
        self.lower = lower
        # several patterns may share a cue: the last few texts' positions are kept
        self.positions = functools.lru_cache(maxsize=4)(self._positions)
        if lower:
            # lower() and case-insensitive matching agree on ASCII letters only (see ``lowered``)
            self.words = tuple(sorted({word.lower() for word in words}))
            assert all(word.isascii() for word in self.words), "a lower-case cue takes ASCII words"
            return
        by_first: dict[str, set[str]] = {}
        for word in words:
            by_first.setdefault(word[0], set()).add(word[1:])
        branches = []
        for first, rests in sorted(by_first.items()):
            if "" in rests:
                branches.append(re.escape(first))
            else:
                ahead = "|".join(re.escape(rest) for rest in sorted(rests, key=lambda r: (-len(r), r)))
                branches.append(f"{re.escape(first)}(?={ahead})")
        self.pattern = re.compile("|".join(branches))

    def _positions(self, text: str) -> list[int] | None:
        """Sorted start offsets of the words in ``text``; None when the text cannot be cued
        (see ``lowered``): the caller then scans the whole text."""
        if not self.lower:
            return [m.start() for m in self.pattern.finditer(text)]
        source = lowered(text)
        if source is None:
            return None
        found = []
        for word in self.words:
            at = source.find(word)
            while at != -1:
                found.append(at)
                at = source.find(word, at + 1)
        found.sort()
        return found


@functools.lru_cache(maxsize=4)
def lowered(text: str) -> str | None:
    """``text`` in lower case, offset for offset; None where lower-casing would move offsets
    ("İ" becomes two characters) or miss a case-insensitive match ("ſ" matches "s")."""
    low = text.lower()
    if len(low) != len(text) or "ſ" in text:
        return None
    return low


def cued_finditer(pattern: Any, text: str, cue: Cue) -> Iterator[Any]:
    """The matches of ``pattern`` (``regex`` or ``re``) in ``text``, as ``pattern.finditer(text)``
    gives them, trying the pattern only where ``cue`` hits."""
    with_timeout = isinstance(pattern, regex.Pattern)
    hits = cue.positions(text)
    if hits is None:
        yield from (pattern.finditer(text, timeout=guards.remaining()) if with_timeout else pattern.finditer(text))
        return
    covered = 0  # end of the last match: hits before it lie inside that match
    tried = -1  # two words may start at one offset: it is tried once
    for at in hits:
        if at < covered or at == tried:
            continue
        tried = at
        if with_timeout:
            m = pattern.match(text, at, timeout=guards.remaining())
        else:
            guards.check()
            m = pattern.match(text, at)
        if m is not None:
            covered = m.end()
            yield m


def trie_alternation(entries: Iterable[str], *, flexible_space: bool = True) -> str:
    """A regex matching any of the literal ``entries``, as ``lexicon.alternation`` does, but
    built as a character trie: the ``regex`` engine then tries one branch per character
    instead of every entry in turn (many times quicker for hundreds of entries).

    It matches what the flat alternation matches: at one position only entries that are
    prefixes of one another can both match, and both forms try the longest first. With
    ``flexible_space`` a space matches any run of horizontal white space.
    """
    trie: dict[str, dict] = {}
    for entry in set(entries):
        node = trie
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            piece = r"[ \t]+" if char == " " and flexible_space else regex.escape(char)
            branches.append(piece + emit(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(trie) + ")"
