"""Sentence splitting that knows Indonesian news."""

import pytest

from extractor.sentences import split_article


def sentences(text):
    return [text[a:b] for a, b in split_article(text).sentences]


@pytest.mark.parametrize(
    "text",
    [
        "Pj Wali Kota Moh. Ali Kuncoro hadir.",
        "Hadir pula H. Ahmad dan Hj. Siti Aminah.",
        "Kepala dinas Dr. Ir. Budi Santoso, M.Si. memberi sambutan.",
        "Kantor itu di Jl. Pahlawan No. 5 Kec. Prajurit Kulon.",
        "Pesertanya 144.853 jiwa dari 141.790 penduduk.",
        "Rapat dihadiri camat, lurah, dll. Semua sepakat.".replace(" Semua sepakat.", " semua sepakat."),
        "Tokoh itu, Budi S. Wibowo, menyampaikan pendapat.",
        "Plt. Direktur Jenderal Imigrasi hadir, juga Pj. Gubernur Jatim.",
        "Gelar itu diterima Ahmad Fauzi S.H. Kemudian ia pulang.".replace(" Kemudian", " kemudian"),
    ],
)
def test_no_break_after_abbreviations_initials_and_dotted_numbers(text):
    assert sentences(text) == [text]


def test_no_break_inside_a_quotation():
    text = '"Kami bersyukur. Layanan berjalan baik," ujar Ali. Ia lalu pergi.'
    assert sentences(text) == ['"Kami bersyukur. Layanan berjalan baik," ujar Ali.', "Ia lalu pergi."]


def test_curly_quotation_that_ends_a_sentence_breaks_after_it():
    text = "“Kami siap. Semua berjalan baik.” Ia menambahkan hal lain."
    assert sentences(text) == ["“Kami siap. Semua berjalan baik.”", "Ia menambahkan hal lain."]


def test_break_between_plain_sentences_and_at_line_breaks():
    text = "Judul Berita Hari Ini\n\nKalimat pertama. Kalimat kedua? Ya! Selesai.\nParagraf baru"
    assert sentences(text) == ["Judul Berita Hari Ini", "Kalimat pertama.", "Kalimat kedua?", "Ya!", "Selesai.", "Paragraf baru"]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("MOJOKERTO, iNewsMojokerto.id - Pemkot Mojokerto meraih penghargaan.", "MOJOKERTO, iNewsMojokerto.id -"),
        ("Jakarta, CNN Indonesia -- Presiden meresmikan jalan tol.", "Jakarta, CNN Indonesia --"),
        ("SURABAYA - Gubernur meninjau banjir.", "SURABAYA -"),
    ],
)
def test_dateline_is_its_own_sentence(text, first):
    got = sentences(text)
    assert got[0] == first
    assert len(got) == 2


def test_header_lines_are_sentences_and_credits_are_excluded():
    text = (
        "Enggran Eko Budianto - detikJatim\n"
        "Rabu, 14 Agu 2024 20:47 WIB\n"
        "Kota Mojokerto -\n"
        "Isi berita pertama.\n"
        "Editor : Trisna Eka Adhitya"
    )
    article = split_article(text)
    assert sentences(text)[:3] == ["Enggran Eko Budianto - detikJatim", "Rabu, 14 Agu 2024 20:47 WIB", "Kota Mojokerto -"]
    byline = text.index("Enggran")
    editor = text.index("Editor")
    body = text.index("Isi")
    assert article.is_excluded(byline, byline + 5)
    assert article.is_excluded(editor + 9, editor + 14)
    assert not article.is_excluded(body, body + 3)


@pytest.mark.parametrize(
    "line",
    ["SCROLL TO CONTINUE WITH CONTENT", "ADVERTISEMENT", "Hide Ads", "Baca juga: Bupati meresmikan pasar 50 persen", "(abq/iwd)"],
)
def test_boilerplate_lines_are_excluded(line):
    text = f"Kalimat isi.\n{line}\nKalimat lain."
    article = split_article(text)
    start = text.index(line)
    assert article.is_excluded(start, start + len(line))
    assert not article.is_excluded(0, 7)


def test_boilerplate_produces_no_records(pipeline):
    text = "Capaian naik 5 persen.\nBaca juga: Inflasi turun 3 persen pada 2024\nSCROLL TO CONTINUE WITH CONTENT"
    record = pipeline(text)
    assert [p.value for p in record.percentages] == [5.0]
    assert record.dates == []


def test_sentence_index_and_offsets_cover_the_text():
    text = "Satu. Dua.\r\nTiga."
    article = split_article(text)
    assert sentences(text) == ["Satu.", "Dua.", "Tiga."]
    assert article.sentence_index(text.index("Tiga")) == 2
    assert article.sentence_index(text.index("Dua")) == 1
