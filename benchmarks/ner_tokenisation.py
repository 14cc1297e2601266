"""Does the tokenizer at inference matter? Score a model on idner-news-2k test re-tokenised.

    python benchmarks/ner_tokenisation.py extractor/models/ner [--metrics out.json]

The model is trained on the dataset's own tokens. Here each test sentence is turned back into
text (tokens joined with the usual spacing rules), tokenised four ways, and scored by exact
*character* spans against the gold entities:

* ``gold``: the dataset's tokens (the same text, so this equals train_ner.py's score);
* ``spacy_id``: spaCy's ``id`` rule tokenizer (what ``spacy.blank("id")`` does);
* ``regex_words``: the word/number/punctuation regex of the project's name scanner
  (``extractor/names.py`` TOKEN_RE: ``Moh.``-style dotted words stay one token);
* ``default``: the pipeline's default tokenizer (``extractor/tokenizer.py``), which the shipped
  model loads with.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))
import train_ner  # noqa: E402

from extractor.names import TOKEN_RE  # noqa: E402
from extractor.tokenizer import split_words  # noqa: E402

SPACY_RULES = spacy.blank("id").tokenizer


def regex_doc(vocab, text: str, pattern) -> Doc:
    matches = list(pattern.finditer(text))
    words = [m.group() for m in matches]
    spaces = [m.end() < len(text) and text[m.end()].isspace() for m in matches]
    return Doc(vocab, words=words, spaces=spaces)


def make_docs(nlp, sentences, how: str) -> tuple[list[Doc], list[set]]:
    docs, gold = [], []
    for words, spans in sentences:
        text, starts = train_ner.detokenize(words)
        gold.append({(starts[s], starts[e - 1] + len(words[e - 1]), label) for s, e, label in spans})
        if how == "gold":
            ends = [st + len(w) for st, w in zip(starts, words)]
            spaces = [i + 1 < len(words) and starts[i + 1] > ends[i] for i in range(len(words))]
            docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
        elif how == "spacy_id":
            docs.append(Doc(nlp.vocab, words=[t.text for t in SPACY_RULES(text)], spaces=[bool(t.whitespace_) for t in SPACY_RULES(text)]))
        elif how == "default":
            words_, spaces_ = split_words(text)
            docs.append(Doc(nlp.vocab, words=words_, spaces=spaces_))
        else:
            docs.append(regex_doc(nlp.vocab, text, TOKEN_RE))
    return docs, gold


def strip_edges(spans: set, text: str) -> set:
    """Spans with brackets, quotes and punctuation trimmed off both ends (the dataset glues
    some to tokens: ``(KPK)``, ``(Jokowi)``), so that only the words' boundaries count."""
    return {(*train_ner.trim_span(text, start, end), label) for start, end, label in spans}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", type=Path)
    ap.add_argument("--data-dir", type=Path, default=train_ner.default_data_dir())
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--metrics", type=Path)
    args = ap.parse_args(argv)
    nlp = spacy.load(args.model)
    test = train_ner.load_splits(args.data_dir, "idner", None)[args.split]
    results = {}
    for how in ("gold", "spacy_id", "regex_words", "default"):
        docs, gold = make_docs(nlp, test, how)
        pred = [{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in nlp.pipe(docs)]
        texts = [doc.text for doc in docs]
        for mode, g, p in (("exact", gold, pred), ("trimmed", [strip_edges(x, t) for x, t in zip(gold, texts)],
                                                     [strip_edges(x, t) for x, t in zip(pred, texts)])):
            s = results[f"{how}/{mode}"] = train_ner.score_spans(g, p)
            print(f"{how:12s} {mode:8s} micro P {100 * s['ALL']['p']:.1f} R {100 * s['ALL']['r']:.1f} "
                  f"F1 {100 * s['ALL']['f']:.1f}  " + "  ".join(f"{lab} {100 * s[lab]['f']:.1f}" for lab in train_ner.LABELS))
    if args.metrics:
        args.metrics.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
