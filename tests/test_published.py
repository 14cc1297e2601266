"""Publication dates written as people and pages write them (dateparser, off the hot path)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extractor.cli import main
from extractor.inputs import coerce_date


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2024-08-14", "2024-08-14"),
        ("2024-08-14T20:47:00+07:00", "2024-08-14"),
        ("14 Agustus 2024", "2024-08-14"),
        ("14 Agu 2024", "2024-08-14"),
        ("Rabu, 14/08/2024 20:47 WIB", "2024-08-14"),
        ("5/9/2024", "2024-09-05"),  # day first, as Indonesian writes it
        ("Aug 14, 2024", "2024-08-14"),
    ],
)
def test_written_dates_are_read(written, date):
    assert coerce_date(written) == dt.date.fromisoformat(date)


@pytest.mark.parametrize("written", ["kemarin", "3 hari lalu", "Agustus 2024", "Selasa (7/11)", "xyz", "9" * 200])
def test_what_names_no_full_date_is_refused(written):
    with pytest.raises(ValueError, match="names no day, month and year"):
        coerce_date(written)


def test_extract_takes_a_written_published_date(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Rapat digelar kemarin.", encoding="utf-8")
    assert main(["extract", str(article), "--published", "14 Agustus 2024"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["published"] == "2024-08-14" and [d["value"] for d in record["dates"]] == ["2024-08-13"]


def test_a_jsonl_row_may_write_its_date_in_words(capsys, tmp_path):
    rows = tmp_path / "in.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": "Rapat digelar kemarin.", "published": "Rabu, 14 Agustus 2024"}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(rows), "--out", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["published"] == "2024-08-14" and [d["value"] for d in record["dates"]] == ["2024-08-13"]
