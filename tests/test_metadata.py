"""Article metadata (outlet, credits, dateline, publication time) from header and footer lines."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extractor.batch import read_csv_table, run_batch
from extractor.inputs import ArticleInput
from extractor.metadata import is_outlet, read_metadata
from extractor.pipeline import Pipeline
from extractor.sentences import split_article
from schemas import ArticleMetadata, ArticleRecord

WIB = dt.timezone(dt.timedelta(hours=7))

# an invented page as a crawler stores it: title, byline, date-time line, dateline alone, story, credits
DETIK_STYLE = (
    "Jembatan Baru Desa Contoh Dibuka\n\n"
    "Lina Marlina - detikJatim\n"
    "Kamis, 05 Sep 2024 14:20 WIB\n"
    "Kabupaten Contoh -\n\n"
    "Bupati Contoh Hendra Gunawan meresmikan jembatan itu kemarin.\n\n"
    "(lin/dwi)\n\n"
    "Hide Ads"
)


def test_header_and_footer_lines(pipeline):
    record = pipeline(DETIK_STYLE)
    assert record.article == ArticleMetadata(
        outlet="detikJatim",
        reporters=["Lina Marlina"],
        initials=["lin", "dwi"],
        dateline_place="Kabupaten Contoh",
        published_at=dt.datetime(2024, 9, 5, 14, 20, tzinfo=WIB),
    )


def test_published_comes_from_the_date_line_and_relative_dates_resolve_against_it(pipeline):
    record = pipeline(DETIK_STYLE)
    assert record.published == dt.date(2024, 9, 5)
    assert {d.text: d.value for d in record.dates}["kemarin"] == "2024-09-04"


def test_the_input_date_wins_over_the_text(pipeline):
    record = pipeline(DETIK_STYLE, published="2024-09-06")
    assert record.published == dt.date(2024, 9, 6)
    assert record.article.published_at == dt.datetime(2024, 9, 5, 14, 20, tzinfo=WIB)  # still what the page says


def test_credited_people_are_not_officials(pipeline):
    text = (
        "SURABAYA, iNewsContoh.id - Wali Kota Contoh Arif Budiman membuka pameran.\n"
        "Reporter: Kepala Redaksi Dimas Anggara\n"
        "Editor : Bagus Setiawan"
    )
    record = pipeline(text)
    assert [o.name for o in record.officials] == ["Arif Budiman"]
    assert record.article.editors == ["Bagus Setiawan"]
    assert record.article.reporters == ["Kepala Redaksi Dimas Anggara"]  # as credited; never an official


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Senin, 9 Sep 2024 06:05 WIB", dt.datetime(2024, 9, 9, 6, 5, tzinfo=WIB)),
        ("Senin, 9 Sep 2024 06:05 WITA", dt.datetime(2024, 9, 9, 6, 5, tzinfo=dt.timezone(dt.timedelta(hours=8)))),
        ("Senin, 9 Sep 2024 | 06:05 WIT", dt.datetime(2024, 9, 9, 6, 5, tzinfo=dt.timezone(dt.timedelta(hours=9)))),
        ("Senin, 9 September 2024, pukul 06.05", dt.datetime(2024, 9, 9, 6, 5, tzinfo=WIB)),  # no zone: WIB
        ("Senin, 9 September 2024", dt.date(2024, 9, 9)),
        ("Senin, 9 September 2024 25:61 WIB", dt.date(2024, 9, 9)),  # no such time
    ],
)
def test_date_time_lines(pipeline, line, expected):
    assert pipeline(f"{line}\nCamat meninjau lokasi.").article.published_at == expected


def test_a_bare_date_among_the_last_lines_is_a_schedule_not_the_publication(pipeline):
    body = "\n".join(f"Paragraf isi nomor {n} tentang jadwal." for n in range(12))
    assert pipeline(f"{body}\nSabtu, 14 September 2024").article.published_at is None
    assert pipeline(f"{body}\nSabtu, 14 September 2024 18:00 WIB").article.published_at is not None


def test_without_the_dates_field_there_is_no_publication_time():
    record = Pipeline(fields=["officials"])(DETIK_STYLE)
    assert record.article.published_at is None and record.published is None
    assert record.article.outlet == "detikJatim"


def test_page_metadata_fills_only_what_the_lines_do_not_say():
    known = ArticleMetadata(outlet="Warta Contoh", reporters=["Penulis Halaman"], editors=["Editor Halaman"])
    text = "MALANG, iNewsContoh.id - Isi berita.\nPenulis: Nanda Putri"
    metadata = read_metadata(split_article(text), known=known)
    assert metadata.outlet == "iNewsContoh.id" and metadata.reporters == ["Nanda Putri"]
    assert metadata.editors == ["Editor Halaman"]


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("detikJatim", True),
        ("Detik.com", True),
        ("CNN Indonesia", True),
        ("TRIBUNJATIM.COM", True),
        ("Warta-contoh.co.id", True),  # a web domain
        ("Jakarta", False),
        ("BOLAANG MONGONDOW", False),  # starts like the outlet "bola" but is a place
        ("Bolaang Mongondow", False),
    ],
)
def test_outlets(name, outlet):
    assert is_outlet(name) is outlet


def test_records_round_trip_and_old_records_still_validate(pipeline):
    record = pipeline(DETIK_STYLE)
    again = ArticleRecord.model_validate_json(record.model_dump_json())
    assert again.article == record.article
    assert json.loads(record.model_dump_json())["article"]["published_at"] == "2024-09-05T14:20:00+07:00"
    old = {"officials": [], "dates": [], "percentages": [], "population_counts": [], "awards": []}
    assert ArticleRecord.model_validate(old).article == ArticleMetadata()


def test_csv_articles_table_has_the_metadata(tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(DETIK_STYLE, encoding="utf-8")
    run_batch([str(source)], tmp_path / "tables", format="csv")
    row = read_csv_table(tmp_path / "tables" / "articles.csv")[0]
    assert row["outlet"] == "detikJatim" and row["initials"] == "lin | dwi"
    assert row["published_at"] == "2024-09-05T14:20:00+07:00" and row["published"] == "2024-09-05"


def test_evaluation_inputs_are_unchanged_by_metadata():
    # the metadata is read from the text alone: an ArticleInput without page metadata works as before
    record = Pipeline(fields=["dates"]).process(ArticleInput(text="Naik pada 2024.", id="x"))
    assert record.article == ArticleMetadata()
