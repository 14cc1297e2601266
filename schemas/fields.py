"""The field registry: what records, tables, pages and scores need to know about each field.

A ``FieldSchema`` describes one field once: its name (the record key), its item model, its
CSV columns and how an item becomes a row, its display label and colour, how an item reads
on hover, and how it is scored. Everything that handles records reads the registry; none of
it names a field. The record model itself is built from the registered fields
(``record_model``), in registration order, which is the order of the keys in a record's JSON.

The fields of the annotation guidelines are registered by ``schemas.builtin_fields``; the
extractor adds the recognizers of each (``extractor.fields``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple

from pydantic import BaseModel, create_model

from schemas.records import FIGURE_KEYS, RECORD_DOC, RECORD_HEAD, RECORD_TAIL, FigureKeys, RecordBase

# ------------------------------------------------------------------ CSV columns


class Column(NamedTuple):
    """A CSV column of a field's table; ``kind`` gives its type in DataFrames."""

    name: str
    kind: str = "text"  # text, integer, number, boolean, or list (joined with " | " in CSV)


KINDS = ("text", "integer", "number", "boolean", "list")
# the provenance columns every table has: of the item, or of its first mention
SPAN_COLUMNS: tuple[Column, ...] = (
    Column("text"), Column("start", "integer"), Column("end", "integer"), Column("sentence", "integer"), Column("evidence"),
)
FIGURE_KEY_COLUMNS: tuple[Column, ...] = tuple(Column(key) for key in FIGURE_KEYS)


def own_offsets(item: dict[str, Any]) -> dict[str, Any]:
    """Row values of an item that carries its own offsets: the item's JSON as it is."""
    return item


def first_mention(item: dict[str, Any]) -> dict[str, Any]:
    """Row values of an item found by its mentions: the text and offsets of the first one, and
    ``mention_count``."""
    mentions = item.get("mentions") or [{}]
    first = {column.name: mentions[0].get(column.name) for column in SPAN_COLUMNS}
    return {**item, "mention_count": len(item.get("mentions") or []), **first}


# ------------------------------------------------------------------ scoring rules (GUIDELINES §4)


class Compare(str, Enum):
    """The comparisons of the guidelines (implemented by ``evaluation.keys.compare``)."""

    equal = "equal"  # the same value
    text = "text"  # the same text key
    tokens = "tokens"  # text-key tokens overlap with F1 >= 0.5
    names = "names"  # the name keys match (one inside the other, 2+ tokens shared)
    positions = "positions"  # some position of each matches the other's (position keys, F1 >= 0.5)


@dataclass(frozen=True)
class ByValue:
    """Items compared as a multiset of values. A gold item whose value is None is not scored,
    and one predicted item with the same text key is then ignored."""

    value: Callable[[Any], Hashable]
    shown: Callable[[Any], str]  # how a miss or a false hit is listed
    suffix: str = ""  # the row is named field + suffix


@dataclass(frozen=True)
class ByKey:
    """Items paired one to one (a maximum matching) where every comparison holds between
    the two items' attributes: ``compare`` is ((attribute, Compare), ...)."""

    compare: tuple[tuple[str, Compare], ...]
    shown: Callable[[Any], str]
    suffix: str = ""


ScoringRule = ByValue | ByKey

# how the figure keys of a percentage or count are compared (rows field+key, guidelines v1.2)
FIGURE_KEY_COMPARE: dict[str, Compare] = {"subject": Compare.tokens, "period": Compare.equal, "place": Compare.tokens}


# ------------------------------------------------------------------ the field schema


@dataclass(frozen=True, eq=False)
class FieldSchema:
    """One field, described once (see the module docstring)."""

    name: str  # the record key, the CSV table FIELD.csv, the span group
    item: type[BaseModel]
    item_name: str  # one item, as facts.csv's ``field`` names it ("percentage")
    columns: tuple[Column, ...]  # the CSV columns after article_id, in order
    label: str  # the display label, and the label of the field's spans ("DATE")
    colour: str  # the highlight colour of ``extractor show``
    describe: Callable[[Any], str]  # an item's normalised value, as ``show`` gives it on hover
    scoring: tuple[ScoringRule, ...]  # the report's rows; the first counts in the total
    flatten: Callable[[dict[str, Any]], dict[str, Any]] = own_offsets  # item JSON -> row values
    unit: str | None = None  # the unit of items that state none (facts.csv: "%")

    def __post_init__(self) -> None:
        if not self.scoring:
            raise ValueError(f"field {self.name!r}: a field is scored by at least one rule")
        unknown = [column.name for column in self.columns if column.kind not in KINDS]
        if unknown:
            raise ValueError(f"field {self.name!r}: column(s) {', '.join(unknown)} of no known kind ({', '.join(KINDS)})")

    @property
    def carries_figure_keys(self) -> bool:
        """Whether the items say what they measure (subject, period, place): facts.csv, v1.2 rows."""
        return issubclass(self.item, FigureKeys)

    @property
    def value_rule(self) -> ByValue | None:
        """The field's rule by value, if it has one (figure keys are compared on equal values)."""
        return next((rule for rule in self.scoring if isinstance(rule, ByValue)), None)


_SCHEMAS: dict[str, FieldSchema] = {}


def register_schema(schema: FieldSchema) -> FieldSchema:
    """Add a field (after those registered before it); registering the same schema again is a no-op."""
    known = _SCHEMAS.get(schema.name)
    if known is not None and known is not schema:
        raise ValueError(f"a field {schema.name!r} is registered already")
    if schema.name in RECORD_HEAD or schema.name in RECORD_TAIL:
        raise ValueError(f"{schema.name!r} is a record key of its own, not a field name")
    _SCHEMAS[schema.name] = schema
    return schema


def unregister_schema(name: str) -> None:
    _SCHEMAS.pop(name, None)


def field_schemas() -> tuple[FieldSchema, ...]:
    """The registered fields, in record order."""
    return tuple(_SCHEMAS.values())


def field_schema(name: str) -> FieldSchema:
    return _SCHEMAS[name]


def field_names() -> tuple[str, ...]:
    return tuple(_SCHEMAS)


def figure_fields() -> tuple[str, ...]:
    """The fields whose items carry the figure keys, in record order."""
    return tuple(schema.name for schema in _SCHEMAS.values() if schema.carries_figure_keys)


def record_model() -> type[RecordBase]:
    """The record model of the registered fields (``ArticleRecord``): one model serves gold
    files and predictions."""
    return _record_model(field_schemas())


@functools.cache
def _record_model(schemas: tuple[FieldSchema, ...]) -> type[RecordBase]:
    fields: dict[str, Any] = {
        **RECORD_HEAD,
        **{schema.name: (list[schema.item], ...) for schema in schemas},
        **RECORD_TAIL,
    }
    # __module__ "schemas": instances pickle as schemas.ArticleRecord
    return create_model("ArticleRecord", __base__=RecordBase, __module__="schemas", __doc__=RECORD_DOC, **fields)
