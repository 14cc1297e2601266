"""The awards field: named recognitions conferred on a person, an organisation or a place."""

from extractor.fields.awards import recognizers  # noqa: F401  (registers the field and its recognizers)
