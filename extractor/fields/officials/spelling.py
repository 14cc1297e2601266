"""Officials: one person for two spellings of one name in an article.

News copy misspells names it repeats ("Khofifah" and "Kofifah Indar Parawansa", "Achmad" and
"Ahmad"). Two people found by the officials recognizer are one when every word of the shorter
name is a word of the longer one, in order and contiguous, up to one letter left out or added
in a word of five letters or more. A letter changed for another is not enough ("Suharno" and
"Suharto" are two people).
"""

from __future__ import annotations

from extractor import guards

_MIN_LENGTH = 5  # shorter words differ by one letter too often to be one name


def one_letter_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter inserted or left out (long words only)."""
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) != 1 or len(b) < _MIN_LENGTH - 1 or len(a) < _MIN_LENGTH:
        return False
    for i in range(len(b)):
        if a[i] != b[i]:
            return a[i + 1 :] == b[i:]
    return True


def _words_match(a: str, b: str) -> bool:
    return a == b or one_letter_apart(a, b)


def spelled_alike(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` matches a contiguous part of ``longer`` word by word, with at least
    one word spelled differently (equal keys are merged elsewhere)."""
    if len(shorter) > len(longer) or not shorter:
        return False
    n = len(shorter)
    for k in range(len(longer) - n + 1):
        part = longer[k : k + n]
        if part != shorter and all(_words_match(x, y) for x, y in zip(part, shorter)):
            return True
    return False


def merge_spelling_variants(people: list) -> list:
    """``people`` (objects with ``keys``, ``forms``, ``positions``, ``aliases``, ``acting`` and
    ``add_form``), two spellings of one name merged into the earlier person."""
    merged: list = []
    for person in people:
        guards.check()
        target = None
        for earlier in merged:
            if any(
                spelled_alike(a, b) if len(a) >= len(b) else spelled_alike(b, a)
                for a in earlier.keys
                for b in person.keys
            ):
                target = earlier
                break
        if target is None:
            merged.append(person)
            continue
        for form in person.forms:
            target.add_form(*form)
        target.positions.extend(person.positions)
        target.aliases |= person.aliases
        target.acting = target.acting or person.acting
    return merged


def preferred_spelling(forms: list[str], written: list[str], key) -> str:
    """The person's name: the first of the fullest ``forms`` (fullest first, in text order),
    unless another spelling of that same name is written more often (``written``: every
    mention's text; ``key``: the name key function)."""
    name = forms[0]
    longest = len(key(name))
    for form in forms[1:]:
        if len(key(form)) < longest:
            break
        if spelled_alike(key(form), key(name)) and written.count(form) > written.count(name):
            name = form
    return name
