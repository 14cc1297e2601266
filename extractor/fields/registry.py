"""The extractor's side of the field registry: each field's recognizers, how its candidates
become items, and which other fields it reads.

A field package (``extractor/fields/<field>/__init__.py``) registers one ``FieldSpec``: the
field's schema (``schemas.fields.FieldSchema``: record key, item model, columns, display,
scoring), its recognizers, its ``assemble`` function and its ``needs``. Registering it also
registers the schema (where it is new) and the spaCy factory ``id_<field>``; the pipeline
puts the components in an order that runs every field after those it needs
(``extractor.components``).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from spacy.language import Language

from extractor.fields.base import Assembler, Recognizer
from extractor.fields.component import FieldComponent
from schemas.fields import FieldSchema, register_schema, unregister_schema


@dataclass(eq=False)
class FieldSpec:
    schema: FieldSchema
    recognizers: tuple[type[Recognizer], ...]
    assemble: Assembler
    # fields whose spans or records (doc.spans, doc._.records) the recognizers read: the
    # field's component runs after theirs
    needs: tuple[str, ...] = ()
    # the field's examples (Duckling-style, one JSON a line): extractor/examples/<field>.jsonl
    # unless given; tests/test_examples.py runs them
    examples: Traversable | Path | None = None
    factory: Callable[..., FieldComponent] | None = field(default=None, init=False)  # set on registration

    def __post_init__(self) -> None:
        if self.examples is None:
            self.examples = resources.files("extractor").joinpath("examples", f"{self.name}.jsonl")

    @property
    def name(self) -> str:
        return self.schema.name

    @property
    def label(self) -> str:
        """The label of the field's spans in ``doc.spans[<field>]``."""
        return self.schema.label

    @property
    def pipe(self) -> str:
        """The name of the field's spaCy factory."""
        return f"id_{self.name}"


FIELD_REGISTRY: dict[str, FieldSpec] = {}


def _component_factory(spec: FieldSpec) -> Callable[..., FieldComponent]:
    def make(nlp: Language, name: str, max_items: int | None) -> FieldComponent:
        return FieldComponent(name, spec, max_items)

    make.__name__ = make.__qualname__ = f"make_{spec.name}"
    return make


def register_field(spec: FieldSpec) -> FieldSpec:
    """Add a field: its schema (unless registered already), its recognizers and assembly, and
    the spaCy factory ``id_<field>`` (config: ``max_items``)."""
    strangers = [cls.__name__ for cls in spec.recognizers if cls.field != spec.name]
    if strangers:
        raise ValueError(f"recognizer(s) {', '.join(strangers)} of another field than {spec.name!r}")
    known = FIELD_REGISTRY.get(spec.name)
    if known is not None and known is not spec:
        raise ValueError(f"a field {spec.name!r} is registered already")
    register_schema(spec.schema)
    FIELD_REGISTRY[spec.name] = spec
    spec.factory = Language.factory(spec.pipe, default_config={"max_items": None})(_component_factory(spec))
    return spec


def unregister_field(name: str) -> None:
    """Remove a field and its schema (spaCy keeps the factory until the process ends)."""
    FIELD_REGISTRY.pop(name, None)
    unregister_schema(name)


@functools.cache
def load_fields() -> dict[str, FieldSpec]:
    """The registry after importing every field package under extractor/fields/."""
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.ispkg:
            importlib.import_module(f"extractor.fields.{module.name}")
    return FIELD_REGISTRY
