"""Officials: where an article names a person: fuller forms, further mentions, headlines.

``collect_mentions`` widens each written form over the name words around it ("Prabowo" ->
"Prabowo Subianto") and adds every further whole-word mention, short names included ("Ali");
``full_name_elsewhere`` finds the full name a lone word after a title belongs to.
"""

from __future__ import annotations

import bisect

import regex

from extractor import guards, names
from extractor.article import Article, merge_ranges
from extractor.names import tokenize
from extractor.fields.base import Candidate, resolve_overlaps
from extractor.fields.officials.heads import head_word_parts, head_words, lexicons, norm
from extractor.fields.officials.person import Person, name_key
from extractor.fields.officials.wordclass import phrase_at, word_class
from extractor.fields.officials.words import plausible_left_name, used_as_place

_HEADLINE_MAX = 240  # characters
_NAME_WORD = r"\p{Lu}[\p{Ll}'’]+"
_GAP = regex.compile(r"[ \t]+")
_AREA_WORDS = r"\b(?:kecamatan|kelurahan|desa|kampung|dusun|provinsi|kabupaten|kota|negara|wilayah|daerah)"


def is_headline(article: Article, offset: int) -> bool:
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


def _fuller_form(article: Article, start: int, end: int, not_names: frozenset[int]) -> tuple[int, int]:
    """Widen a name occurrence over the name words around it ("Prabowo" -> "Prabowo Subianto")."""
    text = article.text
    toks = tokenize(text, start, min(len(text), end + 80), not_names)
    right = names.name_run(toks, 0)
    new_end = toks[right - 1].end if right > 0 else end
    new_end = max(new_end, end)
    before = tokenize(text, max(0, start - 60), start, not_names)
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
        if not names.is_name_word(tok) or tok.text.lower() in lex.org_words or phrase_at(before, i - 1) or word_class(tok):
            break  # ("pada Kemenakertrans Jamaluddien": an office's body, no word of the name)
        if tok.text.lower() in lex.non_official:
            break  # "Tersangka Rudi Erawan": a role, no word of the name
        if i >= 2 and before[i - 2].text.lower().rstrip(".") in ("ibu", "bu", "ny", "nyonya"):
            break  # "Ibu Norma Ahmad Lamani": a wife called by her husband's name is not him
        if norm(tok.text) in head_words() or names.is_honorific(tok):
            break
        # only a given name or an initial widens a name to the left ("M Ali Kuncoro"), and not
        # the last word of a place ("Sulawesi Tenggara Andi ...")
        known = len(tok.text) == 1 or tok.text.lower() in names.given_names() or tok.text.lower() in names.muhammad_forms()
        if not known and (tok.start <= sent_start or norm(tok.text.split("-")[0]) in head_word_parts()):
            break  # "juru Bicara Gibran": a word of a title written in mixed case
        if i >= 2 and before[i - 2].capitalised and not names.is_honorific(before[i - 2]):
            break
        if not known and i >= 2 and (before[i - 2].text.lower() in ("di", "ke", "dari", "asal")
                                     or before[i - 2].text == "/" and not tok.space_before):
            break  # "Dubes RI di Kairo Helmy Fauzi": a place after "di", no word of the name
        i -= 1
    new_start = before[i].start if i < len(before) else start
    return new_start, new_end


def full_name_elsewhere(article: Article, word: str, at: int, known: dict[str, list | None],
                        not_names: frozenset[int]) -> tuple[int, int] | None:
    """A plausible two-to-four word name holding ``word`` written elsewhere in the article (not
    the one at offset ``at``).

    ``known``: the names found so far for each word in this article: the text is scanned once
    per word, not once per mention (which took quadratic time on long texts).
    """
    if word not in known:
        known[word] = _names_holding(article, word, not_names)
    for start, end, span in known[word] or ():
        if not start <= at < end:
            return span
    return None


def _names_holding(article: Article, word: str, not_names: frozenset[int]) -> list[tuple[int, int, tuple[int, int]]] | None:
    """The first two plausible names holding ``word`` (the range matched, the name span), in
    text order; None when the article writes the word as a place. One of them at most holds any
    given offset (matches do not overlap), so two answer ``full_name_elsewhere`` for any."""
    text = article.text
    area = rf"(?i:{_AREA_WORDS})[ \t]+{regex.escape(word)}(?![\p{{L}}])"
    if used_as_place(text, word) or regex.search(area, text, timeout=guards.remaining()):
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
        if plausible_left_name(text, span, not_names, sent_start) and not any(
            t.text.lower() in head_word_parts() for t in tokenize(text, *span)
        ):
            found.append((m.start(), m.end(), span))
            if len(found) == 2:
                break
    return found


def collect_mentions(article: Article, person: Person, people: list[Person], not_names: frozenset[int]) -> None:
    """Add the fuller written forms and the short-name mentions of ``person`` (``not_names``: see
    ``names.not_name_starts``)."""
    text = article.text
    others = [p for p in people if p is not person]
    surfaces = sorted({form for form, _, _ in person.forms}, key=len, reverse=True)
    for start, end in _occurrences(text, surfaces):
        if article.is_excluded(start, end) or is_headline(article, start):
            continue
        s, e = _fuller_form(article, start, end, not_names)
        form = text[s:e]
        key = name_key(form)
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

