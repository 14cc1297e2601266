"""A publication date written any way a user or a page writes it, read by dateparser.

ISO dates (``2024-08-14``, ``2024-08-14T20:47+07:00``) are read directly; anything else
(``14 Agustus 2024``, ``Rabu, 14/08/2024 20:47 WIB``, ``Aug 14, 2024``) goes to dateparser,
which knows every month name and order of many languages. This is off the hot path (once per
article at most, only for non-ISO input), so dateparser is imported on first use only.
A date must name day, month and year: "Agustus 2024" is no publication date.
"""

from __future__ import annotations

import datetime as dt
import warnings

LANGUAGES = ["id", "en"]
# absolute dates only: "kemarin" is no publication date
SETTINGS = {
    "DATE_ORDER": "DMY",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_LOCALE_DATE_ORDER": False,
    "PARSERS": ["custom-formats", "absolute-time"],
}


def parse_published(text: str) -> dt.date | None:
    """The date ``text`` names, or None when it names no full date."""
    import dateparser

    with warnings.catch_warnings():  # dateparser warns about its own pytz/tz use
        warnings.simplefilter("ignore")
        found = dateparser.parse(text, languages=LANGUAGES, settings=SETTINGS)
    return found.date() if found is not None else None
