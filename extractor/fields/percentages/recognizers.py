"""Percentages: a number given as a percent (guidelines §3 Percentages).

Counted: "%", "persen", "per sen", colloquial "persenan", percentage points ("poin persen"),
spelled-out numbers of any length, decimals and halves included ("lima persen", "satu koma
lima persen" -> 1.5, "satu setengah persen" -> 1.5), digits with a scale word ("5 ribu
persen" -> 5000), each end of a range ("10-15 persen", "7-9%", "19 sampai 23%", "antara 5 dan
6 persen"), and source typos listed in lang/id/percentages/typos.tsv when the next word confirms them
("90,8 presiden responden"). A decimal comma followed by a space, as government pages write it,
is one number when the mark confirms it ("60, 4%" -> 60.4; not a list "10, 20, 30%" nor
"Pada 2018, 10%").
Not counted: basis points ("25 bps", "25 basis poin"): they are not given as a percent.
Negative values: a minus sign or "minus" written against the number is part of the number
("-0,25%" -> -0.25, "minus 2 persen" -> -2.0, "tumbuh - 1,2 persen" -> -1.2, a spaced minus
after a word or "(" / ":"), as the value is "the number as a float"; a dash at a line start is
a list bullet;
a dash after another number is a range ("5,2-5,8%"), and "plus minus 1%" is 1.
A target with a tolerance, "2,5 plus minus 1%" (also "2,5 ± 1%", "4 +/- 1 persen"), gives two
mentions, 2.5 and 1: the percent applies to both numbers, as to both ends of a range.
"""

from __future__ import annotations

import regex

from extractor import guards, lexicon
from extractor.article import Article
from extractor.numbers import NUMBER, SCALE, SPELLED, parse_number
from extractor.fields.base import Candidate, Recognizer, provenance, resolve_overlaps
from schemas import PercentageItem


def assemble(candidates: list[Candidate], article: Article) -> list[PercentageItem]:
    return [
        PercentageItem(text=article.text[c.start : c.end], value=c.value, **provenance(article, c.start, c.end))
        for c in resolve_overlaps(candidates)
    ]


def _typos() -> str:
    forms = [
        rf"{regex.escape(typo)}(?=[ \t]+{regex.escape(following)}(?!\w))"
        for typo, following in lexicon.table("percentages/typos").items()
    ]
    return "|".join(forms) or "(?!)"


# "%" (not a URL escape like "%20b"), a percent word, or a confirmed typo; a possessive -nya
# ("70 persennya") stays outside the mark
MARK = (
    rf"(?:%(?![0-9A-Fa-f]{{2}}[\w%])"
    rf"|(?i:{lexicon.alternation(lexicon.words('percentages/words'))}|{_typos()})(?=(?i:nya)?(?!\w)))"
)
# digits (with a scale word: "5 ribu persen"), or a spelled number ("satu koma lima persen")
AMOUNT = rf"(?:{NUMBER}(?:[ \t]*{SCALE})?|{SPELLED})"

# a minus written against the number, not a dash after another number ("5,2-5,8%") and not
# the minus of a tolerance ("plus minus 1%", "plus dan minus 1 persen", "+/- 2%", "+ -2,9 persen")
_TOLERANCE = r"(?<!(?i:plus)[ \t-]*(?:(?i:dan|atau)[ \t]+)?|\+[ \t/]*)"
# A spaced minus ("tumbuh - 1,2 persen") only after a word or ":"/"(" on the same line: a dash
# at a line start is a list bullet, and one after a number or "%" joins a range.
SIGN = (
    rf"(?:{_TOLERANCE}(?:(?<![\d%][ \t]*)(?<![\w.,])[-\u2212](?=\d)"
    rf"|(?<=\p{{L}}{{2}}[ \t]+|[:(][ \t]*)[-\u2212][ \t](?=\d)|(?<!\w)(?i:minus)[ \t]+))"
)
LINK = rf"(?i:{lexicon.alternation(lexicon.words('numbers/range_links'))})"


# The patterns that read back from a mark end where the window ends ("[ \t]*\Z": at the mark,
# not also before a line break there, as "$" would); "(?r)" searches
# them backwards from there, so that one end is tried instead of every start in the window:
# the same matches (checked on every bench article and 350,000 random strings), 4 times quicker,
# which counts in tables where every other word is a percent.

# the number before a tolerance that the percent mark after the tolerance also applies to
_TOLERANCE_BEFORE = regex.compile(
    rf"(?r)(?<![\w.,])(?P<base>{NUMBER})[ \t]*"
    rf"(?:(?i:plus)[ \t-]*(?:(?i:dan|atau)[ \t]+)?(?i:minus)|Â?±|\+[ \t]*/?[ \t]*-)[ \t]*\Z"
)

_WINDOW = 80  # characters read back from a percent mark for its number (and a range's low end)
_SPELLED_WINDOW = 400  # for a spelled number, which may run to some 200 characters

# a decimal comma followed by a space, as government pages write it ("60, 4%" is 60.4): the
# whole part is one to three digits with no number, separator or word glued before it (not a
# list "10, 20, 30%", not "Pada 2018, 10%", not a year split by the crawl "201 8, 10%"; a
# lower-case word glued before it is the crawl's: "sebesar60, 4%")
_SPACED_DECIMAL_BEFORE = regex.compile(
    r"(?r)(?:(?<![\w.,/-]|[\d.,][ \t]+)|(?<=(?<!\w)\p{Ll}{3,}))(?P<whole>\d{1,3})[ \t]?,[ \t]{1,2}\Z"
)
_FRACTION = regex.compile(r"\d{1,2}")


class PercentRecognizer(Recognizer):
    """A number followed by a percent mark ("85,7%", "5 persen", "lima persen", "-0,25%"), and
    the first end of a range whose mark follows the second end ("10-15 persen" -> 10 and 15).

    The scan looks for marks, which are rarer than numbers, and reads the number back from each.
    A range must rise ("7-9%"), which keeps out number-dash-number strings that are no range.
    """

    field = "percentages"
    name = "percent"
    marks = regex.compile(MARK)
    amount_before = regex.compile(rf"(?r)(?P<sign>{SIGN})?(?<![\w.,/=])(?P<amount>{AMOUNT})[ \t]*\Z")
    range_before = regex.compile(
        rf"(?r)(?<![\w.,])(?:(?P<low>{AMOUNT})[ \t]*{LINK}|(?i:antara)[ \t]+(?P<low>{AMOUNT})[ \t]+(?i:dan))[ \t]*\Z"
    )

    def find(self, article, doc):
        text = article.text
        for mark in self.marks.finditer(text, timeout=guards.remaining()):
            m = self.amount_before.search(text, max(0, mark.start() - _WINDOW), mark.start())
            if m is None or m.group("amount")[:1].isalpha():
                # a spelled number may start before the window: read it again from further back
                m = self.amount_before.search(text, max(0, mark.start() - _SPELLED_WINDOW), mark.start())
            if not m:
                continue
            try:
                value = parse_number(m.group("amount"))
            except ValueError:
                continue  # a spelled run that is no number ("dua tiga")
            if m.group("sign"):
                value = -value
            spaced = None if m.group("sign") else self._spaced_decimal(text, m)
            if spaced is not None:
                yield Candidate(spaced[0], mark.end(), spaced[1], recognizer="percent_spaced_decimal")
                continue
            yield Candidate(m.start(), mark.end(), value, recognizer=self.name)
            if m.group("sign"):
                continue
            yield from self._first_ends(text, m, value)

    @staticmethod
    def _spaced_decimal(text, m):
        """(start, value) of "60, 4%" read as 60.4, or None."""
        if not _FRACTION.fullmatch(m.group("amount")):
            return None
        whole = _SPACED_DECIMAL_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if whole is None:
            return None
        return whole.start("whole"), float(f"{whole.group('whole')}.{m.group('amount')}")

    def _first_ends(self, text, m, value):
        """The other number a mark applies to: a target before a tolerance ("2,5 plus minus
        1%"), or the low end of a range ("10-15 persen")."""
        base = _TOLERANCE_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if base:
            yield Candidate(base.start("base"), base.end("base"), parse_number(base.group("base")), recognizer="percent_target")
            return
        r = self.range_before.search(text, max(0, m.start() - _WINDOW), m.start())
        if not r:
            return
        try:
            low = parse_number(r.group("low"))
        except ValueError:
            return
        if low < value:
            yield Candidate(r.start("low"), r.end("low"), low, recognizer="percent_range_start")
