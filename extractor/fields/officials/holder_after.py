"""Officials: the holder named after the position.

Title and name ("Pj Wali Kota Mojokerto Moh. Ali Kuncoro", "Kapolres Metro Bekasi Kombes
Mustofa"), where the words after the title may still be the office's place or body ("Camat
Genteng Budi Santoso", "Ketua Yayasan Rumah Solusi Budi Santoso"); a title and a name in
brackets ("Pak Menko (Airlangga Hartarto)"); a name after a comma or "yakni" ("Wapres RI, KH
Ma'ruf Amin,"); a list of names after "seperti".
"""

from __future__ import annotations

import regex

from extractor import lexicon, names
from extractor.names import Tok
from extractor.fields.officials.complement import strong_at
from extractor.fields.officials.finding import Finding, Found, Reading
from extractor.fields.officials.heads import (
    head_starts,
    head_words,
    lower_cased_title,
    norm,
    place_heads,
    place_required_heads,
)
from extractor.fields.officials.holder_before import left_name, linked_left_name
from extractor.fields.officials.position import read_tail
from extractor.fields.officials.wordclass import NUMBERED_UNITS, led_groups, phrase_at, word_class
from extractor.fields.officials.words import (
    NOT_VERBS,
    after_named_org,
    bracket_end,
    capitalised_run_end,
    closes_single_name,
    plain_full_name,
    plausible_name,
    spelled_by_bracket,
    used_as_place,
    written_after_di,
)

_LIST_CUE = regex.compile(rf"(?i:{lexicon.alternation(lexicon.words('officials/list_cues'))})")
_RIGHT_LINKS = frozenset({"yakni", "yaitu", "ialah"})
_THEN = regex.compile(r"(?i:saat|kala|ketika|waktu|pada[ \t]+saat) itu")
_DAY_WORDS = frozenset(k.lower() for k in lexicon.table("dates/weekdays"))


def title_then_name(r: Reading, recent: list[Finding]) -> Found | None:
    """The name right after the position, titles skipped ("Kapolres Metro Bekasi Kombes Mustofa").
    The words after the title may still belong to the position (its place, its body's name):
    each step below moves the position's end and the name's start (``k``) past them.
    ``recent``: the findings so far."""
    toks = r.toks
    k = names.skip_titles(toks, r.j)
    if not (k < len(toks) and (k > r.j or toks[k].space_before)):
        return None
    end = names.name_run(toks, k, titled=k > r.j)
    k, end = _place_before_rank(r, k, end)
    if not r.tail.has_complement and norm(r.head) in place_heads():
        k = _place_before_name(r, k, end)
    named_org = after_named_org(toks, k)
    if named_org:
        k, end, named_org = _org_name_then_comma(r, k, end)
    if named_org:
        k, end, named_org = _org_name_runs_on(r, k, end)
    if named_org:
        k, end, named_org = _org_name_then_person(r, k, end, recent)
    k, end = _place_then_comma(r, k, end)
    return _name_found(r, k, end, named_org)


def _place_before_rank(r: Reading, k: int, end: int) -> tuple[int, int]:
    """"Kapolsek Cipondoh Kompol Budi", "Kanit Reskrim Polsek Cibeunying Iptu Budi": the run
    before a rank or honorific is the place or body."""
    toks = r.toks
    if end < len(toks) and end > k and not (toks[end - 1].is_word and toks[end - 1].text.lower() in names.given_names()):
        after = names.skip_titles(toks, end)
        split_rank = names.plain(f"{toks[end - 1].text} {toks[end].text}") in names.ranks()  # "Inspektur Jenderal"
        if after > end and names.name_run(toks, after, titled=True) > after and not split_rank:
            r.end_at(end)
            return after, names.name_run(toks, after, titled=True)
    return k, end


def _place_before_name(r: Reading, k: int, end: int) -> int:
    """After a head that names its place ("Camat Genteng Budi Santoso"): where the name starts."""
    toks = r.toks
    # "Camat Genteng Budi Santoso": an unknown place before a known given name
    for g in range(k + 1, end):
        opener = names.name_opener_at(toks, g)
        if opener or toks[g].text.lower() in names.given_names() and toks[k].text.lower() not in names.given_names():
            r.end_at(g)
            return g
    # "Kapolsek Torgamba Eduard Tobing": a head that always names its place takes
    # the first of three or more unknown words as that place
    if (end - k >= 3 and norm(r.head) in place_required_heads()
            and toks[k].text.lower() not in names.given_names() and not names.name_opener_at(toks, k)):
        # two words when the article writes them as a place ("di Pondok Bambu")
        words = 2 if end - k >= 4 and used_as_place(r.text, f"{toks[k].text} {toks[k + 1].text}") else 1
        r.end_at(k + words)
        return k + words
    if (norm(r.head) in place_required_heads() and k == r.j and end - k <= 3 and _position_list_goes_on(toks, end)
            and not any(t.text.lower() in names.given_names() for t in toks[k:end])):
        # "Lurah Sumur Batu, Lurah Cikiwul, Camat ...": a list of posts, each with its place
        r.end_at(end)
        return end
    return k


def _org_name_then_comma(r: Reading, k: int, end: int) -> tuple[int, int, bool]:
    """"Ketua Umum DPP Gebu Minang, Oesman Sapta": the run names the body, the person follows."""
    toks = r.toks
    if end > k and end + 1 < len(toks) and toks[end].text == ",":
        k2 = names.skip_titles(toks, end + 1)
        end2 = names.name_run(toks, k2)
        if end2 > k2 and (end2 - k2 >= 2 or k2 > end + 1 or closes_single_name(toks, end2)) and plausible_name(toks[k2:end2]):
            r.end_at(end)
            return k2, end2, False
    return k, end, True


def _org_name_runs_on(r: Reading, k: int, end: int) -> tuple[int, int, bool]:
    """"Ketua Kelompok Tani Sumber Makmur, ...": the body's name runs over words no name has
    ("Sumber"); the holder is named elsewhere."""
    toks = r.toks
    if end - k == 1 and capitalised_run_end(toks, k) > end:
        cap_end = capitalised_run_end(toks, k)
        if left_name(r.text, r.pos_start, r.sent_start, toks[cap_end].text if cap_end < len(toks) else "", r.not_names):
            r.close_at(cap_end)
            return cap_end, cap_end, False
    return k, end, True


def _org_name_then_person(r: Reading, k: int, end: int, recent: list[Finding]) -> tuple[int, int, bool]:
    """"Ketua Yayasan Rumah Solusi Budi Santoso", "Ketua Kelompok Tani Maju": the run names the
    body up to the person's name, or all of it."""
    toks = r.toks
    if end - k < 2:
        return k, end, True
    name_at = _org_run_name_start(toks, k, end)
    left = left_name(r.text, r.pos_start, r.sent_start, toks[end].text if end < len(toks) else "", r.not_names)
    # (not a name read after its own title: "Menkominfo Rudiantara, Ketua Umum PP ...")
    if left is not None and not any(f.name_span == left and f.kind == "title" for f in recent[-3:]):
        name_at = end
        r.j = end  # the holder is named before the position
    if name_at == end:
        r.j = end  # the run is all the body's name ("Kelompok Sadar Wisata"): the holder is elsewhere
    if name_at < end or r.j == end:
        r.end_at(name_at)
        return name_at, end, False
    return k, end, True


def _place_then_comma(r: Reading, k: int, end: int) -> tuple[int, int]:
    """"Kepala Dinas Kesehatan Sukamaju, dr. Rina Kusumawati": one unknown word before a titled
    name after a comma is the office's place, the titled name its holder (one or two after a head
    naming its place: "Sekretaris Kelurahan Pulau Tidung, H. Saudin"; "Kepala Desa Martopuro,
    Rianto mengatakan", "Dirjen Kantor PBB Jenewa, Michael Moller")."""
    toks, tail = r.toks, r.tail
    place_run = not tail.has_complement and norm(r.head) in place_heads() and k == r.j and end - k <= 2
    if not ((tail.has_complement and end - k == 1 or place_run) and end + 1 < len(toks) and toks[end].text == ","
            and not any(t.text.lower() in names.given_names() for t in toks[k:end])):
        return k, end
    k2 = names.skip_titles(toks, end + 1)
    end2 = names.name_run(toks, k2)
    verb = end2 < len(toks) and toks[end2].is_word and toks[end2].text[0].islower() and toks[end2].text.lower() not in NOT_VERBS
    # (an untitled name of two to four plain name words; "Ketua Setara Institute Hendardi,
    # Akademisi Universitas Indonesia Effendi Gazali" is two people)
    named = (k2 > end + 1 or plain_full_name(toks, k2, end2)
             or place_run and (closes_single_name(toks, end2) or verb))
    if named and end2 > k2 and plausible_name(toks[k2:end2]):
        r.end_at(end)
        return k2, end2
    return k, end


def _name_found(r: Reading, k: int, end: int, named_org: bool) -> Found | None:
    """The name ``toks[k:end]`` after the position, when it reads as one."""
    toks = r.toks
    org_name_follows = named_org and end - k == 1
    if end - k == 1 and end < len(toks) and toks[end].capitalised and toks[end].space_before and not names.is_degree(toks[end]):
        org_name_follows = True  # "Kepala Badan Saksi Pemilu ...": a lone word inside a longer body name
    if end - k == 1 and k == r.j and linked_left_name(r.text, r.pos_start, r.sent_start, r.not_names):
        # "San Afri Awang yang juga Juru Bicara Tim Ahli KLHS Kendeng mengatakan": the holder
        # is linked before the position; a lone word after it ends the body's name
        r.close_at(end)
        end = k
    if end > k and plausible_name(toks[k:end]) and not org_name_follows and not spelled_by_bracket(toks, k, end):
        span = (toks[k].start, toks[end - 1].end)
        return [r.finding(span, "weak" if _lone_word_is_weak(r, k, end) else "title")], span[1]
    return None


def _lone_word_is_weak(r: Reading, k: int, end: int) -> bool:
    """Whether the name after the position may rather be a place or a thing: kept only for a
    person the article names elsewhere."""
    toks, j = r.toks, r.j
    # "Wali Kota Verbania dalam kunjungan": one unknown word after a bare place head
    # may be the place; it only names someone the article names elsewhere
    # a title written in lower case ("jaksa agung Masyhad") is not standing before a name
    # by the spelling rules, so its lone word too may be a place
    lone_word = (not r.tail.has_complement and end - k == 1 and k == j
                 and (norm(r.head) in place_heads() or lower_cased_title(r.head))
                 and toks[k].text.lower() not in names.given_names())
    # "Wakil Gubernur Golestan mengatakan": a foreign place reads like a one-word name,
    # so a lone unknown word with no rank before it is a person only when the article
    # names them elsewhere ("Kapolsek Prambanan AKP Nyoto" keeps its rank)
    lone_place = lone_word
    # "Istana Presiden Cipanas": after a document or building only a known person counts
    # "Kepala SMAN 1 Sukorejo": after a numbered unit a lone word is rather its place
    after_number = (end - k == 1 and k == j and j > 2 and toks[j - 1].kind == "num"
                    and toks[j - 2].text.lower() in NUMBERED_UNITS)
    # "Kepala Dinas Kominfo Sukamaju memimpin ...": a lone word the article writes as a
    # place elsewhere ("di Sukamaju") is rather the office's place
    placed = end - k == 1 and k == j and written_after_di(r.text, toks[k].text)
    return lone_place or r.owned and end - k == 1 or after_number or r.royal_bare or placed


def bracketed_name(r: Reading) -> Found | None:
    """Title (name): "Pak Menko (Airlangga Hartarto)", "Pak Gubernur (BI Perry Warjiyo)"."""
    toks, j = r.toks, r.j
    if not (j < len(toks) and toks[j].text == "("):
        return None
    close = bracket_end(toks, j)
    if close is None:
        return None
    inner = toks[j + 1 : close]
    inner_tail = read_tail([toks[j]] + inner, 1) if inner else None
    start_index = (inner_tail.end_index - 1) if inner_tail else 0
    k = names.skip_titles(inner, start_index)
    end = names.name_run(inner, k)
    if end == len(inner) and end - k >= 2 and plausible_name(inner[k:end]):
        extra = " ".join(t.text for t in inner[:start_index])
        full_position = f"{r.position} {extra}" if extra else r.position
        span = (inner[k].start, inner[end - 1].end)
        return [r.finding(span, "bracket", full_position)], toks[close].end
    return None


def listed_names(r: Reading) -> Found | None:
    """"anggota DPD seperti Budi Santoso dan Rina Kusumawati": each name of the list."""
    if r.owned or not (r.tail.has_complement or r.kind == "standalone" and not lower_cased_title(r.head)):
        return None
    listed = _listed_holders(r.toks, r.j)
    if listed:
        return [r.finding(span, "title") for span in listed], listed[-1][1]
    return None


def name_after_link(r: Reading) -> Found | None:
    """"Wapres RI, KH Ma'ruf Amin,", "Gubernur DKI Jakarta, Sumarsono memberikan ...", "presiden
    terdahulu, yakni Joko Widodo": a name after a comma or "yakni"."""
    toks, j = r.toks, r.j
    then = j + 2 if j + 1 < len(toks) and _THEN.fullmatch(f"{toks[j].text} {toks[j + 1].text}") else j
    if then == j and j + 1 < len(toks) and toks[j].text.lower() in ("itu", "tersebut") and toks[j + 1].text == ",":
        then = j + 1  # "Mantan Wali Kota Solo itu, Gibran Rakabuming Raka, kini ..."
    link_end = _right_link_end(toks, then)  # "Bupati Kuantan Singingi saat itu, Sukarmis yang ..."
    if not link_end:
        return None
    k = names.skip_titles(toks, link_end)
    end = names.name_run(toks, k, titled=k > link_end)
    after = names.skip_degrees(toks, end)  # "Wali Kota Pekanbaru, Firdaus MT, ..."
    # (degrees closing with a period may close the sentence too: "..., Bapak Marnabas, M.Si. Ketua ...")
    closed = (after >= len(toks) or not toks[after].is_word or toks[after].text[0].islower()
              or after > end and toks[after - 1].text == "."
              or toks[after].text.lower() in _DAY_WORDS)  # "..., Harda Kiswaya Sabtu (12/10)"
    verb_after = after < len(toks) and toks[after].is_word and toks[after].text.lower() not in NOT_VERBS and toks[after].text[0].islower()
    single_ok = (k > link_end or after > end or verb_after or toks[link_end - 1].text != ","
                 or closes_single_name(toks, after))
    if end > k and (end - k >= 2 or single_ok) and closed and plausible_name(toks[k:end]):
        span = (toks[k].start, toks[end - 1].end)
        # "Rumah Dinas Bupati Agam, Lubuk Basung": after a building a place may follow;
        # a degree or a known given name marks a person
        sure = not r.owned or after > end or any(t.text.lower() in names.given_names() for t in toks[k:end])
        return [r.finding(span, "title" if sure else "weak")], span[1]
    return None


def _listed_holders(toks: list[Tok], j: int) -> list[tuple[int, int]]:
    """After a position, a cue ("seperti", "yakni") and two or more names joined by commas and
    "dan": the spans of those names; else none."""
    k = j + 1 if j < len(toks) and toks[j].text == "," else j
    cue = ""
    while k < len(toks) and toks[k].is_word and toks[k].text.islower() and len(cue.split()) < 2:
        cue = f"{cue} {toks[k].text}".strip()
        k += 1
        if _LIST_CUE.fullmatch(cue):
            break
    if not _LIST_CUE.fullmatch(cue):
        return []
    spans: list[tuple[int, int]] = []
    while k < len(toks) and len(spans) < 8:
        start = names.skip_titles(toks, k)
        end = names.name_run(toks, start, titled=start > k)
        if end == start or end - start < 2 and start == k or not plausible_name(toks[start:end]):
            break
        spans.append((toks[start].start, toks[end - 1].end))
        k = names.skip_degrees(toks, end)
        if k < len(toks) and toks[k].text == ",":
            k += 1
        if k < len(toks) and toks[k].text.lower() in ("dan", "serta"):
            k += 1
        elif k < len(toks) and toks[k - 1].text != ",":
            break
    return spans if len(spans) >= 2 else []


def lone_body_before_name(toks: list[Tok], j: int) -> bool:
    """One unknown capitalised word after a head, then a comma and a plain full name: the word
    names the body ("Wakil Ketua Umum Peradi, Hermansyah Dulaimi, di ...")."""
    if j + 2 >= len(toks) or not toks[j].capitalised or toks[j + 1].text != ",":
        return False
    tok = toks[j]
    if tok.text.lower() in names.given_names() or names.is_honorific(tok) or names.is_rank(tok) or norm(tok.text) in head_words():
        return False
    k = names.skip_titles(toks, j + 2)
    end = names.name_run(toks, k)
    return (k > j + 2 and end > k or plain_full_name(toks, k, end)) and plausible_name(toks[k:end])


def right_name_follows(toks: list[Tok], j: int) -> bool:
    """Whether ", Name" closing like a name follows the position at ``toks[j]``."""
    if j >= len(toks) or toks[j].text != ",":
        return False
    k = names.skip_titles(toks, j + 1)
    end = names.name_run(toks, k)
    return end > k and (end - k >= 2 or k > j + 1 or closes_single_name(toks, end)) and plausible_name(toks[k:end])


def _right_link_end(toks: list[Tok], j: int) -> int:
    """Index after ", " / ", yakni " / " yaitu " that may introduce the holder's name, else 0."""
    n = len(toks)
    k = j
    if k < n and toks[k].text == ",":
        k += 1
        if k < n and toks[k].text.lower() in _RIGHT_LINKS:
            k += 1
        if k < n and toks[k].capitalised and strong_at(toks, k):
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


def _position_list_goes_on(toks: list[Tok], end: int) -> bool:
    """Whether another position head follows ``toks[end]``, right away or after a comma or "dan"."""
    k = end
    if k < len(toks) and toks[k].text in (",", "dan", "serta", "&"):
        k += 1
    return k < len(toks) and toks[k].is_word and head_starts(toks, k)


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
        return end if k > 0 and toks[k - 1].text.lower() in led_groups() else k
    # "Amanat Nasional Amien Rais": after the last office word; else the last two words
    office = [p for p in range(k, end - 2) if word_class(toks[p]) or phrase_at(toks, p)]
    return office[-1] + 1 if office else end - 2

