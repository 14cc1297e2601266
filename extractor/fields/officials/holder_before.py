"""Officials: the holder named before the position.

"Budi, Kepala ...", "Budi (Kepala ...", "Budi selaku ...", "Budi terpilih menjadi ..." (a
link), "ungkap Ermayani Kepala Sekolah ..." (right before it, nothing between), a name alone on
the line above (a signature), and the subject of "... jabatannya sebagai".
"""

from __future__ import annotations

import regex

from extractor import lexicon, names
from extractor.article import Article
from extractor.names import Tok, tokenize
from extractor.fields.officials.heads import lexicons
from extractor.fields.officials.wordclass import is_acronym, phrase_at, word_class
from extractor.fields.officials.words import SPEECH_VERBS, holds_title, plausible_left_name, plausible_name

# "Ali, ", "Budi (", "Tito selaku ", "Adhy yang juga ", "Rizal sebagai "
_LEFT_LINK = regex.compile(
    rf"(?:,(?:[ \t]*(?i:{lexicon.alternation(lexicon.words('officials/left_links_after_comma'))}))?|\("
    rf"|(?i:\b(?:(?:resmi|kembali|telah|sudah|akhirnya|baru)[ \t]+)*{lexicon.alternation(lexicon.words('officials/left_links_appointed'))}"
    r"[ \t]+(?:menjadi|sebagai))"
    rf"|(?i:\b{lexicon.alternation(lexicon.words('officials/left_links'))}"
    rf"|,?[ \t]*\byang(?:[ \t]+{lexicon.alternation(lexicon.words('officials/left_links_after_yang'))})+))[ \t]*\Z"
)
_AGENT_WORDS = frozenset({"oleh", "kepada", "bersama", "didampingi"})
_QUOTES = "\"'“”‘’"


def left_name(text: str, pos_start: int, sent_start: int, follows: str, not_names: frozenset[int],
              degrees: bool = True) -> tuple[int, int] | None:
    """The name written before a position: "Ali Kuncoro, Pj Wali Kota ...", "Budi (Kepala ..."
    (``follows``: the token after the position; ``not_names``: see ``names.not_name_starts``)."""
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
    span = names.bound_name_left(text, name_end, max(sent_start, name_end - 100), not_names)
    if link.group().strip() == "," and (span is None or not plausible_left_name(text, span, not_names, sent_start, True)):
        span = _name_before_role(text, name_end, sent_start, not_names)
    bracket = link.group().strip().startswith("(")
    if span is not None and (not bracket or follows == ")") and plausible_left_name(text, span, not_names, sent_start, link.group().strip() == ","):
        return span
    return None


def signature_name(article: Article, pos_start: int, pos_end: int, not_names: frozenset[int]) -> tuple[int, int] | None:
    """A line holding a position alone, right under a line holding a name alone (titles and
    degrees allowed): the name on the line above ("Ilham Q. Moehiddin" / "Juru Bicara ...")."""
    text = article.text
    line_start, line_end = article.paragraph_span(pos_start)
    if text[line_start:pos_start].strip(" \t") or text[pos_end:line_end].strip(" \t.,;") or line_start == 0:
        return None
    above_start, above_end = article.paragraph_span(line_start - 1)
    if above_end > line_start or not text[above_end:line_start].strip() == "" or above_end - above_start > 80:
        return None
    toks = tokenize(text, above_start, above_end, not_names)
    k = 0
    while True:
        skipped = names.skip_degrees(toks, names.skip_titles(toks, k))
        if skipped == k:
            break
        k = skipped
    end = names.name_run(toks, k, titled=k > 0)
    rest = names.skip_degrees(toks, end)
    while rest < len(toks) and toks[rest].text in ",.":
        rest += 1
    titled = k > 0 or names.skip_degrees(toks, end) > end  # a lone name word only with a title or degree
    if end == k or end - k < 2 and not titled or rest < len(toks) or not plausible_name(toks[k:end]):
        return None
    return toks[k].start, toks[end - 1].end


def sentence_subject(text: str, sent_start: int, end: int, not_names: frozenset[int]) -> tuple[int, int] | None:
    """The name opening the sentence ("Khofifah Indar Parawansa telah purnatugas dari jabatannya
    sebagai ..."), titles skipped; None when the sentence does not open with a name."""
    if end - sent_start > 400:
        return None
    toks = tokenize(text, sent_start, end, not_names)
    k = 0
    while k < len(toks) and toks[k].text in _QUOTES + "(-–—":
        k += 1
    k = names.skip_titles(toks, k)
    stop = names.name_run(toks, k)
    if stop == k or stop >= len(toks) or not (toks[stop].is_word and toks[stop].text[0].islower() or toks[stop].text == ","):
        return None
    if k == 0 and stop - k < 2 and toks[k].text.lower() not in names.given_names():
        return None  # a lone capitalised word opening the sentence ("Civitas akademika ...")
    if any(t.capitalised and t.space_before and not is_acronym(t) and not phrase_at(toks, i)
           for i, t in enumerate(toks) if i >= stop):
        return None  # another name or body stands between: whose office it is, is not clear
    return (toks[k].start, toks[stop - 1].end) if plausible_left_name(text, (toks[k].start, toks[stop - 1].end), not_names) else None


def adjacent_left_name(text: str, pos_start: int, sent_start: int, not_names: frozenset[int]) -> tuple[int, int] | None:
    """A name right before a position with only a space between, where the clause starts at the
    name: after a speech verb ("ungkap Ermayani Kepala Sekolah ..."), a comma, a quote or the
    sentence start; a lone word only after a speech verb."""
    name_end = pos_start
    while name_end > sent_start and text[name_end - 1] in " \t":
        name_end -= 1
    if name_end == pos_start or name_end <= sent_start or not text[name_end - 1].isalpha():
        return None
    span = names.bound_name_left(text, name_end, max(sent_start, name_end - 100), not_names)
    if span is None:
        return None
    before = text[max(sent_start, span[0] - 30) : span[0]].rstrip(" \t")
    words = before.split()
    # after a verb of saying, or "oleh", "kepada", "bersama", "didampingi": the agent or partner
    speech = bool(words) and (words[-1].lower() in SPEECH_VERBS or words[-1].lower() in _AGENT_WORDS)
    opened = speech or not before.strip(_QUOTES + "(-–—") or before[-1] in "," + _QUOTES
    if not opened or not speech and len(tokenize(text, *span)) < 2:
        return None
    if holds_title(text, span):
        return None  # "Kasubag Publikasi Humas ...": office words, no name
    return span if plausible_left_name(text, span, not_names, sent_start) else None


def lone_body_after_name(text: str, toks: list[Tok], pos_start: int, sent_start: int, not_names: frozenset[int]) -> bool:
    """One unknown capitalised word after the head, then no more capitalised words, where a name
    stands right before the head ("... oleh Airin Rachmi Ketua Apeksi saat ...")."""
    if len(toks) < 2 or not toks[1].capitalised or word_class(toks[1]) or toks[1].text.lower() in names.given_names():
        return False
    if len(toks) > 2 and toks[2].capitalised and toks[2].space_before:
        return False
    return adjacent_left_name(text, pos_start, sent_start, not_names) is not None


def linked_left_name(text: str, pos_start: int, sent_start: int, not_names: frozenset[int]) -> bool:
    """Whether a name stands before the position with a link other than a bare comma ("Budi
    selaku ...", "Budi yang juga ...", "Budi (")."""
    left_text = text[max(sent_start, pos_start - 160) : pos_start]
    link = _LEFT_LINK.search(left_text)
    return link is not None and link.group().strip() not in (",", "(") and left_name(text, pos_start, sent_start, "", not_names) is not None


def _name_before_role(text: str, end: int, sent_start: int, not_names: frozenset[int]) -> tuple[int, int] | None:
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
    return names.bound_name_left(text, comma, max(sent_start, comma - 100), not_names)

