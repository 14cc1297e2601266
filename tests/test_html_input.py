"""HTML input: the main text and page metadata with trafilatura (the optional extra html)."""

from __future__ import annotations

import builtins
import datetime as dt
import json

import pytest

from extractor.batch import load_records, run_batch
from extractor.cli import main
from extractor.html_input import HtmlInputError, HtmlSupportMissing, read_page
from extractor.inputs import input_from_html, input_from_row
from extractor.pipeline import Pipeline
from schemas import ArticleRecord

pytest.importorskip("trafilatura")

WIB = dt.timezone(dt.timedelta(hours=7))

# an invented page: navigation, an ad, the article, related links and a footer
PAGE = """<!DOCTYPE html>
<html lang="id"><head>
<meta charset="utf-8">
<title>Pemkab Contoh Resmikan Pasar Baru - Warta Contoh</title>
<meta property="og:site_name" content="Warta Contoh">
<meta property="og:title" content="Pemkab Contoh Resmikan Pasar Baru">
<meta name="author" content="Budi Santoso">
<meta property="article:published_time" content="2024-08-14T20:47:00+07:00">
<link rel="canonical" href="https://warta-contoh.example/berita/pasar-baru">
</head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/politik">Politik</a></li><li><a href="/ekonomi">Ekonomi</a></li></ul></nav>
<div class="ads">ADVERTISEMENT Pasang iklan Anda di sini hubungi kami</div>
<article>
<h1>Pemkab Contoh Resmikan Pasar Baru</h1>
<p>SIDOARJO, Warta Contoh - Bupati Sidoarjo Andi Wijaya meresmikan pasar baru di Desa Sukamaju,
Rabu (14/8/2024). Pasar itu menampung 250 pedagang dari tiga kecamatan sekitar.</p>
<p>"Pasar ini kami bangun agar warga tidak perlu jauh berbelanja," kata Andi di lokasi peresmian kemarin sore.</p>
<p>Menurut Kepala Dinas Perdagangan Sidoarjo Siti Rahma, tingkat hunian kios sudah mencapai 85 persen
dan sisanya akan diundi bulan depan.</p>
</article>
<aside><h3>Berita Terkait</h3><ul><li><a href="/a">Harga cabai naik lagi</a></li>
<li><a href="/b">Jalan desa diperbaiki</a></li></ul></aside>
<footer><p>Copyright 2024 Warta Contoh. Hak cipta dilindungi.</p><p>Redaksi | Pedoman Media Siber | Kontak</p></footer>
</body></html>
"""

BROKEN = "<html><body><div><p"  # cut off before any text


@pytest.fixture(scope="module")
def record():
    return Pipeline().process(input_from_html(PAGE, id="pasar"))


def test_main_text_without_boilerplate():
    page = read_page(PAGE)
    assert "Bupati Sidoarjo Andi Wijaya meresmikan pasar baru" in page.text
    assert "85 persen" in page.text
    for boilerplate in ("Beranda", "ADVERTISEMENT", "Berita Terkait", "Harga cabai", "Copyright", "Pedoman Media Siber"):
        assert boilerplate not in page.text


def test_page_metadata_fills_the_record(record):
    assert record.meta == {"title": "Pemkab Contoh Resmikan Pasar Baru", "url": "https://warta-contoh.example/berita/pasar-baru"}
    assert record.article.reporters == ["Budi Santoso"]
    assert record.article.outlet == "Warta Contoh"
    assert record.article.published_at == dt.datetime(2024, 8, 14, 20, 47, tzinfo=WIB)
    assert record.published == dt.date(2024, 8, 14)
    assert record.article.dateline_place == "SIDOARJO"  # the text's own dateline, after the title line


def test_records_point_into_the_extracted_text(record):
    text = read_page(PAGE).text
    ArticleRecord.model_validate(json.loads(record.model_dump_json()), context={"text": text})
    assert [p.value for p in record.percentages] == [85.0]
    assert [c.value for c in record.population_counts] == [250]
    assert {o.name for o in record.officials} == {"Andi Wijaya", "Siti Rahma"}
    # relative dates resolve against the page's date
    assert {d.text: d.value for d in record.dates}["bulan depan"] == "2024-09"


def test_a_jsonl_row_with_html(tmp_path):
    rows = [
        {"id": "page1", "html": PAGE, "published": "2024-08-15", "topic": "ekonomi"},
        {"id": "broken", "html": BROKEN},
        {"id": "text1", "text": "Naik 3 persen."},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch([str(src)], out, errors=errors)
    records = load_records(out)
    assert [r.id for r in records] == ["page1", "text1"]
    assert records[0].published == dt.date(2024, 8, 15)  # the row's date wins over the page's
    assert records[0].meta["topic"] == "ekonomi" and records[0].meta["title"].startswith("Pemkab")
    failure = json.loads(errors.read_text())
    assert failure["id"] == "broken" and "no article text" in failure["error"]
    assert summary.errors == 1


def test_html_files_in_a_batch_and_a_broken_one(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.html").write_text(PAGE, encoding="utf-8")
    (folder / "empty.htm").write_text("", encoding="utf-8")
    (folder / "broken.html").write_text(BROKEN, encoding="utf-8")
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    summary = run_batch([str(folder)], out, errors=errors)
    assert [r.id for r in load_records(out)] == ["good"]
    failures = {f["id"]: f["error"] for f in map(json.loads, errors.read_text().splitlines())}
    assert failures == {"broken": "no article text found in the HTML page", "empty": "empty HTML page"}
    assert summary.articles == 1 and summary.errors == 2


def test_extract_command_reads_html(tmp_path, capsys):
    page = tmp_path / "pasar.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["id"] == "pasar" and printed["article"]["outlet"] == "Warta Contoh"
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN, encoding="utf-8")
    assert main(["extract", str(broken)]) == 2
    error = capsys.readouterr().err.strip()
    assert error == f"extractor extract: error: {broken}: no article text found in the HTML page"


def test_without_trafilatura_a_one_line_error_names_the_extra(tmp_path, capsys, monkeypatch):
    real_import = builtins.__import__

    def no_trafilatura(name, *args, **kwargs):
        if name == "trafilatura" or name.startswith("trafilatura."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    with pytest.raises(HtmlSupportMissing, match=r'pip install -e "\.\[html\]"'):
        read_page(PAGE)
    page = tmp_path / "pasar.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "optional extra html" in lines[0]
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "p", "html": PAGE}) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    summary = run_batch([str(src)], tmp_path / "out.jsonl", errors=errors)
    assert summary.errors == 1 and "optional extra html" in json.loads(errors.read_text())["error"]


def test_row_errors_are_clear():
    with pytest.raises(TypeError, match="html must be a string"):
        input_from_row({"id": "x", "html": 5})
    with pytest.raises(HtmlInputError, match="article x: empty HTML page"):
        input_from_row({"id": "x", "html": "  "})
    with pytest.raises(ValueError, match="names no day, month and year"):
        input_from_row({"id": "x", "html": PAGE, "published": "kemarin"})
