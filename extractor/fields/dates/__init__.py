"""The dates field: every calendar reference, normalised to ISO 8601 at its own granularity."""

from extractor.fields.dates import recognizers  # noqa: F401  (registers the field and its recognizers)
