"""Awards: named recognitions conferred on a person, an organisation or a place.

The text is scanned once for *name spans*: runs of capitalised words, with the small words that
live inside names ("of", "for", "dan", "kategori"), years, "&" and acronyms in parentheses
("Universal Health Coverage (UHC) Utama", "World's Best Bank 2025"). A span is an award when

- a cue noun stands right before it ("penghargaan X", "predikat WTP", "Penghargaan X" itself),
  or "kategori X" in a sentence that confers something, or a title cue ("dinobatkan sebagai X",
  "meraih gelar X", "dianugerahi X");
- it follows a list opener after a cue noun ("Dua penghargaan itu adalah X serta Y"), or an
  accepted award in a coordination ("X, Y dan Z"), or a bullet under a line that announces
  awards ("sejumlah penghargaan ... di antaranya:");
- it is a placement in a named contest ("Juara I Lomba Inovasi Daerah", "Terbaik II dalam X",
  "juara Adiwiyata Kota Bekasi"), with the contest's level ("tingkat provinsi");
- it carries an award head word (Awards, Nobel, Best, "of the Year", Anugerah ..., a known
  predikat like Adipura) and its sentence confers something (meraih, peraih, dianugerahi,
  penghargaan ...), or a following sentence refers back to it ("penghargaan ini").

A category written with the award stays in its name ("Academy Award untuk kategori Aktor
Terbaik"), and a further category of the same award takes the award's name too ("... dan untuk
kategori Film Terbaik"). Nominations, negated, contested or hoped-for awards, sports titles and
organisations after a cue are dropped; an event's name read as a ceremony ("pada Academy Awards
ke-89", "dalam acara Brit Awards 2018") is dropped when the article names awards won there.
Mentions of one award (full and short forms, "UHC" beside "Universal Health Coverage (UHC)
Utama") merge into one Award named by the fullest form; an acronym that never appears beside its
full form stays an award of its own. More recognizers (known predikat in any case, lower-case
predikat and placements, certificates, winners' lists) live in ``phrases``.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from extractor import guards
from extractor.article import Article
from extractor.fields.awards import cues
from extractor.fields.base import (
    Candidate,
    Recognizer,
    provenance,
    resolve_overlaps,
)
from schemas import Award, Mention

# a line announcing awards ("sejumlah penghargaan dan prestasi ..., di antaranya:") and its bullets
# (lines end in "\n", "\r\n" or a lone "\r", as the sentence splitter reads them)
_BULLET_HEADER = regex.compile(r":[ \t]*(?:\r\n?|\n)")
_BULLET_HEADER_WORD = regex.compile(r"\b(?:penghargaan|anugerah|prestasi)\b", regex.IGNORECASE)
_BULLET_LINE = regex.compile(r"[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]*([^\r\n]*)(?:\r\n?|\n|$)")
# a sentence worth scanning for names holds one of these (most sentences hold none)
_ANCHOR_WORDS = (
    "penghargaan", "predikat", "anugerah", "anugrah", "award", "kategori", "juara", "prize", "gelar", "dinobatkan",
    "dianugerahi", "dianugrahi", "mahkota", "terpilih", "diapresiasi", "diraih", "kehormatan", "tanda jasa",
)
_ANCHOR_HEADS = tuple(sorted(cues.HEADS | cues.FIRST_HEADS | set(cues.CONTESTS)))
_ANCHOR = regex.compile(
    rf"\b(?i:{cues.lexicon.alternation(_ANCHOR_WORDS)})|\b{cues.lexicon.alternation(_ANCHOR_HEADS)}|\bof[ \t]+the[ \t]+Year\b"
)
# any head word anywhere in the text (one scan with the standard re engine: a linear literal
# alternation, quicker than a substring test per head)
_ANY_ANCHOR_HEAD = re.compile("|".join(re.escape(head) for head in _ANCHOR_HEADS + ("of the Year", "of The Year")))


def _may_hold_awards(text: str, lowered: str) -> bool:
    """A cheap test that skips the many articles with no award word at all."""
    return any(word in lowered for word in _ANCHOR_WORDS) or _ANY_ANCHOR_HEAD.search(text) is not None


def _text_key_tokens(text: str) -> list[str]:
    kept = "".join(ch for ch in text if ch == "&" or not unicodedata.category(ch).startswith("P"))
    return kept.casefold().split()


def _merge_tokens(name: str) -> frozenset[str]:
    """Tokens that decide whether two mentions name the same award ("The Best X" is "Best X")."""
    tokens: list[str] = []
    for token in _text_key_tokens(name):
        if token in cues.VARIANTS:
            tokens.extend(cues.VARIANTS[token])
        elif token == "the":
            continue
        elif token.isascii() and len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
            tokens.append(token[:-1])  # "World's Best Banks" ~ "World's Best Bank 2025"
        else:
            tokens.append(token)
    return frozenset(tokens)


def _acronym_of(short: str, full: str) -> bool:
    """Whether ``short`` (one upper-case word) abbreviates the award named ``full``."""
    if not (short.isupper() and " " not in short and len(short) >= 2):
        return False
    if regex.search(rf"\(\s*{regex.escape(short)}\s*\)", full):
        return True
    initials = "".join(w[0] for w in regex.findall(r"\p{Lu}[\p{L}]*", full))
    return short in initials


# ---------------------------------------------------------------------------- assembly


_WINNER_WORDS = regex.compile(r"(?<![\p{L}])(?:juara|pemenang|peraih)(?![\p{L}])", regex.IGNORECASE)


def _context_only(head: Candidate, members: list[Candidate], named: bool, sentence_groups: dict, article: Article) -> bool:
    """A ceremony where the article names awards won there; an unnamed certificate in a
    sentence that names an award, a ceremony or a winner (the certificate is only its token)."""
    scopes = {m.attrs.get("ceremony") for m in members}
    if "article" in scopes:
        return named
    if "sentence" in scopes:
        for member in members:
            if sentence_groups.get(article.sentence_index(member.start), set()) - {id(head)}:
                return True
    if head.attrs.get("generic"):
        sentence = article.sentence_index(head.start)
        start, end = article.sentences[sentence] if article.sentences else (0, len(article.text))
        return bool(sentence_groups.get(sentence)) or _WINNER_WORDS.search(article.text, start, end) is not None
    return False


def assemble(candidates: list[Candidate], article: Article) -> list[Award]:
    kept = resolve_overlaps(candidates)
    # fullest forms first, so that shorter mentions join them
    # (a capitalised form before a lower-case one: "Best Actress" names "aktris terbaik" too)
    order = sorted(kept, key=lambda c: (-len(_merge_tokens(c.value)), c.value[:1].islower(), -len(c.value), c.start))
    groups: list[tuple[Candidate, frozenset[str], list[Candidate]]] = []
    for cand in order:
        tokens = _merge_tokens(cand.value)
        for head, head_tokens, members in groups:
            if (cand.attrs.get("listed") or head.attrs.get("listed")) and tokens != head_tokens:
                continue  # the lines of a winners' list are distinct categories ("Top Artist", "Top Male Artist")
            if tokens <= head_tokens or _acronym_of(cand.value, head.value):
                members.append(cand)
                break
        else:
            groups.append((cand, tokens, [cand]))
    # a group is a ceremony when any of its mentions reads as one ("Brit Awards 2018" in "acara
    # Brit Awards 2018 yang berlangsung ..." and in "penghargaan Brit Awards")
    plain = [g for g in groups if not g[0].attrs.get("generic") and not any(m.attrs.get("ceremony") for m in g[2])]
    sentence_groups: dict[int, set[int]] = {}  # sentence -> the (named) groups mentioned in it
    for head, _, members in groups:
        if not head.attrs.get("generic"):
            for member in members:
                sentence_groups.setdefault(article.sentence_index(member.start), set()).add(id(head))
    awards = []
    for head, _, members in sorted(groups, key=lambda g: min(m.start for m in g[2])):
        if _context_only(head, members, bool(plain), sentence_groups, article):
            continue
        members.sort(key=lambda m: m.start)
        award = Award(
            name=head.value,
            mentions=[Mention(text=article.text[m.start : m.end], **provenance(article, m.start, m.end)) for m in members],
            recipient=next((m.attrs["recipient"] for m in members if m.attrs.get("recipient")), None),
            giver=next((m.attrs["giver"] for m in members if m.attrs.get("giver")), None),
        )
        awards.append(award)
    return awards


# ---------------------------------------------------------------------------- recognizer


class _Scan:
    """Per-article state: sentence evidence is computed once per sentence."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self._confers: dict[int, bool] = {}
        self.bullets = self._bullet_lines()

    def sentence(self, offset: int) -> tuple[int, int, int]:
        index = self.article.sentence_index(offset)
        start, end = self.article.sentences[index] if self.article.sentences else (0, len(self.text))
        return index, start, end

    def confers(self, index: int) -> bool:
        if index not in self._confers:
            start, end = self.article.sentences[index]
            self._confers[index] = cues.CONFERS.search(self.text, start, end, timeout=guards.remaining()) is not None
        return self._confers[index]

    def referred_back(self, index: int) -> bool:
        """A following sentence says "penghargaan ini" (the name was an award)."""
        sentences = self.article.sentences
        for later in range(index + 1, min(index + 3, len(sentences))):
            start, end = sentences[later]
            if cues.ANAPHOR.search(self.text, start, end):
                return True
        return False

    def _bullet_lines(self) -> list[tuple[int, int]]:
        ranges = []
        for header in _BULLET_HEADER.finditer(self.text, timeout=guards.remaining()):
            line_start = max(self.text.rfind("\n", 0, header.start()), self.text.rfind("\r", 0, header.start())) + 1
            if not _BULLET_HEADER_WORD.search(self.text, line_start, header.start()):
                continue
            pos = header.end()
            while True:
                line = _BULLET_LINE.match(self.text, pos)
                if not line or not line.group(1).strip():
                    break
                ranges.append((line.start(1), line.end(1)))
                pos = line.end()
        return ranges

    def bullet_start(self, offset: int) -> bool:
        return any(start == offset for start, _ in self.bullets)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading cue word/prefix and trailing small words or punctuation."""
    while True:
        prefix = cues.PREFIX.match(text, start, end)
        if not prefix or prefix.end() >= end:
            break
        start = prefix.end()
    while True:
        junk = cues.TRAILING_JUNK.search(text, start, end)
        if not junk or junk.start() == junk.end():
            break
        end = junk.start()
    return start, end


def _split_coordination(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'Adipura dan Kalpataru' is two awards; 'Rekonsiliasi dan Laporan Keuangan' is one name.

    A name splits at "dan" when what follows is an award by its own words; a part that is not
    ("Best National Costume dan <a person>", a lone "Musik") is dropped unless it is a longer name.
    """
    match = regex.search(r"[ \t]+dan[ \t]+", text[start:end])
    if not match:
        return [(start, end)]
    left_end, right_start = start + match.start(), start + match.end()
    left, right = text[start:left_end], text[right_start:end]
    left_like = cues.is_category_like(left)
    # a final "Terbaik" may qualify the whole coordination ("Arsip dan Dokumen Terbaik")
    right_own = cues.is_category_like(cues.FINAL_MODIFIER.sub("", right)) if right.split() else False
    if right_own or (left_like and cues.is_category_like(right)) or cues.PREFIX.match(right):
        keep_left = left_like or (len(left.split()) >= 2 and not cues.is_generic(left))
        return ([(start, left_end)] if keep_left else []) + _split_coordination(text, right_start, end)
    if left_like:
        return [(start, left_end)]
    return [(start, end)]


def _acronym_has_cue(text: str, cue_start: int, start: int, end: int) -> bool:
    """"Penghargaan Pembangunan Daerah (PPD)": the acronym spells the cue word too, so the
    cue is part of the award's own name."""
    paren = regex.search(r"\([ \t]*(\p{Lu}{2,})[ \t]*\)", text[start:end])
    if not paren:
        return False
    words = regex.findall(r"\p{Lu}[\p{L}\-]*", text[cue_start : start + paren.start()])
    return "".join(w[0] for w in words) == paren.group(1)


def _is_placement(name: str) -> bool:
    """A placement in a named contest: "Juara Umum Gelar X", "juara Adiwiyata", "Lomba X"."""
    return (
        cues.PLACEMENT_START.match(name) is not None
        or cues.CONTEST_START.match(name) is not None
        or name.casefold().startswith("juara ")
    )


class NamedAwardRecognizer(Recognizer):
    field = "awards"
    name = "named_award"

    def find(self, article, doc):
        text = article.text
        if not _may_hold_awards(text, text.lower()):
            return
        scan = _Scan(article)
        # where the next name of a coordination would start -> joined by dan/serta (not a bare comma)
        accepted_ends: dict[int, bool] = {}
        covered = -1  # end of the last category/level tail taken: spans inside it are done
        for raw_start, raw_end in self._spans(scan):
            if raw_start < covered:
                continue
            found = self._accept(scan, raw_start, raw_end, accepted_ends)
            if found is None:
                continue
            start, end, left, attrs = found
            for part_start, part_end in _split_coordination(text, start, end):
                if (part_start, part_end) != (start, end):
                    part_start, part_end = _trim(text, part_start, part_end)
                if part_end <= part_start or cues.is_generic(text[part_start:part_end]):
                    continue
                for cand in self._with_tails(text, part_start, part_end, left, attrs, last=part_end == end):
                    covered = max(covered, cand.end)
                    yield cand

    def _accept(self, scan: _Scan, raw_start: int, raw_end: int, accepted_ends: dict[int, bool]):
        """(start, end, left context, attrs) of the award a span names, or None."""
        text = scan.text
        opener = cues.OPENER.match(text, raw_start, raw_end)
        if opener:
            raw_start = opener.end()  # "Pada kategori IKPA terbaik": the name starts after "kategori"
        cue_start = raw_start
        had_cue = cues.LEADING_CUE.match(text, raw_start, raw_end) is not None
        inner = None if had_cue else cues.INNER_CUE.search(text, raw_start, raw_end)
        if inner:
            cue_start, raw_start, had_cue = inner.start(), inner.end(), True
        else:
            verb = cues.INNER_VERB.search(text, raw_start, raw_end)
            while verb:  # "Pemkab X Kembali Raih Juara 1 Lomba Y": the last headline verb
                raw_start = verb.end()
                verb = cues.INNER_VERB.search(text, raw_start, raw_end)
        start, end = _trim(text, raw_start, raw_end)
        known = cues.KNOWN_ANY.match(text, start, end)
        cut = cues.SPAN_BREAK.search(text, known.end() if known else start, end)
        if cut:
            start, end = _trim(text, start, cut.start())  # "... Kategori Madya Dari KemenPPPA"
        dated = cues.TAHUN_YEAR.search(text, start, end)
        if dated and not cues.CATEGORY_TAIL.match(text, dated.end(), end):
            start, end = _trim(text, start, dated.start())  # "... Tingkat Provinsi Tahun 2024"
        if end <= start or cues.PREFIX.fullmatch(text, start, end):
            return None
        if had_cue and (cues.ONLY_PAREN.match(text[start:end]) or _acronym_has_cue(text, cue_start, start, end)):
            start = cue_start  # "Penghargaan (Reward)": a gloss alone is no name; "Penghargaan ... (PPD)"
        name = text[start:end]
        index, sent_start, sent_end = scan.sentence(raw_start)
        left = text[max(sent_start, raw_start - 90) : raw_start]
        ordinal = cues.ORDINAL_START.match(text, start, end) if start == raw_start else None
        if ordinal and cues.JUARA_LEFT.search(left + ordinal.group()):
            # "juara II Lomba X": the ordinal belongs to the placement before the name
            left, raw_start = left + ordinal.group(), ordinal.end()
            start, name = raw_start, text[raw_start:end]
        juara = cues.JUARA_LEFT.search(left) if start == raw_start else None
        if cues.is_generic(name) and not juara:
            return None
        how = self._reason(scan, name, left, raw_start, raw_end, index, sent_end, juara, had_cue, accepted_ends)
        if how is None or self._refused(text, name, left, end, how, juara):
            return None
        attrs = {}
        if juara or _is_placement(name):
            pass  # "Juara Umum pada MTQ ke-30": the placement is the award, the event its contest
        elif cues.CEREMONY_LEFT_STRONG.search(left) or cues.CEREMONY_RIGHT.match(text, end) or cues.LIST_RIGHT.match(text, end):
            attrs["ceremony"] = "article"
        elif cues.CEREMONY_LEFT_WEAK.search(left) and not had_cue:
            attrs["ceremony"] = "sentence"
        after = cues.COORD_RIGHT.match(text, raw_end)
        if after and after.end() < sent_end:
            accepted_ends[after.end()] = "dan" in after.group() or "serta" in after.group()
        if cues.OPENED_QUOTE.search(left) and (rest := cues.QUOTED_REST.match(text, end)) and len(rest.group().split()) <= 10:
            end = rest.end()  # a quoted name runs to its closing quote
        if juara and not had_cue and (juara.group()[:5].casefold() == "juara" or cues.CONTEST_START.match(name)):
            start = raw_start - len(left) + juara.start()  # "juara Adiwiyata Kota Bekasi", "peringkat I Lomba X"
        return start, end, left, attrs

    @staticmethod
    def _reason(scan, name, left, raw_start, raw_end, index, sent_end, juara, had_cue, accepted_ends):
        """How a span is an award: after a cue noun, a title cue, a list opener, in a
        coordination, after "kategori", as a placement, or by its head word; None otherwise."""
        text = scan.text
        if had_cue or cues.CUE_LEFT.search(left) or cues.LIST_LEFT.search(left) or cues.GIVER_CUE_LEFT.search(left):
            return "cue"
        title = cues.TITLE_LEFT.search(left)
        if title and cues.title_fits(title.group("cue"), name):
            return "title"
        if name.split()[0] in cues.PAGEANT_HEADS:
            return None  # "Miss Haiti", "pemilihan Puteri Indonesia": a contestant or the contest
        if (
            raw_start in accepted_ends
            and (accepted_ends[raw_start] or cues.is_award_like(name))
            and cues.COORD_END.match(text, raw_end, sent_end)
        ):
            return "coordination"  # the next name of a coordination ("X serta Y."), not a clause's subject
        if cues.KATEGORI_LEFT.search(left) and scan.confers(index):
            return "kategori"
        contest = cues.CONTEST_START.match(name)
        if (juara and contest) or cues.PLACEMENT_START.match(name) or (contest and name.startswith("Juara")):
            return "placement"  # "juara I Lomba X", "Juara Umum Gelar X", "Terbaik II dalam X"
        if cues.has_head(name) and not (cues.is_known(name) and cues.PLACE_LEFT.search(left)):
            if scan.confers(index) or scan.bullet_start(raw_start) or scan.referred_back(index):
                return "head"
        return None

    @staticmethod
    def _refused(text, name, left, end, how, juara) -> bool:
        """A sports title (a trophy after a cue noun is an award: "penghargaan Piala Dewantara"),
        a nomination, a negated, contested, hoped-for, future or still assessed award, a rank in
        a vote."""
        trophy = how == "cue" and name.startswith("Piala") and cues.AWARD_CUE_LEFT.search(left)
        if cues.is_sports(("Juara " if juara else "") + name) and not trophy:
            return True  # "penghargaan Piala Dewantara" is an award, "trofi Piala Presiden" is not
        if cues.NOMINATION.search(left) or cues.NEGATED.search(left) or cues.HOPED.search(left):
            return True
        if cues.FUTURE_RIGHT.match(text, end) or cues.ASSESSED_LEFT.search(left) or cues.ASSESSED_RIGHT.match(text, end):
            return True
        return how == "head" and cues.RANK_LEFT.search(left) is not None and not cues.CONTEST_START.match(name)

    def _with_tails(self, text: str, start: int, end: int, left: str, attrs: dict, last: bool):
        """The candidate, with the category and level written after it; further categories of
        the same award ("... dan untuk kategori Film Terbaik") as candidates of their own."""
        more = []
        if last:
            if _is_placement(text[start:end]):
                contest = None if cues.CONTEST_START.match(text, start, end) else cues.CONTEST_TAIL.match(text, end)
                end = contest.end() if contest else end
                edition = cues.EDITION.match(text, end)
                end = edition.end() if edition else end
                level = cues.LEVEL_TAIL.match(text, end)
                end = level.end() if level else end
            category = cues.CATEGORY_TAIL.match(text, end)
            named_for = cues.CATEGORY_FOR.match(text, end)
            if category and category.group(2):
                end = category.end()
            elif named_for and cues.is_category_like(named_for.group(1)) and not category:
                end = named_for.end()  # "Piala Citra untuk Film Terbaik"
            elif category:
                prefix = text[start : category.start(1)]
                end = category.end()
                pos = end
                while (other := cues.CATEGORY_MORE.match(text, pos)) is not None:
                    more.append((other.start(1), other.end(1), prefix + other.group(1)))
                    pos = other.end()
        yield self._candidate(text, start, end, left, text[start:end], attrs)
        for m_start, m_end, value in more:
            yield self._candidate(text, m_start, m_end, left, value, attrs, priority=1)

    @staticmethod
    def _spans(scan: _Scan):
        """Name spans (start, end) of the sentences (and bullet lines) that hold an anchor word;
        a placement alone joins the contest after it ("Terbaik II dalam Lomba X")."""
        article, text = scan.article, scan.text
        ranges = []
        for anchor in _ANCHOR.finditer(text, timeout=guards.remaining()):
            start, end = article.sentence_span(anchor.start())
            if not ranges or ranges[-1] != (start, end):
                ranges.append((start, end))
        ranges.extend(scan.bullets)
        ranges.sort()
        last_end = -1
        for start, end in ranges:
            spans = [m.span() for m in cues.SPAN.finditer(text, max(start, last_end), end, timeout=guards.remaining())]
            last_end = max(last_end, end)
            i = 0
            while i < len(spans):
                span_start, span_end = spans[i]
                if i + 1 < len(spans) and cues.PLACEMENT_ONLY.search(text[span_start:span_end]):
                    link = cues.PLACEMENT_LINK.match(text, span_end)
                    if link and link.end() == spans[i + 1][0]:
                        span_end = spans[i + 1][1]
                        i += 1
                yield span_start, span_end
                i += 1

    @staticmethod
    def _candidate(text: str, start: int, end: int, left: str, value: str, attrs: dict, priority: int = 0) -> Candidate:
        attrs = dict(attrs)
        giver = cues.GIVER_RIGHT.match(text[end : end + 80])
        if giver:
            attrs["giver"] = giver.group(1)
        recipient = None
        for recipient in cues.RECIPIENT_LEFT.finditer(left):
            pass
        if recipient:
            opener = cues.OPENER.match(recipient.group(1) + " ")
            who = recipient.group(1)[opener.end() :] if opener else recipient.group(1)
            if who and who.split()[0] not in cues.NOT_FIRST:
                attrs["recipient"] = who
        return Candidate(start, end, value, attrs, priority=priority)

