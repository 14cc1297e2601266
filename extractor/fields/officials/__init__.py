"""The officials field: people holding a public position, each with every position the article gives them."""

from extractor.fields.officials import recognizers  # noqa: F401  (registers the field and its recognizers)
