"""Officials: one person as the assembly builds it (``Person``), and the name key it merges by."""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

from extractor import names

# cached: the same names come back at every mention of an article
name_key = functools.lru_cache(maxsize=16384)(names.name_key)


@dataclass
class Person:
    """Every form, mention and position of one person in an article."""

    forms: list[tuple[str, int, int]] = field(default_factory=list)  # name text, start, end
    positions: list[tuple[str, int, int]] = field(default_factory=list)
    acting: str | None = None
    keys: set[tuple[str, ...]] = field(default_factory=set)
    aliases: set[tuple[str, ...]] = field(default_factory=set)
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    mention_starts: list[int] = field(default_factory=list)  # sorted starts of ``mentions``

    def add_form(self, text: str, start: int, end: int) -> None:
        self.forms.append((text, start, end))
        self.keys.add(name_key(text))
        self.add_mention(text, start, end)

    def add_mention(self, text: str, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            bisect.insort(self.mention_starts, start)
        self.mentions[(start, end)] = text

    def last_mention_before(self, at: int) -> int:
        """Start of the last mention at or before ``at`` (-1 when none): a look-up, where a
        scan over every mention took quadratic time on long texts."""
        index = bisect.bisect_right(self.mention_starts, at) - 1
        return self.mention_starts[index] if index >= 0 else -1

    def add_position(self, text: str, start: int, end: int, acting: str | None) -> None:
        self.positions.append((text.strip(" ,"), start, end))
        self.acting = self.acting or acting

    @property
    def first(self) -> int:
        return min(start for start, _ in self.mentions) if self.mentions else 0

    def matches(self, key: tuple[str, ...]) -> bool:
        return any(names.same_person(key, known) for known in self.keys)

