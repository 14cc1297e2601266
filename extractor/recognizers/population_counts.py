"""Population counts: a number of people or households with a people noun (guidelines §3).

A count is a number (digits, digits + scale word, or spelled out) right before a noun that
counts persons (data/people_nouns.txt, optionally with "calon" in front). ``unit`` is that
noun as written, lower-cased; a possessive "-nya" stays out of text and unit
("141.790 penduduknya" -> "141.790 penduduk"). Qualifiers (lebih dari, sekitar, hampir) stay
outside the text and do not change the value. A range ("500 hingga 600 orang",
"antara 8.000 dan 10.000 orang", "5-10 ribu warga") gives one count per end.

Not counts:
- vague plurals ("ribuan warga", "puluhan ribu orang") and "seorang"/"sebuah": no numeral;
- group units ("1 pleton", "2 kompi") and bodies: not people nouns;
- nouns that start a non-person phrase ("2 anak perusahaan": data/non_people_phrases.txt);
- rates, ordinals, identifiers, money and "salah satu" (a blocker word right before the
  number: "per 1.000 penduduk", "ke-3", "RT 05", "Rp 50.000": data/count_prefix_blockers.txt);
- a ratio's denominator ("tiga dari 10 orang"; but "144.853 jiwa dari 141.790 penduduk",
  where the first number has its own noun, is two counts);
- per-person limits: a count of one followed by a limit word or another number, or after
  "1 X" ("satu orang boleh ...", "1 KK 1 tabung", "1 TPS 1 orang": data/count_limit_words.txt);
- a bare year ("pada 2024 warga ...": data/year_cues.txt and month names before it).

A collective ordinal before a people noun is a count: "ketiga korban" (the three victims) = 3,
"kedua pelaku" = 2; but not after a noun it orders ("hari kedua peserta ...", "anak ketiga
pelaku": data/count_ordinal_heads.txt), and "korban ketiga" (the third victim) has the
ordinal after the noun, so it is never read.
"""

from __future__ import annotations

import itertools

import regex

from extractor import guards, lexicon, scan
from extractor.article import Article
from extractor.numbers import LONGEST_NUMBER, LONGEST_QUANTITY, SCALE, SPELLED, WORDS, parse_number, scale
from extractor.recognizers.base import Candidate, Recognizer, provenance, register_field, register_recognizer, resolve_overlaps
from schemas import PopulationCountItem


def assemble(candidates: list[Candidate], article: Article) -> list[PopulationCountItem]:
    return [
        PopulationCountItem(
            text=article.text[c.start : c.end], value=c.value, unit=c.attrs["unit"], **provenance(article, c.start, c.end)
        )
        for c in resolve_overlaps(candidates)
    ]


register_field("population_counts", "POPULATION", assemble)

NOUN = rf"(?P<noun>(?i:(?:calon[ \t]+)?{lexicon.alternation(lexicon.words('people_nouns'))}))(?:nya)?(?!\w)"
LINK = rf"(?i:{lexicon.alternation(lexicon.words('range_links'))})"
# a number starts a word; crawls glue it to a lower-case word before ("sudah ada150 orang")
START = r"(?:(?<![\w.,/])|(?<=(?<!\w)[a-z]{3,}))"

_NON_PEOPLE = regex.compile(rf"(?i:{lexicon.alternation(lexicon.words('non_people_phrases'))})")
_BLOCKED_BEFORE = regex.compile(
    rf"(?<!\w)(?i:{lexicon.alternation(lexicon.words('count_prefix_blockers'))})[ \t]*\Z"
)
# (numbers are matched whole, never backtracked into: see numbers.LONGEST_NUMBER; no pattern
# here takes [.,] and a digit after a number)
_RATIO_BEFORE = regex.compile(rf"(?<![\w.,]){LONGEST_QUANTITY}[ \t]+(?i:dari)[ \t]+\Z")
_LIMIT_AFTER = regex.compile(
    rf"[ \t]+(?:(?i:{lexicon.alternation(lexicon.words('count_limit_words'))})(?!\w)"
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
    rf"(?:(?<!\w)(?i:{lexicon.alternation(lexicon.words('year_cues'))})"
    rf"|(?i:{lexicon.alternation(tuple(lexicon.table('months')))})"
    rf"|(?<!\d)(?:19|20)\d\d[ \t]*(?:,|-|dan|atau|hingga|sampai)?)[ \t]*\Z"
)
_CARDINAL_ONLY = frozenset(lexicon.words("count_cardinal_only_nouns"))
_LOOK_BACK = 40  # characters of context read before a number
# (the patterns that read it end in "\Z": where the context ends, not also before a line break
# there as "$" would, so that a word on the line before blocks nothing)

# collective ordinals "kedua" .. "kesebelas": "ke" + a numeral word from two to eleven
_COLLECTIVE_NUMERALS = [w for w, (kind, v) in WORDS.items() if kind in ("unit", "whole") and 2 <= v <= 11]
_ORDINAL_HEAD_BEFORE = regex.compile(
    rf"(?<!\w)(?i:{lexicon.alternation(lexicon.words('count_ordinal_heads'))})[ \t]+\Z"
)


def _blocked(text: str, start: int, number: str, value: int, noun_end: int) -> bool:
    """Whether the number at ``start`` is no count of people (see the module doc)."""
    before = text[max(0, start - _LOOK_BACK) : start]
    if _BLOCKED_BEFORE.search(before) or _RATIO_BEFORE.search(before):
        return True
    if _YEAR.fullmatch(number) and _YEAR_BEFORE.search(before):
        return True
    if value != 1:
        return False
    return _LIMIT_AFTER.match(text, noun_end) is not None or _ONE_PER_ONE_BEFORE.search(before) is not None


def _unit(match: regex.Match) -> str:
    return " ".join(match.group("noun").lower().split())


@register_recognizer
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
        regex.compile(rf"{START}(?P<amount>{LONGEST_NUMBER}(?:[ \t]*{SCALE})?)[ \t]+{NOUN}"),
        # SPELLED starts at a word start; not after a hyphen ("satu-satu pedagang": one by one)
        regex.compile(rf"(?<!-)(?P<amount>{SPELLED})[ \t]+{NOUN}"),
    )
    range_before = regex.compile(
        rf"{START}(?:(?P<low>{LONGEST_QUANTITY})[ \t]*{LINK}|(?i:antara)[ \t]+(?P<low>{LONGEST_QUANTITY})[ \t]+(?i:dan))[ \t]*\Z"
    )
    scaled = regex.compile(rf"{LONGEST_NUMBER}[ \t]*({SCALE})")
    bare = regex.compile(LONGEST_NUMBER)
    # a spelled number is tried only where a number word occurs (extractor.scan): a scan
    # with the case-insensitive pattern costs several times more
    spelled_cue = scan.Cue(WORDS, lower=True)

    def find(self, article, doc):
        text = article.text
        digits, spelled = self.patterns
        for m in itertools.chain(
            digits.finditer(text, timeout=guards.remaining()), scan.cued_finditer(spelled, text, self.spelled_cue)
        ):
            if _NON_PEOPLE.match(text, m.start("noun")):
                continue
            try:
                value = parse_number(m.group("amount"))
            except ValueError:
                continue
            unit = _unit(m)
            if unit in _CARDINAL_ONLY and value < 2:
                continue  # "satu tokoh": a figure, not a count
            if not _blocked(text, m.start(), m.group("amount"), int(round(value)), m.end("noun")):
                yield Candidate(m.start(), m.end("noun"), int(round(value)), {"unit": unit}, recognizer=self.name)
            low = self._range_start(text, m, value)
            if low is not None:
                yield Candidate(low[0], low[1], low[2], {"unit": unit}, recognizer="count_range_start")

    def _range_start(self, text, m, high):
        """(start, end, value) of a range's low end written before the count ``m``, or None."""
        r = self.range_before.search(text, max(0, m.start() - _LOOK_BACK), m.start())
        if not r:
            return None
        try:
            low = parse_number(r.group("low"))
        except ValueError:
            return None
        scaled = self.scaled.fullmatch(m.group("amount"))
        if scaled and self.bare.fullmatch(r.group("low")):
            low *= scale(scaled.group(1))
        if not low < high or _blocked(text, r.start("low"), r.group("low"), int(low), m.end("noun")):
            return None
        return r.start("low"), r.end("low"), int(round(low))


@register_recognizer
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
            if _unit(m) in _CARDINAL_ONLY:
                continue  # "ketiga tokoh tersebut": points back at named people
            value = WORDS[m.group("numeral").lower()][1]
            yield Candidate(m.start(), m.end("noun"), value, {"unit": _unit(m)}, recognizer=self.name)


@register_recognizer
class NounFirstRecognizer(Recognizer):
    """A people noun, then a cue word and a number with no noun after it:
    "tenaga kerja sebanyak 15 ribu" -> 15000, "warga yang berjumlah 150" -> 150.

    Up to two words may stand between the noun and the cue ("korban tewas mencapai 58"). The
    text runs from the noun to the number; ``unit`` is the noun. The number must end the clause
    or be followed by a function word (data/count_noun_first_followers.txt): "warga mencapai
    5 persen" or "peserta sebanyak 3 kali" measure something else. A bare year is no count.
    """

    field = "population_counts"
    name = "noun_first"
    # the cue and the number are found first (cue words are rare, people nouns are not), then
    # the noun is looked for in the few words before the cue
    cue_and_number = regex.compile(
        rf"(?<!\w)(?i:{lexicon.alternation(lexicon.words('count_noun_first_cues'))})[ \t]+"
        rf"(?P<amount>{LONGEST_QUANTITY})(?![.,]?\d)"  # the whole number: not "326" of "326.462"
        rf"(?=[ \t]*(?:[.,;:!?)\"\u201d]|[\r\n]|\Z)|[ \t]+(?i:{lexicon.alternation(lexicon.words('count_noun_first_followers'))})(?!\w))"
    )
    noun_before = regex.compile(rf"(?<!\w){NOUN}(?:[ \t]+[^\W\d]+){{0,2}}[ \t]+\Z")
    possessed_before = regex.compile(
        rf"(?<!\w)(?i:{lexicon.alternation(lexicon.words('count_noun_first_blockers'))})[ \t]+\Z"
    )
    cue = scan.Cue(lexicon.words("count_noun_first_cues"), lower=True)

    def find(self, article, doc):
        text = article.text
        for m in scan.cued_finditer(self.cue_and_number, text, self.cue):
            n = self.noun_before.search(text, max(0, m.start() - _LOOK_BACK - 20), m.start())
            if n is None or _NON_PEOPLE.match(text, n.start("noun")) or _YEAR.fullmatch(m.group("amount")):
                continue
            if self.possessed_before.search(text, max(0, n.start() - 25), n.start()):
                continue  # "gaji pegawai mencapai 5 juta": money, not people
            try:
                value = int(round(parse_number(m.group("amount"))))
            except ValueError:
                continue
            unit = _unit(n)
            if value < 1 or (unit in _CARDINAL_ONLY and value < 2):
                continue
            yield Candidate(n.start("noun"), m.end("amount"), value, {"unit": unit}, recognizer=self.name)
