"""Score the extractor on a fresh labelled set whose articles live in ../shared/bench.

    python tools/score_fresh.py corpus/fresh/F1/gold [--per-article] [--base-only]

The gold folder holds one ``<id>.json`` per article (guidelines v1.2); the article texts are
read at run time from ``../shared/bench/*.jsonl`` by id (they are copyrighted and never
stored in this repository), laid out with the gold in a temporary corpus, and scored by
``extractor evaluate``. ``--base-only`` drops the v1.2 keys (subject, period, place) for an
evaluator that does not read them yet.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
V12_KEYS = ("subject", "period", "place")


def bench_texts(ids: set[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted(BENCH.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                if row.get("id") in ids:
                    texts[row["id"]] = row["text"]
    return texts


def strip_v12(gold: dict) -> dict:
    return {
        key: [{k: v for k, v in item.items() if k not in V12_KEYS} for item in value] if isinstance(value, list) else value
        for key, value in gold.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, help="a folder of <id>.json gold files")
    parser.add_argument("--base-only", action="store_true", help="drop the v1.2 keys before scoring")
    parser.add_argument("--per-article", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.gold.glob("*.json"))}
    texts = bench_texts(set(golds))
    missing = sorted(set(golds) - set(texts))
    if missing:
        sys.exit(f"{len(missing)} gold file(s) with no article in {BENCH}: {', '.join(missing[:5])}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "articles").mkdir()
        (root / "gold").mkdir()
        for ident, gold in golds.items():
            (root / "articles" / f"{ident}.txt").write_text(texts[ident], encoding="utf-8")
            gold = strip_v12(gold) if args.base_only else gold
            (root / "gold" / f"{ident}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
        command = [sys.executable, "-m", "extractor", "evaluate", "--corpus", str(root)]
        command += ["--per-article"] * args.per_article + ["--json"] * args.json
        return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
