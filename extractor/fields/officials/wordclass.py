"""Officials: what single words and short phrases after a head are.

A region or body phrase of the lexicon (``phrase_at``), the class of one word inside a position
(acronym, body, office word, a word formed like an office's noun), ordinals ("ke-7"), an area's
short form ("Prov. Sultra"), and the kind of region a phrase names.
"""

from __future__ import annotations

import functools

import regex

from extractor import lexicon, names
from extractor.names import Tok
from extractor.fields.officials.heads import lexicons, norm

# "Kependudukan", "Pengendalian": nouns of an office's field, formed with ke-/pe- ... -an
AFFIXED = regex.compile(r"(?:Ke|Pe|Per|Pem|Pen|Peng|Peny)\p{Ll}{3,}an")
_MORPH = regex.compile(r"(?:Ke|Pe|Per|Pem|Pen|Peng|Peny)\p{Ll}{3,}an|\p{Lu}\p{Ll}{3,}(?:ngan|aan|uan)")
QUALIFIERS = frozenset(lexicon.words("officials/position_qualifiers"))  # "pusat", "demisioner"
NUMBERED_UNITS = frozenset(w.lower() for w in lexicon.words("officials/numbered_units"))  # "Kelas", "SMAN"
AREA_NOUNS = frozenset(lexicon.words("officials/position_area_nouns"))  # "Kecamatan", "Kelurahan"
AREA_SHORT = frozenset(lexicon.words("officials/area_abbreviations"))  # "Prov", "Kab"


def is_acronym(tok: Tok) -> bool:
    if not tok.is_word or len(tok.text) < 2:
        return False
    return is_acronym_text(tok.text)


@functools.lru_cache(maxsize=16384)
def is_acronym_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if all(c.isupper() for c in letters):
        return True
    # camel case: KemenPAN, IndoStrategi, MenPAN-RB
    return text[0].isupper() and any(c.isupper() for c in text[1:])


def phrase_at(toks: list[Tok], j: int) -> tuple[str, int] | None:
    """A region or body phrase starting at ``toks[j]``: (kind, number of tokens)."""
    lex = lexicons()
    tok = toks[j]
    if not tok.is_word or not (tok.text[0].isupper() or tok.text.lower() in ("kab",)):
        return None
    first = norm(tok.text)
    longest = lex.phrase_length.get(first.split()[0] if first else "", 0)
    for length in range(min(longest, len(toks) - j), 0, -1):
        span = toks[j : j + length]
        if any(not t.is_word and t.text != "/" for t in span):
            continue
        if any(k > 0 and t.space_before is False and t.text != "/" and span[k - 1].text != "/" for k, t in enumerate(span)):
            continue
        phrase = norm(" ".join(t.text for t in span)).replace(" / ", "/")
        if phrase in lex.bodies:
            return "body", length
        if phrase in lex.regions:
            return "region", length
    if j + 1 < len(toks) and toks[j + 1].capitalised and toks[j + 1].space_before:
        if first + toks[j + 1].text.lower() in lex.regions:
            return "region", 2  # "Labuhan Batu", "Pekan Baru" for Labuhanbatu, Pekanbaru
    return None


@functools.cache
def _body_prefixes() -> tuple[str, ...]:
    return tuple(w.lower() for w in lexicon.words("officials/body_prefixes"))


def word_class(tok: Tok) -> str | None:
    """Class of a single complement word: org, morph, acronym, body, or None."""
    return _word_class_of(tok.text) if tok.is_word else None


@functools.lru_cache(maxsize=16384)
def _word_class_of(word: str) -> str | None:
    tok = Tok(word, 0, len(word), "word", True)
    if names.is_honorific(tok) or names.is_rank(tok):
        return None
    lex = lexicons()
    lower = tok.text.lower()
    if tok.text[0].isupper():
        if is_acronym(tok):
            return "acronym"
        if lower.startswith(_body_prefixes()):
            return "body"
        if _MORPH.fullmatch(tok.text) and len(tok.text) >= 8:
            return "morph"
        if lower in lex.org_words:
            return "org"
    return None


@functools.cache
def led_groups() -> frozenset[str]:
    """Groups that are led rather than bodies ("tim", "kelompok")."""
    return frozenset(w.lower() for w in lexicon.words("officials/led_group_nouns"))


@functools.cache
def _ordinal_words() -> frozenset[str]:
    """"kedua", "ketujuh", "kesepuluh": ke- and a number word."""
    words = {w for w in lexicon.table("numbers/words") if " " not in w and w not in ("nol", "satu")}
    return frozenset("ke" + w for w in words)


def ordinal_at(toks: list[Tok], j: int) -> int:
    """Length of an ordinal at ``toks[j]`` ("ke-7", "ke 7", "ketujuh"), else 0."""
    tok = toks[j]
    if not tok.is_word:
        return 0
    lower = tok.text.lower()
    length = 0
    if lower == "ke" and j + 1 < len(toks):
        if toks[j + 1].kind == "num" and toks[j + 1].space_before and len(toks[j + 1].text) <= 3:
            length = 2
        elif (toks[j + 1].text == "-" and not toks[j + 1].space_before and j + 2 < len(toks)
                and toks[j + 2].kind == "num" and not toks[j + 2].space_before and len(toks[j + 2].text) <= 3):
            length = 3
    elif lower in _ordinal_words():
        length = 1
    # "ke-10 dan 12", "ke-10 dan ke-12": one holder of the office twice
    k = j + length
    if length and k + 1 < len(toks) and toks[k].text.lower() == "dan":
        if toks[k + 1].kind == "num" and len(toks[k + 1].text) <= 3:
            return length + 2
        more = ordinal_at(toks, k + 1)
        if more:
            return length + 1 + more
    return length


def area_short_at(toks: list[Tok], j: int) -> bool:
    """"Prov. Sultra", "Kab. Konawe": an area noun's short form, its period, then a capitalised word."""
    return (j + 2 < len(toks) and toks[j].is_word and toks[j].text.lower() in AREA_SHORT
            and toks[j + 1].text == "." and not toks[j + 1].space_before and toks[j + 2].capitalised)


def _region_words(toks: list[Tok], j: int, length: int) -> str:
    return norm(" ".join(t.text for t in toks[j : j + length]))


def province_at(toks: list[Tok], j: int) -> int:
    """Length of a province name at ``toks[j]`` ("Riau", "Jawa Tengah"), else 0."""
    phrase = phrase_at(toks, j)
    if phrase and phrase[0] == "region" and lexicons().regions.get(_region_words(toks, j, phrase[1])) == "provinsi":
        return phrase[1]
    return 0


def region_kind(toks: list[Tok], last: int) -> str | None:
    """The kind (kota, kabupaten, provinsi ...) of the region that ends at ``toks[last]``."""
    regions = lexicons().regions
    for length in (1, 2, 3):
        if last - length + 1 >= 0:
            kind = regions.get(_region_words(toks, last - length + 1, length))
            if kind:
                return kind
    return None
