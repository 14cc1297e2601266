"""Population counts whose people noun comes before the number (guidelines §3): "tenaga kerja
sebanyak 15 ribu", "jumlah calon haji tahun ini sebanyak 784", "jumlah tahanan telah meningkat
menjadi setidaknya 8.000", "jumlah pemilih 300 (tiap TPS)".

The text runs from the noun to the number; ``unit`` is the noun. The number must be whole (no
decimal part), end its clause or be followed by a function word
(lang/id/population_counts/noun_first_followers.txt): "warga mencapai 5 persen" or "peserta sebanyak 3 kali"
measure something else; a bare year is no count. A qualifier may stand before the number
(lang/id/population_counts/qualifiers.txt: "setidaknya", "kurang lebih"); it stays outside the value.
"""

from __future__ import annotations

import regex

from extractor import lexicon, scan
from extractor.numbers import LONGEST_QUANTITY
from extractor.fields.population_counts import nouns as count_nouns
from extractor.fields.base import Candidate, Recognizer

NOUN = count_nouns.NOUN
_LOOK_BACK = 60  # characters read before a cue for its noun
_NON_PEOPLE = regex.compile(rf"(?i:{lexicon.alternation(lexicon.words('population_counts/non_people_phrases'))})")
_CARDINAL_ONLY = frozenset(lexicon.words("population_counts/cardinal_only_nouns"))
_YEAR = regex.compile(r"(?:19|20)\d\d")
_YEAR_WORD = r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])"  # a year among the words before a cue


def _alt(name: str) -> str:
    return f"(?i:{lexicon.alternation(lexicon.words(name))})"


QUALIFIER = rf"(?:{_alt('population_counts/qualifiers')}[ \t]+)"
# the whole number (not "326" of "326.462"), then the clause's end or a function word
AMOUNT_ENDING = (
    rf"(?P<amount>{LONGEST_QUANTITY})(?![.,]?\d)"
    rf"(?=[ \t]*(?:[.,;:!?)\"\u201d]|[\r\n]|\Z)|[ \t]+{_alt('population_counts/noun_first_followers')}(?!\w))"
)
_POSSESSED_BEFORE = regex.compile(rf"(?<!\w){_alt('population_counts/noun_first_blockers')}[ \t]+\Z")


def _count(text, noun: regex.Match, amount: regex.Match, name: str) -> Candidate | None:
    """The candidate from a noun and a number after it, or None when it is no count."""
    if _NON_PEOPLE.match(text, noun.start("noun")) or _YEAR.fullmatch(amount.group("amount")):
        return None
    if _POSSESSED_BEFORE.search(text, max(0, noun.start("noun") - 25), noun.start("noun")):
        return None  # "gaji pegawai mencapai 5 juta": money, not people
    try:
        value = count_nouns.count_value(amount.group("amount"))
    except ValueError:
        return None
    unit = count_nouns.unit(noun)
    if value < 1 or value != int(value) or (unit in _CARDINAL_ONLY and value < 2):
        return None
    if not count_nouns.accepts(noun, value):
        return None
    return Candidate(noun.start("noun"), amount.end("amount"), int(value), {"unit": unit}, recognizer=name)


_VERB_SHAPED = regex.compile(r"(?i:me|ber|ter|di)\p{L}{3,}")


def _close_enough(gap: list[str]) -> bool:
    """Up to two words between the noun and its cue ("korban tewas mencapai 58"); three or four
    when none is shaped like a verb ("turis asing ke Malaysia mencapai 28 juta"), since a verb
    starts a clause about something else ("wasit terancam larangan bertanding sebanyak empat")."""
    return len(gap) <= 2 or not any(_VERB_SHAPED.fullmatch(word) for word in gap)


class NounFirstRecognizer(Recognizer):
    """A people noun, then a cue word and a number with no noun after it:
    "tenaga kerja sebanyak 15 ribu" -> 15000, "warga yang berjumlah 150" -> 150; up to two words
    may stand between the noun and the cue ("korban tewas mencapai 58", "calon haji tahun 2024
    sebanyak 784"), or four with no verb among them (``_close_enough``).

    And a total whose number comes later in the clause: "jumlah|total|banyaknya"
    (lang/id/population_counts/total_words.txt), the noun, then the number right after it ("jumlah pemilih 300
    (tiap TPS)", "Jumlah penduduk: 12.345"), or up to five words (a year or a short bracket among them) and a cue
    (lang/id/population_counts/total_cues.txt) before it ("jumlah tahanan telah meningkat menjadi setidaknya
    8.000", "jumlah penduduk usia anak (0-17 tahun) pada 2023 mencapai 87 juta"). A change
    with no cue ("jumlah pasien naik 20") is no total.
    """

    field = "population_counts"
    name = "noun_first"
    # the cue and the number are found first (cue words are rare, people nouns are not), then
    # the noun is looked for in the few words before the cue
    cue_and_number = regex.compile(rf"(?<!\w){_alt('population_counts/noun_first_cues')}[ \t]+{QUALIFIER}?{AMOUNT_ENDING}")
    # read right to left, the nearest noun first
    noun_before = regex.compile(rf"(?r)(?<!\w){NOUN}(?P<gap>(?:[ \t]+(?:[^\W\d]+|{_YEAR_WORD})){{0,4}}?)[ \t]+\Z")
    cue = scan.Cue(lexicon.words("population_counts/noun_first_cues"), lower=True)
    total = regex.compile(
        rf"(?<!\w){_alt('population_counts/total_words')}[ \t]+{NOUN}"
        # words, a year or a short bracket ("(0-17 tahun)") before the cue; no other number and
        # no punctuation
        rf"(?:(?:[ \t]+(?:[^\W\d]+|{_YEAR_WORD}|\([^()\r\n]{{1,30}}\))){{0,5}}?[ \t]+{_alt('population_counts/total_cues')})?"
        rf"(?:[ \t]*:[ \t]*|[ \t]+){QUALIFIER}?{AMOUNT_ENDING.replace('[.,;:!?)', '[.,;:!?()')}"
    )
    total_cue = scan.Cue(lexicon.words("population_counts/total_words"), lower=True)

    def find(self, article, doc):
        text = article.text
        for m in scan.cued_finditer(self.cue_and_number, text, self.cue):
            n = self.noun_before.search(text, max(0, m.start() - _LOOK_BACK), m.start())
            if n is not None and _close_enough(n.group("gap").split()):
                candidate = _count(text, n, m, self.name)
                if candidate is not None:
                    yield candidate
        for m in scan.cued_finditer(self.total, text, self.total_cue):
            candidate = _count(text, m, m, "total_first")
            if candidate is not None:
                yield candidate
