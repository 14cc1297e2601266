"""Dates: the regex vocabulary of the field (lang/id/dates/ word lists made case-tolerant, the
fragments the recognizers build on, and the patterns that read the context around a mention or
the gap between two mentions). The recognizers' own patterns are class attributes of theirs.

Each pattern starts with a literal or a digit (context before a match is checked in code): the
regex engine then skips quickly to candidate positions, which keeps the field cheap.
"""

from __future__ import annotations

import functools

import regex

from extractor import lexicon, scan
from extractor.fields.dates.lexicons import MONTH_LOWER_FORMS, ORDINALS


def any_case(entries: tuple[str, ...] | list[str] | str, *, lower: bool = True) -> str:
    """A case-tolerant alternation (lower, Capitalised, Title and UPPER forms of each entry).

    Spelled out rather than ``(?i:...)``: a case-insensitive alternation is many times slower
    to scan with, and these patterns run over every article; built as a trie, which the regex
    engine tries many times quicker than a flat alternation (same matches: extractor.scan).
    """
    if isinstance(entries, str):
        entries = entries.split("|")
    forms: set[str] = set()
    for entry in entries:
        forms |= {entry, entry[:1].upper() + entry[1:], entry.title(), entry.upper()}
        if lower:
            forms.add(entry.lower())
    return scan.trie_alternation(forms)


def cue_words(name: str) -> str:
    """The cue words ``name`` of lang/id/dates/cue_words.tsv as a case-tolerant alternation."""
    return any_case(lexicon.table("dates/cue_words")[name])


def alternation_of(name: str, *, tsv: bool = False, lower: bool = True) -> str:
    """The words of the list ``name`` (a .tsv table's keys with ``tsv``) as a case-tolerant alternation."""
    return any_case(tuple(lexicon.table(name)) if tsv else lexicon.words(name), lower=lower)


# ---------------------------------------------------------------------------- fragments

H = r"[ \t]"  # horizontal space: a mention never spans a line break
MONTH_CAPITALISED = rf"{alternation_of('dates/months', tsv=True, lower=False)}(?!\p{{L}})"
# lower-case full names are matched too, and kept only beside a day number or a year (in code)
MONTH = rf"(?:{alternation_of('dates/months', tsv=True, lower=False)}|{scan.trie_alternation(MONTH_LOWER_FORMS)})(?!\p{{L}})"


class _MonthCue:
    """Where a month name may start: a capitalised or upper-case form (one ``re`` scan), or a
    lower-case full name (``str.find`` on the lower-cased text: a scan for lower-case first
    letters would stop at most letters of a text)."""

    def __init__(self) -> None:
        forms = lexicon.table("dates/months")
        self.capitalised = scan.Cue({f for m in forms for f in (m, m[:1].upper() + m[1:], m.title(), m.upper())})
        self.lower = scan.Cue(MONTH_LOWER_FORMS, lower=True)
        self.positions = functools.lru_cache(maxsize=4)(self._positions)

    def _positions(self, text: str) -> list[int] | None:
        capitalised, lower = self.capitalised.positions(text), self.lower.positions(text)
        if capitalised is None or lower is None:
            return None
        return sorted(set(capitalised) | {at for at in lower if text[at].islower()})


# the patterns that start with a month name are tried only where one occurs (extractor.scan)
MONTH_CUE = _MonthCue()
WEEKDAY = alternation_of("dates/weekdays", tsv=True, lower=False)
WEEKDAY_CUE = scan.Cue(
    {form for day in lexicon.table("dates/weekdays") for form in (day, day[:1].upper() + day[1:], day.title(), day.upper())}
)
YEAR = r"(?:1[89]\d{2}|20\d{2}|2100)"
_SPELLED_WORD = scan.trie_alternation(lexicon.words("dates/spelled_days"))
# spelled days are lower-case: "Sebelas Maret" is a university, "satu Agustus 2024" a date
_SPELLED = rf"{_SPELLED_WORD}(?:{H}+{_SPELLED_WORD}){{0,3}}"
SPELLED_DAY_ANY_CASE = rf"{alternation_of('dates/spelled_days')}(?:{H}+{_SPELLED_WORD}){{0,3}}"
DAY = rf"(?:\d{{1,2}}(?![\d.,]\d)|{_SPELLED})"
ORDINAL = (
    r"(?:" + scan.trie_alternation([k for k in ORDINALS if not k.islower()])
    + r"|" + any_case([k for k in ORDINALS if k.islower()]) + r")(?![\p{L}\d])"
)
PERIOD = alternation_of("dates/periods", tsv=True)
# what joins the two ends of a range or a coordination
LINK = rf"(?:-|–|—|s\.?d\.?|s/d|&|{cue_words('range_links')})"
# a clock time after a date drops out of the value ("Rabu, 14 Agu 2024 20:47 WIB")
TIME = rf"(?:{H}*,?{H}*(?:{any_case('pukul')}{H}*)?\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?(?:{H}*(?:WIB|WITA|WIT))?(?!\d))"
# a deictic word right after a stated date adds nothing ("Kamis (24/7) kemarin", "2026 mendatang")
# ("2017 kemarin malam (31/3)": "kemarin malam" is a mention of its own)
TRAIL = rf"(?:{H}+(?:kemarin(?!{H}+{any_case('malam|sore|siang|pagi')})|lalu|mendatang|nanti|ini|esok)(?!\p{{L}}))?"
TRAIL_AFTER = regex.compile(TRAIL)
CLOSE_PAREN = regex.compile(rf"{H}*\)")
PART_OF_DAY = any_case("dini hari|pagi|siang|sore|petang|malam")

# ---------------------------------------------------------------------------- context of a mention

# "Rabu, " / "Rabu (" / "tanggal " right before a date belongs to the mention
WEEKDAY_BEFORE = regex.compile(
    rf"(?<!\p{{L}})(?P<wd>{WEEKDAY})(?:{H}+{PART_OF_DAY})?{H}*,?{H}*(?P<paren>\(?){H}*\Z"
)
TANGGAL_BEFORE = regex.compile(rf"(?<!\p{{L}}){cue_words('day_words')}{H}+\Z")
MONTH_PART_BEFORE = regex.compile(rf"(?<!\p{{L}})(?:{cue_words('period_parts')}{H}+)?(?:{any_case('bulan')}{H}+)?\Z")
MONTH_PAST_CUE = regex.compile(rf"(?<!\p{{L}}){alternation_of('dates/month_past_cues')}(?!\p{{L}})")
MONTH_CUE_BEFORE = regex.compile(rf"(?<!\p{{L}}){alternation_of('dates/month_cues')}{H}+(?:{any_case('bulan')}{H}+)?\Z")

# a year closes a law identifier ("UU Nomor 23 Tahun 2014", "PP No. 40 Tahun 2025", "Keputusan
# Presiden RI No 28 / P Tahun 2024") or an award name ("Mandaya Awards 2025"): both are read
# backwards from the year, in a short window
# the number itself may carry a letter prefix and dots ("nomor PM.26", "No. KEP-12/MEN")
ID_NUMBER = r"(?:\p{L}{1,8}[.\-]?)?\d[\w.\-]*"
NOMOR = rf"{cue_words('number_words')}\.?{H}*:?{H}*{ID_NUMBER}(?:{H}*/{H}*[\w.\-]+){{0,4}}"
# short regulation names are built on "Per-"/"Kep-" ("Permenhub", "Pergub", "Kepmenkes")
_REGULATION_HEAD = rf"(?:{alternation_of('dates/regulation_heads')}|(?:Perm|Kepm|Perg|Kepg|Perb|Kepb|Perw|Perk)\p{{Ll}}{{2,}})"
# (REVERSE, here and below: a pattern anchored at the window's end is tried from that end, many
# times quicker; only whether it matches is used, which the direction does not change)
LAW_BEFORE = regex.compile(
    rf"(?<!\p{{L}})(?:{_REGULATION_HEAD}\.?{H}+(?:{NOMOR}|{ID_NUMBER}(?:{H}*/{H}*[\w.\-]+){{0,4}})|{NOMOR})"
    rf"{H}+{any_case('tahun')}{H}+\Z"
    rf"|(?<!\p{{L}})(?:UUD|{any_case('Undang-Undang Dasar')})(?:{H}+(?:NRI|{any_case('Negara Republik Indonesia')}))?{H}+(?:{any_case('tahun')}{H}+)?\Z",
    regex.REVERSE,
)
# the year belongs to an award name when the word before it is capitalised (checked in code)
# and no break word ("pada", "tahun") stands between the head word and the year
AWARD_BEFORE = regex.compile(
    rf"(?<!\p{{L}}){alternation_of('dates/award_heads')}"
    rf"(?:{H}+(?!{alternation_of('dates/award_breaks')}(?!\p{{L}}))(?!{MONTH})(?P<word>[\p{{L}}\d][\p{{L}}\d'’&.\-]*)){{0,6}}"
    rf"{H}+\Z"
)
# where the award head words stand: most years have none in the window before them
AWARD_HEAD_CUE = scan.Cue(lexicon.words("dates/award_heads"), lower=True)
QUANTITY_BEFORE = regex.compile(rf"(?:^|[^\p{{L}}$]){alternation_of('dates/quantity_prefixes')}\.?{H}*\Z")
COUNT_AFTER = regex.compile(
    rf"{H}*{any_case(lexicon.words('dates/quantity_nouns') + lexicon.words('population_counts/people_nouns'))}(?![\p{{L}}\d])"
)
YEAR_CUE_BEFORE = regex.compile(rf"(?:TA|{cue_words('year_cues_before')}){H}+\Z", regex.REVERSE)
# "hingga"/"sampai" also mean "up to" before an amount
UP_TO_BEFORE = regex.compile(rf"(?<!\p{{L}}){cue_words('up_to')}{H}+\Z")
TAHUN_BEFORE = regex.compile(rf"(?:{cue_words('year_words')}|TA){H}+\Z")
NAME_BEFORE = regex.compile(rf"(?<!\p{{L}}){alternation_of('dates/name_prefixes')}\.?{H}*\Z")
RECURRING_BEFORE = regex.compile(rf"(?<!\p{{L}}){alternation_of('dates/recurring_words')}{H}+(?:{any_case('hari')}{H}+)?\Z")
WEEKDAY_LIST_AFTER = regex.compile(rf"{H}*(?:{LINK}|/){H}*{WEEKDAY}(?!\p{{L}})")
WEEKDAY_LIST_BEFORE = regex.compile(rf"{WEEKDAY}{H}*(?:{LINK}|/|,){H}*\Z")
# context that makes a lone weekday a date: "kata X, Sabtu.", "pada Rabu malam", "Kamis lalu"
WEEKDAY_CUE_BEFORE = regex.compile(
    rf"(?:[,(]|(?<!\p{{L}}){cue_words('weekday_cues_before')}){H}*\Z"
)
WEEKDAY_CUE_AFTER = regex.compile(
    rf"(?:{H}*(?:[,.;:)!?\"”]|(?=[\r\n])|\Z)|{H}+{cue_words('weekday_cues_after')}(?!\p{{L}}))"
)
TITLE_WORD_AFTER = regex.compile(rf"{H}+\p{{Lu}}\p{{Ll}}")
# "selama dua hari ini" counts days (a duration), it does not name today
# (not a year, "Rakor 2025 hari ini", nor an ordinal, "Gelar TTG ke-22 tahun ini")
COUNT_BEFORE = regex.compile(
    rf"(?:(?<![\d.,])(?<!ke-)(?<!ke)(?<!ke{H})\d{{1,3}}(?:,\d{{1,2}})?|{SPELLED_DAY_ANY_CASE}|{cue_words('count_words')}){H}+\Z", regex.REVERSE
)
# words that put a lone weekday in the future ("akan digelar Rabu"); otherwise it is the last one
FUTURE_CUE = regex.compile(rf"(?<!\p{{L}}){cue_words('future_cues')}(?!\p{{L}})")
# "sejak Selasa (9/9) malam": a date that names its night
NIGHT_AFTER = regex.compile(rf"{H}*{cue_words('night_words')}(?!\p{{L}})")

# ---------------------------------------------------------------------------- no date inside

BLOCKED_GENERAL = regex.compile(
    r"(?:https?://|www\.)\S+"  # URLs
    r"|(?:\+62|\(0\d{2,3}\)|0\d{2,3})[ .-]?\d{3,4}[ .-]?\d{3,5}(?!\d)"  # phone numbers
)
# e-mail addresses and bare domains ("detik.com/2024/...") are found by their "@" or ending and
# widened in code: a pattern that starts at every word and looks for a dot later is slow
EMAIL_OR_DOMAIN = regex.compile(r"@[\w-]+\.[\w.-]+|\.(?:com|net|org|id)(?![\w])")
EMAIL_OR_DOMAIN_CUE = scan.Cue(["@", ".com", ".net", ".org", ".id"])
DOMAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+")

# ---------------------------------------------------------------------------- gaps between two mentions

# the ends of a range: "15-16 Juli", "awal September hingga 13 Oktober"
RANGE_GAP = regex.compile(rf"{H}*(?:{LINK}|ke){H}*(?:{cue_words('day_words')}{H}+)?")
# months listed before the year they share: "September, Oktober, November di 2020"
MONTH_LIST_GAP = regex.compile(rf"{H}*,{H}*(?:{LINK}{H}+)?")
YEAR_OF_LIST_GAP = regex.compile(rf"{H}*,?{H}*(?:di|pada|tahun){H}+")
# a bracketed gloss: "Besok (hari ini)"
GLOSS_GAP = regex.compile(rf"{H}*\({H}*")
# two forms of one day: "hari ini, Kamis (18/9)", "Selasa (9/9) malam"
ADJACENT_GAP = regex.compile(rf"[ \t,()]*(?:{PART_OF_DAY}[ \t,()]*)?")
# "H+4 atau pada Jumat (29/6)", "28 Juni (H+2)": another name for the same day
ALSO_GAP = regex.compile(rf"[ \t,()]*(?:{cue_words('same_day_links')}{H}+)?(?:{cue_words('same_day_preps')}{H}+)?[ \t(]*")
