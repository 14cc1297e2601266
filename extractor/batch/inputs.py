"""Reading batch inputs: .txt files, directories of them, JSONL files (one article a line)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extractor.pipeline import ArticleInput, as_input

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
        return json.dumps({"source": self.source, "line": self.line, "id": self.id, "error": self.error}, ensure_ascii=False)

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.error}"


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
    from extractor.html_input import input_from_html

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
            try:
                row = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as error:
                yield InputFailure(str(path), number, None, f"not UTF-8 at byte {error.start} of the line")
                continue
            except json.JSONDecodeError as error:
                yield InputFailure(str(path), number, None, f"malformed JSON: {error.msg} at column {error.colno}")
                continue
            if not isinstance(row, dict):
                yield InputFailure(str(path), number, None, f"a line holds a JSON object, not {type(row).__name__}")
                continue
            ident = row.get("id")
            if ident is None:
                row = {**row, "id": f"{path.stem}:{number}"}
            try:
                yield Job(as_input(row), str(path), number)
            except (TypeError, ValueError) as error:
                yield InputFailure(str(path), number, None if ident is None else str(ident), str(error))


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


def count_articles(paths: Iterable[str | Path]) -> int:
    """Articles in the inputs, counted cheaply (lines of JSONL, .txt files)."""
    total = 0
    for given in paths:
        path = Path(given)
        files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
        for file in files:
            if file.suffix in JSONL_SUFFIXES:
                with file.open("rb") as handle:
                    total += sum(1 for raw in handle if raw.strip())
            elif _readable(file):
                total += 1
    return total
