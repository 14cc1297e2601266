"""The dates field: every calendar reference, normalised to ISO 8601 at its own granularity."""

from extractor.fields.dates.recognizers import RECOGNIZERS, assemble
from extractor.fields.registry import FieldSpec, register_field
from schemas.builtin_fields import DATES

FIELD = register_field(
    FieldSpec(
        DATES,
        recognizers=RECOGNIZERS,  # in their order: where two findings tie, the first one's is kept
        assemble=assemble,
        needs=("awards",),  # a year inside an award's name is no date (needs.award_spans)
    )
)
