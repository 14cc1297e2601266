"""extractor show: the HTML page of an article with its items highlighted (displaCy spans),
checked as markup, through the command line, and rendered by headless Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import numpy
import pytest

from extractor.cli import main
from extractor.inputs import ArticleInput
from extractor.show import SPANS_KEY, analyse, render_html
from schemas import ArticleRecord, field_names, field_schemas

FIELDS = field_names()
FIELD_COLOURS = {schema.name: schema.colour for schema in field_schemas()}

# invented sentences with one item of each field
ARTICLE = (
    "Sleman, Rabu (25/9/2024) - Bupati Sleman Hendra Wijayakusuma menerima penghargaan Adipura Kencana "
    "dari Kementerian Lingkungan Hidup.\n\n"
    "Menurut Hendra, sebanyak 1.250 jiwa warga telah menerima bantuan. "
    "Tingkat kepuasan warga mencapai 85,7 persen."
)
EXPECTED_TITLES = {
    "dates": {"2024-09-25 (day)"},
    "percentages": {"85.7 — Tingkat kepuasan warga"},  # the value, then what it measures
    "population_counts": {"1250 jiwa — warga"},
    "officials": {"Hendra Wijayakusuma — Bupati Sleman"},
    "awards": {"Adipura Kencana (giver: Kementerian Lingkungan Hidup)"},
}


class Markup(HTMLParser):
    """The elements of a page (tag, attributes) and the visible text of its <article>,
    highlight labels left out."""

    def __init__(self, page: str):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.article_text: list[str] = []
        self._open: list[tuple[str, dict[str, str]]] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        self.elements.append((tag, attributes))
        if tag not in ("meta", "br"):
            self._open.append((tag, attributes))

    def handle_endtag(self, tag):
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        tags = [tag for tag, _ in self._open]
        in_label = any("extractor-label" in a.get("class", "") for _, a in self._open)
        if "article" in tags and not in_label:
            self.article_text.append(data)

    def having(self, cls: str) -> list[dict[str, str]]:
        return [a for _, a in self.elements if cls in a.get("class", "").split()]

    def titles(self, cls: str = "extractor-start") -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for attributes in self.having(cls):
            found.setdefault(attributes["data-field"], set()).add(attributes["title"])
        return found


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def analysed(pipeline):
    return analyse(ARTICLE, published="2024-09-25", id="contoh", pipeline=pipeline)


# ---------------------------------------------------------------- the markup


def test_every_field_is_highlighted_with_its_value_as_title(analysed):
    doc, record = analysed
    page = Markup(render_html(doc, record))
    assert page.titles("extractor-start") == EXPECTED_TITLES
    # the bars under the other pieces of an item carry the same field and title
    assert page.titles("extractor-bar") == EXPECTED_TITLES
    # one start per item (per mention for officials and awards)
    starts = page.having("extractor-start")
    assert len(starts) == sum(len(getattr(record, f)) for f in FIELDS if f not in ("officials", "awards")) + sum(
        len(item.mentions) for f in ("officials", "awards") for item in getattr(record, f)
    )
    assert len(page.having("extractor-label")) == len(starts)
    # no displaCy key left behind
    assert not any("data-item" in a for _, a in page.elements)


def test_a_figure_title_says_what_it_measures():
    from extractor.show import item_title
    from schemas import PercentageItem, PopulationCountItem

    spm = PercentageItem(text="85,7%", value=85.7, subject="capaian SPM", period="2024-Q2", place="Kota Mojokerto")
    assert item_title("percentages", spm) == "85.7 — capaian SPM, 2024-Q2, Kota Mojokerto"
    assert item_title("percentages", PercentageItem(text="5%", value=5.0)) == "5"
    count = PopulationCountItem(text="60 orang", value=60, unit="orang", subject="orang", period="2024-03")
    assert item_title("population_counts", count) == "60 orang — orang, 2024-03"


def test_the_page_has_header_legend_and_the_text_as_written(analysed):
    doc, record = analysed
    html = render_html(doc, record)
    page = Markup(html)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<h1>contoh</h1>" in html and "published: 2024-09-25" in html
    counts = {a["data-count"] for _, a in page.elements if "data-count" in a}
    assert counts == set(FIELDS)
    for field in FIELDS:
        assert f'<span data-count="{field}">{field} {len(getattr(record, field))}</span>' in html
        assert f'[data-field="{field}"] {{ background: {FIELD_COLOURS[field]}; }}' in html
    assert {a["data-field"] for a in page.having("swatch")} == set(FIELDS)
    assert not page.having("warnings")
    # the article's text, every character of it, paragraph by paragraph
    assert squeeze("".join(page.article_text)) == squeeze(ARTICLE)
    assert len(page.having("spans")) == 2


def test_the_combined_span_group_holds_every_field(analysed):
    doc, record = analysed
    render_html(doc, record)
    group = doc.spans[SPANS_KEY]
    assert {span.label_ for span in group} == set(FIELDS)
    for span in group:
        assert span.text in ARTICLE
    assert {span.text for span in group if span.label_ == "dates"} == {"Rabu (25/9/2024)"}


def test_overlapping_items_are_stacked_and_values_escaped(pipeline):
    text = 'Hadiah <Kalpataru & "Emas" 2024> diserahkan.'
    doc = pipeline.nlp(pipeline.make_doc(ArticleInput(text=text)))
    name = text[text.index("<") : text.index(">") + 1]
    year = text.index("2024")
    record = ArticleRecord.model_validate(
        {
            "id": "x<y",
            "officials": [],
            "percentages": [],
            "population_counts": [],
            "dates": [{"text": "2024", "start": year, "end": year + 4, "value": "2024", "granularity": "year"}],
            "awards": [{"name": name, "mentions": [{"text": name, "start": text.index("<"), "end": text.index(">") + 1}]}],
            "warnings": ["time guard: <dates> stopped"],
        },
        context={"text": text},
    )
    html = render_html(doc, record)
    page = Markup(html)
    assert page.titles() == {"awards": {name}, "dates": {"2024 (year)"}}
    assert 'title="&lt;Kalpataru &amp; &quot;Emas&quot; 2024&gt;"' in html
    assert "<h1>x&lt;y</h1>" in html and "time guard: &lt;dates&gt; stopped" in html
    assert page.having("warnings")
    assert squeeze("".join(page.article_text)) == squeeze(text)
    # the year lies under both: two bars at different heights
    (year_piece,) = [i for i, (tag, a) in enumerate(page.elements) if "extractor-start" in a.get("class", "") and a["data-field"] == "dates"]
    bars_at_year = [a for _, a in page.elements[year_piece - 3 : year_piece + 1] if "extractor-bar" in a.get("class", "")]
    assert {a["data-field"] for a in bars_at_year} == {"awards", "dates"}
    assert len({a["style"] for a in bars_at_year}) == 2


def test_punctuation_next_to_a_highlight_keeps_its_spacing(pipeline):
    text = "Capaian naik (85,7 persen) pada periode 2023-2024 lalu."
    doc, record = analyse(text, pipeline=pipeline)
    page = Markup(render_html(doc, record))
    # (a range of two years gives the figure no period)
    assert page.titles() == {"percentages": {"85.7 — Capaian"}, "dates": {"2023 (year)", "2024 (year)"}}
    # displaCy's own rendering would read "( 85,7 persen )" and "2023- 2024"
    assert squeeze("".join(page.article_text)) == text


def test_an_article_without_items_renders_plain_text(pipeline):
    doc, record = analyse("Hujan turun sepanjang hari.", pipeline=pipeline)
    page = Markup(render_html(doc, record))
    assert not page.having("extractor-bar")
    assert squeeze("".join(page.article_text)) == "Hujan turun sepanjang hari."


# ---------------------------------------------------------------- the command line


def test_show_writes_the_page(tmp_path, capsys):
    article = tmp_path / "contoh.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "contoh.html"
    assert main(["show", str(article), "--html", str(out), "--published", "2024-09-25"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    page = Markup(out.read_text(encoding="utf-8"))
    assert page.titles() == EXPECTED_TITLES
    assert "<h1>contoh</h1>" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "extra", "message"),
    [
        (None, [], "cannot read"),
        (b"Rabu \xff", [], "not UTF-8 at byte 5"),
        (b"Rabu (25/9/2024)", ["--published", "kemarin"], "names no day, month and year"),
    ],
)
def test_show_unusable_input_is_one_line_and_exit_2(tmp_path, capsys, content, extra, message):
    article = tmp_path / "a.txt"
    if content is not None:
        article.write_bytes(content)
    out = tmp_path / "a.html"
    assert main(["show", str(article), "--html", str(out), *extra]) == 2
    err = capsys.readouterr().err
    assert err.startswith("extractor show: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


# ---------------------------------------------------------------- headless Chromium

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium binary, or a skip: tests never install anything (.ci/run installs it)."""
    found = shutil.which("chromium") or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    if not found:
        pytest.skip("chromium is not installed (Debian: apt-get install chromium; .ci/run does this)")
    return found


def run_chromium(binary: str, profile: Path, *args: str) -> str:
    command = [
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--hide-scrollbars", f"--user-data-dir={profile}", *args,
    ]  # fmt: skip
    # its own process group, so that a hung browser and its helpers can all be stopped
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        out, _ = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    assert process.returncode == 0, command
    return out.decode("utf-8")


def read_png(data: bytes) -> numpy.ndarray:
    """The pixels (height, width, channels) of an 8-bit non-interlaced RGB(A) PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, compressed, header = 8, [], None
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed.append(body)
        at += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and not interlace, header
    bpp = 3 if colour_type == 2 else 4
    raw = numpy.frombuffer(zlib.decompress(b"".join(compressed)), dtype=numpy.uint8).reshape(height, 1 + width * bpp)
    pixels = numpy.zeros((height, width * bpp), dtype=numpy.int64)
    prior = numpy.zeros(width * bpp, dtype=numpy.int64)
    for y in range(height):
        kind, row = raw[y, 0], raw[y, 1:].astype(numpy.int64)
        if kind == 1:  # Sub
            row = numpy.cumsum(row.reshape(width, bpp), axis=0).reshape(-1) % 256
        elif kind == 2:  # Up
            row = (row + prior) % 256
        elif kind in (3, 4):  # Average, Paeth: each byte depends on the one decoded before it
            for x in range(width * bpp):
                left = row[x - bpp] if x >= bpp else 0
                if kind == 3:
                    row[x] = (row[x] + (left + prior[x]) // 2) % 256
                    continue
                up, upleft = prior[x], prior[x - bpp] if x >= bpp else 0
                guess = left + up - upleft
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - upleft), 2, upleft))
                row[x] = (row[x] + near[2]) % 256
        pixels[y] = row
        prior = row
    return pixels.reshape(height, width, bpp)[:, :, :3].astype(numpy.uint8)


def colour_pixels(pixels: numpy.ndarray, colour: str) -> int:
    rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return int(numpy.all(pixels == rgb, axis=2).sum())


def test_chromium_renders_every_highlight_with_its_title(chromium, analysed, tmp_path):
    doc, record = analysed
    page = tmp_path / "contoh.html"
    page.write_text(render_html(doc, record), encoding="utf-8")
    dom = Markup(run_chromium(chromium, tmp_path / "profile", "--dump-dom", page.as_uri()))
    assert dom.titles("extractor-start") == EXPECTED_TITLES
    labels = [a for _, a in dom.elements if "extractor-label" in a.get("class", "")]
    assert len(labels) == len(dom.having("extractor-start"))
    assert squeeze("".join(dom.article_text)) == squeeze(ARTICLE)


def test_chromium_paints_each_field_in_its_colour(chromium, analysed, tmp_path):
    doc, record = analysed
    empty = record.model_copy(update={field: [] for field in FIELDS})
    counts = {}
    for name, shown in (("highlighted", record), ("plain", empty)):
        page = tmp_path / f"{name}.html"
        page.write_text(render_html(doc, shown), encoding="utf-8")
        shot = tmp_path / f"{name}.png"
        run_chromium(chromium, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1000,600", page.as_uri())
        pixels = read_png(shot.read_bytes())
        counts[name] = {field: colour_pixels(pixels, colour) for field, colour in FIELD_COLOURS.items()}
    for field in FIELDS:
        # the legend shows every colour on both pages; the highlights add bars and labels
        assert counts["plain"][field] > 0, field
        assert counts["highlighted"][field] > counts["plain"][field] + 100, (field, counts)
