"""Officials: name bounding, position reading, merging of mentions (own example sentences)."""

from __future__ import annotations

import pytest

from extractor import Pipeline, names
from extractor.fields.officials.find import find_officials
from extractor.sentences import split_article


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(fields=["officials"])


def _span_text(text, span):
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "start_word", "expected"),
    [
        ("kata Pj Wali Kota Mojokerto Moh. Ali Kuncoro, Rabu", "Moh.", "Moh. Ali Kuncoro"),
        ("kata Kapolres Kombes Pol Budi Santoso di markas", "Kombes", "Budi Santoso"),
        ("diserahkan KH Ma'ruf Amin kepada warga", "KH", "Ma'ruf Amin"),
        ("kata Agus M. Fauzi saat dihubungi", "Agus", "Agus M. Fauzi"),
        ("ujar Kapten (Purn) Joko Susilo kemarin", "Kapten", "Joko Susilo"),
        ("kata Presiden Jokowi Senin (7/8)", "Jokowi", "Jokowi"),
    ],
)
def test_bound_name_skips_titles_and_stops_at_non_names(text, start_word, expected):
    assert _span_text(text, names.bound_name(text, text.index(start_word))) == expected


def test_bound_name_has_nothing_after_a_title_alone():
    text = "kata Bupati dalam sambutannya"
    assert names.bound_name(text, text.index("dalam")) is None


def test_bound_name_left_reads_back_to_the_name_start():
    text = "Acara dibuka M Ali Kuncoro, Pj Wali Kota Mojokerto."
    assert _span_text(text, names.bound_name_left(text, text.index(","))) == "M Ali Kuncoro"


def test_name_key_drops_honorifics_and_unifies_muhammad():
    assert names.name_key("Moh. Ali Kuncoro") == names.name_key("Muhammad Ali Kuncoro")
    assert names.name_key("H. Ahmad Heryawan") == ("ahmad", "heryawan")
    assert names.same_person(names.name_key("Ali"), names.name_key("M Ali Kuncoro"))
    assert not names.same_person(names.name_key("Ali Akbar"), names.name_key("M Ali Kuncoro"))


def test_position_keeps_its_place_and_body():
    text = "Sekretaris Komisi A DPRD Kota Malang Harvard Kurniawan dan Kapolres Metro Bekasi Kombes Mustofa hadir."
    found = find_officials(split_article(text, None))
    assert [(f.position, _span_text(text, f.name_span)) for f in found] == [
        ("Sekretaris Komisi A DPRD Kota Malang", "Harvard Kurniawan"),
        ("Kapolres Metro Bekasi", "Mustofa"),
    ]


def test_unknown_office_words_before_a_known_body_stay_in_the_position():
    text = "kata Kasi Penkum Kejati DIY Herwatan kepada wartawan."
    found = find_officials(split_article(text, None))
    assert [(f.position, _span_text(text, f.name_span)) for f in found] == [("Kasi Penkum Kejati DIY", "Herwatan")]


def test_mentions_merge_into_one_official_with_every_position(pipeline):
    text = (
        "Penjabat (Pj) Wali Kota Mojokerto Moh. Ali Kuncoro membuka acara. "
        "Ali yang akrab disapa Mas Pj itu lalu berpidato. "
        "Lebih lanjut pria yang juga Sekretaris DPRD Jatim itu menjelaskan programnya."
    )
    record = pipeline(text)
    assert len(record.officials) == 1
    official = record.officials[0]
    assert official.name == "Moh. Ali Kuncoro"
    assert official.positions == ["Penjabat (Pj) Wali Kota Mojokerto", "Sekretaris DPRD Jatim"]
    assert official.acting == "Pj"
    assert [m.text for m in official.mentions] == ["Moh. Ali Kuncoro", "Ali"]
    for mention in official.mentions + official.position_mentions:
        assert text[mention.start : mention.end] == mention.text
    assert [m.text for m in official.position_mentions] == ["Penjabat (Pj) Wali Kota Mojokerto", "Sekretaris DPRD Jatim"]


def test_fullest_name_form_is_chosen(pipeline):
    record = pipeline("Pemerintahan Prabowo Subianto berjalan setahun. Presiden Prabowo menyampaikan capaiannya.")
    assert [(o.name, o.positions) for o in record.officials] == [("Prabowo Subianto", ["Presiden"])]
    assert record.officials[0].name_variants == ["Prabowo"]


def test_coordinated_positions_are_split_between_the_people(pipeline):
    record = pipeline("Presiden dan Wakil Presiden RI Prabowo Subianto dan Gibran Rakabuming Raka menghadiri upacara.")
    assert [(o.name, o.positions) for o in record.officials] == [
        ("Prabowo Subianto", ["Presiden RI"]),
        ("Gibran Rakabuming Raka", ["Wakil Presiden RI"]),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Pengamat politik Universitas Airlangga Budi Santoso menilai kebijakan itu tepat.",
        "Calon Wakil Presiden Gibran Rakabuming Raka berkampanye di Surabaya.",
        "Aiptu Sunaryanto membantu warga menyeberang jalan.",
        "Wali Kota meninjau lokasi banjir kemarin.",
        "Direktur Utama PT Maju Sejahtera Abadi Rudi Hartono meresmikan pabrik baru.",
        "Penghematan itu merujuk Instruksi Presiden (Inpres) Nomor 1 Tahun 2025.",
    ],
)
def test_not_officials(pipeline, text):
    assert pipeline(text).officials == []


def test_credit_lines_are_not_officials(pipeline):
    text = "Bupati Sleman Harda Kiswaya meninjau sawah.\n\nEditor : Joko Santoso\n"
    assert [o.name for o in pipeline(text).officials] == ["Harda Kiswaya"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rank starts the name and ends the body
        ("Kasubdit III Ditreskrimsus Polda Jatim AKBP Rudi Hartono hadir.", ("Kasubdit III Ditreskrimsus Polda Jatim", "Rudi Hartono")),
        # a Balinese name opener after the place
        ("Lurah Sanur I Gusti Ngurah Wirawan hadir.", ("Lurah Sanur", "I Gusti Ngurah Wirawan")),
        # an organisation's own name after DPP, the person after the comma
        ("Ketua DPP Ikatan Keluarga Minang, Rustam Effendi, membuka acara.", ("Ketua DPP Ikatan Keluarga Minang", "Rustam Effendi")),
        # a province after a comma continues the place
        ("Bupati Kampar, Riau Sutrisno meresmikan pasar.", ("Bupati Kampar, Riau", "Sutrisno")),
    ],
)
def test_body_and_name_boundary(text, expected):
    found = find_officials(split_article(text, None))
    assert [(f.position, _span_text(text, f.name_span)) for f in found] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Ia sempat bertemu Wali Kota Verbania dalam kunjungan itu.",
        "Kepala Dewan Komisioner Lembaga Penjamin Simpanan menyebut dana aman.",
        "Mereka mengusung bakal calon bupati dan wakil bupati Sleman Budi Santoso - Joko Susilo.",
        "Pajak itu dibayar ke KPP Pratama Klaten pekan lalu.",
    ],
)
def test_body_words_are_not_people(pipeline, text):
    assert pipeline(text).officials == []


def test_demonstrative_position_goes_to_the_last_speaker(pipeline):
    text = 'Tono mendorong dinas bekerja sama dengan BRIN. "Riset perlu diteruskan," kata Ketua DPC PKB Jaksel itu.'
    assert [(o.name, o.positions) for o in pipeline(text).officials] == [("Tono", ["Ketua DPC PKB Jaksel"])]


def test_degrees_after_a_name_are_skipped():
    text = "Bupati Sleman, Kustini Sri Purnomo, S.H., M.Si., hadir."
    toks = names.tokenize(text)
    start = next(i for i, t in enumerate(toks) if t.text == "Kustini")
    end = names.name_run(toks, start)
    assert " ".join(t.text for t in toks[start:end]) == "Kustini Sri Purnomo"
    after = names.skip_degrees(toks, end)
    assert toks[after].text == "," and toks[after + 1].text == "hadir"


def test_a_second_head_ends_a_position():
    text = "Kinerja Presiden Jokowi dan Wali Kota Solo Gibran Rakabuming Raka dipuji."
    found = find_officials(split_article(text, None))
    assert [(f.position, _span_text(text, f.name_span)) for f in found] == [
        ("Presiden", "Jokowi"),
        ("Wali Kota Solo", "Gibran Rakabuming Raka"),
    ]


def test_a_spokesperson_counts_only_for_an_official(pipeline):
    official = pipeline("Bupati Sleman Harda Kiswaya hadir. Rini Astuti, juru bicara Harda Kiswaya, menjelaskan.")
    assert [o.name for o in official.officials] == ["Harda Kiswaya", "Rini Astuti"]
    private = pipeline("Mark Olsen, juru bicara Jane Fielding, membenarkan kabar itu.")
    assert private.officials == []


def test_a_place_written_after_di_is_not_a_name(pipeline):
    record = pipeline("Ia tinggal di Lecco sejak lama. Wali Kota Lecco menyatakan duka yang mendalam.")
    assert record.officials == []


def test_a_lone_unknown_word_after_a_place_title_is_a_person_only_when_named_elsewhere(pipeline):
    foreign = pipeline("Wakil Gubernur Ostrava mengatakan dua orang ditahan. Jaksa agung Brno menolak berkomentar.")
    assert foreign.officials == []
    named = pipeline("Gubernur Sunarjo meninjau banjir. Menurut Ahmad Sunarjo, bantuan sudah dikirim.")
    assert [o.name for o in named.officials] == ["Ahmad Sunarjo"]
    ranked = pipeline("Kapolsek Wonocolo AKP Sutarman mengatakan pelaku sudah ditangkap.")
    assert [o.name for o in ranked.officials] == ["Sutarman"]


def test_a_bracketed_acronym_of_the_phrase_before_it_is_not_a_title(pipeline):
    record = pipeline("Asap kendaraan menambah Particulate Matter (PM) di udara kota.")
    assert record.officials == []
    titled = pipeline("Perdana Menteri (PM) Anwar Ibrahim tiba di Jakarta.")
    assert [o.name for o in titled.officials] == ["Anwar Ibrahim"]


def test_seorang_between_the_name_and_the_position(pipeline):
    record = pipeline("Menurut Reza Tavakoli, seorang anggota parlemen dari Qazvin, jumlahnya bertambah.")
    assert [o.name for o in record.officials] == ["Reza Tavakoli"]


def test_a_dash_inside_an_association_name(pipeline):
    record = pipeline("Ketua Perhimpunan Kardiologi - Vaskular Anak, Prof. Dr. Budi Hartono, memberi penjelasan.")
    assert [(o.name, o.positions) for o in record.officials] == [
        ("Budi Hartono", ["Ketua Perhimpunan Kardiologi - Vaskular Anak"])
    ]


@pytest.mark.parametrize("text", [
    "Komandan Korps Pengawal Provinsi Fars mengatakan situasi terkendali.",
    "Rapat dipimpin Menko Pangan selaku Ketua Tim Pengarah program itu.",
])
def test_body_words_after_a_title_are_not_names(pipeline, text):
    assert pipeline(text).officials == []


def test_glued_honorifics_are_split_off_the_name():
    words = [t.text for t in names.tokenize("Sekda Dr.Hj.Rina Wulandari, H.Budi dan M.Si")]
    assert words == ["Sekda", "Dr", ".", "Hj", ".", "Rina", "Wulandari", ",", "H", ".", "Budi", "dan", "M.Si"]


def test_a_closing_apostrophe_is_no_part_of_a_word():
    assert [t.text for t in names.tokenize("'Jawa Timur' dan Ma'ruf")] == ["'", "Jawa", "Timur", "'", "dan", "Ma'ruf"]


@pytest.mark.parametrize(
    ("text", "titled", "expected"),
    [
        ("AM Rudi Hartono mengatakan", True, "AM Rudi Hartono"),
        ("Raja Juli Santoso kepada", False, "Raja Juli Santoso"),
        ("Mahmud MD, akademisi", False, "Mahmud MD"),
        ("Rahmat T.Wijaya beserta", False, "Rahmat T.Wijaya"),
        ("Forkopimda Prov. Sultra", False, "Forkopimda"),
    ],
)
def test_name_run_bounds(text, titled, expected):
    toks = names.tokenize(text)
    end = names.name_run(toks, 0, titled=titled)
    assert text[toks[0].start : toks[end - 1].end] == expected


def test_degrees_before_a_link_are_skipped_back():
    text = "Rina Wulandari, S.Si, ME selaku"
    end = names.skip_degrees_left(text, text.index(" selaku"), 0)
    assert text[:end] == "Rina Wulandari"


def test_spelling_variants():
    from extractor.fields.officials.spelling import one_letter_apart, spelled_alike

    assert one_letter_apart("khofifah", "kofifah")
    assert not one_letter_apart("suharno", "suharto")  # a letter changed: two names
    assert not one_letter_apart("ani", "anie")  # short words differ by a letter too often
    assert spelled_alike(("kofifah", "indar", "parawansa"), ("khofifah",))


def test_a_wife_called_by_her_husbands_name_is_not_him(pipeline):
    record = pipeline("Bupati Sleman Ahmad Lamani hadir. Ibu Norma Ahmad Lamani juga hadir.")
    assert [o.name for o in record.officials] == ["Ahmad Lamani"]


def test_a_position_given_by_a_demonstrative_goes_to_the_sentence_before(pipeline):
    record = pipeline("Budi Santoso tiba pukul 09.00. Mantan Bupati Sleman itu langsung menuju lokasi.")
    assert [(o.name, o.positions) for o in record.officials] == [("Budi Santoso", ["Mantan Bupati Sleman"])]
