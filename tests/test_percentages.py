"""Percentages: behaviour beyond the example file (offsets, ranges, signs)."""

from __future__ import annotations

import pytest

from extractor import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(fields=["percentages"])


def _found(pipeline, text):
    return [(item.text, item.value) for item in pipeline(text).percentages]


def test_offsets_point_at_the_text(pipeline):
    text = "Inflasi 2,5% dan pengangguran lima persen."
    for item in pipeline(text).percentages:
        assert text[item.start : item.end] == item.text
        assert item.evidence and item.text in item.evidence


def test_falling_dash_is_no_range(pipeline):
    # "9-7%" does not rise, so 9 is not taken as a range end
    assert _found(pipeline, "turun 9-7% saja") == [("7%", 7.0)]


def test_dash_after_a_number_is_not_a_minus(pipeline):
    assert _found(pipeline, "tumbuh 5,2-5,8% tahun depan") == [("5,2", 5.2), ("5,8%", 5.8)]


def test_spaced_range_links(pipeline):
    assert [v for _, v in _found(pipeline, "naik 10 s.d. 15 persen dan 3 s/d 4%")] == [10.0, 15.0, 3.0, 4.0]


def test_basis_points_beside_a_percent(pipeline):
    assert _found(pipeline, "turun 25 bps menjadi 4,75%") == [("4,75%", 4.75)]


def test_spelled_number_glued_to_another_word_is_no_percent(pipeline):
    assert _found(pipeline, "ketiga persen") == []


def test_a_target_with_a_tolerance_gives_both_numbers(pipeline):
    assert _found(pipeline, "sasaran 2,5 plus minus 1%") == [("2,5", 2.5), ("1%", 1.0)]
    assert _found(pipeline, "sasaran 2,5% ±1%") == [("2,5%", 2.5), ("1%", 1.0)]


def test_spaced_decimal_comma_only_with_a_short_whole_part(pipeline):
    assert _found(pipeline, "naik 60, 4% tahun ini") == [("60, 4%", 60.4)]
    assert _found(pipeline, "naik 60 , 45 persen") == [("60 , 45 persen", 60.45)]
    # a year before the comma, or a list, keeps the numbers apart
    assert _found(pipeline, "Pada 2018, 10% warga pindah") == [("10%", 10.0)]
    assert _found(pipeline, "angka 1, 2, 3 persen") == [("3 persen", 3.0)]
    # three digits after the comma and space: not a decimal written apart
    assert _found(pipeline, "naik 60, 400 persen") == [("400 persen", 400.0)]


def test_spaced_minus_needs_a_word_or_an_opening_before_it(pipeline):
    assert _found(pipeline, "tumbuh (- 0,5%) dan: - 1 persen") == [("- 0,5%", -0.5), ("- 1 persen", -1.0)]
    assert _found(pipeline, "kisaran 5% - 6%") == [("5%", 5.0), ("6%", 6.0)]
    assert _found(pipeline, "margin +/- 3 persen") == [("3 persen", 3.0)]


def test_a_long_spelled_number_beyond_the_first_window(pipeline):
    text = "naik " + "sembilan ratus sembilan puluh sembilan ribu " * 1 + "sembilan ratus sembilan puluh sembilan persen"
    assert _found(pipeline, text)[0][1] == 999999.0
