"""Officials: people holding a public position, each with every position the article gives them.

Every finding is anchored on a position head from the lexicon (Presiden, Menteri, Kapolres,
Ketua ... see lang/id/officials/office_titles.txt and friends). From a head the recognizer reads the
position's place or body to the right ("Wali Kota Mojokerto", "Sekretaris DPRD Jatim",
"Kepala Dinas Pariwisata dan Kebudayaan") and then the person:

- title + name: "Pj Wali Kota Mojokerto Moh. Ali Kuncoro", "Kapolres Metro Bekasi Kombes Mustofa"
- title (name): "Pak Menko (Airlangga Hartarto)", "Pak Gubernur (BI Perry Warjiyo)"
- name before the position: "Ali Kuncoro, Pj Wali Kota Mojokerto", "Budi (Kepala Diskominfo
  Sleman)", "Tito selaku Mendagri", "Adhy yang juga Sekdaprov Jatim"
- the person being talked about: "pria yang juga Sekretaris DPRD Jatim", "Ia juga menjabat ..."
- coordination: "Presiden dan Wakil Presiden RI Prabowo Subianto dan Gibran Rakabuming Raka"

``assemble`` merges every mention of one person (full name, short name, spelling with
Muhammad forms) into one Official whose name is the fullest form the article uses.

The modules: ``heads`` (the office lexicon, the head pattern), ``wordclass`` (single words and
phrases after a head), ``position`` and ``complement`` (reading the position), ``find`` (every
head, whether it is an office), ``holder``, ``holder_after``, ``holder_before``,
``coordination`` and ``led_bodies`` (who holds it), ``words`` (checks on names and places),
``finding`` (what is found); ``people``, ``person``, ``mentions``, ``aliases``, ``spelling`` and
``references`` (one Official per person).
"""

from __future__ import annotations

from extractor import names
from extractor.fields.base import Candidate, Recognizer
from extractor.fields.officials.find import find_officials
from extractor.fields.officials.heads import head_pattern, lexicons
from extractor.fields.officials.mentions import is_headline
from extractor.fields.officials.people import assemble


class PositionRecognizer(Recognizer):
    """Positions from the lexicon and the person each belongs to (see the module doc)."""

    field = "officials"
    name = "position"

    def __init__(self) -> None:
        head_pattern()
        lexicons()

    def find(self, article, doc):
        text = article.text
        # a tagger's POS, where the Doc has them, bound the names; ``assemble`` reads the same set
        # from the candidates
        not_names = names.not_name_starts(doc)
        for finding in find_officials(article, not_names):
            if finding.name_span is not None and is_headline(article, finding.name_span[0]):
                # in a title-case line a name runs into the words after it, unless punctuation
                # closes it ("Ukay Karyadi, Pengamat ..., Mantan Ketua KPPU")
                if text[finding.name_span[1] : finding.name_span[1] + 1] != ",":
                    continue
            span = finding.name_span or finding.position_span
            yield Candidate(
                span[0],
                span[1],
                text[span[0] : span[1]] if finding.name_span else None,
                {
                    "name_span": finding.name_span,
                    "position": finding.position,
                    "position_span": finding.position_span,
                    "acting": finding.acting,
                    "kind": finding.kind,
                    "for_span": finding.for_span,
                    "not_name_starts": not_names,
                },
            )
