"""Awards: the word lists and patterns that the award recognizers share.

Everything here is built from the award_* files in extractor/data once, at import: the shape
of a name span, the cue words before a name, and the contexts that make a name a nomination,
a hope, a ceremony or a sports title rather than an award conferred.
"""

from __future__ import annotations

import regex

from extractor import lexicon

# ---------------------------------------------------------------------------- lexicons

CUE_NOUNS = lexicon.words("awards/cue_nouns")
PREFIXES = lexicon.words("awards/name_prefixes")
VERBS = lexicon.words("awards/verbs")
HEADS = frozenset(lexicon.words("awards/heads"))
# heads that make an award only as its first word ("Nobel Perdamaian 2006", not "Alfred Nobel")
FIRST_HEADS = frozenset(lexicon.words("awards/first_heads"))
KNOWN = lexicon.words("awards/known_names")
KNOWN_KEYS = frozenset(k.casefold() for k in KNOWN)
KNOWN_LOWER = tuple(k.casefold() for k in KNOWN)
GENERIC = frozenset(w.casefold() for w in lexicon.words("awards/generic_words"))
CONTESTS = lexicon.words("awards/contests")
NOT_FIRST = frozenset(lexicon.words("awards/not_first_words"))
ORGANISATION_STARTS = frozenset(lexicon.words("awards/organisation_starts"))
NOT_ALONE = frozenset(lexicon.words("awards/not_alone_words"))
SPORTS = lexicon.words("awards/sports_words")
GRADES = lexicon.words("awards/grades")
CATEGORY_WORDS = frozenset(lexicon.words("awards/category_words"))
VARIANTS = {short.casefold(): full.casefold().split() for short, full in lexicon.table("awards/name_variants").items()}

CUES_AND_VERBS = lexicon.alternation(CUE_NOUNS + VERBS)

WORD_BOUND = r"(?<![\p{L}\p{N}])"
WORD_END = r"(?![\p{L}\p{N}])"
OPEN_QUOTE = r"[\"“”'‘]?"

# ---------------------------------------------------------------------------- the name span

# a word of a name: capitalised ("World's", "KemenPANRB", "WinnerAnugerah", "Kabupaten/Kota"),
# or a number/year after the first word
CAP = r"\p{Lu}[\p{L}\p{M}\p{N}'’\-]*(?:\.(?=\p{L}))?[\p{L}\p{M}\p{N}'’\-]*(?:/\p{Lu}[\p{L}\p{M}\p{N}\-]*)?"
NUM = r"\p{N}+(?:[.,]\p{N}+)?"
PAREN = r"[ \t]*\([ \t]*[\p{L}\p{N}][\p{L}\p{N}&.\- ]{0,25}\)"
# small words allowed between two capitalised words of one name
LINK = r"(?:of|for|the|and|in|on|to|at|a|an|de|du|van|von|dan|kategori|&)"
# lower-case words a name may end with ("IKPA terbaik")
TRAIL = r"(?:terbaik|terfavorit)"
SPAN = regex.compile(
    rf"""(?<![\p{{L}}\p{{N}}])
    (?:{CAP})
    (?:
        [ \t]+(?:{CAP}|{NUM}(?![\p{{L}}\p{{N}}]))
      | (?:[ \t]+{LINK}){{1,2}}[ \t]+(?:{CAP})
      | [ \t]+d['’"](?:{CAP})
      | [ \t]+dengan(?=(?:[ \t]+{CAP}){{1,5}}[ \t]+Ter\p{{Ll}}{{3,}}(?![\p{{L}}]))[ \t]+(?:{CAP})
      | {PAREN}
      | [ \t]+{TRAIL}\b
    ){{0,24}}""",
    regex.VERBOSE,
)
# a capitalised run alone (what follows "kategori", a level, a contest after a placement); it
# stops before another "kategori" ("A dan kategori B" are two categories)
_RUN_LINK = r"(?:of|for|the|and|in|on|to|at|by|a|an|de|du|van|von|dan|&)"
CAP_RUN = rf"{CAP}(?:(?:[ \t]+(?:{_RUN_LINK}[ \t]+){{0,2}})(?:{CAP}|{NUM}(?![\p{{L}}\p{{N}}])))*"

PREFIX = regex.compile(rf"(?:{lexicon.alternation(PREFIXES)})(?:[ \t]+|\Z)")
LEADING_CUE = regex.compile(r"(?:Penghargaan|Predikat)(?:[ \t]+|\Z)")
TRAILING_JUNK = regex.compile(rf"(?:[ \t]+(?:{LINK}|kategori))+\Z|[.'’\-]+\Z")
OPENER = regex.compile(rf"(?:{lexicon.alternation(lexicon.words('awards/function_words'))})[ \t]+(?:kategori[ \t]+)?")
# "... Tingkat Provinsi Tahun 2024": a year given with "Tahun" dates the event, it is no part
# of the name (a bare "Awards 2025" is)
TAHUN_YEAR = regex.compile(r"[ \t]+[Tt]ahun[ \t]+(?:19|20)\d\d(?![\p{L}\p{N}])")
ONLY_PAREN = regex.compile(rf"^{PAREN}\Z")
# where a title-case run stops naming the award: "... Kategori Madya Dari KemenPPPA"
SPAN_BREAK = regex.compile(
    rf"[ \t]+{lexicon.alternation(lexicon.words('awards/span_breaks'))}(?![\p{{L}}\p{{N}}])(?![ \t]+[Kk]ategori)"
)

# ---------------------------------------------------------------------------- contexts

# right before a name: "penghargaan ", "predikat sebagai ", "anugerah bertajuk “"
CUE_LEFT = regex.compile(
    rf"{WORD_BOUND}(?:{lexicon.alternation(CUE_NOUNS)})"
    rf"(?:[ \t]+{lexicon.alternation(lexicon.words('awards/cue_adjectives'))})?"
    rf"(?:[ \t]+(?:sebagai|berupa|bertajuk|bernama|(?:(?:untuk|di|pada|dalam)[ \t]+)?kategori))?"
    rf"[ \t]*{OPEN_QUOTE}[ \t]*\Z",
    regex.IGNORECASE,
)
# a cue noun that names an award as such (not "trofi"/"piala": sports cups have those too)
AWARD_CUE_LEFT = regex.compile(
    rf"{WORD_BOUND}(?:penghargaan|anugerah|predikat)(?:[ \t]+(?:sebagai|berupa|bertajuk|bernama))?[ \t]*{OPEN_QUOTE}[ \t]*\Z",
    regex.IGNORECASE,
)
# "penghargaan dari Kementerian X sebagai ", "penghargaan dari gubernur untuk kategori "
GIVER_CUE_LEFT = regex.compile(
    rf"{WORD_BOUND}(?:penghargaan|anugerah|predikat)[ \t]+(?:dari|oleh)[ \t]+[^,.;:!?\r\n]{{1,60}}?[ \t]+"
    rf"(?:sebagai|(?:untuk[ \t]+)?kategori)[ \t]*{OPEN_QUOTE}[ \t]*\Z",
    regex.IGNORECASE,
)
# right before a title conferred: "dinobatkan sebagai ", "meraih gelar ", "dianugerahi "
TITLE_LEFT = regex.compile(
    rf"{WORD_BOUND}(?P<cue>{lexicon.alternation(lexicon.words('awards/title_cues'))})[ \t]*{OPEN_QUOTE}[ \t]*\Z",
    regex.IGNORECASE,
)
PAGEANT_HEADS = frozenset(lexicon.words("awards/pageant_heads"))
# "berada di posisi kedelapan Ballon d'Or 2017": a rank in a vote, not the award won
RANK_LEFT = regex.compile(
    rf"{WORD_BOUND}(?:posisi|urutan|peringkat|ranking)[ \t]+(?:ke-?)?[\p{{L}}\p{{N}}]+[ \t]+(?:(?:dalam|di|pada)[ \t]+)?\Z",
    regex.IGNORECASE,
)
# "... Ballon d'Or berikutnya", "... Adipura tahun depan": a future edition
FUTURE_RIGHT = regex.compile(rf"[ \t]+{lexicon.alternation(lexicon.words('awards/future_words'))}(?![\p{{L}}\p{{N}}])")
# "penghargaan VMA, yaitu Video of The Year, ...": the body whose awards the list names
LIST_RIGHT = regex.compile(
    rf"[ \t]*,?[ \t]*{lexicon.alternation(lexicon.words('awards/list_openers'))}(?![\p{{L}}\p{{N}}])", regex.IGNORECASE
)
KATEGORI_LEFT = regex.compile(rf"{WORD_BOUND}kategori[ \t]*{OPEN_QUOTE}[ \t]*\Z", regex.IGNORECASE)
# "Dua penghargaan itu adalah ", "sejumlah penghargaan, antara lain "
LIST_LEFT = regex.compile(
    rf"{WORD_BOUND}(?:penghargaan|anugerah|predikat)(?:[ \t,]+[\p{{L}}\-]+){{0,3}}?[ \t,]*"
    rf"(?:{WORD_BOUND}(?:adalah|yakni|yaitu|berupa|antara[ \t]+lain|di[ \t]+antaranya|meliputi)[ \t]*:?|:)"
    rf"[ \t]*{OPEN_QUOTE}[ \t]*\Z",
    regex.IGNORECASE,
)
# after an accepted name, the next one of a coordination starts here
COORD_RIGHT = regex.compile(
    rf"[ \t]*(?:,[ \t]*(?:(?:dan|serta)[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+){OPEN_QUOTE}[ \t]*"
)
# what may follow the last name of a coordination: punctuation, the sentence end, a small word
COORD_END = regex.compile(
    rf"[ \t]*(?:(?=[\r\n])|\Z|[.,;:)\"”’'!?]|{lexicon.alternation(lexicon.words('awards/coordination_end_words'))}(?![\p{{L}}\p{{N}}]))"
)
_ORDINAL = r"(?:ke-?)?(?:III|II|IV|I|V|[1-9]|pertama|kedua|ketiga|satu|dua|tiga)"
# "juara I ", "juara pertama dalam ajang " before a contest name
JUARA_LEFT = regex.compile(
    rf"{WORD_BOUND}(?:juara(?:[ \t]+(?:{_ORDINAL}|umum|favorit|harapan(?:[ \t]+(?:III|II|I|[1-3]))?))?"
    rf"|(?:peringkat|terbaik)[ \t]+{_ORDINAL})(?:[ \t]+(?:dalam|pada|di)(?:[ \t]+ajang)?)?[ \t]+\Z",
    regex.IGNORECASE,
)
CONTEST_START = regex.compile(rf"^(?:Juara[ \t]+\S+[ \t]+)?(?:{lexicon.alternation(CONTESTS)}){WORD_END}")
# a placement alone ("Terbaik II", "Juara Umum"), to be joined with the contest that follows
PLACEMENT_ONLY = regex.compile(
    rf"^(?:Juara|Terbaik|Harapan|Runner[- ]?[Uu]p)(?:[ \t]+(?:Umum|Favorit|Harapan))?(?:[ \t]+(?i:{_ORDINAL}))?\Z"
    rf"|[ \t](?:Juara|Terbaik)[ \t]+(?:III|II|IV|I|V|[1-9])\Z"  # "Kabupaten Terbaik I dalam Pengelolaan Arsip"
)
PLACEMENT_LINK = regex.compile(r"[ \t]+(?:dalam|pada|di)[ \t]+(?:(?:ajang|lomba|kategori)[ \t]+)?(?=\p{Lu})")
# a placement's ordinal read as the first word of a name ("juara II Lomba X")
ORDINAL_START = regex.compile(r"(?:III|II|IV|I|V|[1-9])[ \t]+(?=\p{Lu})")
# the contest written after a placement: "Terbaik II dalam Penataan Ruang pada Lomba Tata Kota"
CONTEST_TAIL = regex.compile(
    rf"[ \t]+(?:pada|dalam|di)[ \t]+(?:ajang[ \t]+)?(?={lexicon.alternation(CONTESTS)}{WORD_END}){CAP_RUN}"
)
# a name that starts with a placement: "Juara Umum Gelar Teknologi", "Terbaik II dalam ..."
PLACEMENT_START = regex.compile(rf"^(?:[Jj]uara|Terbaik)(?:[ \t]+(?i:{_ORDINAL}|umum|favorit|harapan))+[ \t]+\S")
# the edition of a contest after its name: "MTQ ke-30"
EDITION = regex.compile(r"[ \t]+ke-?[ \t]?\d+(?![\p{L}\p{N}])")
# the level of a contest after a placement: "tingkat provinsi", "tk. Nasional", "se-Jawa Timur"
LEVEL_TAIL = regex.compile(
    rf"[ \t]+(?:(?:[Tt]ingkat|[Tt][Kk]\.?)[ \t]+|[Ss]e-)"
    rf"(?:{CAP}(?:[ \t]+{CAP})*|{lexicon.alternation(lexicon.words('awards/levels'))}{WORD_END})"
)
# a category written after an award's name: "Academy Award untuk kategori Aktor Terbaik"
CATEGORY_TAIL = regex.compile(
    rf"[ \t]+(?:(?:untuk|di|dalam|pada)[ \t]+)?[Kk]ategori[ \t]+{OPEN_QUOTE}({CAP_RUN})"
    # "Anugerah X dengan predikat Informatif", "Anugerah X tingkat Mentor": a grade or level
    rf"|[ \t]+(?:dengan[ \t]+(?:predikat|kategori)|tingkat|level)[ \t]+{OPEN_QUOTE}({CAP_RUN})"
)
# a category after "untuk" with a category word of its own: "Piala Citra untuk Film Terbaik"
CATEGORY_FOR = regex.compile(rf"[ \t]+untuk[ \t]+({CAP_RUN})")
# the rest of a quoted name after its first words: "diapresiasi sebagai “Kecamatan Terbaik
# dalam Pelaksanaan 10 Program Pokok PKK”"
OPENED_QUOTE = regex.compile(r"[\"“][ \t]*\Z")
QUOTED_REST = regex.compile(r"[^\"“”\r\n.;!?]{1,100}?(?=[\"”])")
# another category of the same award: "... pada 1988 dan untuk kategori Film Terbaik"
CATEGORY_MORE = regex.compile(
    rf"(?:[ \t]+[\p{{Ll}}\p{{N}}][\p{{L}}\p{{N}}]*){{0,5}}?[ \t]*(?:,[ \t]*(?:(?:dan|serta)[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+)(?:(?:untuk|di|dalam|pada)[ \t]+)?"
    rf"[Kk]ategori[ \t]+{OPEN_QUOTE}({CAP_RUN})"
)
# a trophy word confers in lower case only ("meraih trofi", not the "Piala" of a name)
_TROPHIES = ("piala", "trofi", "tropi", "trophy")
_CONFERRING = lexicon.alternation([w for w in CUE_NOUNS if w not in _TROPHIES] + list(VERBS))
CONFERS = regex.compile(
    rf"{WORD_BOUND}(?:(?i:{_CONFERRING}|peringkat|apresiasi|juara)|{lexicon.alternation(_TROPHIES)}){WORD_END}"
)
_CEREMONY_WORDS = lexicon.words("awards/ceremony_words")
_STRONG_CEREMONY = [w for w in _CEREMONY_WORDS if w not in ("di", "pada", "dalam")]
# "penghargaan ini" refers back to an award (not "ajang penghargaan tersebut": a ceremony)
ANAPHOR = regex.compile(
    rf"{WORD_BOUND}(?<!(?:{lexicon.alternation(_STRONG_CEREMONY)})[ \t]+)"
    rf"(?:penghargaan|pengakuan|predikat|anugerah)[ \t]+(?:ini|itu|tersebut){WORD_END}",
    regex.IGNORECASE,
)
NOMINATION = regex.compile(
    rf"{WORD_BOUND}(?:{lexicon.alternation(lexicon.words('awards/nomination_words'))}){WORD_END}", regex.IGNORECASE
)
NEGATED = regex.compile(
    rf"{WORD_BOUND}(?:{lexicon.alternation(lexicon.words('awards/negations'))})[ \t]+(?:[\p{{L}}]+[ \t]+)?"
    rf"(?:{CUES_AND_VERBS}){WORD_END}[^,;.]*\Z",
    regex.IGNORECASE,
)
# "bersaing ... untuk meraih penghargaan X", "berkesempatan besar membawa pulang X"
HOPED = regex.compile(
    rf"{WORD_BOUND}(?:{lexicon.alternation(lexicon.words('awards/hope_words'))})[ \t]+(?:[\p{{L}}]+[ \t]+)?"
    rf"(?:{lexicon.alternation(VERBS)}){WORD_END}[^,;.]*\Z",
    regex.IGNORECASE,
)
# the ceremony, not the award: "ajang Asian Screen Awards", "pada Academy Awards ke-89"
CEREMONY_LEFT_STRONG = regex.compile(
    rf"{WORD_BOUND}(?:{lexicon.alternation(_STRONG_CEREMONY)})(?:[ \t]+(?:penghargaan|penganugerahan|anugerah))?"
    rf"[ \t]*{OPEN_QUOTE}[ \t]*\Z",
    regex.IGNORECASE,
)
CEREMONY_LEFT_WEAK = regex.compile(rf"{WORD_BOUND}(?:di|pada|dalam)[ \t]+{OPEN_QUOTE}[ \t]*\Z")
CEREMONY_RIGHT = regex.compile(
    r"[ \t]*(?:ke-?[ \t]*\d+|[ \t](?:yang[ \t]+)?(?:digelar|berlangsung|diselenggarakan|dihelat|diadakan))(?![\p{L}\p{N}])"
    r"|[ \t]*:[ \t]*(?:\r\n?|\n)"  # the title of a list: "daftar pemenang X Awards 2018:"
)
# a known name used as a place ("rapat ... di Adipura", "Gedung Adipura")
PLACE_LEFT = regex.compile(
    rf"(?:\b{lexicon.alternation(lexicon.words('awards/place_prepositions'))}|{lexicon.alternation(lexicon.words('awards/place_nouns'))})[ \t]+\Z"
)
KNOWN_ANY = regex.compile(rf"{WORD_BOUND}{lexicon.alternation(KNOWN)}{WORD_END}", regex.IGNORECASE)
# "Anugerah Humas Indonesia", "Silver WinnerAnugerah ..." (not "Retno Anugerah Andriyani")
ANUGERAH_HEAD = regex.compile(r"^(?:(?:Gold|Silver|Bronze|Platinum|Grand)?[ \t]*(?:Winner|Award)?[ \t]*)Anugerah[ \t]+\p{Lu}")
# English "... of the Year" names a category ("Album of the Year", "People of The Year")
OF_THE_YEAR = regex.compile(r"\bof[ \t]+the[ \t]+Year\b", regex.IGNORECASE)
SPORTS_START = regex.compile(rf"^(?:Juara[ \t]+(?:\S+[ \t]+)?)?{lexicon.alternation(SPORTS)}{WORD_END}")
# giver and recipient around a mention
GIVER_RIGHT = regex.compile(rf"^[ \t]*(?:dari|oleh)[ \t]+({CAP}(?:[ \t]+(?:{CAP}|{NUM}))*)")
RECIPIENT_LEFT = regex.compile(
    rf"({CAP}(?:[ \t]+(?:{CAP}|\({CAP}\)))*)[ \t]+(?:(?:berhasil|kembali|sukses|juga|pun|telah|sudah|baru[ \t]+saja)[ \t]+)*"
    rf"(?:meraih|menyabet|menerima|dianugerahi|mendapat|mendapatkan|memperoleh|memboyong|menggondol|diganjar|dinobatkan|memenangkan|memenangi)"
)
FINAL_MODIFIER = regex.compile(r"[ \t]+(?:Terbaik|Terfavorit|terbaik|terfavorit)\Z")
# a cue inside a span ("Malam Penghargaan Anugerah ..."): the name starts after it
INNER_CUE = regex.compile(r"(?<![\p{L}\p{N}])(?:Penghargaan|Predikat)[ \t]+(?=\p{Lu})")
# a headline's verb inside a span ("Kabupaten X Raih Juara 1 Lomba ..."): the name starts after it
INNER_VERB = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}]){lexicon.alternation(lexicon.words('awards/headline_verbs'))}[ \t]+(?=\p{{Lu}}|\p{{N}})"
)
# "penilaian Adipura", "verifikasi lapangan Kota Layak Anak": assessed, not conferred
ASSESSED_LEFT = regex.compile(
    rf"{WORD_BOUND}{lexicon.alternation(lexicon.words('awards/assessment_words'))}(?:[ \t]+[\p{{Ll}}]+)?[ \t]+{OPEN_QUOTE}\Z",
    regex.IGNORECASE,
)
# "Adipura masih dalam tahap penilaian": the assessment is under way
ASSESSED_RIGHT = regex.compile(
    rf"[^.;!?\r\n]{{0,30}}?(?<![\p{{L}}]){lexicon.alternation(lexicon.words('awards/assessment_progress'))}"
    rf"[ \t]+(?:dalam[ \t]+)?(?:tahap[ \t]+)?{lexicon.alternation(lexicon.words('awards/assessment_states'))}(?![\p{{L}}])",
    regex.IGNORECASE,
)
YEAR = regex.compile(r"^(?:19|20)\d\d\Z")


def is_known(name: str) -> bool:
    return without_year(name).casefold() in KNOWN_KEYS


_EDITION_YEAR = regex.compile(r"[ \t]+(?:19|20)\d\d\Z")


def without_year(name: str) -> str:
    """"Piala Maya 2016" -> "Piala Maya": a known award keeps its name in a dated edition."""
    return _EDITION_YEAR.sub("", name)


def is_sports(name: str) -> bool:
    """A league, cup or medal ("Liga Champions", "Piala Presiden"), not a known award."""
    return SPORTS_START.match(name) is not None and not is_known(name) and KNOWN_ANY.match(name) is None


def is_generic(name: str) -> bool:
    first = name.split()[0]
    if first in NOT_FIRST or (first in ORGANISATION_STARTS and not any(t in HEADS for t in name.split())):
        return True
    if name in NOT_ALONE:
        return True
    return name.casefold() in GENERIC or all(t.casefold() in GENERIC or YEAR.match(t) for t in name.split())


def title_fits(cue: str, name: str) -> bool:
    """Whether a name after a title cue is an award: after "gelar" it needs a head word of its
    own (sports titles are "gelar" too), after "terpilih"/"mahkota" it is a pageant title."""
    cue = cue.casefold()
    pageant = name.split()[0] in PAGEANT_HEADS
    if cue.startswith("terpilih") or "mahkota" in cue:
        return pageant
    if "gelar" in cue and not cue.startswith(("dianugerahi", "menerima")):
        return pageant or has_head(name)  # "dianugerahi gelar Pahlawan Nasional" needs none
    return True


def has_head(name: str) -> bool:
    name = regex.sub(rf"{PAREN}\Z", "", name) or name  # "Wilayah Bebas dari Korupsi (WBK)"
    tokens = name.replace("(", " ").replace(")", " ").split()
    if any(t in HEADS for t in tokens[1:]) or tokens[0] in HEADS or tokens[0] in FIRST_HEADS:
        return True
    if ANUGERAH_HEAD.match(name) or OF_THE_YEAR.search(name):
        return True
    return is_known(name) or KNOWN_ANY.fullmatch(without_year(name)) is not None


def is_award_like(name: str) -> bool:
    return has_head(name) or CONTEST_START.match(name) is not None


def is_category_like(name: str) -> bool:
    """An award, or a category by its words ("British Breakthrough Act")."""
    return is_award_like(name) or (len(name.split()) >= 2 and any(w in CATEGORY_WORDS for w in name.split()))
