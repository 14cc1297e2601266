"""What a new user notices first: --version, plain help, HTML pages read alike by every
command, and the same record keys from `extract` as from `batch`."""

from __future__ import annotations

import json

import pytest

from extractor.cli import main

PAGE = (
    "<html><head><title>Capaian vaksinasi</title></head><body><article><h1>Capaian vaksinasi</h1>"
    "<p>Bupati Sleman Kustini Sri Purnomo menyebut capaian vaksinasi 85,7 persen pada Rabu (25/9/2024). "
    "Sebanyak 1.200 warga hadir di balai desa untuk acara tersebut bersama para tokoh masyarakat.</p>"
    "</article></body></html>"
)


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("extractor ") and out.split()[1][0].isdigit()


def test_top_level_help_has_no_markup(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "``" not in out and ":class:" not in out and "extract" in out


def test_extract_writes_null_keys_as_batch_does(capsys, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Capaian vaksinasi 85,7 persen.", encoding="utf-8")
    assert main(["extract", str(article)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "published" in record and record["published"] is None
    assert record["percentages"][0]["value"] == 85.7


def test_show_reads_an_html_page_as_extract_does(capsys, tmp_path):
    pytest.importorskip("trafilatura")
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [p["value"] for p in record["percentages"]] == [85.7]
    out = tmp_path / "p_out.html"
    assert main(["show", str(page), "--html", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "&lt;html" not in html and "&lt;p&gt;" not in html  # the page's text, not its source
    assert "85,7 persen" in html and "Kustini Sri Purnomo" in html
