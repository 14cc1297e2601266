from __future__ import annotations

import os
from pathlib import Path

import pytest

# a recognizer's exception fails the test instead of becoming a record warning
os.environ["EXTRACTOR_STRICT"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seed"
DEV = ROOT.parent / "shared" / "corpus-dev"


@pytest.fixture(scope="session")
def pipeline():
    from extractor.pipeline import shared_pipeline

    return shared_pipeline()


def record(**lists):
    """An ArticleRecord from keyword lists; missing fields are empty."""
    from schemas import ArticleRecord, field_names

    return ArticleRecord.model_validate({field: lists.get(field, []) for field in field_names()})
