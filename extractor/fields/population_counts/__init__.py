"""The population_counts field: a number of people or households with a people noun (guidelines §3)."""

from extractor.fields.population_counts import recognizers  # noqa: F401  (registers the field and its recognizers)
