"""Dates: what the field reads from other fields, through the spaCy Doc.

The dates field needs the awards field's findings (its registry entry declares
``needs=("awards",)``, which runs the awards component first): a year inside an award's name
("Anugerah Pesona Indonesia 2024") is no date. This is the one place that reads them.
"""

from __future__ import annotations

from typing import Any

AWARDS = "awards"  # the span group the awards component writes: doc.spans["awards"]


def award_spans(doc: Any) -> list[tuple[int, int]]:
    """The character ranges of the awards found in ``doc`` (none without a Doc, or where the
    awards component did not run)."""
    if doc is None or AWARDS not in getattr(doc, "spans", {}):
        return []
    return [(span.start_char, span.end_char) for span in doc.spans[AWARDS]]
