#!/usr/bin/env python3
"""Findings on clean published copy: every rule, PolNeAR train+dev text (DESIGN.md §5 noise budget).

    python3 tools/eval/clean.py DATA [--split all|train|dev] [--copydesk PATH] [--list CODE]
    python3 tools/eval/clean.py --pages BENCH [--split all|dev|held] [--copydesk PATH] [--list CODE]
    python3 tools/eval/clean.py --texts DIR [--split all|dev|held] [--copydesk PATH] [--list CODE]

DATA is PolNeAR's `data/` folder; only {train,dev}/text is read (never test).
With `--pages`, the clean copy is instead the gold article body of each page of
the ScrapingHub article-extraction benchmark (BENCH holds ground-truth.json):
real news and blog copy of many outlets and countries, one file per page, its
paragraphs one per line as the benchmark gives them (--split dev: hashes 0-9,
held: a-f, the same halves as furniture.py). The gold body keeps some furniture
(embedded posts, picture credits), so `boilerplate` findings there are partly
right; the quote and name codes are the false alarms to watch.
With `--texts`, every .txt file under DIR is a clean article (any corpus of
published copy kept outside the repository, such as the BBC News dataset of
2,225 UK articles from 2004-05, headline first, a blank line between
paragraphs); --split dev takes the files whose path's MD5 starts 0-7, held
8-f.
Published copy has been edited, so every finding on it is a false alarm until a
person shows otherwise; the budget is at most 1 false alarm per 20 clean articles,
all rules together. The summary counts findings of every severity, and apart the
warnings and errors only (information and hints are quieter in an editor).

A person shows otherwise in `judged/clean.tsv` (`--judged FILE`): one finding
a row (article, line, code, verdict, why), the verdict `error` when the
published copy really has the error the finding names (a misspelt name, a
wrong or unclosed quote mark, a picture credit pasted into the text), or
`false-alarm`. The summary then splits the findings: errors shown in the
published copy, and false alarms (judged so, or not judged yet, which count
as false alarms). A verdict holds for its article, line and code only.
`--list CODE` (or `--list all`) prints each finding with its line and
verdict, for study and for judging. Standard library only.
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


PAGE_SPLITS = {"all": "0123456789abcdef", "dev": "0123456789", "held": "abcdef"}


def run_pages(bench: str, split: str, binary: str, config=None, limit=None, out_dir=None):
    """The gold bodies of the benchmark's pages as clean articles: [(name, path, diags)]."""
    import json
    with open(os.path.join(bench, "ground-truth.json"), encoding="utf-8") as fh:
        gt = json.load(fh)
    keys = sorted(k for k in gt if k[:1].lower() in PAGE_SPLITS[split])
    if limit:
        keys = keys[:limit]
    d = out_dir or tempfile.mkdtemp(prefix="copydesk-clean-pages-")
    arts = []
    for k in keys:
        tp = os.path.join(d, k[:10] + ".txt")
        with open(tp, "w", encoding="utf-8") as fh:
            fh.write(gt[k].get("articleBody", "").strip() + "\n")
        arts.append((f"pages/{k[:10]}", tp))
    res = C.check_many(binary, [tp for _, tp in arts], config)
    return [(n, tp, res.get(os.path.abspath(tp))) for n, tp in arts]


def run_texts(folder: str, split: str, binary: str, config=None, limit=None):
    """Every .txt file under `folder` as a clean article: [(name, path, diags)]."""
    arts = C.text_files(folder, split)
    if limit:
        arts = arts[:limit]
    res = C.check_many(binary, [tp for _, tp in arts], config)
    return [(n, tp, res.get(os.path.abspath(tp))) for n, tp in arts]


def run(data: str, splits, binary: str, config=None, limit=None):
    arts = []
    for sp in splits:
        arts += [(f"{sp}/{n}", tp) for n, tp, _ in P.articles(data, sp, need_ann=False)]
    if limit:
        arts = arts[:limit]
    res = C.check_many(binary, [tp for _, tp in arts], config)
    return [(n, tp, res.get(os.path.abspath(tp))) for n, tp in arts]


JUDGED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "judged", "clean.tsv")
VERDICTS = ("error", "false-alarm")


def load_judged(path):
    """(article, line, code) -> (verdict, why), from a judged file (missing: none)."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as fh:
        for n, row in enumerate(fh, 1):
            row = row.rstrip("\n")
            if not row.strip() or row.startswith("#"):
                continue
            cols = row.split("\t")
            if len(cols) < 5 or cols[3] not in VERDICTS or not cols[1].isdigit():
                raise SystemExit(f"{path}:{n}: want article, line, code, {'|'.join(VERDICTS)}, why (tab-separated)")
            out[(cols[0], int(cols[1]), cols[2])] = (cols[3], cols[4])
    return out


def verdict(judged, name, d):
    key = (name, d["range"]["start"]["line"] + 1, d.get("code"))
    return judged.get(key, ("unjudged", ""))[0]


def evaluate(results, judged=None):
    judged = judged or {}
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
            S["verdict." + verdict(judged, name, d)] += 1
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
    shown, judged_false, unjudged = S["verdict.error"], S["verdict.false-alarm"], S["verdict.unjudged"]
    false = judged_false + unjudged
    L.append(f"  judged: {shown} are errors in the published copy; false alarms {false} "
             f"({judged_false} judged, {unjudged} not judged yet) = {C.rate(false, n, 20)} per 20 articles (budget: 1)")
    for code, v in by_code.most_common():
        L.append(f"  {code:20s} {v:5d}  {C.rate(v, n):>5s}/article  {C.rate(v, n, 20):>6s}/20 articles  in {arts_with[code]} articles")
    return "\n".join(L)


def listing(results, code: str, maxn: int, judged=None):
    judged = judged or {}
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
                  f"[{d.get('code')}/{d.get('severity')}] ({verdict(judged, name, d)}) {d.get('message')}")
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
    ap.add_argument("--split", default="all", choices=("all", "held") + P.SPLITS,
                    help="all = train + dev (default); with --pages: all, dev or held")
    ap.add_argument("--pages", action="store_true", help="DATA is the ScrapingHub benchmark: check its gold article bodies")
    ap.add_argument("--texts", action="store_true", help="DATA is a folder: every .txt file under it is a clean article")
    ap.add_argument("--config", help="copydesk.toml to pass to copydesk")
    ap.add_argument("--list", metavar="CODE", help="print each finding of CODE ('all' for every code)")
    ap.add_argument("--max", type=int, default=0)
    ap.add_argument("--judged", default=JUDGED, help="verdicts on findings (default: judged/clean.tsv beside this script)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--json", metavar="FILE", help="also write the raw counts as JSON")
    ap.add_argument("--selftest", action="store_true", help="run on a tiny made-up article (no data needed)")
    a = ap.parse_args(argv)
    binary = C.find_copydesk(a.copydesk)
    if a.selftest:
        return selftest(binary)
    if not a.data:
        ap.error("DATA is required (PolNeAR's data/ folder)")
    if a.texts:
        if a.split not in PAGE_SPLITS:
            ap.error("with --texts, --split is all, dev or held")
        res = run_texts(a.data, a.split, binary, a.config, a.limit)
        splits, label = (), f"{os.path.basename(os.path.normpath(a.data))}, {a.split}"
    elif a.pages:
        if a.split not in PAGE_SPLITS:
            ap.error("with --pages, --split is all, dev or held")
        res = run_pages(a.data, a.split, binary, a.config, a.limit)
        splits, label = (), f"ScrapingHub gold bodies, {a.split}"
    else:
        if a.split == "held":
            ap.error("--split held is for --pages")
        splits = P.SPLITS if a.split == "all" else (a.split,)
        res = run(a.data, splits, binary, a.config, a.limit)
        label = "+".join(splits)
    judged = load_judged(a.judged)
    S, by_code, by_sev, arts_with = evaluate(res, judged)
    print(summary(label, S, by_code, by_sev, arts_with))
    C.write_json(a.json, {**S, **{"code." + k: v for k, v in by_code.items()}})
    if a.split == "all" and not (a.pages or a.texts):
        for sp in splits:
            sub = [r for r in res if r[0].startswith(sp + "/")]
            S, by_code, _, _ = evaluate(sub, judged)
            false = S["verdict.false-alarm"] + S["verdict.unjudged"]
            print(f"  {sp}: {S['articles']} articles, {S['total']} findings = {C.rate(S['total'], S['articles'], 20)} per 20 articles "
                  f"({S['verdict.error']} judged errors in the copy, {false} false alarms = {C.rate(false, S['articles'], 20)} per 20); "
                  + ", ".join(f"{k} {v}" for k, v in by_code.most_common()))
    if a.list:
        listing(res, a.list, a.max, judged)


if __name__ == "__main__":
    main()
