"""Officials: the parts of a position after its head that span several words.

A known body or place reached over office words the lexicon does not know ("Penkum Kejati
Sultra"), a list inside an office name ("Pendidikan, Pemuda, dan Olahraga"), a body joined by a
preposition ("Duta Besar Indonesia untuk Arab Saudi"), an organisation's own name ("DPP Gebu
Minang"), and whether a name follows such a part (which tells office words from a name).
"""

from __future__ import annotations

from extractor import lexicon, names
from extractor.names import Tok
from extractor.fields.officials.heads import head_pattern, head_starts, head_words, lexicons, norm
from extractor.fields.officials.wordclass import (
    AFFIXED,
    AREA_NOUNS,
    QUALIFIERS,
    area_short_at,
    is_acronym,
    phrase_at,
    word_class,
)
from extractor.fields.officials.words import (
    NOT_VERBS,
    bracket_end,
    bracket_is_complement,
    closes_single_name,
    plausible_name,
    unknown_area_name,
)

_BODY_LINKS = frozenset(lexicon.words("officials/position_body_links"))  # "untuk", "pada", "di"
_ORG_FINAL = frozenset(lexicon.words("officials/org_final_words"))  # "Academy", "School"


def strong_at(toks: list[Tok], j: int) -> int:
    """Length of a strong complement item at ``j`` (region, body, acronym, morph), else 0."""
    phrase = phrase_at(toks, j)
    if phrase:
        return phrase[1]
    if area_short_at(toks, j):
        return 3  # "Prov. Sultra"
    return 1 if word_class(toks[j]) in ("acronym", "morph", "body") else 0


def _name_follows(toks: list[Tok], j: int) -> bool:
    if j < len(toks) and toks[j].text == ",":
        # "Bareskrim Polri, Kombes Rizki ...", "Pemilu Nasional (BSPN) DPD PDIP Jatim, Hari
        # Yulianto menjelaskan": after a comma a titled name, or a full name closing the clause
        k = names.skip_titles(toks, j + 1)
        end = names.name_run(toks, k)
        if k > j + 1:
            return end > k
        closing = end + 1 == len(toks) or toks[end + 1].capitalised and toks[end + 1].space_before
        if end - k == 1 and end < len(toks) and toks[end].text == "." and closing and plausible_name(toks[k:end]):
            return True  # '..." Ketua Bapilu PSI, Sumardi.': a lone name closing the sentence
        verb = end < len(toks) and toks[end].is_word and toks[end].text[0].islower() and toks[end].text.lower() not in NOT_VERBS
        if end - k == 1 and (verb and toks[end].text.lower().startswith(("me", "ber", "di")) or toks[end:end + 1]
                             and toks[end].text == "," and closes_single_name(toks, end)) and plausible_name(toks[k:end]):
            return True  # "... (Basarnas) Bandung, Joshua mengatakan", "..., Christianto, dalam ...": a lone name
        return end - k >= 2 and (closes_single_name(toks, end) or verb) and plausible_name(toks[k:end])
    k = names.skip_titles(toks, j)
    return names.name_run(toks, k) > k


def body_link_end(toks: list[Tok], j: int) -> int:
    """At a preposition joining a body to the office ("untuk Arab Saudi", "pada Diskominfo Sultra",
    "dari Fraksi Partai Golkar", "di Jenewa"), the index after that body; else 0."""
    tok = toks[j]
    if not tok.is_word or tok.text.lower() not in _BODY_LINKS or not tok.text.islower():
        return 0
    k = j + 1
    if k < len(toks) and toks[k].is_word and toks[k].text.islower() and toks[k].text in lexicons().org_words_lower:
        k += 1  # "dari fraksi Partai Golkar"
    if k >= len(toks) or not toks[k].capitalised:
        return 0
    phrase = phrase_at(toks, k)
    if tok.text == "di":
        if phrase and phrase[0] == "region":
            return k + phrase[1]
        # "Dubes RI di Kairo Helmy Fauzi": one unknown place, then a full name (not "di Hotel ...")
        after = names.name_run(toks, k + 1) if k + 1 < len(toks) else k + 1
        plain = word_class(toks[k]) is None and toks[k].text.lower() not in names.given_names() and names.is_name_word(toks[k])
        return k + 1 if plain and 2 <= after - (k + 1) <= 3 and plausible_name(toks[k + 1 : after]) else 0
    if phrase:
        return k + phrase[1]
    if word_class(toks[k]) in ("acronym", "body"):
        return k + 1
    if toks[k].text.lower() in lexicons().org_words:
        end = k + 1  # "Fraksi Partai Golkar": office words up to a known body
        while end < len(toks) and toks[end].capitalised and toks[end].text.lower() in lexicons().org_words:
            end += 1
        if end < len(toks) and toks[end].capitalised and strong_at(toks, end):
            return end + strong_at(toks, end)
    return 0


def english_org_end(toks: list[Tok], j: int) -> int:
    """After capitalised words from ``j`` ("Recording Academy", "Harvard Kennedy School"), the
    index after the noun that closes an organisation's English name; else 0."""
    for k in range(j, min(len(toks), j + 5)):
        tok = toks[k]
        if not tok.capitalised or k > j and not tok.space_before or names.is_rank(tok) or names.is_honorific(tok):
            return 0
        if tok.text in _ORG_FINAL:
            return k + 1 if k > j else 0
    return 0


def _list_item(toks: list[Tok], k: int) -> bool:
    """A single capitalised office word inside a list ("Pemuda", "Ikan"), not a name or a head."""
    tok = toks[k]
    if not tok.capitalised or is_acronym(tok) or names.is_rank(tok) or names.is_honorific(tok):
        return False
    if head_starts(toks, k):
        return False  # "Presiden Jokowi dan Wali Kota Solo ...": a second position
    lower = tok.text.lower()
    if lower in names.given_names() or names.name_opener_at(toks, k) or norm(tok.text) in head_words():
        return False
    return not phrase_at(toks, k)


def _last_list_item(toks: list[Tok], k: int) -> bool:
    """The item closing a list inside an office name: an office word, or an office word that is a
    title too ("Data, Informasi, dan Humas")."""
    return _list_item(toks, k) or toks[k].capitalised and toks[k].text.lower() in lexicons().org_words


def inner_list_end(toks: list[Tok], k: int) -> int:
    """At a comma inside an office name, the index after its closing "dan"/"serta" when a list of
    single office words follows (", Pemuda, dan Olahraga", ", Ikan, dan Tumbuhan"); else 0."""
    n = len(toks)
    m = k
    items = 0
    while m < n and toks[m].text == "," and items < 6:
        m += 1
        if m < n and toks[m].text.lower() in ("dan", "serta"):
            m += 1
            return m if items and m < n and _last_list_item(toks, m) else 0
        if m + 1 < n and _list_item(toks, m):
            m += 1
            items += 1
            if toks[m].text.lower() in ("dan", "serta"):
                m += 1
                return m if m < n and _last_list_item(toks, m) else 0
            continue
        return 0
    return 0


def continues_complement(toks: list[Tok], k: int, after_comma: bool = False) -> bool:
    """Whether ``toks[k]`` goes on with a position after "dan", "," or "/" (not a new head or a name).

    After a comma only office words go on ("Bidang Politik, Hukum, dan Keamanan"); a new body
    after a comma starts a list ("Kementerian Keuangan, Kementerian ...")."""
    tok = toks[k]
    if after_comma:
        # ("Kelautan, dan Pertanian"; not "DKI, Hasudungan Sidabalok": a name goes on with a name)
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        name_next = nxt is not None and nxt.capitalised and nxt.space_before and word_class(nxt) is None and not phrase_at(toks, k + 1)
        loose = word_class(tok) == "morph" and not AFFIXED.fullmatch(tok.text)  # "Hasudungan", not "Pengendalian"
        return word_class(tok) in ("org", "morph") and not phrase_at(toks, k) and not (loose and name_next)
    if not tok.is_word or not tok.text[0].isupper():
        return False
    if head_pattern().match(tok.text) and norm(tok.text) in head_words():
        return False
    if tok.text.lower() in names.given_names():
        return False
    # "Direktur Pemasaran dan Niaga Pertamina Hanung Budya": an unknown office word before a body
    return bool(phrase_at(toks, k) or word_class(tok) or strong_ahead_then_name(toks, k))


def strong_ahead_then_name(toks: list[Tok], j: int) -> int:
    """When capitalised words from ``j`` reach a known body/region/acronym that a name follows,
    the index after it; else 0."""
    last_strong_end = _strong_run_end(toks, j)
    if last_strong_end and last_strong_end < len(toks) and _name_follows(toks, last_strong_end):
        return last_strong_end
    return 0


def body_ahead_then_end(toks: list[Tok], j: int) -> int:
    """For a position whose holder is named before it: when capitalised office words from ``j``
    reach a known body or place and the phrase ends there ("Kasubag Publikasi Humas Ditjen
    Pemasyarakatan Kemenkumham, dalam ..."), the index after it; else 0."""
    end = _strong_run_end(toks, j)
    if not end or end < len(toks) and toks[end].capitalised and toks[end].space_before:
        return 0
    if any(t.is_word and (t.text.lower() in names.given_names() or names.is_honorific(t)) for t in toks[j:end]):
        return 0
    return end


def _strong_run_end(toks: list[Tok], j: int) -> int:
    """The index after the last known body/region/acronym that capitalised words from ``j``
    reach (lists and brackets inside an office name included); 0 when none."""
    n = len(toks)
    k = j
    last_strong_end = 0
    while k < n and k < j + 12:
        tok = toks[k]
        if tok.text == "(":
            close = bracket_end(toks, k)
            if close is None:
                break
            inner = toks[k + 1 : close]
            k = close + 1
            if last_strong_end or bracket_is_complement(inner) and any(is_acronym(t) for t in inner):
                last_strong_end = k  # "Olahraga (Disdikpora) Denpasar"
            continue
        if tok.text == "," and k > j:
            listed = inner_list_end(toks, k)
            if not listed:
                break
            k = listed
            continue
        if tok.text in ("dan", "serta", "&") and k > j and k + 1 < n and _list_item(toks, k + 1):
            k += 1  # "Planologi Kehutanan dan Tata Lingkungan KLHK"
            continue
        if tok.is_word and tok.text in QUALIFIERS and last_strong_end == k:
            k += 1  # "BNN pusat", "DPRD demisioner"
            last_strong_end = k
            continue
        if not tok.is_word or not tok.text[0].isupper():
            break
        if names.is_rank(tok) or names.is_honorific(tok) or names.name_opener_at(toks, k):
            break
        length = strong_at(toks, k)
        if length:
            k += length
            if toks[k - 1].text.lower() in AREA_NOUNS and k < n and unknown_area_name(toks, k):
                k += 1  # "Kecamatan Dendang": the area's own name
            elif k < n and toks[k].text in ("Kabupaten", "Kota") and toks[k].space_before:
                k += 1  # "Polres Bogor Kabupaten": the kind of area after its name
            last_strong_end = k
            continue
        k += 1
    return last_strong_end


def org_name_end(toks: list[Tok], j: int) -> int:
    """After "Yayasan", "DPP" ...: the end of the organisation's own name when a comma and the
    person's name follow it ("DPP Gebu Minang, Oesman Sapta"); else 0."""
    n = len(toks)
    k = j
    while k < n and k < j + 8:
        if toks[k].text == "(":
            close = bracket_end(toks, k)
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
    start = names.skip_titles(toks, k + 1)
    end = names.name_run(toks, start)
    if end > start and (end - start >= 2 or start > k + 1 or closes_single_name(toks, end)) and plausible_name(toks[start:end]):
        return k
    return 0


def lower_office_words_end(toks: list[Tok], j: int) -> int:
    """After a title written in lower case, office words in lower case ("luar negeri", "dalam
    negeri") up to a known place or body: the index where they end; else 0."""
    org = lexicons().org_words_lower
    k = j
    while k < len(toks) and k < j + 5 and toks[k].is_word and toks[k].text.islower() and (toks[k].text in org or toks[k].text == "dan"):
        k += 1
    return k if k > j and k < len(toks) and toks[k].capitalised and strong_at(toks, k) else 0


def office_words_then_titled(toks: list[Tok], j: int) -> int:
    """At a comma inside an office name, office words in any case up to a titled name ("...,
    pembangunan daerah tertinggal dan Transmigrasi Dr. Halim"): the index where they end; else 0."""
    if j >= len(toks) or toks[j].text != ",":
        return 0
    org = lexicons().org_words
    k = j + 1
    words = 0
    while k < len(toks) and k < j + 12:
        tok = toks[k]
        if tok.is_word and tok.text.lower() in org and not (names.is_honorific(tok) or names.is_rank(tok)):
            words += 1
        elif tok.text not in (",", "dan", "serta", "&"):
            break
        k += 1
    if not words or k >= len(toks) or toks[k - 1].text in (",", "dan", "serta", "&"):
        return 0
    start = names.skip_titles(toks, k)
    return k if start > k and names.name_run(toks, start) > start else 0

