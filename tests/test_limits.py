"""The limits a user can reason about (README, "Limits"): the longest text taken, refused
before any work on it, and the per-field item cap, which bounds the size of a record. No
assertion reads a clock: work is counted (``tests/counting.py``) and sizes are measured."""

from __future__ import annotations

import pytest

import extractor
from extractor import limits
from extractor.fields import FIELD_REGISTRY
from extractor.fields.component import FieldComponent
from extractor.limits import DEFAULT_MAX_ITEMS
from extractor.pipeline import MAX_CHARACTERS, MAX_CHARACTERS_ENV, Pipeline
from tests.counting import RegexWork

PERCENTS = "Naik 5% dan 7 persen. " * 2_500  # 5,000 percent tokens


def test_a_field_keeps_the_first_items_up_to_the_cap_and_says_how_many_it_dropped(pipeline):
    record = pipeline(PERCENTS)
    assert len(record.percentages) == DEFAULT_MAX_ITEMS == 2_000
    assert [p.start for p in record.percentages[:3]] == [5, 12, 27]  # the first ones, in text order
    assert "item cap: percentages kept the first 2000 of 5000 items; 3000 dropped" in record.warnings
    assert [w for w in record.warnings if w.startswith("item cap")] == [record.warnings[-1]]


def test_the_cap_bounds_the_size_of_a_record(pipeline):
    """Twice the text gives the same record, but for the count in the warning: the size of a
    record is bounded by the cap, not by the text."""
    once, twice = pipeline(PERCENTS), pipeline(PERCENTS * 2)
    assert twice.percentages == once.percentages
    assert abs(len(twice.model_dump_json()) - len(once.model_dump_json())) <= 4
    # each item holds its evidence (at most 1,000 characters) and a few short keys
    assert len(once.model_dump_json()) < DEFAULT_MAX_ITEMS * 200


def test_the_cap_is_set_per_call_per_pipeline_and_by_the_environment(pipeline, monkeypatch):
    assert len(pipeline(PERCENTS, max_items=10_000).percentages) == 5_000
    small = extractor.extract(PERCENTS, max_items=100)
    assert len(small.percentages) == 100
    assert "item cap: percentages kept the first 100 of 5000 items; 4900 dropped" in small.warnings
    monkeypatch.setenv("EXTRACTOR_MAX_ITEMS", "50")
    assert FieldComponent("id_percentages", FIELD_REGISTRY["percentages"]).max_items == 50
    assert len(Pipeline(fields=["percentages"], max_items=30)(PERCENTS).percentages) == 30  # before the environment


@pytest.mark.parametrize("value", ["many", "0", "-3"])
def test_a_bad_cap_is_refused_in_one_line(monkeypatch, value):
    monkeypatch.setenv("EXTRACTOR_MAX_ITEMS", value)
    with pytest.raises(ValueError, match="EXTRACTOR_MAX_ITEMS|at least 1"):
        limits.max_items_setting()
    with pytest.raises(ValueError, match="at least 1"):
        limits.max_items_setting(0)


def test_officials_and_awards_count_their_mentions_against_the_cap(pipeline):
    text = "Wali Kota Mojokerto Ali Kuncoro, " * 50
    assert sum(len(o.mentions) + len(o.position_mentions) for o in pipeline(text).officials) == 100
    record = pipeline(text, max_items=20)
    assert [o.name for o in record.officials] == ["Ali Kuncoro"]
    assert sum(len(o.mentions) + len(o.position_mentions) for o in record.officials) == 20
    assert "item cap: officials kept the first 20 of 100 mentions; 80 dropped" in record.warnings


def test_cap_items_keeps_whole_items_until_the_one_that_reaches_the_cap():
    from schemas import Award, Mention

    def award(name, n):
        mentions = [Mention(text=name, start=i, end=i + 1, sentence=0, evidence=name) for i in range(n)]
        return Award(name=name, mentions=mentions)

    kept, dropped, total = limits.cap_items([award("A", 3), award("B", 4), award("C", 2)], 5)
    assert [(a.name, len(a.mentions)) for a in kept] == [("A", 3), ("B", 2)]
    assert (dropped, total) == (4, 9)
    assert limits.cap_items([award("A", 3)], 3)[1:] == (0, 3)


def test_a_text_over_the_length_limit_is_refused_before_any_work(pipeline, monkeypatch):
    assert pipeline.nlp.max_length == MAX_CHARACTERS == 5_000_000
    work = RegexWork().install(monkeypatch)
    made = []
    monkeypatch.setattr(pipeline.nlp, "make_doc", lambda text: made.append(text))
    with pytest.raises(ValueError, match="longer than the 5,000,000 the pipeline takes"):
        pipeline("5% " * 1_700_000)
    assert work.units == 0 and made == []  # no pattern ran, no tokenizer


def test_the_length_limit_is_set_per_pipeline_and_by_the_environment(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_MAX_CHARACTERS", "1_000")
    assert limits.limit_setting(None, MAX_CHARACTERS_ENV, MAX_CHARACTERS, "max_characters") == 1_000
    short = Pipeline(fields=["percentages"], max_characters=100)  # before the environment
    assert short.nlp.max_length == 100
    with pytest.raises(ValueError, match="longer than the 100 the pipeline takes"):
        short("5% " * 40)
