"""Officials: the office lexicon and the head pattern.

Title heads and their spelling variants, the head pattern (a character trie of every title),
regions and bodies, office words and roles (``lexicons``), and the head sets that rule how a
head reads its position (heads naming a place, a member's post, an office of a person).
Everything here is built once per process.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from extractor import lexicon
from extractor.names import Tok


# per-word helpers below are cached: the same words come back at every head of an article
@functools.lru_cache(maxsize=16384)
def norm(text: str) -> str:
    """A phrase as the lexicons hold it: periods as spaces, single spaces, lower case."""
    return " ".join(text.replace(".", " ").split()).lower()


@dataclass
class Lexicons:
    standalone: frozenset[str]
    with_body: frozenset[str]
    company: frozenset[str]
    regions: dict[str, str]
    bodies: frozenset[str]
    org_words: frozenset[str]
    org_words_lower: frozenset[str]  # the same, for words written in lower case
    non_official: frozenset[str]
    acting_values: dict[str, str]
    blockers: frozenset[str]
    phrase_length: dict[str, int]  # first word of a region/body phrase -> longest length in words


@functools.cache
def title_words(name: str) -> tuple[str, ...]:
    """A title list with the misspellings news prints often ("Sekertaris Daerah")."""
    entries = list(lexicon.words(name))
    for variant, right in lexicon.table("officials/title_spelling_variants").items():
        pattern = regex.compile(rf"\b{regex.escape(right)}\b")
        entries += [pattern.sub(variant, e) for e in entries if pattern.search(e)]
    return tuple(entries)


@functools.cache
def compound_heads() -> tuple[str, ...]:
    """Short heads joined with a unit ("Kasubaghumas", "Kasat Reskrim", "Kanitreskrim")."""
    heads = []
    for prefix in lexicon.words("officials/office_head_prefixes"):
        for unit in lexicon.words("officials/office_unit_suffixes"):
            heads.append(prefix + unit.lower())
            heads.append(f"{prefix} {unit[:1].upper()}{unit[1:].lower()}")
    return tuple(heads)


@functools.cache
def lexicons() -> Lexicons:
    regions = {norm(k): v for k, v in lexicon.table("places/regions").items()}
    bodies = frozenset(norm(w) for w in lexicon.words("officials/public_bodies"))
    phrase_length: dict[str, int] = {}
    for phrase in list(regions) + list(bodies):
        words = phrase.split()
        phrase_length[words[0]] = max(phrase_length.get(words[0], 1), len(words))
    return Lexicons(
        standalone=frozenset(norm(w) for w in title_words("officials/office_titles") + compound_heads()),
        with_body=frozenset(norm(w) for w in title_words("officials/office_heads_with_body")),
        company=frozenset(norm(w) for w in title_words("officials/company_titles")),
        regions=regions,
        bodies=bodies,
        org_words=frozenset(w.lower() for w in lexicon.words("officials/organisation_words")),
        org_words_lower=frozenset(w.lower() for w in lexicon.words("officials/organisation_words")),
        non_official=frozenset(w.lower() for w in lexicon.words("officials/non_official_roles")),
        acting_values={k.lower(): v for k, v in lexicon.table("officials/acting_values").items()},
        blockers=frozenset(w.lower() for w in lexicon.words("officials/position_blockers")),
        phrase_length=phrase_length,
    )


def _case_variants(entries) -> list[str]:
    """Each entry as written, in lower case and with only its first letter capitalised
    ("Juru Bicara", "juru bicara", "Juru bicara"); capitals (PM, KSAD) and bracketed short forms
    ("(Plt)") stay as written. Explicit variants keep the pattern case-sensitive and fast."""
    variants = set()
    for entry in entries:
        variants.add(entry)
        if entry.isupper():
            continue
        words = entry.split(" ")
        lower = [w if w.startswith("(") or w.isupper() else w.lower() for w in words]
        variants.add(" ".join(lower))
        variants.add(" ".join([lower[0][:1].upper() + lower[0][1:]] + lower[1:]))
        if len(words) > 1 and words[0][:1].isupper():
            variants.add(" ".join([lower[0]] + words[1:]))  # "juru Bicara", "kepala Dinas"
    return sorted(variants)


def _trie_pattern(entries) -> str:
    """A regex matching any entry, built as a character trie (longest entry first at every
    branch); much faster than a flat alternation of hundreds of entries."""
    trie: dict = {}
    for entry in entries:
        node = trie
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            piece = r"[ \t]+" if char == " " else regex.escape(char)
            branches.append(piece + emit(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


@functools.cache
def head_pattern() -> re.Pattern[str]:
    heads = set(title_words("officials/office_titles")) | set(title_words("officials/office_heads_with_body"))
    heads |= set(title_words("officials/company_titles"))
    acting = _trie_pattern(_case_variants(lexicon.words("officials/acting_prefixes")))
    # compounds as prefix + unit ("Kasubaghumas", "Kasat Reskrim"): two small tries, tried first
    units = _trie_pattern(sorted({w.lower() for w in lexicon.words("officials/office_unit_suffixes")}
                                 | {w[:1].upper() + w[1:].lower() for w in lexicon.words("officials/office_unit_suffixes")}))
    compound = rf"{_trie_pattern(lexicon.words('officials/office_head_prefixes'))}[ \t]?{units}(?![^\W_])"
    # compiled with the standard library's engine: on this one large alternation it scans about
    # six times faster than the regex module (no \p{..} classes: [^\W_] is a letter or a digit)
    return re.compile(
        r"(?<![^\W_])(?<!-)"
        r"(?P<mantan>(?:[Mm]antan|MANTAN|[Ee]ks|[Bb]ekas)[ \t]+)?"
        rf"(?:(?P<acting>{acting})[ \t]+)?"
        rf"(?P<head>(?:[Ww]akil[ \t]+)?(?:{compound}|{_trie_pattern(_case_variants(heads))}))"
        r"(?![^\W_])"
    )


@functools.cache
def head_words() -> frozenset[str]:
    """Every head of the lexicon, normalised (``norm``)."""
    lex = lexicons()
    return lex.standalone | lex.with_body | lex.company


@functools.cache
def head_word_parts() -> frozenset[str]:
    """Every word of every head ("juru", "bicara", "wali", "kota" ...)."""
    return frozenset(w for head in head_words() for w in head.split())


def head_starts(toks: list[Tok], k: int) -> bool:
    """Whether a position head ("Wali Kota", "Wakil Presiden", "Bupati") starts at ``toks[k]``."""
    heads = head_words()
    words: list[str] = []
    for tok in toks[k : k + 4]:
        if not tok.is_word:
            break
        words.append(tok.text)
        joined = norm(" ".join(words))
        if joined in heads or joined.startswith("wakil ") and joined[6:] in heads:
            return True
    return False


def head_kind(head: str) -> str:
    """company, standalone (a title of its own: "Presiden") or with_body ("Kepala" needs its body)."""
    lex = lexicons()
    key = norm(head)
    bare = key.removeprefix("wakil ")
    if key in lex.company or bare in lex.company:
        return "company"
    if key in lex.standalone or bare in lex.standalone:
        return "standalone"
    return "with_body"


def acting_value(prefix: str | None) -> str | None:
    """The acting status of a head's prefix ("Plt.", "Penjabat (Pj)"), as the records write it."""
    if not prefix:
        return None
    inner = regex.search(r"\(([^)]+)\)", prefix)
    if inner:
        return lexicons().acting_values.get(inner.group(1).strip(" .").lower(), inner.group(1).strip(" ."))
    plain = norm(regex.sub(r"\([^)]*\)", "", prefix))
    return lexicons().acting_values.get(plain)


def lower_cased_title(head: str) -> bool:
    """"jaksa agung", "wakil duta besar": a title word in lower case; "ketua KPU" names its body."""
    words = head.split()
    return any(w[0].islower() for w in words) and not any(w.isupper() for w in words)


@functools.cache
def nonprofit_words() -> frozenset[str]:
    """Words that make a company title lead a non-profit ("Direktur Eksekutif Yayasan ...")."""
    return frozenset(lexicon.words("officials/nonprofit_words"))


@functools.cache
def member_heads() -> frozenset[str]:
    """"Anggota": a member, who holds a post only in a public body."""
    return frozenset(norm(w) for w in lexicon.words("officials/member_heads"))


@functools.cache
def member_public_words() -> frozenset[str]:
    return frozenset(lexicon.words("officials/member_public_words"))


@functools.cache
def place_heads() -> frozenset[str]:
    """Heads that name a place after them ("Camat Genteng")."""
    return frozenset(norm(w) for w in title_words("officials/place_heads"))


@functools.cache
def place_required_heads() -> frozenset[str]:
    """Heads that always name their place ("Kapolsek Torgamba")."""
    return frozenset(norm(w) for w in title_words("officials/place_required_heads"))


@functools.cache
def person_attached_heads() -> frozenset[str]:
    """Heads that may hold an office for a person ("juru bicara Gibran")."""
    return frozenset(norm(w) for w in lexicon.words("officials/person_attached_heads"))
