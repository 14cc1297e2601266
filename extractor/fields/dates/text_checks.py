"""Dates: checks the recognizers make on the text around a mention (does it start a word, does
it lie in a URL, an e-mail address or a phone number) and the text in lower case."""

from __future__ import annotations

import bisect
import functools

from extractor import guards, scan
from extractor.fields.dates.patterns import BLOCKED_GENERAL, DOMAIN_CHARS, EMAIL_OR_DOMAIN, EMAIL_OR_DOMAIN_CUE


def starts_word(text: str, index: int, also: str = "") -> bool:
    """Whether ``index`` begins a word: no letter or digit (or one of ``also``) right before it."""
    return index == 0 or not (text[index - 1].isalnum() or text[index - 1] in also)


def any_within(offsets: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of offsets holds one in [start, end)."""
    at = bisect.bisect_left(offsets, start)
    return at < len(offsets) and offsets[at] < end


def inside(ranges: tuple[tuple[int, int], ...] | list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``ranges``."""
    return any(a < end and start < b for a, b in ranges)


@functools.lru_cache(maxsize=4)
def general_blocks(text: str) -> tuple[tuple[int, int], ...]:
    """URLs, e-mail addresses, bare domains and phone numbers: no date inside them."""
    blocks = [m.span() for m in BLOCKED_GENERAL.finditer(text, timeout=guards.remaining()) if m.group()[0] != "0" or starts_word(text, m.start(), ".,")]
    for m in scan.cued_finditer(EMAIL_OR_DOMAIN, text, EMAIL_OR_DOMAIN_CUE):
        start, end = m.span()
        while start > 0 and text[start - 1] in DOMAIN_CHARS:
            start -= 1
        if end < len(text) and text[end] == "/":
            while end < len(text) and not text[end].isspace():
                end += 1
        blocks.append((start, end))
    return tuple(blocks)


@functools.lru_cache(maxsize=4)
def lowered(text: str) -> str:
    """``text`` in lower case (kept for the few texts the recognizers are reading)."""
    return text.lower()
