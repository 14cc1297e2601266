"""Officials: what the finder records (``Finding``) and the position it reads at one head (``Reading``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.article import Article
from extractor.names import Tok
from extractor.fields.officials.position import Tail


@dataclass
class Finding:
    name_span: tuple[int, int] | None
    position: str
    position_span: tuple[int, int]
    acting: str | None
    kind: str  # title, bracket, apposition, coref, demonstrative, coordination, weak, spokesperson
    for_span: tuple[int, int] | None = None  # a spokesperson's: the official spoken for


# what a reader of holders found at one head: the findings, and the offset up to which the
# heads after it are skipped (they stand inside the position or the name just read)
Found = tuple[list[Finding], int]


@dataclass
class Reading:
    """One head and the position read from it so far. The readers of its holder may move the
    position's end (``end_at``, ``close_at``); ``position`` is always the text up to there."""

    article: Article
    not_names: frozenset[int]  # the article's words a POS tagger says are no name words
    match: re.Match[str]  # the head pattern's
    kind: str  # heads.head_kind: standalone, with_body or company
    acting: str | None
    sent_start: int
    toks: list[Tok]  # the head as one token, then the words after it up to the sentence's end
    tail: Tail
    owned: bool  # the head names the office a thing belongs to ("rumah dinas Wali Kota")
    royal_bare: bool = False  # a bare head that is also a given name ("Ratu", "Raja")
    j: int = 0  # index of the first token after the position: where its holder's name may start
    pos_end: int = 0

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def head(self) -> str:
        return self.match.group("head")

    @property
    def pos_start(self) -> int:
        return self.match.start()

    @property
    def position(self) -> str:
        return self.article.text[self.match.start() : self.pos_end]

    @property
    def pos_span(self) -> tuple[int, int]:
        return self.match.start(), self.pos_end

    def end_at(self, index: int) -> None:
        """The position ends with ``toks[index - 1]``."""
        self.pos_end = self.toks[index - 1].end

    def close_at(self, index: int) -> None:
        """The position ends with ``toks[index - 1]``, and its holder is read from ``index`` on."""
        self.end_at(index)
        self.j = index
        self.tail.position_end = self.pos_end

    def finding(self, span: tuple[int, int] | None, kind: str, position: str | None = None) -> Finding:
        return Finding(span, self.position if position is None else position, self.pos_span, self.acting, kind)
