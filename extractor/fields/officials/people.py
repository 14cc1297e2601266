"""Officials: one Official per person from the findings (``assemble``).

Mentions of one person (full name, short name, Muhammad forms, declared aliases, spelling
variants) are merged into one Official whose name is the fullest form the article uses;
positions given to "ia"/"pria yang juga"/"... itu" go to the person the sentences before are
about (``references``).
"""

from __future__ import annotations

from extractor.article import Article
from extractor.fields.base import Candidate, provenance
from extractor.fields.officials.aliases import declared_aliases, merge_aliases
from extractor.fields.officials.heads import norm
from extractor.fields.officials.mentions import collect_mentions, full_name_elsewhere
from extractor.fields.officials.person import Person, name_key
from extractor.fields.officials.references import give_references
from extractor.fields.officials.spelling import merge_spelling_variants, preferred_spelling
from schemas import Mention, Official


def assemble(candidates: list[Candidate], article: Article) -> list[Official]:
    """One Official per person the candidates name, with every position and mention."""
    not_names = _not_name_starts(candidates)
    ordered = sorted(candidates, key=lambda c: c.start)
    references = [cand for cand in ordered if cand.attrs["kind"] in ("coref", "demonstrative")]
    people, weak = _named_people(ordered, article.text)
    tentative = _add_weak(weak, people, article, not_names)
    declared_aliases(article, people)
    # tentative people come last, so an alias merges them into an earlier, named person
    tentative_ids = {id(t) for t in tentative}
    people = [p for p in merge_aliases(people + tentative) if id(p) not in tentative_ids]
    people = merge_spelling_variants(people)  # "Khofifah" and "Kofifah Indar Parawansa"
    # fuller forms and further mentions of each name in the text
    for person in people:
        collect_mentions(article, person, people, not_names)
    give_references(references, people, article, not_names)
    return [_official(person, article) for person in sorted(people, key=lambda p: p.first)]


def _not_name_starts(candidates: list[Candidate]) -> frozenset[int]:
    """The article's words a POS tagger says are no name words, as the recognizer read them
    (``names.not_name_starts``): every candidate carries the same set."""
    return next((cand.attrs["not_name_starts"] for cand in candidates if "not_name_starts" in cand.attrs), frozenset())


def _person_for(people: list[Person], key: tuple[str, ...], at: int) -> Person | None:
    """The person ``key`` names, of those mentioned last before ``at``; None for a new name."""
    matching = [p for p in people if p.matches(key)]
    if not matching:
        return None
    # the person mentioned last before this point
    return max(matching, key=lambda p: p.last_mention_before(at))


def _named_people(ordered: list[Candidate], text: str) -> tuple[list[Person], list[Candidate]]:
    """The people the candidates name with confidence, and the weak candidates (a lone word
    after a bare place head, a spokesperson) left for ``_add_weak``."""
    people: list[Person] = []
    weak: list[Candidate] = []
    for cand in ordered:
        attrs = cand.attrs
        if attrs["kind"] in ("coref", "demonstrative"):
            continue
        s, e = attrs["name_span"]
        key = name_key(text[s:e])
        if not key:
            continue
        person = _person_for(people, key, s)
        if person is None and attrs["kind"] == "weak" or attrs["kind"] == "spokesperson":
            weak.append(cand)
            continue
        if person is not None and attrs["kind"] == "weak" and _title_opens_name(person, attrs["position"]):
            continue
        if person is None:
            person = Person()
            people.append(person)
        person.add_form(text[s:e], s, e)
        ps, pe = attrs["position_span"]
        person.add_position(attrs["position"], ps, pe, attrs.get("acting"))
    return people, weak


def _add_weak(weak: list[Candidate], people: list[Person], article: Article, not_names: frozenset[int]) -> list[Person]:
    """Add the weak candidates to the people they name; return the tentative people (kept only
    where an alias merges them into a named person)."""
    text = article.text
    tentative: list[Person] = []
    names_by_word: dict[str, list | None] = {}  # for full_name_elsewhere
    for cand in weak:
        s, e = cand.attrs["name_span"]
        person = _person_for(people, name_key(text[s:e]), s)
        if cand.attrs["kind"] == "spokesperson":
            # the spokesperson of an official holds a post; of a private person not
            fs, fe = cand.attrs["for_span"]
            if _person_for(people, name_key(text[fs:fe]), fs) is None:
                continue
            if person is None:
                person = Person()
                people.append(person)
        if person is None and cand.attrs["kind"] == "weak" and e - s > 2 and cand.attrs["position"][0].isupper():
            # "Gubernur Sunarjo ... Ahmad Sunarjo mengatakan": the lone word is part of a name
            # the article writes in full elsewhere (a title in lower case stands before no name)
            full = full_name_elsewhere(article, text[s:e], s, names_by_word, not_names)
            if full is not None:
                person = Person()
                people.append(person)
                person.add_form(text[full[0] : full[1]], *full)
        if person is None and cand.attrs["kind"] == "weak":
            # "Gubernur Aher": kept only if it merges into a named person by a known alias
            person = Person()
            tentative.append(person)
        if person is not None and _title_opens_name(person, cand.attrs["position"]):
            continue
        if person is not None:
            person.add_form(text[s:e], s, e)
            person.add_position(cand.attrs["position"], *cand.attrs["position_span"], cand.attrs.get("acting"))
    return tentative


def _title_opens_name(person: Person, position: str) -> bool:
    """"Ratu Tisha Destria ... Ratu Tisha": a bare title word that opens the person's own name."""
    return any(form.split()[0] == position for form, _, _ in person.forms)


def _official(person: Person, article: Article) -> Official:
    text = article.text
    forms = sorted(person.forms, key=lambda f: (-len(name_key(f[0])), f[1]))
    name = preferred_spelling([f[0] for f in forms], list(person.mentions.values()), name_key)
    variants = []
    for form, _, _ in sorted(person.forms, key=lambda f: f[1]):
        if form != name and form not in variants:
            variants.append(form)
    positions: list[str] = []
    seen: set[str] = set()
    for position, _, _ in sorted(person.positions, key=lambda p: p[1]):
        if norm(position) not in seen:
            seen.add(norm(position))
            positions.append(position)
    return Official(
        name=name,
        positions=positions,
        mentions=[Mention(text=t, **provenance(article, s, e)) for (s, e), t in sorted(person.mentions.items())],
        position_mentions=[
            Mention(text=text[s:e], **provenance(article, s, e))
            for s, e in sorted({(s, e) for _, s, e in person.positions})
        ],
        name_variants=variants,
        acting=person.acting,
    )
