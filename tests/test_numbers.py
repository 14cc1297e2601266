"""The number parser against extractor/examples/numbers.jsonl, and the number regexes in text."""

from __future__ import annotations

import json
import random
from decimal import Decimal
from importlib import resources

import pytest
import regex

from extractor.numbers import (
    NUMBER,
    QUANTITY,
    SPELLED,
    longest_spelled,
    parse_digits,
    parse_number,
    spelled_number,
    spelled_value,
)

EXAMPLES = [
    json.loads(line)
    for line in resources.files("extractor").joinpath("examples", "numbers.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"] for e in EXAMPLES])
def test_number_form(example):
    if example["value"] is None:
        with pytest.raises(ValueError):
            parse_number(example["text"])
    else:
        assert parse_number(example["text"]) == pytest.approx(example["value"])


def test_enough_number_forms():
    assert len(EXAMPLES) >= 30


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e["text"][:1].isalpha()], ids=lambda e: e["text"])
def test_spelled_number_agrees(example):
    expected = example["value"]
    if example["text"].startswith("minus"):
        expected = None  # the sign is parse_number's business
    value = spelled_value(example["text"])
    assert value == (None if expected is None else pytest.approx(expected))
    if {"koma", "setengah"} & set(example["text"].split()):
        # a spelled decimal or half: spelled_value reads it, spelled_number (whole numbers) does not
        assert spelled_number(example["text"]) is None
    else:
        assert spelled_number(example["text"]) == expected


def test_number_regex_takes_whole_numbers():
    found = regex.findall(NUMBER, "naik 1.234.567,89 dari 85,7 dan 102.16 pada 2024")
    assert found == ["1.234.567,89", "85,7", "102.16", "2024"]


def test_comma_space_is_two_numbers():
    assert regex.findall(NUMBER, "3, 32 persen") == ["3", "32"]


def test_digits_do_not_stop_inside_a_group():
    assert regex.fullmatch(NUMBER, "1.2345") is not None
    assert parse_digits("1.2345") == pytest.approx(1.2345)


def test_quantity_finds_scaled_and_spelled_amounts():
    text = "sekitar 1,2 juta warga, dua puluh lima orang, dan 10 rb peserta"
    found = [m.group(0) for m in regex.finditer(rf"(?<![\w.,]){QUANTITY}", text)]
    assert found == ["1,2 juta", "dua puluh lima", "10 rb"]
    assert [parse_number(f) for f in found] == [1_200_000, 25, 10_000]


def test_quantity_leaves_out_one_letter_scales():
    # "5 M" is miliar only where money is meant; QUANTITY stops at the digits
    assert regex.match(QUANTITY, "5 M warga").group(0) == "5"


@pytest.mark.parametrize("text", ["seorang", "sebuah", "ribuan", "puluhan", "ketiga", "tempat", "salahsatu"])
def test_spelled_regex_ignores_non_numerals(text):
    assert regex.search(SPELLED, text) is None


def test_longest_spelled_trims_a_trailing_word():
    assert longest_spelled("dua puluh dua tiga") == ("dua puluh dua", 22)
    assert longest_spelled("belas") is None


def test_spelled_regex_reads_a_number_whole_or_not_at_all():
    # the pattern never starts inside a run of number words: the tail of a run is no number
    found = [m.group(0) for m in regex.finditer(SPELLED, "tiga puluh satu juta dua ratus ribu orang")]
    assert found == ["tiga puluh satu juta dua ratus ribu"]
    assert spelled_value("dua ribu tiga juta") is None


@pytest.mark.parametrize(
    "text",
    ["dua ratus seratus", "seratus dua ratus", "dua puluh tiga puluh", "dua belas tiga", "sepuluh dua",
     "dua ribu tiga juta", "sejuta sejuta", "nol dua", "satu koma juta", "setengah"],
)
def test_spelled_numbers_that_break_the_grammar_are_none(text):
    assert spelled_value(text) is None


# ------------------------------------------------------------------ every spelled number, as num2words writes it

num2words = pytest.importorskip("num2words").num2words


def _random_values(seed: int, count: int) -> list[int]:
    rng = random.Random(seed)
    limits = [10**3, 10**6, 10**9, 10**12]  # spread over every scale up to 999 999 999 999
    values = [rng.randrange(limits[i % 4]) for i in range(count)]
    return values + [0, 1, 10, 11, 12, 19, 100, 101, 111, 1000, 1001, 1100, 11000, 100000, 1000000, 999_999_999_999]


def test_num2words_forms_are_the_ones_we_read():
    # the Indonesian forms num2words writes (checked by hand): se- numerals, belas, koma digits
    assert num2words(100, lang="id") == "seratus"
    assert num2words(1000, lang="id") == "seribu"
    assert num2words(11, lang="id") == "sebelas"
    assert num2words(1_000_000, lang="id") == "satu juta"
    assert num2words(12.75, lang="id") == "dua belas koma tujuh lima"


def test_every_spelled_value_parses():
    for value in _random_values(3, 5000):
        assert spelled_value(num2words(value, lang="id")) == value, value


@pytest.fixture(scope="module")
def figures_pipeline():
    from extractor import Pipeline

    return Pipeline(fields=["population_counts", "percentages"])


def _read_in_text(pipeline, sentences: list[str], field: str) -> list[float]:
    found: list[float] = []
    for at in range(0, len(sentences), 100):  # articles of 100 sentences
        record = pipeline(" ".join(sentences[at : at + 100]))
        found += [item.value for item in getattr(record, field)]
    return found


def test_spelled_counts_in_text(figures_pipeline):
    values = [v for v in _random_values(5, 2400) if v >= 2]
    sentences = [f"Tercatat {num2words(v, lang='id')} jiwa terdampak." for v in values]
    assert _read_in_text(figures_pipeline, sentences, "population_counts") == values


def test_spelled_percentages_in_text(figures_pipeline):
    rng = random.Random(9)
    values = [Decimal(v) for v in _random_values(7, 2000)]
    values += [Decimal(rng.randrange(100_000)) / 100 for _ in range(400)]  # two decimals
    sentences = [f"Kenaikannya {num2words(v, lang='id')} persen tahun ini." for v in values]
    found = _read_in_text(figures_pipeline, sentences, "percentages")
    assert [round(v, 2) for v in found] == [float(v) for v in values]
