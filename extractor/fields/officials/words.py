"""Officials: whether words are a person's name, a place or an office's body.

Checks shared by the readers of positions and names: a plausible personal name, a name that
closes before a verb or a quote, a place the article writes after "di", a short form in brackets
that spells a body, a title standing inside a run of capitalised words.
"""

from __future__ import annotations

import functools

import regex

from extractor import guards, lexicon, names
from extractor.names import Tok, tokenize
from extractor.fields.officials.heads import head_pattern, head_starts, head_words, lexicons, norm
from extractor.fields.officials.wordclass import (
    AFFIXED,
    AREA_NOUNS,
    AREA_SHORT,
    area_short_at,
    is_acronym,
    is_acronym_text,
    phrase_at,
    region_kind,
    word_class,
)

SPEECH_VERBS = frozenset(lexicon.words("officials/speech_verbs"))
# words after a single name that do not close it as a verb would ("Hasrullah selaku Kepala ...":
# the name has a position of its own)
NOT_VERBS = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "pada", "dengan", "dalam", "se",
                       "selaku", "sebagai"})
_SCENE_WORDS = frozenset({"di", "pada", "dalam", "saat", "ketika", "kepada", "usai", "seusai", "melalui"})
# bodies whose own name follows them ("Rektor Universitas Musamus"): one word after them is that name
_NAMED_ORGS = frozenset(w.lower() for w in lexicon.words("officials/named_org_words"))
_BEFORE_BRACKET = regex.compile(r"((?:\p{L}[\p{L}'’-]*[ \t]+){1,6})\([ \t]*\Z")
_PLACE_CUE = regex.compile(
    r"(?<![\p{L}])(?i:di|ke|dari|asal|warga|kota|kabupaten)[ \t]+(?P<first>\p{Lu}[\p{L}'’]*)(?:[ \t]+(?P<second>\p{Lu}[\p{L}'’]*))?"
)


@functools.cache
def _office_things() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("officials/office_things"))


def bracket_end(toks: list[Tok], j: int, limit: int = 8) -> int | None:
    """The index of the ")" closing the bracket at ``toks[j]`` within ``limit`` tokens, else None."""
    for k in range(j + 1, min(len(toks), j + limit)):
        if toks[k].text == ")":
            return k
        if toks[k].text == "(":
            return None
    return None


def bracket_is_complement(inner: list[Tok]) -> bool:
    """"(Sumut)", "(IPK)", "(Persero)", "(Wamenaker)", "(Pj)", "(TPID)", "(Plt)", "(Jatim)"."""
    words = [t for t in inner if t.is_word]
    if not words or len(inner) > 5:
        return False
    lex = lexicons()

    def known(k: int) -> bool:
        tok = inner[k]
        return (
            is_acronym(tok)
            or phrase_at(inner, k) is not None
            or norm(tok.text) in head_words()
            or tok.text.lower() in lex.org_words
            or tok.text.lower() in lex.acting_values
        )

    if all(known(k) or not t.is_word for k, t in enumerate(inner)):
        return True
    # "(Kabag Penum)", "(Kasi Pidsus)": the position's own short form, a head and its unit
    return len(words) <= 3 and norm(words[0].text) in head_words() and all(t.capitalised for t in words)


def after_non_person(text: str, start: int) -> bool:
    """"pengamat Budi Santoso, juru bicara ...": the left name is described as a non-official."""
    before = text[max(0, start - 30) : start].lower().split()
    return bool(before) and before[-1] in lexicons().non_official


def unknown_area_name(toks: list[Tok], j: int) -> bool:
    """``toks[j]``, right after an area noun, is a capitalised word naming the area: not a known
    region (read as one next), title, honorific or name opener."""
    tok = toks[j]
    return (tok.is_word and tok.space_before and tok.text[0].isupper() and not is_acronym(tok) and not area_short_at(toks, j)
            and phrase_at(toks, j) is None and not names.is_honorific(tok) and not names.is_rank(tok)
            and not names.name_opener_at(toks, j) and word_class(tok) is None)


def is_short_form(inner: list[Tok], before: list[Tok]) -> bool:
    """"(Disdikpora)", "(Menkeu)": one capitalised word in brackets right after office words is
    their short form when it starts like one of them."""
    if len(inner) != 1 or not inner[0].capitalised or len(inner[0].text) < 4:
        return False
    if inner[0].text.lower() in names.given_names():
        return False
    initial = inner[0].text[0]
    return any(w[0] == initial for t in before[-8:] if t.capitalised for w in t.text.split())


def preceded_by_non_official(text: str, start: int) -> bool:
    """"calon Wakil Presiden", "pengamat ...", "istri Bupati", "Kementerian Koordinator"."""
    before = text[max(0, start - 40) : start].lower().split()
    if not before:
        return False
    last = before[-1].strip("(\"'“")
    last_two = " ".join(before[-2:])
    lex = lexicons()
    return last in lex.non_official or last_two in lex.non_official or last in lex.blockers


def owned_by_thing(text: str, start: int) -> bool:
    """"Instruksi Presiden", "rumah dinas Wali Kota", "keputusan Wali Kota": the head names the
    office a thing belongs to; only a name written right after it holds that office."""
    before = text[max(0, start - 40) : start].lower().split()
    if not before:
        return False
    things = _office_things()
    return before[-1].strip("(\"'“") in things or len(before) >= 2 and before[-1] == "dinas" and before[-2] in things


def spells_preceding_phrase(text: str, m: regex.Match) -> bool:
    """Whether an acronym head stands in brackets as the initials of the words just before it."""
    head = m.group("head")
    if not (head.isupper() and head.isalpha()) or not text.startswith(")", m.end("head")):
        return False
    before = _BEFORE_BRACKET.search(text, max(0, m.start("head") - 80), m.start("head"))
    if before is None:
        return False
    initials = "".join(w[0] for w in before.group(1).split()).upper()
    return initials.endswith(head)


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


def written_after_di(text: str, word: str) -> bool:
    """Whether the article writes ``word`` right after "di" ("di Sukamaju"): a place, where
    "dari"/"ke" also come before people ("pesan dari Wihaji")."""
    return word in _place_words(text) and regex.search(rf"(?<![\p{{L}}])[Dd]i[ \t]+{regex.escape(word)}(?![\p{{L}}])", text) is not None


def used_as_place(text: str, word: str) -> bool:
    """Whether the article writes ``word`` as a place elsewhere ("tinggal di Verbania")."""
    return word in _place_words(text)


def plain_full_name(toks: list[Tok], k: int, end: int) -> bool:
    """Two to four name words with no office or role word among them, not running on into
    another capitalised word ("Hasudungan Sidabalok, bilang"; not "Akademisi Universitas ...")."""
    if not 2 <= end - k <= 4 or end < len(toks) and toks[end].capitalised and toks[end].space_before:
        return False
    lex = lexicons()
    return not any(t.text.lower() in lex.org_words or t.text.lower() in lex.non_official or norm(t.text) in head_words()
                   for t in toks[k:end])


def closes_single_name(toks: list[Tok], end: int) -> bool:
    """After ", Sahroni": the end of a quote or sentence, a speech verb or a relative clause
    ("..., Sahroni," kata ...", ", Sukarmis yang ..."), where a list of places would go on."""
    n = len(toks)
    if end >= n:
        return True
    tok = toks[end]
    if tok.text in ('"', "”", ")") or tok.text.lower() == "yang":
        return True
    after = toks[end + 1] if end + 1 < n else None
    if tok.text in (",", ".") and (after is None or after.text in ('"', "”") or after.text.lower() in SPEECH_VERBS):
        return True
    if tok.text == "." and after.capitalised and after.space_before:
        return True  # "..., Sumardi. Tak hanya itu": the sentence ends with the name
    if tok.text == "," and after.capitalised and head_starts(toks, end + 1):
        return True  # "Kepala Dinas Tata Ruang, Junaedi, Kepala Dinas ...": pairs of position and name
    # ", Nani Mulyani, mengatakan": a verb after the comma, not "dan" going on with a list; ", Ma'mun,
    # di Gedung ...": where or when it was said
    return (tok.text == "," and after is not None and after.is_word and after.text[0].islower()
            and (after.text.lower() not in NOT_VERBS or after.text.lower() in _SCENE_WORDS))


def after_named_org(toks: list[Tok], k: int) -> bool:
    """Whether ``toks[k]`` follows a word that an organisation's own name follows ("Universitas",
    "DPP", "Dewan Pengurus Pusat (DPP)")."""
    prev = k - 1
    if prev > 0 and toks[prev].text == ")":
        prev -= 1  # "(DPP)"
    if not (prev >= 0 and toks[prev].is_word and toks[prev].text.lower() in _NAMED_ORGS):
        return False
    # "Jakarta Pusat": the word closes a place's name, no organisation's
    return not (prev > 0 and toks[prev - 1].capitalised and region_kind(toks, prev))


def capitalised_run_end(toks: list[Tok], k: int) -> int:
    """The end of the capitalised words from ``k`` (no rank, honorific or break between)."""
    end = k
    while end < len(toks) and end < k + 8 and toks[end].capitalised and (end == k or toks[end].space_before):
        if names.is_rank(toks[end]) or names.is_honorific(toks[end]):
            break
        end += 1
    return end


def spelled_by_bracket(toks: list[Tok], k: int, end: int) -> bool:
    """"Polisi Pamong Praja (Satpol PP)": the words' initials run through the bracketed short
    form, which is longer than them: the words name a body. A person's initials in brackets
    ("Budi Santoso (BS)") are exactly the initials."""
    if end - k < 2 or end + 2 >= len(toks) or toks[end].text != "(":
        return False
    close = bracket_end(toks, end, 5)
    inner = [t.text for t in toks[end + 1 : close]] if close else []
    if not inner or not all(is_acronym_text(w) for w in inner if w[:1].isalpha()):
        return False
    letters = "".join(inner).lower()
    initials = "".join(t.text[0].lower() for t in toks[k:end] if t.is_word)
    if letters == initials:
        return False
    at = 0
    for char in initials:
        at = letters.find(char, at) + 1
        if at == 0:
            return False
    return True


def plausible_name(toks: list[Tok]) -> bool:
    """Whether the tokens can be a personal name: not a region, body, title or office words."""
    words = [t for t in toks if t.is_word]
    if not words:
        return False
    if all(len(t.text) == 1 for t in words):
        return False
    if toks[0].is_word and names.name_opener_at(toks, 0):
        return True  # "Anak Agung Gede Wiratama", "IGN Jaya Negara"
    joined = norm(" ".join(t.text for t in words))
    lex = lexicons()
    if joined in lex.regions or joined in lex.bodies:
        return False
    if len(words) == 1 and (words[0].text.lower() in lex.org_words or norm(words[0].text) in head_words()):
        return False
    if norm(words[0].text) in lex.standalone and words[0].text.lower() not in names.given_names() and not words[0].text[:1].islower():
        return False  # "Sekcam Bantargebang": a title and its place
    if words[0].text.lower() in lex.org_words and words[0].text.lower() not in names.given_names():
        return False
    if any(word_class(t) == "body" for t in words):
        return False
    if any((phrase_at(words, k) or ("",))[0] == "body" for k in range(len(words))):
        return False  # "Komisioner Lembaga Penjamin Simpanan"
    last = norm(words[-1].text)
    last_two = norm(" ".join(t.text for t in words[-2:]))
    given_before = any(t.text.lower() in names.given_names() for t in words[:-1])
    if len(words) > 1 and (last in lex.regions and last not in names.given_names() and not given_before
                           or len(words) > 2 and last_two in lex.regions):
        return False  # "Pekerja Migran Indonesia", "KPP Pratama Klaten"; not "Willy Indra Yunani"
    if any(word_class(t) == "morph" and AFFIXED.fullmatch(t.text) for t in words):
        return False  # "Analis Keuangan" (not "Hasudungan Sidabalok", "Siahaan": names end in -an too)
    office_words = sum(1 for t in words if t.text.lower() in lex.org_words and t.text.lower() not in names.given_names())
    return office_words * 2 < len(words)


def _office_word_before(before: list[Tok]) -> bool:
    """A lone word after a head or a joined office word is that office's body, not a name:
    "Ka. Dikbud, Ka. Kominfo", "Kepala Dinas Kependudukan & Capil, Kepala ..."."""
    if before and before[-1].text == "." and len(before) > 1 and not before[-1].space_before:
        before = before[:-1]  # "Ka."
    if not before or not before[-1].space_before and before[-1].text != "&":
        return False
    last = before[-1]
    if last.is_word and norm(last.text) in lexicons().with_body:
        return True
    joined = last.text == "&" or last.text.lower() in ("dan", "serta")
    return joined and len(before) > 1 and (last.text == "&" or word_class(before[-2]) is not None)


def holds_title(text: str, span: tuple[int, int]) -> bool:
    """Whether a title stands inside ``span``, other than a word that is also a given name
    ("Ratu Wulandari", "Raja Juli")."""
    return any(m.group("head").lower() not in names.given_names() for m in head_pattern().finditer(text, span[0], span[1]))


def plausible_left_name(text: str, span: tuple[int, int], not_names: frozenset[int], sent_start: int = -1,
                        comma: bool = False) -> bool:
    """A plausible name written before a position, not a place after "di" or a body or title
    (``not_names``: the article's words tagged as no name words, ``names.not_name_starts``)."""
    toks = tokenize(text, span[0], span[1], not_names)
    if not plausible_name(toks):
        return False
    if comma and len(toks) == 1 and not text[max(sent_start, 0) : span[0]].strip(" \t\"'“‘(-–—"):
        return False
    # "di Surabaya, Kepala ..." is a place
    before = text[max(0, span[0] - 12) : span[0]].split()
    if before and (before[-1].lower() in ("di", "ke", "dari", "daerah") or before[-1].lower() in AREA_NOUNS
                   or before[-1].endswith(".") and before[-1][:-1].lower() in AREA_SHORT):
        return False
    if len(toks) == 1 and _office_word_before(tokenize(text, max(0, span[0] - 40), span[0], not_names)):
        return False
    if holds_title(text, span):
        return False  # "Hadir Camat Sukajaya, Sekcam ...": a title and its place, no name
    return not any(word_class(t) in ("acronym", "body") or phrase_at(toks, i) for i, t in enumerate(toks))
