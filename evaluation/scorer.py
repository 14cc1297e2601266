"""Scoring of GUIDELINES section 4: one-to-one matching per article and field, micro-averaged.

Works on records only (gold and predicted alike, ``schemas.record_model()``). How each field
is scored is its schema's rules (``schemas.fields``: by value, or by key); the report's rows
are the fields scored by value, then those matched by key, each in record order with its
rules' rows together; then the v1.2 rows of what each figure measures (fields whose items
carry the figure keys); then ``total``, the sum of each field's first row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from evaluation.keys import compare, text_key
from schemas import FIGURE_KEYS, FieldSchema, RecordBase, field_schema, field_schemas
from schemas.fields import FIGURE_KEY_COMPARE, ByKey, ByValue, Compare, ScoringRule


@dataclass
class Counts:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold
        return self

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class RowResult:
    """One row for one article: the counts and what did not match."""

    counts: Counts
    misses: list[str] = field(default_factory=list)  # gold entries not matched
    false_hits: list[str] = field(default_factory=list)  # predicted entries not matched


def max_matching(gold: Sequence[Any], pred: Sequence[Any], match: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (Kuhn's augmenting paths) under a match predicate."""
    edges = [[j for j, p in enumerate(pred) if match(g, p)] for g in gold]
    owner: dict[int, int] = {}  # pred index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _matched_rows(gold: Sequence[Any], pred: Sequence[Any], match: Callable[[Any, Any], bool], show: Callable[[Any], str]) -> RowResult:
    pairs = max_matching(gold, pred, match)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    return RowResult(
        Counts(tp=len(pairs), pred=len(pred), gold=len(gold)),
        misses=[show(g) for i, g in enumerate(gold) if i not in matched_gold],
        false_hits=[show(p) for j, p in enumerate(pred) if j not in matched_pred],
    )


def _multiset_rows(gold: list[tuple[Any, str]], pred: list[tuple[Any, str]]) -> RowResult:
    """Entries as (key, shown text); matched when keys are equal, as multisets."""
    common = Counter(k for k, _ in gold) & Counter(k for k, _ in pred)
    tp = sum(common.values())

    def leftovers(entries: list[tuple[Any, str]]) -> list[str]:
        budget = Counter(common)
        out = []
        for key, shown in entries:
            if budget[key]:
                budget[key] -= 1
            else:
                out.append(shown)
        return out

    return RowResult(Counts(tp=tp, pred=len(pred), gold=len(gold)), leftovers(gold), leftovers(pred))


def score_by_value(rule: ByValue, gold: Sequence[Any], pred: Sequence[Any]) -> RowResult:
    # a gold entry valued null is not scored, and a prediction with the same text is ignored
    # (one prediction per such gold entry, so that repeated mentions stay a multiset)
    kept_pred = list(pred)
    for null_entry in (g for g in gold if rule.value(g) is None):
        for index, item in enumerate(kept_pred):
            if text_key(item.text) == text_key(null_entry.text):
                del kept_pred[index]
                break
    return _multiset_rows(
        [(rule.value(g), rule.shown(g)) for g in gold if rule.value(g) is not None],
        [(rule.value(p), rule.shown(p)) for p in kept_pred],
    )


def score_by_key(rule: ByKey, gold: Sequence[Any], pred: Sequence[Any]) -> RowResult:
    def match(g: Any, p: Any) -> bool:
        return all(compare(how, getattr(g, name), getattr(p, name)) for name, how in rule.compare)

    return _matched_rows(gold, pred, match, rule.shown)


def _score(rule: ScoringRule, gold: Sequence[Any], pred: Sequence[Any]) -> RowResult:
    return score_by_value(rule, gold, pred) if isinstance(rule, ByValue) else score_by_key(rule, gold, pred)


def _report_order() -> list[FieldSchema]:
    """The fields scored by value first, then those matched by key (each in record order)."""
    return sorted(field_schemas(), key=lambda schema: not isinstance(schema.scoring[0], ByValue))


def base_rows() -> tuple[str, ...]:
    """The rows every article is scored on, in report order."""
    return tuple(schema.name + rule.suffix for schema in _report_order() for rule in schema.scoring)


def figure_rows() -> tuple[str, ...]:
    """guidelines v1.2: what a figure measures, scored over the articles whose gold labels it."""
    return tuple(f"{schema.name}+{key}" for schema in field_schemas() if schema.carries_figure_keys for key in FIGURE_KEYS)


def _same_value(schema: FieldSchema) -> Callable[[Any, Any], bool]:
    value = schema.value_rule.value if schema.value_rule else (lambda item: item.value)
    return lambda g, p: value(g) == value(p)


def score_figure_key(name: str, key: str, gold: RecordBase, pred: RecordBase) -> RowResult:
    """Entries of field ``name`` whose ``key`` is not null, paired one to one on equal values
    where the keys match (a maximum matching: among equal values, the pairing that agrees most)."""
    same_value = _same_value(field_schema(name))
    how: Compare = FIGURE_KEY_COMPARE[key]
    gold_items = [g for g in getattr(gold, name) if getattr(g, key) is not None]
    pred_items = [p for p in getattr(pred, name) if getattr(p, key) is not None]
    return _matched_rows(
        gold_items,
        pred_items,
        lambda g, p: same_value(g, p) and compare(how, getattr(g, key), getattr(p, key)),
        lambda item: f"{item.value:g} {item.text!r} {key}={getattr(item, key)!r}",
    )


def labels_figure_keys(gold: RecordBase) -> bool:
    return any(
        item.labels_figure_keys() for schema in field_schemas() if schema.carries_figure_keys for item in getattr(gold, schema.name)
    )


def score_article(gold: RecordBase, pred: RecordBase) -> dict[str, RowResult]:
    rows = {}
    for schema in _report_order():
        for rule in schema.scoring:
            rows[schema.name + rule.suffix] = _score(rule, getattr(gold, schema.name), getattr(pred, schema.name))
    if labels_figure_keys(gold):
        for row in figure_rows():
            name, key = row.split("+")
            rows[row] = score_figure_key(name, key, gold, pred)
    return rows


@dataclass
class CorpusScore:
    rows: dict[str, Counts]
    articles: dict[str, dict[str, RowResult]]

    def as_dict(self) -> dict[str, dict[str, Any]]:
        return {row: counts.as_dict() for row, counts in self.rows.items()}

    def row_names(self) -> list[str]:
        """The base rows, then the v1.2 rows where some gold labelled them, then total."""
        return [*base_rows(), *(row for row in figure_rows() if row in self.rows), "total"]


def score_corpus(pairs: Iterable[tuple[str, RecordBase, RecordBase]]) -> CorpusScore:
    """Micro-averaged scores over (article id, gold, prediction) triples."""
    rows = {row: Counts() for row in (*base_rows(), "total")}
    total_of = {schema.name + schema.scoring[0].suffix for schema in field_schemas()}
    articles: dict[str, dict[str, RowResult]] = {}
    for ident, gold, pred in pairs:
        result = score_article(gold, pred)
        articles[ident] = result
        for row, row_result in result.items():
            rows.setdefault(row, Counts())
            rows[row] += row_result.counts
            if row in total_of:
                rows["total"] += row_result.counts
    return CorpusScore(rows, articles)
