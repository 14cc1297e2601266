"""Awards: named recognitions conferred on a person, an organisation or a place.

The text is scanned once for *name spans*: runs of capitalised words, with the small words that
live inside names ("of", "for", "dan", "kategori"), years, "&" and acronyms in parentheses
("Universal Health Coverage (UHC) Utama", "World's Best Bank 2025"). A span is an award when

- a cue noun stands right before it ("penghargaan X", "predikat WTP", "Penghargaan X" itself),
  or "kategori X" in a sentence that confers something;
- it follows a list opener after a cue noun ("Dua penghargaan itu adalah X serta Y"), or an
  accepted award in a coordination ("X, Y dan Z"), or a bullet under a line that announces
  awards ("sejumlah penghargaan ... di antaranya:");
- it is a placement in a named contest ("Juara I Lomba Inovasi Daerah");
- it carries an award head word (Awards, Nobel, Best, Anugerah ..., a known predikat like
  Adipura) and its sentence confers something (meraih, peraih, dianugerahi, penghargaan ...),
  or a following sentence refers back to it ("penghargaan ini").

Nominations and negated or hoped-for awards are dropped. Mentions of one award (full and short
forms, "UHC" beside "Universal Health Coverage (UHC) Utama") merge into one Award named by the
fullest form; an acronym that never appears beside its full form stays an award of its own.
"""

from __future__ import annotations

import re
import unicodedata

import regex

from extractor import guards, lexicon, scan
from extractor.article import Article
from extractor.recognizers.base import (
    Candidate,
    Recognizer,
    provenance,
    register_field,
    register_recognizer,
    resolve_overlaps,
)
from schemas import Award, Mention

# ---------------------------------------------------------------------------- lexicons

_CUE_NOUNS = lexicon.words("award_cue_nouns")
_PREFIXES = lexicon.words("award_name_prefixes")
_VERBS = lexicon.words("award_verbs")
_HEADS = frozenset(lexicon.words("award_heads"))
# heads that make an award only as its first word ("Nobel Perdamaian 2006", not "Alfred Nobel")
_FIRST_HEADS = frozenset(lexicon.words("award_first_heads"))
_KNOWN = lexicon.words("award_known_names")
_KNOWN_KEYS = frozenset(k.casefold() for k in _KNOWN)
_GENERIC = frozenset(w.casefold() for w in lexicon.words("award_generic_words"))
_CONTESTS = lexicon.words("award_contests")
_NOT_FIRST = frozenset(lexicon.words("award_not_first_words"))
_OPENER = regex.compile(rf"(?:{lexicon.alternation(lexicon.words('award_function_words'))})[ \t]+(?:kategori[ \t]+)?")
_VARIANTS = {short.casefold(): full.casefold().split() for short, full in lexicon.table("award_name_variants").items()}

_CUES_AND_VERBS = lexicon.alternation(_CUE_NOUNS + _VERBS)

# ---------------------------------------------------------------------------- the name span

# a word of a name: capitalised ("World's", "KemenPANRB", "WinnerAnugerah"), or a number/year
# after the first word
_CAP = r"\p{Lu}[\p{L}\p{M}\p{N}'’\-]*(?:\.(?=\p{L}))?[\p{L}\p{M}\p{N}'’\-]*"
_NUM = r"\p{N}+(?:[.,]\p{N}+)?"
_PAREN = r"[ \t]*\([ \t]*[\p{L}\p{N}][\p{L}\p{N}&.\- ]{0,25}\)"
# small words allowed between two capitalised words of one name
_LINK = r"(?:of|for|the|and|in|on|to|at|de|du|van|von|dan|kategori|&)"
# lower-case words a name may end with ("IKPA terbaik")
_TRAIL = r"(?:terbaik|terfavorit)"
_SPAN = regex.compile(
    rf"""(?<![\p{{L}}\p{{N}}])
    (?:{_CAP})
    (?:
        [ \t]+(?:{_CAP}|{_NUM}(?![\p{{L}}\p{{N}}]))
      | (?:[ \t]+{_LINK}){{1,2}}[ \t]+(?:{_CAP})
      | [ \t]+d['’](?:{_CAP})
      | {_PAREN}
      | [ \t]+{_TRAIL}\b
    ){{0,24}}""",
    regex.VERBOSE,
)

_PREFIX = regex.compile(rf"(?:{lexicon.alternation(_PREFIXES)})(?:[ \t]+|\Z)")
_LEADING_CUE = regex.compile(r"(?:Penghargaan|Predikat)(?:[ \t]+|\Z)")
_TRAILING_JUNK = regex.compile(rf"(?:[ \t]+(?:{_LINK}|kategori))+\Z|[.'’\-]+\Z")

# ---------------------------------------------------------------------------- contexts

_WORD_BOUND = r"(?<![\p{L}\p{N}])"
_WORD_END = r"(?![\p{L}\p{N}])"
_OPEN_QUOTE = r"[\"“”'‘]?"
# right before a name: "penghargaan ", "predikat sebagai ", "anugerah bertajuk “"
_CUE_LEFT = regex.compile(
    rf"{_WORD_BOUND}(?:{lexicon.alternation(_CUE_NOUNS)})"
    rf"(?:[ \t]+(?:sebagai|berupa|bertajuk|bernama|(?:(?:untuk|di|pada|dalam)[ \t]+)?kategori))?"
    rf"[ \t]*{_OPEN_QUOTE}[ \t]*\Z",
    regex.IGNORECASE,
)
_KATEGORI_LEFT = regex.compile(rf"{_WORD_BOUND}kategori[ \t]*{_OPEN_QUOTE}[ \t]*\Z", regex.IGNORECASE)
# "Dua penghargaan itu adalah ", "sejumlah penghargaan, antara lain "
_LIST_LEFT = regex.compile(
    rf"{_WORD_BOUND}(?:penghargaan|anugerah|predikat)(?:[ \t,]+[\p{{L}}\-]+){{0,3}}?[ \t,]*"
    rf"{_WORD_BOUND}(?:adalah|yakni|yaitu|berupa|antara[ \t]+lain|di[ \t]+antaranya|meliputi)"
    rf"[ \t]*:?[ \t]*{_OPEN_QUOTE}[ \t]*\Z",
    regex.IGNORECASE,
)
# after an accepted name, the next one of a coordination starts here
_COORD_RIGHT = regex.compile(
    rf"[ \t]*(?:,[ \t]*(?:(?:dan|serta)[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+){_OPEN_QUOTE}[ \t]*"
)
# what may follow the last name of a coordination: punctuation, the sentence end, a small word
_COORD_END = regex.compile(
    rf"[ \t]*(?:(?=[\r\n])|\Z|[.,;:)\"”’'!?]|{lexicon.alternation(lexicon.words('award_coordination_end_words'))}(?![\p{{L}}\p{{N}}]))"
)
# "juara I ", "juara pertama dalam ajang " before a contest name
_JUARA_LEFT = regex.compile(
    rf"{_WORD_BOUND}juara(?:[ \t]+(?:ke-?)?(?:III|II|IV|I|V|[1-9]|pertama|kedua|ketiga|umum|favorit"
    rf"|harapan(?:[ \t]+(?:III|II|I|[1-3]))?))?(?:[ \t]+(?:dalam|pada|di)(?:[ \t]+ajang)?)?[ \t]+\Z",
    regex.IGNORECASE,
)
_CONTEST_START = regex.compile(rf"^(?:Juara[ \t]+\S+[ \t]+)?(?:{lexicon.alternation(_CONTESTS)}){_WORD_END}")
_CONFERS = regex.compile(rf"{_WORD_BOUND}(?:{_CUES_AND_VERBS}|peringkat|apresiasi|juara){_WORD_END}", regex.IGNORECASE)
_ANAPHOR = regex.compile(
    rf"{_WORD_BOUND}(?:penghargaan|pengakuan|predikat|anugerah)[ \t]+(?:ini|itu|tersebut){_WORD_END}", regex.IGNORECASE
)
_NOMINATION = regex.compile(
    rf"{_WORD_BOUND}(?:{lexicon.alternation(lexicon.words('award_nomination_words'))}){_WORD_END}", regex.IGNORECASE
)
_NEGATED = regex.compile(
    rf"{_WORD_BOUND}(?:{lexicon.alternation(lexicon.words('award_negations'))})[ \t]+(?:[\p{{L}}]+[ \t]+)?"
    rf"(?:{_CUES_AND_VERBS}){_WORD_END}[^,;.]*\Z",
    regex.IGNORECASE,
)
# a known name used as a place ("rapat ... di Adipura", "Gedung Adipura")
_PLACE_LEFT = regex.compile(
    rf"(?:\b{lexicon.alternation(lexicon.words('award_place_prepositions'))}|{lexicon.alternation(lexicon.words('award_place_nouns'))})[ \t]+\Z"
)
_KNOWN_ANY = regex.compile(rf"{_WORD_BOUND}{lexicon.alternation(_KNOWN)}{_WORD_END}", regex.IGNORECASE)
# "Anugerah Humas Indonesia", "Silver WinnerAnugerah ..." (not "Retno Anugerah Andriyani")
_ANUGERAH_HEAD = regex.compile(r"^(?:(?:Gold|Silver|Bronze|Platinum|Grand)?[ \t]*(?:Winner|Award)?[ \t]*)Anugerah[ \t]+\p{Lu}")
# a line announcing awards ("sejumlah penghargaan dan prestasi ..., di antaranya:") and its bullets
# (lines end in "\n", "\r\n" or a lone "\r", as the sentence splitter reads them)
_BULLET_HEADER = regex.compile(r":[ \t]*(?:\r\n?|\n)")
_BULLET_HEADER_WORD = regex.compile(r"\b(?:penghargaan|anugerah|prestasi)\b", regex.IGNORECASE)
_BULLET_LINE = regex.compile(r"[ \t]*(?:[-•*–]|\d{1,2}[.)])[ \t]*([^\r\n]*)(?:\r\n?|\n|$)")
# a sentence worth scanning for names holds one of these (most sentences hold none)
_ANCHOR_WORDS = ("penghargaan", "predikat", "anugerah", "award", "kategori", "juara", "prize")
_ANCHOR_HEADS = tuple(sorted(_HEADS | _FIRST_HEADS | set(_CONTESTS)))
_ANCHOR = regex.compile(
    rf"\b(?i:{lexicon.alternation(_ANCHOR_WORDS)})|\b{lexicon.alternation(_ANCHOR_HEADS)}"
)
_KNOWN_LOWER = tuple(k.casefold() for k in _KNOWN)


# any head word anywhere in the text (one scan with the standard re engine: a linear literal
# alternation, quicker than a substring test per head)
_ANY_ANCHOR_HEAD = re.compile("|".join(re.escape(head) for head in _ANCHOR_HEADS))


def _may_hold_awards(text: str, lowered: str) -> bool:
    """A cheap test that skips the many articles with no award word at all."""
    return any(word in lowered for word in _ANCHOR_WORDS) or _ANY_ANCHOR_HEAD.search(text) is not None
# giver and recipient around a mention
_GIVER_RIGHT = regex.compile(rf"^[ \t]*(?:dari|oleh)[ \t]+({_CAP}(?:[ \t]+(?:{_CAP}|{_NUM}))*)")
_RECIPIENT_LEFT = regex.compile(
    rf"({_CAP}(?:[ \t]+(?:{_CAP}|\({_CAP}\)))*)[ \t]+(?:(?:berhasil|kembali|sukses|juga|pun|telah|sudah|baru[ \t]+saja)[ \t]+)*"
    rf"(?:meraih|menyabet|menerima|dianugerahi|mendapat|mendapatkan|memperoleh|memboyong|menggondol|diganjar|dinobatkan|memenangkan|memenangi)"
)
_FINAL_MODIFIER = regex.compile(r"[ \t]+(?:Terbaik|Terfavorit|terbaik|terfavorit)\Z")
# a cue inside a span ("Malam Penghargaan Anugerah ..."): the name starts after it
_INNER_CUE = regex.compile(r"(?<![\p{L}\p{N}])(?:Penghargaan|Predikat)[ \t]+(?=\p{Lu})")
_YEAR = regex.compile(r"^(?:19|20)\d\d\Z")


def _text_key_tokens(text: str) -> list[str]:
    kept = "".join(ch for ch in text if ch == "&" or not unicodedata.category(ch).startswith("P"))
    return kept.casefold().split()


def _merge_tokens(name: str) -> frozenset[str]:
    """Tokens that decide whether two mentions name the same award."""
    tokens: list[str] = []
    for token in _text_key_tokens(name):
        if token in _VARIANTS:
            tokens.extend(_VARIANTS[token])
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


def assemble(candidates: list[Candidate], article: Article) -> list[Award]:
    kept = resolve_overlaps(candidates)
    # fullest forms first, so that shorter mentions join them
    order = sorted(kept, key=lambda c: (-len(_merge_tokens(c.value)), -len(c.value), c.start))
    groups: list[tuple[Candidate, frozenset[str], list[Candidate]]] = []
    for cand in order:
        tokens = _merge_tokens(cand.value)
        for head, head_tokens, members in groups:
            if tokens <= head_tokens or _acronym_of(cand.value, head.value):
                members.append(cand)
                break
        else:
            groups.append((cand, tokens, [cand]))
    awards = []
    for head, _, members in sorted(groups, key=lambda g: min(m.start for m in g[2])):
        members.sort(key=lambda m: m.start)
        award = Award(
            name=head.value,
            mentions=[Mention(text=article.text[m.start : m.end], **provenance(article, m.start, m.end)) for m in members],
            recipient=next((m.attrs["recipient"] for m in members if m.attrs.get("recipient")), None),
            giver=next((m.attrs["giver"] for m in members if m.attrs.get("giver")), None),
        )
        awards.append(award)
    return awards


register_field("awards", "AWARD", assemble)


# ---------------------------------------------------------------------------- recognizer


def _is_generic(name: str) -> bool:
    if name.split()[0] in _NOT_FIRST:
        return True
    return name.casefold() in _GENERIC or all(t.casefold() in _GENERIC or _YEAR.match(t) for t in name.split())


_EDITION_YEAR = regex.compile(r"[ \t]+(?:19|20)\d\d\Z")


def _without_year(name: str) -> str:
    """"Piala Maya 2016" -> "Piala Maya": a known award keeps its name in a dated edition."""
    return _EDITION_YEAR.sub("", name)


def _is_known(name: str) -> bool:
    return _without_year(name).casefold() in _KNOWN_KEYS


def _has_head(name: str) -> bool:
    tokens = name.replace("(", " ").replace(")", " ").split()
    if any(t in _HEADS for t in tokens[1:]) or tokens[0] in _HEADS or tokens[0] in _FIRST_HEADS:
        return True
    if _ANUGERAH_HEAD.match(name):
        return True
    return _is_known(name) or _KNOWN_ANY.fullmatch(_without_year(name)) is not None


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
            self._confers[index] = _CONFERS.search(self.text, start, end, timeout=guards.remaining()) is not None
        return self._confers[index]

    def referred_back(self, index: int) -> bool:
        """A following sentence says "penghargaan ini" (the name was an award)."""
        sentences = self.article.sentences
        for later in range(index + 1, min(index + 3, len(sentences))):
            start, end = sentences[later]
            if _ANAPHOR.search(self.text, start, end):
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
        prefix = _PREFIX.match(text, start, end)
        if not prefix or prefix.end() >= end:
            break
        start = prefix.end()
    while True:
        junk = _TRAILING_JUNK.search(text, start, end)
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
    left_like = _is_award_like(left)
    # a final "Terbaik" may qualify the whole coordination ("Arsip dan Dokumen Terbaik")
    right_own = _is_award_like(_FINAL_MODIFIER.sub("", right)) if right.split() else False
    if right_own or (left_like and _is_award_like(right)) or _PREFIX.match(right):
        keep_left = left_like or (len(left.split()) >= 2 and not _is_generic(left))
        return ([(start, left_end)] if keep_left else []) + _split_coordination(text, right_start, end)
    if left_like:
        return [(start, left_end)]
    return [(start, end)]


def _is_award_like(name: str) -> bool:
    return _has_head(name) or _CONTEST_START.match(name) is not None


@register_recognizer
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
        for span in self._spans(scan):
            raw_start, raw_end = span.span()
            opener = _OPENER.match(text, raw_start, raw_end)
            if opener:
                raw_start = opener.end()  # "Pada kategori IKPA terbaik": the name starts after "kategori"
            had_cue = _LEADING_CUE.match(text, raw_start, raw_end) is not None
            inner = None if had_cue else _INNER_CUE.search(text, raw_start, raw_end)
            if inner:
                raw_start, had_cue = inner.end(), True
            start, end = _trim(text, raw_start, raw_end)
            if end <= start or _PREFIX.fullmatch(text, start, end):
                continue
            name = text[start:end]
            index, sent_start, sent_end = scan.sentence(raw_start)
            left = text[max(sent_start, raw_start - 90) : raw_start]
            if _is_generic(name) and not _JUARA_LEFT.search(left):
                continue
            accept = had_cue or _CUE_LEFT.search(left) is not None or _LIST_LEFT.search(left) is not None
            if (
                not accept
                and raw_start in accepted_ends
                and (accepted_ends[raw_start] or _is_award_like(name))
                and _COORD_END.match(text, raw_end, sent_end)
            ):
                accept = True  # the next name of a coordination ("X serta Y."), not a clause's subject
            if not accept and _KATEGORI_LEFT.search(left) and scan.confers(index):
                accept = True
            if not accept and _CONTEST_START.match(name):
                juara = _JUARA_LEFT.search(left)
                if juara or name.startswith("Juara"):
                    accept = True
                    if juara:
                        start = raw_start - len(left) + juara.start()
            if not accept and _has_head(name) and not (_is_known(name) and _PLACE_LEFT.search(left)):
                accept = scan.confers(index) or scan.bullet_start(raw_start) or scan.referred_back(index)
            if not accept:
                continue
            if _NOMINATION.search(left) or _NEGATED.search(left):
                continue
            after = _COORD_RIGHT.match(text, raw_end)
            if after and after.end() < sent_end:
                accepted_ends[after.end()] = "dan" in after.group() or "serta" in after.group()
            for part_start, part_end in _split_coordination(text, start, end):
                part_start, part_end = _trim(text, part_start, part_end)
                if part_end <= part_start or _is_generic(text[part_start:part_end]):
                    continue
                yield self._candidate(text, part_start, part_end, left)

    @staticmethod
    def _spans(scan: _Scan):
        """Name spans of the sentences (and bullet lines) that hold an anchor word."""
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
            for span in _SPAN.finditer(text, max(start, last_end), end, timeout=guards.remaining()):
                yield span
            last_end = max(last_end, end)

    @staticmethod
    def _candidate(text: str, start: int, end: int, left: str) -> Candidate:
        attrs = {}
        giver = _GIVER_RIGHT.match(text[end : end + 80])
        if giver:
            attrs["giver"] = giver.group(1)
        recipient = None
        for recipient in _RECIPIENT_LEFT.finditer(left):
            pass
        if recipient:
            opener = _OPENER.match(recipient.group(1) + " ")
            who = recipient.group(1)[opener.end() :] if opener else recipient.group(1)
            if who and who.split()[0] not in _NOT_FIRST:
                attrs["recipient"] = who
        return Candidate(start, end, text[start:end], attrs)


@register_recognizer
class KnownPredikatRecognizer(Recognizer):
    """Known predikat in any case after a cue: "predikat investment grade", "opini WTP"."""

    field = "awards"
    name = "known_predikat"
    cue_words = lexicon.words("award_predikat_cues")
    cue = regex.compile(rf"{_WORD_BOUND}{lexicon.alternation(cue_words)}[ \t]+{_OPEN_QUOTE}", regex.IGNORECASE)
    # the cue pattern is tried only where one of its words occurs (extractor.scan)
    cue_hits = scan.Cue(cue_words, lower=True)
    # "Piala Maya 2016": the edition's year stays in the name
    known = regex.compile(
        rf"{lexicon.alternation(_KNOWN)}{_WORD_END}(?:[ \t]+(?:19|20)\d\d{_WORD_END})?(?:{_PAREN})?", regex.IGNORECASE
    )

    def find(self, article, doc):
        text = article.text
        known_here = None  # whether a known name occurs at all: looked up at the first candidate
        for cue in scan.cued_finditer(self.cue, text, self.cue_hits):
            match = self.known.match(text, cue.end())
            if not match:
                continue
            if known_here is None:
                lowered = text.lower()
                known_here = any(name in lowered for name in _KNOWN_LOWER)
            if not known_here:
                return
            left = text[max(0, cue.start() - 60) : cue.end()]
            if _NOMINATION.search(left) or _NEGATED.search(left):
                continue
            yield Candidate(match.start(), match.end(), match.group(), {})
