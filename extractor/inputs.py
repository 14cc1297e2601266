"""Article inputs: what the pipeline is given for one article, and how it is made from a
string, a mapping, an object with ``text``, or an HTML page; and reference dates from what
users write (``coerce_date``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.html_input import HtmlInputError, HtmlSupportMissing, local_date, page_metadata, read_page
from schemas import ArticleMetadata


def coerce_date(value: Any) -> dt.date | None:
    """A reference date from a date, a datetime or a string: ISO (date part kept), or any
    written date dateparser reads ("14 Agustus 2024", "Rabu, 14/08/2024 20:47 WIB")."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
        from extractor.published import parse_published  # any other way of writing a date

        found = parse_published(value) if len(value) <= 100 else None
        if found is None:
            raise ValueError(f"published date {value!r} names no day, month and year (e.g. 2024-08-14 or 14 Agustus 2024)")
        return found
    raise TypeError(f"published date must be a date or a string, not {type(value).__name__}")


@dataclass(slots=True)
class ArticleInput:
    """One article to process: its text and what is known about it."""

    text: str
    id: str | None = None
    published: dt.date | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # other input keys, carried through
    # what the page says about the article (HTML metadata): fills what the text's own lines do not
    known_metadata: ArticleMetadata | None = None


def as_input(article: Any, index: int | None = None) -> ArticleInput:
    """An ArticleInput from a string, a mapping or an object with ``text`` (and ``id``, ``published``)."""
    if isinstance(article, ArticleInput):
        return article
    if isinstance(article, str):
        return ArticleInput(text=article, id=None if index is None else str(index))
    if isinstance(article, dict) and "html" in article and "text" not in article:
        return input_from_row(article, index)
    get = article.get if isinstance(article, dict) else lambda key, default=None: getattr(article, key, default)
    text = get("text")
    if not isinstance(text, str):
        raise TypeError(f"article {get('id', index)!r} has no text string")
    ident = get("id")
    ident = str(ident) if ident is not None else (None if index is None else str(index))
    try:
        published = coerce_date(get("published"))
    except (TypeError, ValueError) as error:
        raise ValueError(f"article {ident}: {error}") from None
    meta = {k: v for k, v in article.items() if k not in _INPUT_KEYS} if isinstance(article, dict) else {}
    return ArticleInput(text=text, id=ident, published=published, source=get("source"), meta=meta)


_INPUT_KEYS = frozenset({"text", "id", "published", "source"})


def input_from_html(
    html: str | bytes,
    *,
    id: str | None = None,
    published: Any = None,
    source: str | None = None,
    url: str | None = None,
    meta: dict[str, Any] | None = None,
) -> ArticleInput:
    """An ArticleInput from an HTML page: its main text, the page's metadata, and ``meta`` with
    the page's title and URL added where it has none."""
    page = read_page(html, url=url)
    metadata = page_metadata(page)
    reference = coerce_date(published)
    if reference is None and metadata.published_at is not None:
        reference = local_date(metadata.published_at)
    carried = dict(meta or {})
    for key, value in (("title", page.title), ("url", page.url)):
        if value and not carried.get(key):
            carried[key] = value
    return ArticleInput(text=page.text, id=id, published=reference, source=source, meta=carried, known_metadata=metadata)


# keys of an input row that are not carried through to the record's meta
_ROW_KEYS = frozenset({"html", "id", "published", "source"})


def input_from_row(row: dict[str, Any], index: int | None = None) -> ArticleInput:
    """An ArticleInput from a mapping with ``html`` (in place of ``text``) and optional ``id``,
    ``published``, ``source``, ``url``; other keys are carried through."""
    ident = row.get("id")
    ident = str(ident) if ident is not None else (None if index is None else str(index))
    html = row.get("html")
    if not isinstance(html, str):
        raise TypeError(f"article {ident!r}: html must be a string")
    try:
        published = coerce_date(row.get("published"))
    except (TypeError, ValueError) as error:
        raise ValueError(f"article {ident}: {error}") from None
    meta = {key: value for key, value in row.items() if key not in _ROW_KEYS}
    try:
        return input_from_html(html, id=ident, published=published, source=row.get("source"), url=row.get("url"), meta=meta)
    except HtmlInputError as error:
        raise type(error)(f"article {ident}: {error}") from None


def input_from_file(path: Path, id: str | None = None, published: Any = None) -> ArticleInput:
    """An ArticleInput from an .html/.htm file (bytes: trafilatura finds the encoding)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise HtmlInputError(f"{path}: cannot read ({error.strerror})") from None
    try:
        return input_from_html(raw, id=id if id is not None else path.stem, published=published)
    except HtmlSupportMissing:
        raise
    except HtmlInputError as error:
        raise HtmlInputError(f"{path}: {error}") from None
