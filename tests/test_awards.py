"""Awards: what counts as a named recognition, how mentions merge, and span/offset contracts."""

from __future__ import annotations

import pytest

from extractor import Pipeline
from extractor.recognizers.awards import _acronym_of, _merge_tokens


@pytest.fixture(scope="module")
def awards_only():
    return Pipeline(fields=["awards"])


def names(pipeline, text):
    return [award.name for award in pipeline(text).awards]


def test_mentions_point_at_the_text(awards_only):
    text = "Pemkot Sumberjati meraih penghargaan Kota Cerdas Award 2024. Kota Cerdas Award 2024 itu diserahkan menteri."
    (award,) = awards_only(text).awards
    assert award.name == "Kota Cerdas Award 2024"
    assert len(award.mentions) == 2
    for mention in award.mentions:
        assert text[mention.start : mention.end] == mention.text
        assert mention.evidence and mention.text in mention.evidence


def test_year_inside_name_is_covered_and_not_a_date():
    text = "Dinas itu meraih penghargaan Anugerah Keterbukaan Informasi 2024 pada Senin (2/12/2024)."
    record = Pipeline()(text)
    (award,) = record.awards
    assert award.mentions[0].text.endswith("2024")
    assert [d.value for d in record.dates] == ["2024-12-02"]


def test_recipient_and_giver(awards_only):
    (award,) = awards_only("Pemkab Lembah Hijau meraih penghargaan Inovasi Daerah Terbaik dari Menteri Dalam Negeri.").awards
    assert award.recipient == "Pemkab Lembah Hijau"
    assert award.giver == "Menteri Dalam Negeri"


def test_coordination_after_cue_noun(awards_only):
    text = "Tiga penghargaan itu adalah Best Public Service, Smart Village Award serta Desa Digital Terbaik."
    assert names(awards_only, text) == ["Best Public Service", "Smart Village Award", "Desa Digital Terbaik"]


def test_bare_comma_does_not_pull_in_a_person(awards_only):
    text = "Aktor yang memenangkan penghargaan Piala Citra, Budi Santoso, hadir malam itu."
    assert names(awards_only, text) == ["Piala Citra"]


def test_bullets_under_an_award_header(awards_only):
    text = "Instansi itu menerima sejumlah penghargaan, di antaranya:\n- Gold Winner Anugerah Layanan Prima 2024\n- Penghargaan Zona Integritas Terbaik dari kementerian\n- Realisasi anggaran 98 persen\n"
    assert names(awards_only, text) == ["Gold Winner Anugerah Layanan Prima 2024", "Zona Integritas Terbaik"]


def test_acronym_merges_only_with_its_full_form(awards_only):
    merged = "Kota itu meraih predikat Wilayah Bebas dari Korupsi (WBK). Predikat WBK diserahkan bulan lalu."
    assert names(awards_only, merged) == ["Wilayah Bebas dari Korupsi (WBK)"]
    alone = "Kota itu mempertahankan predikat WBK sejak 2020."
    assert names(awards_only, alone) == ["WBK"]


def test_merge_keys():
    assert _merge_tokens("World's Best Banks") <= _merge_tokens("World's Best Bank 2025")
    assert _merge_tokens("Anugerah Budaya Jabar 2017") == _merge_tokens("Anugerah Budaya Jawa Barat 2017")
    assert not _merge_tokens("Nobel Perdamaian 2025") <= _merge_tokens("Nobel Perdamaian 2006")
    assert _acronym_of("UHC", "Universal Health Coverage (UHC) Utama")
    assert not _acronym_of("Adipura", "Anugerah Pesona Indonesia")


@pytest.mark.parametrize(
    "text",
    [
        "Kota itu menduduki ranking 2 Jatim dalam realisasi anggaran.",
        "Persib meraih trofi Piala Presiden setelah menang adu penalti.",
        "Pelari itu meraih medali emas di PON.",
        "Ia masuk nominasi Anugerah Musik Indonesia 2024 untuk kategori Album Terbaik.",
        "Kemensos meraih nilai 94 poin dengan kategori 'Baik'.",
        "Bupati menyerahkan piagam penghargaan kepada para kader posyandu.",
        "Rapat evaluasi digelar di Adipura, ruang rapat wali kota.",
        "Sri Anugerah Wati, Kepala Desa Sukamaju, menyambut tamu.",
        "Pemerintah menyampaikan penghargaan kepada tenaga kesehatan.",
        "Ia meraih gelar Doktor Honoris Causa dari universitas itu.",
    ],
)
def test_not_awards(awards_only, text):
    assert names(awards_only, text) == []


def test_articles_without_award_words_are_skipped_quickly(awards_only):
    text = "Harga cabai naik 20 persen di pasar tradisional. " * 200
    assert awards_only(text).awards == []


def test_a_known_award_keeps_its_edition_year(awards_only):
    text = "Rumah produksi itu mendapatkan Piala Maya 2019 sebagai Film Pendek Terpilih."
    assert names(awards_only, text) == ["Piala Maya 2019"]
