"""Reading batch inputs: .txt files, directories of them, JSONL files (one article a line)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.inputs import ArticleInput, as_input, input_from_html

JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")


class BatchError(Exception):
    """A batch run that cannot start (missing optional dependency, unusable output): one line."""


@dataclass(slots=True)
class InputFailure:
    """An article that could not be read or processed, with where it came from."""

    source: str
    line: int | None
    id: str | None
    error: str

    def as_json(self) -> str:
        """One JSON line; a lone surrogate (from a JSON escape in the input) stays an escape."""
        entry = {"source": self.source, "line": self.line, "id": self.id, "error": self.error}
        text = json.dumps(entry, ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = json.dumps(entry)
        return text

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        ident = f" (id {self.id})" if self.id is not None else ""
        return printable(f"{where}{ident}: {self.error}")


def printable(text: str) -> str:
    """``text`` with lone surrogates (from JSON escapes) spelled as escapes, writable as UTF-8."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(slots=True)
class Job:
    """One article to process, with its origin (for error reports)."""

    article: ArticleInput
    source: str
    line: int | None


def _read_txt(path: Path) -> Job | InputFailure:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return InputFailure(str(path), None, path.stem, f"not UTF-8 at byte {error.start} ({error.reason})")
    except OSError as error:
        return InputFailure(str(path), None, path.stem, f"cannot read ({error.strerror})")
    return Job(ArticleInput(text=text, id=path.stem), str(path), None)


def _read_html(path: Path) -> Job | InputFailure:
    """A page's main text and metadata (trafilatura, the optional extra html)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return InputFailure(str(path), None, path.stem, f"cannot read ({error.strerror})")
    try:
        return Job(input_from_html(raw, id=path.stem), str(path), None)
    except ValueError as error:  # no trafilatura, an empty or unreadable page: this article's failure
        return InputFailure(str(path), None, path.stem, str(error))


def _read_file(path: Path) -> Iterator[Job | InputFailure]:
    if path.suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path)
    elif path.suffix.lower() in HTML_SUFFIXES:
        yield _read_html(path)
    else:
        yield _read_txt(path)


def _read_jsonl(path: Path) -> Iterator[Job | InputFailure]:
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputFailure(str(path), None, None, f"cannot read ({error.strerror})")
        return
    with handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            row = _parse_line(raw)
            if isinstance(row, tuple):
                yield InputFailure(str(path), number, *row)
                continue
            ident = row.get("id")
            if ident is None:
                row = {**row, "id": f"{path.stem}:{number}"}
            try:
                yield Job(as_input(row), str(path), number)
            except (TypeError, ValueError, RecursionError) as error:
                yield InputFailure(str(path), number, _safe_id(ident), str(error))


def _parse_line(raw: bytes) -> dict[str, Any] | tuple[str | None, str]:
    """The JSON object of one JSONL line, or (its id where known, why it is unusable)."""
    try:
        row = json.loads(raw.decode("utf-8").rstrip("\r\n"))
    except UnicodeDecodeError as error:
        return None, f"not UTF-8 at byte {error.start} of the line"
    except json.JSONDecodeError as error:
        # some messages end in "at" ("Unterminated string starting at"): the column completes them
        joint = " " if error.msg.endswith(" at") else " at "
        return None, f"malformed JSON: {error.msg}{joint}column {error.pos + 1}"
    except ValueError as error:  # an integer of more digits than Python converts
        return None, f"malformed JSON: {str(error).split(';')[0]}"
    except RecursionError:
        return None, f"malformed JSON: nested more than {MAX_NESTING} levels deep"
    if not isinstance(row, dict):
        return None, f"a line holds a JSON object, not {type(row).__name__}"
    if _nested_deeper(row, MAX_NESTING):
        return _safe_id(row.get("id")), f"nested more than {MAX_NESTING} levels deep"
    if _SURROGATE_ESCAPE.search(raw) and (key := _key_with_lone_surrogate(row)) is not None:
        return _safe_id(row.get("id")), f"{key!r} holds a lone surrogate (a \\uD800-\\uDFFF escape alone): not Unicode text"
    return row


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _key_with_lone_surrogate(row: dict[str, Any]) -> str | None:
    """The first key of ``row`` whose name or value holds a lone surrogate (JSON lets one be
    escaped; UTF-8 cannot carry it)."""
    for key, value in row.items():
        try:
            json.dumps({key: value}, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return printable(key)
    return None


# deeper values cannot be serialised alike by every engine (records, pickles for worker
# processes, Dask's messages): such a line fails at reading, the same way everywhere
MAX_NESTING = 100


def _nested_deeper(value: Any, limit: int) -> bool:
    """Whether lists and objects nest more than ``limit`` levels in ``value`` (without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                if depth + 1 > limit:
                    return True
                stack.append((child, depth + 1))
    return False


def _safe_id(ident: Any) -> str | None:
    """An id for an error report, whatever the line held there."""
    if ident is None or isinstance(ident, str):
        return ident
    try:
        text = str(ident)
    except (ValueError, RecursionError):
        return f"<{type(ident).__name__}>"
    return text if len(text) <= 200 else text[:200] + "..."


def read_inputs(paths: Iterable[str | Path]) -> Iterator[Job | InputFailure]:
    """Jobs (or failures) from files and directories, in the order given."""
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield InputFailure(str(path), None, None, "no such file or directory")
        elif path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and _readable(p)):
                yield from _read_file(child)
        elif _readable(path):
            yield from _read_file(path)
        else:
            yield InputFailure(str(path), None, None, "unsupported input (expected .txt, .html, .jsonl or a directory)")


def _readable(path: Path) -> bool:
    return path.suffix in (".txt", *JSONL_SUFFIXES) or path.suffix.lower() in HTML_SUFFIXES


def count_articles(paths: Iterable[str | Path], limit: int | None = None) -> int:
    """Articles in the inputs, counted cheaply (lines of JSONL, .txt and .html files); the
    count stops at ``limit`` when given. Unreadable inputs count nothing here."""
    total = 0
    for given in paths:
        path = Path(given)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if not _readable(file) or not file.is_file():
                continue
            if file.suffix not in JSONL_SUFFIXES:
                total += 1
            else:
                try:
                    with file.open("rb") as handle:
                        for raw in handle:
                            total += bool(raw.strip())
                            if limit is not None and total >= limit:
                                return total
                except OSError:
                    continue
            if limit is not None and total >= limit:
                return total
    return total
