"""Structured records from Indonesian regional news.

>>> import extractor
>>> record = extractor.extract(text, published="2024-08-14")
>>> pipeline = extractor.Pipeline()          # load once, reuse
>>> for record in pipeline.pipe(articles): ...
"""

from extractor.frames import records_to_dataframe
from extractor.pipeline import ArticleInput, Pipeline, extract

__all__ = ["ArticleInput", "Pipeline", "extract", "records_to_dataframe"]
__version__ = "0.1.0"
