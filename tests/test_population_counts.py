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
    nouns = {noun.lower() for noun in lexicon.words("population_counts/people_nouns")}
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
    nouns = {noun.lower() for noun in lexicon.words("population_counts/people_nouns")}
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


def test_every_listed_exclusion_is_no_count(pipeline):
    # each word of count_shaped_exclusions.txt has a person noun's shape but names no person
    for word in lexicon.words("population_counts/shaped_exclusions"):
        assert _found(pipeline, f"Ada 25 {word} di sana.") == [], word


def test_agentive_shape_reads_unlisted_person_nouns(pipeline):
    for noun in ("pembicara", "penonton", "pelamar", "penyerang", "pemandu", "penumpang", "pengunjung", "pesilat"):
        assert _found(pipeline, f"Acara itu diikuti 25 {noun}.") == [(f"25 {noun}", 25, noun)], noun
    assert _found(pipeline, "Acara itu diikuti 25 pengikutnya.") == [("25 pengikut", 25, "pengikut")]


def test_per_words_and_an_forms_are_not_read_by_shape(pipeline):
    assert _found(pipeline, "Ada 3 pertandingan, 4 perusahaan, 2 pendapatan dan 5 perangkat.") == []


def test_a_capitalised_wan_word_is_a_name(pipeline):
    assert _found(pipeline, "Ia mengalahkan 2 Setiawan dan 3 ilmuwan.") == [("3 ilmuwan", 3, "ilmuwan")]


def test_a_subset_needs_a_people_noun_after_it(pipeline):
    assert _found(pipeline, "Ada 10 warga. Tiga di antaranya anak.") == [("10 warga", 10, "warga"), ("Tiga", 3, "anak")]
    assert _found(pipeline, "Ada 10 warga, tiga di antaranya dirawat.") == [("10 warga", 10, "warga")]


def test_a_total_needs_its_number_to_end_the_clause(pipeline):
    assert _found(pipeline, "Jumlah peserta tahun ini mencapai 20 kelompok.") == []
    assert _found(pipeline, "Jumlah peserta tahun ini mencapai 2024 orang.") == [("2024 orang", 2024, "orang")]
    assert _found(pipeline, "Total peserta tahun ini adalah 1.200.") == [("peserta tahun ini adalah 1.200", 1200, "peserta")]


def test_large_only_nouns_need_their_smallest_value(pipeline):
    assert _found(pipeline, "Dikerahkan 9 pasukan dan 10 pasukan.") == [("10 pasukan", 10, "pasukan")]
