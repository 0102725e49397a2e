#!/usr/bin/env python3
"""Plant name misspellings in real articles and see whether `name-variant` catches them (issue 17.7).

    python3 tools/eval/names.py DATA [--split dev] [--copydesk PATH] [--list-missed CLASS] [--list-clean CODE]
    python3 tools/eval/names.py --texts DIR [--split dev|held|all] ...

DATA is PolNeAR's `data/` folder; only {train,dev}/text is read. With --texts, DIR is a
folder of plain articles (the BBC texts: github:suraj-deshmukh/BBC-Dataset-News-Classification,
dataset/data_files), halved as clean.py --texts halves them. Standard library only.

People (a heuristic, independent of copydesk's own word lists)
----------------------------------------------------------------
In the body (every line after the first non-empty one, the headline), a *full-name
mention* ends a run of 2-4 capitalised words (leading titles and stop words dropped):
the last word is the surname, the word before it (or before a middle initial:
`Maria T. Lund`) the given name. The given name is capitalised then lowercase and
not a stop word; the surname is not a stop word, not all capitals and never
appears lowercase in the article. A person is eligible when the first
occurrence of the surname in the body is inside a full-name mention and the surname
occurs again on its own (`Lund`, `Ms. Lund`, `Lund's`): mentioned >= 2
times with a full-name first mention.

Planting (one misspelling per copy of an article, deterministic seed)
--------------------------------------------------------------------
For each article and class, one eligible person is picked at random (seeded by
--seed, the article and the class), one mention, and one edit:
  swap          two adjacent letters swapped (not the first letter), surname >= 5 letters,
                in a mention after the first
  drop          one letter dropped (not the first), surname >= 5 letters, later mention
  double        one letter doubled (not the first), surname >= 5 letters, later mention
  short         surname <= 4 letters: a swap, drop or double, later mention
  full-name     typo in the surname inside a full-name mention (a later full mention
                when there is one, else the first; `--list-missed` says which)
  surname-only  typo in a mention that is the surname alone
  diacritic     a letter's diacritic removed (only names that have one; else skipped)
  hyphen        a hyphen in the name replaced by a space (hyphenated names only)
                (both: only in a word whose spelling occurs again in the article, so
                that the copy still shows the right one; a given name written once is
                not a variant of anything)
  top           typo (swap, drop or double) in a later mention of the article's most-mentioned
                person (`Trupm`, `Tump`, `Donald Trum`), any surname length
An edit that gives a word already in the article is not used.
The planted copy is written to a temp dir and checked with `copydesk check --format json`.
CAUGHT: a `name-variant` finding overlaps the planted word. ON-LINE: a `name-variant`
on the planted line but not on the word. ELSEWHERE: no catch, but the copy has more
`name-variant` findings than the clean copy (copydesk flagged the right spelling).

Clean copy
----------
Every finding on the untouched articles, by code, per article: on published copy a
finding is a false alarm until shown otherwise (`--list-clean CODE` prints them).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402
import polnear as P  # noqa: E402

CLASSES = ("swap", "drop", "double", "short", "full-name", "surname-only", "diacritic", "hyphen", "top")

STOP = set("""
the a an and but or nor so yet for if when while where whether why what which who whom whose how
although though because since as after before until unless once despite during following according
in on at by of to from with without into over under about above below between among through
this that these those there here then now today yesterday tomorrow it its he she they we i you his her
their our my your mr mrs ms miss dr sen senator rep representative gov governor president vice
secretary speaker chairman chairwoman minister prime gen general col lt sgt adm judge justice mayor
rev sir lord lady prof professor former attorney state chief director leader majority minority house
senate first democrat democrats democratic republican republicans gop candidate nominee presidential
u.s us uk un eu nato fbi cia congress white black north south east west new old great united
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
american americans america british european chinese russian russia china iran iraq israel
mexico mexican canada france french germany german japan korea korean syria syrian ukraine
washington york california texas florida ohio virginia carolina pennsylvania michigan iowa
nevada arizona colorado georgia wisconsin minnesota illinois missouri indiana kentucky tennessee
alabama louisiana maryland massachusetts jersey hampshire connecticut oregon utah kansas
nebraska oklahoma arkansas mississippi montana idaho wyoming dakota maine vermont delaware hawaii
alaska city county street avenue road park university college school center centre institute
department ministry agency committee council party campaign post times news journal press
times tribune herald globe magazine network channel fox cnn nbc abc cbs msnbc npr pbs
inc corp co ltd llc group association union foundation fund bank company court supreme federal
national international world global capitol hill street day week year trump's
catholic christian muslim jewish god lord jesus christ church
morning evening night many some most several all every both each other another no
act bill law amendment constitution report statement
""".split())
TITLE_WORDS = {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "adm", "rev", "prof",
               "president", "senator", "governor", "secretary", "speaker", "judge", "justice", "mayor", "sir",
               "lord", "lady", "minister", "chairman", "chairwoman", "director", "general", "representative"}

_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[’'\-.](?=[^\W\d_]))*\.?")


@dataclass
class Mention:
    start: int  # the surname word
    end: int
    full: bool
    first_name: tuple[int, int] | None = None  # the given-name word of a full mention


@dataclass
class Person:
    first: str
    surname: str
    mentions: list


@dataclass
class Plant:
    article: str
    cls: str
    person: str
    original: str
    planted: str
    span: tuple[int, int]  # in the planted text
    line: int
    in_first: bool
    text: str
    path: str = ""
    outcome: str = ""
    on_line: list = None


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _given_like(w: str) -> bool:
    w2 = w.rstrip(".")
    if len(w2) < 2 or C.fold(w2) in STOP:
        return False
    parts = w2.split("-")
    return all(p[:1].isupper() and (p[1:].islower() or p[1:] == "") for p in parts)


def find_people(text: str) -> dict[str, Person]:
    """Eligible people by folded surname (see the module doc)."""
    lines = text.split("\n")
    body_start = 0
    pos = 0
    for ln in lines:
        if ln.strip():
            body_start = pos + len(ln) + 1
            break
        pos += len(ln) + 1
    lower = set(w for w in re.findall(r"\b[^\W\d_]+\b", text) if w[:1].islower())
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text) if m.start() >= body_start]
    # capitalised runs separated by single spaces
    # (a word ending in a full stop ends a run unless it is an initial or a title: `Sen.`)
    def ends_run(w: str) -> bool:
        return w.endswith(".") and len(w) > 2 and C.fold(w) not in TITLE_WORDS
    runs, cur = [], []
    for t in toks:
        if _is_cap(t[2]) and (not cur or (t[0] - cur[-1][1] == 1 and text[cur[-1][1]] == " " and not ends_run(cur[-1][2]))):
            cur.append(t)
        else:
            if cur:
                runs.append(cur)
            cur = [t] if _is_cap(t[2]) else []
    if cur:
        runs.append(cur)
    full: dict[str, list] = defaultdict(list)  # surname -> [(run start, first tok, surname tok)]
    for run in runs:
        r = list(run)
        while r and (C.fold(r[0][2]) in STOP or C.fold(r[0][2]) in TITLE_WORDS):
            r = r[1:]
        if len(r) < 2 or len(r) > 4:
            continue
        # the given name is the word before the surname, or before a middle initial
        last = r[-1]
        first = r[-3] if len(r) >= 3 and re.fullmatch(r"[A-Z]\.?", r[-2][2]) else r[-2]
        sw = last[2].rstrip(".")
        if sw.endswith("’s") or sw.endswith("'s"):
            sw = sw[:-2]
        if not _given_like(first[2]) or len(sw) < 2 or C.fold(sw) in STOP or sw in lower or sw.lower() in lower:
            continue
        if not sw[:1].isupper() or sw.isupper():
            continue
        full[sw].append((first[0], first[1], last[0], last[0] + len(sw)))
    people = {}
    for sw, fulls in full.items():
        firsts = {text[a:b] for a, b, _, _ in fulls}
        occ = [m for m in re.finditer(r"(?<![\w’'-])" + re.escape(sw) + r"(?![\w-])", text) if m.start() >= body_start]
        if len(occ) < 2:
            continue
        full_at = {s: (a, b) for a, b, s, e in fulls}
        if occ[0].start() not in full_at:
            continue
        mentions = []
        for m in occ:
            fa = full_at.get(m.start())
            # `Maria Lund` split over a line or after another given name is not surname-only
            prev = text[max(0, m.start() - 40):m.start()]
            glued = re.search(r"(" + "|".join(re.escape(f) for f in firsts) + r")\s+(?:[A-Z]\.\s+)?$", prev)
            mentions.append(Mention(m.start(), m.end(), fa is not None or bool(glued), fa))
        if not any(not m.full for m in mentions):
            continue
        first = text[fulls[0][0]:fulls[0][1]]
        people[C.fold(sw)] = Person(first, sw, mentions)
    return people


def _typo(word: str, op: str, rng: random.Random, avoid: set) -> str | None:
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    cands = []
    if op == "swap":
        cands = [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)
                 if word[i].isalpha() and word[i + 1].isalpha() and word[i].lower() != word[i + 1].lower()]
    elif op == "drop":
        cands = [word[:i] + word[i + 1:] for i in letters if i > 0]
    elif op == "double":
        cands = [word[:i] + word[i] + word[i:] for i in letters if i > 0]
    cands = [c for c in dict.fromkeys(cands) if c != word and C.fold(c) not in avoid]
    return rng.choice(cands) if cands else None


def _strip_diacritics(w: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c)))


def _seen_again(text: str, words: list) -> list:
    """The (mention, start, end) words whose spelling occurs again in the text as a
    word: respelt once, the other occurrence still shows the right spelling. A
    given name written once (`François Hollande`, then `Hollande`) respelt has no
    other spelling in the article to be a variant of, and is not planted."""
    def count(w: str) -> int:
        return len(re.findall(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text))
    return [w for w in words if count(text[w[1]:w[2]]) >= 2]


def plant(article: str, text: str, cls: str, people: dict[str, Person], seed: int) -> Plant | None:
    rng = random.Random(f"{seed}:{article}:{cls}")
    avoid = {C.fold(w) for w in re.findall(r"[^\W\d_]+", text)}
    keys = sorted(people)
    rng.shuffle(keys)
    if cls == "top":
        keys = sorted(keys, key=lambda k: (-len(people[k].mentions), k))[:1]
    for key in keys:
        p = people[key]
        ms = p.mentions
        later = ms[1:]
        n_letters = sum(c.isalpha() for c in p.surname)
        target = None  # (start, end) of the word to change, new word
        if cls in ("swap", "drop", "double"):
            if n_letters < 5 or not later:
                continue
            m = rng.choice(later)
            new = _typo(p.surname, cls, rng, avoid)
            target = (m, m.start, m.end, new)
        elif cls == "short":
            if n_letters > 4 or not later:
                continue
            m = rng.choice(later)
            ops = ["swap", "drop", "double"]
            rng.shuffle(ops)
            new = None
            for op in ops:
                new = _typo(p.surname, op, rng, avoid)
                if new:
                    break
            target = (m, m.start, m.end, new)
        elif cls == "top":
            if not later:
                continue
            m = rng.choice(later)
            new = _typo(p.surname, rng.choice(["swap", "drop", "double"]), rng, avoid)
            target = (m, m.start, m.end, new)
        elif cls == "full-name":
            fulls = [m for m in ms if m.first_name]
            pool = [m for m in fulls if m is not ms[0]] or fulls[:1]
            if not pool:
                continue
            m = rng.choice(pool)
            new = _typo(p.surname, rng.choice(["swap", "drop", "double"]), rng, avoid)
            target = (m, m.start, m.end, new)
        elif cls == "surname-only":
            pool = [m for m in ms if not m.full]
            if not pool:
                continue
            m = rng.choice(pool)
            new = _typo(p.surname, rng.choice(["swap", "drop", "double"]), rng, avoid)
            target = (m, m.start, m.end, new)
        elif cls == "diacritic":
            words = []
            for m in ms:
                if _strip_diacritics(text[m.start:m.end]) != text[m.start:m.end]:
                    words.append((m, m.start, m.end))
                if m.first_name and _strip_diacritics(text[m.first_name[0]:m.first_name[1]]) != text[m.first_name[0]:m.first_name[1]]:
                    words.append((m, *m.first_name))
            words = _seen_again(text, words)
            if not words:
                continue
            pool = [w for w in words if w[0] is not ms[0]] or words
            m, a, b = rng.choice(pool)
            target = (m, a, b, _strip_diacritics(text[a:b]))
        elif cls == "hyphen":
            words = []
            for m in ms:
                if "-" in text[m.start:m.end]:
                    words.append((m, m.start, m.end))
                if m.first_name and "-" in text[m.first_name[0]:m.first_name[1]]:
                    words.append((m, *m.first_name))
            words = _seen_again(text, words)
            if not words:
                continue
            pool = [w for w in words if w[0] is not ms[0]] or words
            m, a, b = rng.choice(pool)
            target = (m, a, b, text[a:b].replace("-", " ", 1))
        if not target or not target[3]:
            continue
        m, a, b, new = target
        planted = text[:a] + new + text[b:]
        span = (a, a + len(new))
        return Plant(article, cls, f"{p.first} {p.surname}", text[a:b], new, span,
                     C.LineIndex(planted).line_of(a), m is ms[0], planted)
    return None


def _variants(diags) -> list:
    return [d for d in (diags or []) if d.get("code") == "name-variant"]


def judge(pl: Plant, diags, clean_nv: int) -> None:
    idx = C.LineIndex(pl.text)
    nv = _variants(diags)
    spans = [(idx.span(d["range"]), d) for d in nv]
    pl.on_line = [d for (s, d) in spans if idx.line_of(s[0]) == pl.line]
    if any(C.overlap(s, pl.span) > 0 or (s[0] == s[1] == pl.span[0]) for s, _ in spans):
        pl.outcome = "caught"
    elif pl.on_line:
        pl.outcome = "on-line"
    elif len(nv) > clean_nv:
        pl.outcome = "elsewhere"
    else:
        pl.outcome = "missed"


def _read(path: str) -> str:
    """A plain article: UTF-8, else Latin-1 (a few BBC texts have a bare `£`)."""
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def text_articles(folder: str, split: str) -> list:
    """Every .txt file under `folder` (a folder of plain articles, such as the BBC
    texts), halved by the MD5 of its path as tools/eval/clean.py --texts halves it
    (dev 0-7, held 8-f): [(name, path, None)]."""
    return [(rel[:-4].replace(os.sep, "_"), path, None) for rel, path in C.text_files(folder, split)]


def run(data: str, split: str, binary: str, seed: int, config=None, limit=None, classes=CLASSES, texts_dir=False):
    arts = text_articles(data, split) if texts_dir else P.articles(data, split, need_ann=False)
    if limit:
        arts = arts[:limit]
    texts = {name: _read(tp) if texts_dir else P.read_text(tp) for name, tp, _ in arts}
    paths = {name: tp for name, tp, _ in arts}
    clean = C.check_many(binary, [paths[n] for n in texts], config)
    clean = {n: clean.get(os.path.abspath(paths[n])) for n in texts}
    plants = []
    n_people = Counter()
    with tempfile.TemporaryDirectory(prefix="copydesk-names-") as d:
        for name, text in texts.items():
            people = find_people(text)
            n_people["people"] += len(people)
            n_people["articles"] += bool(people)
            for cls in classes:
                pl = plant(name, text, cls, people, seed)
                if pl is None:
                    continue
                pl.path = os.path.join(d, f"{name}__{cls}.txt")
                with open(pl.path, "w", encoding="utf-8", newline="") as fh:
                    fh.write(pl.text)
                plants.append(pl)
        res = C.check_many(binary, [pl.path for pl in plants], config, cwd=d)
        for pl in plants:
            judge(pl, res.get(os.path.abspath(pl.path)), len(_variants(clean.get(pl.article))))
    return texts, clean, plants, n_people


def summary(split, texts, clean, plants, n_people, classes=CLASSES) -> str:
    L = [f"names {split}: {len(texts)} articles, {n_people['people']} eligible people in {n_people['articles']} articles, "
         f"{len(plants)} planted copies"]
    L.append(f"  {'class':13s} {'n':>5s}  {'caught':>22s}  {'on line only':>12s}  {'elsewhere':>9s}")
    by = defaultdict(list)
    for pl in plants:
        by[pl.cls].append(pl)
    tot = Counter()
    for cls in classes:
        ps = by.get(cls, [])
        c = Counter(pl.outcome for pl in ps)
        tot.update(c)
        tot["n"] += len(ps)
        L.append(f"  {cls:13s} {len(ps):5d}  {C.pct(c['caught'], len(ps)):>22s}  {c['on-line']:12d}  {c['elsewhere']:9d}")
    L.append(f"  {'all':13s} {tot['n']:5d}  {C.pct(tot['caught'], tot['n']):>22s}  {tot['on-line']:12d}  {tot['elsewhere']:9d}")
    fn = [pl for pl in by.get("full-name", [])]
    if fn:
        a = [pl for pl in fn if pl.in_first]
        b = [pl for pl in fn if not pl.in_first]
        L.append(f"  full-name: planted in the first mention {C.pct(sum(p.outcome == 'caught' for p in a), len(a))}, "
                 f"in a later full mention {C.pct(sum(p.outcome == 'caught' for p in b), len(b))}")
    codes = Counter()
    arts_with = Counter()
    failed = 0
    for n, diags in clean.items():
        if diags is None:
            failed += 1
            continue
        cs = Counter(d.get("code") for d in diags)
        codes.update(cs)
        for k in cs:
            arts_with[k] += 1
    n = len(clean) - failed
    total = sum(codes.values())
    parts = ", ".join(f"{k} {v} ({C.rate(v, n)}/article, in {arts_with[k]} articles)" for k, v in codes.most_common())
    L.append(f"clean copy ({n} articles): {total} findings = {C.rate(total, n)}/article = {C.rate(total, n, 20)} per 20 articles; "
             f"name-variant {codes['name-variant']} = {C.rate(codes['name-variant'], n, 20)} per 20 articles")
    L.append(f"  by code: {parts or 'none'}" + (f"; {failed} articles failed" if failed else ""))
    return "\n".join(L)


def list_missed(plants, cls: str, maxn: int):
    sel = [pl for pl in plants if pl.outcome != "caught" and (cls == "all" or pl.cls == cls)]
    print(f"\n== not caught{'' if cls == 'all' else ' (' + cls + ')'}: {len(sel)}")
    for k, pl in enumerate(sel):
        if maxn and k >= maxn:
            break
        where = "first mention" if pl.in_first else "later mention"
        print(f"{pl.article} [{pl.cls}, {pl.outcome}, {where}] {pl.person}: {pl.original!r} -> {pl.planted!r}")
        print(f"    {C.snippet(pl.text, *pl.span, width=80)}")
        for d in pl.on_line or []:
            print(f"    on line: {d.get('message')}")


def list_clean(texts, clean, code: str, maxn: int):
    print(f"\n== clean-copy findings: {code}")
    k = 0
    for name, diags in clean.items():
        idx = C.LineIndex(texts[name])
        for d in diags or []:
            if code != "all" and d.get("code") != code:
                continue
            k += 1
            if maxn and k > maxn:
                return
            s = idx.span(d["range"])
            print(f"{name}:{d['range']['start']['line'] + 1}: [{d.get('code')}] {d.get('message')}")
            print(f"    {C.snippet(texts[name], *s, width=80)}")


def selftest(binary: str) -> None:
    text = (
        "Harbour Plan Approved\n\n"
        "Councillor Margaret Ellingham said the harbour plan would go ahead next spring.\n\n"
        "Ellingham told the meeting that the work would cost £4m. Residents applauded.\n\n"
        "Opposition leader Tom Rees said the costs were too high. Rees asked for a review.\n\n"
        "Ms Ellingham said she would publish the figures. Rees welcomed that.\n\n"
        "The architect, José Núñez-Prado, drew the plans. Núñez-Prado said the quay would be rebuilt.\n"
    )
    people = find_people(text)
    assert set(people) == {"ellingham", "rees", "nunez-prado"}, people
    assert [m.full for m in people["ellingham"].mentions] == [True, False, False]
    seen = {}
    for cls in CLASSES:
        pl = plant("a1", text, cls, people, 1)
        assert pl is not None, cls
        assert pl.text != text and pl.text[pl.span[0]:pl.span[1]] == pl.planted, cls
        seen[cls] = pl
    assert seen["short"].person == "Tom Rees" and seen["diacritic"].planted == "Nunez-Prado", seen
    assert seen["hyphen"].planted == "Núñez Prado"
    assert seen["top"].person == "Margaret Ellingham" and not seen["top"].in_first, seen["top"]
    again = plant("a1", text, "swap", people, 1)
    assert again.planted == seen["swap"].planted, "planting is deterministic"
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "dev", "text"))
        with open(os.path.join(d, "dev", "text", "a1.txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        texts, clean, plants, n_people = run(d, "dev", binary, 1)
        print(summary("selftest", texts, clean, plants, n_people))
        assert len(plants) == len(CLASSES) and all(pl.outcome for pl in plants)
        assert clean["a1"] is not None
        # judging with a hand-made finding on the planted word
        pl = plants[0]
        idx = C.LineIndex(pl.text)
        fake = [{"code": "name-variant", "range": {"start": idx.position(pl.span[0]), "end": idx.position(pl.span[1])}}]
        judge(pl, fake, 0)
        assert pl.outcome == "caught"
        judge(pl, [], 0)
        assert pl.outcome == "missed"
    print("names.py selftest: ok")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring (head of this file) for the rules.")
    ap.add_argument("data", nargs="?", help="PolNeAR data/ folder")
    ap.add_argument("--copydesk", default="target/release/copydesk")
    ap.add_argument("--split", default="dev", choices=P.SPLITS + ("held", "all"),
                    help="train or dev of PolNeAR; with --texts: dev, held or all")
    ap.add_argument("--texts", action="store_true",
                    help="DATA is a folder of plain articles (e.g. the BBC texts), halved as clean.py --texts halves it")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--config", help="copydesk.toml to pass to copydesk")
    ap.add_argument("--list-missed", metavar="CLASS", help="print planted misspellings not caught (a class or 'all')")
    ap.add_argument("--list-caught", metavar="CLASS", help="print caught plants (a class or 'all')")
    ap.add_argument("--list-clean", metavar="CODE", help="print findings on the untouched copy (a code or 'all')")
    ap.add_argument("--list-people", action="store_true", help="print the eligible people per article")
    ap.add_argument("--max", type=int, default=0, help="at most N listed items")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--json", metavar="FILE", help="also write the raw counts as JSON")
    ap.add_argument("--selftest", action="store_true", help="run on a tiny made-up sample (no data needed)")
    a = ap.parse_args(argv)
    binary = C.find_copydesk(a.copydesk)
    if a.selftest:
        return selftest(binary)
    if not a.data:
        ap.error("DATA is required (PolNeAR's data/ folder)")
    if a.texts and a.split == "train":
        ap.error("with --texts, --split is dev, held or all")
    if not a.texts and a.split in ("held", "all"):
        ap.error("--split held or all needs --texts (PolNeAR: train or dev)")
    texts, clean, plants, n_people = run(a.data, a.split, binary, a.seed, a.config, a.limit, texts_dir=a.texts)
    print(summary(a.split, texts, clean, plants, n_people))
    if a.json:
        counts = Counter(f"{pl.cls}.{pl.outcome}" for pl in plants)
        counts.update(f"{pl.cls}.n" for pl in plants)
        counts.update(f"clean.{d.get('code')}" for diags in clean.values() for d in (diags or []))
        counts["clean.articles"] = sum(1 for v in clean.values() if v is not None)
        C.write_json(a.json, counts)
    if a.list_people:
        for name, text in texts.items():
            ps = find_people(text)
            print(f"{name}: " + "; ".join(f"{p.first} {p.surname} ({len(p.mentions)})" for p in ps.values()))
    if a.list_missed:
        list_missed(plants, a.list_missed, a.max)
    if a.list_caught:
        sel = [pl for pl in plants if pl.outcome == "caught" and a.list_caught in ("all", pl.cls)]
        print(f"\n== caught: {len(sel)}")
        for pl in sel[: a.max or None]:
            print(f"{pl.article} [{pl.cls}] {pl.original!r} -> {pl.planted!r}: {pl.on_line[0].get('message') if pl.on_line else ''}")
    if a.list_clean:
        list_clean(texts, clean, a.list_clean, a.max)


if __name__ == "__main__":
    main()
