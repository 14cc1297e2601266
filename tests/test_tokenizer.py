"""The default tokenizer: the text back character for character, spaCy's records, no torch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.tokenizer import split_words

ROOT = Path(__file__).resolve().parents[1]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab1 .,\n\t\r(/)-é_", "\u00a0", "  ", "kata"]), max_size=40).map("".join))
def test_words_and_spaces_give_the_text_back(text):
    words, spaces = split_words(text)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text
    assert all(words)


def test_spacy_conventions_for_spaces():
    assert split_words("a  b\n c, d.") == (["a", " ", "b", "\n ", "c", ",", "d", "."], [True, False, False, False, False, True, False, False])


def test_the_simple_and_the_spacy_tokenizer_give_the_same_records():
    from extractor.pipeline import Pipeline
    from tests.conftest import SEED

    simple, rules = Pipeline(), Pipeline(tokenizer="spacy")
    texts = [p.read_text(encoding="utf-8") for p in sorted((SEED / "articles").glob("*.txt"))]
    texts += [json.loads(line)["text"] for path in sorted((ROOT / "extractor" / "examples").glob("*.jsonl"))
              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for text in texts:
        assert simple(text, published="2024-08-14") == rules(text, published="2024-08-14"), text[:80]


def test_an_unknown_tokenizer_is_refused():
    from extractor.pipeline import Pipeline

    with pytest.raises(ValueError, match="unknown tokenizer"):
        Pipeline(tokenizer="whitespace")


def test_torch_is_never_imported_on_the_spacy_backend(tmp_path):
    """With a torch installed (here a stand-in that records its import), building the pipeline
    and extracting never imports it; the user's own ``import torch`` afterwards still works."""
    fake = tmp_path / "site" / "torch"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("import os\nopen(os.environ['TORCH_MARK'], 'w').close()\n", encoding="utf-8")
    script = (
        "import sys, extractor\n"
        "record = extractor.extract('Naik 5 persen pada Rabu (25/9/2024).')\n"
        "assert [p.value for p in record.percentages] == [5.0]\n"
        "print('torch' in sys.modules)\n"
        "import torch\n"
        "print('torch' in sys.modules)\n"
    )
    mark = tmp_path / "imported"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp_path / "site")]), "TORCH_MARK": str(mark)}
    env.pop("EXTRACTOR_ALLOW_TORCH", None)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
