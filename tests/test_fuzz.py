"""A short, repeatable fuzz run over news-like text built from the pieces the rules read.

Where test_properties.py joins loose words and mutates the seed articles, the texts here are
made of whole phrases that each rule looks for (dates in their many forms, numbers with every
separator, percent marks and ranges, people counts, titles before and after names, award
names, bullets) with odd glue between them and odd characters sprinkled in. The titles, nouns,
months and number words come from the extractor's own data files, so the fuzz follows the
lexicons as they grow.

Hypothesis runs a fixed set of examples (``derandomize``): the same inputs on every run.
``tools/hypothesis_long.py`` runs the same properties with random examples for a set time.
Any input that ever broke a property is kept in tests/regressions/ and run below.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import lexicon
from tests.test_pathological import assert_valid, values
from tests.test_properties import check

REGRESSIONS = Path(__file__).parent / "regressions"


@functools.cache
def entries(name: str) -> list[str]:
    """A data file's entries (the keys of a .tsv), sorted for a stable sample."""
    try:
        return sorted(lexicon.table(name))
    except FileNotFoundError:
        return sorted(lexicon.words(name))


def data(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from(entries(name))


# ------------------------------------------------------------------ pieces

DIGITS = st.integers(0, 10**10).map(str)


@st.composite
def written_number(draw) -> str:
    """A number as news writes it, and as it should not: thousands dots, decimal commas, English
    separators, stray separators, a sign, a scale word, or spelled out."""
    kind = draw(st.sampled_from(["indonesian", "english", "decimal", "raw", "spelled", "digits"]))
    value = draw(st.integers(0, 10**9))
    if kind == "indonesian":
        text = f"{value:,}".replace(",", ".") + draw(st.sampled_from(["", ",5", ",75", ",00"]))
    elif kind == "english":
        text = f"{value:,}" + draw(st.sampled_from(["", ".5", ".25"]))
    elif kind == "decimal":
        text = f"{draw(st.integers(0, 999))}{draw(st.sampled_from(',.'))}{draw(st.integers(0, 99))}"
    elif kind == "raw":
        text = draw(st.text(alphabet="0123456789.,", min_size=1, max_size=14))
    elif kind == "spelled":
        text = " ".join(draw(st.lists(data("numbers/words"), min_size=1, max_size=4)))
    else:
        text = draw(DIGITS)
    sign = draw(st.sampled_from(["", "", "", "-", "\u2212", "minus ", "+", "±"]))
    scale = draw(st.sampled_from(["", "", "", " ribu", " juta", " miliar", " triliun", " rb", "jt"]))
    return sign + text + scale


DAY = st.integers(0, 40)
MONTH_NUMBER = st.integers(0, 14)
YEAR = st.sampled_from([0, 19, 99, 1945, 1999, 2019, 2023, 2024, 2025, 2100, 99999])


@st.composite
def date_phrase(draw) -> str:
    day, month, year = draw(DAY), draw(MONTH_NUMBER), draw(YEAR)
    weekday, month_name = draw(data("dates/weekdays")), draw(data("dates/months"))
    return draw(
        st.sampled_from(
            [
                f"{weekday} ({day}/{month}/{year})",
                f"{weekday} ({day}/{month})",
                f"{day} {month_name} {year}",
                f"{day}-{draw(DAY)} {month_name} {year}",
                f"{month_name} {year}",
                f"tanggal {day}",
                f"{weekday}, {day} {month_name}",
                f"{day}/{month}/{year}",
                f"{year}/{month}/{day}",
                f"tahun {year}",
                f"pada {year} lalu",
                f"H-{day} Lebaran",
                f"H+{day} Idul Fitri {year}",
                draw(data("dates/relative_dates")),
                f"{weekday} pekan lalu",
            ]
        )
    )


MARKS = st.sampled_from(["%", "%", " %", " persen", " persen", "persen", " per sen", " poin persen", " persennya", "%20b"])


@st.composite
def percent_phrase(draw) -> str:
    a, b, mark = draw(written_number()), draw(written_number()), draw(MARKS)
    link = draw(data("numbers/range_links"))
    return draw(
        st.sampled_from(
            [
                f"{a}{mark}",
                f"naik {a}{mark}",
                f"{a}{link}{b}{mark}",
                f"{a} {link} {b}{mark}",
                f"antara {a} dan {b}{mark}",
                f"{a} plus minus {b}{mark}",
                f"{a} ± {b}{mark}",
                f"({a}{mark})",
            ]
        )
    )


@st.composite
def count_phrase(draw) -> str:
    a, b, noun = draw(written_number()), draw(written_number()), draw(data("population_counts/people_nouns"))
    return draw(
        st.sampled_from(
            [
                f"{a} {noun}",
                f"sebanyak {a} {noun}",
                f"{noun} sebanyak {a}",
                f"{noun} yang berjumlah {a}.",
                f"{a} hingga {b} {noun}",
                f"ketiga {noun}",
                f"per {a} {noun}",
                f"{a} dari {b} {noun}",
                f"1 {noun} 1 tabung",
                f"ada{a} {noun}nya",
            ]
        )
    )


NAME_WORD = st.one_of(
    data("names/given_names"),
    st.sampled_from(["Santoso", "Wijaya", "Kusumawati", "Firmansyah", "Prasetyo", "Lestari", "Nugroho", "Ma'ruf"]),
    st.sampled_from(["M.", "Moh.", "H.", "Hj.", "I", "A.", "Dr.", "S.H.", "M.Si.", "MT", "(Purn)"]),
)
NAME = st.lists(NAME_WORD, min_size=1, max_size=4).map(" ".join)
PLACE = st.one_of(data("places/regions"), st.sampled_from(["Sukamaju", "Kota Batu", "Jawa Timur", "RI"]))


@st.composite
def official_phrase(draw) -> str:
    title, name, place = draw(data("officials/office_titles")), draw(NAME), draw(PLACE)
    honorific, rank = draw(data("names/honorifics")), draw(data("names/military_police_ranks"))
    return draw(
        st.sampled_from(
            [
                f"{title} {place} {name}",
                f"{title} {name}",
                f"{name}, {title} {place},",
                f"{name} ({title} {place})",
                f"{honorific} {name}",
                f"{title} {place} {rank} {name}",
                f'kata {title} {place} {name}. "Kami siap," ujarnya.',
                f"{name} yang juga {title} {place}",
                f"Plt {title} {place} {name}",
                f"mantan {title} {name}",
            ]
        )
    )


@st.composite
def award_phrase(draw) -> str:
    cue, head, year = draw(data("awards/cue_nouns")), draw(data("awards/heads")), draw(YEAR)
    words = " ".join(draw(st.lists(st.sampled_from(["Kota", "Sehat", "Digital", "Best", "Nasional", "of", "dan", "Terbaik"]), max_size=4)))
    return draw(
        st.sampled_from(
            [
                f"meraih {cue} {words} {head} {year}",
                f"{head} {words} {year}",
                f"menerima sejumlah {cue}, di antaranya:\n- {words} {head}\n- {head} {words}\n",
                f"dinominasikan {cue} {words} {head}",
                f"juara I Lomba {words}",
                f"{cue} ini",
            ]
        )
    )


ODD = st.sampled_from(
    [
        "\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad", "\u00a0", "\u202e", "\u200f", "\u2028", "\x00", "\x0b",
        "\x1b", "İ", "ſ", "ß", "ﬁ", "e\u0301", "１２", "٢٠٢٤", "²", "½", "😀", "\u0645\u062d\u0645\u062f", "\u05d3\u05d5\u05d3",
    ]
)
GLUE = st.sampled_from(
    [" ", " ", " ", ", ", ". ", ".", "\n", "\n\n", "\r\n", "\r", " (", ") ", ' "', '" ', " “", "” ", " - ", ": ", "\t", "; ", "/"]
)
WORD = st.one_of(
    st.sampled_from(["dan", "yang", "di", "pada", "itu", "kata", "Editor :", "Baca juga:", "Rp", "KK", "ke-3", "RT 05"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=6),
)
PIECE = st.one_of(date_phrase(), percent_phrase(), count_phrase(), official_phrase(), award_phrase(), written_number(), WORD, ODD)


@st.composite
def news_like(draw) -> str:
    pieces = draw(st.lists(PIECE, min_size=1, max_size=25))
    text = "".join(piece + draw(GLUE) for piece in pieces)
    for _ in range(draw(st.integers(0, 3))):  # odd characters inside words and numbers
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(ODD) + text[at:]
    return text


FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


@FUZZ
@given(news_like(), st.sampled_from([None, "2024-08-14", "2000-02-29"]))
def test_news_like_pieces(pipeline, text, published):
    record = check(pipeline, text, published)
    # a name, a percentage or a count is written on one line
    on_lines = [o.name for o in record.officials] + [i.text for i in (*record.percentages, *record.population_counts)]
    assert not any("\n" in t or "\r" in t for t in on_lines), on_lines


def unify_line_breaks(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_line_breaks(pipeline, text: str) -> None:
    """The text with its line breaks written as LF, CRLF or CR gives the same record."""
    lf = unify_line_breaks(text)
    reference = values(pipeline(lf, published="2024-08-14"))
    for layout in (lf.replace("\n", "\r\n"), lf.replace("\n", "\r")):
        record = pipeline(layout, published="2024-08-14")
        assert_valid(record, layout)
        assert values(record) == reference


@FUZZ
@given(news_like())
def test_line_breaks_written_as_crlf_or_cr_change_nothing(pipeline, text):
    check_line_breaks(pipeline, text)


# ------------------------------------------------------------------ regressions


def regression_files() -> list[Path]:
    return sorted(REGRESSIONS.glob("*.txt"))


@pytest.mark.parametrize("path", regression_files(), ids=lambda p: p.stem)
def test_regression(pipeline, path):
    # bytes, decoded as they are: the inputs hold CRs and control characters that text mode would change
    text = path.read_bytes().decode("utf-8")
    record = check(pipeline, text)
    assert not any("\n" in o.name or "\r" in o.name for o in record.officials), "a name runs across lines"
    check_line_breaks(pipeline, text)
