"""Officials: reading a position's place or body after its head.

``read_tail`` takes the known regions, bodies, short forms, office words, ordinals and numbered
units after a title ("Kepala Dinas Kesehatan Kabupaten Sleman", "Presiden RI ke-7", "Pangdam
IX/Udayana"), and unknown capitalised words only where a known body and then a name follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor import names
from extractor.names import Tok
from extractor.fields.officials.lexicon import (
    _AFFIXED,
    _AREA_NOUNS,
    _BODY_LINKS,
    _CONNECTORS,
    _LOWER_LINKS,
    _NOT_VERBS,
    _NUMBERED,
    _ORG_FINAL,
    _QUALIFIERS,
    _ROMAN,
    _ROMAN_NUMERAL,
    _YEAR,
    _area_short_at,
    _head_kind,
    _head_starts,
    _head_words,
    _is_acronym,
    _led_groups,
    _norm,
    _ordinal_at,
    _phrase_at,
    _province_at,
    _region_kind,
    _word_class,
    head_pattern,
    lexicons,
)
from extractor.fields.officials.words import (
    _after_named_org,
    _bracket_end,
    _bracket_is_complement,
    _closes_single_name,
    _is_short_form,
    _plausible_name,
    _unknown_area_name,
)


@dataclass
class Tail:
    """What follows a head: the position's place/body tokens, then perhaps a name."""

    end_index: int  # index of the first token after the position
    position_end: int  # character offset where the position ends
    public_body: bool = False  # a state body / state-owned enterprise is named
    has_complement: bool = False
    strong: bool = False


def _strong_at(toks: list[Tok], j: int) -> int:
    """Length of a strong complement item at ``j`` (region, body, acronym, morph), else 0."""
    phrase = _phrase_at(toks, j)
    if phrase:
        return phrase[1]
    if _area_short_at(toks, j):
        return 3  # "Prov. Sultra"
    return 1 if _word_class(toks[j]) in ("acronym", "morph", "body") else 0


def _name_follows(toks: list[Tok], j: int) -> bool:
    if j < len(toks) and toks[j].text == ",":
        # "Bareskrim Polri, Kombes Rizki ...", "Pemilu Nasional (BSPN) DPD PDIP Jatim, Hari
        # Yulianto menjelaskan": after a comma a titled name, or a full name closing the clause
        k = names._skip_titles(toks, j + 1)
        end = names.name_run(toks, k)
        if k > j + 1:
            return end > k
        closing = end + 1 == len(toks) or toks[end + 1].capitalised and toks[end + 1].space_before
        if end - k == 1 and end < len(toks) and toks[end].text == "." and closing and _plausible_name(toks[k:end]):
            return True  # '..." Ketua Bapilu PSI, Sumardi.': a lone name closing the sentence
        verb = end < len(toks) and toks[end].is_word and toks[end].text[0].islower() and toks[end].text.lower() not in _NOT_VERBS
        if end - k == 1 and (verb and toks[end].text.lower().startswith(("me", "ber", "di")) or toks[end:end + 1]
                             and toks[end].text == "," and _closes_single_name(toks, end)) and _plausible_name(toks[k:end]):
            return True  # "... (Basarnas) Bandung, Joshua mengatakan", "..., Christianto, dalam ...": a lone name
        return end - k >= 2 and (_closes_single_name(toks, end) or verb) and _plausible_name(toks[k:end])
    k = names._skip_titles(toks, j)
    return names.name_run(toks, k) > k


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
        if tok.capitalised and j + 1 < n and _area_short_at(toks, j + 1) and _word_class(tok) is None:
            take(1)  # "Kepala Dinas Dikbud Prov. Sultra": an unknown office word before its area
        if _area_short_at(toks, j):
            take(2)  # "Sekda Prov. Sultra", "Ketua KONI Kab. Konawe": the area's name follows
            if _unknown_area_name(toks, j):
                take(1)
            continue
        if j == head_end_index and tok.is_word and _ROMAN_NUMERAL.fullmatch(tok.text) and j + 1 < n and (
                toks[j + 1].capitalised or toks[j + 1].text in ("/", ",") and len(tok.text) > 1):
            take(1)  # "Kasubdit I Dittipidsiber", "Direktur II ..."
            continue
        if tail.has_complement and tok.text == "/" and j + 1 < n and toks[j + 1].capitalised and (
                toks[j - 1].kind == "num" or _ROMAN_NUMERAL.fullmatch(toks[j - 1].text)):
            # "Pangdam IX/Udayana", "Danrem 042/Garuda Putih": a numbered command's own name, up to
            # the rank of its holder
            named = 2
            while j + named < n and named < 4 and toks[j + named].capitalised and not names.is_rank(toks[j + named]):
                named += 1
            take(named if j + named < n and names._skip_titles(toks, j + named) > j + named else 2)
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
            if kind == "body" and toks[j - 1].text.lower() in _AREA_NOUNS and j < n and _unknown_area_name(toks, j):
                take(1)  # "Sekretaris Kelurahan Pulau Tidung": the area's own name
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
        if (j == head_end_index and toks[0].text[:1].islower() and toks[0].text not in names.given_names()
                and tok.is_word and tok.text.islower()):
            lowered = _lower_office_words_end(toks, j)
            if lowered:
                take(lowered - j)  # "menteri luar negeri Iran": office words in lower case, as the head
                continue
        if tok.is_word and tok.text.lower() in _QUALIFIERS:
            take(1)
            continue
        linked = _body_link_end(toks, j) if tail.has_complement else 0
        if linked:
            take(linked - j)  # "Duta Besar Indonesia untuk Arab Saudi", "Kabid Sandi pada Diskominfo"
            continue
        ordinal = _ordinal_at(toks, j)
        if ordinal:
            take(ordinal)  # "Presiden RI ke-7", "Gubernur Jatim ketujuh": which holder of the office
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
            # (after a one-word head only where a body and a name follow: "Humas dan Protokoler
            # Basarnas Bandung, Joshua", not "Presiden dan Wakil Presiden")
            opens = tail.has_complement or j == head_end_index and tok.text in ("dan", "&") and (
                " " in toks[0].text or k < n and not _head_starts(toks, k) and _strong_ahead_then_name(toks, k))
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
            org_end = _english_org_end(toks, j)
            if org_end:
                take(org_end - j)  # "presiden Recording Academy Neil Portnow"
                continue
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


def _body_link_end(toks: list[Tok], j: int) -> int:
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
    phrase = _phrase_at(toks, k)
    if tok.text == "di":
        if phrase and phrase[0] == "region":
            return k + phrase[1]
        # "Dubes RI di Kairo Helmy Fauzi": one unknown place, then a full name (not "di Hotel ...")
        after = names.name_run(toks, k + 1) if k + 1 < len(toks) else k + 1
        plain = _word_class(toks[k]) is None and toks[k].text.lower() not in names.given_names() and names.is_name_word(toks[k])
        return k + 1 if plain and 2 <= after - (k + 1) <= 3 and _plausible_name(toks[k + 1 : after]) else 0
    if phrase:
        return k + phrase[1]
    if _word_class(toks[k]) in ("acronym", "body"):
        return k + 1
    if toks[k].text.lower() in lexicons().org_words:
        end = k + 1  # "Fraksi Partai Golkar": office words up to a known body
        while end < len(toks) and toks[end].capitalised and toks[end].text.lower() in lexicons().org_words:
            end += 1
        if end < len(toks) and toks[end].capitalised and _strong_at(toks, end):
            return end + _strong_at(toks, end)
    return 0


def _english_org_end(toks: list[Tok], j: int) -> int:
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
    if not tok.capitalised or _is_acronym(tok) or names.is_rank(tok) or names.is_honorific(tok):
        return False
    if _head_starts(toks, k):
        return False  # "Presiden Jokowi dan Wali Kota Solo ...": a second position
    lower = tok.text.lower()
    if lower in names.given_names() or names.name_opener_at(toks, k) or _norm(tok.text) in _head_words():
        return False
    return not _phrase_at(toks, k)


def _last_list_item(toks: list[Tok], k: int) -> bool:
    """The item closing a list inside an office name: an office word, or an office word that is a
    title too ("Data, Informasi, dan Humas")."""
    return _list_item(toks, k) or toks[k].capitalised and toks[k].text.lower() in lexicons().org_words


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


def _continues_complement(toks: list[Tok], k: int, after_comma: bool = False) -> bool:
    """Whether ``toks[k]`` goes on with a position after "dan", "," or "/" (not a new head or a name).

    After a comma only office words go on ("Bidang Politik, Hukum, dan Keamanan"); a new body
    after a comma starts a list ("Kementerian Keuangan, Kementerian ...")."""
    tok = toks[k]
    if after_comma:
        # ("Kelautan, dan Pertanian"; not "DKI, Hasudungan Sidabalok": a name goes on with a name)
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        name_next = nxt is not None and nxt.capitalised and nxt.space_before and _word_class(nxt) is None and not _phrase_at(toks, k + 1)
        loose = _word_class(tok) == "morph" and not _AFFIXED.fullmatch(tok.text)  # "Hasudungan", not "Pengendalian"
        return _word_class(tok) in ("org", "morph") and not _phrase_at(toks, k) and not (loose and name_next)
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
    last_strong_end = _strong_run_end(toks, j)
    if last_strong_end and last_strong_end < len(toks) and _name_follows(toks, last_strong_end):
        return last_strong_end
    return 0


def _body_ahead_then_end(toks: list[Tok], j: int) -> int:
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
        if tok.is_word and tok.text in _QUALIFIERS and last_strong_end == k:
            k += 1  # "BNN pusat", "DPRD demisioner"
            last_strong_end = k
            continue
        if not tok.is_word or not tok.text[0].isupper():
            break
        if names.is_rank(tok) or names.is_honorific(tok) or names.name_opener_at(toks, k):
            break
        length = _strong_at(toks, k)
        if length:
            k += length
            if toks[k - 1].text.lower() in _AREA_NOUNS and k < n and _unknown_area_name(toks, k):
                k += 1  # "Kecamatan Dendang": the area's own name
            elif k < n and toks[k].text in ("Kabupaten", "Kota") and toks[k].space_before:
                k += 1  # "Polres Bogor Kabupaten": the kind of area after its name
            last_strong_end = k
            continue
        k += 1
    return last_strong_end


def _office_of_office(text: str, toks: list[Tok], tail: Tail, spokesperson: bool = False) -> Tail:
    """A head that needs a body followed by another office ("Sekjen Mendagri", "Staf Khusus
    Presiden", "Asisten Operasi Kapolri", "Juru Bicara Presiden Johan Budi"): that office is its
    body; read on after it. For a spokesperson, not where a second name follows the first after
    a comma ("Juru Bicara Presiden Jokowi, Johan Budi": the first is the president)."""
    at = tail.end_index
    if at >= len(toks) or not toks[at].capitalised or not toks[0].capitalised:
        return tail  # ("Kabinet ... pimpinan Presiden Prabowo": a common noun, no office)
    if names._skip_titles(toks, at) > at or toks[at].text.lower() in names.given_names():
        return tail  # "Inspektur Jenderal", "Sultan Bachtiar": a rank or a name
    second = head_pattern().match(text, toks[at].start)
    if second is None or second.group("mantan") or second.group("acting") or _head_kind(second.group("head")) != "standalone":
        return tail
    after = at
    while after < len(toks) and toks[after].start < second.end():
        after += 1
    inner = read_tail(toks, after)
    if spokesperson:
        first = names.name_run(toks, names._skip_titles(toks, inner.end_index))
        if first < len(toks) - 1 and toks[first].text == "," and toks[first + 1].capitalised:
            return tail
    inner.has_complement = inner.strong = True
    inner.public_body = inner.public_body or tail.public_body
    return inner


def _position_list_goes_on(toks: list[Tok], end: int) -> bool:
    """Whether another position head follows ``toks[end]``, right away or after a comma or "dan"."""
    k = end
    if k < len(toks) and toks[k].text in (",", "dan", "serta", "&"):
        k += 1
    return k < len(toks) and toks[k].is_word and _head_starts(toks, k)


def _org_run_name_start(toks: list[Tok], k: int, end: int) -> int:
    """Where a person's name starts inside the capitalised run ``toks[k:end]`` after an
    organisation word: at a known given name ("Rumah Solusi Budi Santoso"), else after the
    organisation's words in a run of three or more ("Istiqlal Nasaruddin Umar"); ``k`` for two
    words (a name)."""
    for p in range(k + 1, end - 1):  # (a given name closing the run is a surname: "... Umar")
        if toks[p].text.lower() in names.given_names() or names.name_opener_at(toks, p):
            return p
    if end - k < 3:
        # a group's own name ("Kelompok Sadar Wisata", "Tim Percepatan ...") rather than a person
        return end if k > 0 and toks[k - 1].text.lower() in _led_groups() else k
    # "Amanat Nasional Amien Rais": after the last office word; else the last two words
    office = [p for p in range(k, end - 2) if _word_class(toks[p]) or _phrase_at(toks, p)]
    return office[-1] + 1 if office else end - 2


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


def _lower_office_words_end(toks: list[Tok], j: int) -> int:
    """After a title written in lower case, office words in lower case ("luar negeri", "dalam
    negeri") up to a known place or body: the index where they end; else 0."""
    org = lexicons().org_words_lower
    k = j
    while k < len(toks) and k < j + 5 and toks[k].is_word and toks[k].text.islower() and (toks[k].text in org or toks[k].text == "dan"):
        k += 1
    return k if k > j and k < len(toks) and toks[k].capitalised and _strong_at(toks, k) else 0
