"""Officials: the person a position without a name refers to.

Positions given to "ia", "pria yang juga ..." or "... itu" go to the person the sentences
before are about: the official mentioned last (up to three sentences back), the last speaker
("kata Yuke"), or the name opening one of the last sentences.
"""

from __future__ import annotations

import regex

from extractor import guards, lexicon, names
from extractor.article import Article
from extractor.names import tokenize
from extractor.fields.base import Candidate
from extractor.fields.officials.person import Person, name_key
from extractor.fields.officials.wordclass import phrase_at
from extractor.fields.officials.words import plausible_left_name, plausible_name

# "kata Yuke", "ujar Budi Santoso", ", Yuke mendorong ...": who is speaking or acting
_SPEAKER = regex.compile(
    rf"(?:\b{lexicon.alternation(lexicon.words('officials/speech_verbs'))}[ \t]+|(?:(?<![^\r\n])|[,.;:!?][ \t]+))"
    r"(?P<name>\p{Lu}[\p{L}'’]+(?:[ \t]+\p{Lu}[\p{L}'’]+){0,3})"
    r"(?=[ \t]*[,.]|[ \t]+(?:me\p{L}+|kepada|saat|ketika|di|dalam)\b)"
)  # (?<![^\r\n]): a line start, after a CR as after an LF (MULTILINE's ^ knows LF only)


def give_references(references: list[Candidate], people: list[Person], article: Article, not_names: frozenset[int]) -> None:
    """Give each position without a name (kind coref or demonstrative) to the person it refers
    to, a new person where that is someone no position named. ``not_names``: see
    ``names.not_name_starts``."""
    for cand in references:
        ps, pe = cand.attrs["position_span"]
        person = _referent(cand, people, article, not_names)
        if person is not None:
            person.add_position(cand.attrs["position"], ps, pe, cand.attrs.get("acting"))


def _referent(cand: Candidate, people: list[Person], article: Article, not_names: frozenset[int]) -> Person | None:
    ps = cand.attrs["position_span"][0]
    sentence = article.sentence_index(ps)
    # "pria yang juga Sekretaris DPRD Jatim": the person talked about just before
    best, best_at = None, -1
    for person in people:
        for s, _ in person.mentions:
            if s < ps and article.sentence_index(s) >= sentence - 3 and s > best_at:
                best, best_at = person, s
    if cand.attrs["kind"] == "demonstrative":
        # the last speaker named before it may be nearer than any known official
        speaker = _last_speaker(article, ps, sentence - 3, not_names)
        if speaker is not None and speaker[0] > best_at:
            best = _person_named(people, article.text, *speaker)
    if best is None:
        # no official named before: the person the last sentences are about ("Budi Santoso tiba
        # ... Mantan Bupati Sleman itu ...", "Budi hadir. Ia merupakan Kepala Dinas ...")
        subject = _last_speaker(article, ps, sentence - 2, not_names) or _previous_subject(article, ps, sentence, not_names)
        if subject is not None:
            best = _person_named(people, article.text, *subject)
    return best


def _person_named(people: list[Person], text: str, s: int, e: int) -> Person:
    """The person named ``text[s:e]`` (a new one in ``people`` if none), with that form."""
    key = name_key(text[s:e])
    person = next((p for p in people if p.matches(key)), None)
    if person is None:
        person = Person()
        people.append(person)
    person.add_form(text[s:e], s, e)
    return person


def _last_speaker(article: Article, before: int, first_sentence: int, not_names: frozenset[int]) -> tuple[int, int] | None:
    """The span of the last plausible personal name speaking before ``before``, no further back
    than sentence ``first_sentence``."""
    text = article.text
    start = article.sentence_span(before)[0]
    for _ in range(3):
        if start <= 0 or article.sentence_index(start - 1) < first_sentence:
            break
        start = article.sentence_span(start - 1)[0]
    found = None
    for m in _SPEAKER.finditer(text, start, before, timeout=guards.remaining()):
        toks = tokenize(text, m.start("name"), m.end("name"), not_names)
        if all(names.is_name_word(t) for t in toks) and plausible_name(toks) and not phrase_at(toks, 0):
            found = (m.start("name"), m.end("name"))
    return found


def _previous_subject(article: Article, at: int, sentence: int, not_names: frozenset[int]) -> tuple[int, int] | None:
    """The name opening this sentence or one of the two before it (the latest), read before ``at``:
    a full name, or a known given name alone."""
    text = article.text
    for index in range(sentence, max(-1, sentence - 3), -1):
        start, end = article.sentences[index] if index < len(article.sentences) else (0, 0)
        if start >= at:
            continue
        toks = tokenize(text, start, min(end, at, start + 80), not_names)
        k = names.skip_titles(toks, 0)
        stop = names.name_run(toks, k)
        if stop == k or stop - k < 2 and toks[k].text.lower() not in names.given_names():
            continue
        if stop < len(toks) and toks[stop].capitalised or not plausible_left_name(text, (toks[k].start, toks[stop - 1].end), not_names):
            continue
        return toks[k].start, toks[stop - 1].end
    return None

