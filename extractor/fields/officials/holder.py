"""Officials: who holds a position read at a head (``find_holder``).

The readings are tried in turn, the first that finds a name wins: the name after the title,
in brackets, before the position, in a list, after a comma or "yakni"; then (not for a thing's
office: "rumah dinas Bupati") the name right before it, on the line above, the sentence's
subject, and a reference to the person talked about ("pria yang juga ...", "... itu").
"""

from __future__ import annotations

import regex

from extractor import lexicon
from extractor.fields.officials.complement import body_ahead_then_end
from extractor.fields.officials.finding import Finding, Found, Reading
from extractor.fields.officials.holder_after import (
    bracketed_name,
    listed_names,
    name_after_link,
    right_name_follows,
    title_then_name,
)
from extractor.fields.officials.holder_before import adjacent_left_name, left_name, sentence_subject, signature_name
from extractor.fields.officials.words import SPEECH_VERBS

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


def find_holder(r: Reading, recent: list[Finding]) -> Found | None:
    """The holder of the position ``r`` as findings, or None. ``recent``: the findings so far."""
    found = (title_then_name(r, recent) or bracketed_name(r) or _name_before(r, recent) or listed_names(r)
             or name_after_link(r))
    if found or r.owned:
        return found
    return (_name_right_before(r) or _signature(r) or _subject_of_own_office(r) or _person_talked_about(r)
            or _demonstrative(r))


def _name_before(r: Reading, recent: list[Finding]) -> Found | None:
    """The name stands before the position: "Ali Kuncoro, Pj Wali Kota ...", "Budi (Kepala ..."."""
    toks, j = r.toks, r.j
    follows = toks[j].text if j < len(toks) else ""
    # "Budi, S.T., Kepala Bidang X, Rina, S.T., ...": a list of people, each position after its
    # name's degrees going with the name that follows it
    list_goes_on = follows == "(" or follows == "," and j + 1 < len(toks) and (
        toks[j + 1].capitalised or toks[j + 1].text in ("dan", "serta") and j + 2 < len(toks) and toks[j + 2].capitalised)
    span = None if r.owned else left_name(r.text, r.pos_start, r.sent_start, follows, r.not_names, not list_goes_on)
    if span is not None and any(f.name_span == span for f in recent[-2:]) and right_name_follows(toks, j):
        span = None  # "Kepala Dinas A, Junaedi, Kepala Dinas B, Yudianto": pairs; the left name has its own
    if span is not None or r.tail.has_complement:
        wider = body_ahead_then_end(toks, j) if j < len(toks) and toks[j].capitalised else 0
        if wider:  # the holder is not named after the position: it may run on to its body
            r.close_at(wider)
    if span is not None:
        return [r.finding(span, "apposition")], r.tail.position_end
    return None


def _name_right_before(r: Reading) -> Found | None:
    """"Ungkap Ermayani Kepala Sekolah SMAN 15", ", Ridwan Badallah Kepala Dinas Kominfo Sultra
    menggelar ...": the name written right before the position, nothing between."""
    span = adjacent_left_name(r.text, r.pos_start, r.sent_start, r.not_names) if r.tail.has_complement else None
    if span is not None:
        return [r.finding(span, "apposition")], r.tail.position_end
    return None


def _signature(r: Reading) -> Found | None:
    """"Ilham Q. Moehiddin" on a line, "Juru Bicara Gubernur Sultra" on the next: a signature."""
    span = signature_name(r.article, r.pos_start, r.tail.position_end, r.not_names)
    if span is not None:
        return [r.finding(span, "apposition")], r.tail.position_end
    return None


def _subject_of_own_office(r: Reading) -> Found | None:
    """"Khofifah Indar Parawansa telah purnatugas dari jabatannya sebagai Gubernur ...": the
    sentence's subject."""
    own_office = _OWN_OFFICE.search(r.text, max(r.sent_start, r.pos_start - 40), r.pos_start)
    span = sentence_subject(r.text, r.sent_start, r.pos_start, r.not_names) if own_office else None
    if span is not None:
        return [r.finding(span, "apposition")], r.tail.position_end
    return None


def _person_talked_about(r: Reading) -> Found | None:
    """"pria yang juga Sekretaris DPRD Jatim", "Ia juga menjabat ...": a position without a name,
    given to the person talked about when the officials are assembled."""
    coref = _COREF_LINK.search(r.text, max(r.sent_start, r.pos_start - 60), r.pos_start)
    if coref is not None and _COREF_NEEDS.search(coref.group()):
        return [r.finding(None, "coref")], r.tail.position_end
    return None


def _demonstrative(r: Reading) -> Found | None:
    """"kata Ketua DPC PDIP Jaksel itu", "Eks Kepala Dewan Komisioner LPS itu pun ...": a
    position with a demonstrative points back at the person talked about."""
    toks, j = r.toks, r.j
    if j < len(toks) and toks[j].text.lower() in ("itu", "tersebut") and r.tail.has_complement:
        before = r.text[max(r.sent_start, r.pos_start - 14) : r.pos_start].split()
        # at the clause's start: the sentence's, after a verb of saying, "sang", "menurut" or a comma
        if not before or before[-1].lower() in SPEECH_VERBS or before[-1].lower() in ("sang", "menurut") or before[-1].endswith(","):
            return [r.finding(None, "demonstrative")], r.tail.position_end
    return None
