#!/usr/bin/env python3
"""Paragraphs as the copy makes them, on real copy (issue 21).

Each PolNeAR article (blank lines between paragraphs) is written in four
layouts: blank-line, a line a paragraph, hard-wrapped at 72 columns, and a
line a paragraph with CRLF. copydesk must read the same quotes, speakers and
findings from every one (positions aside: the covered text is compared with
its whitespace collapsed). Prints how many articles read the same in every
layout and lists the differences with --list. With --paragraphs lines each
line of the source is a paragraph of its own (PolNeAR often sets paragraphs
on lines with no blank line between them; as blocks, wrapping at 72 columns
merges those into one paragraph, a different article).

    python3 tools/eval/layouts.py /work/data/polnear/data --copydesk target/release/copydesk [--split dev] [--list]
"""

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import LineIndex, check_json, find_copydesk, pmap, quotes_json  # noqa: E402
from polnear import articles, check_split, read_text  # noqa: E402


def norm(s: str) -> str:
    return " ".join(s.split())


def paragraphs(text: str) -> list[str]:
    out, cur = [], []
    for line in text.splitlines():
        if line.strip():
            cur.append(line.rstrip())
        elif cur:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out


def wrap(line: str, width: int = 72) -> list[str]:
    lines, cur = [], ""
    for word in line.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = ""
        cur = f"{cur} {word}" if cur else word
    lines.append(cur)
    return lines


def layouts(text: str, by_line: bool = False) -> dict[str, str]:
    paras = [l.rstrip() for l in text.splitlines() if l.strip()] if by_line else paragraphs(text)
    return {
        "blank-line": "\n\n".join(paras) + "\n",
        "line": "\n".join(paras) + "\n",
        "wrapped": "\n\n".join("\n".join(w for l in p.splitlines() for w in wrap(l)) for p in paras) + "\n",
        "crlf-line": "\r\n".join(p.replace("\n", "\r\n") for p in paras) + "\r\n",
    }


def reading(binary: str, path: str, text: str):
    sheet = quotes_json(binary, path)
    quotes = [
        (norm(q["text"]), (q.get("speaker") or {}).get("name"))
        for q in sheet.get("quotes", [])
    ]
    report = check_json(binary, [path])
    idx = LineIndex(text)
    findings = []
    for d in report.get(os.path.abspath(path), []):
        a, b = idx.span(d["range"])
        findings.append((d["code"], norm(text[a:b])))
    findings.sort()
    return quotes, findings


def one(args):
    binary, name, text, tmp, by_line = args
    out = {}
    for layout, version in layouts(text, by_line).items():
        path = os.path.join(tmp, f"{name}.{layout}.txt")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(version)
        out[layout] = reading(binary, path, version)
    return name, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="PolNeAR data folder (holds train/ and dev/)")
    ap.add_argument("--copydesk", default="target/release/copydesk")
    ap.add_argument("--split", default="dev", choices=["train", "dev"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--list", action="store_true", help="print each difference")
    ap.add_argument("--paragraphs", default="blocks", choices=["blocks", "lines"],
                    help="what a paragraph of the source is: a run of non-blank lines (blocks), "
                         "or each line (lines: PolNeAR often sets paragraphs on lines of their "
                         "own with no blank line between, and wrapping such a block at 72 "
                         "columns merges them)")
    args = ap.parse_args()
    check_split(args.split)
    binary = find_copydesk(args.copydesk)
    items = articles(args.data, args.split, need_ann=False)
    if args.limit:
        items = items[: args.limit]
    with tempfile.TemporaryDirectory() as tmp:
        by_line = args.paragraphs == "lines"
        jobs = [(binary, os.path.basename(t)[:-4], read_text(t), tmp, by_line) for _, t, _ in items]
        results = pmap(one, jobs)
    same = 0
    diffs = {"quotes": 0, "findings": 0}
    for name, out in results:
        base = out["blank-line"]
        ok = True
        for layout in ("line", "wrapped", "crlf-line"):
            for i, what in enumerate(("quotes", "findings")):
                if out[layout][i] != base[i]:
                    ok = False
                    diffs[what] += 1
                    if args.list:
                        want, got = set(base[i]), set(out[layout][i])
                        print(f"{name} [{layout}] {what}: missing {sorted(want - got, key=str)[:3]} extra {sorted(got - want, key=str)[:3]}")
        same += ok
    print(f"layouts: {same}/{len(results)} articles read the same in all four layouts; "
          f"layouts with other quotes: {diffs['quotes']}, other findings: {diffs['findings']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
