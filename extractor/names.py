"""Personal names in Indonesian news: where a name starts and ends, and when two forms are one person.

A name is a run of capitalised words and initials ("M Ali Kuncoro", "Moh. Ali Kuncoro",
"Ma'ruf Amin"). Honorifics (H., Hj., KH, Dr., Bapak), police and military ranks (AKBP, Kombes
Pol, Kapten Arh) and degrees (S.H., M.Si.) stand around a name but are never part of it.
``bound_name`` reads a name forward from an offset (after a title), ``bound_name_left`` reads
it backward from an offset (before ", Kepala Dinas ..."). Both look at a few tokens only.

Where a POS tagger has run (the stanza backend), ``not_name_starts(doc)`` gives the offsets of
the words it tags as no name words; passed to ``tokenize`` (``not_names``), they mark those
tokens, and a name stops there ("Ahmad Yani Mengatakan" -> "Ahmad Yani").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from extractor import guards, lexicon

# a word (letters, inner apostrophes, inner dots or hyphens: "Ma'ruf", "S.H", "Menpan-RB"; an
# apostrophe closing a word is a closing quote: "Jawa Timur'"), a number, or one other visible
# character
TOKEN_RE = regex.compile(
    r"(?P<word>\p{L}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*(?:[.\-]\p{L}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*)*)"
    r"|(?P<num>\d+(?:[.,/]\d+)*)|(?P<punct>[^\s\p{L}\d])"
)
_MAX_NAME_TOKENS = 5


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    kind: str  # word, num, punct
    space_before: bool  # white space between this token and the previous one
    line_before: bool = False  # a line break in that white space: no name runs across it
    not_name: bool = False  # a POS tagger tags it as no name word (a verb, a preposition ...)

    @property
    def is_word(self) -> bool:
        return self.kind == "word"

    @property
    def capitalised(self) -> bool:
        return self.kind == "word" and self.text[0].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str, start: int = 0, end: int | None = None, not_names: frozenset[int] = frozenset()) -> list[Tok]:
    """The tokens of ``text[start:end]``; ``not_names``: offsets of words a POS tagger says are
    no name words (``not_name_starts``), marked on their tokens."""
    end = len(text) if end is None else end
    toks: list[Tok] = []
    previous_end = start
    # TOKEN_RE is linear (one token a match): a deadline check, not a regex timeout, which
    # would make each of these many short scans markedly slower
    guards.check()
    for m in TOKEN_RE.finditer(text, start, end):
        gap = text[previous_end : m.start()]
        word = m.group()
        if m.lastgroup == "word" and "." in word and _glued_honorific(word):
            _split_glued(toks, word, m.start(), bool(gap), "\n" in gap or "\r" in gap, not_names)
        else:
            toks.append(Tok(word, m.start(), m.end(), m.lastgroup, bool(gap), "\n" in gap or "\r" in gap, m.start() in not_names))
        previous_end = m.end()
    return toks


def _glued_honorific(word: str) -> bool:
    """"H.Saudin", "Dr.Hj.Nur": honorifics written onto the name without a space."""
    parts = word.split(".")
    last = parts[-1]
    if len(last) < 3 or not last[0].isupper() or not last[1:].islower() or plain(word) in degrees():
        return False
    if not (parts[0] in ("H", "R") or len(parts[0]) > 1 and plain(parts[0]) in honorifics()):
        return False
    # honorifics, then perhaps initials ("Drs.H.M.Asnawi")
    return all(p in ("H", "R") or len(p) > 1 and plain(p) in honorifics() or len(p) == 1 and p.isupper() for p in parts[1:-1])


def _split_glued(toks: list[Tok], word: str, at: int, space: bool, line: bool, not_names: frozenset[int]) -> None:
    """Each honorific, its period and the name word as tokens of their own."""
    parts = word.split(".")
    for k, part in enumerate(parts):
        # (a name word after an initial reads as if a space followed its period: "H.M.Asnawi" as
        # "H. M. Asnawi"; after an honorific it stays glued, so that "H" is not read as an initial)
        initial_before = k > 0 and len(parts[k - 1]) == 1 and parts[k - 1] not in ("H", "R")
        toks.append(Tok(part, at, at + len(part), "word", space if k == 0 else initial_before, line if k == 0 else False, at in not_names))
        at += len(part)
        if k < len(parts) - 1:
            toks.append(Tok(".", at, at + 1, "punct", False))
            at += 1


def plain(word: str) -> str:
    """A title or degree as the word lists hold it: lower case, no periods ("S.H." -> "sh")."""
    return word.rstrip(".").replace(".", "").lower()


@functools.cache
def honorifics() -> frozenset[str]:
    return frozenset(plain(w) for w in lexicon.words("names/honorifics"))


@functools.cache
def ranks() -> frozenset[str]:
    return frozenset(plain(w) for w in lexicon.words("names/military_police_ranks"))


@functools.cache
def corps() -> frozenset[str]:
    return frozenset(plain(w) for w in lexicon.words("names/rank_corps"))


@functools.cache
def degrees() -> frozenset[str]:
    return frozenset(plain(w) for w in lexicon.words("names/degrees"))


@functools.cache
def stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("names/stopwords"))


@functools.cache
def given_names() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("names/given_names"))


@functools.cache
def muhammad_forms() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("names/muhammad_forms"))


@functools.cache
def name_abbreviations() -> frozenset[str]:
    """Given names written short with a period that continue the name: "Moh. Ali"."""
    return frozenset(w.lower() for w in lexicon.words("names/abbreviations"))


@functools.cache
def name_initials() -> frozenset[str]:
    """Blocks of capitals that are given names ("IGN" = I Gusti Ngurah), not body acronyms."""
    return frozenset(lexicon.words("names/initials"))


@functools.cache
def name_openers() -> dict[str, list[tuple[str, ...]]]:
    """First word -> word sequences that open a personal name ("Anak Agung", "I Made")."""
    openers: dict[str, list[tuple[str, ...]]] = {}
    for entry in lexicon.words("names/openers"):
        words = tuple(entry.split())
        openers.setdefault(words[0], []).append(words)
    for seqs in openers.values():
        seqs.sort(key=len, reverse=True)
    return openers


def name_opener_at(toks: list[Tok], i: int) -> int:
    """Number of tokens of a name opener at ``toks[i]``: a known opener ("Anak Agung", "I Made")
    or a block of initials ("IGN") followed by a name word; 0 when there is none."""
    n = len(toks)
    tok = toks[i]
    if not tok.is_word:
        return 0
    if tok.text in name_initials():
        return 1 if i + 1 < n and toks[i + 1].space_before and is_name_word(toks[i + 1]) else 0
    for seq in name_openers().get(tok.text, ()):
        if i + len(seq) <= n and all(toks[i + k].text == w and (k == 0 or toks[i + k].space_before) for k, w in enumerate(seq)):
            if i + len(seq) < n and is_name_word(toks[i + len(seq)]) and toks[i + len(seq)].space_before:
                return len(seq)
    return 0


def is_honorific(tok: Tok) -> bool:
    if not tok.is_word:
        return False
    word = plain(tok.text)
    if word not in honorifics():
        return False
    # "Bu", "Pak", "Mas" as written; single-letter "H" only as "H." (Haji), not as an initial
    if len(tok.text) == 1:
        return False
    return True


def is_rank(tok: Tok) -> bool:
    return tok.is_word and plain(tok.text) in ranks() and tok.text[0].isupper()


def is_degree(tok: Tok) -> bool:
    return tok.is_word and plain(tok.text) in degrees() and ("." in tok.text or tok.text.isupper())


def is_name_word(tok: Tok) -> bool:
    """A capitalised word that may belong to a personal name (not an acronym, day, title...)."""
    if not tok.is_word or not tok.text[0].isupper():
        return False
    if tok.not_name:
        return False  # a verb, a preposition... by the POS tagger (the stanza backend)
    text = tok.text
    if len(text) > 1 and text.isupper():
        return False  # an acronym: DPRD, NTT, KPK
    if "." in text or "-" in text and not regex.fullmatch(r"\p{Lu}\p{Ll}+-\p{Lu}?\p{Ll}+", text):
        return False
    lower = text.lower()
    if len(lower) >= 7 and lower.endswith("nya"):
        return False  # "Faktanya", "Misalnya": a word with the -nya suffix
    return lower not in stopwords() and plain(text) not in ranks()


def skip_titles(toks: list[Tok], i: int) -> int:
    """Index of the first token after honorifics and ranks (with their periods and corps)."""
    n = len(toks)

    def after_period(k: int) -> int:
        return k + 1 if k < n and toks[k].text == "." and not toks[k].space_before else k

    while i < n:
        tok = toks[i]
        if tok.is_word and tok.text in ("H", "R") and i + 2 < n and toks[i + 1].text == "." and not toks[i + 1].space_before:
            i += 2  # "H." is Haji (and "R." Raden) before a name
            continue
        if is_honorific(tok):
            i = after_period(i + 1)
            if i + 2 < n and toks[i].text == "(" and toks[i + 1].text.upper() == "HC" and toks[i + 2].text == ")":
                i += 3  # "Dr. (HC)": an honorary doctorate
            continue
        if tok.is_word and i + 1 < n and toks[i + 1].is_word and plain(f"{tok.text} {toks[i + 1].text}") in ranks():
            i += 1  # "Inspektur Jenderal", "Ajun Komisaris": the second word is read as the rank
            tok = toks[i]
        if is_rank(tok) or i > 0 and toks[i - 1].is_word and plain(f"{toks[i - 1].text} {tok.text}") in ranks():
            i = after_period(i + 1)
            while i < n:
                if toks[i].is_word and plain(toks[i].text) in corps():
                    i = after_period(i + 1)
                elif toks[i].text == "(" and i + 2 < n and toks[i + 2].text == ")" and plain(toks[i + 1].text) in corps():
                    i += 3  # "(Purn)", "(P)"
                else:
                    break
            continue
        break
    return i


def skip_degrees(toks: list[Tok], i: int) -> int:
    """Index after the degrees written behind a name ("Firdaus MT", "Budi, S.H., M.Si.")."""
    n = len(toks)
    j = i
    while j < n:
        tok = toks[j]
        if is_degree(tok) and tok.space_before:
            j += 1
            if j < n and toks[j].text == "." and not toks[j].space_before:
                j += 1
            continue
        if tok.text == "," and j + 1 < n and is_degree(toks[j + 1]) and (j + 2 >= n or toks[j + 2].text in ",.;)" or is_degree(toks[j + 2])):
            j += 1
            continue
        break
    return j


def skip_degrees_left(text: str, end: int, start: int) -> int:
    """Where a name ends when degrees stand between it and ``end`` ("Budi, S.Si, ME"); ``end``
    itself when no degree is there."""
    toks = tokenize(text, start, end)
    i = len(toks)
    found = False
    while i > 0:
        tok = toks[i - 1]
        if tok.text in ",.":
            i -= 1
        elif is_degree(tok) or _DEGREE_SHAPE.fullmatch(tok.text) and not _GLUED_INITIAL.fullmatch(tok.text):
            i -= 1  # ("S.SI", "M.EC.DEV": degrees the list does not know, by their shape)
            found = True
        else:
            break
    return toks[i - 1].end if found and i > 0 else end


def name_run(toks: list[Tok], i: int, titled: bool = False) -> int:
    """End index (exclusive) of the name starting at ``toks[i]`` (``i`` when there is none).

    Initials and short given names keep their period ("Moh. Ali", "Agus M. Fauzi") when a
    name word follows; a run stops at anything else, and is at most five tokens long. With
    ``titled`` (a rank or honorific stands right before), a block of two or three capitals
    opening the name is its initials ("AKBP AM Dicky Pastika").
    """
    n = len(toks)
    j = i
    count = 0
    if (titled and i + 1 < n and toks[i].is_word and 2 <= len(toks[i].text) <= 3 and toks[i].text.isalpha()
            and toks[i].text.isupper() and toks[i + 1].space_before and is_name_word(toks[i + 1])):
        j, count = i + 1, 1
    while j < n and count < _MAX_NAME_TOKENS:
        tok = toks[j]
        if j > i and (not tok.space_before or tok.line_before):
            break
        initial = tok.is_word and (len(tok.text) == 1 and tok.text.isupper() or j == i and tok.text in name_initials()
                                   or _GLUED_INITIALS.fullmatch(tok.text) is not None and plain(tok.text) not in degrees())
        abbreviated = tok.is_word and tok.text.lower() in name_abbreviations()
        if initial or abbreviated:
            k = j + 1
            if k < n and toks[k].text == "." and not toks[k].space_before:
                k += 1
            if k < n and toks[k].space_before and not toks[k].line_before and is_name_word(toks[k]):
                j = k
                count += 1
                continue
            if initial and count >= 2 and k == j + 1 and k < n and toks[k].text == ",":
                j += 1  # "Renhard Ronald S, mengatakan": a closing initial before a comma
            if initial or not (count and tok.text.isupper()):
                break
            # "Mahfud MD": two capitals closing a name are read below, not as a short given name
        if j > i and tok.text.rstrip(".") in _breaking_titles():
            break  # "Airlangga Prof Mohammad Nasih": a title starts another name
        if tok.is_word and tok.text.lower() in area_short_forms() and j + 1 < n and toks[j + 1].text == "." and not toks[j + 1].space_before:
            break  # "Forkopimda Prov. Sultra": an area's short form, never a name word
        if j > i and _GLUED_INITIAL.fullmatch(tok.text) and plain(tok.text) not in degrees():
            j += 1  # "Richardin M.Pua": an initial written onto the surname
            count += 1
            continue
        if count and _month_inside_name(toks, j):
            j += 1  # "Raja Juli Antoni": a month's name between two name words
            count += 1
            continue
        if not is_name_word(tok):
            # "Mahfud MD": two capitals closing a name, when they are no place, body or degree
            if count and tok.is_word and len(tok.text) == 2 and tok.text.isupper() and tok.text not in _short_caps_blocked():
                j += 1
                count += 1
                continue
            break
        j += 1
        count += 1
    return j


def _month_inside_name(toks: list[Tok], j: int) -> bool:
    """A month's name ("Juli", "Agustus") standing between name words, no number around it."""
    tok = toks[j]
    if not tok.is_word or tok.text.lower() not in _month_names() or j + 1 >= len(toks):
        return False
    after = toks[j + 1]
    return after.space_before and not after.line_before and is_name_word(after) and after.text.lower() not in _month_names()


@functools.cache
def _month_names() -> frozenset[str]:
    return frozenset(k.lower() for k in lexicon.table("dates/months") if len(k) > 3)


_DEGREE_SHAPE = regex.compile(r"\p{Lu}[\p{L}]{0,3}(?:\.\p{Lu}[\p{L}]{0,4})+")
_GLUED_INITIALS = regex.compile(r"\p{Lu}(?:\.\p{Lu})+")  # "A.M Fitra Firnanda"
_GLUED_INITIAL = regex.compile(r"\p{Lu}\.\p{Lu}\p{Ll}{2,}")


@functools.cache
def area_short_forms() -> frozenset[str]:
    """"prov", "kab", "kec": administrative-area nouns written short with a period."""
    return frozenset(lexicon.words("officials/area_abbreviations"))


@functools.cache
def _breaking_titles() -> frozenset[str]:
    return frozenset(lexicon.words("names/breaking_titles"))


@functools.cache
def _short_caps_blocked() -> frozenset[str]:
    blocked = set(lexicon.table("places/regions")) | {w for w in lexicon.words("officials/public_bodies") if " " not in w}
    return frozenset(blocked | {w.replace(".", "").upper() for w in lexicon.words("names/degrees")} | {"RI", "TNI", "AS", "PT", "CV"})


def bound_name(text: str, start: int, end: int | None = None, not_names: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The span of the personal name that starts at ``start`` (after a title), or None.

    Honorifics and ranks before the name are skipped; the name is a run of capitalised words
    and initials (``name_run``) that does not end on an initial. ``not_names``: as for ``tokenize``.
    """
    end = min(len(text), start + 160) if end is None else end
    toks = tokenize(text, start, end, not_names)
    i = skip_titles(toks, 0)
    j = name_run(toks, i)
    if j == i:
        return None
    return toks[i].start, toks[j - 1].end


def bound_name_left(text: str, end: int, start: int | None = None, not_names: frozenset[int] = frozenset()) -> tuple[int, int] | None:
    """The span of the name that ends at ``end`` (before ", Kepala ..."), honorifics excluded.
    ``not_names``: as for ``tokenize``."""
    start = max(0, end - 120) if start is None else start
    toks = tokenize(text, start, end, not_names)
    if not toks:
        return None
    # walk back over name words and initials
    j = len(toks)
    i = j
    count = 0
    while i > 0 and count < _MAX_NAME_TOKENS:
        tok = toks[i - 1]
        if i < j and toks[i].line_before:
            break  # a name does not run on from the line before
        if tok.text == "." and i >= 2 and not tok.space_before and len(toks[i - 2].text) <= 4:
            prev = toks[i - 2]
            if prev.is_word and (len(prev.text) == 1 and prev.text.isupper() or prev.text.lower() in name_abbreviations()):
                i -= 2
                count += 1
                continue
            break
        if is_name_word(tok) or tok.is_word and len(tok.text) == 1 and tok.text.isupper() and count > 0:
            if i < j and not toks[i].space_before:
                break
            i -= 1
            count += 1
            continue
        break
    if i == j:
        return None
    # drop leading honorifics/ranks that slipped in (they are not name words, so only initials)
    while i < j and toks[i].is_word and len(toks[i].text) == 1 and i + 1 < j and toks[i + 1].text == "." and toks[i].text == "H":
        i += 2
    while i < j - 1 and is_honorific(toks[i]) and len(toks[i].text) > 1:
        i += 1  # "Bapak Rusda Machmud": the honorific is no part of the name
    if i >= j:
        return None
    first = toks[i]
    if first.is_word and len(first.text) == 1 and j - i == 1:
        return None
    return first.start, toks[j - 1].end


_KEY_DROP = regex.compile(r"[^\p{L}\p{N}\s&]")


def name_key(name: str) -> tuple[str, ...]:
    """The scorer's name key: lower-case tokens, punctuation gone, honorifics and ranks dropped,
    every written form of Muhammad as "muhammad"."""
    words = _KEY_DROP.sub("", name.replace(".", " ").replace("-", " ")).lower().split()
    dropped = honorifics() | ranks() | degrees()
    out = []
    for w in words:
        if w in muhammad_forms():
            out.append("muhammad")
        elif w in dropped:
            continue
        else:
            out.append(w)
    return tuple(out)


def contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` is a contiguous part of ``longer``."""
    if not shorter or len(shorter) > len(longer):
        return False
    n = len(shorter)
    return any(longer[k : k + n] == shorter for k in range(len(longer) - n + 1))


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two name keys can be one person: one is a contiguous part of the other."""
    if len(a) < len(b):
        a, b = b, a
    return contains(a, b)


# UPOS tags that no word of a personal name carries
_NOT_NAME_POS = frozenset({"VERB", "AUX", "ADP", "ADV", "SCONJ", "CCONJ", "PRON", "DET", "PART", "NUM", "SYM"})


def not_name_starts(doc) -> frozenset[int]:
    """Where the words start that ``doc``'s POS tags say are no name words (VERB, ADP ...), for
    ``tokenize``; empty for a Doc without tags (spaCy's blank pipeline): names then go by
    spelling alone. Computed once per article."""
    if doc is not None and len(doc) and doc.has_annotation("POS"):
        return frozenset(token.idx for token in doc if token.pos_ in _NOT_NAME_POS)
    return frozenset()
