"""Indonesian numbers: one parser for every field.

First pass: digits with dot thousands and comma decimals ("144.853", "85,7"), dot decimals
where the group is not three digits ("102.16"), and scale words ("1,2 juta").
"""

from __future__ import annotations

import regex

from extractor import lexicon

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"


def parse_number(text: str) -> float:
    """The value of a digit string written the Indonesian way."""
    text = text.strip()
    if regex.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    if regex.fullmatch(r"\d+,\d+", text):
        return float(text.replace(",", "."))
    return float(text)


def scale(word: str) -> int:
    return int(lexicon.table("number_scales").get(word.lower(), "1"))


def spelled_number(text: str) -> int | None:
    """The value of a spelled-out Indonesian number ("satu", "dua belas", "seratus"), or None.

    First pass: units only; the numbers module grows the full grammar.
    """
    units = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10}
    return units.get(text.strip().lower())
