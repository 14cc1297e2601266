"""Officials: one person for a name and its alias ("Jokowi" and "Joko Widodo").

Aliases come from the article ("Ahmad Heryawan (Aher)", "Ali yang akrab disapa Mas Pj") and
from the alias table of the lexicon.
"""

from __future__ import annotations

import bisect
import functools

import regex

from extractor import guards, lexicon, names
from extractor.article import Article
from extractor.names import Tok
from extractor.fields.officials.person import Person, name_key

# "Immanuel Ebenezer atau Noel", "Ahmad Heryawan (Aher)", "Ali yang akrab disapa Mas Pj",
# "kata Soni sapaan karib Sumarsono"
_ALIAS_AFTER = regex.compile(
    r"[ \t]*(?:(?:atau|alias)[ \t]+|\([ \t]*(?=[^)]{1,30}\))|,?[ \t]*(?:yang[ \t]+)?(?:akrab|biasa)[ \t]+(?:di)?(?:sapa|panggil)(?:an)?[ \t]+)"
    r"(?P<alias>\p{Lu}[\p{L}'’]*(?:[ \t]+\p{Lu}[\p{L}'’]*)?)"
)
_ALIAS_BEFORE = regex.compile(r"(?P<alias>\p{Lu}[\p{L}'’]*),?[ \t]+sapaan[ \t]+(?:(?:akrab|karib)[ \t]+)?\Z")


@functools.cache
def _alias_table() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The lexicon's aliases, as name keys: alias -> the full name."""
    return {name_key(k): name_key(v) for k, v in lexicon.table("officials/aliases").items()}


def declared_aliases(article: Article, people: list[Person]) -> None:
    """The aliases the article declares for each person ("Immanuel Ebenezer atau Noel", "kata
    Soni sapaan karib Sumarsono")."""
    text = article.text
    for person in people:
        for form, s, e in list(person.forms):
            m = _ALIAS_AFTER.match(text, e)
            if m and not names.is_honorific(Tok(m.group("alias").split()[0], 0, 0, "word", True)) or m and " " in m.group("alias"):
                person.aliases.add(name_key(m.group("alias")))
        if "sapaan" not in text:
            continue  # the pattern below is compiled per name: only where the cue word occurs
        # the full form or one long word of it ("kata Melki, sapaan Melkiades")
        surfaces = {form for form, _, _ in person.forms}
        surfaces |= {w for form in list(surfaces) for w in form.split() if len(w) >= 4 and w[0].isupper()}
        for form in surfaces:
            pattern = r"sapaan[ \t]+(?:(?:akrab|karib)[ \t]+)?" + regex.escape(form) + r"(?![\p{L}])"
            for m in regex.finditer(pattern, text, timeout=guards.remaining()):
                before = _ALIAS_BEFORE.search(text, max(0, m.start() - 40), m.end() - len(form))
                if before:
                    person.aliases.add(name_key(before.group("alias")))


def merge_aliases(people: list[Person]) -> list[Person]:
    """One person for "Jokowi" and "Joko Widodo" when the article names both."""
    table = _alias_table()
    alias_forms = set(table.values())  # (``in`` on a dict's values view reads every value)

    def names_of(person: Person) -> set[tuple[str, ...]]:
        return person.keys | person.aliases | {table[k] for k in person.keys if k in table}

    merged: list[Person] = []
    merged_names: list[set[tuple[str, ...]]] = []  # names_of(merged[i]), renewed when someone joins it
    # people that a person without an alias of its own can merge into: those with an alias, or
    # a name the alias table leads to (indices into ``merged``, in order). Checking only these
    # keeps the merge linear on a long text with many names.
    alias_bearing: list[int] = []

    def bears_alias(index: int) -> bool:
        return bool(merged[index].aliases) or not merged_names[index].isdisjoint(alias_forms)

    for person in people:
        own = names_of(person)
        plain = not person.aliases and own.isdisjoint(alias_forms)
        for index in alias_bearing if plain else range(len(merged)):
            earlier = merged[index]
            theirs = merged_names[index]
            # (the set look-ups first: they rule out most pairs before the slower name comparison)
            if any((a in alias_forms or a in person.aliases or a in earlier.aliases or b in alias_forms) and names.same_person(a, b)
                   for a in own for b in theirs):
                for form in person.forms:
                    earlier.add_form(*form)
                earlier.positions.extend(person.positions)
                earlier.aliases |= person.aliases
                earlier.acting = earlier.acting or person.acting
                merged_names[index] = names_of(earlier)
                if bears_alias(index) and index not in alias_bearing:
                    bisect.insort(alias_bearing, index)
                break
        else:
            merged.append(person)
            merged_names.append(own)
            if bears_alias(len(merged) - 1):
                alias_bearing.append(len(merged) - 1)
    return merged

