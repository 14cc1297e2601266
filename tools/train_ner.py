"""Train and evaluate the Indonesian PER/ORG/LOC recogniser (spaCy 3.8, CPU, no vectors).

    python tools/train_ner.py --output extractor/models/ner   # the shipped model (idner-news-2k; recipe: ner.cfg)
    python train_ner.py --dataset nerui --folds 1 2 3 4 5 --max-steps 3000 --patience 1000 --max-minutes 4
                                                      # measurement only: no weights are kept
    python train_ner.py --evaluate model              # score a saved model on idner test, and its speed

The data are read at run time from ``--data-dir`` (default: ``shared/ner`` found beside the
repository, i.e. ``../shared/ner`` from the repository root):

* ``idner-news-2k/{train,dev,test}.txt`` (MIT): CoNLL columns token, POS, IOB tag; the model
  is trained on train, selected on dev (best dev entity F1), reported on test.
* ``indolem-nerui/{train,dev,test}.0N.tsv`` (no licence): token TAB IOB tag. Only measured:
  each fold is trained in a temporary folder, scored on its test split, and deleted.

Both tag sets are mapped to PER / ORG / LOC (PERSON, ORGANIZATION, LOCATION in NER-UI); any
other type (none occurs in these two sets) is dropped to O and counted. The recipe is
``ner.cfg`` beside this file: a MultiHashEmbed + MaxoutWindowEncoder tok2vec embedded in the
``ner`` pipe of ``spacy.blank("id")``, trained on the datasets' own tokens. Scores are
entity-level, exact span match, per label and micro.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # single thread: the speed we report, and a shared machine

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

HERE = Path(__file__).resolve().parent
LABELS = ("PER", "ORG", "LOC")
TAG_MAP = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANIZATION": "ORG", "LOC": "LOC", "LOCATION": "LOC"}
NERUI_PUBLISHED = {"Bi-LSTM-CRF": 82.2, "mBERT": 82.2, "MalayBERT": 87.4, "IndoBERT": 90.1}

Sentence = tuple[list[str], list[tuple[int, int, str]]]  # words, entity spans (start, end, label)


def default_data_dir() -> Path:
    """``shared/ner`` beside the repository (tools/ -> repo -> its parent) or beside this folder."""
    for base in (HERE.parent, HERE.parent.parent):
        if (base / "shared" / "ner").is_dir():
            return base / "shared" / "ner"
    return HERE.parent.parent / "shared" / "ner"


def split_paths(data_dir: Path, dataset: str, fold: int | None) -> dict[str, Path]:
    if dataset == "idner":
        return {s: data_dir / "idner-news-2k" / f"{s}.txt" for s in ("train", "dev", "test")}
    return {s: data_dir / "indolem-nerui" / f"{s}.{fold:02d}.tsv" for s in ("train", "dev", "test")}


def map_tag(tag: str, dropped: Counter) -> str:
    """IOB tag of either set -> B-/I- PER/ORG/LOC, or O (unknown types are counted in ``dropped``)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    if kind.upper() not in TAG_MAP:
        dropped[kind] += 1
        return "O"
    return f"{prefix.upper()}-{TAG_MAP[kind.upper()]}"


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """IOB (IOB2, tolerating IOB1's I- after O or another type) -> [(start, end, label)]."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, kind = (tag.split("-", 1) + [None])[:2] if tag != "O" else ("O", None)
        if start is not None and (prefix != "I" or kind != label):
            spans.append((start, i, label))
            start, label = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, kind
    return spans


def read_conll(path: Path, dropped: Counter) -> list[Sentence]:
    """CoNLL-style file: one token a line (first column the token, last the IOB tag; TAB- or
    space-separated, CRLF tolerated), a blank line between sentences."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.rstrip("\r\n")
        if not line.strip():
            if words:
                sentences.append((words, tags_to_spans(tags)))
            words, tags = [], []
            continue
        cols = line.split("\t") if "\t" in line else line.split()
        words.append(cols[0].strip() or "_")
        tags.append(map_tag(cols[-1].strip(), dropped))
    return sentences


NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "..."}
NO_SPACE_AFTER = {"(", "[", "{"}


def detokenize(words: list[str]) -> tuple[str, list[int]]:
    """Text of ``words`` with ordinary spacing (none before , . ) or after (, quotes paired),
    and each word's start offset."""
    text, starts, open_quote, glue = "", [], False, True
    for word in words:
        if word in ('"', "\u201c", "\u201d"):
            space = not open_quote and not glue
            open_quote = not open_quote
            next_glue = open_quote
        else:
            space = not glue and word not in NO_SPACE_BEFORE
            next_glue = word in NO_SPACE_AFTER
        text += " " if space else ""
        starts.append(len(text))
        text += word
        glue = next_glue
    return text, starts


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Character span without the brackets, quotes or punctuation at its ends; a closing
    bracket stays when the span holds its opening one (``Komisi Pemilihan Umum (KPU)``)."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return start, end


def retokenize(tokenizer, sentence: Sentence) -> Sentence | None:
    """``sentence`` as spaCy's ``id`` tokenizer cuts its text, entities projected onto the new
    tokens (edge punctuation trimmed); None when unchanged or an entity cannot be projected."""
    words, spans = sentence
    text, starts = detokenize(words)
    doc = tokenizer(text)
    if [t.text for t in doc] == words:
        return None
    new_spans = []
    for s, e, label in spans:
        span = doc.char_span(*trim_span(text, starts[s], starts[e - 1] + len(words[e - 1])), label=label,
                             alignment_mode="expand")
        if span is None:
            return None
        new_spans.append((span.start, span.end, label))
    if any(a[1] > b[0] for a, b in zip(new_spans, new_spans[1:])):
        return None
    return [t.text for t in doc], new_spans


def add_retokenized(sentences: list[Sentence]) -> list[Sentence]:
    """``sentences`` plus a copy of each that spaCy's ``id`` tokenizer cuts differently, so the
    model also learns the tokens it meets at inference (``(`` ``KPK`` ``)``, ``Jokowi`` ``-`` ``JK``)."""
    tokenizer = spacy.blank("id").tokenizer
    extra = [r for r in (retokenize(tokenizer, s) for s in sentences) if r is not None]
    print(f"augmented: +{len(extra)} re-tokenised copies of {len(sentences)} training sentences")
    return sentences + extra


def to_doc(vocab, sentence: Sentence) -> Doc:
    words, spans = sentence
    doc = Doc(vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in spans]
    return doc


def write_docbin(nlp, sentences: list[Sentence], path: Path) -> None:
    DocBin(docs=(to_doc(nlp.vocab, s) for s in sentences), store_user_data=False).to_disk(path)


class Deadline(Exception):
    """Raised by the ``ner_deadline.v1`` callback to stop training at its time budget."""


@spacy.registry.callbacks("ner_deadline.v1")
def make_deadline(minutes: float):
    """``before_update`` callback: stop training ``minutes`` after the first update (model-best,
    the best dev checkpoint so far, is already on disk)."""
    state: dict[str, float] = {}

    def before_update(nlp, info) -> None:
        start = state.setdefault("start", time.perf_counter())
        if minutes and time.perf_counter() - start > minutes * 60:
            raise Deadline(f"time budget of {minutes} min reached at step {info['step']}")

    return before_update


def train_model(config: Path, overrides: dict, sentences: dict[str, list[Sentence]], workdir: Path):
    """Train with spaCy's loop on ``sentences['train']``, selecting on ``sentences['dev']``;
    returns (path of the best checkpoint, seconds, how training ended)."""
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop

    blank = spacy.blank("id")
    paths = {}
    for split in ("train", "dev"):
        paths[f"paths.{split}"] = str(workdir / f"{split}.spacy")
        write_docbin(blank, sentences[split], workdir / f"{split}.spacy")
    cfg = spacy.util.load_config(config, overrides={**overrides, **paths}, interpolate=False)
    nlp = init_nlp(cfg, use_gpu=-1)
    started = time.perf_counter()
    ended = "converged (patience) or max_steps"
    (workdir / "out").mkdir()
    try:
        train_loop(nlp, workdir / "out", use_gpu=-1, stdout=sys.stderr, stderr=sys.stderr)
    except Deadline as stop:
        ended = str(stop)
    return workdir / "out" / "model-best", time.perf_counter() - started, ended


def predict_spans(nlp, sentences: list[Sentence]) -> list[set[tuple[int, int, str]]]:
    docs = (Doc(nlp.vocab, words=words) for words, _ in sentences)
    return [{(e.start, e.end, e.label_) for e in doc.ents} for doc in nlp.pipe(docs)]


def score_spans(gold: list[set], pred: list[set]) -> dict[str, dict[str, float]]:
    """Entity-level exact-match P/R/F1 per label and micro (``ALL``), with counts."""
    counts = {label: Counter() for label in (*LABELS, "ALL")}
    for g, p in zip(gold, pred):
        for span in g | p:
            kind = "tp" if span in g and span in p else ("fn" if span in g else "fp")
            for label in (span[2], "ALL"):
                counts.setdefault(label, Counter())[kind] += 1
    scores = {}
    for label, c in counts.items():
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        scores[label] = {"p": prec, "r": rec, "f": f1, "gold": c["tp"] + c["fn"], "pred": c["tp"] + c["fp"]}
    return scores


def evaluate(nlp, sentences: list[Sentence]) -> dict[str, dict[str, float]]:
    gold = [{tuple(s) for s in spans} for _, spans in sentences]
    return score_spans(gold, predict_spans(nlp, sentences))


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    rows = ["| label | gold | pred | P | R | F1 |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for label, s in scores.items():
        name = "micro" if label == "ALL" else label
        rows.append(f"| {name} | {s['gold']} | {s['pred']} | {100 * s['p']:.1f} | {100 * s['r']:.1f} | {100 * s['f']:.1f} |")
    return "\n".join(rows)


def words_per_second(nlp, sentences: list[Sentence], repeats: int = 3) -> dict[str, float]:
    """Single-thread throughput on ``sentences`` (best of ``repeats``), per wall-clock second and
    per CPU second of this process (the latter is what a busy machine does not distort): NER
    on pre-tokenised Docs, and spaCy's ``id`` tokenizer + NER on the sentences' texts."""
    texts = [detokenize(words)[0] for words, _ in sentences]
    n_words = sum(len(words) for words, _ in sentences)
    best: dict[str, float] = Counter()
    for _ in range(repeats):
        for name, inputs in (("ner_only", None), ("tokenizer_and_ner", texts)):
            inputs = inputs or [Doc(nlp.vocab, words=words) for words, _ in sentences]
            wall, cpu = time.perf_counter(), time.process_time()
            for _doc in nlp.pipe(inputs, batch_size=64):
                pass
            best[f"{name}_wall"] = max(best[f"{name}_wall"], n_words / (time.perf_counter() - wall))
            best[f"{name}_cpu"] = max(best[f"{name}_cpu"], n_words / (time.process_time() - cpu))
    return {k: round(v) for k, v in sorted(best.items())}


def folder_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def config_overrides(args) -> dict:
    """Command-line hyper-parameters -> spaCy config overrides (only those given)."""
    names = {"width": "vars.width", "depth": "vars.depth", "window": "vars.window", "max_minutes": "vars.max_minutes",
             "seed": "system.seed", "dropout": "training.dropout", "max_steps": "training.max_steps",
             "patience": "training.patience", "eval_frequency": "training.eval_frequency"}
    overrides = {key: getattr(args, arg) for arg, key in names.items() if getattr(args, arg) is not None}
    if args.rows:
        for key, value in zip(("norm", "prefix", "suffix", "shape"), args.rows):
            overrides[f"vars.rows_{key}"] = value
    return overrides


def load_splits(data_dir: Path, dataset: str, fold: int | None) -> dict[str, list[Sentence]]:
    dropped: Counter = Counter()
    splits = {name: read_conll(path, dropped) for name, path in split_paths(data_dir, dataset, fold).items()}
    summary = ", ".join(f"{k} {len(v)} sentences" for k, v in splits.items())
    print(f"[{dataset}{'' if fold is None else f' fold {fold}'}] {summary}; types dropped to O: {dict(dropped) or 'none'}")
    return splits


def save_model(best: Path, output: Path, scores: dict, args) -> None:
    """Copy the best checkpoint to ``output`` with a meta.json that says what it is."""
    if output.exists():
        if not (output / "meta.json").exists():
            sys.exit(f"{output} exists and is not a spaCy model folder: not overwriting it")
        shutil.rmtree(output)
    shutil.copytree(best, output)
    meta = json.loads((output / "meta.json").read_text(encoding="utf-8"))
    meta.update(name="news_ner", version="0.1.0", license="MIT",
                description="PER/ORG/LOC NER for Indonesian news: hash-embedding CNN tok2vec inside the ner pipe, CPU, no vectors",
                sources=[{"name": "idner-news-2k (Khairunnisa et al., AACL-IJCNLP SRW 2020)", "license": "MIT"}])
    meta["test_scores"] = {k: {m: round(v, 4) for m, v in s.items()} for k, s in scores.items()}
    (output / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    # the training words' strings are not needed to run (features are hashed): keep the labels only
    (output / "vocab" / "strings.json").write_text(json.dumps(sorted(LABELS)) + "\n", encoding="utf-8")


def run_idner(args) -> dict:
    splits = load_splits(args.data_dir, "idner", None)
    if args.augment_retokenized:
        splits["train"] = add_retokenized(splits["train"])
    with tempfile.TemporaryDirectory(prefix="ner-idner-") as tmp:
        best, seconds, ended = train_model(args.config, config_overrides(args), splits, Path(tmp))
        nlp = spacy.load(best)
        result = {"dataset": "idner-news-2k", "train_seconds": round(seconds, 1), "ended": ended,
                  "dev": evaluate(nlp, splits["dev"]), "test": evaluate(nlp, splits["test"])}
        if args.output:
            save_model(best, args.output, result["test"], args)
            nlp = spacy.load(args.output)  # the saved folder is what is scored from here on
            assert evaluate(nlp, splits["test"]) == result["test"], "saved model predicts differently"
            result["model_bytes"] = folder_bytes(args.output)
    result["words_per_second"] = words_per_second(nlp, splits["test"])
    print(f"training: {seconds:.0f} s ({ended})\n\ntest (exact span match):\n{format_scores(result['test'])}")
    print(f"dev micro F1 {100 * result['dev']['ALL']['f']:.1f}; speed {result['words_per_second']}")
    if args.output:
        print(f"model: {args.output} ({result['model_bytes']:,} bytes)")
    return result


def run_nerui(args) -> dict:
    """One comparison model per fold, trained and scored in a temporary folder that is then
    deleted: no weight trained on NER-UI (no licence) is kept."""
    folds = {}
    for fold in args.folds:
        splits = load_splits(args.data_dir, "nerui", fold)
        if args.augment_retokenized:
            splits["train"] = add_retokenized(splits["train"])
        with tempfile.TemporaryDirectory(prefix=f"ner-nerui{fold}-") as tmp:
            best, seconds, ended = train_model(args.config, config_overrides(args), splits, Path(tmp))
            scores = evaluate(spacy.load(best), splits["test"])
        folds[fold] = {"test": scores, "train_seconds": round(seconds, 1), "ended": ended}
        print(f"fold {fold}: test micro F1 {100 * scores['ALL']['f']:.1f} ({seconds:.0f} s, {ended}); weights deleted")
    mean = sum(f["test"]["ALL"]["f"] for f in folds.values()) / len(folds)
    per_label = {lab: sum(f["test"][lab]["f"] for f in folds.values()) / len(folds) for lab in LABELS}
    print(f"NER-UI mean micro F1 over folds {list(folds)}: {100 * mean:.1f} "
          f"(per label {', '.join(f'{k} {100 * v:.1f}' for k, v in per_label.items())}); published {NERUI_PUBLISHED}")
    return {"dataset": "indolem-nerui", "folds": folds, "mean_f1": mean, "mean_f1_per_label": per_label}


def run_evaluate(args) -> dict:
    splits = load_splits(args.data_dir, "idner", None)
    nlp = spacy.load(args.evaluate)
    result = {"model": str(args.evaluate), "model_bytes": folder_bytes(args.evaluate),
              "test": evaluate(nlp, splits["test"]), "words_per_second": words_per_second(nlp, splits["test"])}
    print(f"test (exact span match):\n{format_scores(result['test'])}\nspeed {result['words_per_second']}; "
          f"{result['model_bytes']:,} bytes")
    return result


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", choices=("idner", "nerui"), default="idner")
    ap.add_argument("--folds", type=int, nargs="+", default=[1, 2, 3, 4, 5], help="NER-UI folds (1-5), run one after another")
    ap.add_argument("--data-dir", type=Path, default=default_data_dir())
    ap.add_argument("--config", type=Path, default=HERE / "ner.cfg")
    ap.add_argument("--output", type=Path, help="idner only: folder to write the model to")
    ap.add_argument("--evaluate", type=Path, metavar="MODEL", help="only score MODEL on idner-news-2k test")
    ap.add_argument("--metrics", type=Path, help="write the scores as JSON here")
    ap.add_argument("--augment-retokenized", action="store_true",
                    help="add spaCy-id-tokenised copies of the training sentences that it cuts differently")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--width", type=int)
    ap.add_argument("--depth", type=int)
    ap.add_argument("--window", type=int)
    ap.add_argument("--rows", type=int, nargs=4, metavar=("NORM", "PREFIX", "SUFFIX", "SHAPE"))
    ap.add_argument("--dropout", type=float)
    ap.add_argument("--max-minutes", type=float, help="time budget of the training loop (default in ner.cfg: 15)")
    ap.add_argument("--max-steps", type=int)
    ap.add_argument("--patience", type=int, help="steps without a better dev F1 before stopping")
    ap.add_argument("--eval-frequency", type=int)
    args = ap.parse_args(argv)
    if args.dataset == "nerui" and args.output:
        ap.error("--output is for idner only: NER-UI has no licence, its weights are never kept")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)
    if args.evaluate:
        result = run_evaluate(args)
    elif args.dataset == "nerui":
        result = run_nerui(args)
    else:
        result = run_idner(args)
    if args.metrics:
        result["args"] = {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()}
        args.metrics.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
