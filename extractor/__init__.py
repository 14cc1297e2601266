"""Structured records from Indonesian regional news.

>>> import extractor
>>> record = extractor.extract(text, published="2024-08-14")
>>> pipeline = extractor.Pipeline()          # load once, reuse
>>> for record in pipeline.pipe(articles): ...
"""

from extractor.pipeline import ArticleInput, Pipeline, extract

__all__ = ["ArticleInput", "Pipeline", "extract"]
__version__ = "0.1.0"
