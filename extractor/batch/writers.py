"""Where records go: a JSONL file or a directory of CSV tables, both resumable."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol, TextIO

from extractor.batch.inputs import BatchError
from schemas import FIELDS, ArticleRecord


def done_ids(out: Path) -> set[str]:
    """Ids already written to a JSONL output; a cut-off last line is removed from the file."""
    if not out.exists():
        return set()
    ids: set[str] = set()
    keep = 0  # byte length of the complete lines
    with out.open("rb") as handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break
            try:
                ids.add(json.loads(raw)["id"])
            except (json.JSONDecodeError, KeyError, TypeError):
                break
            keep += len(raw)
    if keep < out.stat().st_size:
        with out.open("r+b") as handle:
            handle.truncate(keep)
    return ids


class RecordWriter(Protocol):
    """Where records go. Built as ``Writer(out, resume)``; with ``resume`` it first repairs an
    interrupted output (drops what was cut off) and lists the ids already written in ``done``."""

    done: set[str]

    def write(self, record_json: str) -> None:
        """Add one record (ArticleRecord JSON) and flush."""

    def close(self) -> None: ...


class JsonlWriter:
    """``out`` is a JSONL file, one record a line."""

    def __init__(self, out: Path, resume: bool):
        self.done = done_ids(out) if resume else set()
        out.parent.mkdir(parents=True, exist_ok=True)
        self.handle = out.open("a" if resume else "w", encoding="utf-8")

    def write(self, record_json: str) -> None:
        self.handle.write(record_json + "\n")
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()


# Flat tables: one row per item; officials and awards give the text and offsets of their first
# mention; lists are joined with LIST_SEPARATOR.
LIST_SEPARATOR = " | "
_SPAN_COLUMNS = ("text", "start", "end", "sentence", "evidence")
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "officials": ("article_id", "name", "positions", "acting", "name_variants", "mention_count", *_SPAN_COLUMNS),
    "dates": ("article_id", "value", *_SPAN_COLUMNS, "granularity", "relative"),
    "percentages": ("article_id", "value", *_SPAN_COLUMNS),
    "population_counts": ("article_id", "value", *_SPAN_COLUMNS, "unit"),
    "awards": ("article_id", "name", "recipient", "giver", "mention_count", *_SPAN_COLUMNS),
}
# the record's article metadata (outlet, credits, dateline, publication time), one column each
ARTICLE_METADATA_COLUMNS = ("outlet", "reporters", "editors", "initials", "dateline_place", "published_at")
ARTICLE_COLUMNS = ("id", "source", "published", "warnings", "meta", *ARTICLE_METADATA_COLUMNS, *(f"n_{name}" for name in FIELDS))


def _first_mention(item: dict[str, Any]) -> dict[str, Any]:
    mentions = item.get("mentions") or [{}]
    return {"mention_count": len(item.get("mentions") or []), **{key: mentions[0].get(key) for key in _SPAN_COLUMNS}}


def _flat_item(name: str, item: dict[str, Any], join_lists: bool = True) -> dict[str, Any]:
    """The columns of one item of field ``name`` (a record's JSON form)."""
    if name == "officials":
        lists = {key: list(item.get(key) or []) for key in ("positions", "name_variants")}
        if join_lists:
            lists = {key: LIST_SEPARATOR.join(values) for key, values in lists.items()}
        return {**item, **lists, **_first_mention(item)}
    if name == "awards":
        return {**item, **_first_mention(item)}
    return item


def item_rows(record: dict[str, Any], name: str, join_lists: bool = True) -> Iterator[dict[str, Any]]:
    """One row per item of field ``name`` of a record (its JSON form), with the CSV_COLUMNS of
    the field in order; ``join_lists=False`` keeps officials' positions and name variants as lists."""
    columns = CSV_COLUMNS[name][1:]  # after article_id
    for item in record[name]:
        row = _flat_item(name, item, join_lists)
        yield {"article_id": record.get("id"), **{key: row.get(key) for key in columns}}


def _cell(value: Any) -> Any:
    # JSON spellings, so that a CSV cell reads like the JSONL value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _complete_csv_rows(path: Path, width: int) -> Iterator[tuple[list[str], int]]:
    """(row, byte offset after it) for each complete row; stops at the first cut-off one.

    Rows end with "\r\n"; a row cut inside a quoted cell (which may hold newlines) is an
    error in strict mode, one cut elsewhere lacks the line end or cells.
    """
    consumed = 0
    last_line = ""

    def lines(handle: TextIO) -> Iterator[str]:
        nonlocal consumed, last_line
        for line in handle:
            consumed += len(line.encode("utf-8", "surrogateescape"))
            last_line = line
            yield line

    # surrogateescape: a multi-byte character cut in half ends the last row, not the reading
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(lines(handle), strict=True)
        while True:
            try:
                row = next(reader)
            except (StopIteration, csv.Error):
                return
            if len(row) != width or not last_line.endswith("\r\n"):
                return
            yield row, consumed


class CsvWriter:
    """``out`` is a directory of CSV tables: FIELD.csv for each field, articles.csv.

    An article's item rows are written and flushed before its articles.csv row, so
    articles.csv lists exactly the articles whose rows are complete; on resume, item rows of
    any other article (the one cut off) are dropped.
    """

    def __init__(self, out: Path, resume: bool):
        out.mkdir(parents=True, exist_ok=True)
        tables = {name: (out / f"{name}.csv", columns) for name, columns in CSV_COLUMNS.items()}
        articles = (out / "articles.csv", ARTICLE_COLUMNS)
        self.done = self._repair(*articles, keep=None) if resume else set()
        self.files: dict[str, tuple[TextIO, csv.DictWriter]] = {}
        for name, (path, columns) in [*tables.items(), ("articles", articles)]:
            if resume:
                self._repair(path, columns, keep=self.done)
            handle = path.open("a" if resume else "w", encoding="utf-8", newline="")
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
            if handle.tell() == 0:
                writer.writeheader()
            self.files[name] = (handle, writer)

    @staticmethod
    def _repair(path: Path, columns: tuple[str, ...], keep: set[str] | None) -> set[str]:
        """Cut ``path`` after its last complete row (of an article in ``keep``, when given); the ids in column 0."""
        if not path.exists():
            return set()
        ids: set[str] = set()
        end = 0
        for number, (row, offset) in enumerate(_complete_csv_rows(path, len(columns))):
            if number == 0:
                if tuple(row) != columns:
                    raise BatchError(f"{path}: the columns differ from this version's; cannot resume into it")
            elif keep is not None and row[0] not in keep:
                break
            else:
                ids.add(row[0])
            end = offset
        if end < path.stat().st_size:
            with path.open("r+b") as handle:
                handle.truncate(end)
        return ids

    def write(self, record_json: str) -> None:
        record = json.loads(record_json)
        for name in CSV_COLUMNS:
            handle, writer = self.files[name]
            for row in item_rows(record, name):
                writer.writerow({k: _cell(v) for k, v in row.items()})
            handle.flush()
        handle, writer = self.files["articles"]
        row = {key: record.get(key) for key in ("id", "source", "published")}
        row["warnings"] = LIST_SEPARATOR.join(record.get("warnings") or [])
        row["meta"] = json.dumps(record["meta"], ensure_ascii=False) if record.get("meta") else None
        metadata = record.get("article") or {}
        for key in ARTICLE_METADATA_COLUMNS:
            value = metadata.get(key)
            row[key] = LIST_SEPARATOR.join(value) if isinstance(value, list) else value
        row.update({f"n_{name}": len(record[name]) for name in FIELDS})
        writer.writerow({k: _cell(v) for k, v in row.items()})
        handle.flush()

    def close(self) -> None:
        for handle, _ in self.files.values():
            handle.close()


WRITERS: dict[str, type] = {"jsonl": JsonlWriter, "csv": CsvWriter}


def read_csv_table(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV table written by ``format="csv"``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_records(path: Path) -> list[ArticleRecord]:
    """Records from a JSONL output file."""
    with path.open(encoding="utf-8") as handle:
        return [ArticleRecord.model_validate_json(line) for line in handle if line.strip()]
