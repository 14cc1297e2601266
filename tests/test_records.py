"""Record validation: what cannot be true is rejected."""

import json
import math

import pytest
from pydantic import ValidationError

from schemas import ArticleRecord, DateItem, PercentageItem, PopulationCountItem, granularity_of
from tests.conftest import SEED

TEXT = "Pada 25/9/2024 capaian 85,7% dari 141.790 penduduk."


def test_offsets_must_point_at_the_text():
    ok = {"text": "85,7%", "value": 85.7, "start": 23, "end": 28}
    assert PercentageItem.model_validate(ok, context={"text": TEXT}).end == 28
    with pytest.raises(ValidationError, match="is not what stands"):
        PercentageItem.model_validate({**ok, "start": 22, "end": 27}, context={"text": TEXT})
    with pytest.raises(ValidationError, match="outside the text"):
        PercentageItem.model_validate({**ok, "start": 23, "end": 999}, context={"text": TEXT})
    with pytest.raises(ValidationError, match="after start"):
        PercentageItem.model_validate({**ok, "start": 28, "end": 23})
    with pytest.raises(ValidationError, match="go together"):
        PercentageItem.model_validate({"text": "85,7%", "value": 85.7, "start": 23})


@pytest.mark.parametrize(
    ("value", "granularity"),
    [("2024-09-25", "day"), ("2025-W43", "week"), ("2024-08", "month"), ("2024-Q2", "quarter"), ("2024-H1", "half"), ("2017", "year")],
)
def test_date_values_at_every_granularity(value, granularity):
    item = DateItem(text="x", value=value, granularity=granularity)
    assert granularity_of(item.value).value == granularity


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        ("2024-02-30", None),  # no such day
        ("2024-13", None),  # no such month
        ("2024-Q5", None),
        ("2021-W53", None),  # 2021 has 52 ISO weeks
        ("25/9/2024", None),
        ("2024-09-25", "month"),  # value does not fit the granularity
        ("2024", "day"),
    ],
)
def test_date_values_that_cannot_be_true(value, granularity):
    with pytest.raises(ValidationError):
        DateItem(text="x", value=value, granularity=granularity)


def test_null_date_value_is_allowed():
    assert DateItem(text="1990-an", value=None).value is None


def test_negative_count_and_non_finite_percentage_are_rejected():
    with pytest.raises(ValidationError):
        PopulationCountItem(text="-5 orang", value=-5, unit="orang")
    with pytest.raises(ValidationError):
        PopulationCountItem(text="5 Orang", value=5, unit="Orang")
    for bad in (math.inf, math.nan):
        with pytest.raises(ValidationError):
            PercentageItem(text="x", value=bad)


def test_unknown_keys_are_rejected():
    with pytest.raises(ValidationError) as error:
        ArticleRecord.model_validate(
            {"officials": [], "dates": [], "percentages": [], "population_counts": [], "awards": [], "date": []}
        )
    assert error.value.errors()[0]["loc"] == ("date",)


def test_every_list_is_required():
    with pytest.raises(ValidationError) as error:
        ArticleRecord.model_validate({"officials": [], "dates": [], "percentages": [], "population_counts": []})
    assert error.value.errors()[0]["loc"] == ("awards",)


def test_gold_file_and_prediction_load_through_the_same_model(pipeline):
    gold_json = json.loads((SEED / "gold" / "seed-002.json").read_text())
    gold = ArticleRecord.model_validate(gold_json)
    text = (SEED / "articles" / "seed-002.txt").read_text()
    predicted = pipeline(text, published=gold.published, id="seed-002")
    dumped = json.loads(predicted.model_dump_json())
    # the prediction has the gold file's shape: every gold key is there
    assert set(gold_json) <= set(dumped)
    for field in ("dates", "percentages", "population_counts"):
        for item in dumped[field]:
            assert {"text", "value"} <= set(item)
    again = ArticleRecord.model_validate(dumped, context={"text": text})
    assert again == predicted


def test_published_datetime_keeps_the_day():
    rec = ArticleRecord.model_validate(
        {"published": "2024-08-14T20:47:00+07:00", "officials": [], "dates": [], "percentages": [], "population_counts": [], "awards": []}
    )
    assert rec.published.isoformat() == "2024-08-14"
