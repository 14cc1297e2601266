"""spaCy components and the order they run in; the ``Doc`` carries the article, the spans and
the records.

- ``id_sentences`` splits sentences (``token.is_sent_start``) and puts the ``Article`` on
  ``doc._.article`` (``extractor.doc_article``).
- ``id_<field>``, one per registered field (``extractor.fields``), runs the field's
  recognizers and writes ``doc.spans[<field>]`` and ``doc._.records[<field>]``.
- ``id_figure_keys`` fills subject, period and place on the figures (``extractor.figure_keys``).

Each factory is registered with spaCy when this module is imported, and is also a
``spacy_factories`` entry point (``extractor.components:make_<field>``), so
``spacy.blank("id").add_pipe("id_dates")`` works in any pipeline; a field component run
without ``id_sentences`` before it splits the article itself.

The order is derived from what each component declares it reads (``FieldSpec.needs``,
``figure_keys.reads``): see ``ordered``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language

from extractor import figure_keys
from extractor.doc_article import SentenceSplitter
from extractor.fields.registry import FIELD_REGISTRY, load_fields
from schemas import field_names, figure_fields

load_fields()  # every field registers its factory id_<field>


@Language.factory("id_sentences", default_config={"mark_tokens": True, "use_doc_sents": False})
def make_sentence_splitter(nlp: Language, name: str, mark_tokens: bool, use_doc_sents: bool) -> SentenceSplitter:
    return SentenceSplitter(name, mark_tokens, use_doc_sents)


@Language.factory("id_figure_keys")
def make_figure_keys(nlp: Language, name: str):
    """What each percentage and count measures (subject, period, place): extractor.figure_keys.component."""
    from extractor.figure_keys.component import FigureKeysComponent

    return FigureKeysComponent(name)


def __getattr__(name: str) -> Callable:
    """``make_<field>``: the factory of a registered field, as its entry point names it."""
    spec = FIELD_REGISTRY.get(name.removeprefix("make_")) if name.startswith("make_") else None
    if spec is None or spec.factory is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return spec.factory


def extracted_fields() -> tuple[str, ...]:
    """The fields the extractor has recognizers for, in record order."""
    return tuple(name for name in field_names() if name in FIELD_REGISTRY)


@dataclass(frozen=True)
class Stage:
    """A component after ``id_sentences``: what it reads and what it fills."""

    pipe: str  # its factory
    reads: tuple[str, ...]  # fields whose spans or records it reads: it runs after their components
    fills: tuple[str, ...]  # fields it fills: it is in a pipeline that wants one of them
    is_field: bool  # the component of the field it fills (config: max_items)


def stages() -> list[Stage]:
    """Every component after ``id_sentences``: the fields' in record order, then the figure keys."""
    fields = [Stage(FIELD_REGISTRY[name].pipe, FIELD_REGISTRY[name].needs, (name,), True) for name in extracted_fields()]
    return [*fields, Stage("id_figure_keys", figure_keys.reads(), figure_fields(), False)]


def ordered(chosen: Iterable[Stage]) -> list[Stage]:
    """``chosen`` in an order that runs each after the fields it reads (those present).

    A stable topological order: of the components free to run, the one the most others wait
    on (directly or through others) goes first, so that what is read is there early; then
    the order of ``stages``. (This gives the order the pipeline has always run in: awards,
    which dates read, first.)
    """
    chosen = list(chosen)
    makers = {stage.fills[0]: stage for stage in chosen if stage.is_field}
    waits_on = {stage: {makers[name] for name in stage.reads if name in makers} - {stage} for stage in chosen}

    def waiting(stage: Stage, seen: frozenset[Stage] = frozenset()) -> set[Stage]:
        direct = {other for other in chosen if stage in waits_on[other] and other not in seen}
        return direct.union(*(waiting(other, seen | direct) for other in direct))

    rank = {stage: (-len(waiting(stage)), index) for index, stage in enumerate(chosen)}
    done: list[Stage] = []
    while len(done) < len(chosen):
        free = [stage for stage in chosen if stage not in done and waits_on[stage] <= set(done)]
        if not free:
            stuck = ", ".join(stage.pipe for stage in chosen if stage not in done)
            raise ValueError(f"components that read each other's fields: {stuck}")
        done.append(min(free, key=rank.__getitem__))
    return done


def pipe_plan(wanted: Iterable[str]) -> list[Stage]:
    """The components a pipeline of the ``wanted`` fields runs after ``id_sentences``, in order."""
    wanted = set(wanted)
    return ordered(stage for stage in stages() if wanted & set(stage.fills))


def pipe_names() -> list[str]:
    """The components of the full pipeline, in order."""
    return ["id_sentences", *(stage.pipe for stage in pipe_plan(extracted_fields()))]
