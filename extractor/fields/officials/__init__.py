"""The officials field: people holding a public position, each with every position the article gives them."""

from extractor.fields.officials.recognizers import PositionRecognizer, assemble
from extractor.fields.registry import FieldSpec, register_field
from schemas.builtin_fields import OFFICIALS

FIELD = register_field(FieldSpec(OFFICIALS, recognizers=(PositionRecognizer,), assemble=assemble))
