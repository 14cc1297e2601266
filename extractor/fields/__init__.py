"""The fields: one package each (``extractor/fields/<field>/``), whose ``__init__`` registers
the field (``registry.register_field``); ``load_fields`` imports them all."""

from __future__ import annotations

from extractor.fields.base import Candidate, Recognizer, provenance, resolve_overlaps
from extractor.fields.registry import FIELD_REGISTRY, FieldSpec, load_fields, register_field, unregister_field

__all__ = [
    "FIELD_REGISTRY",
    "Candidate",
    "FieldSpec",
    "Recognizer",
    "load_fields",
    "provenance",
    "register_field",
    "resolve_overlaps",
    "unregister_field",
]
