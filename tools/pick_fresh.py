"""Pick fresh, never-developed-on articles for blind labelling: three disjoint sets (F1, F2, F3).

    python tools/pick_fresh.py OUT_DIR

Reads ../shared/bench at run time, leaves out the dev and seed articles, keeps articles of
120-850 words, and draws (fixed seed) from the regional-government posts (pemda.jsonl) and
the news file by cue counts, so that each set has awards, counts and officials to label.
Writes OUT_DIR/<set>/articles/<id>.txt (outside the repository: the texts are copyrighted)
and OUT_DIR/<set>/meta.json (published date and site per id) for the annotators.
"""
import json, random, re, sys
from pathlib import Path
SH = Path(__file__).resolve().parents[1].parent / 'shared'
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path('fresh')
dev = {p.stem for p in (SH/'corpus-dev/meta').glob('*.json')} | {p.stem for p in (SH/'corpus-seed/articles').glob('*.txt')}
AW = re.compile(r'\b(penghargaan|anugerah|predikat|juara|piala|award|trofi|meraih|menyabet)\b', re.I)
STRONG = re.compile(r'\b(penghargaan|anugerah|predikat|awards?|trofi|lomba)\b', re.I)
CT = re.compile(r'\b\d[\d.,]*\s*(ribu|juta)?\s*(jiwa|orang|warga|penduduk|peserta|siswa|pegawai|ASN|pasien|korban|KK|keluarga|pengunjung|personel|petugas|anggota|pemilih|mahasiswa|pelajar|balita|lansia|petani|nelayan)\b', re.I)
OF = re.compile(r'\b(Bupati|Wali Kota|Walikota|Gubernur|Camat|Kepala Dinas|Kadis|Sekda|Ketua DPRD|Kapolres|Lurah|Kepala Desa|Menteri)\b')
def load(f):
    for l in open(SH/'bench'/f, encoding='utf-8'):
        d = json.loads(l)
        if d['id'] in dev: continue
        n = len(d['text'].split())
        if not 120 <= n <= 850: continue
        d['aw'] = len(AW.findall(d['text'])); d['strong'] = len(STRONG.findall(d['text'])); d['ct'] = len(CT.findall(d['text'])); d['of'] = len(OF.findall(d['text']))
        yield d
rng = random.Random(20261204)
pemda = list(load('pemda.jsonl')); news = [d for d in load('news_all.jsonl')]
rng.shuffle(pemda); rng.shuffle(news)
def take(pool, pred, k, used):
    out = [d for d in pool if d['id'] not in used and pred(d)][:k]
    used.update(d['id'] for d in out); return out
used = set(); sets = {}
# (pemda: awards, counts, officials, any; news: awards, counts, officials)
for name, (pa, pc, po, pn, na, nc, no) in {'F1': (12, 6, 6, 0, 16, 14, 10), 'F2': (7, 4, 4, 0, 10, 8, 7), 'F3': (7, 7, 6, 6, 10, 12, 8)}.items():
    s = []
    s += take(pemda, lambda d: d['aw'] >= 2, pa, used)
    s += take(pemda, lambda d: d['ct'] >= 1, pc, used)
    s += take(pemda, lambda d: d['of'] >= 1, po, used)
    s += take(pemda, lambda d: True, pn, used)
    regional = lambda d: not d['id'].startswith('indosum')
    s += take(news, lambda d: d['strong'] >= 2, na, used)
    s += take(news, lambda d: d['ct'] >= 2, nc, used)
    s += take(news, lambda d: d['of'] >= 2 and regional(d), no, used)
    sets[name] = s
for name, s in sets.items():
    d = OUT/name/'articles'; d.mkdir(parents=True, exist_ok=True)
    meta = {}
    for a in s:
        (d/f"{a['id']}.txt").write_text(a['text'], encoding='utf-8')
        meta[a['id']] = {'published': (a.get('published') or '')[:10] or None, 'source': a.get('site')}
    (OUT/name/'meta.json').write_text(json.dumps(meta, indent=1))
    print(name, len(s), sum(a['aw'] for a in s), sum(a['ct'] for a in s), sum(len(a['text'].split()) for a in s))
