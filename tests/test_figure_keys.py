"""What a figure measures (guidelines v1.2): the ``id_figure_keys`` component.

The examples of extractor/examples/figure_keys.jsonl run here (invented sentences: each
line's ``expect`` lists the percentages and population counts of its text in text order,
with the keys they must carry).
"""

from __future__ import annotations

import functools
import json
from importlib import resources

import pytest
import spacy

import extractor.components  # noqa: F401  (registers the factories)
from extractor import guards
from extractor.components import pipe_names
from extractor.pipeline import Pipeline, build_nlp
from tests.counting import use_ticks

EXAMPLES = resources.files("extractor").joinpath("examples", "figure_keys.jsonl")


def _examples():
    for number, line in enumerate(EXAMPLES.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("//"):
            example = json.loads(line)
            yield pytest.param(example, id=f"figure_keys:{number}:{example['text'][:40]}")


def _figures(record):
    return sorted([*record.percentages, *record.population_counts], key=lambda item: item.start)


@pytest.mark.parametrize("example", list(_examples()))
def test_example(pipeline, example):
    record = pipeline(example["text"], published=example.get("published"))
    got = [item.model_dump(mode="json") for item in _figures(record)]
    shown = [{key: item.get(key) for key in ("value", "subject", "period", "place")} for item in got]
    assert len(got) == len(example["expect"]), f"expected {example['expect']}, got {shown}"
    for want, item in zip(example["expect"], got):
        for key, value in want.items():
            same = round(float(item[key]), 2) == round(float(value), 2) if key == "value" else item[key] == value
            assert same, f"{key}: expected {value!r}, got {item[key]!r} in {shown}"


def test_the_component_runs_after_the_figures_and_dates_it_reads():
    names = pipe_names()
    assert names.index("id_figure_keys") > max(
        names.index(name) for name in ("id_dates", "id_percentages", "id_population_counts", "id_officials")
    )


def test_added_only_with_a_figure_field():
    assert "id_figure_keys" in build_nlp(["percentages"]).pipe_names
    assert "id_figure_keys" in build_nlp(["population_counts", "dates"]).pipe_names
    assert "id_figure_keys" not in build_nlp(["dates", "officials"]).pipe_names


def test_in_a_plain_spacy_pipeline_and_without_dates():
    text = "Per Juni 2024, capaian vaksinasi di Kota Blitar mencapai 91,5 persen."
    nlp = spacy.blank("id")
    for name in ("id_sentences", "id_dates", "id_percentages", "id_figure_keys"):
        nlp.add_pipe(name)
    (item,) = nlp(text)._.records["percentages"]
    assert (item.subject, item.period, item.place) == ("capaian vaksinasi", "2024-06", "Kota Blitar")
    # without a dates component there is no date to give a period
    bare = spacy.blank("id")
    for name in ("id_sentences", "id_percentages", "id_figure_keys"):
        bare.add_pipe(name)
    (item,) = bare(text)._.records["percentages"]
    assert (item.subject, item.period, item.place) == ("capaian vaksinasi", None, "Kota Blitar")


def test_a_doc_without_figures_is_left_as_it_is():
    nlp = spacy.blank("id")
    for name in ("id_sentences", "id_dates", "id_figure_keys"):
        nlp.add_pipe(name)
    doc = nlp("Rapat digelar Rabu (25/9/2024).")
    assert [d.value for d in doc._.records["dates"]] == ["2024-09-25"]


def test_the_time_guard_leaves_the_keys_empty_and_says_so(monkeypatch):
    from types import SimpleNamespace

    from extractor.figure_keys import component as figure_keys

    pipeline = Pipeline(fields=["percentages", "population_counts"])
    text = "Capaian imunisasi di Kota Batu sudah 97,5 persen dan 1.200 warga hadir."
    # the figure keys stage alone gets no time: its deadline is already past when it opens
    past = SimpleNamespace(**{name: getattr(guards, name) for name in ("stop", "check", "remaining", "budget_for", "warning")})
    past.run_stage = functools.partial(guards.run_stage, budget=-1.0)
    monkeypatch.setattr(figure_keys, "guards", past)
    record = pipeline(text)
    assert [p.value for p in record.percentages] == [97.5]
    assert all(item.subject is item.period is item.place is None for item in _figures(record))
    assert any(w.startswith("time guard: figure keys") for w in record.warnings), record.warnings


def test_a_failing_linker_is_a_warning_unless_strict(monkeypatch):
    pipeline = Pipeline(fields=["percentages"])
    linker = pipeline.nlp.get_pipe("id_figure_keys")

    def boom(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr("extractor.figure_keys.component.link_figures", boom)
    with pytest.raises(RuntimeError):
        pipeline("Naik 5 persen.")  # the test suite runs strict
    linker.strict = False
    record = pipeline("Naik 5 persen.")
    assert [p.value for p in record.percentages] == [5.0] and record.percentages[0].subject is None
    assert record.warnings == ["figure keys failed: RuntimeError: boom"]


def test_every_figure_of_a_long_run_on_sentence_is_read_in_a_window(pipeline):
    """A sentence of thousands of characters (a table without full stops) is read around each
    figure only: the keys come from the figure's neighbourhood, the work stays per figure."""
    row = "capaian program {} di Kecamatan Mulyo mencapai {},5 persen, "
    text = "".join(row.format(chr(97 + i % 26), i % 90) for i in range(400)) + "akhir."
    record = pipeline(text)
    assert len(record.percentages) == 400
    assert all(item.place == "Kecamatan Mulyo" for item in record.percentages)
    assert all(item.subject and item.subject.startswith("capaian program") for item in record.percentages)


def test_work_grows_with_the_figures_not_their_square(monkeypatch):
    """Guard consultations of the linker per figure stay flat as the article grows."""
    from extractor.figure_keys import component as figure_keys

    pipeline = Pipeline(fields=["percentages", "population_counts", "dates"])
    row = "Pada Mei 2024 capaian program di Kota Batu mencapai 5{} persen, lalu 1{}0 warga hadir. "

    def consultations(n: int) -> int:
        ticks = use_ticks(monkeypatch, budget=10**9)
        text = "".join(row.format(i % 10, i % 10) for i in range(n))
        doc = pipeline.nlp(pipeline.make_doc(figure_keys_input(text)))
        before = ticks.readings
        figure_keys.FigureKeysComponent("x")(doc)
        return ticks.readings - before

    small, large = consultations(50), consultations(200)
    assert large <= 4 * small * 1.2, (small, large)


def figure_keys_input(text):
    from extractor.inputs import ArticleInput

    return ArticleInput(text=text)


def test_registered_as_a_spacy_factories_entry_point():
    from importlib.metadata import entry_points

    (point,) = [e for e in entry_points(group="spacy_factories") if e.name == "id_figure_keys"]
    assert point.value == "extractor.components:make_figure_keys"
