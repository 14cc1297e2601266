"""Resuming by input position, and the errors file.

A run writes every input article's outcome in input order: a success to the output, a failure
to the errors file (both flushed line by line), so what an interrupted run left is a prefix of
the input. Resuming walks the input again (reading is cheap, extracting is not) and skips as
many articles as were written, each one checked against what was written for it: the next
record's id, or the next error's file, line and id. Duplicate ids are no trouble: an article is
skipped for its position, not for its id. The output ends up identical to an uninterrupted run.

Without an errors file from the interrupted run, an article that failed there left no trace;
one that does not match the next record is taken as such a failure while records remain to
match. (With duplicate ids and such failures, prefer ``--errors``: it makes the position exact.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractor.batch.inputs import BatchError, InputFailure, Job, printable
from extractor.batch.writers import close_all, plain_cell, read_json_lines, truncate

# every errors line starts so (``source`` is the first key of InputFailure.as_json)
ERROR_START = b'{"source":'


def _error_entry(entry: Any) -> dict[str, Any]:
    if not ("source" in entry and "error" in entry):
        raise KeyError("source")
    return entry


def read_error_log(path: Path) -> tuple[list[dict[str, Any]], int]:
    """(the failures an errors file lists, in order; the bytes they take). A cut-off last line
    is not counted; any other line that is not a failure raises BatchError."""
    return read_json_lines(
        path, ERROR_START, _error_entry, "not an error line; --resume continues a batch's errors file, this is not one"
    )


class ErrorLog:
    """The errors file (when given): one failure a JSON line, in input order, flushed each.

    With ``resume`` an existing file is read (``entries``) and what was cut off dropped; the
    failures that follow are appended. ``write`` and ``close`` raise OSError where the file
    cannot be written.
    """

    def __init__(self, path: Path | None, resume: bool):
        self.path = path
        self.entries: list[dict[str, Any]] = []
        self.existed = False  # the interrupted run kept this errors file
        self.handle = None
        if path is None:
            return
        if resume and path.exists():
            self.existed = True
            self.entries, keep = read_error_log(path)
            truncate(path, keep)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = path.open("a" if resume else "w", encoding="utf-8")

    def write(self, failure: InputFailure) -> None:
        if self.handle is not None:
            self.handle.write(failure.as_json() + "\n")
            self.handle.flush()

    def close(self) -> None:
        if self.handle is not None:
            close_all([self.handle])


def _item_id(item: Job | InputFailure) -> Any:
    return item.article.id if isinstance(item, Job) else item.id


class ResumePoint:
    """Which input articles an interrupted run already wrote: ``done(item)`` for each input
    item in order, then ``finish()`` when the input is exhausted.

    ``records``: the ids of the records in the output, in order; ``errors``: the entries of
    the errors file; ``strict``: the errors file lists every failure (it was kept), so an
    article that matches neither is an input that changed, refused with BatchError.
    """

    def __init__(self, out: Path, records: list[Any], errors: list[dict[str, Any]], strict: bool):
        self.out, self.records, self.errors, self.strict = out, records, errors, strict
        self.next_record = self.next_error = 0
        self.skipped = 0  # articles done before
        self.failed = 0  # of which failed
        self.frontier = not records and not errors

    def _error_matches(self, entry: dict[str, Any], item: Job | InputFailure) -> bool:
        # the source as written may be spelled from another directory: its name, line and id decide
        return (
            entry.get("line") == item.line
            and entry.get("id") == _item_id(item)
            and Path(str(entry.get("source"))).name == Path(item.source).name
        )

    def _record_matches(self, item: Job | InputFailure) -> bool:
        if not isinstance(item, Job) or self.next_record >= len(self.records):
            return False
        written = self.records[self.next_record]
        ident = item.article.id
        return written == ident or (isinstance(written, str) and plain_cell(written) == ident)

    def done(self, item: Job | InputFailure) -> bool:
        """Whether the interrupted run wrote this item's outcome (the item is then skipped)."""
        if self.frontier:
            return False
        if self.next_error < len(self.errors) and self._error_matches(self.errors[self.next_error], item):
            self.next_error += 1
            self.failed += 1
        elif self._record_matches(item):
            self.next_record += 1
        elif self.next_record == len(self.records) and self.next_error == len(self.errors):
            self.frontier = True
            return False
        elif not self.strict and self.next_error == len(self.errors):
            self.failed += 1  # it failed in the interrupted run, which kept no errors file
        else:
            where = f"{item.source}:{item.line}" if item.line else item.source
            raise BatchError(
                printable(
                    f"cannot resume: {where} (id {_item_id(item)}) is not the next article that {self.out} "
                    "or the errors file holds; resume needs the same inputs in the same order (or --overwrite to start again)"
                )
            )
        self.skipped += 1
        return True

    def finish(self) -> None:
        """BatchError where the output holds more than the inputs gave (inputs removed)."""
        left = len(self.records) - self.next_record, len(self.errors) - self.next_error
        if not self.frontier and any(left):
            raise BatchError(
                f"cannot resume: {self.out} holds {left[0]} records (and the errors file {left[1]} failures) "
                "beyond the articles of the inputs; resume needs the same inputs (or --overwrite to start again)"
            )
