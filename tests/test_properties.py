"""Properties that hold for any input: no exception, offsets that point at their text, records
that validate and round-trip through JSON, the same output for the same input."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import ArticleRecord
from tests.conftest import SEED

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted((SEED / "articles").glob("*.txt"))]

# text shaped like news: words, numbers, dates, titles and punctuation, with odd characters mixed in
NEWSY = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "Pj", "Wali Kota", "Mojokerto", "Moh.", "Ali", "Kuncoro", "Rabu", "(25/9/2024)", "14 Agu 2024",
                "triwulan II", "2024", "85,7%", "102.16", "persen", "144.853", "jiwa", "penduduk", "meraih",
                "penghargaan", "Best", "Smart", "Cities", "Kapolres", "AKBP", "kemarin", "hari ini", "tahun lalu",
                "(", ")", '"', "“", "”", ",", ".", "-", "\n", "\n\n", "  ", "\t", "Rp", "1.000.000,00", "dua belas",
                "ribu", "juta", "Editor :", "Baca juga:", "SCROLL TO CONTINUE WITH CONTENT",
            ]
        ),
        st.text(min_size=1, max_size=12),
    ),
    max_size=80,
).map(" ".join)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(pipeline, text: str, published: str | None = "2024-08-14") -> ArticleRecord:
    record = pipeline(text, published=published)
    items = [*record.dates, *record.percentages, *record.population_counts]
    items += [m for o in record.officials for m in (*o.mentions, *o.position_mentions)]
    items += [m for a in record.awards for m in a.mentions]
    for item in items:
        assert text[item.start : item.end] == item.text
    again = ArticleRecord.model_validate(json.loads(record.model_dump_json()), context={"text": text})
    assert again == record
    assert pipeline(text, published=published) == record
    return record


@SETTINGS
@given(st.text(max_size=400))
def test_any_unicode_text(pipeline, text):
    check(pipeline, text)


@SETTINGS
@given(NEWSY, st.sampled_from([None, "2024-08-14", "2017-01-01"]))
def test_newsy_text(pipeline, text, published):
    check(pipeline, text, published)


@st.composite
def mutated_seed(draw):
    """A seed article with characters dropped, duplicated, case-flipped or digits changed."""
    text = list(draw(st.sampled_from(SEED_TEXTS)))
    for _ in range(draw(st.integers(0, 40))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        kind = draw(st.sampled_from(["drop", "dup", "case", "digit", "insert"]))
        if kind == "drop":
            del text[at]
        elif kind == "dup":
            text.insert(at, text[at])
        elif kind == "case":
            text[at] = text[at].swapcase()
        elif kind == "digit" and text[at].isdigit():
            text[at] = str(draw(st.integers(0, 9)))
        elif kind == "insert":
            text.insert(at, draw(st.sampled_from(["\x00", "\u200b", "\u202e", "\r\n", "(", '"', ".", "%", "/"])))
    return "".join(text)


@SETTINGS
@given(mutated_seed())
def test_mutated_real_articles(pipeline, text):
    check(pipeline, text)
