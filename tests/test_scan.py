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
