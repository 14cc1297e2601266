"""When a figure holds (``period``, guidelines v1.2), from the date items of its sentence.

The value of a date item of the figure's sentence that dates the figure: in its clause (the
nearest before it, else the nearest after it with no other figure or number in between), else
in a clause before it, else a clause after it that is only the date or that restates the
figure ("yakni ... hingga Mei 2025"). Not a date that dates the statement (after a verb of
saying, or a source's date in brackets: "Saudi Gazette (18/10/2025)"), a comparison base
("dari bulan sebelumnya", "periode yang sama tahun sebelumnya"), or a time the figure will be
acted on ("akan diumumkan pada Rabu mendatang"). Two dates joined as a range give the month
they share, else the year, else nothing ("10-21 April 2025" -> "2025-04"). A year that ends a
name ("Magang Nasional 2025") serves only where nothing else dates the figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor import lexicon
from extractor.figure_keys.phrases import change_start
from extractor.figure_keys.subject import Spot
from extractor.figure_keys.words import Sentence, Word, clauses_of, is_verb, phrase_set, word_set

# between a figure and a date after it: the date belongs to what comes next ("6,55% dan pada
# 2023 mencapai ...") or to a later act ("akan diumumkan pada Rabu mendatang")
_NEXT_PREDICATE = frozenset({"akan", "dan", "serta", "sedangkan", "sementara", "namun", "tetapi", "lalu", "kemudian"})
# between a date and the figure: the figure is set against the date's time ("..., namun ...",
# "... 10 tahun yang lalu berada di angka 40 persen kini angka kemiskinan ... 26 persen")
_CONTRASTS = frozenset({"namun", "tetapi", "tapi", "sedangkan", "sementara", "padahal", "melainkan", "kini", "sekarang"})
_RANGE_LINKS = frozenset({"-", "–", "—", "hingga", "sampai", "s.d", "s/d", "dan", "sampai dengan"})

# ------------------------------------------------------------------ period


@dataclass(slots=True)
class When:
    first: int
    last: int  # index after the last word
    value: str | None


def _range_value(a: str, b: str) -> str | None:
    """The one ISO value for a range from ``a`` to ``b``: their month, else their year."""
    if a[:7] == b[:7] and len(a) >= 7 and len(b) >= 7 and a[4] == "-" and a[5] != "W" and a[5] != "Q" and a[5] != "H":
        return a[:7]
    if a[:4] == b[:4]:
        return a[:4]
    return None


def date_spans(sentence: Sentence, values: list[str | None]) -> list[When]:
    """The sentence's dates (word ranges with values), a range of two joined into one."""
    spans: list[When] = []
    words = sentence.words
    i = 0
    while i < len(words):
        index = words[i].date
        if index is None:
            i += 1
            continue
        j = i
        while j < len(words) and words[j].date == index:
            j += 1
        spans.append(When(i, j, values[index]))
        i = j
    merged: list[When] = []
    for span in spans:
        if merged:
            previous = merged[-1]
            between = " ".join(w.lower for w in words[previous.last : span.first])
            if between in _RANGE_LINKS and previous.value and span.value:
                merged[-1] = When(previous.first, span.last, _range_value(previous.value, span.value))
                continue
        merged.append(span)
    return merged


def statement_between(words: list[Word], a: int, b: int) -> bool:
    return any(w.kind == "word" and w.lower in word_set("figure_keys/statement_verbs") for w in words[a:b])


def _is_statement_date(sentence: Sentence, spot: Spot, when: When) -> bool:
    words = sentence.words
    if when.first >= spot.last and statement_between(words, spot.last, when.first):
        return True
    if when.last <= spot.first and statement_between(words, when.last, spot.first):
        return True
    # "mengatakan, Senin (8/9/2025), ..." : a verb of saying right before the date
    before = [w for w in words[max(0, when.first - 3) : when.first] if w.kind == "word"]
    return any(w.lower in word_set("figure_keys/statement_verbs") for w in before[-2:])


def _is_cited_date(sentence: Sentence, when: When) -> bool:
    """A bracketed date right after a capitalised name: the date of a cited source."""
    words = sentence.words
    opening = when.first if words[when.first].text == "(" else when.first - 1
    if opening < 1 or words[opening].text != "(":
        return False
    before = words[opening - 1]
    return before.cap and before.lower not in word_set("figure_keys/function_words") and lexicon.table("dates/weekdays").get(before.text) is None


def _is_comparison(sentence: Sentence, spot: Spot, when: When) -> bool:
    """A date in a comparison base ("dari bulan sebelumnya", "dibanding periode yang sama tahun
    lalu"), unless the figure stands in that base too ("dibandingkan dengan TPK Juni 2016 yang
    tercatat 48,63 persen": the date is the figure's own)."""
    words = sentence.words
    if when.first < spot.first and _compares(words[when.first : spot.first]) is None:
        start = max(0, when.first - 5)
        cue = _compares(words[start : when.first])
        if cue is not None and start + cue < spot.first < when.first + 12:
            return False
    window = [w.lower for w in words[max(0, when.first - 5) : when.first] if w.kind == "word"]
    if any(w in word_set("figure_keys/comparison_words") for w in window[-4:]):
        return True
    text = " ".join(window)
    if any(" ".join(p) in text for p in phrase_set("figure_keys/comparison_words") if len(p) > 1 and p[0] != "di"):
        return True
    own = " ".join(w.lower for w in words[when.first : when.last])
    return bool(window) and window[-1] == "dari" and own.endswith(("sebelumnya", "lalu", "kemarin"))


def _compares(between: list[Word]) -> int | None:
    """Index of a comparison word among ``between`` ("dibandingkan", "turun drastis dari"), or None."""
    for at, word in enumerate(between):
        if word.kind != "word":
            continue
        if word.lower in word_set("figure_keys/comparison_words") and word.lower not in ("sebelumnya", "di"):
            return at
        before = between[max(0, at - 2) : at]
        if word.lower == "dari" and before and before[-1].lower not in ("lebih", "kurang") and any(is_verb(w) for w in before):
            return at  # "turun drastis dari hasil Pemilu 2014"; not "lebih dari seribu siswa"
    return None


def _blocked_after(sentence: Sentence, spot: Spot, when: When, clauses: list[int]) -> bool:
    """A date after the figure that belongs to something else: another figure or number comes
    between or right after it, or the figure "will" be acted on then."""
    words = sentence.words
    between = [w for w in _without_restatements(words, spot.last, when.first)]
    if any(w.figure is not None or w.kind == "num" for w in between):
        return True
    if any(w.lower in _NEXT_PREDICATE for w in between):
        return True
    for k in range(when.last, min(len(words), when.last + 4)):
        if clauses[k] != clauses[when.last - 1] or words[k].figure is not None:
            break
        if words[k].kind == "num":
            return True
    return False


def _without_restatements(words: list[Word], start: int, end: int) -> list[Word]:
    """The words from ``start`` to ``end`` without a figure that restates the one before it
    ("8,57% atau 24,06 juta jiwa per September 2024"): the date is both figures'."""
    kept: list[Word] = []
    restating = False
    for word in words[start:end]:
        if word.kind == "word" and word.lower in ("atau", "setara") and word.figure is None:
            restating = True
            continue
        if restating and word.figure is not None:
            continue
        if restating and (word.kind == "word" and word.lower in word_set("figure_keys/qualifiers") or word.kind == "num"):
            continue
        restating = False
        kept.append(word)
    return kept


def _frames(sentence: Sentence, when: When, clauses: list[int]) -> bool:
    """Whether the date opens its clause, before any verb ("tahun ini 166 titik ... beroperasi
    ... dan menampung 16 ribu siswa"): it dates every predicate of the clause."""
    mine = clauses[when.first]
    k = when.first - 1
    while k >= 0 and clauses[k] == mine:
        if is_verb(sentence.words[k]):
            return False
        k -= 1
    return True


def _other_predicate(between: list[Word]) -> bool:
    """Whether a second predicate of the same subject starts between a date and the figure after
    it ("mengelola tempat tersebut sejak 1984 dan memiliki 80 persen saham")."""
    for at, word in enumerate(between[:-1]):
        if word.lower in ("dan", "serta", "lalu", "kemudian") and word.figure is None:
            following = [w for w in between[at + 1 :] if not (w.kind == "word" and w.lower in word_set("figure_keys/qualifiers"))]
            if following and is_verb(following[0]) and not following[0].lower in word_set("figure_keys/linkers"):
                return True
    return False


def _earlier_dates(sentence: Sentence, spot: Spot, when: When, clauses: list[int]) -> bool:
    """Whether a date of an earlier clause dates the figure: it opens its clause or its clause
    gives no figure of its own ("Per Agustus 2024, peserta ... mencapai 144.853 jiwa"; not
    "pertumbuhan di kwartal kedua 2,15 persen, ..., US 2,9 persen"), and no contrast, comparison
    or change from an earlier figure stands between."""
    words = sentence.words
    mine = clauses[when.first]
    own = [i for i, c in enumerate(clauses) if c == mine]
    opening = all(words[i].kind != "word" or words[i].lower in word_set("figure_keys/function_words") for i in own if i < when.first)
    alone = not any(words[i].figure is not None for i in own)
    between = words[when.last : spot.first]
    return (opening or alone) and not _baseline(sentence, spot) and not _contrasted(between) and _compares(between) is None


def _contrasted(between: list[Word]) -> bool:
    """"... kegiatan vaksin hari ini, namun akan tetap berlanjut sampai ... 2.257.900 sasaran":
    a clause that sets the figure against the date's clause."""
    return any(w.kind == "word" and w.lower in _CONTRASTS for w in between)


def _baseline(sentence: Sentence, spot: Spot) -> bool:
    """A figure a change starts from ("naik dari 80 persen", "dari awalnya hampir 16%"): a
    date of an earlier clause dates the change, not this figure."""
    words = [w for w in sentence.words[: spot.first] if w.kind == "word"]
    while words and (words[-1].lower in word_set("figure_keys/qualifiers") or words[-1].lower in ("awalnya", "semula")):
        words.pop()
    # "dari" after a verb of change; not a whole after a part ("144.853 jiwa dari 141.790 penduduk")
    return len(words) > 1 and words[-1].lower == "dari" and is_verb(words[-2]) and words[-2].figure is None


def _clause_only_date(sentence: Sentence, when: When, clauses: list[int]) -> bool:
    """Whether the date's clause holds nothing but the date (and a preposition), or restates
    the figure ("yakni ... hingga Mei 2025")."""
    words = sentence.words
    mine = clauses[when.first]
    rest = [w for i, w in enumerate(words) if clauses[i] == mine and not when.first <= i < when.last and w.kind == "word"]
    if rest and rest[0].lower in ("yakni", "yaitu"):
        return True
    return all(w.lower in word_set("figure_keys/function_words") for w in rest)


def _names_a_year(sentence: Sentence, when: When) -> bool:
    """A bare year right after a capitalised name is part of the name ("Magang Nasional
    2025", "Asian Games 2018"), not a time the figure holds for."""
    words = sentence.words
    if when.last - when.first != 1 or words[when.first].kind != "num" or when.first == 0:
        return False
    before = words[when.first - 1]
    return before.cap and not before.initial and before.lower not in word_set("figure_keys/year_words") and lexicon.table("dates/months").get(before.text) is None


def find_period(sentence: Sentence, spot: Spot, values: list[str | None]) -> str | None:
    if "dates" not in sentence.cache:
        spans = [w for w in date_spans(sentence, values) if w.value is not None]
        sentence.cache["dates"] = (spans, [w for w in spans if not _names_a_year(sentence, w)])
    spans, plain = sentence.cache["dates"]
    # a year that ends a name ("Magang Nasional 2025") only where nothing else dates the figure
    return _choose_period(sentence, spot, plain) or (_choose_period(sentence, spot, spans) if plain != spans else None)


def _choose_period(sentence: Sentence, spot: Spot, spans: list[When]) -> str | None:
    if not spans:
        return None
    clauses = clauses_of(sentence)
    mine = clauses[spot.first]
    usable = [
        w
        for w in spans
        if not _is_statement_date(sentence, spot, w) and not _is_cited_date(sentence, w) and not _is_comparison(sentence, spot, w)
    ]
    if change_start(sentence, spot.first) is not None:
        # "dari 37,2 persen pada tahun 2013 menjadi 27,7 persen pada tahun 2019": the dates
        # before the change's end are its start's
        usable = [w for w in usable if w.first >= spot.last]
    before = [w for w in usable if w.last <= spot.first]
    after = [w for w in usable if w.first >= spot.last]
    before = [w for w in before if _frames(sentence, w, clauses) or not _other_predicate(sentence.words[w.last : spot.first])]
    for when in reversed(before):
        if clauses[when.last - 1] == mine:
            return None if _contrasted(sentence.words[when.last : spot.first]) else when.value
    for when in after:
        if clauses[when.first] == mine and not _blocked_after(sentence, spot, when, clauses):
            return when.value
    if before and _earlier_dates(sentence, spot, before[-1], clauses):
        return before[-1].value
    for when in after:
        between = _without_restatements(sentence.words, spot.last, when.first)
        if not any(w.figure is not None for w in between) and _clause_only_date(sentence, when, clauses):
            return when.value
    return None


