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
from schemas import FIGURE_KEYS, RecordBase, field_names, field_schema, field_schemas, figure_fields, record_model

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
    missing = [name for name in field_names() if name not in row]
    if missing:
        raise KeyError(missing[0])
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


# Flat tables: one row per item, with the columns of the field's schema (schemas.fields);
# officials and awards give the text and offsets of their first mention; lists are joined
# with LIST_SEPARATOR.
LIST_SEPARATOR = " | "
# facts.csv: every percentage and count of an article (the fields whose items carry the figure
# keys), in text order, with what it measures
FACTS_COLUMNS = ("article_id", "field", "value", "unit", *FIGURE_KEYS, "text", "evidence")
# the record's article metadata (outlet, credits, dateline, publication time), one column each
ARTICLE_METADATA_COLUMNS = ("outlet", "reporters", "editors", "initials", "dateline_place", "published_at")


def csv_columns() -> dict[str, tuple[str, ...]]:
    """The columns of each field's table FIELD.csv, ``article_id`` first."""
    return {schema.name: ("article_id", *(column.name for column in schema.columns)) for schema in field_schemas()}


def article_columns() -> tuple[str, ...]:
    """The columns of articles.csv: the record's own keys and ``n_<field>`` for every field."""
    return ("id", "source", "published", "warnings", "meta", *ARTICLE_METADATA_COLUMNS, *(f"n_{name}" for name in field_names()))


def csv_tables() -> list[tuple[str, tuple[str, ...]]]:
    """Every table of a CSV output with its columns: the fields', facts, articles (written last
    for each article)."""
    return [*csv_columns().items(), ("facts", FACTS_COLUMNS), ("articles", article_columns())]


def item_rows(record: dict[str, Any], name: str, join_lists: bool = True) -> Iterator[dict[str, Any]]:
    """One row per item of field ``name`` of a record (its JSON form), with the columns of the
    field's table in order; ``join_lists=False`` keeps list columns (officials' positions and
    name variants) as lists."""
    schema = field_schema(name)
    lists = [column.name for column in schema.columns if column.kind == "list"]
    for item in record[name]:
        row = schema.flatten(item)
        if lists:
            values = {key: list(row.get(key) or []) for key in lists}
            row = {**row, **({key: LIST_SEPARATOR.join(v) for key, v in values.items()} if join_lists else values)}
        yield {"article_id": record.get("id"), **{column.name: row.get(column.name) for column in schema.columns}}


def fact_rows(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The rows of facts.csv for a record (its JSON form): one per percentage and population
    count, in text order, with ``field`` (the item's name), ``value``, ``unit`` (the field's own
    where the item states none: "%" for a percentage), the figure keys (subject, period, place),
    ``text`` and ``evidence``."""
    figures = [
        (item.get("start") if item.get("start") is not None else -1, order, schema, item)
        for order, schema in enumerate(map(field_schema, figure_fields()))
        for item in record[schema.name]
    ]
    for _, _, schema, item in sorted(figures, key=lambda figure: figure[:2]):
        row = {key: item.get(key) for key in FACTS_COLUMNS}
        row.update(article_id=record.get("id"), field=schema.item_name, unit=item["unit"] if "unit" in item else schema.unit)
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
    fields = csv_columns()
    tables = [(out / f"{name}.csv", columns) for name, columns in fields.items()]
    articles_path = out / "articles.csv"
    ours = {path.name for path, _ in tables} | {articles_path.name, "facts.csv"}
    articles_header = article_columns()
    if not articles_path.exists() and any(child.name not in ours for child in out.iterdir()):
        raise BatchError(f"{out} is not a CSV output directory (no articles.csv); cannot resume into it")
    articles = _table_rows(articles_path, articles_header) if articles_path.exists() else [([], 0)]
    keep = {articles_path: articles[-1][1]}
    done = [row[0] for row, _ in articles[1:]]
    # each table with the fields whose items it holds a row for: FIELD.csv, and facts.csv
    # (the percentages and counts)
    counted = [(path, columns, (name,)) for (path, columns), name in zip(tables, fields)]
    counted.append((out / "facts.csv", FACTS_COLUMNS, figure_fields()))
    for path, columns, names in counted:
        try:
            counts = [sum(int(row[articles_header.index(f"n_{name}")]) for name in names) for row, _ in articles[1:]]
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
        self.fields = field_names()
        self.files: dict[str, tuple[TextIO, csv.DictWriter]] = {}
        for name, columns in csv_tables():
            handle = (out / f"{name}.csv").open("a" if resume else "w", encoding="utf-8", newline="")
            self.files[name] = (handle, csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore"))
            if handle.tell() == 0:
                self.files[name][1].writeheader()

    def _row(self, row: dict[str, Any]) -> dict[str, Any]:
        return {key: _cell(value, self.raw) for key, value in row.items()}

    def write(self, record_json: str) -> None:
        record = json.loads(record_json)
        for name in self.fields:
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
        row.update({f"n_{name}": len(record[name]) for name in self.fields})
        writer.writerow(self._row(row))
        handle.flush()

    def close(self) -> None:
        close_all([handle for handle, _ in self.files.values()])


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
        tables = {out / f"{name}.csv": columns for name, columns in csv_tables()}
        # data rows (complete or not) past the header line, per table
        rows = {path: _data_rows(path, len(columns)) for path, columns in tables.items() if out.is_dir() and path.is_file()}
        if not any(rows.values()):
            return None  # headers at most
        articles = out / "articles.csv"
        return max(0, sum(1 for _ in _complete_csv_rows(articles, len(article_columns()))) - 1) if articles.is_file() else 0
    if not out.is_file() or out.stat().st_size == 0:
        return None
    with out.open("rb") as handle:
        return sum(1 for raw in handle if raw.startswith(RECORD_START) and raw.endswith(b"\n"))


WRITERS: dict[str, type] = {"jsonl": JsonlWriter, "csv": CsvWriter}


def read_csv_table(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV table written by ``format="csv"``."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_records(path: Path) -> list[RecordBase]:
    """Records from a JSONL output file."""
    with path.open(encoding="utf-8") as handle:
        model = record_model()
        return [model.model_validate_json(line) for line in handle if line.strip()]
