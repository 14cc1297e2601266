"""Time the pathological inputs of tests/test_pathological.py at n and 4n characters.

    python benchmarks/pathological.py [--only NAME ...] [--scale 1.0] [--repeat 2] [--json]

The tests check linear work without a clock (pattern work counts, the guard's budget in
consultations); this script measures what they cannot: the time itself, including
backtracking inside one pattern call. For each input it prints the CPU seconds of one
extraction at n and at 4n characters (the least of ``--repeat`` runs) and their ratio: about 4
for linear time, 16 for quadratic. A ratio is noisy below a few hundredths of a second, and
on a loaded machine; run it on a quiet one, and read it, do not assert it. The guard's
warnings at 4n are listed (a guard that fired means the input hit its budget).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_pathological import (  # noqa: E402  (the inputs live with their tests)
    DOTTED_RUNS,
    RUN,
    digits_and_dots,
    nested_parentheses,
    news,
    number_table,
)


def inputs() -> dict[str, tuple]:
    """name -> (make(n) -> text, n): the text at n; the benchmark also runs 4n."""
    cases = {
        "news": (news, 100_000),
        "digits-and-dots": (digits_and_dots, 25_000),
        "rupiah-amounts": (lambda n: " ".join(["Rp 1.000.000,00"] * n), 2_500),
        "nested-parentheses": (nested_parentheses, 1_250),
        "title-and-name": (lambda n: "Wali Kota Mojokerto Ali Kuncoro, " * n, 500),
        "percent-marks": (lambda n: "5%" * n, 2_500),
        "line-of-dates": (lambda n: "25/9/2024 " * n, 500),
        "number-table": (number_table, 500),
    }
    for i, (field, make, _) in enumerate(DOTTED_RUNS):
        cases[f"dotted-{field}-{i}"] = (make, RUN // 4)
    return cases


def cpu_seconds(pipeline, text: str, repeat: int) -> tuple[float, list[str]]:
    best, warnings = float("inf"), []
    for _ in range(repeat):
        start = time.process_time()
        record = pipeline(text, published="2024-09-26")
        best = min(best, time.process_time() - start)
        warnings = [w for w in record.warnings if w.startswith("time guard")]
    return best, warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="names of inputs to run (default: all)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every n by this")
    parser.add_argument("--repeat", type=int, default=2, help="runs per size; the least time counts")
    parser.add_argument("--json", action="store_true", help="one JSON object per input instead of a table")
    args = parser.parse_args(argv)

    from extractor.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline("Naik 5% pada Rabu (25/9/2024).")  # lazily built patterns are not part of the measure
    cases = inputs()
    unknown = set(args.only or ()) - set(cases)
    if unknown:
        parser.error(f"unknown input(s): {', '.join(sorted(unknown))}; known: {', '.join(cases)}")
    if not args.json:
        print(f"{'input':<28}{'chars n':>10}{'s at n':>9}{'chars 4n':>11}{'s at 4n':>9}{'ratio':>7}  guard")
    for name, (make, n) in cases.items():
        if args.only and name not in args.only:
            continue
        n = max(1, int(n * args.scale))
        small, large = make(n), make(4 * n)
        t_small, _ = cpu_seconds(pipeline, small, args.repeat)
        t_large, warnings = cpu_seconds(pipeline, large, args.repeat)
        ratio = t_large / max(t_small, 1e-3)
        row = {"input": name, "chars_n": len(small), "seconds_n": round(t_small, 3), "chars_4n": len(large),
               "seconds_4n": round(t_large, 3), "ratio": round(ratio, 2), "guard": warnings}
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(f"{name:<28}{len(small):>10,}{t_small:>9.3f}{len(large):>11,}{t_large:>9.3f}{ratio:>7.1f}  "
                  f"{'; '.join(warnings) or '-'}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
