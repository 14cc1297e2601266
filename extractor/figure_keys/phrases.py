"""The phrases around a figure, read word by word: the words that link a figure to the phrase
before it (``linker_zone``: "mencapai", "sebesar", "di kisaran angka"), that phrase
(``phrase_before``: read backwards up to a verb, a clause opener or a comma, a "yang" clause
kept), the phrase after a percentage (``phrase_after``) and a count's group after its unit
noun (``group_after``). Used by ``subject``.
"""

from __future__ import annotations

from extractor import lexicon
from extractor.figure_keys.words import Sentence, Word, is_content, is_function, is_verb, listed, word_set

MAX_WORDS = 14


# ------------------------------------------------------------------ before the figure

_COMPARATIVES = frozenset({"lebih", "paling", "kurang", "makin", "semakin", "sangat", "cukup", "terlalu"})
_SIGNS = frozenset("+-±~≈<>/(")
_SUBORDINATE_BREAKS = frozenset({"dan", "serta"})


_TIME_NOUNS = frozenset(
    {"periode", "tahun", "bulan", "masa", "semester", "triwulan", "kuartal", "pekan", "hari", "tanggal", "akhir", "awal",
     "pertengahan", "minggu"}
)
_LINKING_OPENERS = frozenset(
    {"pada", "dengan", "hingga", "sampai", "antara", "per", "dalam", "yakni", "yaitu", "selama", "sejak", "sepanjang"}
)


def _zone_skippable(word: Word) -> bool:
    if word.date is not None:
        return True
    if word.kind == "num":
        return True
    if word.kind == "punct":
        return word.text in _SIGNS
    if word.lower in _SUBORDINATE_BREAKS:
        return False
    if listed(word, "figure_keys/qualifiers"):
        return True
    if listed(word, "figure_keys/clause_openers") and not listed(word, "figure_keys/linkers"):
        # "pada", "dengan", "hingga" before the number ("hingga di angka 4,7%") link; "bahwa" does not
        return word.lower in _LINKING_OPENERS
    return (
        listed(word, "figure_keys/linkers")
        or listed(word, "figure_keys/qualifiers")
        or listed(word, "figure_keys/measure_words")
        or is_function(word)
        or is_verb(word)
    )


def linker_zone(sentence: Sentence, first: int) -> tuple[int, list[int]]:
    """Index of the last word of the phrase before the figure whose first word is ``first``
    (-1 where none), and the indexes of the linking words skipped."""
    words = sentence.words
    i, skipped = first - 1, []
    while i >= 0 and len(skipped) < 14:
        word = words[i]
        if word.figure is not None:
            return -1, skipped
        if word.kind == "word" and i > 0 and words[i - 1].lower in _COMPARATIVES and not is_function(word):
            skipped += [i, i - 1]  # "lebih rendah yakni 3,55%"
            i -= 2
            continue
        if is_verb(word) and not listed(word, "figure_keys/linkers") and _in_relative_clause(words, i, 0):
            return i, skipped  # "batas atas yang diizinkan (15-20%)": the clause is the phrase's end
        if not _zone_skippable(word) and not (word.lower in _TIME_NOUNS and i + 1 < first and words[i + 1].date is not None):
            break  # ("selama periode Januari hingga Agustus 2016 naik 24 persen": the time is skipped)
        skipped.append(i)
        i -= 1
    if i < 0 or not (is_content(words[i]) or words[i].text == ")"):
        return -1, skipped
    return i, skipped


QUANTITY_WORDS = frozenset(
    {"sebanyak", "sejumlah", "sekitar", "kurang", "lebih", "dari", "hampir", "nyaris", "hanya", "setidaknya",
     "sedikitnya", "minimal", "maksimal", "mayoritas", "baru", "cuma", "tinggal", "bahkan"}
)


def links_value(sentence: Sentence, skipped: list[int]) -> bool:
    """Whether the words between a phrase and the figure after it make the figure that
    phrase's value ("inflasi mencapai 5%", "di sekitar 2 persen") rather than a quantity of
    what follows ("sebanyak 78,1 persen responden", "menyumbang lebih dari 70 persen emisi")."""
    for i in skipped:
        word = sentence.words[i]
        if word.kind != "word" or word.date is not None or word.lower in QUANTITY_WORDS:
            continue
        if listed(word, "figure_keys/linkers"):
            return True
        if is_verb(word):
            # a verb takes the figure as its object ("menyebut sebanyak 78,1 persen responden",
            # "diketahui hampir 80 persen pemilik rusun"), unless it is a linker ("mencapai")
            return False
        if is_function(word) and word.lower not in ("ini", "itu", "tersebut", "kita", "kami"):
            return True
    return False


def _relative_start(words: list[Word], at: int, floor: int) -> int | None:
    """Index of the "yang" whose clause holds the verb at ``at`` ("yang bisa dipergunakan",
    "yang diperlukan untuk mendukung"), or None."""
    for i in range(at - 1, max(floor, at - 6) - 1, -1):
        if words[i].lower == "yang":
            return i
        if not (is_verb(words[i]) or listed(words[i], "figure_keys/qualifiers") or listed(words[i], "figure_keys/np_prepositions")):
            return None
    return None


def _in_relative_clause(words: list[Word], at: int, floor: int) -> bool:
    return _relative_start(words, at, floor) is not None


def _first_verb_of_clause(words: list[Word], at: int, floor: int) -> bool:
    """Whether the verb at ``at`` is the first verb after its "yang" ("yang sudah menurunkan")."""
    start = _relative_start(words, at, floor)
    return start is not None and all(not is_verb(w) or listed(w, "figure_keys/qualifiers") for w in words[start + 1 : at])


def _paren_left(words: list[Word], close: int, floor: int) -> int | None:
    """Index of the "(" matching the ")" at ``close`` when the brackets hold a short name."""
    for i in range(close - 1, max(floor, close - 7) - 1, -1):
        if words[i].text == "(":
            inside = words[i + 1 : close]
            if inside and all(w.kind != "punct" or w.text in "-/&." for w in inside) and not any(
                w.date is not None or is_verb(w) for w in inside
            ):
                return i
            return None
    return None


def _phrase_goes_on(words: list[Word], at: int, floor: int, link: str) -> bool:
    """Whether the word at ``at``, left of a preposition or "dan", still belongs to the phrase:
    a noun, a number after a noun ("tahap 3 untuk nakes"), the verb of a "yang" clause
    ("yang bisa dipergunakan untuk pembangunan")."""
    word = words[at]
    if is_content(word):
        return True
    if word.kind == "num":
        return at > floor and is_content(words[at - 1])
    return link not in ("dan", "serta", "atau", "&") and is_verb(word) and _in_relative_clause(words, at, floor)


def phrase_before(sentence: Sentence, last: int, floor: int = 0) -> tuple[list[int], int]:
    """The noun phrase ending at word ``last``, read backwards: (its word indexes in order,
    the index where reading stopped)."""
    words = sentence.words
    kept: list[int] = []
    j = last
    while j >= floor and len(kept) < MAX_WORDS:
        word = words[j]
        if word.date is not None or word.figure is not None:
            break
        if word.kind == "punct":
            opening = _paren_left(words, j, floor) if word.text == ")" else None
            if opening is None:
                break
            kept.extend(range(j, opening - 1, -1))
            j = opening - 1
            continue
        if word.kind == "num":
            if kept and j > floor and words[j - 1].kind == "word" and is_content(words[j - 1]):
                kept.append(j)  # "paslon 02 Prabowo", "tahap 3 untuk nakes"
                j -= 1
                continue
            break
        low = word.lower
        if low == "yang":
            kept.append(j)
        elif listed(word, "figure_keys/np_prepositions") or low in ("dan", "serta", "atau", "&"):
            coordinated = low in ("dan", "serta", "atau", "&")
            if not (kept and j > floor and _phrase_goes_on(words, j - 1, floor, low)) or coordinated and (
                not is_content(words[kept[-1]]) or words[j - 1].cap != words[kept[-1]].cap
            ):
                break  # ("korban dan yang melapor", "per tahun dan London": not two words of one phrase)
            kept.append(j)
        elif listed(word, "figure_keys/clause_openers"):
            break
        elif low in ("ini", "itu", "tersebut", "kita", "kami", "mereka", "nya"):
            if kept and low in ("ini", "itu", "tersebut"):
                break
        elif is_verb(word) or listed(word, "figure_keys/statement_verbs"):
            if not _in_relative_clause(words, j, floor):
                break
            if kept and low.startswith("me") and is_content(words[kept[-1]]) and _first_verb_of_clause(words, j, floor):
                break  # "yang sudah menurunkan cukai rokok": the phrase is the verb's object
            kept.append(j)
        elif listed(word, "figure_keys/qualifiers"):
            pass  # dropped ("realisasi SPM paling tinggi di bidang sosial")
        elif is_function(word):
            break
        else:
            kept.append(j)
        j -= 1
    kept.reverse()
    return trim(words, kept), j


def trim(words: list[Word], kept: list[int]) -> list[int]:
    """Without function words at either end (a leading "yang" stays: "yang melapor"), and
    without a closing "di/ke + place" (the place is its own key)."""
    while kept and (is_function(words[kept[0]]) and words[kept[0]].lower != "yang" or words[kept[0]].kind == "punct" and words[kept[0]].text != "("):
        kept.pop(0)
    while kept and (is_function(words[kept[-1]]) or words[kept[-1]].kind == "punct" and words[kept[-1]].text != ")"):
        kept.pop()
    for at in range(len(kept) - 1, 0, -1):
        word = words[kept[at]]
        if word.lower in ("di", "ke") and all(words[k].cap or words[k].kind != "word" for k in kept[at + 1 :]):
            if words[kept[at + 1]].cap:
                kept = kept[:at]
            break
    return kept


# ------------------------------------------------------------------ after the figure

_AFTER_COPULAS = frozenset({"merupakan", "adalah", "ialah", "berupa"})
_FOLLOWING_STOPS = frozenset(
    {"bahwa", "ketika", "jika", "kalau", "apabila", "karena", "sehingga", "agar", "namun", "tetapi", "tapi",
     "sedangkan", "sementara", "padahal", "maka", "meski", "meskipun", "walaupun", "dibanding", "dibandingkan",
     "sejak", "setelah", "sebelum", "selama"}
)


def phrase_after(sentence: Sentence, first: int, linked: bool = False) -> list[int]:
    """A percentage's phrase after it ("78,1 persen responden menjawab puas" -> "responden
    puas"), up to the end of its clause; [] where no noun follows. ``linked``: also after a
    copula, a verb of answering or "yang" ("89% merupakan pembangkit ...", "19,3 persen
    mengatakan tidak puas", "20% yang mengatakan hal serupa")."""
    words = sentence.words
    k = first
    answer = False
    if linked and k < len(words) and (words[k].lower in _AFTER_COPULAS or listed(words[k], "figure_keys/response_verbs")):
        answer = listed(words[k], "figure_keys/response_verbs")
        k += 1
    if k >= len(words) or not (
        is_content(words[k])
        or linked and words[k].lower in ("tidak", "yang")
        or answer and words[k].kind == "word" and not is_function(words[k])
    ):
        return []
    kept: list[int] = []
    while k < len(words) and len(kept) < 12:
        word = words[k]
        if word.date is not None or word.figure is not None:
            break
        if word.text == "," and k + 1 < len(words) and words[k + 1].lower in ("setara", "atau", "yakni", "yaitu"):
            # ", setara 171,8 juta jiwa, hidup di bawah ...": an apposition of the figure
            close = next((i for i in range(k + 2, min(len(words), k + 9)) if words[i].text == ","), None)
            if close is not None and any(words[i].figure is not None for i in range(k + 2, close)):
                k = close + 1
                continue
        if word.kind == "punct":
            if word.text == "(":
                close = next((i for i in range(k + 1, min(len(words), k + 8)) if words[i].text == ")"), None)
                if close is not None:
                    if not any(words[i].date is not None for i in range(k, close)):
                        kept.extend(range(k, close + 1))
                    k = close + 1
                    continue
            if word.text in "/-&":
                k += 1
                continue
            break
        if word.lower in _FOLLOWING_STOPS or word.lower in ("ini", "itu", "tersebut") and kept:
            break  # ("saham taman itu bekerja sama ...": the determiner closes the phrase)
        if word.lower in ("dan", "atau", "serta") and not (k + 1 < len(words) and is_content(words[k + 1])):
            break  # "40% biodiesel ... dan 60% solar", "... di Papua dan kita mulai ...": a new clause
        if word.kind == "num" and not (kept and k + 1 < len(words) and words[k + 1].kind == "word"):
            break
        if not (listed(word, "figure_keys/qualifiers") or listed(word, "figure_keys/response_verbs")) or word.lower == "tidak":
            kept.append(k)
        k += 1
    return trim(words, kept)


def group_after(sentence: Sentence, first: int) -> list[int]:
    """The words that name a count's group after its unit noun: modifiers, names, a short
    bracketed name, a "yang" clause ("orang yang terjaring dalam OTT KPK")."""
    words = sentence.words
    kept: list[int] = []
    k = first
    while k < len(words) and len(kept) < MAX_WORDS:
        word = words[k]
        if word.date is not None or word.figure is not None:
            break
        if word.kind == "punct":
            if word.text == "(":
                close = next((i for i in range(k + 1, min(len(words), k + 7)) if words[i].text == ")"), None)
                inside = words[k + 1 : close] if close is not None else []
                if close is not None and not any(is_verb(w) or w.date is not None or w.figure is not None for w in inside):
                    kept.extend(range(k, close + 1))
                    k = close + 1
                    continue
            break
        if word.kind == "num":
            named = kept and words[kept[-1]].cap and (
                k + 1 < len(words) and words[k + 1].cap or words[kept[-1]].text in lexicon.words("figure_keys/place_heads")
            )
            if named:
                kept.append(k)  # "Kodim 0825 Banyuwangi", "MTsN 1 Cimanggis", "Kodim 0801"
                k += 1
                continue
            break
        if word.lower == "yang":
            kept.extend(relative_clause(sentence, k))
            break
        if word.cap and word.lower in word_set("names/honorifics"):
            break  # "1288 siswa Pak yang ...": a vocative
        if word.lower in ("di", "untuk") and k + 1 < len(words) and _modifies(words[k + 1]):
            kept.append(k)  # "pemilih untuk satu TPS pilkada", "siswa di dua ruang kelas"
            k += 1
            continue
        if not word.cap and not is_content(word):
            break
        kept.append(k)
        k += 1
    while kept and (is_function(words[kept[-1]]) or words[kept[-1]].kind == "punct" and words[kept[-1]].text != ")"):
        kept.pop()
    return kept


def _modifies(word: Word) -> bool:
    """A lower-case noun (or a number word) that can follow "di"/"dari"/"untuk" inside a group."""
    return (
        word.kind == "word" and not word.cap and is_content(word) and not listed(word, "figure_keys/measure_words")
        and word.lower not in _TIME_NOUNS and not listed(word, "figure_keys/place_nouns")
    )


_AUXILIARIES = frozenset({"tidak", "belum", "bukan", "sudah", "telah", "akan", "masih", "sedang", "pernah", "lagi", "juga"})


def _second_predicate(words: list[Word], kept: list[int], k: int) -> bool:
    """Whether the verb at ``k`` follows the clause's own verb directly (qualifiers and
    auxiliaries aside): "warga yang hadir menerima bantuan" -> the main predicate starts."""
    if not is_verb(words[k]) or listed(words[k], "figure_keys/qualifiers") or words[k].lower in _AUXILIARIES:
        return False
    for i in reversed(kept):
        word = words[i]
        if listed(word, "figure_keys/qualifiers") or word.lower in _AUXILIARIES:
            continue
        return word.lower != "yang" and is_verb(word)
    return False


def relative_clause(sentence: Sentence, at: int) -> list[int]:
    """The "yang" clause starting at ``at``, up to the end of its clause or the verb of the
    sentence's own predicate."""
    words = sentence.words
    kept = [at]
    k = at + 1
    while k < len(words) and len(kept) < MAX_WORDS:
        word = words[k]
        if _second_predicate(words, kept, k):
            break
        if word.date is not None or word.figure is not None:
            break
        if word.kind == "punct" and word.text not in "()/-&":
            break
        if word.lower in _FOLLOWING_STOPS or word.lower in ("dan", "serta", "atau", "sebagai"):
            break
        if word.lower in ("ini", "itu", "tersebut") and len(kept) > 2:
            break  # "warga yang hadir pada acara itu menerima bantuan": the determiner closes it
        if word.kind == "num" and not (words[k - 1].cap and k + 1 < len(words) and words[k + 1].cap):
            break  # "yang tersebar di 34 provinsi": a number ends the group's clause
        kept.append(k)
        k += 1
    return kept




def appended_after_comma(sentence: Sentence, first: int) -> int | None:
    """The comma before a figure appended to the clause before it (", naik 10 persen
    dibanding ...", ", atau 84,42 persen dari target", ", sekitar 32 persen"): its index, or
    None where other words stand between."""
    words = sentence.words
    i = first - 1
    while i >= 0 and first - i <= 6:
        word = words[i]
        if word.text == ",":
            return i if i < first - 1 else None
        if word.kind != "word" or not (listed(word, "figure_keys/linkers") or listed(word, "figure_keys/qualifiers") or is_verb(word)):
            return None
        i -= 1
    return None


def clause_subject(sentence: Sentence, end: int) -> list[int]:
    """The subject of the clause that ends at ``end`` (exclusive): its first noun phrase, read
    forwards up to its verb ("nilai ekspor Jateng sepanjang ... mencapai US$ 7,95 miliar")."""
    words = sentence.words
    start = end - 1
    while start >= 0 and words[start].text not in (",", ";", ":"):
        start -= 1
    k = start + 1
    while k < end and not is_content(words[k]):
        if words[k].figure is not None:
            return []
        k += 1
    kept: list[int] = []
    while k < end and len(kept) < 10:
        word = words[k]
        if word.date is not None or word.figure is not None or word.kind == "num" or word.kind == "punct":
            break
        if is_verb(word) or listed(word, "figure_keys/clause_openers") and not listed(word, "figure_keys/np_prepositions"):
            break
        if not listed(word, "figure_keys/qualifiers") and word.lower not in ("ini", "itu", "tersebut"):
            kept.append(k)
        k += 1
    return trim(words, kept)


def change_start(sentence: Sentence, first: int) -> int | None:
    """The index of the figure a change starts from, where the figure at ``first`` is where it
    ends ("naik dari 61,22% menjadi 93,94%", "dari 37,2 persen pada tahun 2013 menjadi 27,7
    persen"), or None."""
    words = sentence.words
    if first == 0 or words[first - 1].lower != "menjadi":
        return None
    for k in range(first - 2, max(0, first - 10), -1):
        if words[k].figure is not None and words[k - 1].lower == "dari":
            return k
        if words[k].kind == "punct" and words[k].text not in "()":
            return None
    return None
