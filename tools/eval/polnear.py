"""PolNeAR reading (brat standoff) and quote-span scanning, shared by quotes.py and names.py.

Layout: DATA/{train,dev}/text/<article>.txt and DATA/{train,dev}/attributions/<article>_<annotator>.ann.
Offsets in .ann files are Python string offsets into the .txt read as UTF-8 (a BOM
counts as a character). When an article has several .ann files (several annotators),
the first in sorted order is used. The test split is never read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

SPLITS = ("train", "dev")
_ANN = re.compile(r"^(.*)_([0-9a-f]{4})\.ann$")
_TLINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$")


def check_split(split: str):
    if split not in SPLITS:
        raise SystemExit(f"split must be one of {SPLITS} (the test split is never used)")


def articles(data: str, split: str, need_ann: bool = True) -> list[tuple[str, str, str | None]]:
    """[(name, text_path, ann_path or None)] sorted by name."""
    check_split(split)
    tdir = os.path.join(data, split, "text")
    adir = os.path.join(data, split, "attributions")
    if not os.path.isdir(tdir):
        raise SystemExit(f"no PolNeAR text at {tdir}")
    anns: dict[str, list[str]] = {}
    if os.path.isdir(adir):
        for f in sorted(os.listdir(adir)):
            m = _ANN.match(f)
            if m:
                anns.setdefault(m.group(1), []).append(os.path.join(adir, f))
    out = []
    for f in sorted(os.listdir(tdir)):
        if not f.endswith(".txt"):
            continue
        name = f[:-4]
        ann = anns.get(name, [None])[0]
        if need_ann and ann is None:
            continue
        out.append((name, os.path.join(tdir, f), ann))
    return out


def read_text(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


@dataclass
class Attribution:
    id: str
    kind: str  # Attribution | Attribution-no-source
    content: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


def _speech_verbs() -> set[str]:
    here = os.path.dirname(os.path.abspath(__file__))
    words = set()
    for name in ("speech_verbs.txt", "reporting_verbs.txt"):
        path = os.path.join(here, "..", "..", "data", "quotes", name)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                w = line.split("#", 1)[0].strip()
                if w:
                    words.add(w.split()[0].lower())
    return words


_SPEECH_VERBS: set[str] = set()


def swapped(source: str, cue: str) -> bool:
    """A Source that is one speech verb and a Cue of capitalised words."""
    if not _SPEECH_VERBS:
        _SPEECH_VERBS.update(_speech_verbs())
    words = cue.split()
    source = source.strip()
    return (source[:1].islower() and source in _SPEECH_VERBS and 0 < len(words) <= 4
            and all(w[:1].isupper() for w in words))


def parse_ann(path: str) -> list[Attribution]:
    """Attribution events with their Content (and Content2), Source and Cue segments."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            m = _TLINE.match(line)
            if m:
                segs = []
                for part in m.group(3).split(";"):
                    a, b = part.split()
                    segs.append((int(a), int(b)))
                spans[m.group(1)] = (m.group(2), segs, m.group(4))
            elif re.match(r"^E\d+\t", line):
                eid, args = line.split("\t", 1)
                events.append((eid, args.split()))
    out = []
    for eid, args in events:
        source_text = cue_text = ""
        head = args[0].split(":", 1)
        a = Attribution(eid, head[0])
        for arg in args[1:]:
            if ":" not in arg:
                continue
            role, tid = arg.split(":", 1)
            _, segs, said = spans.get(tid, (None, [], ""))
            if role.startswith("Content"):
                a.content.extend(segs)
            elif role.startswith("Source"):
                a.source.extend(segs)
                source_text = said
            elif role.startswith("Cue"):
                a.cue.extend(segs)
                cue_text = said
        # An annotation with its Source and Cue swapped (Source `said`, Cue
        # `Hester`, a handful in the corpus) is read the right way round.
        if a.source and a.cue and swapped(source_text, cue_text):
            a.source, a.cue = a.cue, a.source
        a.content.sort()
        if a.content:
            out.append(a)
    return out


# ---------------------------------------------------------------- quote spans

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_OPEN_CTX = " \t\u00a0([{—–-/"


def quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Top-level quoted spans per paragraph line: (start, end, closed), marks included.

    Double marks (curly, straight, guillemets, low) pair up; a double quote still open
    at the end of the line runs to the line end (a quote continued in the next
    paragraph); `''` is a double mark. Single marks count only outside a double quote, open after a space or
    bracket and close before a non-letter; an unclosed single is an apostrophe.
    """
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.extend((pos + a, pos + b, c) for a, b, c in _line_quotes(body))
        pos += len(line)
    return out


def _line_quotes(s: str):
    res = []
    dopen = None  # index of the open double mark
    sopen = None  # index of an open top-level single mark
    n = len(s)
    skip = False
    for j, c in enumerate(s):
        if skip:
            skip = False
            continue
        prev = s[j - 1] if j else " "
        nxt = s[j + 1] if j + 1 < n else " "
        if c == "'" and nxt == "'" and sopen is None:
            # `''`: two straight single marks for a double one (the NYT archive's
            # style: ''We will fight back,'' Mr. Sanders said.).
            if dopen is None and (prev in _OPEN_CTX or j == 0):
                dopen, skip = j, True
                continue
            if dopen is not None:
                if j - dopen > 2:
                    res.append((dopen, j + 2, True))
                dopen, skip = None, True
                continue
        if dopen is None:
            if c in _DOUBLE_OPEN or (c == '"' and sopen is None):
                if sopen is not None:
                    continue  # a double inside a top-level single
                dopen = j
                continue
            if c == '"' and sopen is not None:
                continue
            if c in "‘'" and sopen is None and (prev in _OPEN_CTX or j == 0) and nxt.isalnum():
                sopen = j
                continue
            if c in "’'" and sopen is not None and not nxt.isalpha() and not prev.isspace():
                if j - sopen > 1:
                    res.append((sopen, j + 1, True))
                sopen = None
                continue
        else:
            if c in _DOUBLE_CLOSE or c == '"' or (c == "“" and s[dopen] == "„"):
                if j - dopen > 1:
                    res.append((dopen, j + 1, True))
                dopen = None
    if dopen is not None and n - dopen > 1:
        res.append((dopen, n, False))
    return res


def interior(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without its quote marks (and the whitespace next to them)."""
    a, b = span
    while a < b and (text[a] in "“”„«»‘’‚\"'" or text[a].isspace()):
        a += 1
    while b > a and (text[b - 1] in "“”„«»‘’‚\"'" or text[b - 1].isspace()):
        b -= 1
    return a, b
