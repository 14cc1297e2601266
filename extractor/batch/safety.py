"""Checks made before a batch run opens anything for writing: nothing outside ``out`` (and the
errors file) is touched, an input is never written over, a finished output is never replaced
by mistake."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from extractor.batch.inputs import BatchError, count_articles
from extractor.batch.writers import count_records, csv_tables

# names that say "a file": a CSV output is a directory, and one named so is a slip
FILE_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt", ".html", ".htm")


def _same(a: Path, b: Path) -> bool:
    """Whether two paths name one file (by resolved path, or as hard links)."""
    if a.resolve() == b.resolve():
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _clash(path: Path, given: str) -> str | None:
    """How ``path`` (written by the run) meets the input ``given``, if it does."""
    source = Path(given)
    if not source.exists():
        return None
    if _same(path, source):
        return f"is the input {given}"
    if source.is_dir() and path.resolve().is_relative_to(source.resolve()):
        return f"is inside the input directory {given}"
    return None


def check_output_kind(out: Path, format: str) -> None:
    """BatchError where ``out`` does not fit the format (a directory for JSONL, a file for CSV)."""
    if format == "jsonl" and out.is_dir():
        raise BatchError(f"--out {out} is a directory; give a .jsonl file (or --format csv for a directory of tables)")
    if format == "csv" and out.exists() and not out.is_dir():
        raise BatchError(f"--out {out} is a file; --format csv writes a directory of tables")
    if format == "csv" and not out.exists() and out.suffix.lower() in FILE_SUFFIXES:
        raise BatchError(
            f"--out {out} is named like a file, but a CSV output is a directory of tables; "
            "give a directory name (or --format jsonl for a JSONL file)"
        )


def check_paths(inputs: Iterable[str], out: Path, errors: Path | None, format: str) -> None:
    """BatchError where the output or the errors file is an input (or inside an input
    directory, which the run reads), or where the errors file is the output."""
    inputs = [str(given) for given in inputs]
    for option, path in (("--out", out), ("--errors", errors)):
        if path is None:
            continue
        for given in inputs:
            if (clash := _clash(path, given)) is not None:
                raise BatchError(f"{option} {path} {clash}; the run would read what it writes: write it elsewhere")
    if errors is None:
        return
    tables = [out / f"{name}.csv" for name, _ in csv_tables()] if format == "csv" else [out]
    if any(_same(errors, table) for table in tables):
        raise BatchError(f"--errors {errors} is the output {out}; give the errors their own file")


def check_existing(out: Path, format: str, resume: bool, overwrite: bool) -> None:
    """BatchError where a fresh run would replace records already in ``out``."""
    if resume and overwrite:
        raise BatchError("--resume and --overwrite exclude each other")
    if resume or overwrite:
        return
    count = count_records(out, format)
    if count is None:
        return
    if count == 0 and format == "jsonl":
        raise BatchError(f"{out} exists and is not empty (it holds no records); pass --overwrite to replace it")
    raise BatchError(f"{out} exists and holds {count} records; pass --resume to continue it or --overwrite to replace it")


def check_articles(inputs: list[str]) -> None:
    """BatchError where the inputs hold no article at all."""
    if count_articles(inputs, limit=1):
        return
    missing = [given for given in inputs if not Path(given).exists()]
    if len(missing) == len(inputs):
        raise BatchError(f"{missing[0]}: no such file or directory")
    raise BatchError(f"no articles found in {', '.join(inputs)} (.txt, .html or .jsonl files, or directories of them)")
