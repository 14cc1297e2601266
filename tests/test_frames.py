"""records_to_dataframe: one pandas table per field, the rows of the batch CSV tables."""

from __future__ import annotations

import sys

import pytest

from extractor import records_to_dataframe
from extractor.batch.writers import CsvWriter, csv_columns, read_csv_table
from schemas import ArticleRecord, field_names

pandas = pytest.importorskip("pandas")

# invented sentences
ARTICLES = [
    {
        "id": "satu",
        "published": "2024-09-25",
        "text": "Sleman, Rabu (25/9/2024) - Bupati Sleman Hendra Wijayakusuma menerima penghargaan Adipura Kencana "
        "dari Kementerian Lingkungan Hidup. Menurut Hendra, sebanyak 1.250 jiwa warga telah menerima bantuan.",
    },
    {
        "id": "dua",
        "published": "2024-08-14",
        "text": "Tingkat kepuasan warga mencapai 85,7 persen pada Agustus 2024, naik dari 80 persen. "
        "Plt Kepala Dinas Kesehatan Rina Kartikasari menyebut 320 warga belum terdaftar.",
    },
]


@pytest.fixture(scope="module")
def records(pipeline):
    found = list(pipeline.pipe(ARTICLES))
    assert all(any(getattr(record, field) for record in found) for field in field_names()), "every field has items"
    return found


def test_one_row_per_item_in_record_order(records):
    for field in field_names():
        frame = records_to_dataframe(records, field)
        items = [(record.id, item) for record in records for item in getattr(record, field)]
        assert len(frame) == len(items), field
        assert list(frame.columns) == list(csv_columns()[field])
        assert list(frame["article_id"]) == [article_id for article_id, _ in items]


def test_values_and_offsets_are_those_of_the_items(records):
    dates = records_to_dataframe(records, "dates")
    for row, item in zip(dates.itertuples(), [i for r in records for i in r.dates]):
        assert (row.value, row.text, row.start, row.end, row.sentence) == (item.value, item.text, item.start, item.end, item.sentence)
        assert row.granularity == item.granularity.value and row.relative == item.relative
    percentages = records_to_dataframe(records, "percentages")
    assert list(percentages["value"]) == [i.value for r in records for i in r.percentages]
    assert 85.7 in list(percentages["value"])
    counts = records_to_dataframe(records, "population_counts")
    assert list(zip(counts["value"], counts["unit"])) == [(i.value, i.unit) for r in records for i in r.population_counts]


def test_officials_and_awards_give_their_first_mention_and_lists(records):
    officials = records_to_dataframe(records, "officials")
    people = [i for r in records for i in r.officials]
    assert len(officials) == len(people) >= 2
    for row, person in zip(officials.to_dict("records"), people):
        assert row["name"] == person.name
        assert row["positions"] == person.positions and isinstance(row["positions"], list)
        assert row["name_variants"] == person.name_variants
        assert row["mention_count"] == len(person.mentions)
        first = person.mentions[0]
        assert (row["text"], row["start"], row["end"]) == (first.text, first.start, first.end)
    awards = records_to_dataframe(records, "awards")
    (adipura,) = [i for r in records for i in r.awards]
    assert awards.loc[0, "name"] == adipura.name and awards.loc[0, "mention_count"] == len(adipura.mentions)
    assert awards.loc[0, "start"] == adipura.mentions[0].start


def test_columns_are_typed_and_missing_values_are_na(records):
    dates = records_to_dataframe(records, "dates")
    assert str(dates["start"].dtype) == "Int64" and str(dates["relative"].dtype) == "boolean"
    assert str(dates["value"].dtype) == "string"
    assert str(records_to_dataframe(records, "percentages")["value"].dtype) == "Float64"
    assert str(records_to_dataframe(records, "population_counts")["value"].dtype) == "Int64"
    officials = records_to_dataframe(records, "officials")
    assert officials["positions"].dtype == object
    assert str(officials["mention_count"].dtype) == "Int64"
    # an item without offsets (a gold file's form) and a record without an id
    bare = ArticleRecord.model_validate(
        {"officials": [], "percentages": [], "population_counts": [], "awards": [],
         "dates": [{"text": "Agustus 2024", "value": "2024-08"}]}
    )  # fmt: skip
    frame = records_to_dataframe([bare], "dates")
    assert frame.loc[0, "value"] == "2024-08"
    for column in ("article_id", "start", "end", "sentence", "evidence", "granularity", "relative"):
        assert frame.loc[0, column] is pandas.NA, column


def test_records_as_dicts_and_empty_input(records):
    as_json = [record.model_dump(mode="json") for record in records]
    for field in field_names():
        pandas.testing.assert_frame_equal(records_to_dataframe(as_json, field), records_to_dataframe(records, field))
        empty = records_to_dataframe([], field)
        assert empty.empty and list(empty.columns) == list(csv_columns()[field])
        assert dict(empty.dtypes) == dict(records_to_dataframe(records, field).dtypes)


def test_the_same_rows_as_the_csv_tables(records, tmp_path):
    writer = CsvWriter(tmp_path, resume=False)
    for record in records:
        writer.write(record.model_dump_json())
    writer.close()
    for field in field_names():
        table = read_csv_table(tmp_path / f"{field}.csv")
        frame = records_to_dataframe(records, field)
        assert len(table) == len(frame)
        for csv_row, row in zip(table, frame.to_dict("records")):
            for column in ("article_id", "text", "start", "end", "evidence"):
                assert csv_row[column] == str(row[column]), (field, column)
            if field == "officials":
                assert csv_row["positions"] == " | ".join(row["positions"])


def test_figures_carry_what_they_measure_and_facts_list_them_all(records, tmp_path):
    from extractor.frames import facts_dataframe

    percentages = records_to_dataframe(records, "percentages")
    assert list(percentages.columns[-3:]) == ["subject", "period", "place"]
    assert list(percentages["subject"].fillna("")) == [i.subject or "" for r in records for i in r.percentages]
    row = percentages[percentages["value"] == 85.7].iloc[0]
    assert (row["subject"], row["period"]) == ("Tingkat kepuasan warga", "2024-08")
    assert pandas.isna(row["place"])
    facts = facts_dataframe(records)
    figures = [(r.id, i) for r in records for i in sorted([*r.percentages, *r.population_counts], key=lambda i: i.start)]
    assert list(zip(facts["article_id"], facts["text"], facts["subject"].fillna(""))) == [
        (ident, item.text, item.subject or "") for ident, item in figures
    ]
    assert set(facts["field"]) == {"percentage", "population_count"}
    assert list(facts.loc[facts["field"] == "percentage", "unit"].unique()) == ["%"]
    # the same rows as facts.csv
    writer = CsvWriter(tmp_path, resume=False)
    for record in records:
        writer.write(record.model_dump_json())
    writer.close()
    table = read_csv_table(tmp_path / "facts.csv")
    assert [r["subject"] for r in table] == [s if isinstance(s, str) else "" for s in facts["subject"]]
    assert facts_dataframe([]).empty and list(facts_dataframe([]).columns) == list(table[0])


def test_an_unknown_field_is_refused(records):
    with pytest.raises(ValueError, match="unknown field 'people'; known: officials, dates"):
        records_to_dataframe(records, "people")


def test_without_pandas_the_error_names_the_extra(records, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=r'pip install -e "\.\[pandas\]"'):
        records_to_dataframe(records, "dates")
