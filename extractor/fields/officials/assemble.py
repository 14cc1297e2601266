"""Officials: one Official per person from the findings (``assemble``).

Mentions of one person (full name, short name, Muhammad forms, declared aliases, spelling
variants) are merged; positions given to "ia"/"pria yang juga"/"... itu" go to the person the
sentences before are about.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from extractor import guards, names
from extractor.article import Article, merge_ranges
from extractor.names import Tok, tokenize
from extractor.fields.base import Candidate, provenance, resolve_overlaps
from extractor.fields.officials.lexicon import (
    _ALIAS_AFTER,
    _ALIAS_BEFORE,
    _AREA_WORDS,
    _GAP,
    _HEADLINE_MAX,
    _NAME_WORD,
    _SPEAKER,
    _head_word_parts,
    _head_words,
    _name_key,
    _norm,
    _phrase_at,
    _word_class,
    lexicons,
)
from extractor.fields.officials.merge import merge_spelling_variants, preferred_spelling
from extractor.fields.officials.words import _plausible_left_name, _plausible_name, _used_as_place
from schemas import Mention, Official


def _is_headline(article: Article, offset: int) -> bool:
    """A title-case line (headline, photo caption): names there run into the next words."""
    start, end = article.paragraph_span(offset)
    if end - start > _HEADLINE_MAX:
        return False  # headlines and captions are short; and a long paragraph is not re-read per name
    line = article.text[start:end].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4 or line.endswith((".", '"', "”")):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    if capitalised / len(words) < 0.75:
        return False
    # a sentence listing titled people ("hadir Sekda ... Dr. Hj. Budi, M.Si, Kepala BKD Dra. Rina"):
    # degrees, or several long words in lower case, which title case leaves to short words only
    long_lower = sum(1 for w in words if w[0].islower() and len(w) >= 6)
    return long_lower < 3 and not any(names.is_degree(t) for t in tokenize(line) if "." in t.text)


@dataclass
class _Person:
    forms: list[tuple[str, int, int]] = field(default_factory=list)  # name text, start, end
    positions: list[tuple[str, int, int]] = field(default_factory=list)
    acting: str | None = None
    keys: set[tuple[str, ...]] = field(default_factory=set)
    aliases: set[tuple[str, ...]] = field(default_factory=set)
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    mention_starts: list[int] = field(default_factory=list)  # sorted starts of ``mentions``

    def add_form(self, text: str, start: int, end: int) -> None:
        self.forms.append((text, start, end))
        self.keys.add(_name_key(text))
        self.add_mention(text, start, end)

    def add_mention(self, text: str, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            bisect.insort(self.mention_starts, start)
        self.mentions[(start, end)] = text

    def last_mention_before(self, at: int) -> int:
        """Start of the last mention at or before ``at`` (-1 when none): a look-up, where a
        scan over every mention took quadratic time on long texts."""
        index = bisect.bisect_right(self.mention_starts, at) - 1
        return self.mention_starts[index] if index >= 0 else -1

    def add_position(self, text: str, start: int, end: int, acting: str | None) -> None:
        self.positions.append((text.strip(" ,"), start, end))
        self.acting = self.acting or acting

    @property
    def first(self) -> int:
        return min(start for start, _ in self.mentions) if self.mentions else 0

    def matches(self, key: tuple[str, ...]) -> bool:
        return any(names.same_person(key, known) for known in self.keys)


def _fuller_form(article: Article, start: int, end: int) -> tuple[int, int]:
    """Widen a name occurrence over the name words around it ("Prabowo" -> "Prabowo Subianto")."""
    text = article.text
    toks = tokenize(text, start, min(len(text), end + 80))
    right = names.name_run(toks, 0)
    new_end = toks[right - 1].end if right > 0 else end
    new_end = max(new_end, end)
    before = tokenize(text, max(0, start - 60), start)
    i = len(before)
    sent_start = article.sentence_span(start)[0]
    lex = lexicons()
    while i > 0 and len(before) - i < 3:
        tok = before[i - 1]
        following = before[i] if i < len(before) else None
        if following is not None and not following.space_before:
            break
        gap = text[tok.end : following.start if following is not None else start]
        if "\n" in gap or "\r" in gap:
            break  # a name never runs across a line break
        if not names.is_name_word(tok) or tok.text.lower() in lex.org_words or _phrase_at(before, i - 1) or _word_class(tok):
            break  # ("pada Kemenakertrans Jamaluddien": an office's body, no word of the name)
        if tok.text.lower() in lex.non_official:
            break  # "Tersangka Rudi Erawan": a role, no word of the name
        if i >= 2 and before[i - 2].text.lower().rstrip(".") in ("ibu", "bu", "ny", "nyonya"):
            break  # "Ibu Norma Ahmad Lamani": a wife called by her husband's name is not him
        if _norm(tok.text) in _head_words() or names.is_honorific(tok):
            break
        # only a given name or an initial widens a name to the left ("M Ali Kuncoro"), and not
        # the last word of a place ("Sulawesi Tenggara Andi ...")
        known = len(tok.text) == 1 or tok.text.lower() in names.given_names() or tok.text.lower() in names.muhammad_forms()
        if not known and (tok.start <= sent_start or _norm(tok.text.split("-")[0]) in _head_word_parts()):
            break  # "juru Bicara Gibran": a word of a title written in mixed case
        if i >= 2 and before[i - 2].capitalised and not names.is_honorific(before[i - 2]):
            break
        if not known and i >= 2 and (before[i - 2].text.lower() in ("di", "ke", "dari", "asal")
                                     or before[i - 2].text == "/" and not tok.space_before):
            break  # "Dubes RI di Kairo Helmy Fauzi": a place after "di", no word of the name
        i -= 1
    new_start = before[i].start if i < len(before) else start
    return new_start, new_end


def _last_speaker(article: Article, before: int, first_sentence: int) -> tuple[int, int] | None:
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
        toks = tokenize(text, m.start("name"), m.end("name"))
        if all(names.is_name_word(t) for t in toks) and _plausible_name(toks) and not _phrase_at(toks, 0):
            found = (m.start("name"), m.end("name"))
    return found


def assemble(candidates: list[Candidate], article: Article) -> list[Official]:
    text = article.text
    people: list[_Person] = []
    corefs: list[Candidate] = []
    weak: list[Candidate] = []  # lone words after a bare place head, kept only for known people
    tentative: list[_Person] = []
    names_by_word: dict[str, list | None] = {}  # for _full_name_elsewhere

    def person_for(key: tuple[str, ...], at: int) -> _Person | None:
        matching = [p for p in people if p.matches(key)]
        if not matching:
            return None
        # the person mentioned last before this point
        return max(matching, key=lambda p: p.last_mention_before(at))

    for cand in sorted(candidates, key=lambda c: c.start):
        attrs = cand.attrs
        if attrs["kind"] in ("coref", "demonstrative"):
            corefs.append(cand)
            continue
        s, e = attrs["name_span"]
        key = _name_key(text[s:e])
        if not key:
            continue
        person = person_for(key, s)
        if person is None and attrs["kind"] == "weak" or attrs["kind"] == "spokesperson":
            weak.append(cand)
            continue
        if person is not None and attrs["kind"] == "weak" and _title_opens_name(person, attrs["position"]):
            continue
        if person is None:
            person = _Person()
            people.append(person)
        person.add_form(text[s:e], s, e)
        ps, pe = attrs["position_span"]
        person.add_position(attrs["position"], ps, pe, attrs.get("acting"))

    for cand in weak:
        s, e = cand.attrs["name_span"]
        person = person_for(_name_key(text[s:e]), s)
        if cand.attrs["kind"] == "spokesperson":
            # the spokesperson of an official holds a post; of a private person not
            fs, fe = cand.attrs["for_span"]
            if person_for(_name_key(text[fs:fe]), fs) is None:
                continue
            if person is None:
                person = _Person()
                people.append(person)
        if person is None and cand.attrs["kind"] == "weak" and e - s > 2 and cand.attrs["position"][0].isupper():
            # "Gubernur Sunarjo ... Ahmad Sunarjo mengatakan": the lone word is part of a name
            # the article writes in full elsewhere (a title in lower case stands before no name)
            full = _full_name_elsewhere(article, text[s:e], s, names_by_word)
            if full is not None:
                person = _Person()
                people.append(person)
                person.add_form(text[full[0] : full[1]], *full)
        if person is None and cand.attrs["kind"] == "weak":
            # "Gubernur Aher": kept only if it merges into a named person by a known alias
            person = _Person()
            tentative.append(person)
        if person is not None and _title_opens_name(person, cand.attrs["position"]):
            continue
        if person is not None:
            person.add_form(text[s:e], s, e)
            person.add_position(cand.attrs["position"], *cand.attrs["position_span"], cand.attrs.get("acting"))
    _declared_aliases(article, people)
    # tentative people come last, so an alias merges them into an earlier, named person
    tentative_ids = {id(t) for t in tentative}
    people = [p for p in _merge_aliases(people + tentative) if id(p) not in tentative_ids]
    people = merge_spelling_variants(people)  # "Khofifah" and "Kofifah Indar Parawansa"
    # fuller forms and further mentions of each name in the text
    for person in people:
        _collect_mentions(article, person, people)

    # "pria yang juga Sekretaris DPRD Jatim": the person talked about just before
    for cand in corefs:
        ps, pe = cand.attrs["position_span"]
        sentence = article.sentence_index(ps)
        best, best_at = None, -1
        for person in people:
            for s, _ in person.mentions:
                if s < ps and article.sentence_index(s) >= sentence - 3 and s > best_at:
                    best, best_at = person, s
        if cand.attrs["kind"] == "demonstrative":
            # the last speaker named before it may be nearer than any known official
            speaker = _last_speaker(article, ps, sentence - 3)
            if speaker is not None and speaker[0] > best_at:
                s, e = speaker
                key = _name_key(text[s:e])
                best = next((p for p in people if p.matches(key)), None)
                if best is None:
                    best = _Person()
                    people.append(best)
                best.add_form(text[s:e], s, e)
        if best is None:
            # no official named before: the person the last sentences are about ("Budi Santoso tiba
            # ... Mantan Bupati Sleman itu ...", "Budi hadir. Ia merupakan Kepala Dinas ...")
            subject = _last_speaker(article, ps, sentence - 2) or _previous_subject(article, ps, sentence)
            if subject is not None:
                s, e = subject
                best = next((p for p in people if p.matches(_name_key(text[s:e]))), None)
                if best is None:
                    best = _Person()
                    people.append(best)
                best.add_form(text[s:e], s, e)
        if best is not None:
            best.add_position(cand.attrs["position"], ps, pe, cand.attrs.get("acting"))

    officials = []
    for person in sorted(people, key=lambda p: p.first):
        forms = sorted(person.forms, key=lambda f: (-len(_name_key(f[0])), f[1]))
        name = preferred_spelling([f[0] for f in forms], list(person.mentions.values()), _name_key)
        variants = []
        for form, _, _ in sorted(person.forms, key=lambda f: f[1]):
            if form != name and form not in variants:
                variants.append(form)
        positions: list[str] = []
        seen: set[str] = set()
        for position, _, _ in sorted(person.positions, key=lambda p: p[1]):
            if _norm(position) not in seen:
                seen.add(_norm(position))
                positions.append(position)
        officials.append(
            Official(
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
        )
    return officials


def _previous_subject(article: Article, at: int, sentence: int) -> tuple[int, int] | None:
    """The name opening this sentence or one of the two before it (the latest), read before ``at``:
    a full name, or a known given name alone."""
    text = article.text
    for index in range(sentence, max(-1, sentence - 3), -1):
        start, end = article.sentences[index] if index < len(article.sentences) else (0, 0)
        if start >= at:
            continue
        toks = tokenize(text, start, min(end, at, start + 80))
        k = names._skip_titles(toks, 0)
        stop = names.name_run(toks, k)
        if stop == k or stop - k < 2 and toks[k].text.lower() not in names.given_names():
            continue
        if stop < len(toks) and toks[stop].capitalised or not _plausible_left_name(text, (toks[k].start, toks[stop - 1].end)):
            continue
        return toks[k].start, toks[stop - 1].end
    return None


def _title_opens_name(person: _Person, position: str) -> bool:
    """"Ratu Tisha Destria ... Ratu Tisha": a bare title word that opens the person's own name."""
    return any(form.split()[0] == position for form, _, _ in person.forms)


def _full_name_elsewhere(article: Article, word: str, at: int, known: dict[str, list | None]) -> tuple[int, int] | None:
    """A plausible two-to-four word name holding ``word`` written elsewhere in the article (not
    the one at offset ``at``).

    ``known``: the names found so far for each word in this article: the text is scanned once
    per word, not once per mention (which took quadratic time on long texts).
    """
    if word not in known:
        known[word] = _names_holding(article, word)
    for start, end, span in known[word] or ():
        if not start <= at < end:
            return span
    return None


def _names_holding(article: Article, word: str) -> list[tuple[int, int, tuple[int, int]]] | None:
    """The first two plausible names holding ``word`` (the range matched, the name span), in
    text order; None when the article writes the word as a place. One of them at most holds any
    given offset (matches do not overlap), so two answer ``_full_name_elsewhere`` for any."""
    text = article.text
    area = rf"(?i:{_AREA_WORDS})[ \t]+{regex.escape(word)}(?![\p{{L}}])"
    if _used_as_place(text, word) or regex.search(area, text, timeout=guards.remaining()):
        return None  # "Kecamatan Purwodadi", "di Lisabon": the word names a place
    pattern = regex.compile(
        rf"(?<![\p{{L}}.])(?:{_NAME_WORD}[ \t]+){{0,3}}{regex.escape(word)}(?:[ \t]+{_NAME_WORD}){{0,3}}(?![\p{{L}}])"
    )
    found = []
    for m in pattern.finditer(text, timeout=guards.remaining()):
        if m.group() == word:
            continue
        span = m.span()
        sent_start = article.sentence_span(span[0])[0]
        if span[0] == sent_start and not m.group().startswith(word):
            # a sentence's first word is capitalised anyway ("Menurut Ahmad Sunarjo")
            span = (_GAP.search(text, span[0], span[1]).end(), span[1])
        if text[span[0] : span[1]] == word:
            continue
        if _plausible_left_name(text, span, sent_start) and not any(
            t.text.lower() in _head_word_parts() for t in tokenize(text, *span)
        ):
            found.append((m.start(), m.end(), span))
            if len(found) == 2:
                break
    return found


def _declared_aliases(article: Article, people: list[_Person]) -> None:
    text = article.text
    for person in people:
        for form, s, e in list(person.forms):
            m = _ALIAS_AFTER.match(text, e)
            if m and not names.is_honorific(Tok(m.group("alias").split()[0], 0, 0, "word", True)) or m and " " in m.group("alias"):
                person.aliases.add(_name_key(m.group("alias")))
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
                    person.aliases.add(_name_key(before.group("alias")))


def _merge_aliases(people: list[_Person]) -> list[_Person]:
    """One person for "Jokowi" and "Joko Widodo" when the article names both."""
    table = lexicons().aliases
    alias_forms = set(table.values())  # (``in`` on a dict's values view reads every value)

    def names_of(person: _Person) -> set[tuple[str, ...]]:
        return person.keys | person.aliases | {table[k] for k in person.keys if k in table}

    merged: list[_Person] = []
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


def _collect_mentions(article: Article, person: _Person, people: list[_Person]) -> None:
    """Add the fuller written forms and the short-name mentions of ``person``."""
    text = article.text
    others = [p for p in people if p is not person]
    surfaces = sorted({form for form, _, _ in person.forms}, key=len, reverse=True)
    for start, end in _occurrences(text, surfaces):
        if article.is_excluded(start, end) or _is_headline(article, start):
            continue
        s, e = _fuller_form(article, start, end)
        form = text[s:e]
        key = _name_key(form)
        if (s, e) != (start, end) and len(key) <= 5 and not any(o.matches(key) for o in others):
            person.add_form(form, s, e)
        else:
            person.add_mention(text[start:end], start, end)
    # short name: a single word of the name used alone ("Ali", "Tito")
    own = {w for key in person.keys for w in key if len(w) >= 3}
    shared = {w for o in others for key in o.keys for w in key}
    words = []
    for form, _, _ in person.forms:
        for word in regex.findall(r"\p{L}[\p{L}'’]+", form):
            if word.lower() in own and word.lower() not in shared and word not in words and word.lower() not in names.stopwords():
                words.append(word)
    known = merge_ranges(list(person.mentions))
    known_starts = [s for s, _ in known]
    for start, end in _occurrences(text, words):
        if article.is_excluded(start, end) or text[start - 1 : start] == ".":
            continue
        at = bisect.bisect_right(known_starts, start) - 1
        if at >= 0 and end <= known[at][1]:
            continue  # inside a mention already known
        person.add_mention(text[start:end], start, end)


def _occurrences(text: str, surfaces: list[str]):
    """Whole-word occurrences of each surface (longest first, no overlaps)."""
    found = []
    for surface in surfaces:
        guards.check()
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                found.append(Candidate(at, end, surface))
            at = text.find(surface, at + 1)
    return [(c.start, c.end) for c in resolve_overlaps(found)]  # longest first, no overlaps
