"""Scoring of GUIDELINES section 4: one-to-one matching per article and field, micro-averaged.

Works on ``schemas.ArticleRecord`` objects only (gold and predicted alike).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from evaluation.keys import award_tokens, names_match, positions_match, text_key, token_f1
from schemas import FIGURE_KEYS, ArticleRecord

# the rows of the report, in order; "total" sums the five base fields
ROWS: tuple[str, ...] = (
    "dates",
    "percentages",
    "population_counts",
    "officials",
    "officials+position",
    "awards",
    "awards~relaxed",
)
TOTAL_OF: tuple[str, ...] = ("dates", "percentages", "population_counts", "officials", "awards")


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


def score_dates(gold: ArticleRecord, pred: ArticleRecord) -> RowResult:
    # a gold entry valued null is not scored, and a prediction with the same text is ignored
    # (one prediction per such gold entry, so that repeated mentions stay a multiset)
    kept_pred = list(pred.dates)
    for null_entry in (d for d in gold.dates if d.value is None):
        for index, item in enumerate(kept_pred):
            if text_key(item.text) == text_key(null_entry.text):
                del kept_pred[index]
                break
    return _multiset_rows(
        [(d.value, f"{d.value} {d.text!r}") for d in gold.dates if d.value is not None],
        [(d.value, f"{d.value} {d.text!r}") for d in kept_pred],
    )


def score_percentages(gold: ArticleRecord, pred: ArticleRecord) -> RowResult:
    return _multiset_rows(
        [(round(p.value, 2), f"{p.value:g} {p.text!r}") for p in gold.percentages],
        [(round(p.value, 2), f"{p.value:g} {p.text!r}") for p in pred.percentages],
    )


def score_population_counts(gold: ArticleRecord, pred: ArticleRecord) -> RowResult:
    return _multiset_rows(
        [(c.value, f"{c.value} {c.text!r}") for c in gold.population_counts],
        [(c.value, f"{c.value} {c.text!r}") for c in pred.population_counts],
    )


def _show_official(official: Any) -> str:
    return f"{official.name} {official.positions}"


def score_officials(gold: ArticleRecord, pred: ArticleRecord) -> RowResult:
    return _matched_rows(gold.officials, pred.officials, lambda g, p: names_match(g.name, p.name), _show_official)


def score_officials_position(gold: ArticleRecord, pred: ArticleRecord) -> RowResult:
    def match(g: Any, p: Any) -> bool:
        return names_match(g.name, p.name) and any(
            positions_match(gp, pp) for gp in g.positions for pp in p.positions
        )

    return _matched_rows(gold.officials, pred.officials, match, _show_official)


def score_awards(gold: ArticleRecord, pred: ArticleRecord) -> RowResult:
    return _matched_rows(gold.awards, pred.awards, lambda g, p: text_key(g.name) == text_key(p.name), lambda a: a.name)


def score_awards_relaxed(gold: ArticleRecord, pred: ArticleRecord) -> RowResult:
    return _matched_rows(
        gold.awards,
        pred.awards,
        lambda g, p: token_f1(award_tokens(g.name), award_tokens(p.name)) >= 0.5,
        lambda a: a.name,
    )


SCORERS: dict[str, Callable[[ArticleRecord, ArticleRecord], RowResult]] = {
    "dates": score_dates,
    "percentages": score_percentages,
    "population_counts": score_population_counts,
    "officials": score_officials,
    "officials+position": score_officials_position,
    "awards": score_awards,
    "awards~relaxed": score_awards_relaxed,
}


# guidelines v1.2: what a figure measures, scored over the articles whose gold labels it
FIGURE_FIELDS: tuple[str, ...] = ("percentages", "population_counts")
FIGURE_ROWS: tuple[str, ...] = tuple(f"{field}+{key}" for field in FIGURE_FIELDS for key in FIGURE_KEYS)


def _figure_keys_match(key: str, gold_value: str, pred_value: str) -> bool:
    if key == "period":
        return gold_value == pred_value
    return token_f1(text_key(gold_value).split(), text_key(pred_value).split()) >= 0.5


def score_figure_key(field: str, key: str, gold: ArticleRecord, pred: ArticleRecord) -> RowResult:
    """Entries whose ``key`` is not null, paired one to one on equal values where the keys
    match (a maximum matching: among equal values, the pairing that agrees most)."""
    exact = field == "population_counts"
    same_value = (lambda g, p: g.value == p.value) if exact else (lambda g, p: round(g.value, 2) == round(p.value, 2))
    gold_items = [g for g in getattr(gold, field) if getattr(g, key) is not None]
    pred_items = [p for p in getattr(pred, field) if getattr(p, key) is not None]
    return _matched_rows(
        gold_items,
        pred_items,
        lambda g, p: same_value(g, p) and _figure_keys_match(key, getattr(g, key), getattr(p, key)),
        lambda item: f"{item.value:g} {item.text!r} {key}={getattr(item, key)!r}",
    )


def labels_figure_keys(gold: ArticleRecord) -> bool:
    return any(item.labels_figure_keys() for field in FIGURE_FIELDS for item in getattr(gold, field))


def score_article(gold: ArticleRecord, pred: ArticleRecord) -> dict[str, RowResult]:
    rows = {row: SCORERS[row](gold, pred) for row in ROWS}
    if labels_figure_keys(gold):
        for row in FIGURE_ROWS:
            field, key = row.split("+")
            rows[row] = score_figure_key(field, key, gold, pred)
    return rows


@dataclass
class CorpusScore:
    rows: dict[str, Counts]
    articles: dict[str, dict[str, RowResult]]

    def as_dict(self) -> dict[str, dict[str, Any]]:
        return {row: counts.as_dict() for row, counts in self.rows.items()}

    def row_names(self) -> list[str]:
        """The base rows, then the v1.2 rows where some gold labelled them, then total."""
        return [*ROWS, *(row for row in FIGURE_ROWS if row in self.rows), "total"]


def score_corpus(pairs: Iterable[tuple[str, ArticleRecord, ArticleRecord]]) -> CorpusScore:
    """Micro-averaged scores over (article id, gold, prediction) triples."""
    rows = {row: Counts() for row in (*ROWS, "total")}
    articles: dict[str, dict[str, RowResult]] = {}
    for ident, gold, pred in pairs:
        result = score_article(gold, pred)
        articles[ident] = result
        for row, row_result in result.items():
            rows.setdefault(row, Counts())
            rows[row] += row_result.counts
            if row in TOTAL_OF:
                rows["total"] += row_result.counts
    return CorpusScore(rows, articles)
