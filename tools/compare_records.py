"""Records before and after a change, on every text we have: the bench files, dev and seed.

    python tools/compare_records.py snapshot before.jsonl          # on the tree as it is now
    ... change the code ...
    python tools/compare_records.py snapshot after.jsonl
    python tools/compare_records.py diff before.jsonl after.jsonl [--field officials] [--show 40]

``snapshot`` extracts every article of ``../shared/bench/*.jsonl``, ``../shared/corpus-dev`` and
``corpus/seed`` (dev and seed with their gold ``published``) and writes one record a line,
keyed by id. ``diff`` says how many records differ (0 is what a pure restructuring must show)
and lists the items added and removed per field, with their evidence, so that every new rule
can be read for false hits on texts it was not written for. Nothing is written to the repo.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))  # this tree's extractor, whatever is installed
from schemas import field_names  # noqa: E402  (this tree's schemas)

FIELDS = field_names()  # every registered field, in record order


def articles() -> Iterator[dict]:
    for path in sorted((SHARED / "bench").glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                yield {"id": f"{path.stem}:{row['id']}", "text": row["text"], "published": row.get("published")}
    for corpus in (SHARED / "corpus-dev", ROOT / "corpus" / "seed"):
        for text in sorted((corpus / "articles").glob("*.txt")):
            gold = corpus / "gold" / f"{text.stem}.json"
            published = json.loads(gold.read_text(encoding="utf-8")).get("published") if gold.exists() else None
            yield {"id": f"{corpus.name}:{text.stem}", "text": text.read_text(encoding="utf-8"), "published": published}


def snapshot(out: Path) -> None:
    from extractor import Pipeline

    with out.open("w", encoding="utf-8") as handle:
        for record in Pipeline().pipe(articles()):
            handle.write(record.model_dump_json() + "\n")


def item_key(field: str, item: dict) -> str:
    if "name" in item:  # a person or an award: keyed by name (and positions)
        extra = " | ".join(item.get("positions", []))
        return f"{item['name']}" + (f"  [{extra}]" if extra else "")
    return f"{item.get('value')!r} {item['text']!r}" + (f" {item['unit']}" if "unit" in item else "")


def evidence(item: dict) -> str:
    source = item["mentions"][0] if item.get("mentions") else item
    return " ".join((source.get("evidence") or "").split())[:220]


def diff(before: Path, after: Path, only: str | None, show: int) -> int:
    load = lambda p: {r["id"]: r for r in map(json.loads, p.read_text(encoding="utf-8").splitlines())}  # noqa: E731
    a, b = load(before), load(after)
    changed = [i for i in a if a[i] != b.get(i)] + [i for i in b if i not in a]
    print(f"{len(a)} records before, {len(b)} after; {len(changed)} differ")
    shown = 0
    for field in [only] if only else FIELDS:
        added = removed = 0
        for ident in changed:
            old = {item_key(field, x): x for x in a.get(ident, {}).get(field, [])}
            new = {item_key(field, x): x for x in b.get(ident, {}).get(field, [])}
            for sign, keys, items in (("-", old.keys() - new.keys(), old), ("+", new.keys() - old.keys(), new)):
                for key in sorted(keys):
                    added, removed = added + (sign == "+"), removed + (sign == "-")
                    if shown < show:
                        shown += 1
                        print(f"{sign} {field:18} {ident}: {key}\n      {evidence(items[key])}")
        print(f"{field}: +{added} -{removed}")
    return 0 if not changed else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    snap = commands.add_parser("snapshot")
    snap.add_argument("out", type=Path)
    compare = commands.add_parser("diff")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    compare.add_argument("--field", choices=FIELDS)
    compare.add_argument("--show", type=int, default=40, help="items to list (default 40)")
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(args.out)
        return 0
    return diff(args.before, args.after, args.field, args.show)


if __name__ == "__main__":
    sys.exit(main())
