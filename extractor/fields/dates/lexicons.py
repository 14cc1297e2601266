"""Dates: the word tables (lang/id/dates/) and reading a number or a name through them."""

from __future__ import annotations

from typing import NamedTuple

import regex

from extractor import lexicon
from extractor.numbers import spelled_number

MONTHS = {k.casefold(): int(v) for k, v in lexicon.table("dates/months").items()}
# lower-case full names: months only beside a day number or a year (checked in the recognizers)
MONTH_LOWER_FORMS = frozenset(lexicon.words("dates/month_lower_forms"))
WEEKDAYS = {k: int(v) for k, v in lexicon.table("dates/weekdays").items()}
PERIODS = {k.casefold(): v for k, v in lexicon.table("dates/periods").items()}
ORDINALS = dict(lexicon.table("dates/ordinals").items())
# places (from the shared region list) that "hari ini" can describe as "today's X"
PLACES = tuple(name for name in lexicon.table("places/regions") if name[:1].isupper())


class RelativeWord(NamedTuple):
    """A relative phrase of lang/id/dates/relative_dates.tsv: what it counts, and how."""

    unit: str
    offset: int
    anaphoric: bool
    stated_year: bool
    strict: bool


def _relative_words() -> dict[str, RelativeWord]:
    table = {}
    for phrase, spec in lexicon.table("dates/relative_dates").items():
        unit, offset, *flags = spec.split()
        table[phrase.casefold()] = RelativeWord(
            unit, int(offset), "anaphoric" in flags, "stated_year" in flags, "strict" in flags
        )
    return table


RELATIVE_WORDS = _relative_words()


def ordinal(text: str) -> int | None:
    value = ORDINALS.get(text) or ORDINALS.get(text.casefold())
    return int(value) if value else None


def day_number(text: str) -> int | None:
    value = int(text) if text.isdigit() else spelled_number(regex.sub(r"\s+", " ", text))
    return value if value is not None and 1 <= value <= 31 else None


def month_number(text: str, *, lower: bool = False) -> int | None:
    # month names are capitalised in news; "mar" or "des" in running text is not a month, and
    # a lower-case full name ("januari") only with a day number or a year (``lower``)
    if text[:1].isupper() or (lower and text in MONTH_LOWER_FORMS):
        return MONTHS.get(text.rstrip(".").casefold())
    return None


def weekday_number(name: str) -> int:
    """The ISO weekday of a weekday name as written ("Sabtu", "SABTU")."""
    return WEEKDAYS[name.title() if name.isupper() else name]
