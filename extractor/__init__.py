"""Structured records from Indonesian regional news.

>>> import extractor
>>> record = extractor.extract(text, published="2024-08-14")
>>> pipeline = extractor.Pipeline()          # load once, reuse
>>> for record in pipeline.pipe(articles): ...

The names below are loaded on first use, so that ``import extractor`` (and the command
line's start) does not pay for spaCy until a pipeline is wanted.
"""

from extractor import torch_guard

torch_guard.install()

__all__ = ["ArticleInput", "Pipeline", "extract", "records_to_dataframe"]
__version__ = "0.1.0"

_LAZY = {
    "ArticleInput": "extractor.inputs",
    "Pipeline": "extractor.pipeline",
    "extract": "extractor.pipeline",
    "records_to_dataframe": "extractor.frames",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
