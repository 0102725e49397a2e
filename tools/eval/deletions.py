#!/usr/bin/env python3
"""Deleted attributions (issue 16, "a deleted attribution is flagged"): cut the
attribution out of one full direct quote of a real article at a time and see
what copydesk makes of the quote that is left.

    python3 tools/eval/deletions.py DATA [--split dev] [--copydesk PATH] [--mode tidy|raw|both]
                                         [--list OUTCOME [--keep DIR]] [--limit N]

DATA is PolNeAR's `data/` folder; the test split is never read. Standard library only.

Which quotes
------------
A gold FULL direct quote (as tools/eval/quotes.py defines it) whose attribution has a
Source and a Cue, all on the quote's own line (paragraph), outside the quote, and
together with the text between them free of other quote marks and no longer than 200
characters. One copy of the article per such quote, with only that attribution cut.

How it is cut
-------------
The span from the first to the last Source/Cue character is removed.
* raw: nothing else changes (`“…,” .` is left when `“…,” Holt said.` loses `Holt said`);
* tidy: the copy is made to read as if it had never had an attribution: the space
  around the cut collapses, a comma ending the quote becomes a full stop when only a
  full stop followed (`“…,” .` -> `“….”`), and a lead-in left with only a comma or
  colon before the quote loses it (`, “…”` -> `“…”`), as a careless cut and a careful
  sub would leave it respectively.

Outcomes (per copy, for the cut quote)
--------------------------------------
* flagged: an `unattributed-quote` finding overlaps the quote;
* same: no alarm, copydesk's speaker shares the gold Source's surname (the speaker is
  named again nearby, e.g. the quote continues that person's run) - acceptable; for a
  pronoun or nominal Source (`he said`), copydesk's speaker names the person of the
  Source's CoreNLP coreference chain in the uncut article, as tools/eval/quotes.py
  judges a resolved pronoun (counted apart as `same by coreference`; a Source with no
  chain or no proper name in it is judged as tools/eval/quotes.py judges it, by span:
  same when copydesk, on the uncut article, read the Source as that person (its
  speaker mention overlaps the Source's head) and names the same person for the cut
  quote - counted apart as `same by copydesk's uncut reading`; else `other` when
  copydesk names anyone);
* other: no alarm and copydesk credits the quote to someone else - the silent error;
* silent: no alarm, no speaker (read as partial or not a quote).
Targets (issue 16): flagged >= 90%, other <= 3%.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402
import polnear as P  # noqa: E402
import corenlp as N  # noqa: E402
import quotes as Q  # noqa: E402

MARKS = "“”„«»\"‘’'"


def candidates(text: str, atts) -> list:
    """(gold quote, cut start, cut end) for each quote whose attribution can be cut."""
    out = []
    lines = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)

    def line_of(i):
        for a, b in lines:
            if a <= i <= b:
                return (a, b)
        return None

    for g in Q.gold_quotes(text, atts):
        if g.cls != "full" or not g.att.source or not g.att.cue:
            continue
        segs = g.att.source + g.att.cue
        a = min(s for s, _ in segs)
        b = max(e for _, e in segs)
        ln = line_of(g.span[0])
        if ln is None or not (ln[0] <= a and b <= ln[1]):
            continue
        if a < g.span[1] and g.span[0] < b:
            continue
        if b - a > 200 or any(c in MARKS for c in text[a:b] if c not in "’'"):
            continue
        out.append((g, a, b))
    return out


def cut(text: str, g, a: int, b: int, mode: str) -> tuple[str, tuple[int, int]]:
    """The copy with [a, b) removed and the quote's new span (marks included)."""
    qs, qe = g.span
    new = text[:a] + text[b:]
    shift = b - a if a < qs else 0
    qs, qe = qs - shift, qe - shift
    if mode == "raw":
        return new, (qs, qe)
    # collapse the space the cut leaves
    left, right = new[:a], new[a:]
    if left.endswith((" ", "\u00a0")) and right.startswith((" ", "\u00a0", ",", ".", ":", ";")):
        left = left.rstrip(" \u00a0")
        if a <= qs:
            qs -= a - len(left)
            qe -= a - len(left)
        a = len(left)
        new = left + right
    # after the quote: `“…,” .` -> `“….”`
    if a >= qe:
        tail = new[qe:]
        m = re.match(r"[ \u00a0]*([.,;:])", tail)
        inside = new[qs:qe]
        if m and m.group(1) == "." and len(inside) >= 2 and inside[-2] == ",":
            new = new[:qe - 2] + "." + new[qe - 1:qe] + tail[m.end():]
        elif m and m.group(1) in ",;:" and not tail[m.end():].strip():
            new = new[:qe] + tail[m.end():]
    else:  # before the quote: `, “…”` or `: “…”` at the start of its sentence
        head = new[:qs]
        stripped = head.rstrip(" \u00a0")
        if stripped.endswith((",", ":")):
            rest = stripped[:-1].rstrip(" \u00a0")
            if not rest or rest[-1] in ".!?”\"’\n":
                gap = len(head) - len(rest)
                new = rest + (" " if rest and rest[-1] != "\n" else "") + new[qs:]
                delta = gap - (1 if rest and rest[-1] != "\n" else 0)
                qs -= delta
                qe -= delta
    return new, (qs, qe)


def uncut_reading(binary: str, path: str, text: str, golds) -> dict:
    """For each gold quote with a pronoun or nominal Source: the name copydesk gives the
    quote in the uncut article when its speaker mention overlaps the Source's head (the
    span test of tools/eval/quotes.py), keyed by the quote's span."""
    want = [g for g in golds if g.source is not None and g.source.kind in ("pronoun", "nominal")]
    if not want:
        return {}
    out = {}
    cdq = Q.cd_quotes(text, C.quotes_json(binary, path))
    for g in want:
        best = max(cdq, key=lambda q: C.overlap(q.span, g.span), default=None)
        if best is None or C.overlap(best.span, g.span) <= 0 or not best.speaker:
            continue
        if best.mention and C.overlap(best.mention, g.source.head) > 0:
            sp = best.speaker
            out[g.span] = sp.get("name") or (sp.get("mention") or {}).get("text", "")
    return out


def outcome(binary: str, text: str, span, g, gold_text: str, doc=None, uncut=None) -> tuple[str, str]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8", newline="") as fh:
        fh.write(text)
        path = fh.name
    try:
        diags = C.check_json(binary, [path])[os.path.abspath(path)]
        sheet = C.quotes_json(binary, path)
    finally:
        os.unlink(path)
    idx = C.LineIndex(text)
    for d in diags:
        if d.get("code") == "unattributed-quote" and C.overlap(idx.span(d["range"]), span) > 0:
            return "flagged", ""
    best = None
    for q in Q.cd_quotes(text, sheet):
        ov = C.overlap(q.span, span)
        if ov > 0 and (best is None or ov > best[0]):
            best = (ov, q)
    if best is None or not best[1].speaker:
        return "silent", ""
    sp = best[1].speaker
    name = sp.get("name") or (sp.get("mention") or {}).get("text", "")
    src = g.source
    if src is not None and src.names and Q.surname(name) in src.names:
        return "same", name
    if src is not None and src.kind in ("pronoun", "nominal"):
        runs = []
        if doc is not None and doc.usable:
            hit = doc.chain_for(src.head)
            runs = Q.chain_runs(hit[0]) if hit else []
        if runs and Q.names_match(*Q.person_words(name), runs)[0]:
            return "same", "coref"
        if not runs and uncut and name and Q.surname(name) and Q.surname(name) == Q.surname(uncut):
            return "same", "uncut"
    if not name:
        return "silent", ""
    return "other", f"{sp.get('how', '?')}: {name} (gold: {gold_text})"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data")
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--copydesk", default="target/release/copydesk")
    ap.add_argument("--mode", default="both", choices=["tidy", "raw", "both"])
    ap.add_argument("--list", metavar="OUTCOME", help="print each copy with this outcome (flagged|same|other|silent)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--keep", metavar="DIR", help="write each listed copy to DIR (with --list), to run copydesk on it")
    args = ap.parse_args(argv)
    P.check_split(args.split)
    binary = C.find_copydesk(args.copydesk)
    arts = P.articles(args.data, args.split)
    if args.limit:
        arts = arts[:args.limit]
    jobs = []
    for name, tp, ap_ in arts:
        text = P.read_text(tp)
        doc = N.load(N.path_for(tp), text)
        cands = candidates(text, P.parse_ann(ap_))
        jobs.append((name, text, cands, doc, tp))
    def reading(job):
        name, text, cands, doc, tp = job
        uncut = uncut_reading(binary, tp, text, [g for g, _, _ in cands])
        return [(name, text, g, a, b, doc, uncut.get(g.span)) for g, a, b in cands]
    jobs = [j for js in C.pmap(reading, jobs) for j in js]
    modes = ["tidy", "raw"] if args.mode == "both" else [args.mode]
    for mode in modes:
        def one(job):
            name, text, g, a, b, doc, uncut = job
            new, span = cut(text, g, a, b, mode)
            try:
                res, why = outcome(binary, new, span, g, text[a:b], doc, uncut)
            except RuntimeError as e:
                print(f"warning: {name}: {e}", file=sys.stderr)
                return None
            return name, res, why, C.snippet(new, span[0], span[1]), new
        results = [r for r in C.pmap(one, jobs) if r is not None]
        n = len(results)
        counts = Counter(r[1] for r in results)
        print(f"deleted attributions ({args.split}, {mode}): {n} quotes in {len(arts)} articles")
        for k in ["flagged", "same", "other", "silent"]:
            print(f"  {k:8} {counts[k]:5}  {C.pct(counts[k], n)}")
        by_coref = sum(1 for r in results if r[1] == "same" and r[2] == "coref")
        print(f"    same by coreference (pronoun or nominal Source): {by_coref}")
        by_uncut = sum(1 for r in results if r[1] == "same" and r[2] == "uncut")
        print(f"    same by copydesk's uncut reading (pronoun or nominal Source, no CoreNLP name): {by_uncut}")
        hows = Counter(r[2].split(":")[0] for r in results if r[1] == "other")
        if hows:
            print("  other, by how the speaker was found: " + ", ".join(f"{k} {v}" for k, v in hows.most_common()))
        if args.list:
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
            for i, (name, res, why, snip, new) in enumerate(results):
                if res == args.list:
                    kept = ""
                    if args.keep:
                        kept = os.path.join(args.keep, f"{i:04}-{name[:40]}.txt")
                        with open(kept, "w", encoding="utf-8", newline="") as fh:
                            fh.write(new)
                        kept = f" [{kept}]"
                    print(f"{name}: {why}{kept}\n    {snip}")


if __name__ == "__main__":
    main()
