"""Language data lives in files under extractor/lang/id, one folder per field (``dates/months.tsv``,
``officials/office_titles.txt``) and a few shared ones (``names/``, ``numbers/``, ``places/``,
``article/``); this module reads them once per process. A name is the path without its
extension: ``words("awards/heads")`` reads ``lang/id/awards/heads.txt``.

Formats:
- ``NAME.txt``: one entry a line; lines starting with ``#`` are comments; blank lines ignored.
- ``NAME.tsv``: ``key<TAB>value`` a line, same comment rules.
"""

from __future__ import annotations

import functools
from importlib import resources

import regex


def _lines(filename: str) -> list[str]:
    text = resources.files("extractor").joinpath("lang", "id", *filename.split("/")).read_text(encoding="utf-8")
    stripped = (raw.strip() for raw in text.splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


@functools.cache
def words(name: str) -> tuple[str, ...]:
    """Entries of ``lang/id/NAME.txt`` in file order."""
    return tuple(_lines(f"{name}.txt"))


@functools.cache
def table(name: str) -> dict[str, str]:
    """``lang/id/NAME.tsv`` as a mapping (first column to second)."""
    mapping: dict[str, str] = {}
    for line in _lines(f"{name}.tsv"):
        key, _, value = line.partition("\t")
        mapping[key.strip()] = value.strip()
    return mapping


def alternation(entries: tuple[str, ...] | list[str], *, flexible_space: bool = True) -> str:
    """A regex alternation of literal entries, longest first so the longest form wins.

    With ``flexible_space`` a space in an entry matches any run of horizontal white space.
    """
    parts = []
    for entry in sorted(set(entries), key=lambda e: (-len(e), e)):
        escaped = regex.escape(entry)
        if flexible_space:
            escaped = escaped.replace(r"\ ", r"[ \t]+")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"
