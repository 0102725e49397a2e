#!/usr/bin/env python3
"""Score `boilerplate` (and `placeholder`) on real news pages: the ScrapingHub benchmark (issue 18.5).

    python3 tools/eval/furniture.py DATA [--copydesk PATH] [--split all|dev|held] [--list missed|false|fix-false|body|furniture]

--split dev takes the pages whose hash starts 0-9 (develop and read examples on
these), --split held those starting a-f (look only at the figures, to check
that a change generalises).

DATA is the article-extraction-benchmark folder with html/<hash>.html.gz and
ground-truth.json (`articleBody` per hash). Standard library only.

Page text (a browser copy)
--------------------------
The HTML is turned into text the way a browser copy gives it: script, style,
noscript, template, svg, head, iframe, select and elements with `hidden`,
`aria-hidden="true"` or an inline `display:none` are dropped; block elements (p,
div, li, h1-h6, tr, br, figcaption, section, ...) break lines; table cells are
separated by a space; whitespace is collapsed; one line per block, empty lines
dropped. <pre> keeps its line breaks.

Line labels
-----------
Text is normalised (NFKC, lowercase, quotes/dashes unified, only letters, digits
and spaces kept). A line is BODY when
  * its normalised text (at least 4 words, or any length if it equals a whole gold
    paragraph) is contained in the normalised gold body, or
  * it contains a whole gold paragraph (at least 4 words), or
  * >= 80% of its words (at least 4) occur in one gold paragraph of comparable
    length (the paragraph has at most 2x the line's words) — the fuzzy case.
Everything else is FURNITURE. One exception to the gold: an embedded post's
signature line (`— Jane Doe (@janedoe) March 3, 2024`) is FURNITURE even when
the gold body keeps it. The benchmark's gold is the article as an extractor
should find it, embeds and all; issue 18 counts the embed's signature as web
furniture to flag (the post's own text stays body). `--gold-signatures`
scores against the gold as it is (the figures with and without are both
reported in the issue note).

Article region
--------------
The region is the best-scoring contiguous run of lines, scoring each body line its
word count and each furniture line -3 (so a teaser repeating the first paragraph
far above the article, or a related-story box quoting it below, stays out, while
furniture between paragraphs stays in), widened by --context lines (default 3) on
each side. Pages where the region's body lines hold less than half of the gold
body's words are skipped (reported). The region is written one line per paragraph
(`--blank-lines` puts an empty line between paragraphs instead).

Scores
------
A line is flagged by a code when a finding of that code starts on it or covers it.
  furniture recall      flagged furniture lines / furniture lines
  precision             flagged furniture lines / flagged lines
  body false positives  flagged body lines / body lines
`copydesk fix --dry-run` is parsed: a removed non-empty line (a '-' line with no
matching '+' line in its hunk) is a removal; fix precision = removed furniture lines /
removed lines; a changed line (edited, not removed) is counted apart.
Missed furniture lines are grouped by a rough kind (byline/date, credit/copyright,
share/follow/subscribe prompt, caption, short label, headline-like, other: the first
that fits, in that order) and by place (above the first body line, between body
lines, below the last).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common as C  # noqa: E402

BLOCK = set("""address article aside blockquote body br caption center dd details dialog dir div dl dt
fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu
nav ol p pre section summary table tbody tfoot thead tr ul button label option video audio picture
""".split())
CELL = {"td", "th"}
DROP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "select", "object", "canvas", "math", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "command"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, dropped)
        self.dropped = 0
        self.pre = 0

    def _hidden(self, tag, attrs) -> bool:
        if tag in DROP:
            return True
        a = {k.lower(): (v or "") for k, v in attrs}
        if "hidden" in a or a.get("aria-hidden", "").lower() == "true":
            return True
        st = a.get("style", "").replace(" ", "").lower()
        return "display:none" in st or "visibility:hidden" in st

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        if tag in VOID:
            if tag in ("br", "hr") and not self.dropped:
                self.out.append("\n")
            return
        hid = self._hidden(tag, attrs)
        # an unclosed <p>/<li> is closed by the next one
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th", "option") and self.stack and self.stack[-1][0] == tag:
            self.handle_endtag(tag)
        self.stack.append((tag, hid))
        if hid:
            self.dropped += 1
        if tag == "pre":
            self.pre += 1
        if not self.dropped:
            if tag in BLOCK:
                self.out.append("\n")
            elif tag in CELL:
                self.out.append(" ")

    def handle_startendtag(self, tag, attrs):
        tag = tag.lower()
        if tag in ("br", "hr") and not self.dropped:
            self.out.append("\n")

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in VOID:
            return
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, hid = self.stack.pop()
            if hid:
                self.dropped -= 1
            if t == "pre":
                self.pre -= 1
            if not self.dropped and (t in BLOCK):
                self.out.append("\n")
            elif not self.dropped and t in CELL:
                self.out.append(" ")
            if t == tag:
                break

    def handle_data(self, data):
        if self.dropped:
            return
        if self.pre:
            self.out.append(data)
        else:
            self.out.append(re.sub(r"[ \t\r\n\f\v]+", " ", data))


def html_lines(html: str) -> list[str]:
    p = _Text()
    try:
        p.feed(html)
        p.close()
    except Exception:  # a broken page: keep what was parsed
        pass
    text = "".join(p.out)
    lines = []
    for ln in text.split("\n"):
        ln = re.sub(r"[ \t\u00a0\u200b\u2028\u2029]+", " ", ln).strip()
        if ln:
            lines.append(ln)
    return lines


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"charset=[\"']?([\w-]+)", raw[:4096])
    for enc in ([m.group(1).decode("ascii", "ignore")] if m else []) + ["cp1252"]:
        try:
            return raw.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


# ---------------------------------------------------------------- labels

_TRANS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def norm_words(s: str) -> list[str]:
    s = unicodedata.normalize("NFKC", s).translate(_TRANS).lower()
    s = s.replace("'", "")
    return re.findall(r"[^\W_]+", s)


@dataclass
class Gold:
    paras: list  # word lists
    joined: str  # " w1 w2 ... | ... " with boundaries
    para_strs: set
    words: int


def gold_of(body: str) -> Gold:
    paras = [norm_words(p) for p in body.split("\n") if p.strip()]
    paras = [p for p in paras if p]
    return Gold(paras, " " + " | ".join(" ".join(p) for p in paras) + " ",
                {" ".join(p) for p in paras}, sum(len(p) for p in paras))


_SIGNATURE = re.compile(r"^[—–-]\s*\S.{0,80}\(@\w{1,30}\)\s*(?:on\s+)?[A-Za-z]+\.? \d{1,2}, \d{4}\s*$")
GOLD_SIGNATURES = False


def label(line: str, g: Gold) -> bool:
    """True when the line is article body (see the module doc)."""
    if not GOLD_SIGNATURES and _SIGNATURE.match(line.strip()):
        return False
    w = norm_words(line)
    if not w:
        return False
    s = " ".join(w)
    if s in g.para_strs:
        return True
    if len(w) >= 4 and (" " + s + " ") in g.joined:
        return True
    for p in g.paras:
        if len(p) >= 4 and (" " + " ".join(p) + " ") in (" " + s + " "):
            return True
    if len(w) >= 4:
        lc = Counter(w)
        for p in g.paras:
            if len(p) > 2 * len(w) or len(p) * 2 < len(w):
                continue
            pc = Counter(p)
            common = sum(min(v, pc[k]) for k, v in lc.items())
            if common >= 0.8 * len(w):
                return True
    return False


def region(lines: list[str], labels: list[bool], context: int) -> tuple[int, int, int]:
    """(start, end, body words inside) of the best-scoring run, widened by context."""
    best = (0, -1, -1, 0)  # score, start, end
    cur, start = 0, 0
    bw_best = 0
    for i, (ln, b) in enumerate(zip(lines, labels)):
        wgt = len(norm_words(ln)) if b else -3
        if cur <= 0:
            cur, start = wgt, i
        else:
            cur += wgt
        if cur > best[0]:
            best = (cur, start, i, 0)
    if best[2] < 0:
        return 0, 0, 0
    s, e = best[1], best[2] + 1
    bw_best = sum(len(norm_words(lines[i])) for i in range(s, e) if labels[i])
    return max(0, s - context), min(len(lines), e + context), bw_best


# ---------------------------------------------------------------- kinds of furniture

_SHARE = re.compile(r"\b(share|shares|shared|follow|subscribe|subscription|sign up|sign in|log in|login|register|newsletter|"
                    r"tweet|facebook|twitter|instagram|linkedin|whatsapp|pinterest|email|e-mail|print|comments?|"
                    r"download|app|podcast|listen|watch|read more|more from|related|recommended|click|tap|save|"
                    r"bookmark|advert|sponsored|promoted|skip|menu|search|close)\b", re.I)
_CREDIT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b|\bgetty\b|\breuters\b|\bap photo\b|\bafp\b|"
                     r"\bshutterstock\b|\bphoto(graph)?(s)?\b|\bpicture\b|\bimage\b|\bcredit\b|\bepa\b|\balamy\b|"
                     r"\bpa wire\b|\bpa media\b|\bphotograph:|/ ?(ap|afp|reuters|getty)", re.I)
_CAPTION = re.compile(r"^(image caption|caption|photo:|pictured|above:|top:|left:|right:)|\b(pictured|is seen|are seen|"
                      r"poses|stands|speaks during|looks on|arrives)\b", re.I)


_BYLINE = re.compile(r"^(by|written by|posted by|updated|published|last updated|reporting by)\b|\bmin(ute)?s? read\b|"
                     r"\b\d{1,2}:\d{2}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|"
                     r"\b\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]* \d{4}\b|\b\d{4}-\d{2}-\d{2}\b", re.I)


def kind(lines: list[str], i: int) -> str:
    ln = lines[i]
    words = ln.split()
    if _BYLINE.search(ln) and len(words) <= 14:
        return "byline/date"
    if _CREDIT.search(ln) and len(words) <= 14:
        return "credit/copyright"
    if _SHARE.search(ln) and len(words) <= 12:
        return "share/follow/subscribe"
    near_credit = any(_CREDIT.search(lines[j]) and len(lines[j].split()) <= 14 for j in (i - 1, i + 1) if 0 <= j < len(lines))
    if _CAPTION.search(ln) or (near_credit and len(words) > 3):
        return "caption"
    if len(words) <= 3:
        return "short label"
    if len(words) <= 20 and not re.search(r"[.!?]['\"”’)]?$", ln):
        return "headline-like"
    return "other"


# ---------------------------------------------------------------- pages


@dataclass
class Page:
    key: str
    url: str
    lines: list = field(default_factory=list)
    body: list = field(default_factory=list)  # bool per line
    path: str = ""
    line_of: list = field(default_factory=list)  # file line -> page line index (-1 for blank)
    flags: dict = field(default_factory=dict)  # code -> set of page line indexes
    removed: set = field(default_factory=set)
    changed: set = field(default_factory=set)
    skipped: str = ""


def load_page(data: str, key: str, url: str, body: str, context: int) -> Page:
    pg = Page(key, url)
    path = os.path.join(data, "html", key + ".html.gz")
    if not os.path.exists(path):
        path = os.path.join(data, "html", key + ".html")
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
        if path.endswith(".gz"):
            raw = gzip.decompress(raw)
    except OSError as e:
        pg.skipped = f"unreadable: {e}"
        return pg
    lines = html_lines(decode(raw))
    g = gold_of(body)
    labels = [label(ln, g) for ln in lines]
    s, e, bw = region(lines, labels, context)
    if not g.words or bw < 0.5 * g.words:
        pg.skipped = f"gold body not found in page text ({bw}/{g.words} words)"
        return pg
    pg.lines = lines[s:e]
    pg.body = labels[s:e]
    return pg


def write_page(pg: Page, d: str, blank: bool):
    pg.path = os.path.join(d, pg.key[:16] + ".txt")
    out, pg.line_of = [], []
    for i, ln in enumerate(pg.lines):
        if blank and i:
            out.append("")
            pg.line_of.append(-1)
        out.append(ln)
        pg.line_of.append(i)
    with open(pg.path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\n".join(out) + "\n")


def _msg_kind(msg: str) -> str:
    """A finding's message with what it quotes and numbers taken out: its kind."""
    m = re.sub(r"[‘“\"][^’”\"]*[’”\"]", "‘…’", msg)
    m = re.sub(r"\d+", "N", m)
    return m.split(":")[0][:70]


def apply_findings(pg: Page, diags):
    pg.flags = defaultdict(set)
    pg.kinds = {}
    for dg in diags or []:
        if dg.get("code") == "boilerplate":
            for fl in range(dg["range"]["start"]["line"], dg["range"]["end"]["line"] + 1):
                if 0 <= fl < len(pg.line_of) and pg.line_of[fl] >= 0:
                    pg.kinds.setdefault(pg.line_of[fl], _msg_kind(dg.get("message", "")))
        a, b = dg["range"]["start"]["line"], dg["range"]["end"]["line"]
        if dg["range"]["end"]["character"] == 0 and b > a:
            b -= 1
        for fl in range(a, b + 1):
            if 0 <= fl < len(pg.line_of) and pg.line_of[fl] >= 0:
                pg.flags[dg.get("code")].add(pg.line_of[fl])


def parse_diff(diff: str) -> dict[str, tuple[set, set]]:
    """{path: (removed old line numbers (0-based), changed old line numbers)} from a unified diff."""
    out: dict[str, tuple[set, set]] = {}
    cur = None
    old = 0
    minus: list[tuple[int, str]] = []
    plus: list[str] = []

    def flush():
        if cur is None:
            return
        rem, chg = out.setdefault(cur, (set(), set()))
        plus_left = [p for p in plus if p.strip()]
        for n, t in minus:
            if not t.strip():
                continue
            if plus_left:
                plus_left.pop(0)
                chg.add(n)
            else:
                rem.add(n)
        minus.clear()
        plus.clear()

    for ln in diff.split("\n"):
        if ln.startswith("--- "):
            flush()
            continue
        if ln.startswith("+++ "):
            p = ln[4:].split("\t")[0]
            cur = p[2:] if p.startswith("b/") else p
            continue
        m = re.match(r"@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@", ln)
        if m:
            flush()
            old = int(m.group(1)) - 1
            continue
        if cur is None:
            continue
        if ln.startswith("-"):
            minus.append((old, ln[1:]))
            old += 1
        elif ln.startswith("+"):
            plus.append(ln[1:])
        elif ln.startswith(" "):
            flush()
            old += 1
        elif ln.startswith("\\"):
            continue
    flush()
    return out


def run_fix(binary: str, pages: list[Page], config, cwd: str):
    by_name = {os.path.basename(pg.path): pg for pg in pages}

    def one(chunk):
        p = C.run([binary, "fix", "--dry-run", *C.config_args(config), *[os.path.basename(pg.path) for pg in chunk]], cwd=cwd)
        if p.returncode not in (0, 1):
            print(f"warning: copydesk fix exited {p.returncode}: {p.stderr.strip()[:300]}", file=sys.stderr)
        return parse_diff(p.stdout)

    chunks = [pages[i:i + 40] for i in range(0, len(pages), 40)]
    for res in C.pmap(one, chunks):
        for path, (rem, chg) in res.items():
            pg = by_name.get(os.path.basename(path))
            if pg is None:
                continue
            pg.removed = {pg.line_of[n] for n in rem if n < len(pg.line_of) and pg.line_of[n] >= 0}
            pg.changed = {pg.line_of[n] for n in chg if n < len(pg.line_of) and pg.line_of[n] >= 0}


SPLITS = {"all": "0123456789abcdef", "dev": "0123456789", "held": "abcdef"}


def run(data: str, binary: str, config=None, context: int = 3, blank: bool = False, limit=None, keep: str | None = None,
        split: str = "all"):
    with open(os.path.join(data, "ground-truth.json"), encoding="utf-8") as fh:
        gt = json.load(fh)
    keys = sorted(k for k in gt if k[:1].lower() in SPLITS[split])
    if limit:
        keys = keys[:limit]
    pages = C.pmap(lambda k: load_page(data, k, gt[k].get("url", ""), gt[k].get("articleBody", ""), context), keys)
    ok = [pg for pg in pages if not pg.skipped]
    d = keep or tempfile.mkdtemp(prefix="copydesk-furniture-")
    os.makedirs(d, exist_ok=True)
    try:
        for pg in ok:
            write_page(pg, d, blank)
        res = C.check_many(binary, [os.path.basename(pg.path) for pg in ok], config, cwd=d)
        for pg in ok:
            apply_findings(pg, res.get(os.path.abspath(pg.path)))
        run_fix(binary, ok, config, d)
    finally:
        if not keep:
            for pg in ok:
                try:
                    os.unlink(pg.path)
                except OSError:
                    pass
            os.rmdir(d)
    return pages


def evaluate(pages: list[Page]):
    S = Counter()
    missed_kinds = Counter()
    for pg in pages:
        if pg.skipped:
            S["skipped"] += 1
            continue
        S["pages"] += 1
        body_flags = sum(1 for i in pg.flags.get("boilerplate", ()) if pg.body[i])
        if body_flags:
            S["pages.bodyflag"] += 1
            S["pages.bodyflag.max"] = max(S["pages.bodyflag.max"], body_flags)
        for i, b in enumerate(pg.body):
            lab = "body" if b else "furn"
            S[lab] += 1
            for code in ("boilerplate", "placeholder"):
                if i in pg.flags.get(code, ()):
                    S[f"{code}.{lab}"] += 1
            if b and i in pg.flags.get("boilerplate", ()):
                S["bodykind." + getattr(pg, "kinds", {}).get(i, "?")] += 1
            if i in pg.removed:
                S[f"removed.{lab}"] += 1
            if i in pg.changed:
                S[f"changed.{lab}"] += 1
            if not b and i not in pg.flags.get("boilerplate", ()):
                missed_kinds[kind(pg.lines, i)] += 1
                S["missed.pos." + place(pg, i)] += 1
        for code, ls in pg.flags.items():
            if code not in ("boilerplate", "placeholder"):
                S[f"other.{code}"] += len(ls)
    return S, missed_kinds


def summary(S: Counter, kinds: Counter) -> str:
    L = [f"ScrapingHub: {S['pages']} pages scored ({S['skipped']} skipped), {S['body'] + S['furn']} lines: "
         f"{S['furn']} furniture, {S['body']} body"]
    for code in ("boilerplate", "placeholder"):
        flagged = S[f"{code}.furn"] + S[f"{code}.body"]
        L.append(f"{code:12s} furniture recall {C.pct(S[f'{code}.furn'], S['furn'])}   precision {C.pct(S[f'{code}.furn'], flagged)}   "
                 f"body lines flagged {C.pct(S[f'{code}.body'], S['body'])}")
    L.append(f"  body lines flagged by boilerplate sit on {S['pages.bodyflag']} pages (at most {S['pages.bodyflag.max']} on one page); "
             f"the gold body includes some widget and credit text, so check them with --list false")
    rem = S["removed.furn"] + S["removed.body"]
    L.append(f"fix --dry-run removes {rem} lines: precision {C.pct(S['removed.furn'], rem)} "
             f"(body lines removed {S['removed.body']}); changed in place: {S['changed.furn']} furniture, {S['changed.body']} body")
    L.append("missed furniture by kind: " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    L.append(f"missed furniture by place: above the first body line {S['missed.pos.above']}, between body lines "
             f"{S['missed.pos.inside']}, below the last {S['missed.pos.below']}")
    bk = sorted(((k[9:], v) for k, v in S.items() if k.startswith("bodykind.")), key=lambda x: -x[1])
    if bk:
        L.append("body lines flagged, by the finding's message: " + "; ".join(f"{k} {v}" for k, v in bk))
    oth = [(k[6:], v) for k, v in S.items() if k.startswith("other.")]
    if oth:
        L.append("other codes (lines flagged): " + ", ".join(f"{k} {v}" for k, v in sorted(oth, key=lambda x: -x[1])))
    return "\n".join(L)


def place(pg, i: int) -> str:
    """Where line i stands: above the first body line, inside the body's run, below the last."""
    first = pg.body.index(True)
    last = len(pg.body) - 1 - pg.body[::-1].index(True)
    return "above" if i < first else "below" if i > last else "inside"


def listing(pages: list[Page], what: str, maxn: int, code: str = "boilerplate", only_kind: str | None = None,
            only_place: str | None = None):
    print(f"\n== {what}")
    k = 0
    for pg in pages:
        if pg.skipped:
            if what == "skipped":
                print(f"{pg.key[:16]} {pg.url}: {pg.skipped}")
            continue
        for i, ln in enumerate(pg.lines):
            b = pg.body[i]
            flagged = i in pg.flags.get(code, ())
            sel = {
                "missed": not b and not flagged,
                "false": b and flagged,
                "caught": not b and flagged,
                "fix-false": b and i in pg.removed,
                "body": b,
                "furniture": not b,
                "page": True,
            }.get(what, False)
            if not sel or (only_kind and kind(pg.lines, i) != only_kind) or (only_place and place(pg, i) != only_place):
                continue
            k += 1
            if maxn and k > maxn:
                return
            tag = f"[{kind(pg.lines, i)}] " if what == "missed" else ""
            mark = ("B" if b else "F") + ("*" if flagged else " ")
            print(f"{pg.key[:10]}:{i + 1} {mark} {tag}{ln[:200]}")


def selftest(binary: str) -> None:
    html = """<html><head><title>x</title><script>var a = "<p>no</p>";</script><style>p{}</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="share">Share this article</div>
<h1>Town hall to reopen after repairs</h1>
<p class="byline">By A Reporter</p>
<figure><img src="x.jpg" alt="the hall"><figcaption>The town hall in 2019. Photograph: Jane Doe/Example Pictures</figcaption></figure>
<p>The town hall will reopen in May after two years of repairs, the council said on Monday.</p>
<div hidden>secret</div><div style="display: none">hidden text</div>
<p>Work on the roof cost &pound;2m, more than the first estimate.<br>The clock tower was also restored.</p>
<aside><h3>Related</h3><ul><li>Library hours to change next month</li></ul></aside>
<p>“We are proud of it,” said the council leader, Sam Ortiz.</p>
<table><tr><td>Cost</td><td>£2m</td></tr></table>
<p>Advertisement</p>
<footer>© 2024 Example News. All rights reserved.</footer>
<svg><text>icon</text></svg><noscript>enable js</noscript>
</body></html>"""
    body = ("The town hall will reopen in May after two years of repairs, the council said on Monday.\n"
            "Work on the roof cost £2m, more than the first estimate.\nThe clock tower was also restored.\n"
            "“We are proud of it,” said the council leader, Sam Ortiz.")
    lines = html_lines(html)
    assert "Share this article" in lines and "The clock tower was also restored." in lines, lines
    assert not any("secret" in ln or "hidden text" in ln or "icon" in ln or "enable js" in ln or "<p>" in ln for ln in lines), lines
    assert "Cost £2m" in lines, lines
    g = gold_of(body)
    labels = [label(ln, g) for ln in lines]
    assert [ln for ln, b in zip(lines, labels) if b] == [
        "The town hall will reopen in May after two years of repairs, the council said on Monday.",
        "Work on the roof cost £2m, more than the first estimate.", "The clock tower was also restored.",
        "“We are proud of it,” said the council leader, Sam Ortiz."], list(zip(lines, labels))
    s, e, bw = region(lines, labels, 1)
    assert lines[s] == "The town hall in 2019. Photograph: Jane Doe/Example Pictures" and lines[e - 1] == "Cost £2m", lines[s:e]
    diff = ("--- a/p.txt\n+++ b/p.txt\n@@ -1,6 +1,4 @@\n keep\n-Share this\n-\n keep2\n-[VIDEO] x\n+x\n-Advertisement\n")
    rem, chg = parse_diff(diff)["p.txt"]
    assert rem == {1, 5} and chg == {4}, (rem, chg)
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(os.path.join(d, "html"))
        with gzip.open(os.path.join(d, "html", "abc.html.gz"), "wt", encoding="utf-8") as fh:
            fh.write(html)
        with open(os.path.join(d, "ground-truth.json"), "w", encoding="utf-8") as fh:
            json.dump({"abc": {"articleBody": body, "url": "https://example.com/a"}}, fh)
        pages = run(d, binary, context=3)
        S, kinds = evaluate(pages)
        print(summary(S, kinds))
        assert S["pages"] == 1 and S["body"] == 4 and S["furn"] >= 5, S
        listing(pages, "page", 0)
    print("furniture.py selftest: ok")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring (head of this file) for the rules.")
    ap.add_argument("data", nargs="?", help="article-extraction-benchmark folder (html/, ground-truth.json)")
    ap.add_argument("--copydesk", default="target/release/copydesk")
    ap.add_argument("--config", help="copydesk.toml to pass to copydesk")
    ap.add_argument("--context", type=int, default=3, help="lines kept before and after the article (default 3)")
    ap.add_argument("--blank-lines", action="store_true", help="an empty line between paragraphs")
    ap.add_argument("--list", metavar="WHAT", choices=("missed", "false", "caught", "fix-false", "body", "furniture", "page", "skipped"),
                    help="print lines: missed furniture, false (body flagged), caught, fix-false (body removed by fix), ...")
    ap.add_argument("--code", default="boilerplate", help="with --list: the code (default boilerplate)")
    ap.add_argument("--kind", help="with --list: only lines of this kind (e.g. 'headline-like')")
    ap.add_argument("--place", choices=("above", "inside", "below"),
                    help="with --list: only lines above the first body line, between body lines, or below the last")
    ap.add_argument("--max", type=int, default=0)
    ap.add_argument("--limit", type=int, help="only the first N pages")
    ap.add_argument("--split", choices=sorted(SPLITS), default="all",
                    help="pages by the first character of their hash: dev 0-9 (develop on these), held a-f (check on these)")
    ap.add_argument("--gold-signatures", action="store_true",
                    help="score embedded posts' signature lines as the gold has them (body), not as furniture")
    ap.add_argument("--keep", metavar="DIR", help="write the page texts to DIR and keep them (for study)")
    ap.add_argument("--json", metavar="FILE", help="also write the raw counters as JSON")
    ap.add_argument("--selftest", action="store_true", help="run on a tiny made-up page (no data needed)")
    a = ap.parse_args(argv)
    binary = C.find_copydesk(a.copydesk)
    if a.selftest:
        return selftest(binary)
    if not a.data:
        ap.error("DATA is required (the benchmark folder)")
    global GOLD_SIGNATURES
    GOLD_SIGNATURES = a.gold_signatures
    pages = run(a.data, binary, a.config, a.context, a.blank_lines, a.limit, a.keep, a.split)
    S, kinds = evaluate(pages)
    print(summary(S, kinds))
    C.write_json(a.json, {**S, **{"missed.kind." + k: v for k, v in kinds.items()}})
    if a.list:
        listing(pages, a.list, a.max, a.code, a.kind, a.place)


if __name__ == "__main__":
    main()
