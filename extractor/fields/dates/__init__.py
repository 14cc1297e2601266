"""The dates field: every calendar reference, normalised to ISO 8601 at its own granularity."""

from extractor.fields.dates.recognizers import (
    LebaranDayRecognizer,
    MonthRecognizer,
    NamedDateRecognizer,
    NumericDateRecognizer,
    PeriodRecognizer,
    RelativeRecognizer,
    WeekdayRecognizer,
    YearRecognizer,
    assemble,
)
from extractor.fields.registry import FieldSpec, register_field
from schemas.builtin_fields import DATES

FIELD = register_field(
    FieldSpec(
        DATES,
        recognizers=(
            NumericDateRecognizer,
            NamedDateRecognizer,
            MonthRecognizer,
            PeriodRecognizer,
            YearRecognizer,
            RelativeRecognizer,
            WeekdayRecognizer,
            LebaranDayRecognizer,
        ),
        assemble=assemble,
        needs=("awards",),  # a year inside an award's name is no date (doc.spans["awards"])
    )
)
