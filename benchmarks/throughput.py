"""Throughput of the extractor against two baselines, in one process and one run.

    python benchmarks/throughput.py --input ../shared/bench/news_all.jsonl [--limit N] [--repeats 3] [--json]

(a) spaCy ``blank("id")`` tokenising the texts with ``nlp.pipe``;
(b) the full extraction (``Pipeline.pipe``: tokenising + every component + records);
(a) and (b) run interleaved ``--repeats`` times (a, b, a, b, ...) and the minimum of each is
reported, so that a load that comes and goes on a shared machine touches both alike;
(c) ``dateparser.search_dates(text, languages=["id"])``, the naive way to find dates;
the ratios (b)/(a) and (b)/(c) in articles per second, and the peak resident memory of the
process. dateparser is slow: ``--dateparser-limit`` times it on the first N articles only
(its rate is per article, so the ratio stays comparable).

Then the batch machinery (``extractor.batch.process_jobs``, records serialised as for
``extractor batch``) on the same articles with one worker and with ``--workers`` (default 2):
the speed-up is measured from the first record onwards ("steady", which leaves out building
the pipeline in each worker and starting the pool) and also over the whole call ("total").
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this tree's extractor, whatever is installed


def read_articles(path: Path, limit: int | None) -> list[dict]:
    """Rows with ``text`` (and ``id``, ``published``), in file order."""
    texts = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                texts.append({"id": row.get("id"), "text": row["text"], "published": row.get("published")})
            except (json.JSONDecodeError, KeyError) as error:
                raise SystemExit(f"{path}:{number}: not an article line ({error})") from None
            if limit and len(texts) >= limit:
                break
    return texts


def timed(run, texts: list[dict]) -> dict[str, float]:
    words = sum(len(t["text"].split()) for t in texts)
    start = time.perf_counter()
    run(texts)
    seconds = time.perf_counter() - start
    return {"articles": len(texts), "words": words, "seconds": round(seconds, 3),
            "articles_per_s": round(len(texts) / seconds, 1), "words_per_s": round(words / seconds)}


def tokeniser():
    import spacy

    nlp = spacy.blank("id")

    def run(texts: list[dict]) -> None:
        for _ in nlp.pipe((t["text"] for t in texts), batch_size=64):
            pass

    return run


def extractor_run():
    from extractor import Pipeline

    pipeline = Pipeline()

    def run(texts: list[dict]) -> None:
        for _ in pipeline.pipe(texts):
            pass

    return run


def search_dates(texts: list[dict]) -> None:
    from dateparser.search import search_dates as search

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for row in texts:
            search(row["text"], languages=["id"])


def batch_run(texts: list[dict], workers: int) -> dict[str, float]:
    """One ``process_jobs`` call: total wall time, and time from the first record to the last."""
    from extractor.batch import Job, process_jobs
    from extractor.inputs import as_input

    jobs = [Job(as_input(row, index), "bench", index) for index, row in enumerate(texts)]
    start = time.perf_counter()
    first = None
    records = 0
    for record_json, _, _ in process_jobs(jobs, workers):
        records += record_json is not None
        if first is None:
            first = time.perf_counter()
    end = time.perf_counter()
    steady = end - first if first is not None else 0.0
    return {"workers": workers, "articles": records, "seconds_total": round(end - start, 3),
            "seconds_steady": round(steady, 3),
            "articles_per_s_total": round(records / (end - start), 1),
            # the first record is the start mark, so it is not counted in the steady rate
            "articles_per_s_steady": round((records - 1) / steady, 1) if steady else 0.0}


def start_up(bench: Path) -> dict[str, float]:
    """Seconds to ``import extractor`` and to the first record of ``extractor extract`` on a
    short article (each the minimum of three fresh processes), and the peak resident memory
    of ``extractor batch`` over the whole input (a child process)."""
    import subprocess
    import tempfile

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text("Bupati Sleman meresmikan jembatan itu pada Rabu (25/9/2024). Capaiannya 85,7 persen.", encoding="utf-8")

        def seconds(command: list[str]) -> float:
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                subprocess.run(command, env=env, check=True, capture_output=True)
                best = min(best, time.perf_counter() - start)
            return round(best, 3)

        python = [sys.executable, "-c"]
        baseline = seconds([*python, "pass"])  # the interpreter's own start, left out
        result = {
            "import_s": round(seconds([*python, "import extractor"]) - baseline, 3),
            "first_record_s": round(seconds([sys.executable, "-m", "extractor", "extract", str(article)]) - baseline, 3),
        }
        subprocess.run([sys.executable, "-m", "extractor", "batch", str(bench), "--out", str(Path(tmp) / "out.jsonl")],
                       env=env, check=True, capture_output=True)
    result["batch_peak_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    return result


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", default="../shared/bench/news_all.jsonl", type=Path)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--dateparser-limit", type=int, default=300, help="articles timed with dateparser (0: all)")
    parser.add_argument("--workers", type=int, default=2, help="workers compared with one in the batch run (default 2)")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved runs of tokenise and extract; the minimum counts")
    parser.add_argument("--no-start-up", action="store_true", help="skip the start-up and batch-memory measurements")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of a table")
    args = parser.parse_args(argv)
    if args.workers < 2:
        print("error: --workers must be at least 2 (it is compared with one worker)", file=sys.stderr)
        return 2
    if not args.input.is_file():
        print(f"error: {args.input}: no such file", file=sys.stderr)
        return 2

    texts = read_articles(args.input, args.limit)
    # both pipelines are built before timing: loading spaCy's "id" data is not throughput
    tokenise, extract = tokeniser(), extractor_run()
    runs: dict[str, list[dict[str, float]]] = {"tokenise": [], "extract": []}
    for _ in range(max(args.repeats, 1)):
        runs["tokenise"].append(timed(tokenise, texts))
        runs["extract"].append(timed(extract, texts))
    results = {name: min(found, key=lambda r: r["seconds"]) for name, found in runs.items()}
    memory = peak_mb()
    sample = texts[: args.dateparser_limit] if args.dateparser_limit else texts
    results["dateparser"] = timed(search_dates, sample)
    report = {
        **results,
        "extract_vs_tokenise": round(results["extract"]["articles_per_s"] / results["tokenise"]["articles_per_s"], 3),
        "extract_vs_dateparser": round(results["extract"]["articles_per_s"] / results["dateparser"]["articles_per_s"], 2),
        "peak_mb_after_extract": memory,
    }
    if not args.no_start_up:
        report["start_up"] = start_up(args.input)
    one, many = batch_run(texts, 1), batch_run(texts, args.workers)
    report["batch"] = {
        "workers_1": one,
        f"workers_{args.workers}": many,
        "speedup_steady": round(many["articles_per_s_steady"] / one["articles_per_s_steady"], 2) if one["articles_per_s_steady"] else None,
        "speedup_total": round(many["articles_per_s_total"] / one["articles_per_s_total"], 2),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{'run':<12}{'articles':>9}{'words':>10}{'seconds':>9}{'art/s':>9}{'words/s':>10}")
    for name in ("tokenise", "extract", "dateparser"):
        r = results[name]
        print(f"{name:<12}{r['articles']:>9}{r['words']:>10}{r['seconds']:>9.2f}{r['articles_per_s']:>9.1f}{r['words_per_s']:>10}")
    print(f"extract / tokenise   {report['extract_vs_tokenise']:.3f}x")
    print(f"extract / dateparser {report['extract_vs_dateparser']:.2f}x")
    print(f"peak memory (after extraction) {memory} MB")
    print()
    print(f"{'batch':<12}{'articles':>9}{'total s':>9}{'art/s':>9}{'steady s':>10}{'art/s':>9}")
    for r in (one, many):
        print(f"{'workers ' + str(r['workers']):<12}{r['articles']:>9}{r['seconds_total']:>9.2f}{r['articles_per_s_total']:>9.1f}"
              f"{r['seconds_steady']:>10.2f}{r['articles_per_s_steady']:>9.1f}")
    if "start_up" in report:
        up = report["start_up"]
        print(f"import extractor {up['import_s']:.2f} s; first record of `extractor extract` {up['first_record_s']:.2f} s "
              f"(min of 3, warm cache); `extractor batch` over the input: peak RSS {up['batch_peak_mb']} MB")
    batch = report["batch"]
    print(f"speed-up of {args.workers} workers over 1: {batch['speedup_steady']}x from the first record on (steady), "
          f"{batch['speedup_total']}x including start-up (total)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
