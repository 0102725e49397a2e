#!/usr/bin/env python3
"""Findings on clean published copy: every rule, PolNeAR train+dev text (DESIGN.md §5 noise budget).

    python3 tools/eval/clean.py DATA [--split all|train|dev] [--copydesk PATH] [--list CODE]

DATA is PolNeAR's `data/` folder; only {train,dev}/text is read (never test).
Published copy has been edited, so every finding on it is a false alarm until a
person shows otherwise; the budget is at most 1 false alarm per 20 clean articles,
all rules together. The summary counts findings of every severity, and apart the
warnings and errors only (information and hints are quieter in an editor).
`--list CODE` (or `--list all`) prints each finding with its line, for study.
Standard library only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402
import polnear as P  # noqa: E402


def run(data: str, splits, binary: str, config=None, limit=None):
    arts = []
    for sp in splits:
        arts += [(f"{sp}/{n}", tp) for n, tp, _ in P.articles(data, sp, need_ann=False)]
    if limit:
        arts = arts[:limit]
    res = C.check_many(binary, [tp for _, tp in arts], config)
    return [(n, tp, res.get(os.path.abspath(tp))) for n, tp in arts]


def evaluate(results):
    S = Counter()
    by_code = Counter()
    by_sev = Counter()
    arts_with = Counter()
    for name, path, diags in results:
        if diags is None:
            S["failed"] += 1
            continue
        S["articles"] += 1
        if diags:
            S["articles.with"] += 1
        codes = Counter(d.get("code") for d in diags)
        by_code.update(codes)
        for k in codes:
            arts_with[k] += 1
        for d in diags:
            by_sev[d.get("severity")] += 1
            if d.get("severity") in ("warning", "error"):
                S["loud"] += 1
            S["total"] += 1
    return S, by_code, by_sev, arts_with


def summary(label, S, by_code, by_sev, arts_with) -> str:
    n = S["articles"]
    failed = f", {S['failed']} failed" if S["failed"] else ""
    L = [f"clean copy ({label}): {n} articles{failed}; "
         f"{S['articles.with']} articles with a finding"]
    L.append(f"  all findings {S['total']} = {C.rate(S['total'], n)} per article = {C.rate(S['total'], n, 20)} per 20 articles "
             f"(budget: 1 per 20)")
    L.append(f"  warnings+errors {S['loud']} = {C.rate(S['loud'], n, 20)} per 20 articles; by severity: "
             + ", ".join(f"{k} {v}" for k, v in by_sev.most_common()))
    for code, v in by_code.most_common():
        L.append(f"  {code:20s} {v:5d}  {C.rate(v, n):>5s}/article  {C.rate(v, n, 20):>6s}/20 articles  in {arts_with[code]} articles")
    return "\n".join(L)


def listing(results, code: str, maxn: int):
    print(f"\n== {code}")
    k = 0
    for name, path, diags in results:
        if not diags:
            continue
        text = None
        for d in diags:
            if code != "all" and d.get("code") != code:
                continue
            if text is None:
                text = P.read_text(path)
                idx = C.LineIndex(text)
            k += 1
            if maxn and k > maxn:
                return
            s = idx.span(d["range"])
            print(f"{name}:{d['range']['start']['line'] + 1}:{d['range']['start']['character'] + 1}: "
                  f"[{d.get('code')}/{d.get('severity')}] {d.get('message')}")
            print(f"    {C.snippet(text, *s, width=90)}")


def selftest(binary: str) -> None:
    text = ("Ferry Fares Frozen\n\n"
            "Island ferry fares will stay the same next year, the operator said on Friday.\n\n"
            "“Passengers have had a hard year,” said Dana Whitlock, the operator’s chief executive.\n\n"
            "Whitlock said fuel costs had fallen. Advertisement\n\n"
            "Advertisement\n\n"
            "Fares for cars will be TK.\n")
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "dev", "text"))
        with open(os.path.join(d, "dev", "text", "f1.txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        res = run(d, ["dev"], binary)
        S, by_code, by_sev, arts_with = evaluate(res)
        print(summary("selftest", S, by_code, by_sev, arts_with))
        listing(res, "all", 0)
        assert S["articles"] == 1 and by_code["boilerplate"] >= 1 and by_code["placeholder"] >= 1, by_code
    print("clean.py selftest: ok")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", help="PolNeAR data/ folder")
    ap.add_argument("--copydesk", default="target/release/copydesk")
    ap.add_argument("--split", default="all", choices=("all",) + P.SPLITS, help="all = train + dev (default)")
    ap.add_argument("--config", help="copydesk.toml to pass to copydesk")
    ap.add_argument("--list", metavar="CODE", help="print each finding of CODE ('all' for every code)")
    ap.add_argument("--max", type=int, default=0)
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--json", metavar="FILE", help="also write the raw counts as JSON")
    ap.add_argument("--selftest", action="store_true", help="run on a tiny made-up article (no data needed)")
    a = ap.parse_args(argv)
    binary = C.find_copydesk(a.copydesk)
    if a.selftest:
        return selftest(binary)
    if not a.data:
        ap.error("DATA is required (PolNeAR's data/ folder)")
    splits = P.SPLITS if a.split == "all" else (a.split,)
    res = run(a.data, splits, binary, a.config, a.limit)
    label = "+".join(splits)
    S, by_code, by_sev, arts_with = evaluate(res)
    print(summary(label, S, by_code, by_sev, arts_with))
    C.write_json(a.json, {**S, **{"code." + k: v for k, v in by_code.items()}})
    if a.split == "all":
        for sp in splits:
            sub = [r for r in res if r[0].startswith(sp + "/")]
            S, by_code, _, _ = evaluate(sub)
            print(f"  {sp}: {S['articles']} articles, {S['total']} findings = {C.rate(S['total'], S['articles'], 20)} per 20 articles; "
                  + ", ".join(f"{k} {v}" for k, v in by_code.most_common()))
    if a.list:
        listing(res, a.list, a.max)


if __name__ == "__main__":
    main()
