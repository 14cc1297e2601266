"""Unit tests for the dates field beyond the example corpus: resolution rules and helpers."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor import Pipeline
from extractor.fields.dates.anchors import cited_before
from extractor.fields.dates.award_years import award_event_year
from extractor.fields.dates.calendar import iso_week, nearest_day, weekday_swapped
from extractor.fields.dates.candidate import DateCandidate
from extractor.fields.dates.resolve import weekday_value


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(fields=["dates"])


def values(pipeline, text, published=None):
    return [item.value for item in pipeline(text, published=published).dates]


def test_text_equals_the_article_slice(pipeline):
    text = "Rapat digelar Rabu, 14 Agu 2024 20:47 WIB, lalu ditunda hingga 15-16 Juli 2025 dan kuartal III."
    record = pipeline(text, published="2024-08-14")
    assert record.dates
    for item in record.dates:
        assert text[item.start : item.end] == item.text


def test_granularity_follows_the_value(pipeline):
    record = pipeline("Laporan triwulan II 2024, semester I 2024, Agustus 2024, tahun 2017 dan pekan lalu.", published="2024-08-14")
    assert [(d.value, d.granularity.value) for d in record.dates] == [
        ("2024-Q2", "quarter"), ("2024-H1", "half"), ("2024-08", "month"), ("2017", "year"), ("2024-W32", "week"),
    ]


def test_relative_flag(pipeline):
    record = pipeline("Kemarin, 14 Agustus 2024, dan besok.", published="2024-08-15")
    flags = {d.text: d.relative for d in record.dates}
    assert flags["besok"] is True
    assert any(not relative for relative in flags.values())


def test_stated_date_becomes_the_reference_without_published(pipeline):
    text = "Kamis, 10 Oktober 2024 09:15 WIB\nBupati mengatakan proyek selesai tahun depan."
    assert values(pipeline, text) == ["2024-10-10", "2025"]


def test_unresolved_relative_is_null(pipeline):
    assert values(pipeline, "Proyek selesai tahun depan.") == [None]


def test_local_anchor_only_near_the_reference_date(pipeline):
    # a weekday date far from the article's date names another event: "hari ini" stays the article's day
    text = "Kasus terjadi Minggu (9/4/2017) malam. Sumarno datang hari ini."
    assert values(pipeline, text, "2017-04-14") == ["2017-04-09", "2017-04-14"]


def test_a_day_without_year_takes_the_nearest_year(pipeline):
    assert values(pipeline, "Surat tertanggal (30/12) itu dibahas.", "2025-01-02") == ["2024-12-30"]


def test_weekday_resolution():
    wednesday = dt.date(2025, 10, 22)

    def value(weekday: int, **said) -> str | None:
        return weekday_value(DateCandidate.lone_weekday(0, 5, weekday, **said), wednesday)

    assert value(1) == "2025-10-20"  # last Monday
    assert value(3) == "2025-10-22"  # today
    assert value(5, ahead=True) == "2025-10-24"
    assert value(3, direction="past") == "2025-10-15"
    assert value(3, direction="future") == "2025-10-29"
    assert value(3, week_offset=1) == "2025-10-29"


def test_iso_week_crosses_the_year():
    assert iso_week(dt.date(2025, 12, 29)) == "2026-W01"
    assert iso_week(dt.date(2021, 1, 3)) == "2020-W53"


@pytest.mark.parametrize(
    "text",
    [
        "Diatur UU Nomor 23 Tahun 2014 dan PP No. 40 Tahun 2025.",
        "Merujuk PMK 152/2019 serta Keputusan Presiden RI No 28 / P Tahun 2024.",
        "Ia meraih Mandaya Awards 2025.",
        "Sebanyak 2024 orang hadir membawa Rp 2.024.",
        "Hubungi 0812-2024-5566.",
        "Tradisi sejak 1990-an, 1446 H.",
        "Latihan setiap Senin dan salat Jumat.",
    ],
)
def test_exclusions_produce_nothing(pipeline, text):
    assert values(pipeline, text, "2025-01-01") == []


def test_impossible_days_are_dropped(pipeline):
    # no day value for a date that does not exist; "Februari 2024" alone still names a month
    assert values(pipeline, "Tanggal 31 Februari 2024 dan (30/2/2024) tidak ada.") == ["2024-02"]


def test_the_day_the_text_calls_today_resolves_later_relative_words(pipeline):
    # published a day later; the lead says which day "hari ini" is
    text = "Hari ini, Senin (20/10/2025), ia mangkir.\nPengacaranya bilang kemarin ia sakit."
    assert values(pipeline, text, published="2025-10-21") == ["2025-10-20", "2025-10-19"]


def test_a_bracketed_gloss_is_one_mention_in_the_articles_time(pipeline):
    text = '"Besok (hari ini) dia diperiksa," kata penyidik, Minggu (19/10).'
    found = pipeline(text, published="2025-10-20").dates
    assert [(item.text, item.value) for item in found] == [
        ("Besok (hari ini)", "2025-10-20"),
        ("Minggu (19/10)", "2025-10-19"),
    ]


def test_part_of_year_words_need_no_stated_year_after_them(pipeline):
    assert values(pipeline, "Target tercapai akhir tahun.", published="2025-10-21") == ["2025"]
    assert values(pipeline, "Target tercapai akhir tahun 2026.", published="2025-10-21") == ["2026"]


@pytest.mark.parametrize(
    "text",
    [
        "Sesuai Peraturan Menteri nomor KM.14 Tahun 2019.",
        "Pergub 12 tahun 2020 dan Permenhub 5 tahun 2021 dicabut.",
        "Putusan Nomor 55 P/HUM/2021 serta Ketetapan Nomor IV/MPR/2000.",
        "PMK Nomor: 8/PMK.05/2023 dan No. KEP-9/MEN/2022.",
    ],
)
def test_years_in_coded_regulation_identifiers_are_not_dates(pipeline, text):
    assert values(pipeline, text, "2024-01-01") == []


def test_an_anchor_stops_once_the_narrative_moves_to_a_later_day(pipeline):
    text = (
        "Ia hilang Senin (4/3).\nKeluarga melapor kemarin (5/3).\n"
        '"Kami terus mencari," kata polisi, kemarin malam.'
    )
    assert values(pipeline, text, "2024-03-06") == ["2024-03-04", "2024-03-05", "2024-03-05"]
    # without the later day, the quote still goes on from the day stated before it
    text = 'Ia hilang Senin (4/3).\n"Kami mencari sejak kemarin," kata polisi.'
    assert values(pipeline, text, "2024-03-06") == ["2024-03-04", "2024-03-03"]


def test_a_coming_date_does_not_move_the_narrative(pipeline):
    text = 'Tim kalah Sabtu (8/4).\nLaga berikutnya 15 April.\n"Kami kalah malam ini," kata pelatih.'
    assert values(pipeline, text, "2017-04-10") == ["2017-04-08", "2017-04-15", "2017-04-08"]


def test_the_quotes_own_attribution_dates_it(pipeline):
    text = 'Rapat digelar Senin (4/3).\n"Kami berangkat besok," ujar camat, Selasa (5/3).'
    assert values(pipeline, text, "2024-03-06") == ["2024-03-04", "2024-03-06", "2024-03-05"]


def test_part_of_year_takes_a_year_stated_earlier_in_the_sentence(pipeline):
    assert values(pipeline, "Pada 2015 laba turun, tetapi akhir tahun pulih.", "2017-05-20") == ["2015", "2015"]


def test_yearless_day_month_prefers_the_past(pipeline):
    # April seen from November: last April (7 months back), not next April (5 months ahead)
    assert nearest_day(dt.date(2017, 11, 5), 4, 11) == dt.date(2017, 4, 11)
    # a date a few weeks ahead is still the coming one
    assert nearest_day(dt.date(2017, 11, 5), 1, 2) == dt.date(2018, 1, 2)
    assert nearest_day(dt.date(2025, 1, 3), 12, 28) == dt.date(2024, 12, 28)


def test_weekday_that_fits_only_the_swapped_reading(pipeline):
    # 11 April is no Saturday in 2016-2018; 4 November 2017 is, the day before the reference date
    assert values(pipeline, "Ia berbicara di Mataram, Sabtu (11/4).", "2017-11-05") == ["2017-11-04"]
    # the stated reading kept when its weekday fits, or when the swapped day is far from the reference
    assert values(pipeline, "Ia berbicara di Mataram, Sabtu (4/11).", "2017-11-05") == ["2017-11-04"]
    assert values(pipeline, "Ia berbicara, Minggu (4/1).", "2018-02-04") == ["2018-01-04"]
    assert weekday_swapped(6, 11, 4, None, dt.date(2017, 11, 5))
    assert not weekday_swapped(6, 4, 11, None, dt.date(2017, 11, 5))


def test_lebaran_days_count_from_idul_fitri(pipeline):
    text = "Arus mudik diperkirakan memuncak pada H-3 Lebaran, arus balik pada H+4."
    assert values(pipeline, text, "2017-06-10") == ["2017-06-22", "2017-06-29"]
    assert values(pipeline, text, "2024-03-30") == ["2024-04-07", "2024-04-14"]


def test_h_minus_without_lebaran_is_not_a_date(pipeline):
    assert values(pipeline, "Masa tenang berakhir H-1 pencoblosan.", "2024-02-10") == []


def test_lebaran_day_merges_with_the_date_it_glosses(pipeline):
    text = "Puncak arus balik jatuh pada H+4 atau pada Kamis (29/6) mendatang, kata petugas mudik."
    record = pipeline(text, published="2017-06-27")
    assert [(d.text, d.value) for d in record.dates] == [("H+4 atau pada Kamis (29/6) mendatang", "2017-06-29")]


def test_quote_attribution_dates_a_quote_beyond_the_window(pipeline):
    text = (
        "Pemindahan pegawai dimulai, dikutip Jumat (19/9/2025).\n"
        '"Kemarin kami rapat koordinasi," kata pejabat itu, Senin (15/9/2025).'
    )
    assert values(pipeline, text, "2025-09-20") == ["2025-09-19", "2025-09-14", "2025-09-15"]


def test_semalam_is_last_night_unless_it_is_one_night(pipeline):
    assert values(pipeline, "Hujan deras mengguyur kota semalam.", "2025-09-11") == ["2025-09-10"]
    assert values(pipeline, "Ia menginap semalam di hotel itu.", "2025-09-11") == []
    assert values(pipeline, "Ia menulis lima puisi dalam semalam.", "2025-09-11") == []
    # the night just dated: "sejak Selasa (9/9) malam ... semalam" is that Tuesday night
    text = "Banjir melanda sejak Selasa (9/9) malam. Hujan lebat turun semalam sejak pukul 23.00."
    assert values(pipeline, text, "2025-09-11") == ["2025-09-09", "2025-09-09"]


def test_up_to_a_count_is_not_a_year(pipeline):
    assert values(pipeline, "Rutan itu dihuni hingga 1870 tahanan.", "2017-05-07") == []
    assert values(pipeline, "Program berjalan hingga 2030.", "2025-05-07") == ["2030"]


def test_header_date_needs_the_first_line_and_a_recent_date(pipeline):
    # a header line written some days before the crawl date dates the text
    text = "Kendari, 13 November 2021\nPeserta tiba hari ini."
    assert values(pipeline, text, "2021-12-02") == ["2021-11-13", "2021-11-13"]
    # a year-old header (a slip in the year) does not
    text = "Kendari, 4 September 2020\nPeserta tiba hari ini."
    assert values(pipeline, text, "2021-09-06") == ["2020-09-04", "2021-09-06"]
    # a date in a sentence opening the text is no header
    text = "3 Maret 2017 lalu, para penggemar bergembira. Hari ini mereka berkumpul."
    assert values(pipeline, text, "2017-05-10") == ["2017-03-03", "2017-05-10"]


def test_citation_date_dates_only_its_quote(pipeline):
    text = "Hal itu dilansir AFP, Minggu (6/7/2025), dan dikutip media lain."
    assert cited_before(text, text.index("Minggu"))
    assert not cited_before("kata Budi, Minggu (6/7/2025)", len("kata Budi, "))


def test_award_event_and_pageant_years():
    def year_is_award(text: str) -> bool:
        start = text.index("20")
        return award_event_year(text, start, start + 4)

    assert year_is_award("hadir di gelaran Golden Globes 2018 nanti")
    assert year_is_award("tampil di Billboard Women in Music 2018")
    assert year_is_award("meraih penghargaan VMA. Ia memandu VMA 2017 pada Agustus")
    assert year_is_award("terpilih menjadi Miss Grand International 2016.")
    assert year_is_award("ada Puteri Indonesia 2007, Putri Raesmawasti, yang mendaftar")
    assert not year_is_award("di ajang Miss Grand International 2017 di Vietnam")
    assert not year_is_award("menyiapkan Pemilu 2024 dengan baik")
    # a sports trophy is no award: the league keeps its season's years
    assert not year_is_award("belum pernah mengangkat trofi Liga Europa. Final Liga Europa 2016/2017 digelar")


def test_lebaran_takes_the_nearest_idul_fitri_past_first(pipeline):
    assert values(pipeline, "Kami bertemu setelah Lebaran.", "2025-10-20") == ["2025-03-31"]
    assert values(pipeline, "Kami bertemu setelah Lebaran mendatang.", "2025-10-20") == ["2026-03-21"]
    assert values(pipeline, "Pengajian digelar usai Hari Raya Idul Fitri lalu.", "2024-05-02") == ["2024-04-10"]
    assert values(pipeline, "Lebaran Ketupat dirayakan meriah sesudah Lebaran Haji.", "2024-05-02") == []
