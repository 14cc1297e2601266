"""Officials: finding the holder of a position away from the title.

The name before the position ("Budi, Kepala ...", "Budi selaku ...", "Budi terpilih menjadi
..."), right before it with nothing between, after a comma or "yakni", in a list after
"seperti", on the line above (a signature), as the subject of "jabatannya sebagai", and the
head of a body "yang dipimpin/diketuai" someone.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor import guards, names
from extractor.article import Article
from extractor.names import Tok, tokenize
from extractor.fields.officials.lexicon import (
    _AGENT_WORDS,
    _LED_BY,
    _LED_HEADS,
    _LEFT_LINK,
    _LEFT_PAIR_LINK,
    _LIST_CUE,
    _PAIR_JOINT,
    _QUOTES,
    _RIGHT_LINKS,
    _SPEECH_VERBS,
    _acting_value,
    _head_words,
    _is_acronym,
    _led_events,
    _led_groups,
    _norm,
    _phrase_at,
    _word_class,
    lexicons,
)
from extractor.fields.officials.tail import _strong_at, read_tail
from extractor.fields.officials.words import (
    _closes_single_name,
    _holds_title,
    _plain_full_name,
    _plausible_left_name,
    _plausible_name,
)


@dataclass
class Finding:
    name_span: tuple[int, int] | None
    position: str
    position_span: tuple[int, int]
    acting: str | None
    kind: str  # title, bracket, apposition, coref, coordination, weak, spokesperson
    for_span: tuple[int, int] | None = None  # a spokesperson's: the official spoken for


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
        if body and (body[0].text.lower() in _led_events() or body[0].text.lower() in _led_groups()):
            continue  # "Rapat Koordinasi yang dipimpin ...", "Tim ... yang dipimpin": no body
        if not body or not any(_word_class(t) or _phrase_at(body, k) for k, t in enumerate(body) if t.is_word):
            continue  # no organisation word: "Rapat ... yang dipimpin" is not a body
        if m.group("verb").lower() == "dipimpin" and not any(
            _word_class(t) in ("body", "morph", "org") or (_phrase_at(body, k) or ("",))[0] == "body"
            for k, t in enumerate(body) if t.is_word
        ):
            continue  # "Perusahaan asal Jepang yang dipimpin ...": a place or a bare short form is led
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
        if end - k >= 2 and _norm(toks[k].text) in lexicons().standalone:
            k += 1  # "Kerajaan Inggris yang dipimpin Ratu Elizabeth": a title, then the name
        if end - k < 1 or not _plausible_name(toks[k:end]) or end - k == 1 and k == 0 and not _closes_single_name(toks, end):
            continue
        body_text = text[body[0].start : body[-1].end]
        position = f"{_LED_HEADS[m.group('verb').lower()]} {body_text}"
        found.append(Finding((toks[k].start, toks[end - 1].end), position, (body[0].start, body[-1].end), None, "title"))
    return found


def _left_name(text: str, pos_start: int, sent_start: int, follows: str, degrees: bool = True) -> tuple[int, int] | None:
    """The name written before a position: "Ali Kuncoro, Pj Wali Kota ...", "Budi (Kepala ..."."""
    left_text = text[max(sent_start, pos_start - 160) : pos_start]
    link = _LEFT_LINK.search(left_text)
    if link is None:
        return None
    name_end = pos_start - len(left_text) + link.start()
    # the name must end right before the link (spaces allowed)
    while name_end > 0 and text[name_end - 1] in " \t":
        name_end -= 1
    # "Agnes Widiastuti, S.Si, ME selaku Kepala BPS": degrees between the name and the link (after
    # a bare comma only where no list of people goes on after the position)
    if degrees or link.group().strip() != ",":
        name_end = names.skip_degrees_left(text, name_end, max(sent_start, name_end - 40))
    span = names.bound_name_left(text, name_end, max(sent_start, name_end - 100))
    if link.group().strip() == "," and (span is None or not _plausible_left_name(text, span, sent_start, True)):
        span = _name_before_role(text, name_end, sent_start)
    bracket = link.group().strip().startswith("(")
    if span is not None and (not bracket or follows == ")") and _plausible_left_name(text, span, sent_start, link.group().strip() == ","):
        return span
    return None


def _office_words_then_titled(toks: list[Tok], j: int) -> int:
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
    start = names._skip_titles(toks, k)
    return k if start > k and names.name_run(toks, start) > start else 0


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
        start = names._skip_titles(toks, k)
        end = names.name_run(toks, start, titled=start > k)
        if end == start or end - start < 2 and start == k or not _plausible_name(toks[start:end]):
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


def _signature_name(article: Article, pos_start: int, pos_end: int) -> tuple[int, int] | None:
    """A line holding a position alone, right under a line holding a name alone (titles and
    degrees allowed): the name on the line above ("Ilham Q. Moehiddin" / "Juru Bicara ...")."""
    text = article.text
    line_start, line_end = article.paragraph_span(pos_start)
    if text[line_start:pos_start].strip(" \t") or text[pos_end:line_end].strip(" \t.,;") or line_start == 0:
        return None
    above_start, above_end = article.paragraph_span(line_start - 1)
    if above_end > line_start or not text[above_end:line_start].strip() == "" or above_end - above_start > 80:
        return None
    toks = tokenize(text, above_start, above_end)
    k = 0
    while True:
        skipped = names.skip_degrees(toks, names._skip_titles(toks, k))
        if skipped == k:
            break
        k = skipped
    end = names.name_run(toks, k, titled=k > 0)
    rest = names.skip_degrees(toks, end)
    while rest < len(toks) and toks[rest].text in ",.":
        rest += 1
    titled = k > 0 or names.skip_degrees(toks, end) > end  # a lone name word only with a title or degree
    if end == k or end - k < 2 and not titled or rest < len(toks) or not _plausible_name(toks[k:end]):
        return None
    return toks[k].start, toks[end - 1].end


def _sentence_subject(text: str, sent_start: int, end: int) -> tuple[int, int] | None:
    """The name opening the sentence ("Khofifah Indar Parawansa telah purnatugas dari jabatannya
    sebagai ..."), titles skipped; None when the sentence does not open with a name."""
    if end - sent_start > 400:
        return None
    toks = tokenize(text, sent_start, end)
    k = 0
    while k < len(toks) and toks[k].text in _QUOTES + "(-–—":
        k += 1
    k = names._skip_titles(toks, k)
    stop = names.name_run(toks, k)
    if stop == k or stop >= len(toks) or not (toks[stop].is_word and toks[stop].text[0].islower() or toks[stop].text == ","):
        return None
    if k == 0 and stop - k < 2 and toks[k].text.lower() not in names.given_names():
        return None  # a lone capitalised word opening the sentence ("Civitas akademika ...")
    if any(t.capitalised and t.space_before and not _is_acronym(t) and not _phrase_at(toks, i)
           for i, t in enumerate(toks) if i >= stop):
        return None  # another name or body stands between: whose office it is, is not clear
    return (toks[k].start, toks[stop - 1].end) if _plausible_left_name(text, (toks[k].start, toks[stop - 1].end)) else None


def _adjacent_left_name(text: str, pos_start: int, sent_start: int) -> tuple[int, int] | None:
    """A name right before a position with only a space between, where the clause starts at the
    name: after a speech verb ("ungkap Ermayani Kepala Sekolah ..."), a comma, a quote or the
    sentence start; a lone word only after a speech verb."""
    name_end = pos_start
    while name_end > sent_start and text[name_end - 1] in " \t":
        name_end -= 1
    if name_end == pos_start or name_end <= sent_start or not text[name_end - 1].isalpha():
        return None
    span = names.bound_name_left(text, name_end, max(sent_start, name_end - 100))
    if span is None:
        return None
    before = text[max(sent_start, span[0] - 30) : span[0]].rstrip(" \t")
    words = before.split()
    # after a verb of saying, or "oleh", "kepada", "bersama", "didampingi": the agent or partner
    speech = bool(words) and (words[-1].lower() in _SPEECH_VERBS or words[-1].lower() in _AGENT_WORDS)
    opened = speech or not before.strip(_QUOTES + "(-–—") or before[-1] in "," + _QUOTES
    if not opened or not speech and len(tokenize(text, *span)) < 2:
        return None
    if _holds_title(text, span):
        return None  # "Kasubag Publikasi Humas ...": office words, no name
    return span if _plausible_left_name(text, span, sent_start) else None


def _lone_body_before_name(toks: list[Tok], j: int) -> bool:
    """One unknown capitalised word after a head, then a comma and a plain full name: the word
    names the body ("Wakil Ketua Umum Peradi, Hermansyah Dulaimi, di ...")."""
    if j + 2 >= len(toks) or not toks[j].capitalised or toks[j + 1].text != ",":
        return False
    tok = toks[j]
    if tok.text.lower() in names.given_names() or names.is_honorific(tok) or names.is_rank(tok) or _norm(tok.text) in _head_words():
        return False
    k = names._skip_titles(toks, j + 2)
    end = names.name_run(toks, k)
    return (k > j + 2 and end > k or _plain_full_name(toks, k, end)) and _plausible_name(toks[k:end])


def _lone_body_after_name(text: str, toks: list[Tok], pos_start: int, sent_start: int) -> bool:
    """One unknown capitalised word after the head, then no more capitalised words, where a name
    stands right before the head ("... oleh Airin Rachmi Ketua Apeksi saat ...")."""
    if len(toks) < 2 or not toks[1].capitalised or _word_class(toks[1]) or toks[1].text.lower() in names.given_names():
        return False
    if len(toks) > 2 and toks[2].capitalised and toks[2].space_before:
        return False
    return _adjacent_left_name(text, pos_start, sent_start) is not None


def _right_name_follows(toks: list[Tok], j: int) -> bool:
    """Whether ", Name" closing like a name follows the position at ``toks[j]``."""
    if j >= len(toks) or toks[j].text != ",":
        return False
    k = names._skip_titles(toks, j + 1)
    end = names.name_run(toks, k)
    return end > k and (end - k >= 2 or k > j + 1 or _closes_single_name(toks, end)) and _plausible_name(toks[k:end])


def _linked_left_name(text: str, pos_start: int, sent_start: int) -> bool:
    """Whether a name stands before the position with a link other than a bare comma ("Budi
    selaku ...", "Budi yang juga ...", "Budi (")."""
    left_text = text[max(sent_start, pos_start - 160) : pos_start]
    link = _LEFT_LINK.search(left_text)
    return link is not None and link.group().strip() not in (",", "(") and _left_name(text, pos_start, sent_start, "") is not None


def _name_before_role(text: str, end: int, sent_start: int) -> tuple[int, int] | None:
    """"Ukay Karyadi, Pengamat Ekonomi dan Kebijakan Publik, Mantan Ketua KPPU": a name, a role
    that is no office (pengamat, dosen, ...), then the position; the name before the role."""
    comma = text.rfind(",", max(sent_start, end - 80), end)
    if comma <= sent_start:
        return None
    role = text[comma + 1 : end].split()
    if not role or role[0].lower() not in lexicons().non_official:
        return None
    if any(w[0].islower() and w not in ("dan", "&", "serta") for w in role[1:]):
        return None  # a clause, not a role
    return names.bound_name_left(text, comma, max(sent_start, comma - 100))


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
    # "... Prabowo Subianto dan Gibran Rakabuming Raka", "... Anies Baswedan - Sandiaga Uno"
    if end > k and end + 1 < len(toks) and toks[end].text in ("dan", "-", "–", "&") and _plausible_name(toks[k:end]):
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
