"""Record schemas shared by the extractor, the evaluation and gold files.

``ArticleRecord`` is the record model of the fields of the guidelines; where more fields are
registered (``schemas.fields``), ``record_model()`` gives the model that holds them too.
"""

from schemas import builtin_fields  # noqa: F401  (registers the fields of the guidelines)
from schemas.fields import (
    FieldSchema,
    field_names,
    field_schema,
    field_schemas,
    figure_fields,
    record_model,
    register_schema,
    unregister_schema,
)
from schemas.records import (
    FIGURE_KEYS,
    ArticleMetadata,
    Award,
    DateItem,
    FigureKeys,
    Granularity,
    Mention,
    Official,
    PercentageItem,
    PopulationCountItem,
    Provenance,
    RecordBase,
    granularity_of,
)

ArticleRecord = record_model()

__all__ = [
    "FIGURE_KEYS",
    "ArticleMetadata",
    "ArticleRecord",
    "Award",
    "DateItem",
    "FieldSchema",
    "FigureKeys",
    "Granularity",
    "Mention",
    "Official",
    "PercentageItem",
    "PopulationCountItem",
    "Provenance",
    "RecordBase",
    "field_names",
    "field_schema",
    "field_schemas",
    "figure_fields",
    "granularity_of",
    "record_model",
    "register_schema",
    "unregister_schema",
]
