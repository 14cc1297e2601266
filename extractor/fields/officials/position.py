"""Officials: reading a position's place or body after its head.

``read_tail`` takes the known regions, bodies, short forms, office words, ordinals and numbered
units after a title ("Kepala Dinas Kesehatan Kabupaten Sleman", "Presiden RI ke-7", "Pangdam
IX/Udayana"), and unknown capitalised words only where a known body and then a name follow.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from extractor import lexicon, names
from extractor.names import Tok
from extractor.fields.officials.complement import (
    body_link_end,
    continues_complement,
    english_org_end,
    inner_list_end,
    lower_office_words_end,
    org_name_end,
    strong_ahead_then_name,
)
from extractor.fields.officials.heads import head_kind, head_pattern, head_starts
from extractor.fields.officials.wordclass import (
    AREA_NOUNS,
    NUMBERED_UNITS,
    QUALIFIERS,
    area_short_at,
    ordinal_at,
    phrase_at,
    province_at,
    region_kind,
    word_class,
)
from extractor.fields.officials.words import after_named_org, bracket_end, bracket_is_complement, is_short_form, unknown_area_name

_YEAR = regex.compile(r"(?:19|20)\d\d")
_ROMAN_NUMERAL = regex.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")
_ROMAN = regex.compile(r"[IVXL]+|[A-H]|\d{1,2}")
_LOWER_LINKS = frozenset(lexicon.words("officials/position_lower_links"))
_CONNECTORS = frozenset(lexicon.words("officials/position_connectors"))


@dataclass
class Tail:
    """What follows a head: the position's place/body tokens, then perhaps a name."""

    end_index: int  # index of the first token after the position
    position_end: int  # character offset where the position ends
    public_body: bool = False  # a state body / state-owned enterprise is named
    has_complement: bool = False
    strong: bool = False


def read_tail(toks: list[Tok], head_end_index: int) -> Tail:
    """Read the place/body of a position from ``toks[head_end_index]`` on.

    Known regions, bodies, acronyms and office words are taken; an unknown capitalised word is
    taken only when a known region/body/acronym follows it before the name ("Direktur Eksekutif
    Poltracking Indonesia Hanta Yuda"); the rest is left for the name.
    """
    return _TailReader(toks, head_end_index).read()


# what a step of ``_TailReader`` says: the position goes on after it, or ends; None: the step
# does not apply, the next one is tried
_GO_ON, _END = True, False


class _TailReader:
    """``read_tail``'s state: the index ``j`` read up to, the tail so far, the regions taken."""

    def __init__(self, toks: list[Tok], head_end_index: int) -> None:
        self.toks = toks
        self.n = len(toks)
        self.head_end = head_end_index
        self.j = head_end_index
        self.tail = Tail(head_end_index, toks[head_end_index - 1].end if head_end_index > 0 else 0)
        self.regions_taken = 0
        self.steps = (
            self._run_ends, self._area_short_form, self._numbered_command, self._bracket, self._org_own_name,
            self._region_or_body, self._known_word, self._numbered_unit, self._lower_office_words, self._linked_or_counted,
            self._after_comma, self._connector, self._unknown_capitalised,
        )

    def read(self) -> Tail:
        while self.j < self.n and self._goes_on():
            pass
        return self.tail

    def _goes_on(self) -> bool:
        for step in self.steps:
            outcome = step()
            if outcome is not None:
                return outcome
        return _END

    def take(self, count: int) -> None:
        self.j += count
        self.tail.end_index = self.j
        self.tail.position_end = self.toks[self.j - 1].end
        self.tail.has_complement = True

    def _run_ends(self) -> bool | None:
        toks, j = self.toks, self.j
        tok = toks[j]
        if j > self.head_end and not tok.space_before and tok.text not in ",)/(" and toks[j - 1].text not in "/(-":
            return _END
        if names.name_opener_at(toks, j):
            return _END  # "... Denpasar Anak Agung Gede Wiratama", "Wali Kota Denpasar IGN Jaya Negara"
        return None

    def _area_short_form(self) -> bool | None:
        toks, j, n = self.toks, self.j, self.n
        tok = toks[j]
        if tok.capitalised and j + 1 < n and area_short_at(toks, j + 1) and word_class(tok) is None:
            self.take(1)  # "Kepala Dinas Dikbud Prov. Sultra": an unknown office word before its area
        if area_short_at(toks, self.j):
            self.take(2)  # "Sekda Prov. Sultra", "Ketua KONI Kab. Konawe": the area's name follows
            if unknown_area_name(toks, self.j):
                self.take(1)
            return _GO_ON
        return None

    def _numbered_command(self) -> bool | None:
        toks, j, n, tail = self.toks, self.j, self.n, self.tail
        tok = toks[j]
        if j == self.head_end and tok.is_word and _ROMAN_NUMERAL.fullmatch(tok.text) and j + 1 < n and (
                toks[j + 1].capitalised or toks[j + 1].text in ("/", ",") and len(tok.text) > 1):
            self.take(1)  # "Kasubdit I Dittipidsiber", "Direktur II ..."
            return _GO_ON
        if tail.has_complement and tok.text == "/" and j + 1 < n and toks[j + 1].capitalised and (
                toks[j - 1].kind == "num" or _ROMAN_NUMERAL.fullmatch(toks[j - 1].text)):
            # "Pangdam IX/Udayana", "Danrem 042/Garuda Putih": a numbered command's own name, up to
            # the rank of its holder
            named = 2
            while j + named < n and named < 4 and toks[j + named].capitalised and not names.is_rank(toks[j + named]):
                named += 1
            self.take(named if j + named < n and names.skip_titles(toks, j + named) > j + named else 2)
            return _GO_ON
        return None

    def _bracket(self) -> bool | None:
        toks, j = self.toks, self.j
        if toks[j].text != "(":
            return None
        close = bracket_end(toks, j)
        if close is None:
            return _END
        inner = toks[j + 1 : close]
        if bracket_is_complement(inner) or self.tail.has_complement and is_short_form(inner, toks[:j]):
            if any(phrase_at(inner, k) == ("body", 1) for k in range(len(inner))):
                self.tail.public_body = True  # "(Persero)", "(Perseroda)"
            self.take(close + 1 - j)
            return _GO_ON
        return _END

    def _org_own_name(self) -> bool | None:
        toks, j = self.toks, self.j
        if toks[j].capitalised and after_named_org(toks, j):
            named_end = org_name_end(toks, j)
            if named_end:
                self.take(named_end - j)  # "Ketua Yayasan Rumah Solusi (RSHI) Pangandaran, Dede ..."
                return _GO_ON
        return None

    def _region_or_body(self) -> bool | None:
        toks, j, tail = self.toks, self.j, self.tail
        phrase = phrase_at(toks, j)
        if not phrase:
            return None
        kind, length = phrase
        if kind == "region":
            if self.regions_taken and not (
                toks[j - 1].is_word and toks[j - 1].text.lower() in ("provinsi", "kabupaten", "kota", "kab")
            ):
                return _END
            self.regions_taken += 1
        else:
            tail.public_body = True
        tail.strong = True
        self.take(length)
        if kind == "body" and toks[self.j - 1].text.lower() in AREA_NOUNS and self.j < self.n and unknown_area_name(toks, self.j):
            self.take(1)  # "Sekretaris Kelurahan Pulau Tidung": the area's own name
        return _GO_ON

    def _known_word(self) -> bool | None:
        toks, j, tail = self.toks, self.j, self.tail
        tok = toks[j]
        if tok.is_word and tok.text.lower() in names.given_names() and tok.text[0].isupper():
            if not strong_ahead_then_name(toks, j):
                return _END
        cls = word_class(tok)
        if cls == "body":
            tail.public_body = True
        if not cls:
            return None
        if cls != "org":
            tail.strong = True
        self.take(1)
        if tok.text.lower() in AREA_NOUNS and self.j < self.n and unknown_area_name(toks, self.j):
            self.take(1)  # "Kabupaten Sukamaju": a place regions.tsv does not know
        return _GO_ON

    def _numbered_unit(self) -> bool | None:
        toks, j, n, tail = self.toks, self.j, self.n, self.tail
        tok = toks[j]
        if tail.has_complement and tok.is_word and tok.text.lower() in NUMBERED_UNITS and j + 1 < n and _ROMAN.fullmatch(toks[j + 1].text):
            self.take(2)  # "... Wilayah Sungai IV Tipe A", "Kelas II"
            return _GO_ON
        if tail.has_complement or j == self.head_end:
            prev = toks[j - 1] if j > 0 else None
            if prev is not None and prev.is_word and prev.text.lower() in NUMBERED_UNITS and tok.is_word and _ROMAN.fullmatch(tok.text):
                self.take(1)
                return _GO_ON
            if tok.kind == "num" and prev is not None and prev.text.lower() in NUMBERED_UNITS:
                self.take(1)
                return _GO_ON
        return None

    def _lower_office_words(self) -> bool | None:
        toks, j = self.toks, self.j
        tok = toks[j]
        if (j == self.head_end and toks[0].text[:1].islower() and toks[0].text not in names.given_names()
                and tok.is_word and tok.text.islower()):
            lowered = lower_office_words_end(toks, j)
            if lowered:
                self.take(lowered - j)  # "menteri luar negeri Iran": office words in lower case, as the head
                return _GO_ON
        if tok.is_word and tok.text.lower() in QUALIFIERS:
            self.take(1)
            return _GO_ON
        return None

    def _linked_or_counted(self) -> bool | None:
        toks, j, n, tail = self.toks, self.j, self.n, self.tail
        tok = toks[j]
        linked = body_link_end(toks, j) if tail.has_complement else 0
        if linked:
            self.take(linked - j)  # "Duta Besar Indonesia untuk Arab Saudi", "Kabid Sandi pada Diskominfo"
            return _GO_ON
        ordinal = ordinal_at(toks, j)
        if ordinal:
            self.take(ordinal)  # "Presiden RI ke-7", "Gubernur Jatim ketujuh": which holder of the office
            return _GO_ON
        # "Periode 2019-2024", "Jatim 2009-2019": the term of office stays with the position
        if tail.has_complement and (tok.text.lower() == "periode" and j + 1 < n and toks[j + 1].kind == "num"
                                    or _YEAR.fullmatch(tok.text)):
            self.take(2 if tok.text.lower() == "periode" else 1)
            if self.j + 1 < n and toks[self.j].text in "-–" and _YEAR.fullmatch(toks[self.j + 1].text):
                self.take(2)
            return _GO_ON
        return None

    def _after_comma(self) -> bool | None:
        toks, j, n = self.toks, self.j, self.n
        if toks[j].text != ",":
            return None
        if self.regions_taken and j + 1 < n:
            province = province_at(toks, j + 1)
            if province and region_kind(toks, j - 1) in ("kabupaten", "kota"):
                self.take(1 + province)
                return _GO_ON
        if self.tail.has_complement:
            listed = inner_list_end(toks, j)
            if listed:
                self.j = listed  # "Pendidikan, Pemuda, dan Olahraga": a list inside the office name
                return _GO_ON
        return None

    def _connector(self) -> bool | None:
        toks, j, n, tail = self.toks, self.j, self.n, self.tail
        tok = toks[j]
        if tok.text in _CONNECTORS or tok.is_word and tok.text.lower() in _CONNECTORS:
            k = j + 1
            if tok.text == "," and k < n and toks[k].text.lower() in ("dan", "serta"):
                k += 1
            # (after a one-word head only where a body and a name follow: "Humas dan Protokoler
            # Basarnas Bandung, Joshua", not "Presiden dan Wakil Presiden")
            opens = tail.has_complement or j == self.head_end and tok.text in ("dan", "&") and (
                " " in toks[0].text or k < n and not head_starts(toks, k) and strong_ahead_then_name(toks, k))
            if k < n and opens and continues_complement(toks, k, after_comma=tok.text == ","):
                self.j = k
                return _GO_ON
            return _END
        if tok.is_word and tok.text.lower() in _LOWER_LINKS and j + 1 < n and tail.has_complement is False and j == self.head_end:
            if continues_complement(toks, j + 1):
                self.j += 1
                return _GO_ON
            return _END
        return None

    def _unknown_capitalised(self) -> bool | None:
        toks, j = self.toks, self.j
        tok = toks[j]
        if not (tok.is_word and tok.text[0].isupper()):
            return None
        org_end = english_org_end(toks, j)
        if org_end:
            self.take(org_end - j)  # "presiden Recording Academy Neil Portnow"
            return _GO_ON
        # an unknown word: office words we do not know ("Penkum", "Corporate") precede a
        # known body; a name does not
        ahead = strong_ahead_then_name(toks, j)
        if ahead:
            self.tail.strong = True
            if any(phrase_at(toks, k) and phrase_at(toks, k)[0] == "body" or word_class(toks[k]) == "body" for k in range(j, ahead)):
                self.tail.public_body = True
            self.take(ahead - j)
            return _GO_ON
        return None


def office_of_office(text: str, toks: list[Tok], tail: Tail, spokesperson: bool = False) -> Tail:
    """A head that needs a body followed by another office ("Sekjen Mendagri", "Staf Khusus
    Presiden", "Asisten Operasi Kapolri", "Juru Bicara Presiden Johan Budi"): that office is its
    body; read on after it. For a spokesperson, not where a second name follows the first after
    a comma ("Juru Bicara Presiden Jokowi, Johan Budi": the first is the president)."""
    at = tail.end_index
    if at >= len(toks) or not toks[at].capitalised or not toks[0].capitalised:
        return tail  # ("Kabinet ... pimpinan Presiden Prabowo": a common noun, no office)
    if names.skip_titles(toks, at) > at or toks[at].text.lower() in names.given_names():
        return tail  # "Inspektur Jenderal", "Sultan Bachtiar": a rank or a name
    second = head_pattern().match(text, toks[at].start)
    if second is None or second.group("mantan") or second.group("acting") or head_kind(second.group("head")) != "standalone":
        return tail
    after = at
    while after < len(toks) and toks[after].start < second.end():
        after += 1
    inner = read_tail(toks, after)
    if spokesperson:
        first = names.name_run(toks, names.skip_titles(toks, inner.end_index))
        if first < len(toks) - 1 and toks[first].text == "," and toks[first + 1].capitalised:
            return tail
    inner.has_complement = inner.strong = True
    inner.public_body = inner.public_body or tail.public_body
    return inner

