"""Indonesian numbers: one parser for every field.

Forms read (``parse_number``), and the regex strings that find them in text:

- ``NUMBER``: digits with separators. Indonesian writes dot thousands and a decimal comma
  ("144.853", "1.234.567,89", "85,7"); news also uses the decimal dot ("102.16", "1.05").
  A separator is decided from the string itself:

  * both "." and "," present: the later one is the decimal mark ("1.234,5"; English "1,234.5");
  * several dots, or several commas: thousands ("1.234.567"; English "1,234,567");
  * a single comma: always decimal ("2,5", "1,500" -> 1.5), as Indonesian writes it;
  * a single dot followed by exactly three digits, with a non-zero integer part: thousands
    ("1.500" -> 1500); any other single dot is decimal ("102.16", "1.5", "0.500").

- scale words after digits: ribu/rb, juta/jt, miliar/milyar, triliun ("1,2 juta" -> 1200000);
  the upper-case abbreviations M and T (miliar, triliun) are read by ``parse_number`` but
  never matched by ``SCALE``/``QUANTITY`` (a lone "M" after a number is too often metres or
  a name); a money pattern that wants them can add ``M|T`` itself.
- ``SPELLED``: spelled-out numbers of any length below a thousand trillion ("tiga",
  "dua belas", "seratus", "sebelas ribu", "tiga puluh satu juta dua ratus lima puluh enam ribu
  tujuh ratus dua puluh satu") and spelled decimals ("satu koma lima" -> 1.5, "dua belas koma
  tujuh lima" -> 12.75). Only numerals take the se- prefix (sepuluh, sebelas, seratus, seribu,
  sejuta); "seorang" and "sebuah" are articles and are not numbers. Vague plurals (puluhan,
  ratusan, ribuan) are not numbers either. A spelled number is read whole or not at all: the
  pattern never starts inside a run of number words, and a run that breaks the grammar ("dua
  tiga", "dua ribu tiga juta") is no number (``spelled_number``), since a wrong value is worse
  than none.
- digits with a scale word and -an ("60 jutaan", "433 ribuan": about so many; ``APPROX_SCALE``)
  or with -an alone ("80-an"): the number itself.
- a leading sign ("-2,5", "minus 1,2") is read by ``parse_number``; fields decide whether
  their regexes let a sign in.

Deliberately left alone here: "3, 32" (a comma followed by a space) is two numbers, not a broken
decimal, because in news a comma plus space after a number is list or clause punctuation
("Pada 2018, 10% ...") far more often than a typo. The percentages field reads "60, 4%" as
60.4 itself, where a percent mark confirms it.
"""

from __future__ import annotations

import functools
import math

import regex

from extractor import lexicon

# digits with separators; a number never continues into a following digit
NUMBER = (
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 1.234.567 / 1.234,5
    r"|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}"  # 1,234.5 / 1,234,567 (English)
    r"|\d+(?:[.,]\d+)?)(?!\d)"  # 85,7 / 102.16 / 2024
)
# NUMBER as one atomic group: the longest number at a position, never backtracked into. The
# regex module backtracks into "(?:\.\d{3})+" followed by a lookaround at a cost that grows
# with the run, so a failed match over "1.000.000...." took time quadratic in its length (800 KB
# of ".000" ran a minute). The first number NUMBER gives at a position is its longest, and a
# shorter one is always followed by [.,] and a digit: so a forward pattern whose continuation
# cannot start with [.,]\d matches exactly as with NUMBER (tests/test_scan.py checks it). Not for
# (?r) patterns, which match right to left (they read bounded windows).
LONGEST_NUMBER = rf"(?>{NUMBER})"


def _number_words() -> dict[str, tuple[str, int]]:
    entries = {}
    for word, rest in lexicon.table("numbers/words").items():
        kind, _, value = rest.partition("\t")
        entries[word.lower()] = (kind.strip(), int(value))
    return entries


WORDS: dict[str, tuple[str, int]] = _number_words()
SCALES: dict[str, int] = {word: int(value) for word, value in lexicon.table("numbers/scales").items()}
# scale words that match in any case (not the one-letter abbreviations M, T)
_WORD_SCALES = tuple(word for word in SCALES if len(word) > 1)
_SPELLED_SCALES = tuple(word for word in _WORD_SCALES if len(word) > 2)  # ribu, juta, not rb/jt

SCALE = rf"(?i:{lexicon.alternation(_WORD_SCALES)})(?!\w)"
# a scale word with the suffix -an after digits: about so many ("60 jutaan" is about 60 million,
# "433 ribuan"); read by ``parse_number`` as the scale word ("jutaan" -> juta). Alone ("ribuan")
# it is a vague plural, no number.
APPROX_SCALE = rf"(?i:{lexicon.alternation(_SPELLED_SCALES)})an(?!\w)"
_STARTS = [w for w, (kind, _) in WORDS.items() if kind in ("unit", "whole", "se-scale")]  # not setengah
_FOLLOWERS = list(WORDS) + list(_SPELLED_SCALES)
_DECIMAL_MARK = "koma"
_HALF = "setengah"
# words of a spelled number: up to MAX_SPELLED_WORDS, enough for every number below a thousand
# trillion ("sembilan ratus sembilan puluh sembilan triliun ..." is 29 words)
MAX_SPELLED_WORDS = 40
_FOLLOWER = rf"[ \t]+{lexicon.alternation(_FOLLOWERS)}(?!\w)"
# a spelled number: a numeral word, then more number words, and a spelled decimal part
# ("satu koma lima", "dua belas koma tujuh lima"). It starts where a run of number words
# starts: never inside one (the tail of a number too long for the pattern would be a wrong
# value, which is worse than none).
SPELLED = (
    rf"(?i:(?<!\b{lexicon.alternation(_FOLLOWERS + [_DECIMAL_MARK])}[ \t]+)"
    rf"\b{lexicon.alternation(_STARTS)}"  # \b before a letter: a word start (faster than a lookbehind)
    rf"(?:{_FOLLOWER}){{0,{MAX_SPELLED_WORDS}}}"
    rf"(?:[ \t]+{_DECIMAL_MARK}(?:{_FOLLOWER}){{1,{MAX_SPELLED_WORDS}}})?(?!\w))"
)
# digits with an optional scale word, or a spelled number
QUANTITY = rf"(?:{NUMBER}(?:[ \t]*{SCALE})?|{SPELLED})"
# QUANTITY with LONGEST_NUMBER, for forward patterns whose continuation cannot start with [.,]\d
LONGEST_QUANTITY = rf"(?:{LONGEST_NUMBER}(?:[ \t]*{SCALE})?|{SPELLED})"

_DIGITS_WITH_SCALE = regex.compile(
    rf"({LONGEST_NUMBER})(?:[ \t]*((?i:{lexicon.alternation(_WORD_SCALES)})|M|T)|[ \t]*((?i:{lexicon.alternation(_SPELLED_SCALES)}))an|-?an)?"
)
_SIGN = regex.compile(r"(?:[-\u2212\u2013]|(?i:minus)[ \t]+)[ \t]*")


def parse_digits(text: str) -> float:
    """The value of a digit string with Indonesian (or English) separators; see the module doc."""
    text = text.strip()
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return float(text.replace(thousands, "").replace(decimal, "."))
    if dots > 1:
        return float(text.replace(".", ""))
    if commas > 1:
        return float(text.replace(",", ""))
    if commas == 1:
        return float(text.replace(",", "."))
    if dots == 1:
        whole, fraction = text.split(".")
        if len(fraction) == 3 and whole.lstrip("0"):
            return float(whole + fraction)
    return float(text)


def scale(word: str) -> int:
    """The multiplier of a scale word ("juta" -> 1000000); 1 for anything else."""
    if word in SCALES:
        return SCALES[word]
    lowered = word.lower()
    return SCALES[lowered] if lowered in _WORD_SCALES else 1


@functools.lru_cache(maxsize=4096)
def spelled_number(text: str) -> int | None:
    """The value of a spelled-out Indonesian whole number ("dua belas" -> 12), or None when it is
    not one.

    Each group below a thousand is [hundreds] [tens [unit] | teen | unit] ("dua ratus lima
    puluh satu"); groups are joined by scale words that fall from left to right ("tiga juta dua
    ratus ribu"). Anything else is no number: "dua tiga", "dua ratus seratus", "dua ribu tiga
    juta", "nol" with other words.
    """
    words = text.lower().split()
    if not words or ("nol" in words and len(words) > 1):
        return None
    total = 0  # finished scale groups (... juta, ... ribu)
    last_scale = 0  # the last scale used: the next must be smaller
    group = 0  # the current group below a thousand
    stage = 0  # of the group: 0 empty, 1 hundreds, 2 tens (a unit may follow), 3 finished
    unit: int | None = None  # a unit word waiting for belas/puluh/ratus or the group's end
    for word in words:
        if word in WORDS:
            kind, value = WORDS[word]
        elif word in _SPELLED_SCALES:
            kind, value = "scale", SCALES[word]
        else:
            return None
        if kind == "half":
            return None  # "satu setengah" is no whole number (``spelled_value``)
        if kind == "unit":
            if unit is not None or stage == 3:
                return None  # "dua tiga", "dua belas tiga"
            unit = value
            continue
        if kind in ("scale", "se-scale"):
            if last_scale and value >= last_scale:
                return None  # "dua ribu tiga juta"
            if kind == "se-scale":
                if unit is not None or stage:
                    return None
                count = 1
            else:
                count = group + (unit or 0)
                if count == 0:
                    return None  # "ribu" alone
            total += count * value
            last_scale, group, stage, unit = value, 0, 0, None
            continue
        if kind == "whole":  # sepuluh, sebelas, seratus
            if unit is not None or stage > (0 if value >= 100 else 1):
                return None  # "dua sepuluh", "dua puluh sebelas", "dua ratus seratus"
            group += value
            stage = 1 if value >= 100 else 3
            continue
        # belas, puluh, ratus: a unit of one or more before them
        if not unit or stage > (0 if kind == "hundreds" else 1):
            return None  # "belas" alone, "dua puluh tiga puluh"
        group += unit + value if kind == "teen" else unit * value
        stage = {"teen": 3, "tens": 2, "hundreds": 1}[kind]
        unit = None
    return total + group + (unit or 0)


def _spelled_fraction(words: list[str]) -> str | None:
    """The digits of a spelled decimal part: digit by digit ("tujuh lima" -> "75", "nol lima"
    -> "05"), or one spelled number ("dua puluh lima" -> "25")."""
    if words and all(WORDS.get(word, ("",))[0] == "unit" for word in words):
        return "".join(str(WORDS[word][1]) for word in words)
    value = spelled_number(" ".join(words))
    return None if value is None else str(value)


@functools.lru_cache(maxsize=4096)
def spelled_value(text: str) -> float | None:
    """The value of a spelled-out number, decimals and halves included ("satu koma lima" -> 1.5,
    "dua belas koma tujuh lima" -> 12.75, "satu koma dua juta" -> 1200000.0, "satu setengah"
    -> 1.5, "dua setengah juta" -> 2500000.0); None when it is not one."""
    words = text.lower().split()
    multiplier = 1
    if len(words) > 2 and words[-1] in _SPELLED_SCALES and words[-2] == _DECIMAL_MARK:
        return None  # "satu koma juta"
    if _HALF in words:  # "satu setengah", "dua setengah juta"
        at = words.index(_HALF)
        rest = words[at + 1 :]
        if rest and (len(rest) > 1 or rest[0] not in _SPELLED_SCALES):
            return None
        whole = spelled_number(" ".join(words[:at])) if at else None
        if whole is None or whole >= 1000:
            return None
        return (whole + 0.5) * (SCALES[rest[0]] if rest else 1)
    if _DECIMAL_MARK not in words:
        whole = spelled_number(" ".join(words))
        return None if whole is None else float(whole)
    at = words.index(_DECIMAL_MARK)
    whole = spelled_number(" ".join(words[:at]))
    fraction = words[at + 1 :]
    if fraction and fraction[-1] in _SPELLED_SCALES:
        multiplier = SCALES[fraction.pop()]
    digits = _spelled_fraction(fraction)
    if whole is None or digits is None:
        return None
    return float(f"{whole}.{digits}") * multiplier


def parse_number(text: str) -> float:
    """The value of a number as written: digits, digits + scale word, or spelled out; ValueError if
    none (or if it is too long to be a finite float).

    >>> parse_number("1,2 juta"), parse_number("144.853"), parse_number("dua puluh lima")
    (1200000.0, 144853.0, 25.0)
    """
    text = text.strip()
    sign = 1.0
    signed = _SIGN.match(text)
    if signed and signed.end() < len(text):
        sign, text = -1.0, text[signed.end() :]
    match = _DIGITS_WITH_SCALE.fullmatch(text)
    if match:
        value = parse_digits(match.group(1))
        if match.group(2) or match.group(3):
            value *= scale(match.group(2) or match.group(3))
        if not math.isfinite(value):
            # a run of 309+ digits is infinite as a float: no number a record can hold
            raise ValueError(f"not a finite number: {text[:40]!r}...")
        return sign * value
    spelled = spelled_value(text)
    if spelled is None:
        raise ValueError(f"not a number: {text!r}")
    return sign * spelled


def longest_spelled(text: str) -> tuple[str, int] | None:
    """The longest leading run of ``text`` (a SPELLED match) that is a valid number, with its value.

    A regex match can run on into a word that starts the next phrase ("satu dua"); this trims it.
    """
    words = text.split()
    while words:
        value = spelled_number(" ".join(words))
        if value is not None:
            return " ".join(words), value
        words.pop()
    return None
