"""Officials: every position in an article and the person each belongs to (``find_officials``)."""

from __future__ import annotations

from extractor import guards, names
from extractor.article import Article
from extractor.names import Tok, tokenize
from extractor.fields.officials.context import (
    Finding,
    _adjacent_left_name,
    _coordination,
    _led_bodies,
    _left_name,
    _linked_left_name,
    _listed_holders,
    _lone_body_after_name,
    _lone_body_before_name,
    _office_words_then_titled,
    _right_link_end,
    _right_name_follows,
    _sentence_subject,
    _signature_name,
)
from extractor.fields.officials.lexicon import (
    _COORDINATED_HEAD,
    _COREF_LINK,
    _COREF_NEEDS,
    _DAY_WORDS,
    _EVENT_ROLES,
    _NOT_VERBS,
    _NUMBERED,
    _OWN_OFFICE,
    _SPEECH_VERBS,
    _THEN,
    _acting_value,
    _head_kind,
    _lower_cased_title,
    _member_heads,
    _member_public_words,
    _nonprofit_words,
    _norm,
    _person_attached_heads,
    _place_heads,
    _place_required_heads,
    head_pattern,
    lexicons,
)
from extractor.fields.officials.tail import (
    _body_ahead_then_end,
    _office_of_office,
    _org_run_name_start,
    _position_list_goes_on,
    read_tail,
)
from extractor.fields.officials.words import (
    _after_named_org,
    _after_non_person,
    _bracket_end,
    _capitalised_run_end,
    _closes_single_name,
    _owned_by_thing,
    _plain_full_name,
    _plausible_name,
    _preceded_by_non_official,
    _spelled_by_bracket,
    _spells_preceding_phrase,
    _used_as_place,
    _written_after_di,
)


def find_officials(article: Article) -> list[Finding]:
    text = article.text
    findings: list[Finding] = []
    taken_until = -1  # heads inside an already read position or name are skipped
    skip_heads: set[int] = set()
    # (a standard-library pattern: linear, no timeout of its own; the guard is checked per head)
    for m in head_pattern().finditer(text):
        guards.check()
        if m.start() < taken_until or m.start("head") in skip_heads:
            continue
        sent_start = article.sentence_span(m.start())[0]
        sent_end = article.sentence_span(m.end())[1]  # "Plt." may end a sentence for the splitter
        head = m.group("head")
        kind = _head_kind(head)
        acting = _acting_value(m.group("acting"))
        pos_start = m.start()
        if _preceded_by_non_official(text, pos_start):
            # "bakal calon gubernur dan wakil gubernur ...": the coordinated head is a candidacy too
            link = _COORDINATED_HEAD.match(text, m.end())
            if link:
                skip_heads.add(link.end())
            continue
        if _spells_preceding_phrase(text, m):
            continue  # "Particulate Matter (PM) 2.5": the short form of the phrase before it
        limit = min(max(sent_end, m.end()), m.end() + 240)
        toks = [Tok(head, m.start("head"), m.end("head"), "word", True)] + tokenize(text, m.end(), limit)
        owned = _owned_by_thing(text, pos_start)
        tail = read_tail(toks, 1)
        if kind == "with_body" and not tail.has_complement and _norm(head) in _person_attached_heads():
            # "Emil Dardak, juru bicara Gibran Rakabuming Raka": the spokesperson of a person
            spoken_for = names.name_run(toks, 1)
            if spoken_for - 1 >= 2 and _plausible_name(toks[1:spoken_for]):
                span = _left_name(text, pos_start, sent_start, "")
                if span is not None and not _after_non_person(text, span[0]):
                    position = text[pos_start : toks[spoken_for - 1].end]
                    findings.append(Finding(span, position, (pos_start, toks[spoken_for - 1].end), acting, "spokesperson",
                                            (toks[1].start, toks[spoken_for - 1].end)))
                    taken_until = toks[spoken_for - 1].end
                    continue
        if kind == "with_body":
            tail = _office_of_office(text, toks, tail, _norm(head) in _person_attached_heads())
        if kind == "with_body" and not tail.has_complement and _norm(head) != "kepala" and (
                _lone_body_before_name(toks, 1) or _lone_body_after_name(text, toks, pos_start, sent_start)):
            # "Wakil Ketua Umum Peradi, Hermansyah Dulaimi", "oleh Airin Rachmi Ketua Apeksi saat ...": the
            # lone unknown word after the head names its body
            tail.end_index, tail.position_end, tail.has_complement, tail.strong = 2, toks[1].end, True, True
        if kind == "with_body" and not tail.has_complement:
            continue
        royal_bare = not tail.has_complement and head.lower() in names.given_names()
        # ("Ratu Tisha Destria", "Raja Ampat": a given name or a place; "Ratu Inggris Elizabeth" is a
        # title, "Raja Salman" one only for a person the article names in full elsewhere)
        if kind == "company" and not tail.public_body and not any(
            t.is_word and t.text.lower() in _nonprofit_words() for t in toks[1 : tail.end_index]
        ):
            continue  # "Direktur PT ...": a business post ("Direktur Eksekutif Yayasan ..." leads a non-profit)
        if _norm(head) in _member_heads() and not tail.public_body and not any(
            t.is_word and t.text.lower() in _member_public_words() for t in toks[1 : tail.end_index]
        ):
            continue  # "Anggota AJI": a member of an association holds no post
        if kind == "with_body" and not (tail.strong or tail.public_body) and head[0].islower():
            continue
        if tail.end_index > 1 and " " not in head and toks[1].is_word and toks[1].text.lower() in lexicons().non_official:
            continue  # "Kepala Ekonom Bank ...": an economist, not an office ("Kepala Departemen Peneliti" is one)
        if any(i < len(toks) and toks[i].text.lower() in _EVENT_ROLES for i in (1, tail.end_index)):
            continue  # "Inspektur Upacara", "Pemimpin Upacara Kapolres ...": a role in a ceremony
        position = text[pos_start : tail.position_end]
        pos_span = (pos_start, tail.position_end)
        j = tail.end_index

        # coordination: "Presiden dan Wakil Presiden RI Prabowo Subianto dan Gibran Rakabuming Raka"
        if not tail.has_complement and j + 1 < len(toks) and toks[j].text == "dan" and not owned:
            second = head_pattern().match(text, toks[j + 1].start)
            if second is not None:
                coordinated = _coordination(article, m, second, kind)
                if coordinated:
                    findings.extend(coordinated)
                    skip_heads.add(second.start("head"))
                    taken_until = max(coordinated[-1].name_span[1], coordinated[-1].position_span[1])
                    continue

        lower_list = _office_words_then_titled(toks, j) if tail.has_complement else 0
        if lower_list:
            # "Menteri Desa, pembangunan daerah tertinggal dan Transmigrasi Dr. Halim Iskandar"
            position, pos_span, j = text[pos_start : toks[lower_list - 1].end], (pos_start, toks[lower_list - 1].end), lower_list
            tail.position_end = pos_span[1]

        # title + name
        k = names._skip_titles(toks, j)
        if k < len(toks) and (k > j or toks[k].space_before):
            end = names.name_run(toks, k, titled=k > j)
            if end < len(toks) and end > k and not (toks[end - 1].is_word and toks[end - 1].text.lower() in names.given_names()):
                # "Kapolsek Cipondoh Kompol Budi", "Kanit Reskrim Polsek Cibeunying Iptu Budi":
                # the run before a rank or honorific is the place or body
                after = names._skip_titles(toks, end)
                split_rank = names._plain(f"{toks[end - 1].text} {toks[end].text}") in names.ranks()  # "Inspektur Jenderal"
                if after > end and names.name_run(toks, after, titled=True) > after and not split_rank:
                    position = text[pos_start : toks[end - 1].end]
                    pos_span = (pos_start, toks[end - 1].end)
                    k, end = after, names.name_run(toks, after, titled=True)
            if not tail.has_complement and _norm(head) in _place_heads():
                # "Camat Genteng Budi Santoso": an unknown place before a known given name
                for g in range(k + 1, end):
                    opener = names.name_opener_at(toks, g)
                    if opener or toks[g].text.lower() in names.given_names() and toks[k].text.lower() not in names.given_names():
                        position = text[pos_start : toks[g - 1].end]
                        pos_span = (pos_start, toks[g - 1].end)
                        k = g
                        break
                else:
                    # "Kapolsek Torgamba Eduard Tobing": a head that always names its place takes
                    # the first of three or more unknown words as that place
                    if (end - k >= 3 and _norm(head) in _place_required_heads()
                            and toks[k].text.lower() not in names.given_names() and not names.name_opener_at(toks, k)):
                        # two words when the article writes them as a place ("di Pondok Bambu")
                        words = 2 if end - k >= 4 and _used_as_place(text, f"{toks[k].text} {toks[k + 1].text}") else 1
                        position = text[pos_start : toks[k + words - 1].end]
                        pos_span = (pos_start, toks[k + words - 1].end)
                        k += words
                    elif (_norm(head) in _place_required_heads() and k == j and end - k <= 3 and _position_list_goes_on(toks, end)
                          and not any(t.text.lower() in names.given_names() for t in toks[k:end])):
                        # "Lurah Sumur Batu, Lurah Cikiwul, Camat ...": a list of posts, each with its place
                        position = text[pos_start : toks[end - 1].end]
                        pos_span = (pos_start, toks[end - 1].end)
                        k = end
            named_org = _after_named_org(toks, k)
            if named_org and end > k and end + 1 < len(toks) and toks[end].text == ",":
                # "Ketua Umum DPP Gebu Minang, Oesman Sapta": the run names the body, the person follows
                k2 = names._skip_titles(toks, end + 1)
                end2 = names.name_run(toks, k2)
                if end2 > k2 and (end2 - k2 >= 2 or k2 > end + 1 or _closes_single_name(toks, end2)) and _plausible_name(toks[k2:end2]):
                    position = text[pos_start : toks[end - 1].end]
                    pos_span = (pos_start, toks[end - 1].end)
                    k, end = k2, end2
                    named_org = False
            if named_org and end - k == 1 and _capitalised_run_end(toks, k) > end:
                # "Ketua Kelompok Tani Sumber Makmur, ...": the body's name runs over words no name
                # has ("Sumber"); the holder is named elsewhere
                cap_end = _capitalised_run_end(toks, k)
                if _left_name(text, pos_start, sent_start, toks[cap_end].text if cap_end < len(toks) else ""):
                    position, pos_span, j = text[pos_start : toks[cap_end - 1].end], (pos_start, toks[cap_end - 1].end), cap_end
                    tail.position_end = pos_span[1]
                    k = end = cap_end
                    named_org = False
            if named_org and end - k >= 2:
                # "Ketua Yayasan Rumah Solusi Budi Santoso", "Ketua Kelompok Tani Maju": the run
                # names the body up to the person's name, or all of it
                name_at = _org_run_name_start(toks, k, end)
                left = _left_name(text, pos_start, sent_start, toks[end].text if end < len(toks) else "")
                # (not a name read after its own title: "Menkominfo Rudiantara, Ketua Umum PP ...")
                if left is not None and not any(f.name_span == left and f.kind == "title" for f in findings[-3:]):
                    name_at = end
                    j = end  # the holder is named before the position
                if name_at == end:
                    j = end  # the run is all the body's name ("Kelompok Sadar Wisata"): the holder is elsewhere
                if name_at < end or j == end:
                    position = text[pos_start : toks[name_at - 1].end]
                    pos_span = (pos_start, toks[name_at - 1].end)
                    k = name_at
                    named_org = False
            place_run = not tail.has_complement and _norm(head) in _place_heads() and k == j and end - k <= 2
            if ((tail.has_complement and end - k == 1 or place_run) and end + 1 < len(toks) and toks[end].text == ","
                    and not any(t.text.lower() in names.given_names() for t in toks[k:end])):
                # "Kepala Dinas Kesehatan Sukamaju, dr. Rina Kusumawati": one unknown word before a
                # titled name after a comma is the office's place, the titled name its holder (one or
                # two after a head naming its place: "Sekretaris Kelurahan Pulau Tidung, H. Saudin")
                # ("Kepala Desa Martopuro, Rianto mengatakan", "Dirjen Kantor PBB Jenewa, Michael Moller")
                k2 = names._skip_titles(toks, end + 1)
                end2 = names.name_run(toks, k2)
                verb = end2 < len(toks) and toks[end2].is_word and toks[end2].text[0].islower() and toks[end2].text.lower() not in _NOT_VERBS
                # (an untitled name of two to four plain name words; "Ketua Setara Institute Hendardi,
                # Akademisi Universitas Indonesia Effendi Gazali" is two people)
                named = (k2 > end + 1 or _plain_full_name(toks, k2, end2)
                         or place_run and (_closes_single_name(toks, end2) or verb))
                if named and end2 > k2 and _plausible_name(toks[k2:end2]):
                    position = text[pos_start : toks[end - 1].end]
                    pos_span = (pos_start, toks[end - 1].end)
                    k, end = k2, end2
            org_name_follows = named_org and end - k == 1
            if end - k == 1 and end < len(toks) and toks[end].capitalised and toks[end].space_before and not names.is_degree(toks[end]):
                org_name_follows = True  # "Kepala Badan Saksi Pemilu ...": a lone word inside a longer body name
            if end - k == 1 and k == j and _linked_left_name(text, pos_start, sent_start):
                # "San Afri Awang yang juga Juru Bicara Tim Ahli KLHS Kendeng mengatakan": the holder
                # is linked before the position; a lone word after it ends the body's name
                position, pos_span, j = text[pos_start : toks[k].end], (pos_start, toks[k].end), end
                tail.position_end = pos_span[1]
                end = k
            if end > k and _plausible_name(toks[k:end]) and not org_name_follows and not _spelled_by_bracket(toks, k, end):
                span = (toks[k].start, toks[end - 1].end)
                # "Wali Kota Verbania dalam kunjungan": one unknown word after a bare place head
                # may be the place; it only names someone the article names elsewhere
                # a title written in lower case ("jaksa agung Masyhad") is not standing before a name
                # by the spelling rules, so its lone word too may be a place
                lone_word = (not tail.has_complement and end - k == 1 and k == j
                             and (_norm(head) in _place_heads() or _lower_cased_title(head))
                             and toks[k].text.lower() not in names.given_names())
                # "Wakil Gubernur Golestan mengatakan": a foreign place reads like a one-word name,
                # so a lone unknown word with no rank before it is a person only when the article
                # names them elsewhere ("Kapolsek Prambanan AKP Nyoto" keeps its rank)
                lone_place = lone_word
                # "Istana Presiden Cipanas": after a document or building only a known person counts
                # "Kepala SMAN 1 Sukorejo": after a numbered unit a lone word is rather its place
                after_number = (end - k == 1 and k == j and j > 2 and toks[j - 1].kind == "num"
                                and toks[j - 2].text.lower() in _NUMBERED)
                # "Kepala Dinas Kominfo Sukamaju memimpin ...": a lone word the article writes as a
                # place elsewhere ("di Sukamaju") is rather the office's place
                placed = end - k == 1 and k == j and _written_after_di(text, toks[k].text)
                weak = lone_place or owned and end - k == 1 or after_number or royal_bare or placed
                findings.append(Finding(span, position, pos_span, acting, "weak" if weak else "title"))
                taken_until = span[1]
                continue

        # title (name): "Pak Menko (Airlangga Hartarto)", "Pak Gubernur (BI Perry Warjiyo)"
        if j < len(toks) and toks[j].text == "(":
            close = _bracket_end(toks, j)
            if close is not None:
                inner = toks[j + 1 : close]
                inner_tail = read_tail([toks[j]] + inner, 1) if inner else None
                start_index = (inner_tail.end_index - 1) if inner_tail else 0
                k = names._skip_titles(inner, start_index)
                end = names.name_run(inner, k)
                if end == len(inner) and end - k >= 2 and _plausible_name(inner[k:end]):
                    extra = " ".join(t.text for t in inner[:start_index])
                    full_position = f"{position} {extra}" if extra else position
                    span = (inner[k].start, inner[end - 1].end)
                    findings.append(Finding(span, full_position, pos_span, acting, "bracket"))
                    taken_until = toks[close].end
                    continue

        # the name stands before the position: "Ali Kuncoro, Pj Wali Kota ...", "Budi (Kepala ..."
        follows = toks[j].text if j < len(toks) else ""
        # "Budi, S.T., Kepala Bidang X, Rina, S.T., ...": a list of people, each position after its
        # name's degrees going with the name that follows it
        list_goes_on = follows == "(" or follows == "," and j + 1 < len(toks) and (
            toks[j + 1].capitalised or toks[j + 1].text in ("dan", "serta") and j + 2 < len(toks) and toks[j + 2].capitalised)
        span = None if owned else _left_name(text, pos_start, sent_start, follows, not list_goes_on)
        if span is not None and any(f.name_span == span for f in findings[-2:]) and _right_name_follows(toks, j):
            span = None  # "Kepala Dinas A, Junaedi, Kepala Dinas B, Yudianto": pairs; the left name has its own
        if span is not None or tail.has_complement:
            wider = _body_ahead_then_end(toks, j) if j < len(toks) and toks[j].capitalised else 0
            if wider:  # the holder is not named after the position: it may run on to its body
                position, pos_span, j = text[pos_start : toks[wider - 1].end], (pos_start, toks[wider - 1].end), wider
                tail.position_end = pos_span[1]
        if span is not None:
            findings.append(Finding(span, position, pos_span, acting, "apposition"))
            taken_until = tail.position_end
            continue
        listed = _listed_holders(toks, j) if (tail.has_complement or kind == "standalone" and not _lower_cased_title(head)) and not owned else []
        if listed:
            # "anggota DPD seperti Budi Santoso dan Rina Kusumawati": each name of the list
            findings.extend(Finding(span, position, pos_span, acting, "title") for span in listed)
            taken_until = listed[-1][1]
            continue
        # "Wapres RI, KH Ma'ruf Amin,", "Gubernur DKI Jakarta, Sumarsono memberikan ...",
        # "presiden terdahulu, yakni Joko Widodo": a name after a comma or "yakni"
        then = j + 2 if j + 1 < len(toks) and _THEN.fullmatch(f"{toks[j].text} {toks[j + 1].text}") else j
        if then == j and j + 1 < len(toks) and toks[j].text.lower() in ("itu", "tersebut") and toks[j + 1].text == ",":
            then = j + 1  # "Mantan Wali Kota Solo itu, Gibran Rakabuming Raka, kini ..."
        link_end = _right_link_end(toks, then)  # "Bupati Kuantan Singingi saat itu, Sukarmis yang ..."
        if link_end:
            k = names._skip_titles(toks, link_end)
            end = names.name_run(toks, k, titled=k > link_end)
            after = names.skip_degrees(toks, end)  # "Wali Kota Pekanbaru, Firdaus MT, ..."
            # (degrees closing with a period may close the sentence too: "..., Bapak Marnabas, M.Si. Ketua ...")
            closed = (after >= len(toks) or not toks[after].is_word or toks[after].text[0].islower()
                      or after > end and toks[after - 1].text == "."
                      or toks[after].text.lower() in _DAY_WORDS)  # "..., Harda Kiswaya Sabtu (12/10)"
            verb_after = after < len(toks) and toks[after].is_word and toks[after].text.lower() not in _NOT_VERBS and toks[after].text[0].islower()
            single_ok = (k > link_end or after > end or verb_after or toks[link_end - 1].text != ","
                         or _closes_single_name(toks, after))
            if end > k and (end - k >= 2 or single_ok) and closed and _plausible_name(toks[k:end]):
                span = (toks[k].start, toks[end - 1].end)
                # "Rumah Dinas Bupati Agam, Lubuk Basung": after a building a place may follow;
                # a degree or a known given name marks a person
                sure = not owned or after > end or any(t.text.lower() in names.given_names() for t in toks[k:end])
                findings.append(Finding(span, position, pos_span, acting, "title" if sure else "weak"))
                taken_until = span[1]
                continue
        if owned:
            continue
        span = _adjacent_left_name(text, pos_start, sent_start) if tail.has_complement else None
        if span is not None:
            # "Ungkap Ermayani Kepala Sekolah SMAN 15", ", Ridwan Badallah Kepala Dinas Kominfo
            # Sultra menggelar ...": the name written right before the position, nothing between
            findings.append(Finding(span, position, pos_span, acting, "apposition"))
            taken_until = tail.position_end
            continue
        span = _signature_name(article, pos_start, tail.position_end)
        if span is not None:
            # "Ilham Q. Moehiddin" on a line, "Juru Bicara Gubernur Sultra" on the next: a signature
            findings.append(Finding(span, position, pos_span, acting, "apposition"))
            taken_until = tail.position_end
            continue
        own_office = _OWN_OFFICE.search(text, max(sent_start, pos_start - 40), pos_start)
        span = _sentence_subject(text, sent_start, pos_start) if own_office else None
        if span is not None:
            findings.append(Finding(span, position, pos_span, acting, "apposition"))
            taken_until = tail.position_end
            continue
        coref = _COREF_LINK.search(text, max(sent_start, pos_start - 60), pos_start)
        if coref is not None and _COREF_NEEDS.search(coref.group()):
            findings.append(Finding(None, position, pos_span, acting, "coref"))
            taken_until = tail.position_end
            continue
        # "kata Ketua DPC PDIP Jaksel itu", "Eks Kepala Dewan Komisioner LPS itu pun ...": a
        # position with a demonstrative points back at the person talked about
        if j < len(toks) and toks[j].text.lower() in ("itu", "tersebut") and tail.has_complement:
            before = text[max(sent_start, pos_start - 14) : pos_start].split()
            # at the clause's start: the sentence's, after a verb of saying, "sang", "menurut" or a comma
            if not before or before[-1].lower() in _SPEECH_VERBS or before[-1].lower() in ("sang", "menurut") or before[-1].endswith(","):
                findings.append(Finding(None, position, pos_span, acting, "demonstrative"))
                taken_until = tail.position_end
                continue
    findings.extend(_led_bodies(article))
    return findings
