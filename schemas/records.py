"""Pydantic v2 records: one model serves gold files and predictions.

Gold files carry only the labelled fields (`text`/`value`/`unit`, `name`/`positions`);
predictions add provenance (character offsets, sentence index, evidence). Provenance is
therefore optional, and unknown keys are rejected so that a typo in a gold file is caught.

When the article text is passed as validation context (``context={"text": text}``),
every offset is checked against it: ``text == input[start:end]``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from enum import Enum
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator


class Granularity(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    half = "half"
    year = "year"


_VALUE_FORMS: dict[Granularity, re.Pattern[str]] = {
    Granularity.day: re.compile(r"(\d{4})-(\d{2})-(\d{2})"),
    Granularity.week: re.compile(r"(\d{4})-W(\d{2})"),
    Granularity.month: re.compile(r"(\d{4})-(\d{2})"),
    Granularity.quarter: re.compile(r"(\d{4})-Q([1-4])"),
    Granularity.half: re.compile(r"(\d{4})-H([12])"),
    Granularity.year: re.compile(r"(\d{4})"),
}


def granularity_of(value: str) -> Granularity:
    """The granularity an ISO value is written at; ValueError when it fits none or is impossible."""
    for granularity, form in _VALUE_FORMS.items():
        match = form.fullmatch(value)
        if not match:
            continue
        year = int(match.group(1))
        if granularity is Granularity.day:
            try:
                _dt.date(year, int(match.group(2)), int(match.group(3)))
            except ValueError as error:
                raise ValueError(f"{value!r} is not a calendar day ({error})") from None
        elif granularity is Granularity.week:
            week = int(match.group(2))
            last_week = _dt.date(year, 12, 28).isocalendar().week
            if not 1 <= week <= last_week:
                raise ValueError(f"week {week} does not exist in {year}")
        elif granularity is Granularity.month and not 1 <= int(match.group(2)) <= 12:
            raise ValueError(f"{value!r}: month {match.group(2)} does not exist")
        return granularity
    raise ValueError(
        f"{value!r} is not an ISO date value (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY)"
    )


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(_Strict):
    """Where an item stands in the input text."""

    start: int | None = Field(default=None, ge=0, description="character offset of the first character")
    end: int | None = Field(default=None, ge=0, description="character offset after the last character")
    sentence: int | None = Field(default=None, ge=0, description="index of the sentence holding the item")
    evidence: str | None = Field(
        default=None, description="the sentence holding the item (over 1,000 characters: a window of it around the item)"
    )

    @model_validator(mode="after")
    def _offsets_fit(self, info: ValidationInfo) -> "Provenance":
        if (self.start is None) != (self.end is None):
            raise ValueError("start and end go together")
        if self.start is not None and self.end is not None:
            if self.end <= self.start:
                raise ValueError(f"end {self.end} must be after start {self.start}")
            source = (info.context or {}).get("text") if info else None
            if source is not None:
                if self.end > len(source):
                    raise ValueError(f"offsets {self.start}:{self.end} lie outside the text ({len(source)} characters)")
                surface = getattr(self, "text", None)
                if surface is not None and source[self.start : self.end] != surface:
                    raise ValueError(
                        f"text {surface!r} is not what stands at {self.start}:{self.end} "
                        f"({source[self.start:self.end]!r})"
                    )
        return self


class Mention(Provenance):
    """One occurrence of an official's name or an award's name."""

    text: str = Field(min_length=1)


class DateItem(Provenance):
    text: str = Field(min_length=1)
    value: str | None = Field(description="ISO 8601 at the mention's granularity; null when unresolved")
    granularity: Granularity | None = None
    relative: bool | None = Field(default=None, description="resolved against the article's date")

    @model_validator(mode="after")
    def _value_fits_granularity(self) -> "DateItem":
        if self.value is None:
            return self
        actual = granularity_of(self.value)
        if self.granularity is not None and self.granularity is not actual:
            raise ValueError(f"value {self.value!r} is {actual.value}, not {self.granularity.value}")
        return self


class FigureKeys(_Strict):
    """What a figure measures (guidelines v1.2): on every percentage and population count."""

    subject: str | None = Field(default=None, description="what the number measures, in the article's words")
    period: str | None = Field(default=None, description="ISO value of the time the figure holds for, as the sentence states it")
    place: str | None = Field(default=None, description="the region or body the figure is about, as written")

    @field_validator("period")
    @classmethod
    def _period_is_iso(cls, period: str | None) -> str | None:
        if period is not None:
            granularity_of(period)  # raises for a value that is not an ISO date value
        return period

    def labels_figure_keys(self) -> bool:
        """Whether this entry states the v1.2 keys (a gold file labels them for all or none)."""
        return bool(self.model_fields_set & set(FIGURE_KEYS))


FIGURE_KEYS: tuple[str, ...] = ("subject", "period", "place")


class PercentageItem(FigureKeys, Provenance):
    text: str = Field(min_length=1)
    value: float

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value):
            raise ValueError("a percentage must be a finite number")
        return value


class PopulationCountItem(FigureKeys, Provenance):
    text: str = Field(min_length=1)
    value: int = Field(ge=0)
    unit: str = Field(min_length=1, description="the people noun as written, lower-cased")

    @field_validator("unit")
    @classmethod
    def _lower(cls, unit: str) -> str:
        if unit != unit.lower():
            raise ValueError(f"unit {unit!r} must be lower-case")
        return unit


class Official(_Strict):
    name: str = Field(min_length=1, description="fullest form of the personal name, no titles")
    positions: list[str] = Field(description="every position the article gives the person, as written")
    mentions: list[Mention] = Field(default_factory=list, description="each name mention")
    position_mentions: list[Mention] = Field(default_factory=list, description="each position mention")
    name_variants: list[str] = Field(default_factory=list, description="other forms of the name in the article")
    acting: str | None = Field(default=None, description="acting status: Pj, Plt, Plh or Pjs, where stated")


class Award(_Strict):
    name: str = Field(min_length=1)
    mentions: list[Mention] = Field(default_factory=list)
    recipient: str | None = None
    giver: str | None = None


class ArticleMetadata(_Strict):
    """What the article says about itself in its header and footer lines (or its HTML page)."""

    outlet: str | None = Field(default=None, description="the news outlet, as written (iNewsMojokerto.id, detikJatim)")
    reporters: list[str] = Field(default_factory=list, description="reporters and writers credited, as written")
    editors: list[str] = Field(default_factory=list, description="editors credited, as written")
    initials: list[str] = Field(default_factory=list, description="staff initials of a closing credit such as (abq/iwd)")
    dateline_place: str | None = Field(default=None, description="the dateline's place, as written (MOJOKERTO)")
    published_at: AwareDatetime | _dt.date | None = Field(
        default=None,
        description="publication date-time with its zone (WIB +07:00, WITA +08:00, WIT +09:00); a date where no time is stated",
    )


class RecordBase(_Strict):
    """What every record model shares; ``schemas.fields.record_model`` builds the model itself,
    with RECORD_HEAD, a list per registered field, then RECORD_TAIL."""

    @field_validator("published", mode="before", check_fields=False)
    @classmethod
    def _published_date_part(cls, value: Any) -> Any:
        # crawls record date-times ("2024-08-14T20:47:00+07:00"); the reference date is the day
        if isinstance(value, str) and len(value) > 10 and value[4:5] == "-" and value[10:11] in "T ":
            return value[:10]
        return value


RECORD_DOC = "Everything extracted from one article; a gold file has the same shape."
# the keys of a record before and after its fields: name -> (type, default)
RECORD_HEAD: dict[str, tuple[Any, Any]] = {
    "id": (str | None, None),
    "source": (str | None, None),
    "published": (_dt.date | None, None),
}
RECORD_TAIL: dict[str, tuple[Any, Any]] = {
    "warnings": (list[str], Field(default_factory=list, description="guards that fired while extracting")),
    "meta": (dict[str, Any], Field(default_factory=dict, description="input keys carried through (url, title, ...)")),
    "article": (
        ArticleMetadata,
        Field(default_factory=ArticleMetadata, description="outlet, credits, dateline, publication time"),
    ),
}
