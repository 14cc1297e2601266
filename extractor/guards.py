"""Time guards for pattern scans on pathological text.

Every recognizer runs under a deadline proportional to the article's length. Scans with the
``regex`` module pass ``timeout=remaining()`` (the cued scans of ``extractor.scan`` too, one
match at a time); when the deadline passes, ``regex`` raises
``TimeoutError``, the field component drops that recognizer's findings for the article and
says so in the record's ``warnings``. A field's assembly runs under a deadline of its own (past
it, the field is left empty), and so does the sentence splitter (past it, each line is one
sentence and no boilerplate is excluded). Normal news takes a small fraction of its budget; the
guard exists for texts no rule anticipated (a 5 MB number table, a comment dump).

Patterns compiled with the standard ``re`` module (literal alternations, chosen for speed)
cannot take a timeout: they must be linear by construction and call ``check()`` in loops.

A stage can overrun its deadline by one unit of work between two consultations of the guard
(one ``regex`` call checks its timeout as it runs). ``clock`` is the time source; the tests
replace it with a counter of the guard's consultations, so that a budget becomes a number of
consultations and the guard fires at the same point on any machine.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

# seconds a recognizer may spend on an article: a fixed part plus a part per character;
# ordinary news runs at about 100 µs per 1,000 characters per recognizer, 50 times under this
BASE_SECONDS = 2.0
SECONDS_PER_CHAR = 5e-6

clock = time.perf_counter

_deadline: ContextVar[float | None] = ContextVar("extractor_regex_deadline", default=None)


class GuardTimeout(TimeoutError):
    """A recognizer ran past its deadline."""


def budget_for(length: int) -> float:
    """Seconds one recognizer may take over a text of ``length`` characters."""
    return BASE_SECONDS + SECONDS_PER_CHAR * length


def warning(what: str, length: int, consequence: str) -> str:
    """The record warning of a stage that ran out of its budget on a text of ``length`` characters."""
    return f"time guard: {what} stopped after {budget_for(length):.1f} s on {length} characters; {consequence}"


def run_stage(warnings: list[str], length: int, what: str, consequence: str, strict: bool, work, *args, budget=None):
    """``(True, work(*args))`` under the time guard for a text of ``length`` characters, or
    ``(False, None)`` with a line added to ``warnings``: when the guard fires (pathological
    input: a finding about the text, not a bug, so even ``strict`` does not raise) or when
    ``work`` fails (one failing stage must not cost the article its other fields; ``strict``,
    as in the test suite, raises instead so that a bug cannot hide as a warning). ``budget``:
    seconds instead of the length's own budget."""
    deadline = start(length, budget)
    try:
        return True, work(*args)
    except TimeoutError:
        warnings.append(warning(what, length, consequence))
    except Exception as error:  # noqa: BLE001
        if strict:
            raise
        warnings.append(f"{what} failed: {type(error).__name__}: {error}")
    finally:
        stop(deadline)
    return False, None


def start(length: int, budget: float | None = None):
    """Open a deadline for one recognizer run; returns the token to pass to ``stop``."""
    return _deadline.set(clock() + (budget_for(length) if budget is None else budget))


def stop(token) -> None:
    _deadline.reset(token)


def remaining() -> float | None:
    """Seconds left before the deadline (``None`` outside a guarded run: no limit).

    Raises ``GuardTimeout`` when the deadline has passed, so that a loop of many short scans
    also stops.
    """
    deadline = _deadline.get()
    if deadline is None:
        return None
    left = deadline - clock()
    if left <= 0:
        raise GuardTimeout("deadline passed")
    return left


def check() -> None:
    """Raise ``GuardTimeout`` when the deadline has passed (for loops of non-``regex`` work)."""
    remaining()
