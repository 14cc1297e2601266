"""Keep torch out of the spaCy backend's process, whatever is installed.

thinc (spaCy's machine-learning library) imports torch when it is first imported, if torch is
installed at all: +231 MB and 2-4 s in every process, for nothing our pipeline uses. While
``thinc.compat`` is being imported, this finder answers ``import torch`` with
``ModuleNotFoundError``, so thinc records that torch is absent. It then steps aside: torch
imported later (by Stanza, or by the user's own code) loads as usual.

It is installed by ``import extractor`` only when neither thinc nor torch is loaded yet, and
not when ``EXTRACTOR_ALLOW_TORCH=1`` (for a process that also runs thinc's torch models).
"""

from __future__ import annotations

import importlib.abc
import os
import sys


class TorchWhileThincLoads(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # noqa: ANN001, ANN201
        compat = sys.modules.get("thinc.compat")
        if compat is not None and hasattr(compat, "has_torch"):
            self.remove()  # thinc has decided: nothing more to do
            return None
        if compat is not None and (name == "torch" or name.startswith("torch.")):
            raise ModuleNotFoundError(f"{name} is kept out of the extractor's spaCy pipeline", name=name)
        return None

    def remove(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)


def install() -> None:
    if os.environ.get("EXTRACTOR_ALLOW_TORCH") == "1" or "thinc" in sys.modules or "torch" in sys.modules:
        return
    if not any(isinstance(finder, TorchWhileThincLoads) for finder in sys.meta_path):
        sys.meta_path.insert(0, TorchWhileThincLoads())
