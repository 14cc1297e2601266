"""The awards field: named recognitions conferred on a person, an organisation or a place."""

from extractor.fields.awards.phrases import (
    ConferredObjectRecognizer,
    KnownPredikatRecognizer,
    LowerPlacementRecognizer,
    LowerPredikatRecognizer,
    WinnerListRecognizer,
)
from extractor.fields.awards.recognizers import NamedAwardRecognizer, assemble
from extractor.fields.registry import FieldSpec, register_field
from schemas.builtin_fields import AWARDS

FIELD = register_field(
    FieldSpec(
        AWARDS,
        recognizers=(
            NamedAwardRecognizer,
            KnownPredikatRecognizer,
            LowerPredikatRecognizer,
            LowerPlacementRecognizer,
            ConferredObjectRecognizer,
            WinnerListRecognizer,
        ),
        assemble=assemble,
    )
)
