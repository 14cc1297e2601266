"""The percentages field: a number given as a percent (guidelines §3 Percentages)."""

from extractor.fields.percentages.recognizers import PercentRecognizer, assemble
from extractor.fields.registry import FieldSpec, register_field
from schemas.builtin_fields import PERCENTAGES

FIELD = register_field(FieldSpec(PERCENTAGES, recognizers=(PercentRecognizer,), assemble=assemble))
