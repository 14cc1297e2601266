"""Where records go: a JSONL file or a directory of CSV tables, both resumable.

Resuming reads what an interrupted run left: the ids of the complete records, in order (the
batch skips that many input articles), after dropping what the interruption cut off. An
output that is not what a batch run writes is refused, never truncated.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, TextIO

from extractor.batch.inputs import BatchError
from schemas import FIELDS, ArticleRecord
from schemas.records import FIGURE_KEYS

# every record line starts so (``id`` is the record's first key)
RECORD_START = b'{"id":'


def is_prefix_either_way(raw: bytes, start: bytes) -> bool:
    """Whether ``raw`` (a line cut off) can be the beginning of a line starting with ``start``."""
    return raw.startswith(start) or start.startswith(raw)


def truncate(path: Path, size: int) -> None:
    """Cut ``path`` to ``size`` bytes (where it is longer)."""
    if size < path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(size)


def read_json_lines(path: Path, start: bytes, keep_of: Callable[[Any], Any], refusal: str) -> tuple[list[Any], int]:
    """(``keep_of(line)`` for each complete JSON line of ``path`` in order, the bytes they take).

    A last line without its line end that could be the start of such a line (``start``: cut
    off by an interruption) is not counted; any other line that ``keep_of`` refuses (KeyError,
    TypeError) or that is not JSON raises BatchError "PATH:LINE: REFUSAL".
    """
    if not path.is_file():
        raise BatchError(f"{path} is not a regular file; cannot resume into it")
    kept: list[Any] = []
    size = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.endswith(b"\n") and is_prefix_either_way(raw, start):
                break
            try:
                kept.append(keep_of(json.loads(raw)))
            except (ValueError, RecursionError, KeyError, TypeError):
                raise BatchError(f"{path}:{number}: {refusal}") from None
            size += len(raw)
    return kept, size


def _record_id(row: Any) -> Any:
    if not all(name in row for name in FIELDS):
        raise KeyError(FIELDS[0])
    return row["id"]


def read_jsonl_output(out: Path) -> tuple[list[Any], int]:
    """(ids of the complete records of a JSONL output in order, the bytes they take); a line
    that is not a record raises BatchError: the file is not a batch output."""
    return read_json_lines(
        out, RECORD_START, _record_id, "not a record line; --resume continues a batch output, this file is not one"
    )


def done_ids(out: Path) -> set[str]:
    """Ids already written to a JSONL output; a cut-off last line is removed from the file."""
    if not out.exists():
        return set()
    ids, keep = read_jsonl_output(out)
    truncate(out, keep)
    return set(ids)


class RecordWriter(Protocol):
    """Where records go. Built as ``Writer(out, resume)``; with ``resume`` it first repairs an
    interrupted output (drops what was cut off) and lists the ids already written, in order,
    in ``done``. ``write`` and ``close`` raise OSError where the output cannot be written."""

    done: list[Any]

    def write(self, record_json: str) -> None:
        """Add one record (ArticleRecord JSON) and flush."""

    def close(self) -> None: ...


def close_all(handles: list[TextIO]) -> None:
    """Close every handle; the first OSError (a flush that failed) is raised after all are closed."""
    first: OSError | None = None
    for handle in handles:
        try:
            handle.close()
        except OSError as error:
            first = first or error
    if first is not None:
        raise first


class JsonlWriter:
    """``out`` is a JSONL file, one record a line."""

    def __init__(self, out: Path, resume: bool):
        self.done: list[Any] = []
        if resume and out.exists():
            self.done, keep = read_jsonl_output(out)
            truncate(out, keep)
        out.parent.mkdir(parents=True, exist_ok=True)
        self.handle = out.open("a" if resume else "w", encoding="utf-8")

    def write(self, record_json: str) -> None:
        self.handle.write(record_json + "\n")
        self.handle.flush()

    def close(self) -> None:
        close_all([self.handle])


# Flat tables: one row per item; officials and awards give the text and offsets of their first
# mention; lists are joined with LIST_SEPARATOR.
LIST_SEPARATOR = " | "
_SPAN_COLUMNS = ("text", "start", "end", "sentence", "evidence")
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "officials": ("article_id", "name", "positions", "acting", "name_variants", "mention_count", *_SPAN_COLUMNS),
    "dates": ("article_id", "value", *_SPAN_COLUMNS, "granularity", "relative"),
    "percentages": ("article_id", "value", *_SPAN_COLUMNS, *FIGURE_KEYS),
    "population_counts": ("article_id", "value", *_SPAN_COLUMNS, "unit", *FIGURE_KEYS),
    "awards": ("article_id", "name", "recipient", "giver", "mention_count", *_SPAN_COLUMNS),
}
# facts.csv: every percentage and count of an article, in text order, with what it measures
FACT_FIELDS: dict[str, str] = {"percentages": "percentage", "population_counts": "population_count"}
FACTS_COLUMNS = ("article_id", "field", "value", "unit", *FIGURE_KEYS, "text", "evidence")
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


def fact_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The rows of facts.csv for a record (its JSON form): one per percentage and population
    count, in text order, with ``field``, ``value``, ``unit`` ("%" for a percentage), the
    figure keys (subject, period, place), ``text`` and ``evidence``."""
    figures = [
        (item.get("start") if item.get("start") is not None else -1, order, name, item)
        for order, name in enumerate(FACT_FIELDS)
        for item in record[name]
    ]
    for _, _, name, item in sorted(figures, key=lambda figure: figure[:2]):
        row = {key: item.get(key) for key in FACTS_COLUMNS}
        row.update(article_id=record.get("id"), field=FACT_FIELDS[name], unit=item.get("unit", "%"))
        yield row


# Spreadsheets run a cell that starts with one of these as a formula ("=HYPERLINK(...)"): such
# text cells get a leading ' (OWASP's CSV injection advice) unless the tables are written raw.
# Numbers stay numbers: only string cells are neutralised, and the numeric columns (a value of
# percentages and population_counts, start, end, sentence, mention_count, n_<field>) never hold one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any, raw: bool = False) -> Any:
    # JSON spellings, so that a CSV cell reads like the JSONL value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if not raw and isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def plain_cell(text: str) -> str:
    """A cell's text as the record has it: without the ' that neutralised a formula."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


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


def _table_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[list[str], int]]:
    """The complete data rows of a table and the byte offset after each (the header's first);
    BatchError where the file is not such a table. An empty file, or one cut inside its
    header, has no rows."""
    rows = list(_complete_csv_rows(path, len(columns)))
    header_line = ",".join(columns).encode("utf-8") + b"\r\n"
    if not rows:
        with path.open("rb") as handle:
            start = handle.read(len(header_line) + 1)
        if is_prefix_either_way(start, header_line):
            return [([], 0)]
        raise BatchError(f"{path} is not a table of this version (its first line is not the header); cannot resume into it")
    if tuple(rows[0][0]) != columns:
        raise BatchError(f"{path}: the columns differ from this version's; cannot resume into it")
    return [([], rows[0][1]), *rows[1:]]


def _scan_tables(out: Path) -> tuple[list[str], dict[Path, int]]:
    """(ids of the complete articles in order, bytes to keep per table) of a CSV output.

    articles.csv lists the complete articles, and its n_<field> counts say how many rows each
    has in FIELD.csv: the rows after those belong to the article cut off. Nothing is cut here.
    """
    tables = [(out / f"{name}.csv", columns) for name, columns in CSV_COLUMNS.items()]
    articles_path = out / "articles.csv"
    ours = {path.name for path, _ in tables} | {articles_path.name, "facts.csv"}
    if not articles_path.exists() and any(child.name not in ours for child in out.iterdir()):
        raise BatchError(f"{out} is not a CSV output directory (no articles.csv); cannot resume into it")
    articles = _table_rows(articles_path, ARTICLE_COLUMNS) if articles_path.exists() else [([], 0)]
    keep = {articles_path: articles[-1][1]}
    done = [row[0] for row, _ in articles[1:]]
    # each table with the fields whose items it holds a row for: FIELD.csv, and facts.csv
    # (the percentages and counts)
    counted = [(path, columns, (name,)) for (path, columns), name in zip(tables, CSV_COLUMNS)]
    counted.append((out / "facts.csv", FACTS_COLUMNS, tuple(FACT_FIELDS)))
    for path, columns, names in counted:
        try:
            counts = [sum(int(row[ARTICLE_COLUMNS.index(f"n_{name}")]) for name in names) for row, _ in articles[1:]]
        except ValueError:
            raise BatchError(f"{articles_path}: an n_{'/'.join(names)} cell is not a count; cannot resume into it") from None
        expected = [ident for ident, count in zip(done, counts) for _ in range(count)]
        rows = _table_rows(path, columns) if path.exists() else [([], 0)]
        if [row[0] for row, _ in rows[1 : len(expected) + 1]] != expected:
            raise BatchError(f"{path} does not hold the rows that {articles_path} counts; cannot resume into it")
        keep[path] = rows[len(expected)][1]
    return done, keep


class CsvWriter:
    """``out`` is a directory of CSV tables: FIELD.csv for each field, facts.csv (every
    percentage and count with what it measures), articles.csv.

    An article's item rows are written and flushed before its articles.csv row, so
    articles.csv lists exactly the articles whose rows are complete; on resume, the rows after
    those (of the article cut off) are dropped. ``raw`` writes text cells as they are, without
    neutralising formulas.
    """

    def __init__(self, out: Path, resume: bool, raw: bool = False):
        self.raw = raw
        self.done: list[Any] = []
        if resume and out.is_dir():
            self.done, keep = _scan_tables(out)
            for path, size in keep.items():
                if path.exists():
                    truncate(path, size)
        out.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, tuple[TextIO, csv.DictWriter]] = {}
        for name, columns in _TABLES:
            handle = (out / f"{name}.csv").open("a" if resume else "w", encoding="utf-8", newline="")
            self.files[name] = (handle, csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore"))
            if handle.tell() == 0:
                self.files[name][1].writeheader()

    def _row(self, row: dict[str, Any]) -> dict[str, Any]:
        return {key: _cell(value, self.raw) for key, value in row.items()}

    def write(self, record_json: str) -> None:
        record = json.loads(record_json)
        for name in CSV_COLUMNS:
            handle, writer = self.files[name]
            for row in item_rows(record, name):
                writer.writerow(self._row(row))
            handle.flush()
        handle, writer = self.files["facts"]
        for row in fact_rows(record):
            writer.writerow(self._row(row))
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
        writer.writerow(self._row(row))
        handle.flush()

    def close(self) -> None:
        close_all([handle for handle, _ in self.files.values()])


# every table of a CSV output, articles.csv last (it is written last for each article)
_TABLES: list[tuple[str, tuple[str, ...]]] = [*CSV_COLUMNS.items(), ("facts", FACTS_COLUMNS), ("articles", ARTICLE_COLUMNS)]


def _data_rows(path: Path, width: int) -> bool:
    """Whether a table holds anything past its header line."""
    rows = _complete_csv_rows(path, width)
    header_end = next(rows, ([], 0))[1]
    rows.close()
    return path.stat().st_size > header_end


def count_records(out: Path, format: str) -> int | None:
    """Records in an existing output that a fresh run would replace; None where there is
    nothing to lose (no output, an empty one, a device such as /dev/null)."""
    if format == "csv":
        tables = {out / f"{name}.csv": columns for name, columns in _TABLES}
        # data rows (complete or not) past the header line, per table
        rows = {path: _data_rows(path, len(columns)) for path, columns in tables.items() if out.is_dir() and path.is_file()}
        if not any(rows.values()):
            return None  # headers at most
        articles = out / "articles.csv"
        return max(0, sum(1 for _ in _complete_csv_rows(articles, len(ARTICLE_COLUMNS))) - 1) if articles.is_file() else 0
    if not out.is_file() or out.stat().st_size == 0:
        return None
    with out.open("rb") as handle:
        return sum(1 for raw in handle if raw.startswith(RECORD_START) and raw.endswith(b"\n"))


WRITERS: dict[str, type] = {"jsonl": JsonlWriter, "csv": CsvWriter}


def read_csv_table(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV table written by ``format="csv"``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_records(path: Path) -> list[ArticleRecord]:
    """Records from a JSONL output file."""
    with path.open(encoding="utf-8") as handle:
        return [ArticleRecord.model_validate_json(line) for line in handle if line.strip()]
