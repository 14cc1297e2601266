"""The five fields of the annotation guidelines, registered in record order.

Each entry says what the record, the CSV tables, the DataFrames, ``extractor show`` and the
scorer need to know about its field (``schemas.fields.FieldSchema``); the item models are in
``schemas.records``.
"""

from __future__ import annotations

from typing import Any

from schemas.fields import (
    FIGURE_KEY_COLUMNS,
    SPAN_COLUMNS,
    ByKey,
    ByValue,
    Column,
    Compare,
    FieldSchema,
    first_mention,
    register_schema,
)
from schemas.records import Award, DateItem, Official, PercentageItem, PopulationCountItem, granularity_of


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _with_keys(value: str, item: Any) -> str:
    """A figure's value with what it measures: "85.7 — capaian SPM, 2024-Q2, Kota Mojokerto"."""
    keys = [key for key in (item.subject, item.period, item.place) if key]
    return f"{value} — {', '.join(keys)}" if keys else value


def _describe_date(item: DateItem) -> str:
    if item.value is None:
        return "unresolved"
    granularity = (item.granularity or granularity_of(item.value)).value
    return f"{item.value} ({granularity}{', relative' if item.relative else ''})"


def _describe_official(item: Official) -> str:
    name = f"{item.name} ({item.acting})" if item.acting else item.name
    return f"{name} — {'; '.join(item.positions)}" if item.positions else name


def _describe_award(item: Award) -> str:
    roles = [f"{role}: {who}" for role, who in (("recipient", item.recipient), ("giver", item.giver)) if who]
    return f"{item.name} ({'; '.join(roles)})" if roles else item.name


def _shown_official(item: Official) -> str:
    return f"{item.name} {item.positions}"


OFFICIALS = register_schema(
    FieldSchema(
        name="officials",
        item=Official,
        item_name="official",
        columns=(
            Column("name"), Column("positions", "list"), Column("acting"), Column("name_variants", "list"),
            Column("mention_count", "integer"), *SPAN_COLUMNS,
        ),
        flatten=first_mention,
        label="OFFICIAL",
        colour="#f4a259",
        describe=_describe_official,
        scoring=(
            ByKey((("name", Compare.names),), _shown_official),
            ByKey((("name", Compare.names), ("positions", Compare.positions)), _shown_official, suffix="+position"),
        ),
    )
)
DATES = register_schema(
    FieldSchema(
        name="dates",
        item=DateItem,
        item_name="date",
        columns=(Column("value"), *SPAN_COLUMNS, Column("granularity"), Column("relative", "boolean")),
        label="DATE",
        colour="#5bc0eb",
        describe=_describe_date,
        scoring=(ByValue(lambda item: item.value, lambda item: f"{item.value} {item.text!r}"),),
    )
)
PERCENTAGES = register_schema(
    FieldSchema(
        name="percentages",
        item=PercentageItem,
        item_name="percentage",
        columns=(Column("value", "number"), *SPAN_COLUMNS, *FIGURE_KEY_COLUMNS),
        label="PERCENT",
        colour="#f25f9a",
        describe=lambda item: _with_keys(_number(item.value), item),
        scoring=(ByValue(lambda item: round(item.value, 2), lambda item: f"{item.value:g} {item.text!r}"),),
        unit="%",
    )
)
POPULATION_COUNTS = register_schema(
    FieldSchema(
        name="population_counts",
        item=PopulationCountItem,
        item_name="population_count",
        columns=(Column("value", "integer"), *SPAN_COLUMNS, Column("unit"), *FIGURE_KEY_COLUMNS),
        label="POPULATION",
        colour="#9bc53d",
        describe=lambda item: _with_keys(f"{item.value} {item.unit}", item),
        scoring=(ByValue(lambda item: item.value, lambda item: f"{item.value} {item.text!r}"),),
    )
)
AWARDS = register_schema(
    FieldSchema(
        name="awards",
        item=Award,
        item_name="award",
        columns=(Column("name"), Column("recipient"), Column("giver"), Column("mention_count", "integer"), *SPAN_COLUMNS),
        flatten=first_mention,
        label="AWARD",
        colour="#b388eb",
        describe=_describe_award,
        scoring=(
            ByKey((("name", Compare.text),), lambda item: item.name),
            ByKey((("name", Compare.tokens),), lambda item: item.name, suffix="~relaxed"),
        ),
    )
)
