"""How well the officials name finder finds and bounds person names, measured on a NER corpus.

Reads the CoNLL files (token, POS, IOB tag with PER/ORG/LOC) of idner-news-2k from the shared
folder at run time (never copied into the project) and prints a small table:

- bound_name from the gold start: given where a PER name starts, does ``names.bound_name``
  end it exactly (honorifics and ranks skipped, the right edge found)?
- bound_name_left from the gold end: the same from the right edge (appositions).
- titled PER recall: PER names right after a position head of our lexicon (up to six tokens
  before, inside the sentence) that the officials finder returns with the exact span.
- finder precision: names the officials finder returns that are exactly / partly a PER name.
- token P/R: tokens inside names the finder returns against all PER tokens (recall is low by
  design: the finder only takes names that hold a stated position).

Usage: python benchmarks/ner_names.py [PATH_TO_idner-news-2k] (default ../shared/ner/idner-news-2k)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor import names  # noqa: E402
from extractor.fields.officials.find import find_officials  # noqa: E402
from extractor.fields.officials.heads import head_pattern  # noqa: E402
from extractor.sentences import split_article  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "ner" / "idner-news-2k"


def read_conll(path: Path):
    """Sentences as (text, PER spans) with tokens joined by single spaces."""
    tokens: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) >= 3:
            tokens.append((parts[0], parts[-1]))
            continue
        if not tokens:
            continue
        text_parts, spans, offset, current = [], [], 0, None
        for word, tag in tokens:
            start = offset
            text_parts.append(word)
            offset += len(word) + 1
            if tag == "B-PER" or tag == "I-PER" and current is None:
                if current:
                    spans.append(tuple(current))
                current = [start, start + len(word)]
            elif tag == "I-PER":
                current[1] = start + len(word)
            else:
                if current:
                    spans.append(tuple(current))
                current = None
        if current:
            spans.append(tuple(current))
        yield " ".join(text_parts), spans
        tokens = []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    args = parser.parse_args(argv)
    root = Path(args.path)
    files = [root / name for name in ("train.txt", "dev.txt", "test.txt") if (root / name).is_file()]
    if not files:
        print(f"no CoNLL files under {root}", file=sys.stderr)
        return 2

    counts = dict.fromkeys(
        ["per", "bound_exact", "left_exact", "titled", "titled_found", "pred", "pred_exact", "pred_overlap",
         "tok_gold", "tok_pred", "tok_both"], 0
    )
    heads = head_pattern()
    for path in files:
        for text, spans in read_conll(path):
            counts["per"] += len(spans)
            for start, end in spans:
                if names.bound_name(text, start) == (start, end):
                    counts["bound_exact"] += 1
                if names.bound_name_left(text, end) == (start, end):
                    counts["left_exact"] += 1
            article = split_article(text, None)
            found = {f.name_span for f in find_officials(article) if f.name_span}
            # PER names with a lexicon head shortly before them
            head_ends = [m.end() for m in heads.finditer(text)]
            for start, end in spans:
                if any(0 <= start - h <= 60 and "," not in text[h:start] and "." not in text[h:start] for h in head_ends):
                    counts["titled"] += 1
                    counts["titled_found"] += (start, end) in found
            counts["pred"] += len(found)
            counts["pred_exact"] += sum(1 for f in found if f in spans)
            counts["pred_overlap"] += sum(1 for f in found if any(f[0] < e and s < f[1] for s, e in spans))
            gold_chars = {i for s, e in spans for i in range(s, e) if text[i] != " "}
            pred_chars = {i for s, e in found for i in range(s, e) if text[i] != " "}
            # token level: a token counts by its first character
            starts = {i for i in range(len(text)) if text[i] != " " and (i == 0 or text[i - 1] == " ")}
            counts["tok_gold"] += len(gold_chars & starts)
            counts["tok_pred"] += len(pred_chars & starts)
            counts["tok_both"] += len(gold_chars & pred_chars & starts)

    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "-"

    rows = [
        ("PER names", str(counts["per"]), ""),
        ("bound_name exact from gold start", ratio(counts["bound_exact"], counts["per"]), f"{counts['bound_exact']}/{counts['per']}"),
        ("bound_name_left exact from gold end", ratio(counts["left_exact"], counts["per"]), f"{counts['left_exact']}/{counts['per']}"),
        ("titled PER found with exact span", ratio(counts["titled_found"], counts["titled"]), f"{counts['titled_found']}/{counts['titled']}"),
        ("finder names = a PER name (precision)", ratio(counts["pred_exact"], counts["pred"]), f"{counts['pred_exact']}/{counts['pred']}"),
        ("finder names overlapping a PER name", ratio(counts["pred_overlap"], counts["pred"]), f"{counts['pred_overlap']}/{counts['pred']}"),
        ("token precision", ratio(counts["tok_both"], counts["tok_pred"]), f"{counts['tok_both']}/{counts['tok_pred']}"),
        ("token recall (all PER tokens)", ratio(counts["tok_both"], counts["tok_gold"]), f"{counts['tok_both']}/{counts['tok_gold']}"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  value   count")
    for label, value, detail in rows:
        print(f"{label.ljust(width)}  {value:<7} {detail}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
