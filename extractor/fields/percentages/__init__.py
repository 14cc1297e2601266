"""The percentages field: a number given as a percent (guidelines §3 Percentages)."""

from extractor.fields.percentages import recognizers  # noqa: F401  (registers the field and its recognizers)
