"""Officials: the head of a body "yang dipimpin/diketuai/dikepalai" someone (``led_bodies``)."""

from __future__ import annotations

import functools

import regex

from extractor import guards, lexicon, names
from extractor.article import Article
from extractor.names import tokenize
from extractor.fields.officials.finding import Finding
from extractor.fields.officials.heads import lexicons, norm
from extractor.fields.officials.wordclass import is_acronym, led_groups, phrase_at, word_class
from extractor.fields.officials.words import closes_single_name, plausible_name

# "Organda Pekanbaru yang diketuai oleh Agus Sikumbang": the head of a body after a passive verb
_LED_BY = regex.compile(
    r"(?<=\S)[ \t]+(?:yang[ \t]+)?(?P<verb>diketu(?:a)?i|dikepalai|dipimpin)[ \t]+(?:langsung[ \t]+)?(?:oleh[ \t]+)?(?=\p{Lu})"
)
_LED_HEADS = {"diketuai": "Ketua", "diketui": "Ketua", "dikepalai": "Kepala", "dipimpin": "Pemimpin"}


@functools.cache
def _led_events() -> frozenset[str]:
    return frozenset(lexicon.words("officials/led_event_nouns"))


def led_bodies(article: Article, not_names: frozenset[int]) -> list[Finding]:
    """"Organda Pekanbaru yang diketuai oleh Agus Sikumbang": the head of a body named by a
    passive verb, as a position ("Ketua Organda Pekanbaru")."""
    text = article.text
    found = []
    for m in _LED_BY.finditer(text, timeout=guards.remaining()):
        sent_start = article.sentence_span(m.start())[0]
        before = tokenize(text, max(sent_start, m.start() - 120), m.start(), not_names)
        i = len(before)
        while i > 0 and len(before) - i < 10:
            tok = before[i - 1]
            if tok.text == ")" and i >= 3 and before[i - 3].text == "(":
                i -= 3  # "(Organda)"
            elif tok.capitalised and tok.text not in names.stopwords() and (i == len(before) or before[i].space_before or before[i].text == "("):
                i -= 1
            else:
                break
        while i < len(before) and not before[i].is_word:
            i += 1
        if 0 < i < len(before) and before[i - 1].text.lower() in led_groups():
            continue  # "tim Fakultas Teknik yang diketuai ...": a team, not the body, is led
        body = before[i:]
        if body and (body[0].text.lower() in _led_events() or body[0].text.lower() in led_groups()):
            continue  # "Rapat Koordinasi yang dipimpin ...", "Tim ... yang dipimpin": no body
        if not body or not any(word_class(t) or phrase_at(body, k) for k, t in enumerate(body) if t.is_word):
            continue  # no organisation word: "Rapat ... yang dipimpin" is not a body
        if m.group("verb").lower() == "dipimpin" and not any(
            word_class(t) in ("body", "morph", "org") or (phrase_at(body, k) or ("",))[0] == "body"
            for k, t in enumerate(body) if t.is_word
        ):
            continue  # "Perusahaan asal Jepang yang dipimpin ...": a place or a bare short form is led
        if plausible_name(body) and not any(is_acronym(t) for t in body):
            continue
        toks = tokenize(text, m.end(), min(len(text), m.end() + 80), not_names)
        k = 0
        while True:  # "Dr. Eng. Ir. Bimastyaji": titles and degrees before the name
            skipped = names.skip_degrees(toks, names.skip_titles(toks, k))
            if skipped == k:
                break
            k = skipped
        end = names.name_run(toks, k)
        if end - k >= 2 and norm(toks[k].text) in lexicons().standalone:
            k += 1  # "Kerajaan Inggris yang dipimpin Ratu Elizabeth": a title, then the name
        if end - k < 1 or not plausible_name(toks[k:end]) or end - k == 1 and k == 0 and not closes_single_name(toks, end):
            continue
        body_text = text[body[0].start : body[-1].end]
        position = f"{_LED_HEADS[m.group('verb').lower()]} {body_text}"
        found.append(Finding((toks[k].start, toks[end - 1].end), position, (body[0].start, body[-1].end), None, "title"))
    return found

