"""Records as pandas DataFrames: one table per field, one row per item.

The rows are those of the batch CSV tables (``extractor.batch.writers.item_rows``), with typed
columns and officials' positions and name variants kept as lists; percentages and population
counts carry what they measure (``subject``, ``period``, ``place``). ``facts_dataframe`` is
facts.csv: every percentage and count with those keys, in text order. pandas is optional:
``pip install -e ".[pandas]"``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from extractor.batch.writers import FACTS_COLUMNS, csv_columns, fact_rows, item_rows
from schemas import RecordBase, field_names, field_schema

if TYPE_CHECKING:
    import pandas

# pandas' nullable dtypes by column kind (schemas.fields.Column), so that a missing offset or
# attribute is <NA> and integers stay integers; list columns (positions, name_variants) are of
# dtype object
_DTYPES = {"text": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}
# facts.csv's value holds both percentages and counts: a float column
_FACTS_DTYPES = {column: "Float64" if column == "value" else "string" for column in FACTS_COLUMNS}


def _dtypes(field: str) -> dict[str, str]:
    columns = field_schema(field).columns
    return {"article_id": "string", **{column.name: _DTYPES[column.kind] for column in columns if column.kind in _DTYPES}}


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError('records_to_dataframe needs pandas: pip install -e ".[pandas]"') from None
    return pandas


def _as_json(record: RecordBase | Mapping[str, Any]) -> Mapping[str, Any]:
    return record.model_dump(mode="json") if isinstance(record, RecordBase) else record


def records_to_dataframe(records: Iterable[RecordBase | Mapping[str, Any]], field: str) -> pandas.DataFrame:
    """The items of ``field`` in ``records`` (records, or their JSON form as dicts), one
    row each, in record order: the columns of ``extractor batch --format csv``'s FIELD.csv."""
    if field not in field_names():
        raise ValueError(f"unknown field {field!r}; known: {', '.join(field_names())}")
    pandas = _pandas()
    rows = []
    for record in records:
        rows.extend(item_rows(_as_json(record), field, join_lists=False))
    columns = list(csv_columns()[field])
    frame = pandas.DataFrame(rows, columns=columns) if rows else pandas.DataFrame(columns=columns)
    return frame.astype(_dtypes(field))


def facts_dataframe(records: Iterable[RecordBase | Mapping[str, Any]]) -> pandas.DataFrame:
    """Every percentage and population count in ``records``, one row each, in record order
    and text order: the columns of ``extractor batch --format csv``'s facts.csv (``field``,
    ``value``, ``unit``, ``subject``, ``period``, ``place``, ``text``, ``evidence``)."""
    pandas = _pandas()
    rows = [row for record in records for row in fact_rows(_as_json(record))]
    columns = list(FACTS_COLUMNS)
    frame = pandas.DataFrame(rows, columns=columns) if rows else pandas.DataFrame(columns=columns)
    return frame.astype(_FACTS_DTYPES)
