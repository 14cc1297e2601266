"""What an article says about itself: outlet, reporters, editors, dateline place, publication time.

Read from the header and footer lines that sites put around the story, which the sentence
splitter has already found:

- the dateline (``Article.datelines``): "MOJOKERTO, iNewsMojokerto.id -" gives the place
  MOJOKERTO and the outlet iNewsMojokerto.id; "Jakarta (ANTARA) -", "Suara.com -" likewise;
- credit lines (``sentences.is_credit``, excluded from every field): "Enggran Eko Budianto -
  detikJatim" (a reporter and the outlet), "Editor : Nama", "Penulis: Nama | Editor: Nama";
- closing initials "(abq/iwd)" on the last lines;
- the date-time line "Rabu, 14 Agu 2024 20:47 WIB": its date is the one the dates field read
  there (no second date parser); only the clock time and zone are read here.

Lists of outlets, credit words and time zones are data files (news_outlets.txt,
credit_roles.tsv, published_cues.txt, time_zones.tsv, credit_initials_not.txt).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence

import regex

from extractor import guards, lexicon
from extractor.article import Article
from extractor.sentences import is_credit, match_dateline
from schemas import ArticleMetadata, DateItem

# header: the first lines (title, byline, date, captions, dateline); footer: the last ones
HEADER_LINES = 10
FOOTER_LINES = 5
# a date line's date comes after at most a cue and an outlet ("Diterbitkan: Kompas.com - ");
# a date further into its line is not the publication date (and splitting longer leads for
# each date of a long line took quadratic time)
DATE_LINE_MAX_LEAD = 120
# the zone of a clock time that names none (time_zones.tsv)
DEFAULT_ZONE = "WIB"
# the field whose items give the date line's date
DATES = "dates"

_DOMAIN = regex.compile(r"(?i)[\p{L}\d]\.(?:com|co|id|net|tv|news|org|info)\b")
_NAME = regex.compile(
    r"\p{Lu}[\p{L}.'’-]*(?:[ \t]+(?:\p{Lu}[\p{L}.'’-]*|bin|binti|van|de|al|el|da|dos))*"
)
_INITIALS = regex.compile(r"[\p{Ll}*]{2,12}(?:[ \t]*/[ \t]*[\p{L}*]{2,12})*|\p{Lu}\p{Ll}{1,11}(?:[ \t]*/[ \t]*[\p{L}*]{2,12})+")
# a closing credit in brackets, alone on its line or after the last sentence: "(abq/iwd)", "[ian]"
_CLOSING_INITIALS = regex.compile(r"(?:^|(?<=[\s.!?\"”’]))[(\[][ \t]*(?P<initials>[^()\[\]\r\n]{2,40}?)[ \t]*[)\]][ \t]*$")
_SEPARATORS = regex.compile(r"[ \t]*(?:[|;,&]|\bdan\b)[ \t]*")
_LEAD_SEPARATORS = regex.compile(r"[\s\-–—|,:]+")
_BYLINE = regex.compile(r"(?P<names>.+?)[ \t]+[-–—|][ \t]+(?P<outlet>[^-–—|]+?)")
_SEPARATOR_BEFORE = regex.compile(r"[|,;][ \t]*\Z")
# a listed outlet's name alone before the dash, which the splitter's dateline leaves ("Rimanews - ");
# its empty ``second`` group gives it the dateline's groups
_OUTLET_OPENER = regex.compile(r"[ \t]*(?P<first>\p{L}[\p{L}\d]{1,30})(?P<second>)[ \t]*(?:-{1,2}|–|—)(?:[ \t]+|$)")


@functools.cache
def _outlets() -> tuple[frozenset[str], tuple[str, ...]]:
    """Outlet names (lower case) and family prefixes (entries ending in ``*``)."""
    names, families = set(), []
    for entry in lexicon.words("article/news_outlets"):
        if entry.endswith("*"):
            families.append(entry[:-1].lower())
        else:
            names.add(entry.lower())
    return frozenset(names), tuple(families)


def is_outlet(name: str) -> bool:
    """Whether ``name`` names a news outlet: a web domain, or a listed outlet (see news_outlets.txt)."""
    name = name.strip()
    if not name:
        return False
    if _DOMAIN.search(name):
        return True
    lower = name.lower()
    names, families = _outlets()
    if any(lower.startswith(family) for family in families):
        return True
    for entry in names:
        if lower == entry:
            return True
        if lower.startswith(entry):
            following = name[len(entry)]
            # "detikJatim", "Detik.com" continue an outlet's name; "BOLAANG" (all capitals) does not
            if not following.isalpha() or (following.isupper() and any(c.islower() for c in name)):
                return True
    return False


@functools.cache
def _roles() -> tuple[regex.Pattern[str], dict[str, str]]:
    roles = {key.lower(): value for key, value in lexicon.table("article/credit_roles").items()}
    pattern = regex.compile(
        rf"(?i)(?P<role>{lexicon.alternation(tuple(lexicon.table('article/credit_roles')))})(?!\p{{L}})[ \t]*(?P<colon>:)?[ \t]*"
    )
    return pattern, roles


@functools.cache
def _date_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], dict[str, int]]:
    zones = {name: int(hours) for name, hours in lexicon.table("article/time_zones").items()}
    zone = lexicon.alternation(tuple(zones), flexible_space=False)
    clock = rf"(?:(?i:pukul|jam)[ \t]*)?(?P<h>\d{{1,2}})[:.](?P<m>\d{{2}})(?:[:.]\d{{2}})?(?:[ \t]*(?P<tz>{zone})(?!\p{{L}}))?"
    # what may follow the date on its line: a separator and a clock time
    after = regex.compile(rf"[ \t]*[,|\-–—]?[ \t]*(?:{clock})?[ \t]*")
    # a clock time that the date mention itself ends with ("Rabu, 14 Agu 2024 20:47 WIB")
    inside = regex.compile(rf"(?<=[\s,]){clock}[ \t]*$")
    cues = regex.compile(rf"(?i){lexicon.alternation(lexicon.words('article/published_cues'))}")
    return after, inside, cues, zones


def _names(value: str) -> list[str]:
    """The personal names a credit lists, up to the first part that is no name
    ("Moh. Shofan, aktivis ..." gives "Moh. Shofan")."""
    found = []
    for part in _SEPARATORS.split(value.strip().strip(".")):
        part = part.strip()
        if not part or len(part) > 60 or len(part.split()) > 6 or not _NAME.fullmatch(part) or is_outlet(part):
            break
        found.append(part)
    return found


def _initials(value: str) -> list[str]:
    """Staff initials of a closing credit ("abq/iwd"), without end marks and agencies."""
    if not _INITIALS.fullmatch(value.strip()):
        return []
    stop = {word.lower() for word in lexicon.words("article/credit_initials_not")}
    parts = [part.strip() for part in value.split("/")]
    return [part for part in parts if part.strip("*") and part.lower() not in stop and not is_outlet(part)]


class _Found:
    """What the lines say, filled first come first served."""

    def __init__(self) -> None:
        self.outlet: str | None = None
        self.place: str | None = None
        self.reporters: list[str] = []
        self.editors: list[str] = []
        self.initials: list[str] = []
        self.published_at: dt.datetime | dt.date | None = None

    def add_outlet(self, outlet: str | None) -> None:
        if outlet and not self.outlet:
            self.outlet = outlet.strip()

    def add_people(self, role: str, names: Iterable[str]) -> None:
        target = self.reporters if role == "reporters" else self.editors
        target.extend(name for name in names if name not in target)


def _read_dateline(found: _Found, line: str, first_line: bool, known_outlet: str | None) -> None:
    """A dateline at the start of a header line. The splitter cuts one on the text's first line;
    on a later line (after a title: "SURABAYA, KOMPAS.com - ...") one is taken only where the line is
    the dateline alone ("Kota Mojokerto -") or it names an outlet: "Mercedes - Benz" is none.
    ``known_outlet``: the page's site name, an outlet too."""

    def outlet_like(name: str | None) -> bool:
        return bool(name) and (is_outlet(name) or (known_outlet or "").casefold() == name.casefold())

    match = match_dateline(line) or _OUTLET_OPENER.match(line)
    if not match or (match.re is _OUTLET_OPENER and not outlet_like(match.group("first"))):
        return
    first, second = match.group("first").strip(), (match.group("second") or "").strip() or None
    if not first_line and match.end() < len(line.rstrip()) and not (outlet_like(first) or outlet_like(second)):
        return
    if second is None:
        place, outlet = (None, first) if outlet_like(first) else (first, None)
    elif outlet_like(second):
        place, outlet = first, second
    elif outlet_like(first):
        place, outlet = second, first
    else:  # "A, B -" where B is no known outlet: only the place is sure
        place, outlet = first, None
    found.add_outlet(outlet)
    if place and not found.place and _is_place(place):
        found.place = place


def _is_place(name: str) -> bool:
    """A dateline's place: capitalised words ("MOJOKERTO", "Kota Mojokerto", "Los Angeles"), no
    rubric ("OPINI -") and no clause ("Dalam kesempatan itu, ...")."""
    words = name.split()
    if not words or len(words) > 4 or not all(word[0].isupper() for word in words):
        return False
    return name.casefold() not in _rubrics()


@functools.cache
def _rubrics() -> frozenset[str]:
    return frozenset(" ".join(entry.split()).casefold() for entry in lexicon.words("article/dateline_rubrics"))


def _read_credit(found: _Found, line: str) -> None:
    """A credit line (one that ``sentences.is_credit`` accepts)."""
    role_pattern, roles = _roles()
    role = role_pattern.match(line)
    if role is None:
        # a byline: "Enggran Eko Budianto - detikJatim"
        byline = _BYLINE.fullmatch(line)
        if byline and is_outlet(byline.group("outlet")) and (people := _names(byline.group("names"))):
            found.add_people("reporters", people)
            found.add_outlet(byline.group("outlet"))
        return
    # "Penulis: Nama | Editor: Nama": each role with the text up to the next role
    segments = []
    while role is not None:
        following = role_pattern.search(line, role.end())
        # a later role word counts only where a colon or a separator marks it ("Editor" inside a name does not)
        while following is not None and not (following.group("colon") or _SEPARATOR_BEFORE.search(line, 0, following.start())):
            following = role_pattern.search(line, following.end())
        stop = following.start() if following else len(line)
        segments.append((role, line[role.end() : stop].strip(" \t|,;")))
        role = following
    for role, value in segments:
        field = roles[regex.sub(r"\s+", " ", role.group("role").lower())]
        if role.group("colon"):
            if initials := _initials(value):
                found.initials.extend(i for i in initials if i not in found.initials)
                continue
            found.add_people(field, _names(value))
            continue
        # no colon: "Laporan Wartawan TribunJatim.com, Nama", "Editor Nama"; the whole rest must
        # be names, so that prose ("Wartawan BBC, Nama, yang berada ...") gives nothing
        head, comma, rest = value.partition(",")
        if comma and is_outlet(head):
            people = _names(rest)
            if people and len(people) == len(_SEPARATORS.split(rest.strip().strip("."))):
                found.add_people(field, people)
                found.add_outlet(head)
            continue
        people = _names(value)
        if people and len(people) == len(_SEPARATORS.split(value.strip().strip("."))):
            found.add_people(field, people)


def _clock(match: regex.Match[str] | None, zones: dict[str, int]) -> tuple[int, int, int] | None:
    """(hour, minute, UTC offset) of a clock match, None without a valid time."""
    if match is None or match.group("h") is None:
        return None
    hour, minute = int(match.group("h")), int(match.group("m"))
    if hour > 23 or minute > 59:
        return None
    return hour, minute, zones[match.group("tz") or DEFAULT_ZONE]


def _date_line(
    article: Article, item: DateItem, line: tuple[int, int], footer: bool
) -> tuple[dt.datetime | dt.date, str | None] | None:
    """(publication date or date-time, outlet named before it) when ``item`` is the date of a
    date line ("Rabu, 14 Agu 2024 20:47 WIB", "Kompas.com - 14/08/2024, 20:47 WIB",
    "Diterbitkan: ...")."""
    after, inside, cues, zones = _date_patterns()
    text = article.text
    cue, outlet = False, None
    for part in _LEAD_SEPARATORS.split(text[line[0] : item.start]):
        if not part:
            continue
        if cues.fullmatch(part):
            cue = True
        elif is_outlet(part):
            outlet = outlet or part
        else:
            return None
    tail = after.fullmatch(text, item.end, line[1])
    if tail is None:
        return None
    clock = _clock(tail, zones) or _clock(inside.search(item.text), zones)
    if footer and clock is None and not cue:
        return None  # a date alone among the last lines may be a schedule, not the publication
    day = dt.date.fromisoformat(item.value)  # type: ignore[arg-type]
    if clock is None:
        return day, outlet
    hour, minute, offset = clock
    zone = dt.timezone(dt.timedelta(hours=offset))
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone), outlet


def _read_closing_initials(found: _Found, article: Article, lines: list[tuple[int, int]]) -> None:
    """Initials closing the story: "(abq/iwd)" on the last content line or on a line after it."""
    for start, end in reversed(lines):
        match = _CLOSING_INITIALS.search(article.text, start, end)
        if match and (initials := _initials(match.group("initials"))):
            found.initials.extend(i for i in initials if i not in found.initials)
            return
        if not article.is_excluded(start, end):
            return  # credits come after the story: nothing before its last line


def read_metadata(
    article: Article, records: Mapping[str, Sequence[DateItem]] | None = None, known: ArticleMetadata | None = None
) -> ArticleMetadata:
    """The article's metadata from its header and footer lines; ``records`` are the items found,
    by field (the date line's date is taken from the dates field's); ``known`` (from an HTML page)
    fills what the lines do not say."""
    dates = (records or {}).get(DATES, ())
    found = _Found()
    lines = article.paragraphs
    header, footer = lines[:HEADER_LINES], lines[HEADER_LINES:][-FOOTER_LINES:]
    header_end = header[-1][1] if header else 0
    for number, (start, end) in enumerate(header):
        _read_dateline(found, article.text[start:end], number == 0, known.outlet if known else None)
    for start, end in lines:
        guards.check()
        if article.is_excluded(start, end) and is_credit(line := article.text[start:end].strip()):
            _read_credit(found, line)
    _read_closing_initials(found, article, lines[-FOOTER_LINES:])
    for item in dates:
        guards.check()
        if item.start is None or item.end is None or item.value is None or item.relative or len(item.value) != 10:
            continue
        line = article.paragraph_span(item.start)
        if item.start - line[0] > DATE_LINE_MAX_LEAD:
            continue
        in_header = line[1] <= header_end
        if not in_header and line not in footer:
            continue
        # the first date line wins: items come in text order, so a header one before a footer one
        if stated := _date_line(article, item, line, footer=not in_header):
            found.published_at = stated[0]
            found.add_outlet(stated[1])
            break
    data = {
        "outlet": found.outlet,
        "reporters": found.reporters,
        "editors": found.editors,
        "initials": found.initials,
        "dateline_place": found.place,
        "published_at": found.published_at,
    }
    if known is not None:
        for key, value in known.model_dump().items():
            if value and not data.get(key):
                data[key] = value
    return ArticleMetadata.model_validate(data)
