"""The time guard fires at a point no machine changes, and stops only what it must.

``counting.use_ticks`` makes the guard's clock a count of its own consultations (see the
docstring of tests/test_pathological.py): a budget is then a number of consultations, and
no assertion here reads a clock.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor import guards
from extractor.inputs import ArticleInput
from extractor.fields import FIELD_REGISTRY, load_fields
from extractor.fields.percentages.recognizers import PercentRecognizer
from schemas import field_names
from tests.counting import use_ticks
from tests.test_pathological import assert_valid, guard_warnings, news


def test_a_zero_budget_stops_every_guarded_stage_and_says_so(pipeline, monkeypatch):
    """With no time at all, guarded stages stop and report; the record is still whole and valid,
    and a field differs from its unguarded result only where a warning names it."""
    text = news(30_000, seed=11)
    normal = pipeline(text, published="2024-09-26")
    use_ticks(monkeypatch, budget=0)
    record = pipeline(text, published="2024-09-26")
    assert_valid(record, text)
    warnings = guard_warnings(record)
    assert any(w.startswith("time guard: sentence splitting stopped") for w in warnings)
    assert any(w.startswith("time guard: percentages/percent stopped") for w in warnings)
    assert any(w.startswith("time guard: article metadata stopped") for w in warnings)
    assert record.percentages == []
    for field in field_names():
        if getattr(record, field) != getattr(normal, field):
            assert any(w.startswith(f"time guard: {field}") for w in warnings), field


load_fields()
RECOGNIZERS = [cls for spec in FIELD_REGISTRY.values() for cls in spec.recognizers]
# work for every recognizer (several return at once when their cue words are absent)
EVERY_FIELD = news(5_000, seed=17) + (
    "\nKota itu meraih predikat WTP. Ketiga korban dan 5 warga hadir; pekerja sebanyak 15 ribu. "
    "Arus balik H+3 Lebaran 2024 ramai. Kabupaten itu memperoleh predikat Kota Layak Anak kategori Madya. "
    "Kelurahan Sukarame meraih juara II lomba kebersihan lingkungan tingkat provinsi. "
    "Gubernur menyerahkan piagam penghargaan kepada para relawan.\n"
    "Berikut daftar pemenang Anugerah Musik Nusantara 2030:\nAlbum Terbaik\nLangit Jingga - Band Senja\n"
)


@pytest.fixture(scope="module")
def every_field_doc(pipeline):
    return pipeline.nlp(pipeline.make_doc(ArticleInput(text=EVERY_FIELD, published=dt.date(2024, 9, 26))))


@pytest.mark.parametrize("recognizer", RECOGNIZERS, ids=lambda cls: f"{cls.field}/{cls.name}")
def test_every_recognizer_stops_at_its_deadline(every_field_doc, recognizer):
    """A recognizer's scans take the time guard's deadline: past it, the recognizer stops."""
    article = every_field_doc._.article
    assert list(recognizer().find(article, every_field_doc)), "the text gives this recognizer work"
    token = guards.start(len(EVERY_FIELD), budget=-1.0)  # a deadline already past
    try:
        with pytest.raises(TimeoutError):
            list(recognizer().find(article, every_field_doc))
    finally:
        guards.stop(token)


def test_a_recognizer_that_never_finishes_loses_only_its_own_findings(pipeline, monkeypatch):
    """An endless recognizer is stopped by the guard (here after 1,000 consultations, where the
    others need fewer than 100 on this text) and loses its findings; the other fields stay."""
    text = news(5_000, seed=13)
    normal = pipeline(text, published="2024-09-26")
    assert normal.percentages
    real_find = PercentRecognizer.find

    def endless(self, article, doc):
        while True:  # real scans, again and again: only the deadline ends them
            yield from real_find(self, article, doc)

    monkeypatch.setattr(PercentRecognizer, "find", endless)
    use_ticks(monkeypatch, budget=1_000)
    record = pipeline(text, published="2024-09-26")  # returns: the guard ended the loop
    assert_valid(record, text)
    assert record.percentages == []
    expected = (
        f"time guard: percentages/percent stopped after {guards.budget_for(len(text)):.1f} s on {len(text)} "
        "characters; its findings dropped"
    )
    assert guard_warnings(record) == [expected]
    for field in ("dates", "population_counts", "officials", "awards"):
        assert getattr(record, field) == getattr(normal, field), field


def test_a_cued_scan_stops_when_its_budget_of_consultations_is_spent(monkeypatch):
    """Each match of a cued scan consults the guard first: over 40 cue words with a budget of 10
    consultations, the scan stops at the 10th, after 9 matches, however long a match would be."""
    from extractor.fields.population_counts.noun_first import NounFirstRecognizer
    from extractor.sentences import split_article

    article = split_article("Warga sebanyak 1.000.000. " * 40)
    assert len(list(NounFirstRecognizer().find(article, None))) == 40
    ticks = use_ticks(monkeypatch, budget=10)
    seen = []
    token = guards.start(len(article.text))
    try:
        with pytest.raises(TimeoutError):
            for candidate in NounFirstRecognizer().find(article, None):
                seen.append(candidate)
    finally:
        guards.stop(token)
    assert ticks.readings == 11 and len(seen) == 9  # the opening reading, 9 matches, the 10th stopped
