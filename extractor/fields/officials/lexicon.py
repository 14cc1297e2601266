"""Officials: the word lists and patterns every part of the recognizer reads.

Title heads and their spelling variants, the head pattern (a character trie of every title),
regions and bodies, the classes of single words inside a position (acronym, body, office word),
and the small cached word sets read from extractor/data. Everything here is built once per
process.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import regex

from extractor import lexicon, names
from extractor.names import Tok


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
    org_words_lower: frozenset[str]  # the same, for words written in lower case
    non_official: frozenset[str]
    acting_values: dict[str, str]
    blockers: frozenset[str]
    aliases: dict[tuple[str, ...], tuple[str, ...]]
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
def lexicons() -> _Lexicons:
    regions = {_norm(k): v for k, v in lexicon.table("places/regions").items()}
    bodies = frozenset(_norm(w) for w in lexicon.words("officials/public_bodies"))
    phrase_length: dict[str, int] = {}
    for phrase in list(regions) + list(bodies):
        words = phrase.split()
        phrase_length[words[0]] = max(phrase_length.get(words[0], 1), len(words))
    return _Lexicons(
        standalone=frozenset(_norm(w) for w in title_words("officials/office_titles") + compound_heads()),
        with_body=frozenset(_norm(w) for w in title_words("officials/office_heads_with_body")),
        company=frozenset(_norm(w) for w in title_words("officials/company_titles")),
        regions=regions,
        bodies=bodies,
        org_words=frozenset(w.lower() for w in lexicon.words("officials/organisation_words")),
        org_words_lower=frozenset(w.lower() for w in lexicon.words("officials/organisation_words")),
        non_official=frozenset(w.lower() for w in lexicon.words("officials/non_official_roles")),
        acting_values={k.lower(): v for k, v in lexicon.table("officials/acting_values").items()},
        blockers=frozenset(w.lower() for w in lexicon.words("officials/position_blockers")),
        aliases={_name_key(k): _name_key(v) for k, v in lexicon.table("officials/aliases").items()},
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


# "Ali, ", "Budi (", "Tito selaku ", "Adhy yang juga ", "Rizal sebagai "
_LEFT_LINK = regex.compile(
    rf"(?:,(?:[ \t]*(?i:{lexicon.alternation(lexicon.words('officials/left_links_after_comma'))}))?|\("
    rf"|(?i:\b(?:(?:resmi|kembali|telah|sudah|akhirnya|baru)[ \t]+)*{lexicon.alternation(lexicon.words('officials/left_links_appointed'))}"
    r"[ \t]+(?:menjadi|sebagai))"
    rf"|(?i:\b{lexicon.alternation(lexicon.words('officials/left_links'))}"
    rf"|,?[ \t]*\byang(?:[ \t]+{lexicon.alternation(lexicon.words('officials/left_links_after_yang'))})+))[ \t]*\Z"
)


# "pria yang juga ", "Ia juga menjabat sebagai ", "beliau merupakan "
_COREF_COPULAS = lexicon.words("officials/coref_copulas")


_COREF_LINK = regex.compile(
    rf"(?<![\p{{L}}])(?i:{lexicon.alternation(lexicon.words('officials/coref_subjects'))})"
    r"(?:[ \t]+\p{Lu}[\p{L}\-]*){0,2}"  # "politikus PDIP yang juga ...": the party or body of the noun
    r"(?:[ \t]+(?i:yang))?"
    rf"(?:[ \t]+(?i:{lexicon.alternation(lexicon.words('officials/coref_modifiers'))}))*"
    rf"(?:[ \t]+(?i:{lexicon.alternation(_COREF_COPULAS)}))?[ \t]+\Z"
)


_COREF_NEEDS = regex.compile(
    rf"(?i:\b{lexicon.alternation(lexicon.words('officials/coref_required'))}\b"
    rf"|{lexicon.alternation([copula.split()[0] for copula in _COREF_COPULAS])})"
)


# "purnatugas dari jabatannya sebagai ", "masa kerja terakhirnya sebagai ": the subject's office
_OWN_OFFICE = regex.compile(
    rf"(?<![\p{{L}}])(?i:{lexicon.alternation(lexicon.words('officials/coref_office_nouns'))})"
    r"(?:nya|[ \t]+\p{Ll}+nya)[ \t]+(?:sebagai|selaku)[ \t]+\Z"
)


_AFFIXED = regex.compile(r"(?:Ke|Pe|Per|Pem|Pen|Peng|Peny)\p{Ll}{3,}an")


_MORPH = regex.compile(r"(?:Ke|Pe|Per|Pem|Pen|Peng|Peny)\p{Ll}{3,}an|\p{Lu}\p{Ll}{3,}(?:ngan|aan|uan)")


# bodies whose own name follows them ("Rektor Universitas Musamus"): one word after them is that name
_NAMED_ORGS = frozenset(w.lower() for w in lexicon.words("officials/named_org_words"))


_QUALIFIERS = frozenset(lexicon.words("officials/position_qualifiers"))


_YEAR = regex.compile(r"(?:19|20)\d\d")


_ROMAN_NUMERAL = regex.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")


_ROMAN = regex.compile(r"[IVXL]+|[A-H]|\d{1,2}")


_LOWER_LINKS = frozenset(lexicon.words("officials/position_lower_links"))


_CONNECTORS = frozenset(lexicon.words("officials/position_connectors"))


_NUMBERED = frozenset(w.lower() for w in lexicon.words("officials/numbered_units"))


_AREA_NOUNS = frozenset(lexicon.words("officials/position_area_nouns"))


_AREA_SHORT = frozenset(lexicon.words("officials/area_abbreviations"))


_EVENT_ROLES = frozenset(lexicon.words("officials/position_after_blockers"))


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
    return tuple(w.lower() for w in lexicon.words("officials/body_prefixes"))


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


@functools.cache
def _nonprofit_words() -> frozenset[str]:
    return frozenset(lexicon.words("officials/nonprofit_words"))


@functools.cache
def _member_heads() -> frozenset[str]:
    return frozenset(_norm(w) for w in lexicon.words("officials/member_heads"))


@functools.cache
def _member_public_words() -> frozenset[str]:
    return frozenset(lexicon.words("officials/member_public_words"))


@functools.cache
def _place_heads() -> frozenset[str]:
    return frozenset(_norm(w) for w in title_words("officials/place_heads"))


@functools.cache
def _place_required_heads() -> frozenset[str]:
    return frozenset(_norm(w) for w in title_words("officials/place_required_heads"))


@functools.cache
def _person_attached_heads() -> frozenset[str]:
    return frozenset(_norm(w) for w in lexicon.words("officials/person_attached_heads"))


@functools.cache
def _head_word_parts() -> frozenset[str]:
    """Every word of every head ("juru", "bicara", "wali", "kota" ...)."""
    return frozenset(w for head in _head_words() for w in head.split())


@functools.cache
def _head_words() -> frozenset[str]:
    lex = lexicons()
    return lex.standalone | lex.with_body | lex.company


_BODY_LINKS = frozenset(lexicon.words("officials/position_body_links"))


@functools.cache
def _ordinal_words() -> frozenset[str]:
    """"kedua", "ketujuh", "kesepuluh": ke- and a number word."""
    words = {w for w in lexicon.table("numbers/words") if " " not in w and w not in ("nol", "satu")}
    return frozenset("ke" + w for w in words)


def _ordinal_at(toks: list[Tok], j: int) -> int:
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
        more = _ordinal_at(toks, k + 1)
        if more:
            return length + 1 + more
    return length


_ORG_FINAL = frozenset(lexicon.words("officials/org_final_words"))


def _area_short_at(toks: list[Tok], j: int) -> bool:
    """"Prov. Sultra", "Kab. Konawe": an area noun's short form, its period, then a capitalised word."""
    return (j + 2 < len(toks) and toks[j].is_word and toks[j].text.lower() in _AREA_SHORT
            and toks[j + 1].text == "." and not toks[j + 1].space_before and toks[j + 2].capitalised)


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


_BEFORE_BRACKET = regex.compile(r"((?:\p{L}[\p{L}'’-]*[ \t]+){1,6})\([ \t]*\Z")


def _lower_cased_title(head: str) -> bool:
    """"jaksa agung", "wakil duta besar": a title word in lower case; "ketua KPU" names its body."""
    words = head.split()
    return any(w[0].islower() for w in words) and not any(w.isupper() for w in words)


@functools.cache
def _office_things() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("officials/office_things"))


# "Organda Pekanbaru yang diketuai oleh Agus Sikumbang": the head of a body after a passive verb
_LED_BY = regex.compile(
    r"(?<=\S)[ \t]+(?:yang[ \t]+)?(?P<verb>diketu(?:a)?i|dikepalai|dipimpin)[ \t]+(?:langsung[ \t]+)?(?:oleh[ \t]+)?(?=\p{Lu})"
)


@functools.cache
def _led_groups() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("officials/led_group_nouns"))


_LED_HEADS = {"diketuai": "Ketua", "diketui": "Ketua", "dikepalai": "Kepala", "dipimpin": "Pemimpin"}


@functools.cache
def _led_events() -> frozenset[str]:
    return frozenset(lexicon.words("officials/led_event_nouns"))


_PLACE_CUE = regex.compile(
    r"(?<![\p{L}])(?i:di|ke|dari|asal|warga|kota|kabupaten)[ \t]+(?P<first>\p{Lu}[\p{L}'’]*)(?:[ \t]+(?P<second>\p{Lu}[\p{L}'’]*))?"
)


_LIST_CUE = regex.compile(rf"(?i:{lexicon.alternation(lexicon.words('officials/list_cues'))})")


_AGENT_WORDS = frozenset({"oleh", "kepada", "bersama", "didampingi"})


_QUOTES = "\"'“”‘’"


_COORDINATED_HEAD = regex.compile(r"[ \t]*(?:dan|atau|serta|&|/)[ \t]*(?=\p{L})")


_THEN = regex.compile(r"(?i:saat|kala|ketika|waktu|pada[ \t]+saat) itu")


_SPEECH_VERBS = frozenset(lexicon.words("officials/speech_verbs"))


# words after a single name that do not close it as a verb would ("Hasrullah selaku Kepala ...":
# the name has a position of its own)
_NOT_VERBS = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "pada", "dengan", "dalam", "se",
                        "selaku", "sebagai"})


_RIGHT_LINKS = frozenset({"yakni", "yaitu", "ialah"})


_DAY_WORDS = frozenset(k.lower() for k in lexicon.table("dates/weekdays"))


_SCENE_WORDS = frozenset({"di", "pada", "dalam", "saat", "ketika", "kepada", "usai", "seusai", "melalui"})


_LEFT_PAIR_LINK = regex.compile(r"(?:[ \t]+\p{Ll}+){0,2}?[ \t]+(?:menjadi|sebagai|selaku|adalah)[ \t]+\Z")


_PAIR_JOINT = regex.compile(r"[ \t]+dan[ \t]+\Z")


def _lower_word(tok: Tok) -> bool:
    return tok.text[:1].islower()


_HEADLINE_MAX = 240  # characters


# "kata Yuke", "ujar Budi Santoso", ", Yuke mendorong ...": who is speaking or acting
_SPEAKER = regex.compile(
    rf"(?:\b{lexicon.alternation(lexicon.words('officials/speech_verbs'))}[ \t]+|(?:(?<![^\r\n])|[,.;:!?][ \t]+))"
    r"(?P<name>\p{Lu}[\p{L}'’]+(?:[ \t]+\p{Lu}[\p{L}'’]+){0,3})"
    r"(?=[ \t]*[,.]|[ \t]+(?:me\p{L}+|kepada|saat|ketika|di|dalam)\b)"
)  # (?<![^\r\n]): a line start, after a CR as after an LF (MULTILINE's ^ knows LF only)


_NAME_WORD = r"\p{Lu}[\p{Ll}'’]+"


_GAP = regex.compile(r"[ \t]+")


_AREA_WORDS = r"\b(?:kecamatan|kelurahan|desa|kampung|dusun|provinsi|kabupaten|kota|negara|wilayah|daerah)"


# "Immanuel Ebenezer atau Noel", "Ahmad Heryawan (Aher)", "Ali yang akrab disapa Mas Pj",
# "kata Soni sapaan karib Sumarsono"
_ALIAS_AFTER = regex.compile(
    r"[ \t]*(?:(?:atau|alias)[ \t]+|\([ \t]*(?=[^)]{1,30}\))|,?[ \t]*(?:yang[ \t]+)?(?:akrab|biasa)[ \t]+(?:di)?(?:sapa|panggil)(?:an)?[ \t]+)"
    r"(?P<alias>\p{Lu}[\p{L}'’]*(?:[ \t]+\p{Lu}[\p{L}'’]*)?)"
)


_ALIAS_BEFORE = regex.compile(r"(?P<alias>\p{Lu}[\p{L}'’]*),?[ \t]+sapaan[ \t]+(?:(?:akrab|karib)[ \t]+)?\Z")
