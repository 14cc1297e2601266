"""Population counts: behaviour beyond the example file (units, offsets, blockers)."""

from __future__ import annotations

import pytest

from extractor import lexicon
from extractor import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(fields=["population_counts"])


def _found(pipeline, text):
    return [(item.text, item.value, item.unit) for item in pipeline(text).population_counts]


def test_guideline_nouns_are_in_the_data_file():
    nouns = {noun.lower() for noun in lexicon.words("people_nouns")}
    for noun in ("jiwa", "orang", "penduduk", "warga", "kk", "kepala keluarga", "rumah tangga", "personel", "petugas"):
        assert noun in nouns


def test_unit_is_lower_cased_as_written(pipeline):
    assert _found(pipeline, "Sebanyak 12 ASN dan 40 Orang hadir.") == [("12 ASN", 12, "asn"), ("40 Orang", 40, "orang")]


def test_offsets_point_at_the_text(pipeline):
    text = "Banjir merendam rumah 1.250 jiwa di 3 desa."
    for item in pipeline(text).population_counts:
        assert text[item.start : item.end] == item.text


def test_each_count_in_a_list(pipeline):
    found = _found(pipeline, "Korban terdiri atas 5 anak, 3 lansia, dan 2 balita.")
    assert [value for _, value, _ in found] == [5, 3, 2]


def test_a_year_with_a_month_before_it_is_no_count(pipeline):
    assert _found(pipeline, "Sejak Maret 2021 warga mengungsi.") == []


def test_a_count_of_one_with_no_limit_is_kept(pipeline):
    assert _found(pipeline, "Hanya satu orang selamat.") == [("satu orang", 1, "orang")]


def test_falling_range_is_not_a_range(pipeline):
    # "2023 hingga 600 orang": a year before "hingga", not the low end of a range
    assert _found(pipeline, "sejak 2023 hingga 600 orang terdaftar") == [("600 orang", 600, "orang")]


def test_kin_nouns_are_people_nouns():
    nouns = {noun.lower() for noun in lexicon.words("people_nouns")}
    assert {"adik", "kakak", "cucu", "saudara", "bersaudara", "istri", "suami", "putra", "putri"} <= nouns


def test_collective_ordinal_is_a_count_only_before_the_noun(pipeline):
    assert _found(pipeline, "Kelima tersangka ditahan.") == [("Kelima tersangka", 5, "tersangka")]
    assert _found(pipeline, "Tersangka kelima ditahan.") == []
    assert _found(pipeline, "Anak ketiga pelaku ikut diperiksa.") == []


def test_noun_first_count_reads_the_scale_and_keeps_the_noun(pipeline):
    found = _found(pipeline, "Proyek itu menyerap pekerja sebanyak 2,5 juta, kata dia.")
    assert found == [("pekerja sebanyak 2,5 juta", 2500000, "pekerja")]


def test_noun_first_count_needs_the_whole_number_to_end_the_phrase(pipeline):
    # "326" of "326.462" must not be read, and a unit word after the number blocks it
    assert _found(pipeline, "Penyerapan tenaga kerja sebanyak 326.462 orang.") == [("326.462 orang", 326462, "orang")]
    assert _found(pipeline, "Jumlah siswa mencapai 12 kelas.") == []
    assert _found(pipeline, "Pendaftar mencapai 2024 dan terus naik.") == []


def test_noun_first_count_is_not_money_of_the_people(pipeline):
    assert _found(pipeline, "Penghasilan petani mencapai 3 juta, katanya.") == []


def test_cardinal_only_noun_needs_two_or_more(pipeline):
    assert _found(pipeline, "Ada satu tokoh dan dua tokoh lain.") == [("dua tokoh", 2, "tokoh")]
