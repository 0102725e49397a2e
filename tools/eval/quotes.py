#!/usr/bin/env python3
"""Score copydesk's quotes and speakers against PolNeAR (issue 16.5).

    python3 tools/eval/quotes.py DATA [--split dev] [--copydesk PATH] [--errors CLASS] [--limit N]

DATA is PolNeAR's `data/` folder (train/ and dev/ with text/, attributions/ and corenlp/).
The test split is never read. Standard library only.

Gold
----
* One .ann per article: the first in sorted order when several annotators did it.
* Quoted spans are found in the text (top-level marks per paragraph line; a double
  quote left open runs to the line end, i.e. one span per paragraph of a run-on
  quote). A *gold direct quote* is a quoted span whose inside lies at least half in
  an attribution's Content (the smallest such Content wins when attributions nest).
  Its speaker is that attribution's Source; `Attribution-no-source` quotes have none.
* Full vs partial. A gold quote is FULL when it opens its Content segment (nothing
  but spaces, punctuation or a leading "that" before the opening mark) or when the
  quoted text covers >= 90% of the Content's letters and digits; otherwise it is
  PARTIAL (a fragment inside reporter's words: `called it "a disaster"`).

Matching
--------
* A gold quote is found when one copydesk quote covers >= 50% of its inside
  (marks excluded); the copydesk quote covering most of it is its match.
* A copydesk quote is correct (precision) when gold quote insides cover >= 50% of it.

Speaker correctness
-------------------
The gold Source is cut to its head: at the first comma, bracket, dash, colon or
`who/which/whose/that/when/where`; at a preposition after a lowercase word
(`a spokesman for Ortiz` -> `a spokesman`); after the last possessive
(`Ortiz's spokesman Tom Reyes` -> `spokesman Tom Reyes`). Then:
* NAMED source: the head ends in a run of capitalised words that is not only a
  title (`Sen. Ann Holt`, `Holt`, `The Daily Ledger`). A one-word run at the
  start of the source whose lowercase form occurs in the article (`Officials`) is not
  a name. copydesk is right when its speaker mention overlaps that name run, or its
  speaker's canonical name shares its surname (last word, Jr./III dropped, case and
  diacritics folded) with a word of the name run. This is the headline figure.
* PRONOUN or NOMINAL source (`he`, `the spokesman`, `a source`, `the campaign`):
  PolNeAR has no coreference, so these form a separate bucket scored by span overlap
  only (copydesk's mention overlaps the gold head). For the pronoun ones scored right
  the script also reports, as an indication only, how often copydesk's resolved name
  shares the surname of the nearest preceding NAMED gold source.

Resolved person (CoreNLP coreference)
-------------------------------------
PolNeAR ships Stanford CoreNLP XML per article (corenlp/<article>.txt.xml); corenlp.py
reads it and aligns its tokens to the text (module doc there). For a pronoun or nominal
gold source that copydesk gave a speaker:
* the source's chain is the chain of the CoreNLP mention whose head token holds the last
  character of the gold head (else the smallest mention containing the whole head; a
  mention nested in the head as a modifier does not count);
* the chain's identity is its proper mentions' names (head token NNP/NNPS or NER
  PERSON/ORGANIZATION, the proper run around it), titles and party words dropped;
* COREF-RIGHT when copydesk's canonical name (`speaker.name`, after its last possessive,
  titles dropped) shares a word with those names, except when the chain gives copydesk's
  surname only with other given names and none of copydesk's (`Ann Porter` for a chain
  of `Jane Porter`, `she`); COREF-WRONG when the chain has proper names and none match
  (also when copydesk's speaker names no one: `the ad's narrator`); UNKNOWN when no chain
  is found, the chain has no proper name, or the article has no usable CoreNLP XML.
The headline SPEAKER ACCURACY (RESOLVED), full and partial apart: named gold sources as
above, pronoun/nominal ones by coref where known and by span where unknown; no speaker is
wrong. The span-only figures stay for comparison. CoreNLP's own coreference is wrong in a
good part of the coref-wrong cases (read them with `--errors pronoun-coref`).

Error classes (`--errors CLASS`, `--errors all`, `--errors list`)
-----------------------------------------------------------------
  no-speaker      found quote, gold has a source, copydesk has none
  continuation    copydesk's mention sits in an earlier paragraph (continuation,
                  follow-on, previous-paragraph cue) and is wrong
  organisation    wrong, and copydesk's speaker or the gold source is an organisation
  pronoun         wrong, copydesk's speaker came through a pronoun
  role            wrong, copydesk's mention or the gold source is a role/nominal
  wrong-person    wrong, a named mention of another person
  missed          gold direct quote copydesk did not report as a quote
  false-alarm     `unattributed-quote` on a quote the gold attributes to a Source
  alarm-other     `unattributed-quote` on a quote not in the gold (title, scare
                  quote, unannotated) or on a gold no-source quote
  spurious        copydesk quote that matches no gold quote
  pronoun-unverified  gold pronoun, span right, resolved name differs from the
                  nearest preceding named gold source (may still be right)
  pronoun-coref   gold pronoun/nominal, copydesk's resolved name is not in the source's
                  CoreNLP chain (coref-wrong): one case per gold source with the sentence
                  context, the chain's proper names and copydesk's name
  coref-unknown   gold pronoun/nominal with a copydesk speaker, no chain or no proper name
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402
import corenlp as N  # noqa: E402
import polnear as P  # noqa: E402

PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "us", "me", "his", "hers"}
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "vice", "secretary", "speaker", "chairman", "chairwoman", "minister", "prime",
    "gen", "general", "col", "lt", "sgt", "adm", "judge", "justice", "mayor", "rev", "sir",
    "lord", "lady", "prof", "professor", "the", "a", "an", "former", "attorney", "state",
    "chief", "director", "leader", "majority", "minority", "house", "senate", "first",
    "democratic", "republican", "candidate", "nominee", "presidential", "u.s", "us", "federal",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PARTICLES = {"de", "van", "von", "al", "bin", "ibn", "la", "le", "du", "da", "del", "della", "di", "der", "den", "el"}
PREPS = {"for", "of", "at", "with", "from", "to", "in", "on", "by", "close", "familiar", "inside", "within"}
CUT_WORDS = {"who", "which", "whose", "that", "when", "where", "while", "whom"}
ORG_WORDS = {
    "campaign", "committee", "house", "department", "ministry", "agency", "party", "post", "times",
    "news", "journal", "cnn", "fox", "nbc", "abc", "cbs", "msnbc", "reuters", "ap", "afp", "press",
    "office", "administration", "council", "association", "union", "network", "newspaper", "paper",
    "statement", "report", "court", "group", "institute", "university", "foundation", "center",
    "centre", "bureau", "service", "pentagon", "kremlin", "commission", "company", "corp", "inc",
    "poll", "survey", "study", "magazine", "website", "board", "fbi", "cia", "gop", "rnc", "dnc",
    "police", "organization", "organisation", "government", "team", "security",
}
_WORD = re.compile(r"[\w][\w’'.\-]*")


# ---------------------------------------------------------------- gold


@dataclass
class GoldSource:
    kind: str  # named | pronoun | nominal
    head: tuple[int, int]
    names: set = field(default_factory=set)
    text: str = ""
    org: bool = False


@dataclass
class GoldQuote:
    span: tuple[int, int]  # marks included
    inner: tuple[int, int]
    att: P.Attribution
    cls: str  # full | partial
    source: GoldSource | None
    match: dict | None = None
    overlap: float = 0.0
    coref: "Coref | None" = None  # pronoun/nominal sources with a copydesk speaker


def surname(name: str) -> str:
    """The last word of a name, Jr./III dropped, folded; hyphenated names stay whole."""
    toks = [C.fold(t) for t in name.split() if C.fold(t)]
    toks = [t for t in toks if t not in SUFFIXES] or toks
    return toks[-1] if toks else ""


def name_words(words) -> set:
    """Folded words of a name run, titles dropped; a hyphenated word also by its parts."""
    out = set()
    for w in words:
        f = C.fold(w)
        if f and f not in TITLES:
            out.add(f)
            out.update(p for p in f.split("-") if p)
    return out


def analyse_source(text: str, segs: list[tuple[int, int]], lower_words: set) -> GoldSource:
    s0, e0 = segs[0]
    src = text[s0:e0]
    # 1. cut at the first clause boundary
    cut = len(src)
    m = re.search(r"[,(\[—–;:]|\s-\s", src)
    if m:
        cut = m.start()
    toks = [(mm.start(), mm.end(), mm.group()) for mm in _WORD.finditer(src[:cut])]
    for i, (a, b, w) in enumerate(toks):
        if i > 0 and w.lower() in CUT_WORDS:
            toks = toks[:i]
            break
    # 2. a preposition ends the head unless it follows a title: `a spokesman for X`,
    #    `Rep. Ann Holt of Ohio`, but `Secretary of State Ann Holt`
    for i, (a, b, w) in enumerate(toks):
        if i > 0 and w.lower() in PREPS and C.fold(toks[i - 1][2]) not in TITLES:
            toks = toks[:i]
            break
    # 3. after the last possessive: `Ortiz's spokesman Tom Reyes`
    for i in range(len(toks) - 2, -1, -1):
        w = toks[i][2].replace("’", "'")
        if w.endswith("'s") or (w.endswith("'") and len(w) > 2):
            toks = toks[i + 1:]
            break
    toks = [(a, b, w.rstrip(".")) if w.lower().rstrip(".") not in {"jr", "sr", "dr", "mr", "mrs", "ms", "sen", "rep", "gov", "gen", "lt", "col", "u.s"} else (a, b, w) for a, b, w in toks]
    if not toks:
        return GoldSource("nominal", (s0, e0), text=src)
    head = (s0 + toks[0][0], s0 + toks[-1][1])
    if len(toks) == 1 and toks[0][2].lower() in PRONOUNS:
        return GoldSource("pronoun", head, text=src)
    # 4. the final run of capitalised words
    run = []
    for a, b, w in reversed(toks):
        lw = w.lower().rstrip(".")
        if w[:1].isupper() or lw in PARTICLES or (run and lw in SUFFIXES):
            run.append((a, b, w))
        else:
            break
    run.reverse()
    while run and run[0][2].lower() in {"the", "a", "an"}:
        run = run[1:]
    org = C.fold(toks[-1][2]) in ORG_WORDS  # the head noun of a nominal source
    if run and run[-1][2].lower() in PARTICLES:
        run = []
    if run:
        words = [C.fold(w) for _, _, w in run]
        if all(w in TITLES for w in words):
            run = []
        elif len(run) == 1 and run[0][0] == toks[0][0] and words[0] in lower_words:
            run = []
    if not run:
        return GoldSource("nominal", head, text=src, org=org)
    org = any(C.fold(w) in ORG_WORDS for _, _, w in run)
    return GoldSource("named", (s0 + run[0][0], s0 + run[-1][1]), name_words(w for _, _, w in run), src, org)


def classify(text: str, qinner: tuple[int, int], qspan: tuple[int, int], att: P.Attribution, all_inner) -> str:
    """full or partial (see the module doc)."""
    for s, e in att.content:
        if s <= qspan[0] < e or (s <= qinner[0] < e):
            before = text[s:qspan[0]] if qspan[0] >= s else ""
            before = re.sub(r"^\W*that\b", "", before.strip(), flags=re.I)
            if not re.search(r"[^\W_]", before):
                return "full"
    total = quoted = 0
    for s, e in att.content:
        for i in range(s, e):
            if text[i].isalnum():
                total += 1
                if any(a <= i < b for a, b in all_inner):
                    quoted += 1
    if total and quoted >= 0.9 * total:
        return "full"
    return "partial"


def gold_quotes(text: str, atts: list[P.Attribution]) -> list[GoldQuote]:
    lower_words = set(re.findall(r"\b[a-z][a-z’'-]+\b", text))
    spans = [(a, b) for a, b, _ in P.quote_spans(text)]
    out = []
    for sp in spans:
        inner = P.interior(text, sp)
        n = inner[1] - inner[0]
        if n <= 0:
            continue
        best = None
        for att in atts:
            ov = sum(C.overlap(inner, s) for s in att.content)
            if ov >= 0.5 * n:
                size = sum(e - s for s, e in att.content)
                if best is None or size < best[0]:
                    best = (size, att)
        if best is None:
            continue
        att = best[1]
        out.append(GoldQuote(sp, inner, att, "", None))
    for g in out:
        same = [h.inner for h in out if h.att is g.att]
        g.cls = classify(text, g.inner, g.span, g.att, same)
        if g.att.source and g.att.kind != "Attribution-no-source":
            g.source = analyse_source(text, g.att.source, lower_words)
    return out


# ---------------------------------------------------------------- copydesk side


@dataclass
class CdQuote:
    span: tuple[int, int]
    inner: tuple[int, int]
    raw: dict
    speaker: dict | None
    mention: tuple[int, int] | None


def cd_quotes(text: str, sheet: dict) -> list[CdQuote]:
    idx = C.LineIndex(text)
    out = []
    for q in sheet.get("quotes", []):
        span = idx.span(q["range"])
        sp = q.get("speaker")
        men = idx.span(sp["mention"]["range"]) if sp and sp.get("mention") else None
        out.append(CdQuote(span, P.interior(text, span), q, sp, men))
    return out


def mention_kind(sp: dict) -> str:
    t = (sp.get("mention") or {}).get("text", "").strip()
    if t.lower() in PRONOUNS:
        return "pronoun"
    words = t.split()
    caps = [w for w in words if w[:1].isupper() and w.lower() not in {"the", "a", "an"}]
    if caps and any(C.fold(w) not in TITLES for w in caps):
        return "named"
    return "nominal"


def how(sp: dict, q: CdQuote, idx: C.LineIndex) -> str:
    """How copydesk found the speaker: its own field when it prints one, else inferred."""
    for key in ("how", "resolution", "found"):
        if sp.get(key):
            return str(sp[key])
    if q.mention and idx.line_of(q.mention[0]) < idx.line_of(q.span[0]):
        return "continuation"
    return mention_kind(sp)


# ---------------------------------------------------------------- scoring


@dataclass
class Result:
    name: str
    text: str
    gold: list
    cd: list
    alarms: list  # [(span, gold or None)]
    doc: N.Doc | None = None  # CoreNLP tokens and coreference chains (None: no XML)


def score_article(name: str, text: str, atts, sheet: dict, diags: list, doc: N.Doc | None = None) -> Result:
    gold = gold_quotes(text, atts)
    cd = cd_quotes(text, sheet)
    for g in gold:
        n = g.inner[1] - g.inner[0]
        best = None
        for q in cd:
            ov = C.overlap(g.inner, q.inner)
            if ov >= 0.5 * n and (best is None or ov > best[0]):
                best = (ov, q)
        if best:
            g.match = best[1]
            g.overlap = best[0] / n
    idx = C.LineIndex(text)
    alarms = []
    for d in diags or []:
        if d.get("code") != "unattributed-quote":
            continue
        sp = P.interior(text, idx.span(d["range"]))
        hit = None
        for g in gold:
            ov = C.overlap(sp, g.inner)
            if ov and ov >= 0.5 * min(sp[1] - sp[0], g.inner[1] - g.inner[0]):
                hit = g
                break
        alarms.append((sp, hit))
    return Result(name, text, gold, cd, alarms, doc)


def judge(r: Result, g: GoldQuote, named_sources: list) -> tuple[str, str]:
    """(verdict, error class): verdict in ok | wrong | none; for found quotes with a source."""
    q = g.match
    sp = q.speaker
    src = g.source
    if not sp:
        return "none", "no-speaker"
    men = q.mention or (-1, -1)
    sname = surname(sp.get("name", ""))
    if src.kind == "named":
        ok = C.overlap(men, src.head) > 0 or (sname and sname in src.names)
    else:
        ok = C.overlap(men, src.head) > 0 or any(C.overlap(men, s) > 0 for s in g.att.source[:1]) and mention_kind(sp) != "named"
    if ok:
        if src.kind == "pronoun":
            prev = [s for s in named_sources if s.head[0] < src.head[0]]
            if prev and sname and sname not in prev[-1].names and mention_kind(sp) == "pronoun":
                return "ok", "pronoun-unverified"
        return "ok", ""
    idx = C.LineIndex(r.text)
    h = how(sp, q, idx)
    kind = sp.get("kind")
    if h in ("continuation", "follow-on", "previous-paragraph-cue", "previous_paragraph_cue"):
        return "wrong", "continuation"
    if kind == "organisation" or src.org:
        return "wrong", "organisation"
    if h == "pronoun" or mention_kind(sp) == "pronoun":
        return "wrong", "pronoun"
    if src.kind != "named" or mention_kind(sp) != "named" or kind == "anonymous":
        return "wrong", "role"
    return "wrong", "wrong-person"


# ---------------------------------------------------------------- coreference (CoreNLP)


@dataclass
class Coref:
    status: str  # right | wrong | unknown
    reason: str = ""  # unknown: no-corenlp | misaligned | no-chain | no-proper-name;
    #                   wrong: other-name | no-name | given-name
    chain: N.Chain | None = None
    mention: N.Mention | None = None  # the chain mention matched to the gold source
    runs: list = field(default_factory=list)  # the chain's proper names, folded words


# words that say what someone is, not who: dropped from both sides of the coref match
NOT_NAME = TITLES | {
    "democrat", "democrats", "republicans", "gop", "del", "delegate", "assemblyman", "assemblywoman",
    "councilman", "councilwoman", "congressman", "congresswoman", "ambassador", "spokesman",
    "spokeswoman", "of", "and", "for", "on", "in", "to", "s",
}


def person_words(name: str) -> tuple[list[str], bool]:
    """copydesk's canonical speaker name as folded words after the last possessive, titles
    and Jr./III dropped, and whether it names anyone (has a capitalised word besides
    titles: an unresolved `the ad's narrator` or `the commission` does not)."""
    toks = _WORD.findall(name or "")
    for i in range(len(toks) - 1, -1, -1):
        w = toks[i].replace("’", "'")
        if w.endswith("'s") or (w.endswith("'") and len(w) > 2):
            toks = toks[i + 1:]
            break
    out, named = [], False
    for w in toks:
        f = C.fold(w).rstrip(".")
        if f and f not in NOT_NAME and f not in SUFFIXES:
            out.append(f)
            named = named or any(ch.isupper() for ch in w)
    return out, named


def chain_runs(chain: N.Chain) -> list[list[str]]:
    """A chain's proper names (see corenlp.py) as folded word lists, titles and party or
    role words dropped (`Sen.`, `Del.`, `The Republican`, `Democrat Ann Holt` -> `ann holt`)."""
    runs = []
    for m in chain.proper:
        r = [C.fold(t.word).rstrip(".") for t in m.name]
        r = [w for w in r if w and w not in NOT_NAME and w not in SUFFIXES]
        if r and r not in runs:
            runs.append(r)
    return runs


def _parts(words) -> set:
    out = set()
    for w in words:
        out.add(w)
        out.update(p for p in w.split("-") if p)
    return out


def names_match(cd: list[str], named: bool, runs: list[list[str]]) -> tuple[bool, str]:
    """(match, why not): copydesk's name words share a word with the chain's proper names
    (`the commission` shares `commission` with a chain naming the `Commission`), unless the
    chain gives copydesk's surname with given names only and none of copydesk's other words
    (`Ann Porter` for a chain of `Jane Porter`, `Porter`, `she`): another person of the same
    family. Why not: no-name (copydesk's speaker names no one), other-name, given-name."""
    chain_words = _parts(w for r in runs for w in r)
    if not _parts(cd) & chain_words:
        return False, "other-name" if named else "no-name"
    others = {w for w in cd[:-1] if len(w) > 1}  # given (and middle) names, initials left out
    if others and not others & chain_words:
        if any(r[-1] == cd[-1] and any(len(w) > 1 for w in r[:-1]) for r in runs):
            return False, "given-name"
    return True, ""


def coref_verdict(r: Result, g: GoldQuote) -> Coref:
    """The resolved-person verdict for a pronoun/nominal gold source copydesk gave a speaker."""
    doc = r.doc
    if doc is None:
        return Coref("unknown", "no-corenlp")
    if not doc.usable:
        return Coref("unknown", "misaligned")
    hit = doc.chain_for(g.source.head)
    if hit is None:
        return Coref("unknown", "no-chain")
    chain, m = hit
    runs = chain_runs(chain)
    if not runs:
        return Coref("unknown", "no-proper-name", chain, m)
    ok, why = names_match(*person_words(g.match.speaker.get("name", "")), runs)
    return Coref("right" if ok else "wrong", why, chain, m, runs)


def evaluate(results: list[Result]):
    S = Counter()
    errors = defaultdict(list)
    wrong_sources = defaultdict(set)
    for r in results:
        if r.doc is None:
            S["corenlp.missing"] += 1
        else:
            S["corenlp.articles"] += 1
            S["corenlp.misaligned"] += not r.doc.usable
            S["corenlp.tokens"] += r.doc.n_tokens
            S["corenlp.tokens.shifted"] += r.doc.n_shifted
            S["corenlp.tokens.unaligned"] += r.doc.n_unaligned
        named_sources = sorted((g.source for g in r.gold if g.source and g.source.kind == "named"), key=lambda s: s.head[0])
        # de-duplicate sources (one per attribution)
        for g in r.gold:
            c = g.cls
            S["gold"] += 1
            S[f"gold.{c}"] += 1
            if g.source:
                S["gold.attributed"] += 1
                S[f"gold.attributed.{c}"] += 1
            if g.match is None:
                errors["missed"].append((r, g, None))
                continue
            S["found"] += 1
            S[f"found.{c}"] += 1
            if not g.source:
                continue
            bucket = "named" if g.source.kind == "named" else "other"
            verdict, cls = judge(r, g, named_sources)
            S[f"spk.{c}.{bucket}.n"] += 1
            S[f"spk.{c}.{bucket}.{verdict}"] += 1
            resolved = verdict == "ok"
            if bucket == "other" and verdict != "none":
                cr = g.coref = coref_verdict(r, g)
                S[f"spk.{c}.other.coref.{cr.status}"] += 1
                S[f"spk.{c}.{g.source.kind}.coref.{cr.status}"] += 1
                S[f"spk.{c}.other.coref.{cr.status}.{cr.reason or 'match'}"] += 1
                if cr.status == "unknown":
                    S[f"spk.{c}.other.coref.unknown.span_ok"] += resolved
                    errors["coref-unknown"].append((r, g, c))
                else:
                    if cr.status == "wrong":
                        errors["pronoun-coref"].append((r, g, c))
                        wrong_sources[c].add((r.name, g.att.source[0]))
                    S[f"spk.{c}.other.span_ok_coref_wrong"] += resolved and cr.status == "wrong"
                    S[f"spk.{c}.other.span_wrong_coref_right"] += (not resolved) and cr.status == "right"
                    resolved = cr.status == "right"
            S[f"spk.{c}.resolved.n"] += 1
            S[f"spk.{c}.resolved.ok"] += resolved
            S[f"spk.{c}.{bucket}.resolved_ok"] += resolved
            if g.source.kind == "pronoun" and verdict == "ok":
                S[f"spk.{c}.pronoun_ok"] += 1
                if cls != "pronoun-unverified":
                    S[f"spk.{c}.pronoun_agree"] += 1
            if cls:
                errors[cls].append((r, g, c))
                if verdict != "ok":
                    S[f"err.{c}.{cls}"] += 1
        # precision
        for q in r.cd:
            S["cd"] += 1
            n = max(1, q.inner[1] - q.inner[0])
            cov = sum(C.overlap(q.inner, g.inner) for g in r.gold)
            if cov >= 0.5 * n:
                S["cd.ok"] += 1
            else:
                errors["spurious"].append((r, q, None))
        # alarms
        S["articles"] += 1
        for sp, g in r.alarms:
            S["alarms"] += 1
            if g is not None and g.source:
                S["alarms.false"] += 1
                S[f"alarms.false.{g.cls}"] += 1
                errors["false-alarm"].append((r, g, g.cls))
            else:
                S["alarms.other"] += 1
                if g is not None:
                    S["alarms.nosource"] += 1
                errors["alarm-other"].append((r, sp, g))
    for c, srcs in wrong_sources.items():
        S[f"spk.{c}.other.coref.wrong.sources"] = len(srcs)
    return S, errors


def summary(S: Counter, split: str) -> str:
    L = []
    L.append(f"PolNeAR {split}: {S['articles']} articles, {S['gold']} gold direct quotes "
             f"({S['gold.full']} full, {S['gold.partial']} partial; {S['gold.attributed']} with a Source), "
             f"{S['cd']} copydesk quotes")
    L.append(f"direct-quote recall     {C.pct(S['found'], S['gold'])}   full {C.pct(S['found.full'], S['gold.full'])}   partial {C.pct(S['found.partial'], S['gold.partial'])}")
    L.append(f"direct-quote precision  {C.pct(S['cd.ok'], S['cd'])}")
    L.append(f"CoreNLP coreference     {S['corenlp.articles']} articles with XML ({S['corenlp.missing']} without, "
             f"{S['corenlp.misaligned']} unused: misaligned or empty); tokens {S['corenlp.tokens']}: "
             f"{S['corenlp.tokens.shifted']} aligned after a shift, {S['corenlp.tokens.unaligned']} unaligned")
    for c in ("full", "partial"):
        k = f"spk.{c}.other"
        nn, no = S[f"spk.{c}.named.n"], S[f"{k}.n"]
        right, wrong, unk = (S[f"{k}.coref.{v}"] for v in ("right", "wrong", "unknown"))

        def rwu(kind):
            return "/".join(str(S[f"spk.{c}.{kind}.coref.{v}"]) for v in ("right", "wrong", "unknown"))
        L.append(f"speaker accuracy (resolved) {c:7s} {C.pct(S[f'spk.{c}.resolved.ok'], S[f'spk.{c}.resolved.n'])}   "
                 f"= named gold source {S[f'spk.{c}.named.ok']}/{nn} + pronoun/nominal {S[f'{k}.resolved_ok']}/{no} "
                 f"(coref-right {right}, span-right with coref unknown {S[f'{k}.coref.unknown.span_ok']})")
        L.append(f"  pronoun/nominal with a copydesk speaker {c:7s} coref-right {right}, "
                 f"coref-wrong {wrong} (on {S[f'{k}.coref.wrong.sources']} gold sources), unknown {unk} "
                 f"(span-scored, {S[f'{k}.coref.unknown.span_ok']} right); "
                 f"span-right but coref-wrong {S[f'{k}.span_ok_coref_wrong']}, "
                 f"span-wrong but coref-right {S[f'{k}.span_wrong_coref_right']}")
        L.append(f"    right/wrong/unknown: pronoun gold {rwu('pronoun')}, nominal gold {rwu('nominal')}; "
                 f"wrong: other name {S[f'{k}.coref.wrong.other-name']}, "
                 f"no name (unresolved) {S[f'{k}.coref.wrong.no-name']}, "
                 f"same surname other given name {S[f'{k}.coref.wrong.given-name']}; "
                 f"unknown: no chain {S[f'{k}.coref.unknown.no-chain']}, "
                 f"chain without a proper name {S[f'{k}.coref.unknown.no-proper-name']}, no or unusable CoreNLP "
                 f"{S[f'{k}.coref.unknown.no-corenlp'] + S[f'{k}.coref.unknown.misaligned']}")
    for c in ("full", "partial"):
        nn, no = S[f"spk.{c}.named.n"], S[f"spk.{c}.other.n"]
        allok = S[f"spk.{c}.named.ok"] + S[f"spk.{c}.other.ok"]
        L.append(f"speaker accuracy {c:7s} named gold source {C.pct(S[f'spk.{c}.named.ok'], nn)}   "
                 f"pronoun/nominal gold source (span) {C.pct(S[f'spk.{c}.other.ok'], no)}   all {C.pct(allok, nn + no)}")
        L.append(f"  no-speaker rate {c:7s} {C.pct(S[f'spk.{c}.named.none'] + S[f'spk.{c}.other.none'], nn + no)}   "
                 f"pronoun gold, span right, resolved name = nearest named gold source (indicative) "
                 f"{C.pct(S[f'spk.{c}.pronoun_agree'], S[f'spk.{c}.pronoun_ok'])}")
    L.append(f"unattributed-quote      {S['alarms']} alarms = {C.rate(S['alarms'], S['articles'])} per article; "
             f"false (gold-attributed) {S['alarms.false']} = {C.rate(S['alarms.false'], S['gold.attributed'], 100)} per 100 attributed quotes "
             f"(full {S['alarms.false.full']}, partial {S['alarms.false.partial']}); "
             f"on quotes not in gold or gold no-source {S['alarms.other']}")
    errs = Counter()
    for k, v in S.items():
        if k.startswith("err."):
            _, c, cls = k.split(".", 2)
            errs[(cls, c)] += v
    parts = []
    for cls in ("no-speaker", "pronoun", "wrong-person", "role", "organisation", "continuation"):
        parts.append(f"{cls} {errs[(cls, 'full')]}/{errs[(cls, 'partial')]}")
    parts.append(f"pronoun-coref {S['spk.full.other.coref.wrong']}/{S['spk.partial.other.coref.wrong']}")
    L.append("speaker errors (full/partial): " + ", ".join(parts) +
             f"; missed {S['gold'] - S['found']}; spurious {S['cd'] - S['cd.ok']}")
    return "\n".join(L)


def _marked(text: str, a: int, b: int, marks) -> str:
    """text[a:b] on one line, each (start, end, open, close) in marks that lies inside marked."""
    ins = []
    for s, e, o, c in marks:
        if a <= s < e <= b:
            ins += [(e, 0, c), (s, 1, o)]
    out, pos = [], a
    for at, _, m in sorted(ins, key=lambda x: (x[0], x[1])):
        out.append(text[pos:at])
        out.append(m)
        pos = at
    out.append(text[pos:b])
    return "".join(out).replace("\r", "").replace("\n", " ⏎ ")


def describe_coref(r: Result, g: GoldQuote, before: int = 300, after: int = 160) -> str:
    """A pronoun-coref (or coref-unknown) case: the sentence holding the gold source and the
    one before it (clipped to `before`/`after` characters around the source), the gold source
    ⟦marked⟧ and copydesk's mention ⟨marked⟩ when inside, the chain's proper names and
    copydesk's resolved name."""
    text, cr, src, q = r.text, g.coref, g.source, g.match
    sp = q.speaker
    a, b = g.att.source[0]
    lo, hi = a, b
    if r.doc is not None and r.doc.usable:
        spans = r.doc.sentence_spans()
        k = next((i for i, (x, y) in enumerate(spans) if x <= a < y), None)
        if k is not None:
            lo, hi = spans[max(0, k - 1)][0], spans[k][1]
    lo, hi = max(lo, a - before, 0), min(hi, b + after, len(text))
    marks = [(a, b, "⟦", "⟧")]
    if q.mention and q.mention[1] <= a or (q.mention and q.mention[0] >= b):
        marks.append((q.mention[0], q.mention[1], "⟨", "⟩"))
    ctx = ("…" if lo > 0 and text[lo - 1] not in "\n" else "") + _marked(text, lo, hi, marks) + "…"
    s = f"{r.name} [{g.cls}, gold {src.kind}, coref-{cr.status}{' ' + cr.reason if cr.reason else ''}]\n    context: {ctx}"
    s += f"\n    quote: {C.snippet(text, *g.span, width=0)[:160]}"
    s += f"\n    gold source: {text[a:b]!r}"
    if cr.chain is not None:
        names = cr.chain.names()
        near = [m for m in cr.chain.proper if m.head_span[0] < a]
        mt = cr.mention.text if len(cr.mention.text) <= 60 else cr.mention.text[:57] + "…"
        s += f"\n    CoreNLP chain ({len(cr.chain.mentions)} mentions, matched {mt!r}): proper names {names or '-'}"
        if near:
            m = near[-1]
            s += f"; nearest before: {C.snippet(text, *m.span, width=45)}"
    men = ""
    if q.mention and not (lo <= q.mention[0] < hi):
        men = " @ " + C.snippet(text, *q.mention, width=45)
    s += (f"\n    copydesk: {sp.get('name')!r} ({sp.get('kind')}, mention {(sp.get('mention') or {}).get('text')!r}, "
          f"cue {sp.get('cue')!r}){men}")
    return s


def describe(r: Result, item, extra, cls: str) -> str:
    text = r.text
    if cls in ("pronoun-coref", "coref-unknown"):
        return describe_coref(r, item)
    if cls == "spurious":
        q = item
        return f"{r.name}: {C.snippet(text, *q.span)}"
    if cls == "alarm-other":
        sp, g = item, extra
        tag = "gold no-source" if g is not None else "not in gold"
        return f"{r.name} [{tag}]: {C.snippet(text, *sp)}"
    g = item
    s = f"{r.name} [{g.cls}] {C.snippet(text, *g.span)}"
    if g.source:
        s += f"\n    gold: {text[g.att.source[0][0]:g.att.source[0][1]]!r} ({g.source.kind})"
    if g.match is not None and g.match.speaker:
        sp = g.match.speaker
        men = g.match.mention
        where = ""
        if men and C.LineIndex(text).line_of(men[0]) != C.LineIndex(text).line_of(g.span[0]):
            where = " @ " + C.snippet(text, *men, width=50)
        s += f"\n    copydesk: {sp.get('name')!r} ({sp.get('kind')}, mention {sp['mention']['text']!r}, cue {sp.get('cue')!r}){where}"
    elif g.match is not None:
        s += "\n    copydesk: no speaker"
    return s


# ---------------------------------------------------------------- running


def run_split(data: str, split: str, binary: str, config=None, limit=None) -> list[Result]:
    arts = P.articles(data, split)
    if limit:
        arts = arts[:limit]

    def one(a):
        name, tp, ap = a
        text = P.read_text(tp)
        try:
            sheet = C.quotes_json(binary, tp, config)
            diags = C.check_json(binary, [tp], config)[os.path.abspath(tp)]
        except RuntimeError as e:  # one article copydesk fails on costs only itself
            print(f"warning: {name}: {e}", file=sys.stderr)
            return None
        try:
            doc = N.load(N.path_for(tp), text)
        except (OSError, ValueError, SyntaxError, AttributeError, TypeError) as e:  # a broken XML costs only its coreference
            print(f"warning: {name}: CoreNLP XML unreadable ({e})", file=sys.stderr)
            doc = None
        return score_article(name, text, P.parse_ann(ap), sheet, diags, doc)

    res = C.pmap(one, arts)
    if any(r is None for r in res):
        print(f"warning: copydesk failed on {sum(r is None for r in res)} articles (left out)", file=sys.stderr)
    return [r for r in res if r is not None]


def selftest(binary: str) -> None:
    """A made-up two-article PolNeAR-shaped sample: parsing, scoring and a real run."""
    text = (
        "Council Backs New Bridge\n\n"
        "“We will build it by spring,” said Mayor Jane Porter on Tuesday.\n\n"
        "Porter called the old crossing “a daily hazard” for drivers.\n\n"
        "“It has taken far too long,” she added. 😀\n\n"
        "A council spokesman for the city said: “The budget is already set aside for the work.”\n"
    )
    def at(s, sub, k=0):
        i = -1
        for _ in range(k + 1):
            i = s.index(sub, i + 1)
        return i, i + len(sub)
    ann = []
    n = 0
    def add(content, source, cue):
        nonlocal n
        n += 1
        t = 3 * n
        ann.append(f"T{t-2}\tContent {content[0]} {content[1]}\t{text[content[0]:content[1]]}")
        ann.append(f"T{t-1}\tSource {source[0]} {source[1]}\t{text[source[0]:source[1]]}")
        ann.append(f"T{t}\tCue {cue[0]} {cue[1]}\t{text[cue[0]:cue[1]]}")
        ann.append(f"E{n}\tAttribution:T{t} Content:T{t-2} Cue:T{t} Source:T{t-1}")
    add(at(text, "“We will build it by spring,”"), at(text, "Mayor Jane Porter"), at(text, "said"))
    add(at(text, "the old crossing “a daily hazard” for drivers"), at(text, "Porter", 1), at(text, "called"))
    add(at(text, "“It has taken far too long,”"), at(text, "she"), at(text, "added"))
    add(at(text, "“The budget is already set aside for the work.”"), at(text, "A council spokesman for the city"), at(text, "said", 1))
    xml, sents = _selftest_corenlp(text, at)
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "dev", "text"))
        os.makedirs(os.path.join(d, "dev", "attributions"))
        os.makedirs(os.path.join(d, "dev", "corenlp"))
        with open(os.path.join(d, "dev", "corenlp", "a1.txt.xml"), "w", encoding="utf-8") as fh:
            fh.write(xml)
        with open(os.path.join(d, "dev", "text", "a1.txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        for ann_name in ("a1_bbbb.ann", "a1_aaaa.ann"):  # the first sorted is used
            with open(os.path.join(d, "dev", "attributions", ann_name), "w", encoding="utf-8") as fh:
                fh.write("\n".join(ann if ann_name == "a1_aaaa.ann" else []) + "\n")
        arts = P.articles(d, "dev")
        assert [os.path.basename(a[2]) for a in arts] == ["a1_aaaa.ann"], arts
        atts = P.parse_ann(arts[0][2])
        assert len(atts) == 4
        gold = gold_quotes(text, atts)
        assert [g.cls for g in gold] == ["full", "partial", "full", "full"], [g.cls for g in gold]
        assert [g.source.kind for g in gold] == ["named", "named", "pronoun", "nominal"], [g.source for g in gold]
        assert gold[0].source.names >= {"porter"}, gold[0].source
        assert text[slice(*gold[3].source.head)] == "A council spokesman", gold[3].source
        # UTF-16 columns: the emoji is two units
        idx = C.LineIndex(text)
        e = text.index("😀")
        pos = idx.position(e + 1)
        assert pos["character"] == idx.position(e)["character"] + 2 and idx.offset(pos) == e + 1
        # scoring with a hand-made sheet: quote 1 right, quote 3 no speaker, quote 4 missed
        def rng(a, b):
            return {"start": idx.position(a), "end": idx.position(b)}
        q1 = at(text, "“We will build it by spring,”")
        q3 = at(text, "“It has taken far too long,”")
        pm = at(text, "Porter", 1)
        sheet = {"quotes": [
            {"range": rng(*q1), "text": "", "speaker": {"name": "Jane Porter", "kind": "person", "role": None,
                                                        "mention": {"range": rng(*at(text, "Jane Porter")), "text": "Jane Porter"}, "cue": "said"}},
            {"range": rng(*at(text, "“a daily hazard”")), "text": "", "speaker": {"name": "Ann Porter", "kind": "person", "role": None,
                                                        "mention": {"range": rng(*pm), "text": "Porter"}, "cue": "called"}},
            {"range": rng(*q3), "text": "", "speaker": None},
        ]}
        diags = [{"code": "unattributed-quote", "range": rng(*q3)}]
        r = score_article("a1", text, atts, sheet, diags)
        S, errors = evaluate([r])
        assert S["gold"] == 4 and S["found"] == 3 and S["cd.ok"] == 3, S
        assert S["spk.full.named.ok"] == 1 and S["spk.partial.named.ok"] == 1 and S["spk.full.other.none"] == 1, S
        assert S["alarms.false"] == 1 and len(errors["missed"]) == 1, S
        assert S["corenlp.missing"] == 1 and S["spk.full.resolved.ok"] == 1, S
        print(summary(S, "selftest (hand-made sheet)"))
        # CoreNLP: reading, alignment (UTF-16 offsets after the emoji; a shifted copy)
        xp = N.path_for(os.path.join(d, "dev", "text", "a1.txt"))
        doc = N.load(xp, text)
        assert doc and doc.usable and doc.n_unaligned == 0 and doc.n_shifted == 0, doc and (doc.n_shifted, doc.n_unaligned)
        assert N._parse_regex(xml) == N._parse_tree(xp)
        last = doc.token(5, len(sents[4]))  # after the emoji: its XML offset is one UTF-16 unit on
        assert text[last.begin:last.end] == "”" and '<CharacterOffsetBegin>%d<' % (last.begin + 1) in xml, last
        moved = N.build(*N._parse_regex(xml), "\ufeffNote\n" + text)
        assert moved.usable and moved.n_unaligned == 0
        for c0, c1 in zip(doc.chains, moved.chains):
            assert [text[slice(*m.span)] for m in c0.mentions] == [("\ufeffNote\n" + text)[slice(*m.span)] for m in c1.mentions]
        hit = doc.chain_for(gold[2].source.head)  # `she` -> the Porter chain
        assert hit and chain_runs(hit[0]) == [["jane", "porter"], ["porter"]], hit
        assert hit[0].names() == ["Jane Porter", "Porter"], hit[0].names()
        assert doc.chain_for(gold[3].source.head) is None  # `council` inside `A council spokesman` is a modifier
        assert names_match(*person_words("Jane Porter"), [["jane", "porter"], ["porter"]]) == (True, "")
        assert names_match(*person_words("Mayor Porter"), [["jane", "porter"]]) == (True, "")
        assert names_match(*person_words("Ann Porter"), [["jane", "porter"], ["porter"]]) == (False, "given-name")
        assert names_match(*person_words("Tom Reyes"), [["jane", "porter"]]) == (False, "other-name")
        assert names_match(*person_words("Porter's aide"), [["jane", "porter"]]) == (False, "no-name")
        assert names_match(*person_words("the council"), [["council"]]) == (True, "")
        # resolved-person scoring: `she` resolved to another person is span-right but coref-wrong;
        # the spokesman has no chain, so it is scored by span
        sheet2 = {"quotes": sheet["quotes"][:2] + [
            {"range": rng(*q3), "text": "", "speaker": {"name": "Tom Reyes", "kind": "person", "role": None,
                                                        "mention": {"range": rng(*at(text, "she")), "text": "she"}, "cue": "added"}},
            {"range": rng(*at(text, "“The budget is already set aside for the work.”")), "text": "",
             "speaker": {"name": "a council spokesman", "kind": "anonymous", "role": None,
                         "mention": {"range": rng(*at(text, "A council spokesman")), "text": "A council spokesman"}, "cue": "said"}},
        ]}
        r = score_article("a1", text, atts, sheet2, [], doc)
        S, errors = evaluate([r])
        assert S["spk.full.other.ok"] == 2 and S["spk.full.other.coref.wrong"] == 1 and S["spk.full.other.coref.unknown"] == 1, S
        assert S["spk.full.other.coref.unknown.no-chain"] == 1 and S["spk.full.other.span_ok_coref_wrong"] == 1, S
        assert S["spk.full.resolved.ok"] == 2 and S["spk.full.resolved.n"] == 3 and S["spk.partial.resolved.ok"] == 1, S
        assert len(errors["pronoun-coref"]) == 1 and len(errors["coref-unknown"]) == 1, errors
        shown = describe_coref(r, errors["pronoun-coref"][0][1])
        assert "Jane Porter" in shown and "Tom Reyes" in shown and "⟦she⟧" in shown, shown
        sheet2["quotes"][2]["speaker"]["name"] = "Jane Porter"
        S, errors = evaluate([score_article("a1", text, atts, sheet2, [], doc)])
        assert S["spk.full.other.coref.right"] == 1 and S["spk.full.resolved.ok"] == 3, S
        print(summary(S, "selftest (hand-made sheet, CoreNLP)"))
        # a real run of the binary on the same sample
        res = run_split(d, "dev", binary)
        S, errors = evaluate(res)
        print(summary(S, "selftest (copydesk)"))
        assert S["gold"] == 4 and S["found"] >= 3, S
        assert gold[0].match is None  # the hand-made run did not touch these objects
        g0 = res[0].gold[0]
        assert g0.match is not None and g0.match.speaker and surname(g0.match.speaker["name"]) == "porter", g0.match
        assert res[0].doc is not None and res[0].doc.usable and S["corenlp.articles"] == 1, S
        g2 = res[0].gold[2]
        assert g2.match is None or not g2.match.speaker or g2.coref.status in ("right", "wrong"), g2.coref
    print("quotes.py selftest: ok")


def _selftest_corenlp(text: str, at) -> tuple[str, list]:
    """A hand-made CoreNLP XML for the selftest sample: one sentence per paragraph line,
    made-up POS and NER, and three chains: Porter (`Mayor Jane Porter`, `Porter`, `she`),
    the crossing (`the old crossing`, `It`) and a council (`Council`, and `council` inside
    `A council spokesman`)."""
    tags = {"We": "PRP", "it": "PRP", "It": "PRP", "she": "PRP", "A": "DT", "the": "DT", "The": "DT"}
    ner = {"Jane": "PERSON", "Porter": "PERSON", "Tuesday": "DATE"}
    sents = []
    pos = 0
    for line in text.split("\n"):
        toks = []
        for m in re.finditer(r"\w+|[^\w\s]", line):
            w = m.group()
            tag = tags.get(w) or (w if not w[0].isalnum() else "NNP" if w[0].isupper() else "NN")
            toks.append((pos + m.start(), pos + m.end(), tag, ner.get(w, "O")))
        if toks:
            sents.append(toks)
        pos += len(line) + 1

    def mention(sub, k=0, head=-1):
        a, b = at(text, sub, k)
        for si, toks in enumerate(sents, 1):
            ids = [i for i, t in enumerate(toks, 1) if a <= t[0] and t[1] <= b]
            if ids:
                return si, ids[0], ids[-1] + 1, ids[head]
        raise AssertionError(sub)

    chains = [
        [mention("Mayor Jane Porter"), mention("Porter", 1), mention("she")],
        [mention("the old crossing"), mention("It")],
        [mention("Council"), mention("council", 0)],
    ]
    return N.to_xml(text, sents, chains), sents


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring (head of this file) for the scoring rules.")
    ap.add_argument("data", nargs="?", help="PolNeAR data/ folder")
    ap.add_argument("--copydesk", default="target/release/copydesk")
    ap.add_argument("--split", default="dev", choices=P.SPLITS)
    ap.add_argument("--config", help="copydesk.toml to pass to copydesk")
    ap.add_argument("--errors", metavar="CLASS", help="print individual cases: a class, 'all', or 'list' for the counts")
    ap.add_argument("--only", choices=("full", "partial"), help="with --errors: only full or partial quotes")
    ap.add_argument("--max", type=int, default=0, help="with --errors: at most N cases per class")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--json", metavar="FILE", help="also write the raw counters as JSON")
    ap.add_argument("--selftest", action="store_true", help="run on a tiny made-up sample (no data needed)")
    a = ap.parse_args(argv)
    binary = C.find_copydesk(a.copydesk)
    if a.selftest:
        return selftest(binary)
    if not a.data:
        ap.error("DATA is required (PolNeAR's data/ folder)")
    res = run_split(a.data, a.split, binary, a.config, a.limit)
    S, errors = evaluate(res)
    print(summary(S, a.split))
    C.write_json(a.json, S)
    if a.errors:
        if a.errors == "list":
            for k in sorted(errors):
                print(f"{k:20s} {len(errors[k])}")
            return
        classes = sorted(errors) if a.errors == "all" else [a.errors]
        for cls in classes:
            items = errors.get(cls, [])
            if a.only:
                items = [x for x in items if x[2] == a.only or (cls in ("missed",) and x[1].cls == a.only)]
            print(f"\n== {cls}: {len(items)}")
            if cls in ("pronoun-coref", "coref-unknown"):  # one case per gold source, its quotes listed
                groups = {}
                for r, g, c in items:
                    groups.setdefault((r.name, g.att.source[0]), []).append((r, g))
                print(f"   ({len(groups)} distinct gold sources)")
                for k, grp in enumerate(groups.values()):
                    if a.max and k >= a.max:
                        break
                    print(describe_coref(*grp[0]))
                    for r, g in grp[1:]:
                        print(f"    also [{g.cls}]: {C.snippet(r.text, *g.span, width=0)[:160]}")
                continue
            for k, (r, item, extra) in enumerate(items):
                if a.max and k >= a.max:
                    break
                print(describe(r, item, extra, cls))


if __name__ == "__main__":
    main()
