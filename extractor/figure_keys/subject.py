"""What a figure measures (``subject``, guidelines v1.2), read from the words around it.

A percentage's subject is the noun phrase before it, across the words that link the two
("capaian JKN kita sudah 102.16 persen" -> "capaian JKN"; "inflasi Sumut mencapai 5,32%"), or
the phrase after it where one follows ("78,1 persen responden menjawab puas" -> "responden
puas"; "89% merupakan pembangkit berbasis EBT"). A count's subject is its group: the unit noun
with what follows it ("5 orang direktur travel haji", "14 orang yang terjaring dalam OTT"), or,
for "orang"/"jiwa" after a copula, the phrase before ("Jumlah peserta sebanyak 60 orang").

Figures in one sentence help each other: the second end of a range, or a figure joined by
"atau"/"setara", measures what the first does ("19 sampai 23%", "144.853 jiwa atau 102.16%");
an elliptical list shares its head ("realisasi SPM di bidang pekerjaan 98,9%, bidang
pendidikan 98,7%" -> "realisasi SPM bidang pendidikan"); a measure given for a named official
is followed by the member ("X mencatat skor 77 persen" -> "skor X").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractor.figure_keys.phrases import (
    QUANTITY_WORDS,
    appended_after_comma,
    change_start,
    clause_subject,
    group_after,
    linker_zone,
    links_value,
    phrase_after,
    phrase_before,
)
from extractor.figure_keys.words import Sentence, is_function, is_verb, listed, word_set



@dataclass(slots=True)
class Subject:
    words: list[int] = field(default_factory=list)  # indexes into the sentence's words, in order
    texts: list[str] = field(default_factory=list)  # the subject's words (borrowed ones included)
    measure: int = 0  # leading words that name the measure of a list of members ("skor")
    head: int = 0  # leading words a following list item may share ("realisasi SPM")

    def text(self) -> str | None:
        return join_words(self.texts) or None


def join_words(texts: list[str]) -> str:
    out = ""
    for text in texts:
        if not out or out.endswith(("(", "/")) or text in (")", ",", "/"):
            out += text
        else:
            out += " " + text
    return out.strip()


# ------------------------------------------------------------------ one figure


@dataclass(slots=True)
class Spot:
    """Where a figure stands among the sentence's words."""

    field: str  # percentages or population_counts
    first: int  # index of its first word
    last: int  # index after its last word
    unit: str | None = None  # a count's unit noun, lower-case


_CONNECTORS = frozenset({"-", "–", "—", ",", "dan", "atau", "setara", "hingga", "sampai", "s.d", "s/d", "antara", "ke"})


def connected(sentence: Sentence, spot: Spot, previous: list[tuple[Spot, Subject]]) -> Subject | None:
    """The subject of the figure just before, where only connectors, qualifiers and linking
    verbs stand between the two ("19 sampai 23%", "144.853 jiwa atau 102.16%", "dari awalnya
    hampir 16%, kini menjadi 4,7%")."""
    if not previous:
        return None
    before, subject = previous[-1]
    if before.last > spot.first:
        return subject  # a range's second end inside the first's text ("500 hingga 600 orang")
    between = sentence.words[before.last : spot.first]
    for word in between:
        if word.date is not None or word.figure is not None:
            return None
        if word.text in _CONNECTORS or word.lower in _CONNECTORS:
            continue
        if word.kind == "word" and (listed(word, "figure_keys/qualifiers") or listed(word, "figure_keys/linkers")):
            continue
        return None
    return subject


def restates(sentence: Sentence, before: Spot, spot: Spot) -> bool:
    """Whether the figure restates the one before it in another unit ("144.853 jiwa atau
    102.16%", "2,5 persen sejak Rabu (25/9/2024), atau 1.250 jiwa")."""
    words = [w for w in sentence.words[before.last : spot.first] if w.date is None and w.text not in ",()"]
    while words and listed(words[-1], "figure_keys/qualifiers"):
        words.pop()
    return bool(words) and words[-1].lower in ("atau", "setara") and not any(w.figure is not None for w in words)


def _changed(sentence: Sentence, spot: Spot, previous: list[tuple[Spot, Subject]]) -> Subject | None:
    """The subject of the figure a change starts from ("diturunkan dari 37,2 persen pada tahun
    2013 menjadi 27,7 persen")."""
    start = change_start(sentence, spot.first)
    for before, subject in reversed(previous):
        if start is not None and before.first <= start < before.last:
            return subject
    return None


def _texts(sentence: Sentence, indexes: list[int]) -> list[str]:
    return [sentence.words[i].text for i in indexes]


def _member(sentence: Sentence, stop: int) -> list[int]:
    """The member named right before the verb (or "dengan") at ``stop``: "Menteri X mencatat
    skor 77 persen", "diraih Menteri X dengan skor kepuasan ...", "PDIP memperoleh suara ..."."""
    words = sentence.words
    j = stop - 1
    while j >= 0 and words[j].kind == "word" and listed(words[j], "figure_keys/qualifiers"):
        j -= 1
    run: list[int] = []
    while j >= 0 and (words[j].cap or words[j].official or words[j].text in "()" or words[j].kind == "num" and run):
        run.append(j)
        j -= 1
    run.reverse()
    while run and words[run[0]].text in "()":
        run.pop(0)
    if any(words[i].official for i in run):
        return run
    # a party, a body that opens its clause ("..., PDIP memperoleh suara 23,49 persen"); not an
    # agent after a preposition ("oleh KPK RI dengan predikat nilai 80 persen")
    opens = not run or run[0] == 0 or not is_function(words[run[0] - 1])
    return run if run and len(run) <= 6 and opens else []


_LIST_SEPARATORS = frozenset({",", ";", "dan", "serta", "atau", "disusul", "diikuti", "sedangkan", "sementara", "lalu", "kemudian"})


def _shared_head(sentence: Sentence, kept: list[int], stop: int, previous: list[tuple[Spot, Subject]]) -> list[str] | None:
    """An elliptical list item's subject with the head of the item before it."""
    if not previous or not kept:
        return None
    before, subject = previous[-1]
    between = sentence.words[before.last : kept[0]]
    if not subject.texts or any(w.lower not in _LIST_SEPARATORS for w in between):
        return None
    words = sentence.words
    first = words[kept[0]]
    if first.cap and subject.measure:  # "..., disusul Partai Gerindra 15,68 persen" -> "suara Partai Gerindra"
        return subject.texts[: subject.measure] + _texts(sentence, kept)
    if first.cap or len(kept) > 3:
        return None
    lowered = [text.lower() for text in subject.texts]
    if first.lower in lowered[1:]:
        head = subject.texts[: lowered.index(first.lower, 1)]
    elif len(subject.texts) >= 3 and subject.texts[-1].islower() and first.lower != lowered[0]:
        head = subject.texts[:-1]
    else:
        return None
    while head and head[-1].lower() in word_set("figure_keys/function_words"):
        head = head[:-1]
    return head + _texts(sentence, kept) if head else None


def percent_subject(sentence: Sentence, spot: Spot, previous: list[tuple[Spot, Subject]]) -> Subject:
    words = sentence.words
    nxt = words[spot.last] if spot.last < len(words) else None
    bracketed = spot.first > 0 and words[spot.first - 1].text == "(" and nxt is not None and nxt.text == ")"
    open_after = nxt is not None and not bracketed and not listed(nxt, "figure_keys/measure_words")  # "5 persen poin"
    last, skipped = linker_zone(sentence, spot.first)
    if open_after and (last < 0 or not links_value(sentence, skipped)):
        after = phrase_after(sentence, spot.last)
        if after:
            return Subject(after, _texts(sentence, after))
    kept, stop = phrase_before(sentence, last) if last >= 0 else ([], -1)
    if open_after and (not kept or listed(nxt, "figure_keys/response_verbs")):
        # "sebanyak 19,3 persen mengatakan tidak puas", "responden atau 83,5 persen merasa puas ..."
        after = phrase_after(sentence, spot.last, linked=True)
        if after:
            return Subject(kept + after, _texts(sentence, kept + after))
    inherited = connected(sentence, spot, previous) or _changed(sentence, spot, previous)
    if inherited is not None:
        return inherited
    if not kept:
        comma = appended_after_comma(sentence, spot.first)
        kept = clause_subject(sentence, comma) if comma is not None else []
        return Subject(kept, _texts(sentence, kept))
    shared = _shared_head(sentence, kept, stop, previous)
    if shared is not None:
        return Subject(kept, shared, head=len(shared) - len(kept))
    if len(kept) <= 3 and all(not words[i].cap for i in kept) and stop >= 0 and listed(words[stop], "figure_keys/member_verbs"):
        member = _member(sentence, stop)
        if member:
            return Subject(kept + member, _texts(sentence, kept + member), measure=len(kept))
    return Subject(kept, _texts(sentence, kept))


_RELATIVE_COPULAS = frozenset({"merupakan", "adalah", "ialah", "yakni", "yaitu"})


def _identified_group(sentence: Sentence, after: list[int]) -> list[int] | None:
    """"tiga orang yang diduga merupakan penyidik KPK datang" -> "penyidik KPK": a "yang"
    clause that says who the counted are names the group."""
    words = sentence.words
    if not after or words[after[0]].lower != "yang":
        return None
    for at, index in enumerate(after[1:4], 1):
        if words[index].lower in _RELATIVE_COPULAS:
            group = []
            for k in after[at + 1 :]:
                if words[k].kind == "word" and not words[k].cap and is_verb(words[k]):
                    break
                group.append(k)
            return group or None
        if not (is_verb(words[index]) or listed(words[index], "figure_keys/qualifiers")):
            return None
    return None


def count_subject(sentence: Sentence, spot: Spot, unit_text: str, previous: list[tuple[Spot, Subject]]) -> Subject:
    words = sentence.words
    unit = unit_text.lower().split()
    unit_words = [
        i for i in range(spot.first, spot.last)
        if words[i].kind == "word" and (words[i].lower in unit or unit and words[i].lower.startswith(unit[-1] + "-"))
    ]
    generic = unit_text.lower() in word_set("figure_keys/generic_units")
    after = group_after(sentence, spot.last)
    if after:
        group = _identified_group(sentence, after)
        if group:
            return Subject(group, _texts(sentence, group))
        lead = words[after[0]]
        if unit_words and generic and (lead.cap or lead.lower in word_set("population_counts/people_nouns")):
            return Subject(after, _texts(sentence, after))
        return Subject(unit_words + after, _texts(sentence, unit_words + after))
    inherited = connected(sentence, spot, previous)
    if inherited is not None and inherited.texts:
        return inherited
    if generic or not unit_words:
        last, skipped = linker_zone(sentence, spot.first)
        copula = any(words[i].kind == "word" and listed(words[i], "figure_keys/count_copulas") for i in skipped)
        # "Jumlah peserta sebanyak 60 orang"; a phrase right before the count: "yang melapor 27 orang"
        plain = all(words[i].kind == "word" and words[i].lower in QUANTITY_WORDS for i in skipped)
        if last >= 0 and (copula or plain):
            kept, _ = phrase_before(sentence, last)
            counted = bool(kept) and (
                words[kept[0]].lower in ("yang", "total", "jumlah") or words[kept[-1]].lower in word_set("population_counts/people_nouns")
            )
            if kept and words[kept[0]].lower == "jumlah" and len(kept) > 1:
                kept = kept[1:]  # "Jumlah peserta sebanyak 60 orang" counts the peserta
            if kept and (copula or counted):
                return Subject(kept, _texts(sentence, kept))
    if unit_words:
        return Subject(unit_words, _texts(sentence, unit_words))
    return Subject([], [unit_text] if unit_text else [])


def find_subject(sentence: Sentence, spot: Spot, previous: list[tuple[Spot, Subject]]) -> Subject:
    if spot.field == "population_counts":
        return count_subject(sentence, spot, spot.unit or "", previous)
    return percent_subject(sentence, spot, previous)
