"""Officials: people holding a public position, each with every position the article gives them.

Every finding is anchored on a position head from the lexicon (Presiden, Menteri, Kapolres,
Ketua ... see data/office_titles.txt and friends). From a head the recognizer reads the
position's place or body to the right ("Wali Kota Mojokerto", "Sekretaris DPRD Jatim",
"Kepala Dinas Pariwisata dan Kebudayaan") and then the person:

- title + name: "Pj Wali Kota Mojokerto Moh. Ali Kuncoro", "Kapolres Metro Bekasi Kombes Mustofa"
- title (name): "Pak Menko (Airlangga Hartarto)", "Pak Gubernur (BI Perry Warjiyo)"
- name before the position: "Ali Kuncoro, Pj Wali Kota Mojokerto", "Budi (Kepala Diskominfo
  Sleman)", "Tito selaku Mendagri", "Adhy yang juga Sekdaprov Jatim"
- the person being talked about: "pria yang juga Sekretaris DPRD Jatim", "Ia juga menjabat ..."
- coordination: "Presiden dan Wakil Presiden RI Prabowo Subianto dan Gibran Rakabuming Raka"

``assemble`` merges every mention of one person (full name, short name, spelling with
Muhammad forms) into one Official whose name is the fullest form the article uses.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

import regex

from extractor import guards, lexicon, names
from extractor.article import Article, merge_ranges
from extractor.names import Tok, tokenize
from extractor.recognizers.base import Candidate, Recognizer, provenance, register_field, register_recognizer, resolve_overlaps
from schemas import Mention, Official

# -- lexicons -------------------------------------------------------------------------------


# per-word helpers below are cached: the same words come back at every head of an article
@functools.lru_cache(maxsize=16384)
def _norm(text: str) -> str:
    return " ".join(text.replace(".", " ").split()).lower()


_name_key = functools.lru_cache(maxsize=16384)(names.name_key)


@dataclass
class _Lexicons:
    standalone: frozenset[str]
    with_body: frozenset[str]
    company: frozenset[str]
    regions: dict[str, str]
    bodies: frozenset[str]
    org_words: frozenset[str]
    non_official: frozenset[str]
    acting_values: dict[str, str]
    blockers: frozenset[str]
    aliases: dict[tuple[str, ...], tuple[str, ...]]
    phrase_length: dict[str, int]  # first word of a region/body phrase -> longest length in words


@functools.cache
def compound_heads() -> tuple[str, ...]:
    """Short heads joined with a unit ("Kasubaghumas", "Kasat Reskrim", "Kanitreskrim")."""
    heads = []
    for prefix in lexicon.words("office_head_prefixes"):
        for unit in lexicon.words("office_unit_suffixes"):
            heads.append(prefix + unit.lower())
            heads.append(f"{prefix} {unit[:1].upper()}{unit[1:].lower()}")
    return tuple(heads)


@functools.cache
def lexicons() -> _Lexicons:
    regions = {_norm(k): v for k, v in lexicon.table("regions").items()}
    bodies = frozenset(_norm(w) for w in lexicon.words("public_bodies"))
    phrase_length: dict[str, int] = {}
    for phrase in list(regions) + list(bodies):
        words = phrase.split()
        phrase_length[words[0]] = max(phrase_length.get(words[0], 1), len(words))
    return _Lexicons(
        standalone=frozenset(_norm(w) for w in lexicon.words("office_titles") + compound_heads()),
        with_body=frozenset(_norm(w) for w in lexicon.words("office_heads_with_body")),
        company=frozenset(_norm(w) for w in lexicon.words("company_titles")),
        regions=regions,
        bodies=bodies,
        org_words=frozenset(w.lower() for w in lexicon.words("organisation_words")),
        non_official=frozenset(w.lower() for w in lexicon.words("non_official_roles")),
        acting_values={k.lower(): v for k, v in lexicon.table("acting_values").items()},
        blockers=frozenset(w.lower() for w in lexicon.words("position_blockers")),
        aliases={_name_key(k): _name_key(v) for k, v in lexicon.table("aliases").items()},
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
    heads = set(lexicon.words("office_titles")) | set(lexicon.words("office_heads_with_body"))
    heads |= set(lexicon.words("company_titles"))
    acting = _trie_pattern(_case_variants(lexicon.words("acting_prefixes")))
    # compounds as prefix + unit ("Kasubaghumas", "Kasat Reskrim"): two small tries, tried first
    units = _trie_pattern(sorted({w.lower() for w in lexicon.words("office_unit_suffixes")}
                                 | {w[:1].upper() + w[1:].lower() for w in lexicon.words("office_unit_suffixes")}))
    compound = rf"{_trie_pattern(lexicon.words('office_head_prefixes'))}[ \t]?{units}(?![^\W_])"
    # compiled with the standard library's engine: on this one large alternation it scans about
    # six times faster than the regex module (no \p{..} classes: [^\W_] is a letter or a digit)
    return re.compile(
        r"(?<![^\W_])(?<!-)"
        r"(?P<mantan>(?:[Mm]antan|MANTAN|[Ee]ks|[Bb]ekas)[ \t]+)?"
        rf"(?:(?P<acting>{acting})[ \t]+)?"
        rf"(?P<head>(?:[Ww]akil[ \t]+)?(?:{compound}|{_trie_pattern(_case_variants(heads))}))"
        r"(?![^\W_])"
    )


# "Ali, ", "Budi (", "Tito selaku ", "Adhy yang juga ", "Rizal sebagai "
_LEFT_LINK = regex.compile(
    rf"(?:,(?:[ \t]*(?i:{lexicon.alternation(lexicon.words('official_left_links_after_comma'))}))?|\("
    rf"|(?i:\b{lexicon.alternation(lexicon.words('official_left_links'))}"
    rf"|\byang(?:[ \t]+{lexicon.alternation(lexicon.words('official_left_links_after_yang'))})+))[ \t]*\Z"
)
# "pria yang juga ", "Ia juga menjabat sebagai ", "beliau merupakan "
_COREF_COPULAS = lexicon.words("official_coref_copulas")
_COREF_LINK = regex.compile(
    rf"(?<![\p{{L}}])(?i:{lexicon.alternation(lexicon.words('official_coref_subjects'))})"
    r"(?:[ \t]+(?i:yang))?"
    rf"(?:[ \t]+(?i:{lexicon.alternation(lexicon.words('official_coref_modifiers'))}))*"
    rf"(?:[ \t]+(?i:{lexicon.alternation(_COREF_COPULAS)}))?[ \t]+\Z"
)
_COREF_NEEDS = regex.compile(
    rf"(?i:\b{lexicon.alternation(lexicon.words('official_coref_required'))}\b"
    rf"|{lexicon.alternation([copula.split()[0] for copula in _COREF_COPULAS])})"
)
_MORPH = regex.compile(r"(?:Ke|Pe|Per|Pem|Pen|Peng|Peny)\p{Ll}{3,}an|\p{Lu}\p{Ll}{3,}(?:ngan|aan|uan)")
# bodies whose own name follows them ("Rektor Universitas Musamus"): one word after them is that name
_NAMED_ORGS = frozenset(w.lower() for w in lexicon.words("named_org_words"))
_QUALIFIERS = frozenset(lexicon.words("position_qualifiers"))
_YEAR = regex.compile(r"(?:19|20)\d\d")
_ROMAN_NUMERAL = regex.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")
_ROMAN = regex.compile(r"[IVXL]+|[A-H]|\d{1,2}")
_LOWER_LINKS = frozenset(lexicon.words("position_lower_links"))
_CONNECTORS = frozenset(lexicon.words("position_connectors"))
_NUMBERED = frozenset(w.lower() for w in lexicon.words("numbered_units"))
_AREA_NOUNS = frozenset(lexicon.words("position_area_nouns"))

# -- reading a position and the name after it -----------------------------------------------


@dataclass
class Tail:
    """What follows a head: the position's place/body tokens, then perhaps a name."""

    end_index: int  # index of the first token after the position
    position_end: int  # character offset where the position ends
    public_body: bool = False  # a state body / state-owned enterprise is named
    has_complement: bool = False
    strong: bool = False


def _is_acronym(tok: Tok) -> bool:
    if not tok.is_word or len(tok.text) < 2:
        return False
    return _is_acronym_text(tok.text)


@functools.lru_cache(maxsize=16384)
def _is_acronym_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if all(c.isupper() for c in letters):
        return True
    # camel case: KemenPAN, IndoStrategi, MenPAN-RB
    return text[0].isupper() and any(c.isupper() for c in text[1:])


def _phrase_at(toks: list[Tok], j: int) -> tuple[str, int] | None:
    """A region or body phrase starting at ``toks[j]``: (kind, number of tokens)."""
    lex = lexicons()
    tok = toks[j]
    if not tok.is_word or not (tok.text[0].isupper() or tok.text.lower() in ("kab",)):
        return None
    first = _norm(tok.text)
    longest = lex.phrase_length.get(first.split()[0] if first else "", 0)
    for length in range(min(longest, len(toks) - j), 0, -1):
        span = toks[j : j + length]
        if any(not t.is_word and t.text != "/" for t in span):
            continue
        if any(k > 0 and t.space_before is False and t.text != "/" and span[k - 1].text != "/" for k, t in enumerate(span)):
            continue
        phrase = _norm(" ".join(t.text for t in span)).replace(" / ", "/")
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
    return tuple(w.lower() for w in lexicon.words("body_prefixes"))


def _word_class(tok: Tok) -> str | None:
    """Class of a single complement word: org, morph, acronym, numeral, or None."""
    return _word_class_of(tok.text) if tok.is_word else None


@functools.lru_cache(maxsize=16384)
def _word_class_of(word: str) -> str | None:
    tok = Tok(word, 0, len(word), "word", True)
    if names.is_honorific(tok) or names.is_rank(tok):
        return None
    lex = lexicons()
    lower = tok.text.lower()
    if tok.text[0].isupper():
        if _is_acronym(tok):
            return "acronym"
        if lower.startswith(_body_prefixes()):
            return "body"
        if _MORPH.fullmatch(tok.text) and len(tok.text) >= 8:
            return "morph"
        if lower in lex.org_words:
            return "org"
    return None


def _strong_at(toks: list[Tok], j: int) -> int:
    """Length of a strong complement item at ``j`` (region, body, acronym, morph), else 0."""
    phrase = _phrase_at(toks, j)
    if phrase:
        return phrase[1]
    return 1 if _word_class(toks[j]) in ("acronym", "morph", "body") else 0


def _name_follows(toks: list[Tok], j: int) -> bool:
    if j < len(toks) and toks[j].text == ",":
        # "Bareskrim Polri, Kombes Rizki ...", "Pemilu Nasional (BSPN) DPD PDIP Jatim, Hari
        # Yulianto menjelaskan": after a comma a titled name, or a full name closing the clause
        k = names._skip_titles(toks, j + 1)
        end = names.name_run(toks, k)
        if k > j + 1:
            return end > k
        return end - k >= 2 and (_closes_single_name(toks, end) or end < len(toks) and toks[end].is_word and toks[end].text[0].islower()
                                 and toks[end].text.lower() not in _NOT_VERBS) and _plausible_name(toks[k:end])
    k = names._skip_titles(toks, j)
    return names.name_run(toks, k) > k


def _bracket_end(toks: list[Tok], j: int, limit: int = 8) -> int | None:
    for k in range(j + 1, min(len(toks), j + limit)):
        if toks[k].text == ")":
            return k
        if toks[k].text == "(":
            return None
    return None


def _bracket_is_complement(inner: list[Tok]) -> bool:
    """"(Sumut)", "(IPK)", "(Persero)", "(Wamenaker)", "(Pj)", "(TPID)", "(Plt)", "(Jatim)"."""
    words = [t for t in inner if t.is_word]
    if not words or len(inner) > 5:
        return False
    lex = lexicons()

    def known(k: int) -> bool:
        tok = inner[k]
        return (
            _is_acronym(tok)
            or _phrase_at(inner, k) is not None
            or _norm(tok.text) in _head_words()
            or tok.text.lower() in lex.org_words
            or tok.text.lower() in lex.acting_values
        )

    return all(known(k) or not t.is_word for k, t in enumerate(inner))


@functools.cache
def _place_heads() -> frozenset[str]:
    return frozenset(_norm(w) for w in lexicon.words("place_heads"))


@functools.cache
def _place_required_heads() -> frozenset[str]:
    return frozenset(_norm(w) for w in lexicon.words("place_required_heads"))


@functools.cache
def _person_attached_heads() -> frozenset[str]:
    return frozenset(_norm(w) for w in lexicon.words("person_attached_heads"))


def _after_non_person(text: str, start: int) -> bool:
    """"pengamat Budi Santoso, juru bicara ...": the left name is described as a non-official."""
    before = text[max(0, start - 30) : start].lower().split()
    return bool(before) and before[-1] in lexicons().non_official


@functools.cache
def _head_word_parts() -> frozenset[str]:
    """Every word of every head ("juru", "bicara", "wali", "kota" ...)."""
    return frozenset(w for head in _head_words() for w in head.split())


@functools.cache
def _head_words() -> frozenset[str]:
    lex = lexicons()
    return lex.standalone | lex.with_body | lex.company


def read_tail(toks: list[Tok], head_end_index: int) -> Tail:
    """Read the place/body of a position from ``toks[head_end_index]`` on.

    Known regions, bodies, acronyms and office words are taken; an unknown capitalised word is
    taken only when a known region/body/acronym follows it before the name ("Direktur Eksekutif
    Poltracking Indonesia Hanta Yuda"); the rest is left for the name.
    """
    j = head_end_index
    n = len(toks)
    tail = Tail(j, toks[j - 1].end if j > 0 else 0)
    regions_taken = 0

    def take(count: int) -> None:
        nonlocal j
        j += count
        tail.end_index = j
        tail.position_end = toks[j - 1].end
        tail.has_complement = True

    while j < n:
        tok = toks[j]
        if j > head_end_index and not tok.space_before and tok.text not in ",)/(" and toks[j - 1].text not in "/(-":
            break
        if names.name_opener_at(toks, j):
            break  # "... Denpasar Anak Agung Gede Wiratama", "Wali Kota Denpasar IGN Jaya Negara"
        if j == head_end_index and tok.is_word and _ROMAN_NUMERAL.fullmatch(tok.text) and j + 1 < n and toks[j + 1].capitalised:
            take(1)  # "Kasubdit I Dittipidsiber", "Direktur II ..."
            continue
        if tok.text == "(":
            close = _bracket_end(toks, j)
            if close is None:
                break
            inner = toks[j + 1 : close]
            if _bracket_is_complement(inner) or tail.has_complement and _is_short_form(inner, toks[:j]):
                if any(_phrase_at(inner, k) == ("body", 1) for k in range(len(inner))):
                    tail.public_body = True  # "(Persero)", "(Perseroda)"
                take(close + 1 - j)
                continue
            break
        if tok.capitalised and _after_named_org(toks, j):
            named_end = _org_name_end(toks, j)
            if named_end:
                take(named_end - j)  # "Ketua Yayasan Rumah Solusi (RSHI) Pangandaran, Dede ..."
                continue
        phrase = _phrase_at(toks, j)
        if phrase:
            kind, length = phrase
            if kind == "region":
                if regions_taken and not (
                    toks[j - 1].is_word and toks[j - 1].text.lower() in ("provinsi", "kabupaten", "kota", "kab")
                ):
                    break
                regions_taken += 1
            else:
                tail.public_body = True
            tail.strong = True
            take(length)
            continue
        if tok.is_word and tok.text.lower() in names.given_names() and tok.text[0].isupper():
            if not _strong_ahead_then_name(toks, j):
                break
        cls = _word_class(tok)
        if cls == "body":
            tail.public_body = True
        if cls:
            if cls != "org":
                tail.strong = True
            take(1)
            if tok.text.lower() in _AREA_NOUNS and j < n and _unknown_area_name(toks, j):
                take(1)  # "Kabupaten Sukamaju": a place regions.tsv does not know
            continue
        if tail.has_complement and tok.is_word and tok.text.lower() in _NUMBERED and j + 1 < n and _ROMAN.fullmatch(toks[j + 1].text):
            take(2)  # "... Wilayah Sungai IV Tipe A", "Kelas II"
            continue
        if tail.has_complement or j == head_end_index:
            prev = toks[j - 1] if j > 0 else None
            if prev is not None and prev.is_word and prev.text.lower() in _NUMBERED and tok.is_word and _ROMAN.fullmatch(tok.text):
                take(1)
                continue
            if tok.kind == "num" and prev is not None and prev.text.lower() in _NUMBERED:
                take(1)
                continue
        if tok.is_word and tok.text.lower() in _QUALIFIERS:
            take(1)
            continue
        # "Periode 2019-2024", "Jatim 2009-2019": the term of office stays with the position
        if tail.has_complement and (tok.text.lower() == "periode" and j + 1 < n and toks[j + 1].kind == "num"
                                    or _YEAR.fullmatch(tok.text)):
            take(2 if tok.text.lower() == "periode" else 1)
            if j + 1 < n and toks[j].text in "-–" and _YEAR.fullmatch(toks[j + 1].text):
                take(2)
            continue
        if tok.text == "," and regions_taken and j + 1 < n:
            province = _province_at(toks, j + 1)
            if province and _region_kind(toks, j - 1) in ("kabupaten", "kota"):
                take(1 + province)
                continue
        if tok.text == "," and tail.has_complement:
            listed = _inner_list_end(toks, j)
            if listed:
                j = listed  # "Pendidikan, Pemuda, dan Olahraga": a list inside the office name
                continue
        if tok.text in _CONNECTORS or tok.is_word and tok.text.lower() in _CONNECTORS:
            k = j + 1
            if tok.text == "," and k < n and toks[k].text.lower() in ("dan", "serta"):
                k += 1
            opens = tail.has_complement or j == head_end_index and tok.text in ("dan", "&") and " " in toks[0].text
            if k < n and opens and _continues_complement(toks, k, after_comma=tok.text == ","):
                j = k
                continue
            break
        if tok.is_word and tok.text.lower() in _LOWER_LINKS and j + 1 < n and tail.has_complement is False and j == head_end_index:
            if _continues_complement(toks, j + 1):
                j += 1
                continue
            break
        if tok.is_word and tok.text[0].isupper():
            # an unknown word: office words we do not know ("Penkum", "Corporate") precede a
            # known body; a name does not
            ahead = _strong_ahead_then_name(toks, j)
            if ahead:
                tail.strong = True
                if any(_phrase_at(toks, k) and _phrase_at(toks, k)[0] == "body" or _word_class(toks[k]) == "body" for k in range(j, ahead)):
                    tail.public_body = True
                take(ahead - j)
                continue
        break
    return tail


def _unknown_area_name(toks: list[Tok], j: int) -> bool:
    """``toks[j]``, right after an area noun, is a capitalised word naming the area: not a known
    region (read as one next), title, honorific or name opener."""
    tok = toks[j]
    return (tok.is_word and tok.space_before and tok.text[0].isupper() and not _is_acronym(tok)
            and _phrase_at(toks, j) is None and not names.is_honorific(tok) and not names.is_rank(tok)
            and not names.name_opener_at(toks, j) and _word_class(tok) is None)


def _is_short_form(inner: list[Tok], before: list[Tok]) -> bool:
    """"(Disdikpora)", "(Menkeu)": one capitalised word in brackets right after office words is
    their short form when it starts like one of them."""
    if len(inner) != 1 or not inner[0].capitalised or len(inner[0].text) < 4:
        return False
    if inner[0].text.lower() in names.given_names():
        return False
    initial = inner[0].text[0]
    return any(w[0] == initial for t in before[-8:] if t.capitalised for w in t.text.split())


def _region_words(toks: list[Tok], j: int, length: int) -> str:
    return _norm(" ".join(t.text for t in toks[j : j + length]))


def _province_at(toks: list[Tok], j: int) -> int:
    """Length of a province name at ``toks[j]`` ("Riau", "Jawa Tengah"), else 0."""
    phrase = _phrase_at(toks, j)
    if phrase and phrase[0] == "region" and lexicons().regions.get(_region_words(toks, j, phrase[1])) == "provinsi":
        return phrase[1]
    return 0


def _region_kind(toks: list[Tok], last: int) -> str | None:
    """The kind (kota, kabupaten, provinsi ...) of the region that ends at ``toks[last]``."""
    regions = lexicons().regions
    for length in (1, 2, 3):
        if last - length + 1 >= 0:
            kind = regions.get(_region_words(toks, last - length + 1, length))
            if kind:
                return kind
    return None


def _head_starts(toks: list[Tok], k: int) -> bool:
    """Whether a position head ("Wali Kota", "Wakil Presiden", "Bupati") starts at ``toks[k]``."""
    heads = _head_words()
    words: list[str] = []
    for tok in toks[k : k + 4]:
        if not tok.is_word:
            break
        words.append(tok.text)
        joined = _norm(" ".join(words))
        if joined in heads or joined.startswith("wakil ") and joined[6:] in heads:
            return True
    return False


def _list_item(toks: list[Tok], k: int) -> bool:
    """A single capitalised office word inside a list ("Pemuda", "Ikan"), not a name or a head."""
    tok = toks[k]
    if not tok.capitalised or _is_acronym(tok) or names.is_rank(tok) or names.is_honorific(tok):
        return False
    if _head_starts(toks, k):
        return False  # "Presiden Jokowi dan Wali Kota Solo ...": a second position
    lower = tok.text.lower()
    if lower in names.given_names() or names.name_opener_at(toks, k) or _norm(tok.text) in _head_words():
        return False
    return not _phrase_at(toks, k)


def _inner_list_end(toks: list[Tok], k: int) -> int:
    """At a comma inside an office name, the index after its closing "dan"/"serta" when a list of
    single office words follows (", Pemuda, dan Olahraga", ", Ikan, dan Tumbuhan"); else 0."""
    n = len(toks)
    m = k
    items = 0
    while m < n and toks[m].text == "," and items < 6:
        m += 1
        if m < n and toks[m].text.lower() in ("dan", "serta"):
            m += 1
            return m if items and m < n and _list_item(toks, m) else 0
        if m + 1 < n and _list_item(toks, m):
            m += 1
            items += 1
            if toks[m].text.lower() in ("dan", "serta"):
                m += 1
                return m if m < n and _list_item(toks, m) else 0
            continue
        return 0
    return 0


def _continues_complement(toks: list[Tok], k: int, after_comma: bool = False) -> bool:
    """Whether ``toks[k]`` goes on with a position after "dan", "," or "/" (not a new head or a name).

    After a comma only office words go on ("Bidang Politik, Hukum, dan Keamanan"); a new body
    after a comma starts a list ("Kementerian Keuangan, Kementerian ...")."""
    tok = toks[k]
    if after_comma:
        return _word_class(tok) in ("org", "morph") and not _phrase_at(toks, k)
    if not tok.is_word or not tok.text[0].isupper():
        return False
    if head_pattern().match(tok.text) and _norm(tok.text) in _head_words():
        return False
    if tok.text.lower() in names.given_names():
        return False
    # "Direktur Pemasaran dan Niaga Pertamina Hanung Budya": an unknown office word before a body
    return bool(_phrase_at(toks, k) or _word_class(tok) or _strong_ahead_then_name(toks, k))


def _strong_ahead_then_name(toks: list[Tok], j: int) -> int:
    """When capitalised words from ``j`` reach a known body/region/acronym that a name follows,
    the index after it; else 0."""
    n = len(toks)
    k = j
    last_strong_end = 0
    while k < n and k < j + 12:
        tok = toks[k]
        if tok.text == "(":
            close = _bracket_end(toks, k)
            if close is None:
                break
            inner = toks[k + 1 : close]
            k = close + 1
            if last_strong_end or _bracket_is_complement(inner) and any(_is_acronym(t) for t in inner):
                last_strong_end = k  # "Olahraga (Disdikpora) Denpasar"
            continue
        if tok.text == "," and k > j:
            listed = _inner_list_end(toks, k)
            if not listed:
                break
            k = listed
            continue
        if tok.text in ("dan", "serta", "&") and k > j and k + 1 < n and _list_item(toks, k + 1):
            k += 1  # "Planologi Kehutanan dan Tata Lingkungan KLHK"
            continue
        if not tok.is_word or not tok.text[0].isupper():
            break
        if names.is_rank(tok) or names.is_honorific(tok) or names.name_opener_at(toks, k):
            break
        length = _strong_at(toks, k)
        if length:
            k += length
            last_strong_end = k
            continue
        k += 1
    if last_strong_end and last_strong_end < n and _name_follows(toks, last_strong_end):
        return last_strong_end
    return 0


# -- the recognizer ---------------------------------------------------------------------------


@dataclass
class Finding:
    name_span: tuple[int, int] | None
    position: str
    position_span: tuple[int, int]
    acting: str | None
    kind: str  # title, bracket, apposition, coref, coordination, weak, spokesperson
    for_span: tuple[int, int] | None = None  # a spokesperson's: the official spoken for


def _acting_value(prefix: str | None) -> str | None:
    if not prefix:
        return None
    inner = regex.search(r"\(([^)]+)\)", prefix)
    if inner:
        return lexicons().acting_values.get(inner.group(1).strip(" .").lower(), inner.group(1).strip(" ."))
    plain = _norm(regex.sub(r"\([^)]*\)", "", prefix))
    return lexicons().acting_values.get(plain)


def _head_kind(head: str) -> str:
    lex = lexicons()
    key = _norm(head)
    bare = key.removeprefix("wakil ")
    if key in lex.company or bare in lex.company:
        return "company"
    if key in lex.standalone or bare in lex.standalone:
        return "standalone"
    return "with_body"


def _preceded_by_non_official(text: str, start: int) -> bool:
    """"calon Wakil Presiden", "pengamat ...", "istri Bupati", "Kementerian Koordinator"."""
    before = text[max(0, start - 40) : start].lower().split()
    if not before:
        return False
    last = before[-1].strip("(\"'“")
    last_two = " ".join(before[-2:])
    lex = lexicons()
    return last in lex.non_official or last_two in lex.non_official or last in lex.blockers


def _owned_by_thing(text: str, start: int) -> bool:
    """"Instruksi Presiden", "rumah dinas Wali Kota", "keputusan Wali Kota": the head names the
    office a thing belongs to; only a name written right after it holds that office."""
    before = text[max(0, start - 40) : start].lower().split()
    if not before:
        return False
    things = _office_things()
    return before[-1].strip("(\"'“") in things or len(before) >= 2 and before[-1] == "dinas" and before[-2] in things


_BEFORE_BRACKET = regex.compile(r"((?:\p{L}[\p{L}'’-]*[ \t]+){1,6})\([ \t]*\Z")


def _spells_preceding_phrase(text: str, m: regex.Match) -> bool:
    """Whether an acronym head stands in brackets as the initials of the words just before it."""
    head = m.group("head")
    if not (head.isupper() and head.isalpha()) or not text.startswith(")", m.end("head")):
        return False
    before = _BEFORE_BRACKET.search(text, max(0, m.start("head") - 80), m.start("head"))
    if before is None:
        return False
    initials = "".join(w[0] for w in before.group(1).split()).upper()
    return initials.endswith(head)


def _lower_cased_title(head: str) -> bool:
    """"jaksa agung", "wakil duta besar": a title word in lower case; "ketua KPU" names its body."""
    words = head.split()
    return any(w[0].islower() for w in words) and not any(w.isupper() for w in words)


@functools.cache
def _office_things() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("office_things"))


def find_officials(article: Article) -> list[Finding]:
    text = article.text
    findings: list[Finding] = []
    taken_until = -1  # heads inside an already read position or name are skipped
    skip_heads: set[int] = set()
    # (a standard-library pattern: linear, no timeout of its own; the guard is checked per head)
    for m in head_pattern().finditer(text):
        guards.check()
        if m.start() < taken_until or m.start("head") in skip_heads:
            continue
        sent_start = article.sentence_span(m.start())[0]
        sent_end = article.sentence_span(m.end())[1]  # "Plt." may end a sentence for the splitter
        head = m.group("head")
        kind = _head_kind(head)
        acting = _acting_value(m.group("acting"))
        pos_start = m.start()
        if _preceded_by_non_official(text, pos_start):
            # "bakal calon gubernur dan wakil gubernur ...": the coordinated head is a candidacy too
            link = _COORDINATED_HEAD.match(text, m.end())
            if link:
                skip_heads.add(link.end())
            continue
        if _spells_preceding_phrase(text, m):
            continue  # "Particulate Matter (PM) 2.5": the short form of the phrase before it
        limit = min(max(sent_end, m.end()), m.end() + 240)
        toks = [Tok(head, m.start("head"), m.end("head"), "word", True)] + tokenize(text, m.end(), limit)
        owned = _owned_by_thing(text, pos_start)
        tail = read_tail(toks, 1)
        if kind == "with_body" and not tail.has_complement and _norm(head) in _person_attached_heads():
            # "Emil Dardak, juru bicara Gibran Rakabuming Raka": the spokesperson of a person
            spoken_for = names.name_run(toks, 1)
            if spoken_for - 1 >= 2 and _plausible_name(toks[1:spoken_for]):
                span = _left_name(text, pos_start, sent_start, "")
                if span is not None and not _after_non_person(text, span[0]):
                    position = text[pos_start : toks[spoken_for - 1].end]
                    findings.append(Finding(span, position, (pos_start, toks[spoken_for - 1].end), acting, "spokesperson",
                                            (toks[1].start, toks[spoken_for - 1].end)))
                    taken_until = toks[spoken_for - 1].end
                    continue
        if kind == "with_body" and not tail.has_complement:
            continue
        if kind == "company" and not tail.public_body:
            continue
        if kind == "with_body" and not (tail.strong or tail.public_body) and head[0].islower():
            continue
        if any(t.is_word and t.text.lower() in lexicons().non_official for t in toks[1 : tail.end_index]):
            continue  # "Kepala Ekonom Bank ...": an economist, not an office
        position = text[pos_start : tail.position_end]
        pos_span = (pos_start, tail.position_end)
        j = tail.end_index

        # coordination: "Presiden dan Wakil Presiden RI Prabowo Subianto dan Gibran Rakabuming Raka"
        if not tail.has_complement and j + 1 < len(toks) and toks[j].text == "dan" and not owned:
            second = head_pattern().match(text, toks[j + 1].start)
            if second is not None:
                coordinated = _coordination(article, m, second, kind)
                if coordinated:
                    findings.extend(coordinated)
                    skip_heads.add(second.start("head"))
                    taken_until = max(coordinated[-1].name_span[1], coordinated[-1].position_span[1])
                    continue

        # title + name
        k = names._skip_titles(toks, j)
        if k < len(toks) and (k > j or toks[k].space_before):
            end = names.name_run(toks, k)
            if end < len(toks) and end > k and not (toks[end - 1].is_word and toks[end - 1].text.lower() in names.given_names()):
                # "Kapolsek Cipondoh Kompol Budi", "Kanit Reskrim Polsek Cibeunying Iptu Budi":
                # the run before a rank or honorific is the place or body
                after = names._skip_titles(toks, end)
                split_rank = names._plain(f"{toks[end - 1].text} {toks[end].text}") in names.ranks()  # "Inspektur Jenderal"
                if after > end and names.name_run(toks, after) > after and not split_rank:
                    position = text[pos_start : toks[end - 1].end]
                    pos_span = (pos_start, toks[end - 1].end)
                    k, end = after, names.name_run(toks, after)
            if not tail.has_complement and _norm(head) in _place_heads():
                # "Camat Genteng Budi Santoso": an unknown place before a known given name
                for g in range(k + 1, end):
                    opener = names.name_opener_at(toks, g)
                    if opener or toks[g].text.lower() in names.given_names() and toks[k].text.lower() not in names.given_names():
                        position = text[pos_start : toks[g - 1].end]
                        pos_span = (pos_start, toks[g - 1].end)
                        k = g
                        break
                else:
                    # "Kapolsek Torgamba Eduard Tobing": a head that always names its place takes
                    # the first of three or more unknown words as that place
                    if (end - k >= 3 and _norm(head) in _place_required_heads()
                            and toks[k].text.lower() not in names.given_names() and not names.name_opener_at(toks, k)):
                        # two words when the article writes them as a place ("di Pondok Bambu")
                        words = 2 if end - k >= 4 and _used_as_place(text, f"{toks[k].text} {toks[k + 1].text}") else 1
                        position = text[pos_start : toks[k + words - 1].end]
                        pos_span = (pos_start, toks[k + words - 1].end)
                        k += words
            named_org = _after_named_org(toks, k)
            if named_org and end > k and end + 1 < len(toks) and toks[end].text == ",":
                # "Ketua Umum DPP Gebu Minang, Oesman Sapta": the run names the body, the person follows
                k2 = names._skip_titles(toks, end + 1)
                end2 = names.name_run(toks, k2)
                if end2 > k2 and (end2 - k2 >= 2 or k2 > end + 1 or _closes_single_name(toks, end2)) and _plausible_name(toks[k2:end2]):
                    position = text[pos_start : toks[end - 1].end]
                    pos_span = (pos_start, toks[end - 1].end)
                    k, end = k2, end2
                    named_org = False
            if (tail.has_complement and end - k == 1 and end + 1 < len(toks) and toks[end].text == ","
                    and toks[k].text.lower() not in names.given_names()):
                # "Kepala Dinas Kesehatan Sukamaju, dr. Rina Kusumawati": one unknown word before a
                # titled name after a comma is the office's place, the titled name its holder
                k2 = names._skip_titles(toks, end + 1)
                end2 = names.name_run(toks, k2)
                if k2 > end + 1 and end2 > k2 and _plausible_name(toks[k2:end2]):
                    position = text[pos_start : toks[k].end]
                    pos_span = (pos_start, toks[k].end)
                    k, end = k2, end2
            org_name_follows = named_org and end - k == 1
            if end - k == 1 and end < len(toks) and toks[end].capitalised and toks[end].space_before and not names.is_degree(toks[end]):
                org_name_follows = True  # "Kepala Badan Saksi Pemilu ...": a lone word inside a longer body name
            if end > k and _plausible_name(toks[k:end]) and not org_name_follows:
                span = (toks[k].start, toks[end - 1].end)
                # "Wali Kota Verbania dalam kunjungan": one unknown word after a bare place head
                # may be the place; it only names someone the article names elsewhere
                # a title written in lower case ("jaksa agung Masyhad") is not standing before a name
                # by the spelling rules, so its lone word too may be a place
                lone_word = (not tail.has_complement and end - k == 1 and k == j
                             and (_norm(head) in _place_heads() or _lower_cased_title(head))
                             and toks[k].text.lower() not in names.given_names())
                # "Wakil Gubernur Golestan mengatakan": a foreign place reads like a one-word name,
                # so a lone unknown word with no rank before it is a person only when the article
                # names them elsewhere ("Kapolsek Prambanan AKP Nyoto" keeps its rank)
                lone_place = lone_word
                # "Istana Presiden Cipanas": after a document or building only a known person counts
                weak = lone_place or owned and end - k == 1
                findings.append(Finding(span, position, pos_span, acting, "weak" if weak else "title"))
                taken_until = span[1]
                continue

        # title (name): "Pak Menko (Airlangga Hartarto)", "Pak Gubernur (BI Perry Warjiyo)"
        if j < len(toks) and toks[j].text == "(":
            close = _bracket_end(toks, j)
            if close is not None:
                inner = toks[j + 1 : close]
                inner_tail = read_tail([toks[j]] + inner, 1) if inner else None
                start_index = (inner_tail.end_index - 1) if inner_tail else 0
                k = names._skip_titles(inner, start_index)
                end = names.name_run(inner, k)
                if end == len(inner) and end - k >= 2 and _plausible_name(inner[k:end]):
                    extra = " ".join(t.text for t in inner[:start_index])
                    full_position = f"{position} {extra}" if extra else position
                    span = (inner[k].start, inner[end - 1].end)
                    findings.append(Finding(span, full_position, pos_span, acting, "bracket"))
                    taken_until = toks[close].end
                    continue

        # the name stands before the position: "Ali Kuncoro, Pj Wali Kota ...", "Budi (Kepala ..."
        follows = toks[j].text if j < len(toks) else ""
        span = None if owned else _left_name(text, pos_start, sent_start, follows)
        if span is not None:
            findings.append(Finding(span, position, pos_span, acting, "apposition"))
            taken_until = tail.position_end
            continue
        # "Wapres RI, KH Ma'ruf Amin,", "Gubernur DKI Jakarta, Sumarsono memberikan ...",
        # "presiden terdahulu, yakni Joko Widodo": a name after a comma or "yakni"
        then = j + 2 if j + 1 < len(toks) and _THEN.fullmatch(f"{toks[j].text} {toks[j + 1].text}") else j
        link_end = _right_link_end(toks, then)  # "Bupati Kuantan Singingi saat itu, Sukarmis yang ..."
        if link_end:
            k = names._skip_titles(toks, link_end)
            end = names.name_run(toks, k)
            after = names.skip_degrees(toks, end)  # "Wali Kota Pekanbaru, Firdaus MT, ..."
            closed = after >= len(toks) or not toks[after].is_word or toks[after].text[0].islower()
            verb_after = after < len(toks) and toks[after].is_word and toks[after].text.lower() not in _NOT_VERBS and toks[after].text[0].islower()
            single_ok = (k > link_end or after > end or verb_after or toks[link_end - 1].text != ","
                         or _closes_single_name(toks, after))
            if end > k and (end - k >= 2 or single_ok) and closed and _plausible_name(toks[k:end]):
                span = (toks[k].start, toks[end - 1].end)
                # "Rumah Dinas Bupati Agam, Lubuk Basung": after a building a place may follow;
                # a degree or a known given name marks a person
                sure = not owned or after > end or any(t.text.lower() in names.given_names() for t in toks[k:end])
                findings.append(Finding(span, position, pos_span, acting, "title" if sure else "weak"))
                taken_until = span[1]
                continue
        if owned:
            continue
        coref = _COREF_LINK.search(text, max(sent_start, pos_start - 60), pos_start)
        if coref is not None and _COREF_NEEDS.search(coref.group()):
            findings.append(Finding(None, position, pos_span, acting, "coref"))
            taken_until = tail.position_end
            continue
        # "kata Ketua DPC PDIP Jaksel itu", "Eks Kepala Dewan Komisioner LPS itu pun ...": a
        # position with a demonstrative points back at the person talked about
        if j < len(toks) and toks[j].text.lower() in ("itu", "tersebut") and tail.has_complement:
            before = text[max(sent_start, pos_start - 12) : pos_start].split()
            if not before or before[-1].lower() in _SPEECH_VERBS or before[-1].lower() == "sang":
                findings.append(Finding(None, position, pos_span, acting, "demonstrative"))
                taken_until = tail.position_end
                continue
    findings.extend(_led_bodies(article))
    return findings


# "Organda Pekanbaru yang diketuai oleh Agus Sikumbang": the head of a body after a passive verb
_LED_BY = regex.compile(
    r"(?<=\S)[ \t]+(?:yang[ \t]+)?(?P<verb>diketu(?:a)?i|dikepalai)[ \t]+(?:oleh[ \t]+)?(?=\p{Lu})"
)
@functools.cache
def _led_groups() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("led_group_nouns"))


_LED_HEADS = {"diketuai": "Ketua", "diketui": "Ketua", "dikepalai": "Kepala"}


def _led_bodies(article: Article) -> list[Finding]:
    text = article.text
    found = []
    for m in _LED_BY.finditer(text, timeout=guards.remaining()):
        sent_start = article.sentence_span(m.start())[0]
        before = tokenize(text, max(sent_start, m.start() - 120), m.start())
        i = len(before)
        while i > 0 and len(before) - i < 10:
            tok = before[i - 1]
            if tok.text == ")" and i >= 3 and before[i - 3].text == "(":
                i -= 3  # "(Organda)"
            elif tok.capitalised and tok.text not in names.stopwords() and (i == len(before) or before[i].space_before or before[i].text == "("):
                i -= 1
            else:
                break
        while i < len(before) and not before[i].is_word:
            i += 1
        if 0 < i < len(before) and before[i - 1].text.lower() in _led_groups():
            continue  # "tim Fakultas Teknik yang diketuai ...": a team, not the body, is led
        body = before[i:]
        if not body or not any(_word_class(t) or _phrase_at(body, k) for k, t in enumerate(body) if t.is_word):
            continue  # no organisation word: "Rapat ... yang dipimpin" is not a body
        if _plausible_name(body) and not any(_is_acronym(t) for t in body):
            continue
        toks = tokenize(text, m.end(), min(len(text), m.end() + 80))
        k = 0
        while True:  # "Dr. Eng. Ir. Bimastyaji": titles and degrees before the name
            skipped = names.skip_degrees(toks, names._skip_titles(toks, k))
            if skipped == k:
                break
            k = skipped
        end = names.name_run(toks, k)
        if end - k < 1 or not _plausible_name(toks[k:end]) or end - k == 1 and k == 0 and not _closes_single_name(toks, end):
            continue
        body_text = text[body[0].start : body[-1].end]
        position = f"{_LED_HEADS[m.group('verb').lower()]} {body_text}"
        found.append(Finding((toks[k].start, toks[end - 1].end), position, (body[0].start, body[-1].end), None, "title"))
    return found


_PLACE_CUE = regex.compile(
    r"(?<![\p{L}])(?i:di|ke|dari|asal|warga|kota|kabupaten)[ \t]+(?P<first>\p{Lu}[\p{L}'’]*)(?:[ \t]+(?P<second>\p{Lu}[\p{L}'’]*))?"
)


@functools.lru_cache(maxsize=4)
def _place_words(text: str) -> frozenset[str]:
    """Capitalised words (and word pairs) the article writes after "di", "ke", "dari" ...: one
    scan per article, so that checking a word is a set look-up."""
    found = set()
    for m in _PLACE_CUE.finditer(text, timeout=guards.remaining()):
        found.add(m.group("first"))
        if m.group("second"):
            found.add(f"{m.group('first')} {m.group('second')}")
    return frozenset(found)


def _used_as_place(text: str, word: str) -> bool:
    """Whether the article writes ``word`` as a place elsewhere ("tinggal di Verbania")."""
    return word in _place_words(text)


def _left_name(text: str, pos_start: int, sent_start: int, follows: str) -> tuple[int, int] | None:
    """The name written before a position: "Ali Kuncoro, Pj Wali Kota ...", "Budi (Kepala ..."."""
    left_text = text[max(sent_start, pos_start - 160) : pos_start]
    link = _LEFT_LINK.search(left_text)
    if link is None:
        return None
    name_end = pos_start - len(left_text) + link.start()
    # the name must end right before the link (spaces allowed)
    while name_end > 0 and text[name_end - 1] in " \t":
        name_end -= 1
    span = names.bound_name_left(text, name_end, max(sent_start, name_end - 100))
    bracket = link.group().strip().startswith("(")
    if span is not None and (not bracket or follows == ")") and _plausible_left_name(text, span, sent_start, link.group().strip() == ","):
        return span
    return None


_COORDINATED_HEAD = regex.compile(r"[ \t]*(?:dan|atau|serta|&|/)[ \t]*(?=\p{L})")
_THEN = regex.compile(r"(?i:saat|kala|ketika|waktu|pada[ \t]+saat) itu")
_SPEECH_VERBS = frozenset(lexicon.words("speech_verbs"))


def _closes_single_name(toks: list[Tok], end: int) -> bool:
    """After ", Sahroni": the end of a quote or sentence, a speech verb or a relative clause
    ("..., Sahroni," kata ...", ", Sukarmis yang ..."), where a list of places would go on."""
    n = len(toks)
    if end >= n:
        return True
    tok = toks[end]
    if tok.text in ('"', "”", ")") or tok.text.lower() == "yang":
        return True
    after = toks[end + 1] if end + 1 < n else None
    if tok.text in (",", ".") and (after is None or after.text in ('"', "”") or after.text.lower() in _SPEECH_VERBS):
        return True
    # ", Nani Mulyani, mengatakan": a verb after the comma, not "dan" going on with a list
    return tok.text == "," and after is not None and after.is_word and after.text[0].islower() and after.text.lower() not in _NOT_VERBS
    return False


_NOT_VERBS = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "pada", "dengan", "dalam", "se"})
_RIGHT_LINKS = frozenset({"yakni", "yaitu", "ialah"})


def _right_link_end(toks: list[Tok], j: int) -> int:
    """Index after ", " / ", yakni " / " yaitu " that may introduce the holder's name, else 0."""
    n = len(toks)
    k = j
    if k < n and toks[k].text == ",":
        k += 1
        if k < n and toks[k].text.lower() in _RIGHT_LINKS:
            k += 1
        if k < n and toks[k].capitalised and _strong_at(toks, k):
            # "Kepala Balai ... Pekan Baru, Ditjen Perhubungan Provinsi Riau, Renhard ...": the
            # body the office belongs to stands between the position and the name
            parent = read_tail(toks, k)
            if parent.public_body and parent.end_index + 1 < n and toks[parent.end_index].text == ",":
                return parent.end_index + 1
        return k if k < n else 0
    if k < n and toks[k].is_word and toks[k].text.lower() in _RIGHT_LINKS:
        return k + 1 if k + 1 < n else 0
    if k < n and toks[k].text.lower() == "yang":
        # "Mantan Gubernur Jatim yang turut hadir yakni Soekarwo"
        for m in range(k + 1, min(n - 1, k + 5)):
            if not toks[m].is_word or toks[m].text[0].isupper():
                break
            if toks[m].text.lower() in _RIGHT_LINKS:
                return m + 1
    return 0


def _coordination(article: Article, first: regex.Match, second: regex.Match, kind: str) -> list[Finding]:
    text = article.text
    sent_end = article.sentence_span(second.start())[1]
    toks = [Tok(second.group("head"), second.start("head"), second.end("head"), "word", True)]
    toks += tokenize(text, second.end(), min(max(sent_end, second.end()), second.end() + 240))
    tail = read_tail(toks, 1)
    j = tail.end_index
    k = names._skip_titles(toks, j)
    end = names.name_run(toks, k)
    complement = text[toks[0].end : tail.position_end]
    first_position = text[first.start() : first.end()] + complement
    second_position = text[second.start() : tail.position_end]
    first_span = second_span = None
    if end > k and end + 1 < len(toks) and toks[end].text == "dan" and _plausible_name(toks[k:end]):
        k2 = names._skip_titles(toks, end + 1)
        end2 = names.name_run(toks, k2)
        if end2 > k2 and _plausible_name(toks[k2:end2]):
            first_span, second_span = (toks[k].start, toks[end - 1].end), (toks[k2].start, toks[end2 - 1].end)
    if first_span is None:
        # "Prabowo Subianto dan Gibran Rakabuming Raka resmi menjadi Presiden dan Wakil Presiden RI"
        sent_start = article.sentence_span(first.start())[0]
        link = _LEFT_PAIR_LINK.search(text, max(sent_start, first.start() - 40), first.start())
        if link is None:
            return []
        second_span = names.bound_name_left(text, link.start(), max(sent_start, link.start() - 60))
        if second_span is None:
            return []
        joint = _PAIR_JOINT.search(text, max(sent_start, second_span[0] - 8), second_span[0])
        first_span = joint and names.bound_name_left(text, joint.start(), max(sent_start, joint.start() - 60))
        if not first_span or not all(_plausible_left_name(text, span) for span in (first_span, second_span)):
            return []
    return [
        Finding(first_span, first_position, (first.start(), first.end()), _acting_value(first.group("acting")), "coordination"),
        Finding(second_span, second_position, (second.start(), tail.position_end),
                _acting_value(second.group("acting")), "coordination"),
    ]


_LEFT_PAIR_LINK = regex.compile(r"(?:[ \t]+\p{Ll}+){0,2}?[ \t]+(?:menjadi|sebagai|selaku|adalah)[ \t]+\Z")
_PAIR_JOINT = regex.compile(r"[ \t]+dan[ \t]+\Z")


def _after_named_org(toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]`` follows a word that an organisation's own name follows ("Universitas",
    "DPP", "Dewan Pengurus Pusat (DPP)")."""
    prev = k - 1
    if prev > 0 and toks[prev].text == ")":
        prev -= 1  # "(DPP)"
    return prev >= 0 and toks[prev].is_word and toks[prev].text.lower() in _NAMED_ORGS


def _org_name_end(toks: list[Tok], j: int) -> int:
    """After "Yayasan", "DPP" ...: the end of the organisation's own name when a comma and the
    person's name follow it ("DPP Gebu Minang, Oesman Sapta"); else 0."""
    n = len(toks)
    k = j
    while k < n and k < j + 8:
        if toks[k].text == "(":
            close = _bracket_end(toks, k)
            if close is None:
                return 0
            k = close + 1
        elif toks[k].capitalised and not names.is_rank(toks[k]) and not names.is_honorific(toks[k]) and toks[k].space_before:
            k += 1
        elif toks[k].text in ("-", "–") and k > j and k + 1 < n and toks[k + 1].capitalised:
            k += 1  # "Perhimpunan Hematologi - Onkologi Medik": a dash joins the name's parts
        else:
            break
    if k == j or k + 1 >= n or toks[k].text != ",":
        return 0
    start = names._skip_titles(toks, k + 1)
    end = names.name_run(toks, start)
    if end > start and (end - start >= 2 or start > k + 1 or _closes_single_name(toks, end)) and _plausible_name(toks[start:end]):
        return k
    return 0


def _plausible_name(toks: list[Tok]) -> bool:
    words = [t for t in toks if t.is_word]
    if not words:
        return False
    if all(len(t.text) == 1 for t in words):
        return False
    if toks[0].is_word and names.name_opener_at(toks, 0):
        return True  # "Anak Agung Gede Wiratama", "IGN Jaya Negara"
    joined = _norm(" ".join(t.text for t in words))
    lex = lexicons()
    if joined in lex.regions or joined in lex.bodies:
        return False
    if len(words) == 1 and (words[0].text.lower() in lex.org_words or _norm(words[0].text) in _head_words()):
        return False
    if words[0].text.lower() in lex.org_words and words[0].text.lower() not in names.given_names():
        return False
    if any(_word_class(t) == "body" for t in words):
        return False
    if any((_phrase_at(words, k) or ("",))[0] == "body" for k in range(len(words))):
        return False  # "Komisioner Lembaga Penjamin Simpanan"
    last = _norm(words[-1].text)
    last_two = _norm(" ".join(t.text for t in words[-2:]))
    given_before = any(t.text.lower() in names.given_names() for t in words[:-1])
    if len(words) > 1 and (last in lex.regions and last not in names.given_names() and not given_before
                           or len(words) > 2 and last_two in lex.regions):
        return False  # "Pekerja Migran Indonesia", "KPP Pratama Klaten"; not "Willy Indra Yunani"
    if any(_word_class(t) == "morph" for t in words):
        return False  # "Analis Keuangan"
    office_words = sum(1 for t in words if t.text.lower() in lex.org_words and t.text.lower() not in names.given_names())
    return office_words * 2 < len(words)


def _plausible_left_name(text: str, span: tuple[int, int], sent_start: int = -1, comma: bool = False) -> bool:
    toks = tokenize(text, *span)
    if not _plausible_name(toks):
        return False
    if comma and len(toks) == 1 and not text[max(sent_start, 0) : span[0]].strip(" \t\"'“‘(-–—"):
        return False
    # "di Surabaya, Kepala ..." is a place
    before = text[max(0, span[0] - 12) : span[0]].split()
    if before and before[-1].lower() in ("di", "ke", "dari", "kota", "kabupaten", "provinsi", "daerah"):
        return False
    return not any(_word_class(t) in ("acronym", "body") or _phrase_at(toks, i) for i, t in enumerate(toks))


# -- assembling people ----------------------------------------------------------------------


_HEADLINE_MAX = 240  # characters


def _is_headline(article: Article, offset: int) -> bool:
    """A title-case line (headline, photo caption): names there run into the next words."""
    start, end = article.paragraph_span(offset)
    if end - start > _HEADLINE_MAX:
        return False  # headlines and captions are short; and a long paragraph is not re-read per name
    line = article.text[start:end].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4 or line.endswith((".", '"', "”")):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.75


@dataclass
class _Person:
    forms: list[tuple[str, int, int]] = field(default_factory=list)  # name text, start, end
    positions: list[tuple[str, int, int]] = field(default_factory=list)
    acting: str | None = None
    keys: set[tuple[str, ...]] = field(default_factory=set)
    aliases: set[tuple[str, ...]] = field(default_factory=set)
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    mention_starts: list[int] = field(default_factory=list)  # sorted starts of ``mentions``

    def add_form(self, text: str, start: int, end: int) -> None:
        self.forms.append((text, start, end))
        self.keys.add(_name_key(text))
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


def _fuller_form(article: Article, start: int, end: int) -> tuple[int, int]:
    """Widen a name occurrence over the name words around it ("Prabowo" -> "Prabowo Subianto")."""
    text = article.text
    toks = tokenize(text, start, min(len(text), end + 80))
    right = names.name_run(toks, 0)
    new_end = toks[right - 1].end if right > 0 else end
    new_end = max(new_end, end)
    before = tokenize(text, max(0, start - 60), start)
    i = len(before)
    sent_start = article.sentence_span(start)[0]
    lex = lexicons()
    while i > 0 and len(before) - i < 3:
        tok = before[i - 1]
        following = before[i] if i < len(before) else None
        if following is not None and not following.space_before:
            break
        gap = text[tok.end : following.start if following is not None else start]
        if "\n" in gap or "\r" in gap:
            break  # a name never runs across a line break
        if not names.is_name_word(tok) or tok.text.lower() in lex.org_words or _phrase_at(before, i - 1):
            break
        if _norm(tok.text) in _head_words() or names.is_honorific(tok):
            break
        # only a given name or an initial widens a name to the left ("M Ali Kuncoro"), and not
        # the last word of a place ("Sulawesi Tenggara Andi ...")
        known = len(tok.text) == 1 or tok.text.lower() in names.given_names() or tok.text.lower() in names.muhammad_forms()
        if not known and (tok.start <= sent_start or _norm(tok.text.split("-")[0]) in _head_word_parts()):
            break  # "juru Bicara Gibran": a word of a title written in mixed case
        if i >= 2 and before[i - 2].capitalised and not names.is_honorific(before[i - 2]):
            break
        i -= 1
    new_start = before[i].start if i < len(before) else start
    return new_start, new_end


# "kata Yuke", "ujar Budi Santoso", ", Yuke mendorong ...": who is speaking or acting
_SPEAKER = regex.compile(
    rf"(?:\b{lexicon.alternation(lexicon.words('speech_verbs'))}[ \t]+|(?:(?<![^\r\n])|[,.;:!?][ \t]+))"
    r"(?P<name>\p{Lu}[\p{L}'’]+(?:[ \t]+\p{Lu}[\p{L}'’]+){0,3})"
    r"(?=[ \t]*[,.]|[ \t]+(?:me\p{L}+|kepada|saat|ketika|di|dalam)\b)"
)  # (?<![^\r\n]): a line start, after a CR as after an LF (MULTILINE's ^ knows LF only)


def _last_speaker(article: Article, before: int, first_sentence: int) -> tuple[int, int] | None:
    """The span of the last plausible personal name speaking before ``before``, no further back
    than sentence ``first_sentence``."""
    text = article.text
    start = article.sentence_span(before)[0]
    for _ in range(3):
        if start <= 0 or article.sentence_index(start - 1) < first_sentence:
            break
        start = article.sentence_span(start - 1)[0]
    found = None
    for m in _SPEAKER.finditer(text, start, before, timeout=guards.remaining()):
        toks = tokenize(text, m.start("name"), m.end("name"))
        if all(names.is_name_word(t) for t in toks) and _plausible_name(toks) and not _phrase_at(toks, 0):
            found = (m.start("name"), m.end("name"))
    return found


def assemble(candidates: list[Candidate], article: Article) -> list[Official]:
    text = article.text
    people: list[_Person] = []
    corefs: list[Candidate] = []
    weak: list[Candidate] = []  # lone words after a bare place head, kept only for known people
    tentative: list[_Person] = []
    names_by_word: dict[str, list | None] = {}  # for _full_name_elsewhere

    def person_for(key: tuple[str, ...], at: int) -> _Person | None:
        matching = [p for p in people if p.matches(key)]
        if not matching:
            return None
        # the person mentioned last before this point
        return max(matching, key=lambda p: p.last_mention_before(at))

    for cand in sorted(candidates, key=lambda c: c.start):
        attrs = cand.attrs
        if attrs["kind"] in ("coref", "demonstrative"):
            corefs.append(cand)
            continue
        s, e = attrs["name_span"]
        key = _name_key(text[s:e])
        if not key:
            continue
        person = person_for(key, s)
        if person is None and attrs["kind"] == "weak" or attrs["kind"] == "spokesperson":
            weak.append(cand)
            continue
        if person is None:
            person = _Person()
            people.append(person)
        person.add_form(text[s:e], s, e)
        ps, pe = attrs["position_span"]
        person.add_position(attrs["position"], ps, pe, attrs.get("acting"))

    for cand in weak:
        s, e = cand.attrs["name_span"]
        person = person_for(_name_key(text[s:e]), s)
        if cand.attrs["kind"] == "spokesperson":
            # the spokesperson of an official holds a post; of a private person not
            fs, fe = cand.attrs["for_span"]
            if person_for(_name_key(text[fs:fe]), fs) is None:
                continue
            if person is None:
                person = _Person()
                people.append(person)
        if person is None and cand.attrs["kind"] == "weak" and e - s > 2 and cand.attrs["position"][0].isupper():
            # "Gubernur Sunarjo ... Ahmad Sunarjo mengatakan": the lone word is part of a name
            # the article writes in full elsewhere (a title in lower case stands before no name)
            full = _full_name_elsewhere(article, text[s:e], s, names_by_word)
            if full is not None:
                person = _Person()
                people.append(person)
                person.add_form(text[full[0] : full[1]], *full)
        if person is None and cand.attrs["kind"] == "weak":
            # "Gubernur Aher": kept only if it merges into a named person by a known alias
            person = _Person()
            tentative.append(person)
        if person is not None:
            person.add_form(text[s:e], s, e)
            person.add_position(cand.attrs["position"], *cand.attrs["position_span"], cand.attrs.get("acting"))
    _declared_aliases(article, people)
    # tentative people come last, so an alias merges them into an earlier, named person
    tentative_ids = {id(t) for t in tentative}
    people = [p for p in _merge_aliases(people + tentative) if id(p) not in tentative_ids]
    # fuller forms and further mentions of each name in the text
    for person in people:
        _collect_mentions(article, person, people)

    # "pria yang juga Sekretaris DPRD Jatim": the person talked about just before
    for cand in corefs:
        ps, pe = cand.attrs["position_span"]
        sentence = article.sentence_index(ps)
        best, best_at = None, -1
        for person in people:
            for s, _ in person.mentions:
                if s < ps and article.sentence_index(s) >= sentence - 3 and s > best_at:
                    best, best_at = person, s
        if cand.attrs["kind"] == "demonstrative":
            # the last speaker named before it may be nearer than any known official
            speaker = _last_speaker(article, ps, sentence - 3)
            if speaker is not None and speaker[0] > best_at:
                s, e = speaker
                key = _name_key(text[s:e])
                best = next((p for p in people if p.matches(key)), None)
                if best is None:
                    best = _Person()
                    people.append(best)
                best.add_form(text[s:e], s, e)
        if best is not None:
            best.add_position(cand.attrs["position"], ps, pe, cand.attrs.get("acting"))

    officials = []
    for person in sorted(people, key=lambda p: p.first):
        forms = sorted(person.forms, key=lambda f: (-len(_name_key(f[0])), f[1]))
        name = forms[0][0]
        variants = []
        for form, _, _ in sorted(person.forms, key=lambda f: f[1]):
            if form != name and form not in variants:
                variants.append(form)
        positions: list[str] = []
        seen: set[str] = set()
        for position, _, _ in sorted(person.positions, key=lambda p: p[1]):
            if _norm(position) not in seen:
                seen.add(_norm(position))
                positions.append(position)
        officials.append(
            Official(
                name=name,
                positions=positions,
                mentions=[Mention(text=t, **provenance(article, s, e)) for (s, e), t in sorted(person.mentions.items())],
                position_mentions=[
                    Mention(text=text[s:e], **provenance(article, s, e))
                    for s, e in sorted({(s, e) for _, s, e in person.positions})
                ],
                name_variants=variants,
                acting=person.acting,
            )
        )
    return officials


_NAME_WORD = r"\p{Lu}[\p{Ll}'’]+"
_GAP = regex.compile(r"[ \t]+")
_AREA_WORDS = r"\b(?:kecamatan|kelurahan|desa|kampung|dusun|provinsi|kabupaten|kota|negara|wilayah|daerah)"


def _full_name_elsewhere(article: Article, word: str, at: int, known: dict[str, list | None]) -> tuple[int, int] | None:
    """A plausible two-to-four word name holding ``word`` written elsewhere in the article (not
    the one at offset ``at``).

    ``known``: the names found so far for each word in this article: the text is scanned once
    per word, not once per mention (which took quadratic time on long texts).
    """
    if word not in known:
        known[word] = _names_holding(article, word)
    for start, end, span in known[word] or ():
        if not start <= at < end:
            return span
    return None


def _names_holding(article: Article, word: str) -> list[tuple[int, int, tuple[int, int]]] | None:
    """The first two plausible names holding ``word`` (the range matched, the name span), in
    text order; None when the article writes the word as a place. One of them at most holds any
    given offset (matches do not overlap), so two answer ``_full_name_elsewhere`` for any."""
    text = article.text
    area = rf"(?i:{_AREA_WORDS})[ \t]+{regex.escape(word)}(?![\p{{L}}])"
    if _used_as_place(text, word) or regex.search(area, text, timeout=guards.remaining()):
        return None  # "Kecamatan Purwodadi", "di Lisabon": the word names a place
    pattern = regex.compile(
        rf"(?<![\p{{L}}.])(?:{_NAME_WORD}[ \t]+){{0,3}}{regex.escape(word)}(?:[ \t]+{_NAME_WORD}){{0,3}}(?![\p{{L}}])"
    )
    found = []
    for m in pattern.finditer(text, timeout=guards.remaining()):
        if m.group() == word:
            continue
        span = m.span()
        sent_start = article.sentence_span(span[0])[0]
        if span[0] == sent_start and not m.group().startswith(word):
            # a sentence's first word is capitalised anyway ("Menurut Ahmad Sunarjo")
            span = (_GAP.search(text, span[0], span[1]).end(), span[1])
        if text[span[0] : span[1]] == word:
            continue
        if _plausible_left_name(text, span, sent_start) and not any(
            t.text.lower() in _head_word_parts() for t in tokenize(text, *span)
        ):
            found.append((m.start(), m.end(), span))
            if len(found) == 2:
                break
    return found


# "Immanuel Ebenezer atau Noel", "Ahmad Heryawan (Aher)", "Ali yang akrab disapa Mas Pj",
# "kata Soni sapaan karib Sumarsono"
_ALIAS_AFTER = regex.compile(
    r"[ \t]*(?:(?:atau|alias)[ \t]+|\([ \t]*(?=[^)]{1,30}\))|,?[ \t]*(?:yang[ \t]+)?(?:akrab|biasa)[ \t]+(?:di)?(?:sapa|panggil)(?:an)?[ \t]+)"
    r"(?P<alias>\p{Lu}[\p{L}'’]*(?:[ \t]+\p{Lu}[\p{L}'’]*)?)"
)
_ALIAS_BEFORE = regex.compile(r"(?P<alias>\p{Lu}[\p{L}'’]*)[ \t]+sapaan[ \t]+(?:akrab|karib)[ \t]+\Z")


def _declared_aliases(article: Article, people: list[_Person]) -> None:
    text = article.text
    for person in people:
        for form, s, e in list(person.forms):
            m = _ALIAS_AFTER.match(text, e)
            if m and not names.is_honorific(Tok(m.group("alias").split()[0], 0, 0, "word", True)) or m and " " in m.group("alias"):
                person.aliases.add(_name_key(m.group("alias")))
        if "sapaan" not in text:
            continue  # the pattern below is compiled per name: only where the cue word occurs
        surfaces = {form for form, _, _ in person.forms}
        for form in surfaces:
            for m in regex.finditer(r"sapaan[ \t]+(?:akrab|karib)[ \t]+" + regex.escape(form), text, timeout=guards.remaining()):
                before = _ALIAS_BEFORE.search(text, max(0, m.start() - 40), m.end() - len(form))
                if before:
                    person.aliases.add(_name_key(before.group("alias")))


def _merge_aliases(people: list[_Person]) -> list[_Person]:
    """One person for "Jokowi" and "Joko Widodo" when the article names both."""
    table = lexicons().aliases
    alias_forms = set(table.values())  # (``in`` on a dict's values view reads every value)

    def names_of(person: _Person) -> set[tuple[str, ...]]:
        return person.keys | person.aliases | {table[k] for k in person.keys if k in table}

    merged: list[_Person] = []
    merged_names: list[set[tuple[str, ...]]] = []  # names_of(merged[i]), renewed when someone joins it
    # people that a person without an alias of its own can merge into: those with an alias, or
    # a name the alias table leads to (indices into ``merged``, in order). Checking only these
    # keeps the merge linear on a long text with many names.
    alias_bearing: list[int] = []

    def bears_alias(index: int) -> bool:
        return bool(merged[index].aliases) or not merged_names[index].isdisjoint(alias_forms)

    for person in people:
        own = names_of(person)
        plain = not person.aliases and own.isdisjoint(alias_forms)
        for index in alias_bearing if plain else range(len(merged)):
            earlier = merged[index]
            theirs = merged_names[index]
            # (the set look-ups first: they rule out most pairs before the slower name comparison)
            if any((a in alias_forms or a in person.aliases or a in earlier.aliases or b in alias_forms) and names.same_person(a, b)
                   for a in own for b in theirs):
                for form in person.forms:
                    earlier.add_form(*form)
                earlier.positions.extend(person.positions)
                earlier.aliases |= person.aliases
                earlier.acting = earlier.acting or person.acting
                merged_names[index] = names_of(earlier)
                if bears_alias(index) and index not in alias_bearing:
                    bisect.insort(alias_bearing, index)
                break
        else:
            merged.append(person)
            merged_names.append(own)
            if bears_alias(len(merged) - 1):
                alias_bearing.append(len(merged) - 1)
    return merged


def _collect_mentions(article: Article, person: _Person, people: list[_Person]) -> None:
    """Add the fuller written forms and the short-name mentions of ``person``."""
    text = article.text
    others = [p for p in people if p is not person]
    surfaces = sorted({form for form, _, _ in person.forms}, key=len, reverse=True)
    for start, end in _occurrences(text, surfaces):
        if article.is_excluded(start, end) or _is_headline(article, start):
            continue
        s, e = _fuller_form(article, start, end)
        form = text[s:e]
        key = _name_key(form)
        if (s, e) != (start, end) and len(key) <= 5 and not any(o.matches(key) for o in others):
            person.add_form(form, s, e)
        else:
            person.add_mention(text[start:end], start, end)
    # short name: a single word of the name used alone ("Ali", "Tito")
    own = {w for key in person.keys for w in key if len(w) >= 3}
    shared = {w for o in others for key in o.keys for w in key}
    words = []
    for form, _, _ in person.forms:
        for word in regex.findall(r"\p{L}[\p{L}'’]+", form):
            if word.lower() in own and word.lower() not in shared and word not in words and word.lower() not in names.stopwords():
                words.append(word)
    known = merge_ranges(list(person.mentions))
    known_starts = [s for s, _ in known]
    for start, end in _occurrences(text, words):
        if article.is_excluded(start, end) or text[start - 1 : start] == ".":
            continue
        at = bisect.bisect_right(known_starts, start) - 1
        if at >= 0 and end <= known[at][1]:
            continue  # inside a mention already known
        person.add_mention(text[start:end], start, end)


def _occurrences(text: str, surfaces: list[str]):
    """Whole-word occurrences of each surface (longest first, no overlaps)."""
    found = []
    for surface in surfaces:
        guards.check()
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                found.append(Candidate(at, end, surface))
            at = text.find(surface, at + 1)
    return [(c.start, c.end) for c in resolve_overlaps(found)]  # longest first, no overlaps


register_field("officials", "OFFICIAL", assemble)


@register_recognizer
class PositionRecognizer(Recognizer):
    """Positions from the lexicon and the person each belongs to (see the module doc)."""

    field = "officials"
    name = "position"

    def __init__(self) -> None:
        head_pattern()
        lexicons()

    def find(self, article, doc):
        text = article.text
        names.use_pos_tags(doc)  # a tagger's POS, where the Doc has them, bound the names
        for finding in find_officials(article):
            if finding.name_span is not None and _is_headline(article, finding.name_span[0]):
                continue
            span = finding.name_span or finding.position_span
            yield Candidate(
                span[0],
                span[1],
                text[span[0] : span[1]] if finding.name_span else None,
                {
                    "name_span": finding.name_span,
                    "position": finding.position,
                    "position_span": finding.position_span,
                    "acting": finding.acting,
                    "kind": finding.kind,
                    "for_span": finding.for_span,
                },
            )
