"""Every field's examples (``FieldSpec.examples``: extractor/examples/<field>.jsonl) run as
parametrised tests, and the metadata examples."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from extractor.fields import load_fields

EXAMPLES = resources.files("extractor").joinpath("examples")


def field_examples(spec):
    """(line number, example) for each example of a field (lines starting // are comments)."""
    source = spec.examples
    if not source.is_file():
        return
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            yield number, json.loads(line)


def _examples():
    for spec in load_fields().values():
        for number, example in field_examples(spec):
            yield pytest.param(spec.name, example, id=f"{spec.name}:{number}:{example['text'][:40]}")


def _same(key, expected, predicted):
    if key == "positions":
        return set(expected) == set(predicted)
    if isinstance(expected, float) or isinstance(predicted, float):
        return predicted is not None and round(float(predicted), 2) == round(float(expected), 2)
    return expected == predicted


@pytest.mark.parametrize(("field", "example"), list(_examples()))
def test_example(pipeline, field, example):
    check_example(pipeline, field, example)


def check_example(pipeline, field, example):
    """The record of the example's text has the field's expected items, in order."""
    record = pipeline(example["text"], published=example.get("published"))
    predicted = [item.model_dump(mode="json") for item in getattr(record, field)]
    expected = example["expect"]
    shown = [{k: p.get(k) for k in (expected[0] if expected else {"text": 1, "name": 1, "value": 1})} for p in predicted]
    assert len(predicted) == len(expected), f"expected {expected}, got {shown}"
    for want, got in zip(expected, predicted):
        for key, value in want.items():
            assert _same(key, value, got.get(key)), f"{key}: expected {value!r}, got {got.get(key)!r} in {shown}"


def _metadata_examples():
    source = EXAMPLES.joinpath("metadata.jsonl")
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            example = json.loads(line)
            yield pytest.param(example, id=f"metadata:{number}:{example['text'][:40]}")


@pytest.mark.parametrize("example", list(_metadata_examples()))
def test_metadata_example(pipeline, example):
    record = pipeline(example["text"], published=example.get("published"))
    got = record.article.model_dump(mode="json")
    for key, value in example["expect"].items():
        assert got[key] == value, f"{key}: expected {value!r}, got {got[key]!r} in {got}"
