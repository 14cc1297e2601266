import pytest

from evaluation.keys import name_key, names_match, position_key, positions_match, text_key, token_f1


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Moh. Ali Kuncoro", "M Ali Kuncoro"),
        ("M Ali Kuncoro", "Ali Kuncoro"),
        ("Moh. Ali Kuncoro", "Ali Kuncoro"),
        ("KH Ma'ruf Amin", "Ma'ruf Amin"),
        ("Mochamad Iqbal", "Muhammad Iqbal"),
        ("Dr. Ir. H. Budi Santoso, M.Si.", "Budi Santoso"),
        ("Khofifah", "khofifah"),
        ("Prabowo Subianto", "PRABOWO SUBIANTO"),
    ],
)
def test_names_that_match(a, b):
    assert names_match(a, b)
    assert names_match(b, a)


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Ali", "Ali Kuncoro", "one shared token is not enough"),
        ("Ali Kuncoro", "Kuncoro Ali", "order matters: not a contiguous part"),
        ("Budi Santoso Putra", "Budi Putra", "not contiguous"),
        ("Joko Widodo", "Jokowi", "different tokens"),
        ("H.", "Hj.", "titles only: empty keys never match"),
    ],
)
def test_names_that_do_not_match(a, b, why):
    assert not names_match(a, b), why


def test_name_key_maps_muhammad_and_drops_titles():
    assert name_key("Moh. Ali Kuncoro") == ("muhammad", "ali", "kuncoro")
    assert name_key("KH Ma'ruf Amin") == ("maruf", "amin")


def test_text_key_keeps_ampersand_and_drops_other_punctuation():
    assert text_key('  "Outstanding Public Health & Work  Safety"  ') == "outstanding public health & work safety"
    assert text_key("Universal Health Coverage (UHC) Utama") == "universal health coverage uhc utama"
    assert text_key("Energy(GCoM)") == "energygcom"


def test_position_key_expands_abbreviations():
    assert position_key("Pj Walkot Mojokerto") == ("penjabat", "wali", "kota", "mojokerto")
    assert position_key("Wapres RI") == ("wakil", "presiden", "republik", "indonesia")
    assert positions_match("Pj Walkot Mojokerto", "Penjabat (Pj) Wali Kota Mojokerto")
    assert positions_match("Sekda Jatim", "Sekretaris Daerah Jawa Timur")
    assert not positions_match("Bupati Sidoarjo", "Kepala Dinas Kesehatan Kabupaten Malang")


def test_token_f1():
    assert token_f1(("a", "b"), ("a", "b")) == 1.0
    assert token_f1(("a", "b", "c", "d"), ("a",)) == pytest.approx(0.4)
    assert token_f1((), ("a",)) == 0.0
