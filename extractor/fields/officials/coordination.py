"""Officials: two positions joined by "dan" and their two holders (``coordination``)."""

from __future__ import annotations

import re

import regex

from extractor import names
from extractor.article import Article
from extractor.names import Tok, tokenize
from extractor.fields.officials.finding import Finding
from extractor.fields.officials.heads import acting_value
from extractor.fields.officials.position import read_tail
from extractor.fields.officials.words import plausible_left_name, plausible_name

# "Presiden dan Wakil Presiden": a second head right after the first
COORDINATED_HEAD = regex.compile(r"[ \t]*(?:dan|atau|serta|&|/)[ \t]*(?=\p{L})")
_LEFT_PAIR_LINK = regex.compile(r"(?:[ \t]+\p{Ll}+){0,2}?[ \t]+(?:menjadi|sebagai|selaku|adalah)[ \t]+\Z")
_PAIR_JOINT = regex.compile(r"[ \t]+dan[ \t]+\Z")


def head_token(m: re.Match[str], not_names: frozenset[int]) -> Tok:
    """The head a match of the head pattern found, as one token (what ``read_tail`` reads after)."""
    return Tok(m.group("head"), m.start("head"), m.end("head"), "word", True, False, m.start("head") in not_names)


def coordination(article: Article, first: re.Match[str], second: re.Match[str], not_names: frozenset[int]) -> list[Finding]:
    """Two heads joined by "dan" and their two holders: named after both heads ("Presiden dan Wakil
    Presiden RI Prabowo Subianto dan Gibran Rakabuming Raka") or before them ("Prabowo Subianto dan
    Gibran Rakabuming Raka resmi menjadi Presiden dan Wakil Presiden RI"); none otherwise."""
    text = article.text
    sent_end = article.sentence_span(second.start())[1]
    toks = [head_token(second, not_names)]
    toks += tokenize(text, second.end(), min(max(sent_end, second.end()), second.end() + 240), not_names)
    tail = read_tail(toks, 1)
    j = tail.end_index
    k = names.skip_titles(toks, j)
    end = names.name_run(toks, k)
    complement = text[toks[0].end : tail.position_end]
    first_position = text[first.start() : first.end()] + complement
    second_position = text[second.start() : tail.position_end]
    first_span = second_span = None
    # "... Prabowo Subianto dan Gibran Rakabuming Raka", "... Anies Baswedan - Sandiaga Uno"
    if end > k and end + 1 < len(toks) and toks[end].text in ("dan", "-", "–", "&") and plausible_name(toks[k:end]):
        k2 = names.skip_titles(toks, end + 1)
        end2 = names.name_run(toks, k2)
        if end2 > k2 and plausible_name(toks[k2:end2]):
            first_span, second_span = (toks[k].start, toks[end - 1].end), (toks[k2].start, toks[end2 - 1].end)
    if first_span is None:
        # "Prabowo Subianto dan Gibran Rakabuming Raka resmi menjadi Presiden dan Wakil Presiden RI"
        sent_start = article.sentence_span(first.start())[0]
        link = _LEFT_PAIR_LINK.search(text, max(sent_start, first.start() - 40), first.start())
        if link is None:
            return []
        second_span = names.bound_name_left(text, link.start(), max(sent_start, link.start() - 60), not_names)
        if second_span is None:
            return []
        joint = _PAIR_JOINT.search(text, max(sent_start, second_span[0] - 8), second_span[0])
        first_span = joint and names.bound_name_left(text, joint.start(), max(sent_start, joint.start() - 60), not_names)
        if not first_span or not all(plausible_left_name(text, span, not_names) for span in (first_span, second_span)):
            return []
    return [
        Finding(first_span, first_position, (first.start(), first.end()), acting_value(first.group("acting")), "coordination"),
        Finding(second_span, second_position, (second.start(), tail.position_end),
                acting_value(second.group("acting")), "coordination"),
    ]

