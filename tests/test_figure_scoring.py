"""Guidelines v1.2 rows: subject, period and place of percentages and counts."""

from __future__ import annotations

from evaluation.scorer import figure_rows, score_corpus
from schemas import ArticleRecord

EMPTY = {"officials": [], "dates": [], "percentages": [], "population_counts": [], "awards": []}


def record(percentages=(), counts=()) -> ArticleRecord:
    return ArticleRecord.model_validate({**EMPTY, "percentages": list(percentages), "population_counts": list(counts)})


def test_gold_with_the_v12_keys_is_read_and_scored():
    gold = record(
        [{"text": "85,7%", "value": 85.7, "subject": "capaian SPM", "period": "2024-Q2", "place": "Kota Mojokerto"}],
        [{"text": "1.200 warga", "value": 1200, "unit": "warga", "subject": "warga yang hadir", "period": None, "place": None}],
    )
    pred = record(
        [{"text": "85,7%", "value": 85.7, "subject": "capaian SPM Kota Mojokerto", "period": "2024-Q2", "place": "Mojokerto"}],
        [{"text": "1.200 warga", "value": 1200, "unit": "warga", "subject": "warga", "period": "2024", "place": None}],
    )
    rows = score_corpus([("a", gold, pred)]).rows
    assert set(figure_rows()) <= set(rows)
    assert (rows["percentages+subject"].tp, rows["percentages+period"].tp, rows["percentages+place"].tp) == (1, 1, 1)
    # a null gold key is not counted; a predicted key the gold leaves null is a false hit
    assert (rows["population_counts+period"].gold, rows["population_counts+period"].pred) == (0, 1)
    # "warga" against "warga yang hadir": token F1 0.5 is a match
    assert rows["population_counts+subject"].tp == 1


def test_keys_pair_on_equal_values_only_and_one_to_one():
    gold = record([
        {"text": "5%", "value": 5, "subject": "inflasi", "period": "2024", "place": None},
        {"text": "6%", "value": 6, "subject": "pertumbuhan ekonomi", "period": "2025", "place": None},
    ])
    pred = record([
        {"text": "5%", "value": 5, "subject": "pertumbuhan ekonomi", "period": "2025", "place": None},
        {"text": "6%", "value": 6, "subject": "inflasi", "period": "2024", "place": None},
    ])
    rows = score_corpus([("a", gold, pred)]).rows
    assert rows["percentages+subject"].tp == 0 and rows["percentages+period"].tp == 0


def test_gold_without_the_keys_gives_no_v12_rows():
    gold = record([{"text": "5%", "value": 5}])
    pred = record([{"text": "5%", "value": 5, "subject": "inflasi"}])
    assert not set(figure_rows()) & set(score_corpus([("a", gold, pred)]).rows)


def test_a_period_must_be_an_iso_value():
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        record([{"text": "5%", "value": 5, "period": "Agustus"}])
