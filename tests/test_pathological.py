"""Pathological inputs: each goes through ``extract`` (and the batch path where it matters)
without a crash, gives a record that validates with exact offsets, and does work that grows
with its length, not faster. No assertion here reads a clock (the machines are shared and
noisy); three checks take the place of timings:

- **Work counts** (``tests/counting.py``): the compiled patterns the extractor modules hold are
  wrapped in counters of the characters each call hands to the engine (a scan's window, or an
  anchored match's length). ``assert_linear`` runs an input at n and 4n characters and requires
  the work per character to grow by less than ``GROWTH`` (linear work gives about 1, a scan of
  the text per item about 4). The counts are the same on any machine.
- **Backtracking inside one call** is what a count cannot see: a number pattern that the regex
  engine backtracks into takes time quadratic in a run of ".000" groups (800 KB once ran a
  minute inside one match). It is excluded by construction: forward patterns take numbers
  whole (``numbers.LONGEST_NUMBER``), which ``tests/test_scan.py`` checks for every pattern the
  modules hold, together with the equivalence to the backtracking form on random number text.
  ``benchmarks/pathological.py`` times the same inputs at n and 4n (by hand, not a test).
- **The time guard fires** at a point no machine changes: ``counting.use_ticks`` makes the
  guard's clock a count of its own consultations, so a budget is a number of consultations.
  With a budget of one, every stage that consults the guard stops at once; the run returns and
  the warnings name the stages stopped. A cued scan consults the guard at each match (each
  ``regex`` match takes the remaining time as its timeout), so it stops when its budget of
  consultations is spent (``tests/test_guard.py``). The item cap and the length limit, which
  bound a record's size and an article's memory, are in ``tests/test_limits.py``.

The large inputs (the dotted-digit runs after a cue word of every field, 240 KB: where the
old number patterns took about 5 s a scan against a budget of 3.2 s) run under the real guard;
each field must then be what it should be, or be named by a guard warning: an outcome the
machine's speed cannot turn into a failure. Every text here is invented.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable

import pytest

from extractor.article import scan_form
from extractor.cli import main
from extractor.limits import DEFAULT_MAX_ITEMS
from extractor.pipeline import MAX_CHARACTERS
from schemas import ArticleRecord, field_names
from tests.counting import RegexWork, use_ticks

# ------------------------------------------------------------------ invented news text

PARAGRAPHS = [
    ("SUKAMAJU, Kabar Daerah - Bupati Sukamaju Hendra Wijaya meresmikan pasar rakyat di Kelurahan Cibeureum pada "
     "Rabu ({d}/9/2024). Pasar itu menampung {n3} pedagang dan dibangun dengan anggaran Rp {n1},{n1} miliar."),
    ("Kepala Dinas Kesehatan Kabupaten Sukamaju, dr. Rina Kusumawati, mengatakan cakupan imunisasi mencapai "
     "{n2},{n1} persen pada triwulan II 2024, naik dari {n2},{n1}% tahun lalu."),
    ('Jumlah penduduk Kecamatan Sukamulya tercatat {n2}.{n3} jiwa. "Kami terus mendata," kata Camat Sukamulya '
     "Yudi Prasetyo, S.Sos."),
    ("Pemerintah Kota Batu meraih penghargaan Adipura Kencana 2024 dari Kementerian Lingkungan Hidup. Penghargaan "
     "itu diserahkan pada {d} Agustus 2024 di Jakarta."),
    ("Kapolres Sukamaju AKBP Dedi Firmansyah menyebut {n2} orang diamankan dalam razia, Sabtu malam. Sebanyak "
     "{n1} di antaranya masih di bawah umur."),
    ("Inflasi tahunan Provinsi Jawa Timur pada Juli 2024 sebesar {n1},{n2} persen (yoy), sementara inflasi bulanan "
     "tercatat -0,{n2} persen."),
    ("Wakil Bupati Sugiarto meninjau lokasi banjir yang merendam {n3} rumah warga di Desa Pasirjati sejak Senin "
     "({d}/9)."),
]


def news(length: int, seed: int = 0) -> str:
    """Invented regional news of about ``length`` characters: paragraphs repeated with new numbers."""
    rng = random.Random(seed)
    parts, size = [], 0
    while size < length:
        paragraph = rng.choice(PARAGRAPHS).format(
            d=rng.randint(1, 28), n1=rng.randint(1, 9), n2=rng.randint(10, 99), n3=rng.randint(100, 999)
        )
        parts.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(parts)[:length]


def digits_and_dots(length: int) -> str:
    rng = random.Random(length)
    return "".join(rng.choice("0123456789012345678901234567890123456789.,") for _ in range(length))


def nested_parentheses(depth: int) -> str:
    return "(" * depth + "Bupati Sukamaju Hendra Wijaya meraih 5% suara pada Rabu (25/9/2024)" + ")" * depth


def number_table(rows: int) -> str:
    """A TSV table of districts: population, a share in percent, households."""
    lines = ["Kecamatan\tPenduduk\tPersentase\tKK miskin"]
    for i in range(rows):
        lines.append(f"Desa {i}\t{(i * 1371) % 90000 + 1000:,}".replace(",", ".") + f"\t{i % 97},{i % 10}%\t{i % 900 + 2} KK")
    return "\n".join(lines)


# ------------------------------------------------------------------ checks


def mentions(record: ArticleRecord) -> list:
    """Every item of the record that carries offsets."""
    items = [*record.dates, *record.percentages, *record.population_counts]
    items += [m for o in record.officials for m in (*o.mentions, *o.position_mentions)]
    items += [m for a in record.awards for m in a.mentions]
    return items


def assert_valid(record: ArticleRecord, text: str) -> None:
    """Offsets index the input exactly; the record survives JSON and validates against the text."""
    for item in mentions(record):
        assert text[item.start : item.end] == item.text, item
    again = ArticleRecord.model_validate_json(record.model_dump_json(), context={"text": text})
    assert again == record


def values(record: ArticleRecord) -> dict[str, list]:
    """What a record says, without offsets: to compare records of texts that differ in layout."""
    return {
        "dates": sorted((d.text.replace("\r", "").replace("\n", ""), str(d.value)) for d in record.dates),
        "percentages": sorted(p.value for p in record.percentages),
        "population_counts": sorted(c.value for c in record.population_counts),
        "officials": sorted((o.name, tuple(o.positions)) for o in record.officials),
        "awards": sorted(a.name for a in record.awards),
    }


@pytest.fixture
def work(monkeypatch) -> RegexWork:
    """Counts the extractor's pattern work while the test runs."""
    return RegexWork().install(monkeypatch)


GROWTH = 1.25  # work per character from n to 4n characters: linear gives about 1, quadratic about 4


def assert_linear(pipeline, work: RegexWork, make: Callable[[int], str], n: int) -> ArticleRecord:
    """``make(4 * n)`` takes at most ``GROWTH`` times the work per character of ``make(n)``;
    returns the large input's record."""
    small, large = make(n), make(4 * n)
    w_small, _ = work.measure(pipeline, small, published="2024-09-26")
    w_large, record = work.measure(pipeline, large, published="2024-09-26")
    per_small, per_large = w_small / max(len(small), 1), w_large / len(large)
    assert per_large <= GROWTH * per_small, f"{len(small)} chars: {w_small} units, {len(large)} chars: {w_large} units"
    assert_valid(record, large)
    return record


def guard_warnings(record: ArticleRecord) -> list[str]:
    return [w for w in record.warnings if w.startswith("time guard")]


def stopped(record: ArticleRecord, field: str) -> bool:
    """Whether a guard warning names ``field`` (a stage of it stopped: its findings may be partial)."""
    return any(w.startswith(f"time guard: {field}") for w in record.warnings)


# ------------------------------------------------------------------ empty and huge


@pytest.mark.parametrize("text", ["", " ", "\n", "\r\n\r\n", "\t \u00a0\u3000 \n", "\u200b\ufeff"])
def test_empty_and_blank_text(pipeline, text):
    record = pipeline(text)
    assert_valid(record, text)
    assert all(getattr(record, field) == [] for field in field_names())
    assert record.warnings == []


def test_news_in_linear_work(pipeline, work):
    record = assert_linear(pipeline, work, news, 100_000)
    assert len(record.dates) > 1_000 or stopped(record, "dates")


def test_an_article_at_the_length_limit_gives_a_whole_record(pipeline):
    """5 MB of news (the longest text taken): a valid record, every field found or stopped by
    the guard; the item cap, raised here, is not what is tested."""
    text = news(MAX_CHARACTERS)
    record = pipeline(text, published="2024-09-26", max_items=1_000_000)
    assert_valid(record, text)
    for field in ("dates", "percentages", "population_counts"):
        assert len(getattr(record, field)) > 10_000 or stopped(record, field), field
    names = {o.name for o in record.officials}
    assert {"Hendra Wijaya", "Rina Kusumawati", "Dedi Firmansyah"} <= names or stopped(record, "officials")


def test_text_over_the_length_limit_is_refused_in_one_line(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline.nlp, "max_length", 1000)
    with pytest.raises(ValueError, match="longer than the 1,000 the pipeline takes"):
        pipeline("x " * 1000)


# ------------------------------------------------------------------ degenerate runs


def test_a_line_of_100000_digits_and_dots(pipeline, work):
    record = assert_linear(pipeline, work, digits_and_dots, 25_000)
    assert record.percentages == [] and record.population_counts == [] and record.officials == []


def test_10000_rupiah_amounts(pipeline, work):
    record = assert_linear(pipeline, work, lambda n: " ".join(["Rp 1.000.000,00"] * n), 2_500)
    assert record.percentages == [] and record.population_counts == [] and record.dates == []


def test_5000_nested_parentheses(pipeline, work):
    record = assert_linear(pipeline, work, nested_parentheses, 1_250)
    assert [p.value for p in record.percentages] == [5.0] or stopped(record, "percentages")
    assert [d.value for d in record.dates] == ["2024-09-25"] or stopped(record, "dates")


def test_a_title_and_name_repeated_2000_times(pipeline, work):
    record = assert_linear(pipeline, work, lambda n: "Wali Kota Mojokerto Ali Kuncoro, " * n, 500)
    assert [o.name for o in record.officials] == ["Ali Kuncoro"] or stopped(record, "officials")


def test_a_run_of_percent_marks(pipeline, work):
    """10,000 percentages: the field keeps the item cap's first 2,000 and says so."""
    record = assert_linear(pipeline, work, lambda n: "5%" * n, 2_500)
    if not stopped(record, "percentages"):
        assert len(record.percentages) == DEFAULT_MAX_ITEMS
        assert "item cap: percentages kept the first 2000 of 10000 items; 8000 dropped" in record.warnings


def test_a_line_of_dates(pipeline, work):
    record = assert_linear(pipeline, work, lambda n: "25/9/2024 " * n, 500)
    assert len(record.dates) == 2_000 or stopped(record, "dates")


# ------------------------------------------------------------------ odd characters


CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\t\n\r"] + ["\x7f", "\x85"]


def test_control_characters_mixed_into_an_article(pipeline):
    rng = random.Random(7)
    clean = news(20_000, seed=3)
    dirty = "".join(ch + (rng.choice(CONTROLS) if rng.random() < 0.05 else "") for ch in clean)
    assert_valid(pipeline(dirty), dirty)
    # on lines of their own, control characters change nothing
    between = clean.replace("\n\n", "\n\x00\x07\x1b\n")
    assert values(pipeline(between, published="2024-09-26")) == values(pipeline(clean, published="2024-09-26"))


def test_line_endings_do_not_change_the_record(pipeline):
    lf = news(6_000, seed=5)
    reference = values(pipeline(lf, published="2024-09-26"))
    rng = random.Random(5)
    mixed = "".join(rng.choice(["\n", "\r\n", "\r"]) if ch == "\n" else ch for ch in lf)
    for text in (lf.replace("\n", "\r\n"), lf.replace("\n", "\r"), mixed):
        record = pipeline(text, published="2024-09-26")
        assert_valid(record, text)  # offsets index the original string, CRs included
        assert values(record) == reference


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_nothing_is_read_across_a_line_break(pipeline, newline):
    text = f"Naik 5{newline}% dari target, turun 3{newline}persen.{newline}Kata Rp{newline}50.000 warga hadir."
    record = pipeline(text)
    assert record.percentages == []  # a number and the mark on the next line
    assert [c.value for c in record.population_counts] == [50000]  # "Rp" on the line before blocks nothing


def test_right_to_left_and_zero_width_characters(pipeline):
    text = (
        "Bupati Sukamaju Hen\u200bdra Wi\u200djaya bertemu \u0645\u062d\u0645\u062f \u0639\u0644\u064a dan "
        "\u05d3\u05d5\u05d3 \u05db\u05d4\u05df pada Rabu (2\u200b5/9/2024). Cakupan naik 9\u00ad2,5 persen "
        "dan 1\u200c200 warga hadir. \u202eKepala Dinas Kesehatan dr. Rina\ufeff Kusumawati\u202c menyebut "
        "angka \u0662\u0660\u0662\u0664 dan \u200f45.210 jiwa."
    )
    record = pipeline(text, published="2024-09-26")
    assert_valid(record, text)
    assert 45210 in [c.value for c in record.population_counts]


def test_a_byte_order_mark_changes_nothing(pipeline):
    text = news(3_000, seed=9)
    assert values(pipeline("\ufeff" + text)) == values(pipeline(text))

ODD_SPACES = ["\u00a0", "\u202f", "\u2009", "\u2007", "\u3000"]


def test_no_break_and_other_unicode_spaces_read_as_spaces(pipeline):
    """Pages converted from HTML keep &nbsp; ("92,5\u00a0persen"): the record says what it says
    with plain spaces, and each item's text is the input's own characters at its offsets."""
    plain = news(8_000, seed=21)
    rng = random.Random(21)
    odd = "".join(rng.choice(ODD_SPACES) if ch == " " and rng.random() < 0.5 else ch for ch in plain)
    record = pipeline(odd, published="2024-09-26")
    assert_valid(record, odd)
    found = values(record)
    found["dates"] = sorted((scan_form(text), value) for text, value in found["dates"])
    assert found == values(pipeline(plain, published="2024-09-26"))
    assert any("\u00a0" in item.text for item in mentions(record))  # quoted as written
    assert all(item.evidence in odd for item in mentions(record))


def test_a_no_break_space_inside_the_smallest_items(pipeline):
    record = pipeline("Cakupan mencapai 92,5\u00a0persen dari 1.200\u202fjiwa pada Rabu\u00a0(25/9/2024).", published="2024-09-26")
    assert [(p.text, p.value) for p in record.percentages] == [("92,5\u00a0persen", 92.5)]
    assert [(c.text, c.value) for c in record.population_counts] == [("1.200\u202fjiwa", 1200)]
    assert [(d.text, d.value) for d in record.dates] == [("Rabu\u00a0(25/9/2024)", "2024-09-25")]



def test_numbers_too_long_for_a_float(pipeline):
    text = f"Sebanyak {'9' * 400} warga hadir, naik {'9' * 5000}% dan turun -{'9' * 400} persen; {'9' * 320} juta jiwa."
    record = pipeline(text)
    assert_valid(record, text)
    assert record.population_counts == [] and record.percentages == []


# ------------------------------------------------------------------ other kinds of text


ENGLISH = """JAKARTA, Oct 3 (Newswire) - The mayor of Sukamaju said on Wednesday that the city would spend 2.5 trillion
rupiah on flood defences next year, as rainfall rose 12% above the seasonal average.

"We cannot wait for another disaster," Mayor Hendra Wijaya told reporters, adding that about 1,200 people had been
moved from riverside homes since September 25, 2024.

Governor Rina Kusumawati, who visited the site with the head of the regional disaster agency, said the province had
recorded 35 floods this year, up from 21 in 2023. Police chief Dedi Firmansyah said two officers were injured.

Inflation in East Java eased to 2.1 percent in August, the statistics bureau said.

Editing by John Smith"""


def test_an_english_article_gives_no_indonesian_false_positives(pipeline):
    record = pipeline(ENGLISH, published="2024-10-03")
    assert_valid(record, ENGLISH)
    assert record.officials == [] and record.population_counts == []
    assert all("%" in p.text or "percent" in p.text for p in record.percentages)
    assert all(d.value[:4] in ("2023", "2024") for d in record.dates)


ROWS = [("Sukamaju", 45210, "12,5", 1320), ("Sukamulya", 38004, "9,75", 987), ("Cibeureum", 120450, "31,2", 4501)]
TSV = "Kecamatan\tPenduduk\tPersentase\tKK miskin\n" + "\n".join(
    f"{name}\t{people:,}".replace(",", ".") + f"\t{share}%\t{households} KK" for name, people, share, households in ROWS
)
ALIGNED = "Kecamatan      Penduduk   Persen   Warga miskin\n" + "\n".join(
    f"{name:<14}{people:>9,}".replace(",", ".") + f"{share + '%':>9}{households:>8} jiwa"
    for name, people, share, households in ROWS
)


@pytest.mark.parametrize("text", [TSV, ALIGNED], ids=["tsv", "aligned"])
def test_a_table_of_numbers(pipeline, text):
    record = pipeline(text, published="2024-10-03")
    assert_valid(record, text)
    assert [p.value for p in record.percentages] == [12.5, 9.75, 31.2]
    assert [c.value for c in record.population_counts] == [1320, 987, 4501]
    assert record.dates == [] and record.officials == [] and record.awards == []


def test_a_long_table_in_linear_work(pipeline, work):
    record = assert_linear(pipeline, work, number_table, 500)
    assert len(record.percentages) == 2_000 or stopped(record, "percentages")


# ------------------------------------------------------------------ files and the batch path

BAD_BYTES = {
    "invalid start byte": b"Naik 5% \xff\xfe pada Rabu",
    "truncated sequence": b"Naik 5% pada Rabu \xe2\x82",
    "overlong encoding": b"Naik \xc0\xaf 5%",
    "encoded surrogate": b"Naik \xed\xa0\x80 5%",
}


@pytest.mark.parametrize("raw", BAD_BYTES.values(), ids=BAD_BYTES.keys())
def test_invalid_utf8_file_is_one_line_exit_2(capsys, tmp_path, raw):
    path = tmp_path / "bad.txt"
    path.write_bytes(raw)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "not UTF-8 at byte" in err and "Traceback" not in err


ODD_TEXTS = {
    "empty": "",
    "controls": "Naik 5\x00 persen.\x07 Turun 3% pada Rabu (25/9/2024).\x1b",
    "line-endings": "Naik 5%\r\nTurun 3 persen\rpada 14 Agustus 2024\n",
    "huge-number": f"Sebanyak {'9' * 400} warga hadir.",
    "parentheses": nested_parentheses(500),
    "rtl": "Bupati \u05d3\u05d5\u05d3 \u0645\u062d\u0645\u062f naik 5%.",
}


def test_batch_sets_undecodable_files_aside_and_writes_every_odd_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Naik 5% pada Rabu (25/9/2024).", encoding="utf-8")
    for i, raw in enumerate(BAD_BYTES.values()):
        (folder / f"b{i}.txt").write_bytes(raw)
    (folder / "c.txt").write_text("Sebanyak 1.200 warga hadir.", encoding="utf-8")
    rows = "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in ODD_TEXTS.items())
    (folder / "odd.jsonl").write_text(rows, encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert main(["batch", str(folder), "--out", str(out), "--errors", str(errors)]) == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a", "c", *ODD_TEXTS]
    for row in records[2:]:
        assert_valid(ArticleRecord.model_validate(row), ODD_TEXTS[row["id"]])
    failures = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [f["id"] for f in failures] == [f"b{i}" for i in range(len(BAD_BYTES))]
    assert all("not UTF-8 at byte" in f["error"] for f in failures)


# ------------------------------------------------------------------ dotted-digit runs after cue words
# (a run of ".000" groups made the number patterns backtrack in quadratic time: "Sebanyak 1" and
# 800 KB of ".000" ran 57 s against a budget of 6 s, with no warning)

RUN = 60_000  # groups: 240 KB, where the old patterns took about 5 s a scan against 3.2 s


def _names_bounded(items) -> bool:
    """A name does not run on with the run: at most 25 words, however long the run."""
    return all(len(item.name.split()) <= 25 for item in items)


# field under test, the text at n groups, what the record should hold (item texts, or a check)
DOTTED_RUNS = [
    ("population_counts", lambda n: "Sebanyak 1" + ".000" * n + " jiwa.", {}),  # too long for a float
    ("population_counts", lambda n: "Sebanyak 1." + ".000" * n + " jiwa.", {}),
    ("population_counts", lambda n: "Ada 1 orang 1" + ".000" * n + "x.", {}),
    ("population_counts", lambda n: "Warga sebanyak 1" + ",000" * n + " orang.", {}),
    ("percentages", lambda n: "Naik 1" + ".000" * n + " persen.", {}),
    ("percentages", lambda n: "Naik 1." + ".000" * n + " persen.", {}),
    ("percentages", lambda n: "Naik 1," + ",000" * n + "%.", {}),
    ("percentages", lambda n: "Naik 1" + ",000" * n + "%.", {}),
    ("dates", lambda n: "Rapat pada tanggal 1." + ".2024" * n, {"dates": ["tanggal 1"]}),
    ("dates", lambda n: "Rapat (1/1" + "/1" * n + ").", {}),
    ("dates", lambda n: "Rapat tanggal 1" + ".000" * n + " Juni 2024.", {"dates": ["Juni 2024"]}),
    ("officials", lambda n: "Bupati Sukamaju 1" + ".000" * n + " hadir.", {}),
    ("officials", lambda n: "Bupati Sukamaju " + "H. " * (n // 4) + "hadir.", {"officials": _names_bounded}),
    ("officials", lambda n: "Bupati Sukamaju " + "Hendra " * (n // 40) + "hadir.", {"officials": _names_bounded}),
    ("awards", lambda n: "Kota Batu meraih penghargaan 1" + ".000" * n + " Award.", {"awards": ["Award"]}),
    ("awards", lambda n: "Kota Batu meraih penghargaan Adipura " + "Kencana " * (n // 40) + "dari Kementerian.",
     {"awards": _names_bounded}),
]


def _as_expected(record: ArticleRecord, expected: dict) -> None:
    """Each field holds what ``expected`` says (nothing where it says nothing), or a guard
    warning names it."""
    for field in field_names():
        items, want = getattr(record, field), expected.get(field, [])
        got = items if callable(want) else [getattr(item, "text", None) or item.name for item in items]
        assert (want(got) if callable(want) else got == want) or stopped(record, field), (field, got[:3])


@pytest.mark.parametrize(
    ("field", "make", "expected"), DOTTED_RUNS, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(DOTTED_RUNS)]
)
def test_a_dotted_digit_run_after_a_cue_word(pipeline, work, monkeypatch, field, make, expected):
    """At full size under the real guard: the record validates and holds what it should, or the
    guard says which field it stopped. The pattern work grows linearly from a quarter of the
    size. With a budget of one consultation, the field's stages stop at once and say so."""
    record = assert_linear(pipeline, work, make, RUN // 4)
    _as_expected(record, expected)
    small = make(RUN // 4)
    use_ticks(monkeypatch, budget=1)
    stopped_record = pipeline(small, published="2024-09-26")
    assert_valid(stopped_record, small)
    assert stopped(stopped_record, field), stopped_record.warnings


def test_the_work_counter_sees_the_patterns_of_every_field_package():
    # the counts above mean something only if the fields' own patterns are among those counted
    from tests.counting import held_patterns

    owners = {getattr(owner, "__module__", None) or owner.__name__ for owner, _, _ in held_patterns()}
    packages = {name.rsplit(".", 1)[0] for name in owners if name.startswith(("extractor.fields.", "extractor.figure_keys."))}
    fields = {"extractor.fields." + name for name in ("dates", "officials", "awards", "percentages", "population_counts")}
    assert fields | {"extractor.figure_keys"} <= packages
