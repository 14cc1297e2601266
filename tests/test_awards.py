"""Awards: what counts as a named recognition, how mentions merge, and span/offset contracts."""

from __future__ import annotations

import pytest

from extractor import Pipeline
from extractor.fields.awards.recognizers import _acronym_of, _merge_tokens


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
        "Persib meraih gelar juara Liga 1 musim lalu.",
        "Tunggal putra itu merebut gelar Indonesia Open.",
        "Kota itu masuk nominasi Anugerah Keterbukaan Informasi Publik 2024.",
        "Film itu akan bersaing untuk meraih penghargaan Best Asian Film.",
        "Hasil evaluasi menunjukkan kabupaten itu berpotensi meraih predikat A.",
        "Semoga bisa memberikan semangat berupa piagam penghargaan dan uang pembinaan.",
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


def test_an_unnamed_certificate_conferred_is_labelled_unless_its_sentence_names_the_award(awards_only):
    assert names(awards_only, "Bupati menyerahkan piagam penghargaan kepada para kader posyandu.") == ["piagam penghargaan"]
    named = "Wali kota menyerahkan piagam penghargaan Kampung Tangguh Terbaik kepada warga RW 05."
    assert names(awards_only, named) == ["Kampung Tangguh Terbaik"]
    placement = "Panitia menyerahkan piala dan piagam penghargaan kepada juara Lomba Kebersihan Pasar."
    assert names(awards_only, placement) == ["juara Lomba Kebersihan Pasar"]


def test_a_ceremony_is_dropped_when_the_categories_won_are_named(awards_only):
    text = (
        "Penyanyi itu tampil dalam acara Brit Awards 2030 yang berlangsung di London. "
        "Ia menyabet Best Female Solo Artist dan memenangkan kategori Breakthrough Act."
    )
    assert names(awards_only, text) == ["Best Female Solo Artist", "Breakthrough Act"]
    alone = "Grup itu pernah meraih penghargaan Golden Disc Awards dan Seoul Music Awards."
    assert names(awards_only, alone) == ["Golden Disc Awards", "Seoul Music Awards"]


def test_a_category_keeps_the_award_name_and_is_shared_by_the_next_category(awards_only):
    text = "Film itu meraih Piala Vidia untuk kategori Film Televisi Terbaik dan kategori Penulis Skenario Terbaik."
    assert names(awards_only, text) == [
        "Piala Vidia untuk kategori Film Televisi Terbaik",
        "Piala Vidia untuk kategori Penulis Skenario Terbaik",
    ]


def test_winners_list_categories(awards_only):
    text = "Berikut daftar pemenang Anugerah Musik Nusantara 2030:\nAlbum Terbaik\nLangit Jingga - Band Senja\nPenyanyi Solo Pria Terbaik\nRaka Pratama\n"
    assert names(awards_only, text) == ["Album Terbaik", "Penyanyi Solo Pria Terbaik"]
    lines = "Berikut daftar pemenang Nusantara Music Awards 2030:\nTop Artist: Band Senja\nTop Male Artist: Raka Pratama\n"
    assert names(awards_only, lines) == ["Top Artist", "Top Male Artist"]  # distinct lines do not merge


def test_lower_case_grades_and_placements(awards_only):
    assert names(awards_only, "Kantor itu meraih predikat kepatuhan tinggi dari Ombudsman.") == ["kepatuhan tinggi"]
    assert names(awards_only, "Sekolah itu meraih juara III lomba sekolah sehat tingkat kabupaten.") == [
        "juara III lomba sekolah sehat tingkat kabupaten"
    ]
    assert names(awards_only, "Kesebelasan desa itu menjadi juara sepak bola tingkat kecamatan.") == []


def test_the_best_form_and_common_names_merge():
    assert _merge_tokens("The Best National Costume") <= _merge_tokens("Best National Costume Award")
    assert _merge_tokens("Oscar") <= _merge_tokens("Academy Award untuk kategori Aktor Terbaik")
