"""Scoring predicted records against gold files (GUIDELINES sections 1, 2 and 4)."""

from evaluation.corpus import Corpus, CorpusError, LabelledArticle, read_corpus, read_gold
from evaluation.keys import name_key, names_match, position_key, positions_match, text_key, token_f1
from evaluation.scorer import Counts, CorpusScore, base_rows, figure_rows, score_article, score_corpus

__all__ = [
    "Corpus",
    "CorpusError",
    "CorpusScore",
    "Counts",
    "LabelledArticle",
    "base_rows",
    "figure_rows",
    "name_key",
    "names_match",
    "position_key",
    "positions_match",
    "read_corpus",
    "read_gold",
    "score_article",
    "score_corpus",
    "text_key",
    "token_f1",
]
