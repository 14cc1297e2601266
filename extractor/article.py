"""What every recognizer may know about the article it reads.

An ``Article`` is built once per ``Doc`` by the sentence component and kept on
``doc._.article``; recognizers read it and never re-split the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field


# white space other than the ASCII space and line breaks (no-break, thin, figure, ideographic
# spaces: pages converted from HTML keep "92,5&nbsp;persen" as U+00A0); the rules read them as a
# space, one character for one, so that every offset stays the input's
_SPACE_FORMS = str.maketrans({ch: " " for ch in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                              "\u2008\u2009\u200a\u202f\u205f\u3000"})
_ODD_SPACES = "".join(chr(c) for c in _SPACE_FORMS)


def scan_form(text: str) -> str:
    """``text`` as the rules read it: Unicode spaces written as " ", the length unchanged."""
    if not any(ch in text for ch in _ODD_SPACES):
        return text
    return text.translate(_SPACE_FORMS)


@dataclass(slots=True)
class Article:
    text: str  # as the rules read it (``scan_form`` of the input): offsets are the input's
    published: dt.date | None = None
    # (start, end) character ranges of sentences, in order, covering the content
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # character ranges that are not content (boilerplate, bylines, editor lines): no records there
    excluded: list[tuple[int, int]] = field(default_factory=list)
    # character ranges of paragraphs (split at line breaks), in order
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    # the date the text gives itself (its first full weekday date: a header line's or the
    # lead's), which relative dates resolve against where the input gives no publication date;
    # the dates field sets it (extractor.fields.dates.resolve)
    stated_date: dt.date | None = None
    warnings: list[str] = field(default_factory=list)
    # the input itself where it differs from ``text`` (odd spaces): item texts and evidence quote it
    source: str | None = None
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _excluded_starts: list[int] = field(default_factory=list, repr=False)
    _paragraph_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = [(0, len(self.text))] if self.text else []
        if not self.paragraphs:
            self.paragraphs = list(self.sentences)
        self._sentence_starts = [start for start, _ in self.sentences]
        self._paragraph_starts = [start for start, _ in self.paragraphs]
        self.excluded = merge_ranges(self.excluded)
        self._excluded_starts = [start for start, _ in self.excluded]

    @property
    def original_text(self) -> str:
        """The input, character for character (item texts and evidence are quoted from it)."""
        return self.text if self.source is None else self.source

    @property
    def reference_date(self) -> dt.date | None:
        """The date relative dates resolve against: published, else the text's stated date
        (known once the dates field has read it). The dates resolver prefers the date of a
        header line written shortly before it (extractor.fields.dates.anchors.reference_date)."""
        return self.published or self.stated_date

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the nearest one before it)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def sentence_span(self, offset: int) -> tuple[int, int]:
        if not self.sentences:
            return (0, len(self.text))
        return self.sentences[self.sentence_index(offset)]

    def paragraph_span(self, offset: int) -> tuple[int, int]:
        index = max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)
        return self.paragraphs[index] if self.paragraphs else (0, len(self.text))

    def is_excluded(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a non-content range."""
        index = max(bisect.bisect_right(self._excluded_starts, start) - 1, 0)
        for ex_start, ex_end in self.excluded[index:]:
            if ex_start >= end:
                return False
            if ex_end > start:
                return True
        return False


def merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of character ranges."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
