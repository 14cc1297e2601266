"""Record schemas shared by the extractor, the evaluation and gold files."""

from schemas.records import (
    FIELDS,
    FIGURE_KEYS,
    ArticleMetadata,
    ArticleRecord,
    Award,
    DateItem,
    FigureKeys,
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
    "FIGURE_KEYS",
    "ArticleMetadata",
    "ArticleRecord",
    "Award",
    "DateItem",
    "FigureKeys",
    "Granularity",
    "Mention",
    "Official",
    "PercentageItem",
    "PopulationCountItem",
    "Provenance",
    "granularity_of",
]
