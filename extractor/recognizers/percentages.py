"""Percentages: a number given as a percent (guidelines §3 Percentages).

Counted: "%", "persen", "per sen", colloquial "persenan", percentage points ("poin persen"),
spelled-out numbers ("lima persen"), each end of a range ("10-15 persen", "7-9%",
"19 sampai 23%", "antara 5 dan 6 persen"), and source typos listed in data/percent_typos.tsv
when the next word confirms them ("90,8 presiden responden").
Not counted: basis points ("25 bps", "25 basis poin"): they are not given as a percent.
Negative values: a minus sign or "minus" written against the number is part of the number
("-0,25%" -> -0.25, "minus 2 persen" -> -2.0), as the value is "the number as a float";
a dash after another number is a range ("5,2-5,8%"), and "plus minus 1%" is 1.
A target with a tolerance, "2,5 plus minus 1%" (also "2,5 ± 1%", "4 +/- 1 persen"), gives two
mentions, 2.5 and 1: the percent applies to both numbers, as to both ends of a range.
"""

from __future__ import annotations

import regex

from extractor import guards, lexicon
from extractor.article import Article
from extractor.numbers import NUMBER, SPELLED, parse_number
from extractor.recognizers.base import Candidate, Recognizer, provenance, register_field, register_recognizer, resolve_overlaps
from schemas import PercentageItem


def assemble(candidates: list[Candidate], article: Article) -> list[PercentageItem]:
    return [
        PercentageItem(text=article.text[c.start : c.end], value=c.value, **provenance(article, c.start, c.end))
        for c in resolve_overlaps(candidates)
    ]


register_field("percentages", "PERCENT", assemble)


def _typos() -> str:
    forms = [
        rf"{regex.escape(typo)}(?=[ \t]+{regex.escape(following)}(?!\w))"
        for typo, following in lexicon.table("percent_typos").items()
    ]
    return "|".join(forms) or "(?!)"


# "%" (not a URL escape like "%20b"), a percent word, or a confirmed typo; a possessive -nya
# ("70 persennya") stays outside the mark
MARK = (
    rf"(?:%(?![0-9A-Fa-f]{{2}}[\w%])"
    rf"|(?i:{lexicon.alternation(lexicon.words('percent_words'))}|{_typos()})(?=(?i:nya)?(?!\w)))"
)
AMOUNT = rf"(?:{NUMBER}|{SPELLED})"

# a minus written against the number, not a dash after another number ("5,2-5,8%") and not
# the minus of a tolerance ("plus minus 1%", "plus dan minus 1 persen", "+/- 2%", "+ -2,9 persen")
_TOLERANCE = r"(?<!(?i:plus)[ \t-]*(?:(?i:dan|atau)[ \t]+)?|\+[ \t/]*)"
SIGN = rf"(?:{_TOLERANCE}(?:(?<![\d%][ \t]*)(?<![\w.,])[-\u2212](?=\d)|(?<!\w)(?i:minus)[ \t]+))"
LINK = rf"(?i:{lexicon.alternation(lexicon.words('range_links'))})"


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


@register_recognizer
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
            if not m:
                continue
            try:
                value = parse_number(m.group("amount"))
            except ValueError:
                continue  # a spelled run that is no number ("dua tiga")
            if m.group("sign"):
                value = -value
            yield Candidate(m.start(), mark.end(), value, recognizer=self.name)
            if m.group("sign"):
                continue
            base = _TOLERANCE_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if base:
                yield Candidate(base.start("base"), base.end("base"), parse_number(base.group("base")), recognizer="percent_target")
                continue
            r = self.range_before.search(text, max(0, m.start() - _WINDOW), m.start())
            if not r:
                continue
            try:
                low = parse_number(r.group("low"))
            except ValueError:
                continue
            if low < value:
                yield Candidate(r.start("low"), r.end("low"), low, recognizer="percent_range_start")
