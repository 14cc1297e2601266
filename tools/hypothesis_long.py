"""Run the property and fuzz tests' strategies for a set time, with fresh random examples.

    .venv/bin/python tools/hypothesis_long.py --minutes 60

The test suite runs a small fixed set of examples (tests/test_properties.py, tests/test_fuzz.py);
this runs the same properties in rounds of ``--batch`` random examples each, in turn, until
the time is up, and prints how many examples each ran and what failed (an exception, a broken
property, or an example slower than ``--deadline`` seconds). A property stops at its first failure; Hypothesis shrinks the input first, and the shrunk input is printed and saved
as tests/regressions/found-<property>-<hash>.txt (``--no-save``: print only), where
tests/test_fuzz.py runs it from then on. Exit status: 0 when nothing failed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["EXTRACTOR_STRICT"] = "1"  # a recognizer's exception fails, as in the test suite

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from extractor.pipeline import shared_pipeline
from tests import test_fuzz, test_properties

REGRESSIONS = ROOT / "tests" / "regressions"
PUBLISHED = st.sampled_from([None, "2024-08-14", "2017-01-01", "2000-02-29"])


@dataclass
class Property:
    name: str
    strategy: st.SearchStrategy
    body: Callable[..., None]  # (pipeline, text, published) -> None, raises on a failure
    examples: int = 0
    seconds: float = 0.0
    failure: str | None = None  # the report of its first failure
    failure_text: str = ""  # the (shrunk) input that failed


def properties() -> list[Property]:
    def check(pipeline, text, published):
        test_properties.check(pipeline, text, published)

    def line_breaks(pipeline, text, published):
        test_fuzz.check_line_breaks(pipeline, text)

    return [
        Property("any-text", st.tuples(st.text(max_size=2000), PUBLISHED), check),
        Property("newsy-words", st.tuples(test_properties.NEWSY, PUBLISHED), check),
        Property("mutated-seed", st.tuples(test_properties.mutated_seed(), PUBLISHED), check),
        Property("news-pieces", st.tuples(test_fuzz.news_like(), PUBLISHED), check),
        Property("line-breaks", st.tuples(test_fuzz.news_like(), PUBLISHED), line_breaks),
    ]


def run_round(prop: Property, pipeline, examples: int, deadline: float) -> None:
    """``examples`` random examples of one property; on a failure, records the shrunk input.
    An example slower than ``deadline`` seconds is a failure too (a pattern that backtracks)."""
    last: list[tuple[str, str | None]] = []

    @settings(
        max_examples=examples,
        deadline=dt.timedelta(seconds=deadline),
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(prop.strategy)
    def run(args):
        prop.examples += 1
        last[:] = [args]
        prop.body(pipeline, *args)

    try:
        run()
    except Exception:  # noqa: BLE001 - any failure of the property is what we look for
        # Hypothesis re-runs the shrunk example last before it raises: ``last`` holds it
        text, published = last[0] if last else ("", None)
        prop.failure = f"{traceback.format_exc(limit=-3)}input (published={published}): {text!r}"
        prop.failure_text = text


def save(prop: Property) -> Path:
    text = prop.failure_text
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    path = REGRESSIONS / f"found-{prop.name}-{digest}.txt"
    path.write_bytes(text.encode("utf-8"))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=60, help="how long to run (default 60)")
    parser.add_argument("--batch", type=int, default=200, help="examples per property per round at most (default 200)")
    parser.add_argument("--deadline", type=float, default=20, help="seconds an example may take (default 20)")
    parser.add_argument("--only", action="append", help="run only this property (repeatable)")
    parser.add_argument("--no-save", action="store_true", help="print failures without writing tests/regressions/")
    args = parser.parse_args(argv)

    chosen = [p for p in properties() if not args.only or p.name in args.only]
    if not chosen:
        parser.error(f"no property named {args.only}; known: {', '.join(p.name for p in properties())}")
    pipeline = shared_pipeline()
    pipeline("Pemanasan: 5% warga hadir pada Rabu (25/9/2024).")  # build lazy patterns before the clock runs
    start = time.monotonic()
    deadline = start + args.minutes * 60
    rounds = 0
    while time.monotonic() < deadline and any(p.failure is None for p in chosen):
        for prop in chosen:
            left = deadline - time.monotonic()
            if prop.failure is None and left > 0:
                # a round of each property fits in the time left (a batch of random examples runs
                # from small to large ones: a long batch is a better one)
                active = sum(p.failure is None for p in chosen)
                per_example = prop.seconds / prop.examples if prop.examples else 0.1
                examples = int(min(args.batch, max(10, left / active / per_example)))
                begun = time.monotonic()
                run_round(prop, pipeline, examples, args.deadline)
                prop.seconds += time.monotonic() - begun
                if prop.failure is not None:  # at once, not only in the summary an hour later
                    print(f"=== {prop.name} failed after {prop.examples} examples\n{prop.failure}", flush=True)
        rounds += 1
        elapsed = time.monotonic() - start
        print(f"[{elapsed / 60:5.1f} min] round {rounds}: " + ", ".join(f"{p.name} {p.examples}" for p in chosen), flush=True)

    print(f"\n{sum(p.examples for p in chosen)} examples in {(time.monotonic() - start) / 60:.1f} minutes (shrinking included)")
    failed = [p for p in chosen if p.failure is not None]
    for prop in chosen:
        print(f"  {prop.name:14} {prop.examples:7} examples  {'FAILED' if prop.failure else 'ok'}")
    for prop in failed:
        print(f"\n=== {prop.name} failed\n{prop.failure}")
        if not args.no_save:
            print(f"saved as {save(prop).relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
