"""Population counts: a number of people or households with a people noun (guidelines §3).

A count is a number (digits, digits + scale word, or spelled out) right before a noun that
counts persons (``count_nouns.NOUN``: listed, a role head with its complement, or shaped like
a person noun). ``unit`` is that noun as written, lower-cased; a possessive "-nya" stays out of
text and unit ("141.790 penduduknya" -> "141.790 penduduk"). One word may stand between the
number and the noun (lang/id/population_counts/between_words.txt: "31 juta lebih pemilih", "41 juta total
penduduk"); digits with -an are about so many ("60 jutaan orang" -> 60000000, "80-an orang");
the number spelled again in brackets stays inside the text ("1 (satu) orang"). Qualifiers (lebih dari, sekitar, hampir) stay
outside the text and do not change the value. A range ("500 hingga 600 orang",
"antara 8.000 dan 10.000 orang", "5-10 ribu warga") gives one count per end.

Not counts:
- vague plurals ("ribuan warga", "puluhan ribu orang") and "seorang"/"sebuah": no numeral;
- group units ("1 pleton", "2 kompi") and bodies: not people nouns;
- nouns that start a non-person phrase ("2 anak perusahaan": lang/id/population_counts/non_people_phrases.txt);
- rates, ordinals, identifiers, money and "salah satu" (a blocker word right before the
  number: "per 1.000 penduduk", "ke-3", "RT 05", "Rp 50.000": lang/id/population_counts/prefix_blockers.txt);
- a ratio's denominator ("tiga dari 10 orang", "tiga dari lima orang", "1 dari 4 anak": a
  power of ten, "orang", or one part; but "14 dari 26 anggota" names a real group, and
  "144.853 jiwa dari 141.790 penduduk", where the first number has its own noun, is two counts);
- per-person limits: a count of one followed by a limit word or another number, or after
  "1 X" ("satu orang boleh ...", "1 KK 1 tabung", "1 TPS 1 orang": lang/id/population_counts/limit_words.txt);
- a bare year ("pada 2024 warga ...": lang/id/population_counts/year_cues.txt and month names before it).

A subset or the rest of a group named by a people noun after it is a count: "396 orang
ditangkap, 65 di antaranya adalah remaja" -> 65 (unit "remaja"), "dua lainnya anak-anak"; with
no people noun after it ("11 sisanya dirawat") the number is not read.

The noun may also come first ("jumlah tahanan ... menjadi 8.000"): see
``noun_first``.

A collective ordinal before a people noun is a count: "ketiga korban" (the three victims) = 3,
"kedua pelaku" = 2; but not after a noun it orders ("hari kedua peserta ...", "anak ketiga
pelaku": lang/id/population_counts/ordinal_heads.txt), and "korban ketiga" (the third victim) has the
ordinal after the noun, so it is never read.
"""

from __future__ import annotations

import itertools

import regex

from extractor import guards, lexicon, scan
from extractor.article import Article
from extractor.numbers import (
    APPROX_SCALE,
    LONGEST_NUMBER,
    LONGEST_QUANTITY,
    NUMBER,
    SCALE,
    SPELLED,
    WORDS,
    parse_number,
    scale,
    spelled_value,
)
from extractor.fields.population_counts import nouns as count_nouns
from extractor.fields.base import Candidate, Recognizer, provenance, resolve_overlaps
from schemas import PopulationCountItem


def assemble(candidates: list[Candidate], article: Article) -> list[PopulationCountItem]:
    return [
        PopulationCountItem(
            text=article.text[c.start : c.end], value=c.value, unit=c.attrs["unit"], **provenance(article, c.start, c.end)
        )
        for c in resolve_overlaps(candidates)
    ]


NOUN = count_nouns.NOUN
# a word between the number and the noun ("31 juta lebih pemilih")
BETWEEN = rf"(?:[ \t]+(?i:{lexicon.alternation(lexicon.words('population_counts/between_words'))}))"
LINK = rf"(?i:{lexicon.alternation(lexicon.words('numbers/range_links'))})"
# a number starts a word; crawls glue it to a lower-case word before ("sudah ada150 orang")
START = r"(?:(?<![\w.,/])|(?<=(?<!\w)[a-z]{3,}))"

_NON_PEOPLE = regex.compile(rf"(?i:{lexicon.alternation(lexicon.words('population_counts/non_people_phrases'))})")
_BLOCKED_BEFORE = regex.compile(
    rf"(?<!\w)(?i:{lexicon.alternation(lexicon.words('population_counts/prefix_blockers'))})[ \t]*\Z"
)
# (numbers are matched whole, never backtracked into: see numbers.LONGEST_NUMBER; no pattern
# here takes [.,] and a digit after a number)
_RATIO_BEFORE = regex.compile(rf"(?<!(?i:salah)[ \t]+)(?<![\w.,])(?P<part>{LONGEST_QUANTITY})[ \t]+(?i:dari)[ \t]+\Z")
_LIMIT_AFTER = regex.compile(
    rf"[ \t]+(?:(?i:{lexicon.alternation(lexicon.words('population_counts/limit_words'))})(?!\w)"
    # a number not followed by a word character: its digits before a separator ("1" of "1.000x",
    # where a shorter number ends), or the whole number
    rf"|\d+(?=[.,]\d)|{LONGEST_QUANTITY}(?!\w))"
)
# "1 TPS 1 orang", "satu suara satu KK": one per one, an allotment rather than a count
_ONE_PER_ONE_BEFORE = regex.compile(r"(?<![\w.,])(?:1|(?i:satu))[ \t]+[\w-]+[ \t]+\Z")
_YEAR = regex.compile(r"(?:19|20)\d\d")
# a year cue word, a month name (crawls glue it to the word before: "padaSeptember 2014"),
# or another year ("2019 dan 2024")
_YEAR_BEFORE = regex.compile(
    rf"(?:(?<!\w)(?i:{lexicon.alternation(lexicon.words('population_counts/year_cues'))})"
    rf"|(?i:{lexicon.alternation(tuple(lexicon.table('dates/months')))})"
    rf"|(?<!\d)(?:19|20)\d\d[ \t]*(?:,|-|dan|atau|hingga|sampai)?)[ \t]*\Z"
)
# "di antaranya" / "di antara mereka" (the scan finds "antara"); the number before "di"
# "di antaranya" / "di antara mereka" (the scan finds "antara"), "lainnya" / "sisanya" (the rest);
# the number before them
_SUBSET = regex.compile(r"(?i:antara(?:nya|[ \t]+mereka)|(?P<rest>lainnya|sisanya))(?!\w)")
# the people noun after the phrase, after a copula ("65 di antaranya adalah remaja")
_SUBSET_NOUN = regex.compile(
    rf"(?:[ \t]+(?i:{lexicon.alternation(lexicon.words('population_counts/subset_copulas'))}))?[ \t]+{NOUN}"
)
_SUBSET_NUMBER = regex.compile(
    rf"(?r)(?:(?<![\w.,])(?P<amount>{NUMBER}(?:[ \t]*{SCALE})?)|(?<!-)(?P<amount>{SPELLED}))(?P<di>[ \t]+(?i:di))?[ \t]*\Z"
)
_CARDINAL_ONLY = frozenset(lexicon.words("population_counts/cardinal_only_nouns"))
_LOOK_BACK = 40  # characters of context read before a number
# (the patterns that read it end in "\Z": where the context ends, not also before a line break
# there as "$" would, so that a word on the line before blocks nothing)

# collective ordinals "kedua" .. "kesebelas": "ke" + a numeral word from two to eleven
_COLLECTIVE_NUMERALS = [w for w, (kind, v) in WORDS.items() if kind in ("unit", "whole") and 2 <= v <= 11]
_ORDINAL_HEAD_BEFORE = regex.compile(
    rf"(?<!\w)(?i:{lexicon.alternation(lexicon.words('population_counts/ordinal_heads'))})[ \t]+\Z"
)


def _is_ratio(part: regex.Match | None, value: int, unit: str) -> bool:
    """Whether "N dari M" is a proportion, M no count: M a power of ten ("tiga dari 10 orang",
    "9 dari 10 responden"), persons in general ("tiga dari lima orang"), or N one ("1 dari 4
    anak", "satu dari tujuh pria"; not "salah satu dari tiga wartawan"). "14 dari 26 anggota"
    names a real group."""
    if part is None:
        return False
    if unit.split()[:1] == ["orang"] or (value >= 10 and str(value).rstrip("0") == "1"):
        return True
    try:
        return parse_number(part.group("part")) == 1
    except ValueError:
        return False


def _blocked(text: str, start: int, number: str, value: int, noun_end: int, unit: str = "") -> bool:
    """Whether the number at ``start`` is no count of people (see the module doc)."""
    before = text[max(0, start - _LOOK_BACK) : start]
    if _BLOCKED_BEFORE.search(before) or _is_ratio(_RATIO_BEFORE.search(before), value, unit):
        return True
    if _YEAR.fullmatch(number) and _YEAR_BEFORE.search(before):
        return True
    if value != 1:
        return False
    return _LIMIT_AFTER.match(text, noun_end) is not None or _ONE_PER_ONE_BEFORE.search(before) is not None


_unit = count_nouns.unit


class CountRecognizer(Recognizer):
    """A number right before a people noun ("144.853 jiwa", "1,2 juta warga", "tiga menteri"),
    and the first end of a range before such a count ("500 hingga 600 orang" -> 500 and 600).

    A scale word written only on the second end carries over ("5-10 ribu warga" -> 5000); the
    range must rise, which keeps out a year before "hingga" and the like.
    """

    field = "population_counts"
    name = "count"
    # digits and spelled numbers scan separately: one alternation of both is twice as slow
    patterns = (
        regex.compile(
            rf"{START}(?P<amount>{LONGEST_NUMBER}(?:[ \t]*{SCALE}|[ \t]*{APPROX_SCALE}|-?(?i:an)(?!\w))?)"
            # the number spelled again in brackets, as official texts write it: "1 (satu) orang"
            rf"(?:[ \t]*\([ \t]*(?P<spelled>{SPELLED})[ \t]*\))?{BETWEEN}?[ \t]+{NOUN}"
        ),
        # SPELLED starts at a word start; not after a hyphen ("satu-satu pedagang": one by one)
        # (and its digits again in brackets: "lima (5) orang")
        regex.compile(
            rf"(?<!-)(?P<amount>{SPELLED})(?:[ \t]*\([ \t]*(?P<digits>{LONGEST_NUMBER})[ \t]*\))?{BETWEEN}?[ \t]+{NOUN}"
        ),
    )
    range_before = regex.compile(
        rf"{START}(?:(?P<low>{LONGEST_QUANTITY})[ \t]*{LINK}|(?i:antara)[ \t]+(?P<low>{LONGEST_QUANTITY})[ \t]+(?i:dan))[ \t]*\Z"
    )
    scaled = regex.compile(rf"{LONGEST_NUMBER}[ \t]*({SCALE})")
    bare = regex.compile(LONGEST_NUMBER)
    # a spelled number is tried only where a number word occurs (extractor.scan): a scan
    # with the case-insensitive pattern costs several times more
    spelled_cue = scan.Cue(WORDS, lower=True)
    subset_cue = scan.Cue(["antara", "antaranya", "lainnya", "sisanya"], lower=True)

    def find(self, article, doc):
        text = article.text
        digits, spelled = self.patterns
        for m in itertools.chain(
            digits.finditer(text, timeout=guards.remaining()), scan.cued_finditer(spelled, text, self.spelled_cue)
        ):
            if _NON_PEOPLE.match(text, m.start("noun")):
                continue
            try:
                value = count_nouns.count_value(m.group("amount"))
            except ValueError:
                continue
            if m.groupdict().get("spelled") and spelled_value(m.group("spelled")) != value:
                continue  # "5 (enam) orang": which one is meant is unknown
            if m.groupdict().get("digits") and count_nouns.count_value(m.group("digits")) != value:
                continue
            unit = _unit(m)
            if (unit in _CARDINAL_ONLY and value < 2) or not count_nouns.accepts(m, value):
                continue  # "satu tokoh": a figure, not a count
            if not _blocked(text, m.start(), m.group("amount"), int(round(value)), m.end("noun"), unit):
                yield Candidate(m.start(), m.end("noun"), int(round(value)), {"unit": unit}, recognizer=self.name)
            low = self._range_start(text, m, value)
            if low is not None:
                yield Candidate(low[0], low[1], low[2], {"unit": unit}, recognizer="count_range_start")
        yield from self._subsets(article)

    def _subsets(self, article):
        """ "N di antaranya", "N lainnya", "N sisanya" followed by a people noun: N of those
        persons ("396 orang ditangkap, 65 di antaranya adalah remaja" -> 65). With no people
        noun after it ("11 sisanya dirawat") the number is not read."""
        text = article.text
        for phrase in scan.cued_finditer(_SUBSET, text, self.subset_cue):
            m = _SUBSET_NUMBER.search(text, max(0, phrase.start() - _LOOK_BACK), phrase.start())
            if m is None or bool(m.group("di")) == bool(phrase.group("rest")):
                continue  # "di" before "antaranya", nothing between a number and "lainnya"
            noun = _SUBSET_NOUN.match(text, phrase.end())
            if noun is None or _NON_PEOPLE.match(text, noun.start("noun")):
                continue
            try:
                value = int(round(count_nouns.count_value(m.group("amount"))))
            except ValueError:
                continue
            if value > 0 and count_nouns.accepts(noun, value):
                yield Candidate(m.start("amount"), m.end("amount"), value, {"unit": _unit(noun)}, recognizer="count_subset")

    def _range_start(self, text, m, high):
        """(start, end, value) of a range's low end written before the count ``m``, or None."""
        r = self.range_before.search(text, max(0, m.start() - _LOOK_BACK), m.start())
        if not r:
            return None
        try:
            low = count_nouns.count_value(r.group("low"))
        except ValueError:
            return None
        scaled = self.scaled.fullmatch(m.group("amount"))
        if scaled and self.bare.fullmatch(r.group("low")):
            low *= scale(scaled.group(1))
        if not low < high or _blocked(text, r.start("low"), r.group("low"), int(low), m.end("noun")):
            return None
        return r.start("low"), r.end("low"), int(round(low))


class CollectiveOrdinalRecognizer(Recognizer):
    """A collective ordinal before a people noun: "Ketiga korban" -> 3, "keempat pelaku" -> 4."""

    field = "population_counts"
    name = "collective_ordinal"
    pattern = regex.compile(
        rf"(?<![\w-])(?i:ke)(?P<numeral>(?i:{lexicon.alternation(_COLLECTIVE_NUMERALS)}))[ \t]+{NOUN}"
    )
    cue = scan.Cue([f"ke{numeral}" for numeral in _COLLECTIVE_NUMERALS], lower=True)

    def find(self, article, doc):
        text = article.text
        for m in scan.cued_finditer(self.pattern, text, self.cue):
            if _NON_PEOPLE.match(text, m.start("noun")):
                continue
            if _ORDINAL_HEAD_BEFORE.search(text, max(0, m.start() - 25), m.start()):
                continue  # "hari kedua peserta": the second day, not two participants
            value = WORDS[m.group("numeral").lower()][1]
            if _unit(m) in _CARDINAL_ONLY or not count_nouns.accepts(m, value):
                continue  # "ketiga tokoh tersebut": points back at named people
            yield Candidate(m.start(), m.end("noun"), value, {"unit": _unit(m)}, recognizer=self.name)
