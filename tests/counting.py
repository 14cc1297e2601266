"""Work and guard counts that read no clock (see tests/test_pathological.py).

``RegexWork`` wraps the compiled patterns the extractor modules hold and adds up the characters
each call hands to the pattern engine: the window of a scan (``search``, ``finditer``, ...,
from ``pos`` to ``endpos``), or one plus the length of the match for an anchored ``match``
(its work starts where it is anchored and ends where the match ends). That is the work of a
linear pattern, so a recognizer that searches the whole text once per item, or scans a
window that grows with the text for every hit, shows up as a count that grows faster than the
text. What it cannot see is backtracking inside one call: that is excluded by construction
(numbers are atomic, ``tests/test_scan.py``) and timed by ``benchmarks/pathological.py``.

``Ticks`` is a clock for ``extractor.guards`` that advances by one each time the guard is
consulted: a budget of K "seconds" is then K consultations, and the guard fires at the same
point on any machine, however loaded.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from typing import Any

import regex

# every module of the extractor package and its subpackages (fields, figure keys) but these
_SKIPPED = {"__main__", "cli", "show", "frames", "html_input", "batch", "backends"}
_PATTERN_TYPES = (regex.Pattern, re.Pattern)
_SCANS = ("search", "finditer", "findall", "fullmatch", "split", "scanner")


def _window(string: Any, args: tuple, kwargs: dict) -> int:
    length = len(string) if isinstance(string, str) else 0
    pos = kwargs.get("pos", args[0] if args else None) or 0
    endpos = kwargs.get("endpos", args[1] if len(args) > 1 else None)
    endpos = length if endpos is None or endpos > length else endpos
    pos = min(max(pos, 0), length)
    return max(endpos - pos, 0) + 1


class CountedPattern:
    """A compiled pattern that adds its calls' work to a shared ``RegexWork``; ``isinstance``
    still sees the pattern's own type (the cued scan checks for a ``regex`` pattern)."""

    def __init__(self, pattern: Any, work: RegexWork):
        self._pattern = pattern
        self._work = work

    @property
    def __class__(self):  # noqa: D105
        return type(self._pattern)

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._pattern, name)
        if name in _SCANS:

            def scan(string, *args, **kwargs):
                self._work.units += _window(string, args, kwargs)
                return attribute(string, *args, **kwargs)

            return scan
        if name in ("sub", "subn"):

            def substitute(repl, string, *args, **kwargs):
                self._work.units += len(string) + 1
                return attribute(repl, string, *args, **kwargs)

            return substitute
        if name == "match":

            def match(string, *args, **kwargs):
                found = attribute(string, *args, **kwargs)
                self._work.units += 1 + (found.end() - found.start() if found is not None else 0)
                return found

            return match
        return attribute


class RegexWork:
    """Counts the pattern work of the extractor while installed (``install(monkeypatch)``)."""

    def __init__(self):
        self.units = 0

    def install(self, monkeypatch) -> RegexWork:
        for owner, name, value in held_patterns():
            if isinstance(value, tuple):
                wrapped = tuple(CountedPattern(v, self) if isinstance(v, _PATTERN_TYPES) else v for v in value)
                monkeypatch.setattr(owner, name, wrapped)
            else:
                monkeypatch.setattr(owner, name, CountedPattern(value, self))
        return self

    def measure(self, run, *args, **kwargs) -> tuple[int, Any]:
        """(units of work, result) of ``run(*args, **kwargs)``."""
        before = self.units
        result = run(*args, **kwargs)
        return self.units - before, result


def held_patterns():
    """(owner, attribute, pattern or tuple of patterns) for every compiled pattern held by an
    extractor module, a class defined in it, or a ``scan.Cue`` in either."""
    import extractor
    from extractor import scan

    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(extractor.__path__, "extractor.")
        if not info.ispkg and not _SKIPPED & set(info.name.split("."))
    ]
    owners: list[Any] = []
    for module in modules:
        owners.append(module)
        owners += [v for v in vars(module).values() if inspect.isclass(v) and v.__module__ == module.__name__]
    seen: set[int] = set()
    for owner in list(owners):
        for value in list(vars(owner).values()):
            if isinstance(value, scan.Cue) and id(value) not in seen and hasattr(value, "pattern"):
                seen.add(id(value))
                owners.append(value)
    for owner in owners:
        for name, value in list(vars(owner).items()):
            if isinstance(value, _PATTERN_TYPES) or (
                isinstance(value, tuple) and value and any(isinstance(v, _PATTERN_TYPES) for v in value)
            ):
                yield owner, name, value


class Ticks:
    """A clock for the time guard that reads no time: each reading advances it by one."""

    def __init__(self):
        self.readings = 0

    def __call__(self) -> float:
        self.readings += 1
        return float(self.readings)


def use_ticks(monkeypatch, budget: int) -> Ticks:
    """The guard's clock becomes a count of its consultations, and each stage's budget is
    ``budget`` consultations (its opening reading included)."""
    from extractor import guards

    ticks = Ticks()
    monkeypatch.setattr(guards, "clock", ticks)
    monkeypatch.setattr(guards, "BASE_SECONDS", float(budget))
    monkeypatch.setattr(guards, "SECONDS_PER_CHAR", 0.0)
    return ticks

