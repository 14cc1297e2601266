"""Cued scans and the other speed rewrites give exactly what the plain scans give."""

from __future__ import annotations

import random
import re

import pytest
import regex

from extractor import scan
from extractor.pipeline import LONG_RUN, has_long_run
from extractor.sentences import split_article

WORDS = ["dua", "tiga", "sebelas", "Mei", "Juni", "tanggal", "lalu", "warga", "orang", "x", "7", "12"]
GLUE = [" ", " ", "  ", "\t", "\n", "-", ".", ",", "(", ")", "ſ", "İ", "’"]


def random_text(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        word = rng.choice(WORDS)
        parts.append(rng.choice([word, word.upper(), word.title(), word.lower()]))
        parts.append(rng.choice(GLUE))
    return "".join(parts)


CASES = [
    # a case-insensitive pattern, cued by its words in lower case
    (regex.compile(r"(?<!-)(?i:\b(?:dua|tiga|sebelas)(?:[ \t]+(?:dua|tiga|sebelas)){0,3})[ \t]+(?i:warga|orang)(?!\w)"),
     scan.Cue(["dua", "tiga", "sebelas"], lower=True)),
    # case-sensitive month names, cued by the names as written
    (regex.compile(r"(?:Mei|Juni|MEI|JUNI)(?!\p{L})(?:[ \t]+\d{1,2})?"), scan.Cue(["Mei", "Juni", "MEI", "JUNI"])),
    # a pattern without a word boundary before its cue word, and a standard-library pattern
    (re.compile(r"tanggal[ \t]+\d{1,2}"), scan.Cue(["tanggal"], lower=True)),
    (regex.compile(r"(?:lalu)(?!\p{L})"), scan.Cue(["lalu"], lower=True)),
]


@pytest.mark.parametrize("pattern, cue", CASES)
def test_cued_finditer_finds_what_finditer_finds(pattern, cue):
    rng = random.Random(7)
    for _ in range(300):
        text = random_text(rng, rng.randint(0, 60))
        expected = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in scan.cued_finditer(pattern, text, cue)] == expected, text


def test_lowered_keeps_offsets_or_declines():
    assert scan.lowered("Rabu (25/9)") == "rabu (25/9)"
    assert scan.lowered("İstanbul") is None  # lower-casing would add a character
    assert scan.lowered("ſatu") is None  # "ſ" matches "s" case-insensitively, but lower() keeps it


def test_trie_alternation_matches_as_the_flat_one():
    entries = ["tahun", "tahun lalu", "tahun depan", "Tahun", "bulan", "bulan ini", "Kab.", "Kab"]
    flat = regex.compile(r"(?:" + "|".join(
        regex.escape(e).replace(r"\ ", r"[ \t]+") for e in sorted(set(entries), key=lambda e: (-len(e), e))
    ) + r")(?!\w)")
    trie = regex.compile(scan.trie_alternation(entries) + r"(?!\w)")
    for text in ["tahun lalu", "tahun  depan x", "Tahun ini", "bulan ini.", "Kab. Sleman", "Kab Sleman", "tahunan", "bulanan ini"]:
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)], text


def test_long_run_check_agrees_with_the_pattern():
    rng = random.Random(11)
    spaces = [" ", "\t", "\n", "\x0b", "\x85", "\xa0", "\u3000", "\u2028", "\x1c", "\x1f", "\u200b"]
    for _ in range(500):
        text = "".join(rng.choice(spaces) if rng.random() < 0.01 else "b" for _ in range(rng.randint(0, 800)))
        assert has_long_run(text) == (LONG_RUN.search(text) is not None)


def test_a_long_run_of_dots_is_split_in_linear_time():
    # the sentence-end pattern starts only at a run's first mark and never backtracks into it
    article = split_article("Awal kalimat" + "." * 200_000 + "x. Kalimat " + "!" * 100_000 + " Akhir.")
    assert len(article.sentences) == 2


# ------------------------------------------------------------------ cued matches take the time guard


def test_every_cued_regex_match_takes_the_guards_timeout(monkeypatch):
    """A ``regex`` match at a hit gets ``timeout=guards.remaining()``: with no time left (a
    timeout of 0), the first match raises. A standard ``re`` pattern checks the guard instead."""
    from extractor import guards

    pattern, cue = CASES[0]
    text = "x dua warga " * 3
    assert len(list(scan.cued_finditer(pattern, text, cue))) == 3
    monkeypatch.setattr(guards, "remaining", lambda: 0.0)  # no time left, yet no raise here
    with pytest.raises(TimeoutError):
        next(scan.cued_finditer(pattern, text, cue))
    consulted = []
    monkeypatch.setattr(guards, "check", lambda: consulted.append(1))
    plain, plain_cue = CASES[2]
    assert len(list(scan.cued_finditer(plain, "tanggal 1 " * 4, plain_cue))) == 4
    assert len(consulted) == 4


# ------------------------------------------------------------------ numbers are never backtracked into
# (the regex module takes time quadratic in a run of ".000" groups to backtrack into a number
# followed by a lookaround: numbers.LONGEST_NUMBER is atomic, and matches what NUMBER matches
# wherever what follows a number cannot start with [.,] and a digit)


def forward_patterns():
    """Every compiled ``regex`` pattern of the extractor modules (module globals and class
    attributes, tuples of them included) that is matched left to right."""
    import importlib
    import inspect
    import pkgutil

    import extractor

    found = {}
    skipped = {f"extractor.{name}" for name in ("__main__", "cli", "show", "frames", "html_input")}
    for info in pkgutil.walk_packages(extractor.__path__, "extractor."):
        if info.name in skipped or info.ispkg or ".batch" in info.name or ".backends" in info.name:
            continue
        module = importlib.import_module(info.name)
        values = list(vars(module).items())
        for cls_name, cls in list(values):
            if inspect.isclass(cls) and cls.__module__ == module.__name__:
                values += [(f"{cls_name}.{k}", v) for k, v in vars(cls).items()]
        for name, value in values:
            for i, item in enumerate(value if isinstance(value, tuple) else (value,)):
                if isinstance(item, regex.Pattern) and not item.flags & regex.REVERSE:
                    found[f"{module.__name__}.{name}[{i}]"] = item
    return found


def test_no_forward_pattern_can_backtrack_into_a_number():
    from extractor import numbers

    patterns = forward_patterns()
    assert "extractor.fields.population_counts.recognizers.CountRecognizer.patterns[0]" in patterns
    for name, pattern in patterns.items():
        assert numbers.NUMBER not in pattern.pattern.replace(numbers.LONGEST_NUMBER, ""), name
    # atomic: a failed continuation does not make the number give back its last group
    assert regex.match(rf"{numbers.NUMBER}\.\d", "1.000.000") is not None
    assert regex.match(rf"{numbers.LONGEST_NUMBER}\.\d", "1.000.000") is None


NUMBER_PIECES = ["1", "12", "123", "1234", "0", ".", ",", ".000", ",000", ",5", ".5", " ", " ", "\t", "-", "x",
                 "orang", "jiwa", "warga", "juta", "ribu", "dari", "hingga", "antara", "dan", "dua", "puluh", "s.d.", "%"]


def test_longest_number_patterns_match_as_the_backtracking_ones():
    """Each pattern built on LONGEST_NUMBER matches, at every position, what it matched when built
    on NUMBER (same span and groups); the count-limit look-ahead, used as a yes/no, says the same."""
    from extractor import numbers
    from extractor.fields.population_counts import noun_first
    from extractor.fields.population_counts import recognizers as counts

    uses = {
        "digits": (counts.CountRecognizer.patterns[0], "groups"),
        "range": (counts.CountRecognizer.range_before, "groups"),
        "noun-first": (noun_first.NounFirstRecognizer.cue_and_number, "groups"),
        "ratio": (counts._RATIO_BEFORE, "groups"),
        "scaled": (counts.CountRecognizer.scaled, "groups"),
        "bare": (counts.CountRecognizer.bare, "groups"),
        "parse": (numbers._DIGITS_WITH_SCALE, "groups"),
        "limit": (counts._LIMIT_AFTER, "yes/no"),
    }
    rng = random.Random(12)
    for name, (pattern, compare) in uses.items():
        source = pattern.pattern.replace(numbers.LONGEST_NUMBER, numbers.NUMBER).replace(r"|\d+(?=[.,]\d)", "")
        reference = regex.compile(source, pattern.flags)
        for _ in range(400):
            text = "".join(rng.choice(NUMBER_PIECES) for _ in range(rng.randint(1, 14)))
            for at in range(len(text)):
                for method in ("match", "fullmatch"):
                    new, old = getattr(pattern, method)(text, at), getattr(reference, method)(text, at)
                    if compare == "yes/no":
                        assert (new is None) == (old is None), (name, method, text, at)
                    else:
                        assert (new and (new.span(), new.groupdict(), new.groups())) == (
                            old and (old.span(), old.groupdict(), old.groups())), (name, method, text, at)
