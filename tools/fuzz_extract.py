"""Coverage-guided fuzzing of ``extract`` with atheris (libFuzzer for Python). Not a test: a tool
to run by hand for minutes or hours; what it finds becomes a file in tests/regressions/.

    .venv/bin/pip install atheris
    .venv/bin/python tools/fuzz_extract.py -max_total_time=600 -max_len=3000 /tmp/fuzz-corpus

libFuzzer's own flags pass through (``-max_total_time`` seconds, ``-max_len`` bytes, ``-jobs``,
``-timeout`` seconds per input, default 10 here); directories given are its working corpus, and
the seed articles and the example sentences of every field are added to the first one at start.
Each input is read as UTF-8 (invalid bytes replaced) and must:

- go through ``extract`` without an exception (strict mode: a recognizer's bug is not hidden
  as a record warning);
- give offsets that index the text exactly, and a record that survives JSON and validates;
- not trip the time guard (inputs are a few KB: a time guard warning here means a pattern that
  backtracks catastrophically).

A failing input is saved by libFuzzer as ``crash-<sha1>`` in the working directory; copy its
text to tests/regressions/<what-it-is>.txt, where tests/test_fuzz.py runs it.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["EXTRACTOR_STRICT"] = "1"

try:
    import atheris
except ImportError:
    sys.exit("atheris is not installed: .venv/bin/pip install atheris")

# the recognizers are imported as the pipeline is built: inside the block, to be instrumented
with atheris.instrument_imports(include=["extractor", "schemas"]):
    from extractor.pipeline import shared_pipeline
    from schemas import ArticleRecord

    PIPELINE = shared_pipeline()
PUBLISHED = [None, "2024-08-14", "2000-02-29"]


def check(data: bytes) -> None:
    if not data:
        return
    published = PUBLISHED[data[0] % len(PUBLISHED)]
    text = data[1:].decode("utf-8", errors="replace")
    record = PIPELINE(text, published=published)
    items = [*record.dates, *record.percentages, *record.population_counts]
    items += [m for o in record.officials for m in (*o.mentions, *o.position_mentions)]
    items += [m for a in record.awards for m in a.mentions]
    for item in items:
        if text[item.start : item.end] != item.text:
            raise AssertionError(f"offsets {item.start}:{item.end} give {text[item.start:item.end]!r}, not {item.text!r}")
    again = ArticleRecord.model_validate(json.loads(record.model_dump_json()), context={"text": text})
    if again != record:
        raise AssertionError("the record changes through JSON")
    guarded = [w for w in record.warnings if w.startswith("time guard")]
    if guarded:
        raise AssertionError(f"{len(text)} characters tripped the time guard: {guarded}")


def seed_corpus(directory: Path) -> None:
    """The seed articles and every field's example sentences, one file each (prefixed by a
    byte that picks the published date)."""
    directory.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "seed" / "articles").glob("*.txt"))]
    for examples in sorted((ROOT / "extractor" / "examples").glob("*.jsonl")):
        for line in examples.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                texts.append(json.loads(line)["text"])
    for number, text in enumerate(texts):
        (directory / f"seed-{number:04d}").write_bytes(b"\x01" + text.encode("utf-8"))


def main() -> None:
    args = list(sys.argv)
    corpora = [a for a in args[1:] if not a.startswith("-")]
    if corpora:
        seed_corpus(Path(corpora[0]))
    if not any(a.startswith("-timeout=") for a in args):
        args.append("-timeout=10")
    atheris.Setup(args, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
