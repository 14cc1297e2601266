"""Nouns that count persons, as a population count reads them after (or before) a number.

A person noun is read in four ways (``NOUN``, a regex string with the group ``noun``):

- listed (lang/id/population_counts/people_nouns.txt): "jiwa", "warga", "tenaga kerja", "wakil rakyat", "ASN";
- a role head with its complement (lang/id/population_counts/role_heads.txt): "kepala puskesmas",
  "anggota parlemen", "calon DPD", "tenaga pendidik"; the complement is any word that is not a
  function word (lang/id/population_counts/complement_stops.txt) or shaped like a verb (me-, ber-, ter-); a
  head with a complement that names no person is in lang/id/population_counts/non_people_phrases.txt ("tenaga
  listrik", "kepala sapi");
- by its shape, as Indonesian forms person nouns: an agentive pe(N)- noun without the -an
  suffix ("pembicara", "penonton", "pelamar", "penyerang", "pemandu"; the -an forms are
  abstract nouns or places: "pendapatan", "pembangunan", "penerbangan"), or a -wan/-wati noun
  in lower case ("relawan", "ilmuwan"; capitalised it is often a name: "Setiawan"). per- words
  are left to the list (persen, pertama, perak, periode are no persons). Words of that shape
  that name no person are listed in lang/id/population_counts/shaped_exclusions.txt (instruments "pemanas",
  causes "penyebab", bodies "pemerintah", "pemilu");
- large-only nouns (lang/id/population_counts/large_only_nouns.tsv): "11.942 pasukan", "2.257.900 sasaran"
  count persons, "dua pasukan" or "tiga sasaran" do not.

Any of them may follow "calon", "mantan", "eks" or "wakil" (lang/id/population_counts/person_prefixes.txt:
"5 calon jemaah", "57 mantan pegawai", "dua wakil ketua DPR"). A possessive -nya stays out of the
noun ("141.790 penduduknya" -> "penduduk"). ``accepts`` checks what the pattern cannot.
"""

from __future__ import annotations

import regex

from extractor import lexicon
from extractor.numbers import parse_number

_LISTED = lexicon.words("population_counts/people_nouns")
_LISTED_SET = frozenset(" ".join(noun.lower().split()) for noun in _LISTED)
_LARGE_ONLY = {noun.lower(): int(value) for noun, value in lexicon.table("population_counts/large_only_nouns").items()}
_EXCLUDED = frozenset(word.lower() for word in lexicon.words("population_counts/shaped_exclusions"))
_STOPS = lexicon.alternation(lexicon.words("population_counts/complement_stops"))

PREFIX = rf"(?:{lexicon.alternation(lexicon.words('population_counts/person_prefixes'))}[ \t]+)"
ROLE = (
    rf"(?P<role>{lexicon.alternation(lexicon.words('population_counts/role_heads'))}[ \t]+"
    # not a function word, not a verb (me-, ber-, ter-: "20 anggota melarikan diri")
    rf"(?!{_STOPS}(?:nya)?(?!\w)|(?:me|ber|ter)[a-z]{{3}})[^\W\d_][\w]*(?<!nya))"
)
# pe(N)- (not per-; a consonant after pe-, as in pembicara, pelamar, pesilat: not "people") or
# -wan/-wati, shortest before an optional -nya
SHAPED = r"(?P<shaped>pe(?!r)[b-df-hj-np-tv-z][a-z]{3,}?|[a-z]{4,}?wa(?:n|ti))(?=(?:nya)?(?!\w))"
LISTED = lexicon.alternation(tuple(_LISTED) + tuple(_LARGE_ONLY))
NOUN = rf"(?P<noun>(?i:{PREFIX}?(?:{ROLE}|{LISTED}|{SHAPED})))(?:nya)?(?!\w)"


def unit(match: regex.Match) -> str:
    """The noun as written, lower-cased, with single spaces."""
    return " ".join(match.group("noun").lower().split())


def accepts(match: regex.Match, value: float) -> bool:
    """Whether the noun a ``NOUN`` match found counts persons for this value (see the module doc)."""
    shaped = match.group("shaped")
    if shaped:
        word = shaped.lower()
        if word in _EXCLUDED or (word.startswith("pe") and word.endswith("an")):
            return False
        if not word.startswith("pe") and not shaped.islower():
            return False  # "Setiawan": a name
    smallest = _LARGE_ONLY.get(unit(match).split()[-1])
    return smallest is None or value >= smallest


def is_listed(noun: str) -> bool:
    return " ".join(noun.lower().split()) in _LISTED_SET


_ENGLISH_THOUSANDS = regex.compile(r"\d{1,3},\d{3}")


def count_value(amount: str) -> float:
    """The value of a count's number (``numbers.parse_number``), except that a single comma
    before exactly three digits, with no scale word, is an English thousands separator: a
    count of persons has no decimals ("16,500 orang" -> 16500; "1,5 juta" stays 1500000).
    ValueError when it is no number."""
    if _ENGLISH_THOUSANDS.fullmatch(amount.strip()):
        return float(amount.replace(",", ""))
    return parse_number(amount)
