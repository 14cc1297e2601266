"""Where a figure holds (``place``, guidelines v1.2), from the names of its sentence.

A region or body named after "di", "ke" or "dari" in the figure's clause or inside its subject
("di Kota Mojokerto", "dari Eropa dan Amerika Serikat"), else a region or body named inside the
subject ("inflasi Sumut", "DPK Bank Mandiri", "personel Polresta X"), else such a place that
opens the sentence before the figure ("Di Washington, kerumunan ... 8.000"), else, for a
percentage, the body whose own action the clause reports ("BI menurunkan suku bunga ...
menjadi 5,25%"), else a region named in the figure's clause. Not a place of the statement
("kata X di Kantor Y"), of a source ("menurut BPS"), of a comparison ("lebih rendah dari
sejumlah negara di ASEAN"), of a later act ("sebelum bertolak ke Bali"), a currency or a
language ("dolar AS", "bahasa Indonesia"), or inside an official's name or position.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from extractor import lexicon
from extractor.figure_keys.period import statement_between
from extractor.figure_keys.subject import Spot, Subject
from extractor.figure_keys.words import Sentence, Word, clauses_of, is_content, is_verb, listed, word_set

_LATER_ACTS = frozenset({"sebelum", "setelah", "sesudah", "ketika", "karena", "sehingga", "agar", "supaya", "namun", "tetapi", "tapi"})


# ------------------------------------------------------------------ place


@dataclass(slots=True)
class Where:
    first: int
    last: int  # index after the last word
    kind: str  # "prep" (after di/ke/dari) or "name" (a known region or body)


@functools.cache
def _known_places() -> frozenset[tuple[str, ...]]:
    names = list(lexicon.table("places/regions")) + list(lexicon.words("officials/public_bodies")) + list(lexicon.words("figure_keys/bodies"))
    return frozenset(tuple(name.split()) for name in names)


@functools.cache
def _known_sizes() -> dict[str, tuple[int, ...]]:
    """The lengths of the known names starting with each word, longest first."""
    sizes: dict[str, set[int]] = {}
    for name in _known_places():
        sizes.setdefault(name[0], set()).add(len(name))
    return {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()}


@functools.cache
def _body_prefixes() -> tuple[str, ...]:
    return tuple(word_set("officials/body_prefixes"))


def _place_word(word: Word) -> bool:
    if not word.cap or word.official or word.date is not None or word.figure is not None:
        return False
    return word.text.isalpha() or "-" in word.text


def _starts_place(words: list[Word], i: int) -> int:
    """Length of a known region or body name at word ``i`` (0 where none): regions.tsv,
    public_bodies.txt, figure_bodies.txt, a place head with a name after it, a body prefix."""
    if not _place_word(words[i]):
        return 0
    for size in _known_sizes().get(words[i].text, ()):
        if i + size <= len(words) and tuple(w.text for w in words[i : i + size]) in _known_places():
            return size
    text = words[i].text
    size = _head_size(words, i)
    if size and i + size < len(words):
        after = i + size
        named = after + 1 < len(words) and words[after].kind == "num" and _place_word(words[after + 1])  # "MTsN 1 X"
        if _place_word(words[after]) or named:
            return size
    lower = text.lower()
    if lower.startswith(_body_prefixes()) and lower not in word_set("officials/body_prefixes"):
        return 1
    return 0


@functools.cache
def _heads(name: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(entry.split()) for entry in lexicon.words(name))


def _head_size(words: list[Word], i: int, names: tuple[str, ...] = ("figure_keys/region_heads", "figure_keys/place_heads")) -> int:
    """Length of a region or body head at word ``i`` ("Kota", "Ibu Kota", "Pemkot"), 0 if none."""
    if not words[i].cap:
        return 0
    for size in (2, 1):
        name = tuple(w.text for w in words[i : i + size])
        if len(name) == size and any(name in _heads(entry) for entry in names):
            return size
    return 0


def _capitalised_run(words: list[Word], i: int) -> int:
    """Index after the capitalised name starting at ``i`` (numbers and bracketed acronyms
    inside it: "MTsN 1 Cimanggis", "Madrasah Tsanawiyah Negeri (MTsN) 1 Cimanggis")."""
    j = i
    while j < len(words):
        word = words[j]
        if _place_word(word):
            j += 1
        elif word.kind == "num" and j > i and (j + 1 < len(words) and _place_word(words[j + 1]) or _head_size(words, j - 1)):
            j += 1  # "MTsN 1 Cimanggis", "Kodim 0801"
        elif word.text == "(" and j + 2 < len(words) and words[j + 2].text == ")" and _place_word(words[j + 1]):
            j += 3
        else:
            break
    return j


def _starts_region(words: list[Word], i: int) -> bool:
    if not _place_word(words[i]):
        return False
    if _head_size(words, i, ("figure_keys/region_heads",)):
        return True
    regions = lexicon.table("places/regions")
    return any(" ".join(w.text for w in words[i : i + size]) in regions for size in (3, 2, 1))


def _chain(words: list[Word], end: int) -> int:
    """Extend a place over ", Kecamatan X, Kabupaten Y" and "dan/hingga Y"."""
    while end + 1 < len(words):
        link = words[end]
        if link.text == "," and _starts_region(words, end + 1):
            end = _capitalised_run(words, end + 1)  # (a region only: "Di Indonesia, BNN mencatat" stops)
        elif link.lower in ("dan", "hingga", "sampai") and _place_word(words[end + 1]) and words[end + 1].text not in lexicon.words("figure_keys/not_places"):
            end = _capitalised_run(words, end + 1)
        else:
            break
    return end


def place_spans(sentence: Sentence) -> list[Where]:
    words = sentence.words
    found: list[Where] = []
    i = 0
    while i < len(words):
        word = words[i]
        nxt = i + 1
        while word.lower in ("di", "ke", "dari") and nxt + 1 < len(words) and listed(words[nxt], "figure_keys/place_nouns"):
            nxt += 1  # "di sekitar kawasan Industri Modern Cikande"
        if word.lower in ("di", "ke", "dari") and nxt < len(words) and _place_word(words[nxt]) and not words[nxt].initial:
            # "dari EPPGBM", "ke PDB": an acronym not known as a body is a source or a measure
            source = words[nxt].text.isupper() and not _starts_place(words, nxt)
            # after "dari" only a known place: "dari Eko" is a person, "dari Eropa" a region
            if word.lower == "dari" and not _starts_place(words, nxt):
                after = _capitalised_run(words, nxt)  # "dari New York hingga Los Angeles": a stretch
                source = source or not (after < len(words) and words[after].lower in ("hingga", "sampai", "ke"))
            if words[nxt].text not in lexicon.words("figure_keys/not_places") and not source:
                end = _chain(words, _capitalised_run(words, nxt))
                found.append(Where(nxt, end, "prep"))
                i = end
                continue
        size = _starts_place(words, i)
        inner = i > 0 and words[i - 1].cap and not words[i - 1].initial and not words[i - 1].text.isupper()
        if size and not inner:  # (not the end of a longer name: "Survei Poltracking Indonesia")
            end = max(i + size, _capitalised_run(words, i) if _head_size(words, i) or size == 1 else i + size)
            found.append(Where(i, end, "name"))
            i = end
            continue
        i += 1
    return found


def _excluded_place(sentence: Sentence, spot: Spot, where: Where) -> bool:
    words = sentence.words
    anchor = where.first - 1 if where.kind == "prep" else where.first
    window: list[str] = []  # up to four words before, within the clause
    for w in reversed(words[max(0, anchor - 4) : anchor]):
        if w.kind == "punct":
            break
        window.insert(0, w.lower)
    compared = any(w in word_set("figure_keys/comparison_words") for w in window) or " ".join(window[-3:]).startswith(("lebih", "jauh"))
    # (a place inside the comparison that also holds the figure is the figure's own: "lebih
    # rendah dibandingkan proyeksi inflasi di Malaysia yang sebesar 2,4%")
    if compared and not where.last <= spot.first <= where.last + 8:
        return True
    if window and window[-1] in word_set("figure_keys/source_words") or len(window) > 1 and window[-2] in ("menurut", "berdasarkan", "dilansir", "dikutip"):
        return True
    if where.last < len(words) and words[where.last].lower in word_set("figure_keys/source_words"):
        return True
    if anchor > 0 and words[anchor - 1].lower in word_set("figure_keys/region_modifiers") and where.kind == "name":
        return True  # "dolar AS": a currency
    if where.kind == "prep" and words[anchor].lower == "dari" and anchor > 0 and words[anchor - 1].cap:
        return True  # "Vladimir Strba dari Slovakia": where a person comes from
    if where.first >= spot.last and spot.last < len(words) and words[spot.last].lower == "dari":
        return True  # "45 persen dari GDP seluruh 10 negara ASEAN": the whole the share is of
    # "..., kata X di Kantor Y": the place of the statement; before the verb of saying only a
    # place that opens the sentence frames the figure ("Di New York, pihak berwenang mengatakan")
    if where.first >= spot.last:
        # "... kami isi sebelum bertolak ke Bali": the place of a later act
        later = any(w.kind == "word" and w.lower in _LATER_ACTS for w in words[spot.last : where.first])
        return later or statement_between(words, spot.last, where.first)
    opening = where.kind == "prep" and anchor == 0 or where.first == 0
    return not opening and statement_between(words, where.last, spot.first)


def _text(sentence: Sentence, where: Where) -> str:
    return sentence.text[sentence.words[where.first].start : sentence.words[where.last - 1].end]


def _agent(figure: "_Figure") -> Where | None:
    """A known body or region that opens the figure's clause with a verb of its own: for a
    percentage any verb but a source's ("BI menurunkan suku bunga ... menjadi 5,25%"; not
    "BPS mencatat ..."), for a count a verb of holding ("Bandara X menampung 45 ribu
    penumpang"; not "KPK memanggil 5 orang")."""
    sentence, spot, spans, clauses = figure.sentence, figure.spot, figure.spans, figure.clauses
    words = sentence.words
    mine = clauses[spot.first]
    for where in spans:
        if where.kind != "name" or clauses[where.first] != mine or where.first > spot.first:
            continue
        opening = [w for i, w in enumerate(words[: where.first]) if clauses[i] == mine and w.kind == "word"]
        if any(is_content(w) for w in opening):
            continue
        k = where.last
        while k < len(words) and words[k].kind == "word" and words[k].lower in word_set("figure_keys/qualifiers"):
            k += 1
        if k < len(words) and is_verb(words[k]) and words[k].lower not in word_set("figure_keys/source_words"):
            # a count belongs to a body only where it holds the counted ("Bandara X menampung 45
            # ribu penumpang"), not where it acts on them ("KPK memanggil 5 orang")
            if spot.field == "percentages" or listed(words[k], "figure_keys/having_verbs"):
                return where
    return None


@dataclass
class _Figure:
    """What the place rules know about one figure."""

    sentence: Sentence
    spot: Spot
    spans: list[Where]  # the sentence's places, without those excluded for this figure
    clauses: list[int]
    inside: set[int]  # the subject's words (for a count, not its "yang" clause)
    low: int  # the figure with its subject: [low, high)
    high: int

    def distance(self, where: Where) -> int:
        """Words between the place and the figure with its subject."""
        return self.low - where.last if where.last <= self.low else max(0, where.first - self.high)


def find_place(sentence: Sentence, spot: Spot, subject: Subject) -> str | None:
    if "places" not in sentence.cache:
        sentence.cache["places"] = place_spans(sentence)
    inside = set(subject.words)
    if spot.field == "population_counts":
        # a body inside the group's "yang" clause acts on the group ("yang terjaring dalam OTT KPK")
        relative = next((i for i in subject.words if sentence.words[i].lower == "yang"), None)
        if relative is not None:
            inside = {i for i in inside if i < relative}
    figure = _Figure(
        sentence,
        spot,
        [w for w in sentence.cache["places"] if not _excluded_place(sentence, spot, w)],
        clauses_of(sentence),
        inside,
        min([spot.first, *subject.words]),
        max([spot.last, *(i + 1 for i in subject.words)]),
    )
    for rule in (_near, _own, _heading, _earlier, _agent, _named):
        where = rule(figure)
        if where is not None:
            return _text(sentence, where)
    return None


def _near(figure: _Figure) -> Where | None:
    """A place after "di", "ke", "dari" in the figure's clause or inside its subject."""
    mine = figure.clauses[figure.spot.first]
    words = figure.sentence.words
    start = _chain_start(figure.sentence, figure.spot.first)

    def crossed(where: Where) -> bool:  # another figure between ("di Malaysia ... 2,4% dan Filipina ... 2,6%")
        low, high = (where.last, start) if where.last <= start else (figure.spot.last, where.first)
        return any(w.figure is not None and w.figure != words[figure.spot.first].figure for w in words[low:high])

    near = [
        w for w in figure.spans
        if w.kind == "prep" and (figure.clauses[w.first] == mine or w.first in figure.inside) and (w.first in figure.inside or not crossed(w))
    ]
    return min(near, key=figure.distance) if near else None


def _own(figure: _Figure) -> Where | None:
    """A region or body named inside the subject ("inflasi Sumut", "personel Polresta X")."""
    own = [
        w for w in figure.spans
        if w.kind == "name" and any(i in figure.inside for i in range(w.first, w.last)) and not _served(figure.sentence, w)
    ]
    if not own and figure.spot.field == "population_counts":
        own = _group_body(figure.sentence, figure.spot, figure.inside)
    return own[-1] if own else None


def _heading(figure: _Figure) -> Where | None:
    """A place that heads a list before a colon ("Kabupaten Sampang: Anies-Cak Imin 45,08%,
    Prabowo-Gibran 47,71%")."""
    words = figure.sentence.words
    colon = next((k for k in range(figure.spot.first - 1, -1, -1) if words[k].text == ":"), None)
    if colon is None:
        return None
    return next((w for w in figure.spans if w.last == colon), None)


def _earlier(figure: _Figure) -> Where | None:
    """A place that opens the sentence before the figure: after a preposition ("Di Washington,
    kerumunan diperkirakan ... 8.000") or as a clause of its own ("Misal Kota Surabaya, PDIP
    memperoleh suara 23,49 persen"); not past another figure ("ke Perancis sebanyak 80 juta
    orang, disusul Madrid sebanyak 60 juta")."""
    sentence = figure.sentence
    start = _chain_start(sentence, figure.spot.first)
    candidates = []
    for where in figure.spans:
        if where.last > start:
            continue
        framing = _alone_in_clause(sentence, where, figure.clauses) and (where.kind == "prep" or _is_region(sentence, where))
        crossed = any(x.figure is not None for x in sentence.words[where.last : start])
        if framing or where.kind == "prep" and not crossed:
            candidates.append(where)
    return candidates[-1] if candidates else None


def _alone_in_clause(sentence: Sentence, where: Where, clauses: list[int]) -> bool:
    mine = clauses[where.first]
    rest = [w for i, w in enumerate(sentence.words) if clauses[i] == mine and not where.first <= i < where.last]
    return all(w.kind == "punct" or w.lower in word_set("figure_keys/discourse_words") for w in rest)


def _named(figure: _Figure) -> Where | None:
    """A region named in the figure's clause that does not act there ("Provinsi Kaltim sebanyak
    50 persen warganya ...")."""
    mine = figure.clauses[figure.spot.first]
    words = figure.sentence.words
    named = [
        w for w in figure.spans
        if w.kind == "name" and figure.clauses[w.first] == mine and _is_region(figure.sentence, w) and not _acts(figure.sentence, w)
        and not (w.first > figure.spot.first and w.last < len(words) and words[w.last].text == ":")  # a later list's heading
    ]
    return min(named, key=figure.distance) if named else None


_JOINS = frozenset({"-", "–", "—", "dan", "atau", "hingga", "sampai", "antara", "setara", ",", "dari"})


def _chain_start(sentence: Sentence, first: int) -> int:
    """The first word of the figures joined to the one at ``first`` as a range or an
    apposition ("antara 8.000 dan 10.000 orang", "32 persen sampai 41 persen")."""
    words = sentence.words
    start = first
    k = first - 1
    while k >= 0:
        word = words[k]
        if word.figure is not None:
            while k > 0 and words[k - 1].figure == word.figure:
                k -= 1
            start = k
        elif not (word.lower in _JOINS or word.kind == "word" and word.lower in word_set("figure_keys/qualifiers")):
            break
        k -= 1
    return start


def _acts(sentence: Sentence, where: Where) -> bool:
    """A name followed by an active verb of its own ("Israel menyerang ..."): an actor, not
    what the figure is about."""
    words = sentence.words
    for word in words[where.last : where.last + 3]:
        if word.kind != "word":
            return False
        if is_verb(word):
            return not word.lower.startswith("di")  # "warga AS dilakukan ...": passive, not an act of AS
    return False


def _is_region(sentence: Sentence, where: Where) -> bool:
    """A region (regions.tsv, or a name after a region head: "Provinsi Kaltim"), not a body."""
    name = " ".join(w.text for w in sentence.words[where.first : where.last])
    return name in lexicon.table("places/regions") or bool(_head_size(sentence.words, where.first, ("figure_keys/region_heads",)))


def _group_body(sentence: Sentence, spot: Spot, inside: set[int]) -> list[Where]:
    """An acronym right after a count's unit noun: the body the group belongs to ("tujuh
    personel BTS", "prajurit TNI"); not in brackets (a short form of the group itself)."""
    words = sentence.words
    at = spot.last
    if at in inside and words[at].kind == "word" and words[at].text.isupper() and 2 <= len(words[at].text) <= 6:
        if _place_word(words[at]) and not (at > 0 and words[at - 1].text == "("):
            return [Where(at, at + 1, "name")]
    return []


def _served(sentence: Sentence, where: Where) -> bool:
    """A body named after the users of its service ("peserta BPJS Kesehatan", "nasabah Bank
    X"): a programme or provider, not a place."""
    return where.first > 0 and sentence.words[where.first - 1].lower in word_set("figure_keys/service_users")
