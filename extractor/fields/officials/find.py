"""Officials: every position in an article and the person each belongs to (``find_officials``).

At each head of the head pattern: whether it is an office here at all, the position read from
it (``read_tail``, then ``_read_office``), two coordinated heads, then the holder
(``holder.find_holder``); last, the heads of bodies "yang dipimpin" someone.
"""

from __future__ import annotations

import re

from extractor import guards, lexicon, names
from extractor.article import Article
from extractor.names import tokenize
from extractor.fields.officials.coordination import COORDINATED_HEAD, coordination, head_token
from extractor.fields.officials.complement import office_words_then_titled
from extractor.fields.officials.finding import Finding, Reading
from extractor.fields.officials.heads import (
    acting_value,
    head_kind,
    head_pattern,
    lexicons,
    member_heads,
    member_public_words,
    nonprofit_words,
    norm,
    person_attached_heads,
)
from extractor.fields.officials.holder import find_holder
from extractor.fields.officials.holder_after import lone_body_before_name
from extractor.fields.officials.holder_before import left_name, lone_body_after_name
from extractor.fields.officials.led_bodies import led_bodies
from extractor.fields.officials.position import office_of_office, read_tail
from extractor.fields.officials.words import (
    after_non_person,
    owned_by_thing,
    plausible_name,
    preceded_by_non_official,
    spells_preceding_phrase,
)

_EVENT_ROLES = frozenset(lexicon.words("officials/position_after_blockers"))  # "Upacara": a ceremony's roles


class _Scan:
    """The findings of one article so far, and which heads to skip."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.taken_until = -1  # heads inside an already read position or name are skipped
        self.skip_heads: set[int] = set()  # heads read as the second of two coordinated ones

    def add(self, findings: list[Finding], taken_until: int) -> None:
        self.findings.extend(findings)
        self.taken_until = taken_until


def find_officials(article: Article, not_names: frozenset[int] = frozenset()) -> list[Finding]:
    """Every position in ``article`` and the person each belongs to. ``not_names``: where the
    words start that a POS tagger says are no name words (``names.not_name_starts``)."""
    text = article.text
    scan = _Scan()
    # (a standard-library pattern: linear, no timeout of its own; the guard is checked per head)
    for m in head_pattern().finditer(text):
        guards.check()
        if m.start() < scan.taken_until or m.start("head") in scan.skip_heads:
            continue
        if _no_office_here(text, m, scan.skip_heads):
            continue
        r = _reading(article, m, not_names)
        spokesperson = _spokesperson(r)
        if spokesperson is not None:
            scan.add([spokesperson], spokesperson.position_span[1])
            continue
        if not _read_office(r):
            continue
        if _coordinated(r, scan):
            continue
        found = find_holder(r, scan.findings)
        if found:
            scan.add(*found)
    scan.findings.extend(led_bodies(article, not_names))
    return scan.findings


def _no_office_here(text: str, m: re.Match[str], skip_heads: set[int]) -> bool:
    """A head that holds no office here: a candidacy or a role ("calon Wakil Presiden",
    "pengamat ..."), or the short form of the words before it."""
    if preceded_by_non_official(text, m.start()):
        # "bakal calon gubernur dan wakil gubernur ...": the coordinated head is a candidacy too
        link = COORDINATED_HEAD.match(text, m.end())
        if link:
            skip_heads.add(link.end())
        return True
    return spells_preceding_phrase(text, m)  # "Particulate Matter (PM) 2.5": the short form of the phrase before it


def _reading(article: Article, m: re.Match[str], not_names: frozenset[int]) -> Reading:
    """The head at ``m`` and the place or body read after it, up to the sentence's end."""
    text = article.text
    sent_start = article.sentence_span(m.start())[0]
    sent_end = article.sentence_span(m.end())[1]  # "Plt." may end a sentence for the splitter
    limit = min(max(sent_end, m.end()), m.end() + 240)
    toks = [head_token(m, not_names)] + tokenize(text, m.end(), limit, not_names)
    owned = owned_by_thing(text, m.start())
    return Reading(article, not_names, m, head_kind(m.group("head")), acting_value(m.group("acting")), sent_start,
                   toks, read_tail(toks, 1), owned)


def _spokesperson(r: Reading) -> Finding | None:
    """"Emil Dardak, juru bicara Gibran Rakabuming Raka": the spokesperson of a person, whose
    post counts only when that person is an official (``assemble`` decides)."""
    toks = r.toks
    if not (r.kind == "with_body" and not r.tail.has_complement and norm(r.head) in person_attached_heads()):
        return None
    spoken_for = names.name_run(toks, 1)
    if spoken_for - 1 >= 2 and plausible_name(toks[1:spoken_for]):
        span = left_name(r.text, r.pos_start, r.sent_start, "", r.not_names)
        if span is not None and not after_non_person(r.text, span[0]):
            end = toks[spoken_for - 1].end
            return Finding(span, r.text[r.pos_start : end], (r.pos_start, end), r.acting, "spokesperson",
                           (toks[1].start, end))
    return None


def _read_office(r: Reading) -> bool:
    """Read the position on to its body where the head needs one; False where the head holds
    no public office here (no body, a company's post, a member of an association ...)."""
    toks, head, kind = r.toks, r.head, r.kind
    if kind == "with_body":
        r.tail = office_of_office(r.text, toks, r.tail, norm(head) in person_attached_heads())
    tail = r.tail
    if kind == "with_body" and not tail.has_complement and norm(head) != "kepala" and (
            lone_body_before_name(toks, 1) or lone_body_after_name(r.text, toks, r.pos_start, r.sent_start, r.not_names)):
        # "Wakil Ketua Umum Peradi, Hermansyah Dulaimi", "oleh Airin Rachmi Ketua Apeksi saat ...": the
        # lone unknown word after the head names its body
        tail.end_index, tail.position_end, tail.has_complement, tail.strong = 2, toks[1].end, True, True
    if kind == "with_body" and not tail.has_complement:
        return False
    # ("Ratu Tisha Destria", "Raja Ampat": a given name or a place; "Ratu Inggris Elizabeth" is a
    # title, "Raja Salman" one only for a person the article names in full elsewhere)
    r.royal_bare = not tail.has_complement and head.lower() in names.given_names()
    if _no_public_office(r):
        return False
    r.j, r.pos_end = tail.end_index, tail.position_end
    lower_list = office_words_then_titled(toks, r.j) if tail.has_complement else 0
    if lower_list:
        r.close_at(lower_list)  # "Menteri Desa, pembangunan daerah tertinggal dan Transmigrasi Dr. Halim Iskandar"
    return True


def _no_public_office(r: Reading) -> bool:
    """A business post, a member of an association, a head in lower case without a known body,
    an economist, a role in a ceremony."""
    toks, head, kind, tail = r.toks, r.head, r.kind, r.tail
    if kind == "company" and not tail.public_body and not any(
        t.is_word and t.text.lower() in nonprofit_words() for t in toks[1 : tail.end_index]
    ):
        return True  # "Direktur PT ...": a business post ("Direktur Eksekutif Yayasan ..." leads a non-profit)
    if norm(head) in member_heads() and not tail.public_body and not any(
        t.is_word and t.text.lower() in member_public_words() for t in toks[1 : tail.end_index]
    ):
        return True  # "Anggota AJI": a member of an association holds no post
    if kind == "with_body" and not (tail.strong or tail.public_body) and head[0].islower():
        return True
    if tail.end_index > 1 and " " not in head and toks[1].is_word and toks[1].text.lower() in lexicons().non_official:
        return True  # "Kepala Ekonom Bank ...": an economist, not an office ("Kepala Departemen Peneliti" is one)
    if any(i < len(toks) and toks[i].text.lower() in _EVENT_ROLES for i in (1, tail.end_index)):
        return True  # "Inspektur Upacara", "Pemimpin Upacara Kapolres ...": a role in a ceremony
    return False


def _coordinated(r: Reading, scan: _Scan) -> bool:
    """"Presiden dan Wakil Presiden RI Prabowo Subianto dan Gibran Rakabuming Raka": two heads,
    two holders; the second head is not read again."""
    toks, j = r.toks, r.j
    if r.tail.has_complement or not (j + 1 < len(toks) and toks[j].text == "dan") or r.owned:
        return False
    second = head_pattern().match(r.text, toks[j + 1].start)
    if second is None:
        return False
    coordinated = coordination(r.article, r.match, second, r.not_names)
    if not coordinated:
        return False
    scan.skip_heads.add(second.start("head"))
    scan.add(coordinated, max(coordinated[-1].name_span[1], coordinated[-1].position_span[1]))
    return True
