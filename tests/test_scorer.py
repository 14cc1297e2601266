"""The scorer against hand-computed cases (GUIDELINES section 4)."""

import pytest

from evaluation.scorer import max_matching, score_article, score_corpus
from tests.conftest import record


def d(value, text="x"):
    return {"text": text, "value": value}


def test_dates_are_a_multiset_of_values():
    gold = record(dates=[d("2024-08-14"), d("2024-08-14"), d("2024")])
    pred = record(dates=[d("2024-08-14"), d("2024"), d("2024"), d("2023")])
    row = score_article(gold, pred)["dates"]
    assert (row.counts.tp, row.counts.pred, row.counts.gold) == (2, 4, 3)
    assert row.misses == ["2024-08-14 'x'"]
    assert sorted(row.false_hits) == ["2023 'x'", "2024 'x'"]


def test_null_gold_date_is_not_scored_and_the_same_text_is_ignored():
    gold = record(dates=[d(None, "minggu sebelumnya"), d("2025-10-20", "hari ini")])
    pred = record(dates=[d("2025-W41", "minggu sebelumnya"), d("2025-10-20", "hari ini")])
    row = score_article(gold, pred)["dates"]
    assert (row.counts.tp, row.counts.pred, row.counts.gold) == (1, 1, 1)


def test_null_gold_date_ignores_one_prediction_per_entry():
    gold = record(dates=[d(None, "1990-an")])
    pred = record(dates=[d(None, "1990-an"), d(None, "1990-an")])
    row = score_article(gold, pred)["dates"]
    assert (row.counts.tp, row.counts.pred, row.counts.gold) == (0, 1, 0)


def test_percentages_match_to_two_decimals():
    gold = record(percentages=[{"text": "85,7%", "value": 85.7}, {"text": "1/3", "value": 33.333}])
    pred = record(percentages=[{"text": "85,7%", "value": 85.70000001}, {"text": "1/3", "value": 33.3}])
    row = score_article(gold, pred)["percentages"]
    assert row.counts.tp == 1


def test_population_counts_ignore_unit():
    gold = record(population_counts=[{"text": "144.853 jiwa", "value": 144853, "unit": "jiwa"}])
    pred = record(population_counts=[{"text": "144.853 orang", "value": 144853, "unit": "orang"}])
    assert score_article(gold, pred)["population_counts"].counts.tp == 1


def official(name, *positions):
    return {"name": name, "positions": list(positions)}


def test_officials_match_one_to_one_under_the_name_key():
    gold = record(
        officials=[
            official("M Ali Kuncoro", "Pj Wali Kota Mojokerto", "Pj Walkot Mojokerto"),
            official("Ma'ruf Amin", "Wapres RI"),
        ]
    )
    pred = record(
        officials=[
            official("Moh. Ali Kuncoro", "Penjabat Wali Kota Mojokerto"),
            official("Ali Kuncoro", "Sekretaris DPRD Jatim"),  # a second prediction of the same person
            official("KH Ma'ruf Amin", "Menteri Agama"),
        ]
    )
    rows = score_article(gold, pred)
    assert (rows["officials"].counts.tp, rows["officials"].counts.pred, rows["officials"].counts.gold) == (2, 3, 2)
    # Ma'ruf Amin's predicted position shares no token-F1 >= 0.5 with "Wapres RI"
    assert rows["officials+position"].counts.tp == 1


def test_matching_is_maximal_not_greedy():
    # greedy would give gold 0 to pred 0 and leave gold 1 unmatched
    edges = {(0, 0), (0, 1), (1, 0)}
    pairs = max_matching([0, 1], [0, 1], lambda g, p: (g, p) in edges)
    assert len(pairs) == 2


def test_awards_exact_and_relaxed():
    gold = record(awards=[{"name": "Universal Health Coverage (UHC) Utama"}, {"name": "Adipura"}])
    pred = record(awards=[{"name": "universal health coverage UHC utama"}, {"name": "Adipura Kencana Nasional"}])
    rows = score_article(gold, pred)
    assert rows["awards"].counts.tp == 1
    # "adipura" vs "adipura kencana nasional": token F1 = 2*(1*1/3)/(1+1/3) = 0.5
    assert rows["awards~relaxed"].counts.tp == 2


def test_corpus_scores_are_micro_averaged():
    a_gold = record(percentages=[{"text": "1%", "value": 1}] * 3)
    a_pred = record(percentages=[{"text": "1%", "value": 1}])
    b_gold = record(percentages=[{"text": "2%", "value": 2}])
    b_pred = record(percentages=[{"text": "2%", "value": 2}, {"text": "3%", "value": 3}])
    score = score_corpus([("a", a_gold, a_pred), ("b", b_gold, b_pred)])
    row = score.rows["percentages"]
    assert (row.tp, row.pred, row.gold) == (2, 3, 4)
    assert row.precision == pytest.approx(2 / 3)
    assert row.recall == pytest.approx(0.5)
    assert row.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert score.rows["total"].gold == 4


def test_empty_field_scores_perfect_when_nothing_is_predicted():
    score = score_corpus([("a", record(), record())])
    assert score.rows["awards"].f1 == 1.0
