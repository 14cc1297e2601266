"""Comparison keys of GUIDELINES section 4: text key, name key, position key."""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter
from importlib import resources
from typing import Any

import regex

from schemas.fields import Compare

_SPACE = regex.compile(r"\s+")


def _data(filename: str) -> list[str]:
    text = resources.files("evaluation").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@functools.cache
def _name_titles() -> frozenset[str]:
    return frozenset(_data("name_titles.txt"))


@functools.cache
def _muhammad_forms() -> frozenset[str]:
    return frozenset(_data("muhammad_forms.txt"))


@functools.cache
def _position_abbreviations() -> dict[str, list[str]]:
    table = {}
    for line in _data("position_abbreviations.tsv"):
        short, _, expansion = line.partition("\t")
        table[short.strip()] = expansion.split()
    return table


def text_key(text: str) -> str:
    """Case-folded, quotes and punctuation other than ``&`` removed, white space collapsed."""
    kept = "".join(
        ch for ch in text if ch == "&" or not unicodedata.category(ch).startswith("P")
    )
    return _SPACE.sub(" ", kept.casefold()).strip()


def name_key(name: str) -> tuple[str, ...]:
    """Name tokens without honorifics and degrees, every form of Muhammad as "muhammad"."""
    tokens = []
    for token in text_key(name).split():
        if token in _muhammad_forms():
            tokens.append("muhammad")
        elif token not in _name_titles():
            tokens.append(token)
    return tuple(tokens)


def _contiguous_in(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    width = len(short)
    return any(long[i : i + width] == short for i in range(len(long) - width + 1))


def names_match(a: str, b: str) -> bool:
    """One token list is a contiguous part of the other and they share >= 2 tokens,
    or both are the same single token."""
    key_a, key_b = name_key(a), name_key(b)
    if not key_a or not key_b:
        return False
    if len(key_a) == 1 and len(key_b) == 1:
        return key_a == key_b
    short, long = sorted((key_a, key_b), key=len)
    return len(short) >= 2 and _contiguous_in(short, long)


def position_key(position: str) -> tuple[str, ...]:
    """The text key with common abbreviations expanded."""
    expanded: list[str] = []
    table = _position_abbreviations()
    for token in text_key(position).split():
        expanded.extend(table.get(token, [token]))
    return tuple(expanded)


def token_f1(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> float:
    """F1 of the token multisets of ``a`` and ``b``."""
    if not a or not b:
        return 0.0
    overlap = sum((Counter(a) & Counter(b)).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / len(a), overlap / len(b)
    return 2 * precision * recall / (precision + recall)


def positions_match(a: str, b: str) -> bool:
    return token_f1(position_key(a), position_key(b)) >= 0.5


def compare(how: Compare, a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` match under one of the guidelines' comparisons (``schemas.fields.Compare``)."""
    if how is Compare.equal:
        return a == b
    if how is Compare.text:
        return text_key(a) == text_key(b)
    if how is Compare.tokens:
        return token_f1(text_key(a).split(), text_key(b).split()) >= 0.5
    if how is Compare.names:
        return names_match(a, b)
    if how is Compare.positions:
        return any(positions_match(x, y) for x in a for y in b)
    raise ValueError(f"unknown comparison {how!r}")
