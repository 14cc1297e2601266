"""Awards that are not a capitalised name span (see ``awards`` for those):

- a known predikat in any case after a cue ("predikat investment grade", "opini WTP",
  "penghargaan swastisaba padapa", "ditetapkan sebagai Kabupaten Layak Anak kategori Madya"),
  with the grade written after it;
- a lower-case grade or title conferred after "predikat" ("meraih predikat zona hijau",
  "mendapat predikat tertinggi yakni ...", "predikat Sangat Baik");
- a lower-case placement in a contest ("juara II lomba kebersihan tingkat kecamatan", "juara
  sekolah sehat tingkat provinsi"), a lower-case title after "dinobatkan sebagai" that ends in
  a superlative ("film terbaik"), and a festival's lower-case award ("special mention di
  kategori Focus Asia");
- an unnamed certificate that a verb presents as the award conferred ("menyerahkan piagam
  penghargaan kepada ..."), kept only when its sentence names no award;
- the categories of a winners' list under a header ("berikut daftar pemenang X:").
"""

from __future__ import annotations

import regex

from extractor import guards, lexicon, scan
from extractor.fields.awards import cues
from extractor.fields.base import Candidate, Recognizer

_STOPS = lexicon.alternation(lexicon.words("awards/phrase_stops"))
_SPORTS_WORDS = regex.compile(
    rf"{cues.WORD_BOUND}{lexicon.alternation(lexicon.words('awards/sports_disciplines'))}{cues.WORD_END}", regex.IGNORECASE
)
# a word of a lower-case phrase: any letters, not a stop word
_PHRASE_WORD = rf"(?!(?i:{_STOPS}){cues.WORD_END})[\p{{L}}][\p{{L}}\p{{N}}\-]*"


def _phrase(max_words: int) -> str:
    return rf"{_PHRASE_WORD}(?:[ \t]+{_PHRASE_WORD}){{0,{max_words - 1}}}"


def _refused(text: str, start: int, end: int | None = None) -> bool:
    """A nomination, a negated, contested, hoped-for or assessed award (read in the 90
    characters before), or a future edition or an assessment under way (after it)."""
    left = text[max(0, start - 90) : start]
    if end is not None and (cues.FUTURE_RIGHT.match(text, end) or cues.ASSESSED_RIGHT.match(text, end)):
        return True
    return bool(
        cues.NOMINATION.search(left) or cues.NEGATED.search(left) or cues.HOPED.search(left) or cues.ASSESSED_LEFT.search(left)
    )


class KnownPredikatRecognizer(Recognizer):
    """Known predikat in any case after a cue: "predikat investment grade", "opini WTP"."""

    field = "awards"
    name = "known_predikat"
    cue_words = lexicon.words("awards/predikat_cues")
    cue = regex.compile(rf"{cues.WORD_BOUND}{lexicon.alternation(cue_words)}[ \t]+{cues.OPEN_QUOTE}", regex.IGNORECASE)
    # the cue pattern is tried only where one of its words occurs (extractor.scan)
    cue_hits = scan.Cue(cue_words, lower=True)
    verb_only = tuple(name.casefold() for name in lexicon.words("awards/known_verb_only"))
    # "Piala Maya 2016": the edition's year stays in the name; "Kabupaten Layak Anak kategori
    # Madya", "KLA Nindya": the grade too
    known = regex.compile(
        rf"{lexicon.alternation(cues.KNOWN)}{cues.WORD_END}(?:[ \t]+(?:19|20)\d\d{cues.WORD_END})?(?:{cues.PAREN})?"
        rf"(?:(?:[ \t]+(?:kategori|predikat|tingkat|level))?[ \t]+{lexicon.alternation(cues.GRADES)}{cues.WORD_END})?",
        regex.IGNORECASE,
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
                known_here = any(name in lowered for name in cues.KNOWN_LOWER)
            if not known_here:
                return
            if _refused(text, cue.end(), match.end()):
                continue
            if cue.group().split()[0].casefold() == "status" and match.group().casefold().startswith(self.verb_only):
                continue  # "berstatus zona hijau": a zone, not a grade conferred
            yield Candidate(match.start(), match.end(), match.group(), {})


class LowerPredikatRecognizer(Recognizer):
    """A grade or title conferred after "predikat", in any case: "meraih predikat zona hijau
    tua dari KPK" -> "zona hijau tua", "raih predikat Sangat Baik" -> "Sangat Baik"."""

    field = "awards"
    name = "lower_predikat"
    verbs = lexicon.words("awards/phrase_verbs")
    cue = regex.compile(
        rf"{cues.WORD_BOUND}{lexicon.alternation(verbs)}(?:[ \t]+(?:kembali|lagi|pula))?[ \t]+predikat"
        rf"(?:[ \t]+(?:tertinggi|terbaik))?(?:[ \t]*,?[ \t]*(?:yakni|yaitu|sebagai|berupa))?[ \t]+{cues.OPEN_QUOTE}"
        rf"(?P<name>{_phrase(6)})",
        regex.IGNORECASE,
    )
    cue_hits = scan.Cue(verbs, lower=True)
    # "meraih indeks SPBE 3,12 dengan predikat Baik": the grade of a result the sentence confers
    with_grade = regex.compile(
        rf"{cues.WORD_BOUND}dengan[ \t]+predikat[ \t]+{cues.OPEN_QUOTE}(?P<name>{_phrase(4)})", regex.IGNORECASE
    )
    verb_before = regex.compile(rf"{cues.WORD_BOUND}{lexicon.alternation(verbs)}{cues.WORD_END}[^.;:!?\r\n]*\Z", regex.IGNORECASE)
    with_hits = scan.Cue(("dengan",), lower=True)

    def find(self, article, doc):
        text = article.text
        if "predikat" not in text.lower():
            return
        for match in scan.cued_finditer(self.cue, text, self.cue_hits):
            start, end = match.span("name")
            if _refused(text, start, end) or cues.YEAR.match(text[start:end].split()[0]):
                continue
            yield Candidate(start, end, text[start:end], {})
        for match in scan.cued_finditer(self.with_grade, text, self.with_hits):
            start, end = match.span("name")
            before = text[max(0, match.start() - 120) : match.start()]
            if regex.search(r"\p{Lu}[\p{L}\p{N})]*[ \t]*\Z", before):
                continue  # "Anugerah X dengan predikat Informatif": the grade of the award named
            if self.verb_before.search(before) and not _refused(text, start, end):
                yield Candidate(start, end, text[start:end], {})


class LowerPlacementRecognizer(Recognizer):
    """A placement in a contest written in lower case: "juara II lomba kebersihan tingkat
    kecamatan", "juara sekolah sehat tingkat provinsi" (a contest noun or a level is needed);
    a title or category ending in a superlative: "dinobatkan sebagai film terbaik", "diganjar
    anugerah untuk kategori penyanyi pop wanita terbaik", "penghargaan pelatih terbaik"."""

    field = "awards"
    name = "lower_placement"
    contests = regex.compile(rf"{lexicon.alternation(cues.CONTESTS)}{cues.WORD_END}", regex.IGNORECASE)
    juara = regex.compile(
        rf"{cues.WORD_BOUND}[Jj]uara(?:[ \t]+(?i:(?:ke-?)?(?:III|II|IV|I|V|[1-9]|pertama|kedua|ketiga|umum|favorit|harapan)))*"
        rf"[ \t]+(?P<contest>{_phrase(5)})(?P<level>{cues.LEVEL_TAIL.pattern})?"
    )
    titled = regex.compile(
        rf"{cues.WORD_BOUND}(?:(?:dinobatkan|diapresiasi|ditetapkan|terpilih)[ \t]+(?:sebagai|menjadi)"
        rf"|(?i:gelar|penghargaan|anugerah|predikat)(?:[ \t]+(?:sebagai|untuk))?(?:[ \t]+kategori)?|kategori)"
        rf"[ \t]+(?:salah[ \t]+satu[ \t]+)?"
        rf"(?P<name>(?:[\p{{Ll}}][\p{{L}}/\-]*[ \t]+){{1,4}}(?:terbaik|terfavorit)(?:[ \t]+(?:19|20)\d\d)?)"
        rf"(?![\p{{L}}\p{{N}}])(?![ \t]+(?:atau|\p{{Lu}}|\())",
    )
    # "menyandang predikat sebagai sedan terbaik": a reputation, not a title conferred
    reputation = regex.compile(r"(?i)(?:menyandang|disandang|disandangnya)[ \t]+\Z")
    lower_titles = regex.compile(
        rf"{cues.WORD_BOUND}(?i:{lexicon.alternation(lexicon.words('awards/lower_titles'))}){cues.WORD_END}"
        rf"(?:[ \t]+(?:(?:di|untuk|dalam|pada)[ \t]+)?[Kk]ategori[ \t]+{cues.CAP_RUN})?"
    )
    lower_title_hits = scan.Cue(lexicon.words("awards/lower_titles"), lower=True)
    cue_hits = scan.Cue(("juara",), lower=True)
    title_hits = scan.Cue(
        ("dinobatkan", "diapresiasi", "ditetapkan", "terpilih", "gelar", "penghargaan", "anugerah", "predikat", "kategori"), lower=True
    )

    def find(self, article, doc):
        text = article.text
        for match in scan.cued_finditer(self.juara, text, self.cue_hits):
            contest = match.group("contest")
            if not (match.group("level") or self.contests.match(contest)) or contest[0].isupper():
                continue  # a capitalised contest is a name span (awards.NamedAwardRecognizer)
            if _SPORTS_WORDS.search(contest) or _refused(text, match.start()):
                continue
            if regex.search(r"(?i)(?:para|sang|calon|bakal|gelar)[ \t]+\Z", text[max(0, match.start() - 8) : match.start()]):
                continue  # "para juara lomba": winners as people; "gelar juara ...": a sports title
            yield Candidate(match.start(), match.end(), match.group(), {})
        for match in scan.cued_finditer(self.lower_titles, text, self.lower_title_hits):
            if match.group()[0].islower() and not _refused(text, match.start(), match.end()):
                yield Candidate(match.start(), match.end(), match.group(), {})  # "special mention di kategori X"
        for match in scan.cued_finditer(self.titled, text, self.title_hits):
            start, end = match.span("name")
            if _refused(text, start, end) or "salah satu" in match.group().casefold():
                continue
            if regex.search(r"(?i)(?<![\p{L}])atau[ \t]+\Z", text[max(0, match.start() - 8) : match.start()]):
                continue  # "Miss Best Dresser atau gelar busana terbaik": a gloss of the name before
            if not self.reputation.search(text, max(0, match.start() - 30), match.start()):
                yield Candidate(start, end, text[start:end], {})


class ConferredObjectRecognizer(Recognizer):
    """An unnamed certificate presented as the award conferred: "menyerahkan ... Piagam
    Penghargaan kepada 50 siswa" -> "Piagam Penghargaan" (dropped when its sentence names an
    award: then it is only the award's token)."""

    field = "awards"
    name = "conferred_object"
    verbs = lexicon.words("awards/object_verbs")
    pattern = regex.compile(
        rf"{cues.WORD_BOUND}{lexicon.alternation(verbs)}{cues.WORD_END}[^.;:!?\r\n]{{0,80}}?{cues.WORD_BOUND}"
        rf"(?P<name>{lexicon.alternation(lexicon.words('awards/generic_objects'))})"
        rf"(?=[ \t]*(?:[,.;:)\"”]|\Z|(?:kepada|dari|oleh|atas|untuk|bagi|dan|serta|yang|sebagai|karena){cues.WORD_END}))",
        regex.IGNORECASE,
    )
    cue_hits = scan.Cue(verbs, lower=True)

    def find(self, article, doc):
        text = article.text
        lowered = text.lower()
        if not any(obj in lowered for obj in lexicon.words("awards/generic_objects")):
            return
        for match in scan.cued_finditer(self.pattern, text, self.cue_hits):
            start, end = match.span("name")
            if not _refused(text, start):
                yield Candidate(start, end, text[start:end], {"generic": True})


class WinnerListRecognizer(Recognizer):
    """The categories of a winners' list: under a line ending in ":" that announces winners or
    awards, each following line (or its part before ":" / " - ") that holds a category word
    ("British Album of the Year", "Top Artist: Drake"); winners' lines hold none."""

    field = "awards"
    name = "winner_list"
    header = regex.compile(
        r"(?i)\b(?:pemenang|peraih|penerima|penghargaan|anugerah)\b[^\r\n.]{0,80}:[ \t]*(?:\r\n?|\n)"
    )
    line = regex.compile(r"[ \t]*([^\r\n]{1,120}?)[ \t]*(?:\r\n?|\n|\Z)")
    head = regex.compile(r"^(.+?)(?:[ \t]*:|[ \t]+[-–][ \t]+)")

    def find(self, article, doc):
        text = article.text
        for header in self.header.finditer(text, timeout=guards.remaining()):
            pos = header.end()
            for _ in range(40):
                line = self.line.match(text, pos, timeout=guards.remaining())
                if not line or line.end() == pos:
                    break
                body = line.group(1)
                if body.endswith(".") or len(body.split()) > 12:
                    break  # prose again: the list is over
                pos = line.end()
                part = self.head.match(body)
                name = part.group(1) if part else body
                if name[:1].isupper() and any(word in cues.CATEGORY_WORDS for word in regex.split(r"[ \t/]+", name)):
                    start = line.start(1)
                    yield Candidate(start, start + len(name), name, {"listed": True})
