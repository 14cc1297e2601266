"""The population_counts field: a number of people or households with a people noun (guidelines §3)."""

from extractor.fields.population_counts.noun_first import NounFirstRecognizer
from extractor.fields.population_counts.recognizers import CollectiveOrdinalRecognizer, CountRecognizer, assemble
from extractor.fields.registry import FieldSpec, register_field
from schemas.builtin_fields import POPULATION_COUNTS

FIELD = register_field(
    FieldSpec(
        POPULATION_COUNTS,
        recognizers=(CountRecognizer, CollectiveOrdinalRecognizer, NounFirstRecognizer),
        assemble=assemble,
    )
)
