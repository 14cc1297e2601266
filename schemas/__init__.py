"""Record schemas shared by the extractor, the evaluation and gold files."""

from schemas.records import (
    FIELDS,
    ArticleMetadata,
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
    "ArticleMetadata",
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
