"""The number parser against extractor/examples/numbers.jsonl, and the number regexes in text."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import regex

from extractor.numbers import NUMBER, QUANTITY, SPELLED, longest_spelled, parse_digits, parse_number, spelled_number

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
