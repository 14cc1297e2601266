"""Record schemas shared by the extractor, the evaluation and gold files."""

from schemas.records import (
    FIELDS,
    ArticleRecord,
    Award,
    DateItem,
    Granularity,
    Mention,
    Official,
    PercentageItem,
    PopulationCountItem,
    Provenance,
    granularity_of,
)

__all__ = [
    "FIELDS",
    "ArticleRecord",
    "Award",
    "DateItem",
    "Granularity",
    "Mention",
    "Official",
    "PercentageItem",
    "PopulationCountItem",
    "Provenance",
    "granularity_of",
]
