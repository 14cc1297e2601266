"""Command line: extractor extract | evaluate | batch | show | schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractor.backends import BackendUnavailable

EXIT_OK, EXIT_FAILED, EXIT_UNUSABLE = 0, 1, 2


class UsageError(Exception):
    """Unusable input: reported as one line, exit status 2."""


def _read_article(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(f"{path}: cannot read ({error.strerror})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UsageError(f"{path}: not UTF-8 at byte {error.start} ({error.reason})") from None


def _read_input(args: argparse.Namespace):
    """The article named on the command line as an ArticleInput: a text file, or an .html/.htm
    page read for its main text and metadata (trafilatura), the same for every command."""
    from extractor.inputs import ArticleInput, coerce_date

    path = Path(args.file)
    ident = args.id or path.stem
    try:
        if path.suffix.lower() in (".html", ".htm"):
            from extractor.inputs import input_from_file

            return input_from_file(path, id=ident, published=args.published)
        return ArticleInput(text=_read_article(path), id=ident, published=coerce_date(args.published))
    except ValueError as error:  # an unreadable page or a bad --published
        raise UsageError(str(error)) from None


def cmd_extract(args: argparse.Namespace) -> int:
    from extractor.pipeline import Pipeline, shared_pipeline

    article = _read_input(args)
    pipeline = shared_pipeline() if args.backend == "spacy" else Pipeline(backend=args.backend, stanza_dir=args.stanza_dir)
    try:
        record = pipeline.process(article)
    except ValueError as error:
        raise UsageError(str(error)) from None
    print(record.model_dump_json(indent=2))  # null keys included, as batch writes them
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from evaluation import CorpusError, read_corpus, score_corpus
    from evaluation.report import per_article, table
    from extractor.inputs import ArticleInput
    from extractor.pipeline import shared_pipeline

    try:
        corpus = read_corpus(args.corpus)
    except CorpusError as error:
        raise UsageError(str(error)) from None
    if corpus.unlabelled:
        print(
            f"note: {len(corpus.unlabelled)} article(s) without a gold file are not scored: "
            + ", ".join(corpus.unlabelled[:10])
            + (" ..." if len(corpus.unlabelled) > 10 else ""),
            file=sys.stderr,
        )
    if not corpus.articles:
        raise UsageError(f"{args.corpus}: no labelled article (articles/<id>.txt with gold/<id>.json)")
    out_dir = Path(args.predictions_dir) if args.predictions_dir else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    pipeline = shared_pipeline()
    inputs = [ArticleInput(text=a.text, id=a.id, published=a.gold.published, source=a.gold.source) for a in corpus.articles]
    triples = []
    for labelled, record in zip(corpus.articles, pipeline.pipe(inputs)):
        triples.append((labelled.id, labelled.gold, record))
        if out_dir:
            (out_dir / f"{labelled.id}.json").write_text(record.model_dump_json(indent=2), encoding="utf-8")
    score = score_corpus(triples)
    if args.json:
        print(json.dumps(score.as_dict(), indent=2))
    else:
        print(table(score))
    if args.per_article:
        print(per_article(score), file=sys.stdout if not args.json else sys.stderr)
    return EXIT_OK


EXIT_OUTPUT = 3  # batch: the output cannot be written (disk full, no permission)


def cmd_batch(args: argparse.Namespace) -> int:
    from extractor.batch import BatchError, OutputError, require_dask, run_batch
    from extractor.inputs import coerce_date

    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    if args.resume and args.overwrite:
        raise UsageError("--resume and --overwrite exclude each other")
    try:
        published = coerce_date(args.published)
    except (TypeError, ValueError) as error:
        raise UsageError(f"--published: {error}") from None
    from extractor.backends import check_backend
    from extractor.batch.engines import set_pipeline_options

    check_backend(args.backend, args.stanza_dir)  # before any output is written
    set_pipeline_options(backend=args.backend, stanza_dir=args.stanza_dir)
    try:
        if args.engine == "dask":
            require_dask()
        summary = run_batch(
            args.inputs,
            Path(args.out),
            errors=Path(args.errors) if args.errors else None,
            resume=args.resume,
            overwrite=args.overwrite,
            workers=args.workers,
            format=args.format,
            engine=args.engine,
            scheduler=args.scheduler,
            published=published,
            csv_raw=args.csv_raw,
            on_failure=lambda failure: print(f"error: {failure}", file=sys.stderr),
        )
    except BatchError as error:
        raise UsageError(str(error)) from None
    except OutputError as error:
        print(f"extractor batch: error: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    print(summary.line(), file=sys.stderr)
    return EXIT_FAILED if summary.errors or summary.failed_before else EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from extractor.show import analyse, render_html

    article = _read_input(args)
    try:
        doc, record = analyse(article.text, published=article.published, id=article.id)
    except ValueError as error:
        raise UsageError(str(error)) from None
    out = Path(args.html)
    try:
        out.write_text(render_html(doc, record), encoding="utf-8")
    except OSError as error:
        raise UsageError(f"{out}: cannot write ({error.strerror})") from None
    print(out)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from schemas.export import write_json_schemas

    for path in write_json_schemas(Path(args.out)):
        print(path)
    return EXIT_OK


def _add_backend_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--backend", choices=("spacy", "stanza"), default="spacy",
                         help='tokens and sentences from spaCy (default) or from Stanza (pip install -e ".[stanza]" and its models)')
    command.add_argument("--stanza-dir", metavar="DIR",
                         help="with --backend stanza: Stanza's models directory (default: $STANZA_RESOURCES_DIR or Stanza's own)")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("indonesian-news-extractor")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="extractor", description="Structured records from Indonesian news: officials, dates, percentages, population counts, awards."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="print one article's record as JSON")
    extract.add_argument("file", help='the article: a UTF-8 text file, or an .html/.htm page (pip install -e ".[html]")')
    extract.add_argument("--published", help="the article's date (YYYY-MM-DD), for relative dates")
    extract.add_argument("--id", help="the record id (default: the file name without extension)")
    _add_backend_options(extract)
    extract.set_defaults(run=cmd_extract)

    evaluate = commands.add_parser("evaluate", help="score the extractor against a labelled corpus")
    evaluate.add_argument("--corpus", required=True, help="a directory with articles/ and gold/")
    evaluate.add_argument("--json", action="store_true", help="print {field: {tp, pred, gold, precision, recall, f1}}")
    evaluate.add_argument("--per-article", action="store_true", help="list each article's misses and false hits")
    evaluate.add_argument("--predictions-dir", metavar="OUT", help="write each article's record to OUT/<id>.json")
    evaluate.set_defaults(run=cmd_evaluate)

    batch = commands.add_parser("batch", help="extract many articles into JSONL records or CSV tables")
    batch.add_argument("inputs", nargs="+", metavar="INPUT",
                       help='.txt or .html/.htm files, directories of them, .jsonl files (rows with "text" or "html")')
    batch.add_argument("--out", required=True, help="the output: a JSONL file (one ArticleRecord a line), or a directory for --format csv")
    batch.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                       help="jsonl (default), or csv: FIELD.csv per field and articles.csv in the --out directory")
    batch.add_argument("--errors", help="JSONL file of articles that failed (source, line, id, error)")
    batch.add_argument("--resume", action="store_true",
                       help="continue an interrupted run: skip the articles already in --out (and --errors) and append")
    batch.add_argument("--overwrite", action="store_true",
                       help="replace an existing --out (without it, or --resume, a non-empty --out is refused)")
    batch.add_argument("--published", metavar="DATE",
                       help="the date (YYYY-MM-DD) of articles whose input gives none, for relative dates; a JSONL row's own published wins")
    batch.add_argument("--csv-raw", action="store_true",
                       help="with --format csv: write text cells as they are (by default a cell starting with = + - @ TAB or CR "
                            "gets a leading ' so that spreadsheets do not run it as a formula)")
    batch.add_argument("--workers", type=int, default=1, help="worker processes (default 1); with --engine dask, those of the LocalCluster")
    batch.add_argument("--engine", choices=("local", "dask"), default="local",
                       help='local processes (default), or a Dask cluster (pip install -e ".[dask]")')
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="with --engine dask: a running cluster's scheduler (tcp://host:8786); "
                            "default: a LocalCluster of --workers processes")
    _add_backend_options(batch)
    batch.set_defaults(run=cmd_batch)

    show = commands.add_parser("show", help="write an HTML page of one article with every extracted item highlighted")
    show.add_argument("file", help="the article: a UTF-8 text file, or an .html/.htm page (as for extract)")
    show.add_argument("--html", required=True, metavar="OUT", help="the HTML page to write")
    show.add_argument("--published", help="the article's date (YYYY-MM-DD), for relative dates")
    show.add_argument("--id", help="the article id in the page header (default: the file name without extension)")
    show.set_defaults(run=cmd_show)

    schema = commands.add_parser("schema", help="write the JSON Schemas of records and gold files")
    schema.add_argument("--out", default="schemas/json", help="output directory (default: schemas/json)")
    schema.set_defaults(run=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as error:
        print(f"extractor {args.command}: error: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    except BackendUnavailable as error:
        print(f"extractor {args.command}: error: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (| head): nothing left to say
        sys.stderr.close()
        return EXIT_OK
