"""Records as pandas DataFrames: one table per field, one row per item.

The rows are those of the batch CSV tables (``extractor.batch.writers.item_rows``), with typed
columns and officials' positions and name variants kept as lists. pandas is optional:
``pip install -e ".[pandas]"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from extractor.batch.writers import CSV_COLUMNS, item_rows
from schemas import FIELDS, ArticleRecord

if TYPE_CHECKING:
    import pandas

# pandas' nullable dtypes, so that a missing offset or attribute is <NA> and integers stay
# integers; columns not listed (positions, name_variants: lists) are of dtype object
_INTEGER = ("start", "end", "sentence", "mention_count")
_DTYPES: dict[str, dict[str, str]] = {
    name: {
        column: "Int64" if column in _INTEGER else "string"
        for column in columns
        if column not in ("positions", "name_variants")
    }
    for name, columns in CSV_COLUMNS.items()
}
_DTYPES["percentages"]["value"] = "Float64"
_DTYPES["population_counts"]["value"] = "Int64"
_DTYPES["dates"]["relative"] = "boolean"


def records_to_dataframe(records: Iterable[ArticleRecord | Mapping[str, Any]], field: str) -> pandas.DataFrame:
    """The items of ``field`` in ``records`` (ArticleRecords, or their JSON form as dicts), one
    row each, in record order: the columns of ``extractor batch --format csv``'s FIELD.csv."""
    if field not in FIELDS:
        raise ValueError(f"unknown field {field!r}; known: {', '.join(FIELDS)}")
    try:
        import pandas
    except ImportError:
        raise ImportError('records_to_dataframe needs pandas: pip install -e ".[pandas]"') from None
    rows = []
    for record in records:
        data = record.model_dump(mode="json") if isinstance(record, ArticleRecord) else record
        rows.extend(item_rows(data, field, join_lists=False))
    columns = list(CSV_COLUMNS[field])
    frame = pandas.DataFrame(rows, columns=columns) if rows else pandas.DataFrame(columns=columns)
    return frame.astype(_DTYPES[field])
