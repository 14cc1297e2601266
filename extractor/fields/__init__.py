"""One module per field; each registers its field and recognizers on import."""

from __future__ import annotations

import functools
import importlib

from extractor.fields.base import (
    FIELD_REGISTRY,
    Candidate,
    FieldSpec,
    Recognizer,
    register_field,
    register_recognizer,
    resolve_overlaps,
)

FIELD_MODULES: tuple[str, ...] = ("dates", "percentages", "population_counts", "officials", "awards")


@functools.cache
def load_fields() -> dict[str, FieldSpec]:
    for module in FIELD_MODULES:
        importlib.import_module(f"extractor.fields.{module}")
    return FIELD_REGISTRY


__all__ = [
    "FIELD_MODULES",
    "FIELD_REGISTRY",
    "Candidate",
    "FieldSpec",
    "Recognizer",
    "load_fields",
    "register_field",
    "register_recognizer",
    "resolve_overlaps",
]
