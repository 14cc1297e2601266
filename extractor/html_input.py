"""HTML pages: the main text and the page's metadata, read with trafilatura.

trafilatura is an optional dependency (``pip install -e ".[html]"``): it drops navigation,
footers, ads and related-article lists, and reads the title, author, date, site name and
URL from the page's meta tags. The extracted text is the article text: every record offset
points into it. The page's author, site name and date fill the record's ``article`` metadata
where the text's own header and footer lines say nothing, and the page's date is the
article's ``published`` date where the input gives none (``extractor.inputs.input_from_html``).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from schemas import ArticleMetadata

HTML_SUFFIXES = (".html", ".htm")
INSTALL_HINT = 'pip install -e ".[html]"'
# htmldate's options: the original publication date (not the last update) from the page's
# markup, with its time where given; no guessing from dates in the body text
_DATE_OPTIONS = {"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True, "extensive_search": False}
_WIB = dt.timezone(dt.timedelta(hours=7))
_INDONESIAN_OFFSETS = {dt.timedelta(hours=hours) for hours in (7, 8, 9)}

# trafilatura reports unusable pages through logging; we raise a clear error of our own instead
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


class HtmlInputError(ValueError):
    """An HTML page that gives no article (empty, not HTML, no main text); one line."""


class HtmlSupportMissing(HtmlInputError):
    """trafilatura, the optional extra ``html``, is not installed."""


@dataclass(slots=True)
class Page:
    """What trafilatura read from one HTML page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        raise HtmlSupportMissing(f"reading HTML needs trafilatura, the optional extra html: {INSTALL_HINT}") from None
    return trafilatura


def read_page(html: str | bytes, url: str | None = None) -> Page:
    """The main text and metadata of an HTML page; HtmlInputError when it holds no article text."""
    trafilatura = _trafilatura()
    if not (html.strip() if isinstance(html, str | bytes) else html):
        raise HtmlInputError("empty HTML page")
    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, date_extraction_params=_DATE_OPTIONS
        )
    except Exception as error:  # noqa: BLE001  (any parser failure is this page's)
        raise HtmlInputError(f"unreadable HTML page ({type(error).__name__}: {error})") from None
    if found is None:
        raise HtmlInputError("no article text found in the HTML page")
    # trafilatura 2 returns a Document, 1.x a dict
    fields = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    text = (fields.get("text") or "").strip()
    if not text:
        raise HtmlInputError("no article text found in the HTML page")
    return Page(
        text=text,
        title=fields.get("title") or None,
        author=fields.get("author") or None,
        date=fields.get("date") or None,
        sitename=fields.get("sitename") or None,
        url=fields.get("url") or url,
    )


def page_datetime(value: str | None) -> dt.datetime | dt.date | None:
    """The page's publication date-time: zone-aware (WIB where the page gives a time without a
    zone), or a date alone where it gives no time (htmldate writes midnight then)."""
    if not value:
        return None
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if stamp.tzinfo is None:
        if stamp.time() == dt.time(0, 0):
            return stamp.date()
        stamp = stamp.replace(tzinfo=_WIB)
    return stamp


def local_date(stamp: dt.datetime | dt.date) -> dt.date:
    """The calendar day of a publication time, in its Indonesian zone (others are read in WIB)."""
    if not isinstance(stamp, dt.datetime):
        return stamp
    offset = stamp.utcoffset()
    return (stamp if offset in _INDONESIAN_OFFSETS else stamp.astimezone(_WIB)).date()


def page_metadata(page: Page) -> ArticleMetadata:
    """The page's metadata as article metadata: author to reporters, site name to outlet, date."""
    authors = [name.strip() for name in (page.author or "").split(";") if name.strip()]
    return ArticleMetadata(outlet=page.sitename, reporters=authors, published_at=page_datetime(page.date))
