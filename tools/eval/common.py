"""Shared helpers for the copydesk development evaluators (standard library only).

- finding and running the copydesk binary (JSON output), two at a time;
- LSP positions (0-based line, UTF-16 column) <-> Python string offsets;
- small text helpers (folding, quote marks, context snippets).

Lines end at "\n", "\r\n" or "\r", as in copydesk (and LSP); U+2028 is not a
line break.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor

WORKERS = 2

if hasattr(signal, "SIGPIPE"):  # `… | head` ends quietly
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)


# ---------------------------------------------------------------- binary


def find_copydesk(path: str) -> str:
    """The copydesk binary: PATH as given, else $CARGO_TARGET_DIR/release/copydesk."""
    cands = [path]
    if path == "target/release/copydesk" and os.environ.get("CARGO_TARGET_DIR"):
        cands.append(os.path.join(os.environ["CARGO_TARGET_DIR"], "release", "copydesk"))
    for c in cands:
        if os.path.isfile(c) and os.access(c, os.X_OK):
            return os.path.abspath(c)
    sys.exit(f"copydesk binary not found at {path!r} (build it, or pass --copydesk PATH)")


def run(cmd: list[str], cwd: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, encoding="utf-8")


def run_json(cmd: list[str], cwd: str | None = None, ok_codes=(0, 1)):
    """Run a copydesk command that prints JSON; raise with its stderr on failure."""
    p = run(cmd, cwd=cwd)
    if p.returncode not in ok_codes:
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.strip()[:500]}")
    try:
        return json.loads(p.stdout)
    except json.JSONDecodeError as e:
        raise RuntimeError(f"{' '.join(cmd)}: bad JSON ({e}): {p.stdout[:200]!r}")


def config_args(config: str | None) -> list[str]:
    return ["--config", os.path.abspath(config)] if config else []


def quotes_json(binary: str, path: str, config: str | None = None, cwd: str | None = None):
    return run_json([binary, "quotes", "--format", "json", *config_args(config), path], cwd=cwd, ok_codes=(0,))


def check_json(binary: str, paths: list[str], config: str | None = None, cwd: str | None = None) -> dict:
    """{path: [diagnostic, ...]} for the given files (one copydesk run)."""
    d = run_json([binary, "check", "--format", "json", *config_args(config), *paths], cwd=cwd)
    out = {}
    for f in d.get("files", []):
        out[os.path.abspath(os.path.join(cwd or ".", f["path"]))] = f.get("diagnostics", [])
    for p in paths:
        out.setdefault(os.path.abspath(os.path.join(cwd or ".", p)), [])
    return out


def check_many(binary: str, paths: list[str], config: str | None = None, cwd: str | None = None,
               batch: int = 40) -> dict:
    """check_json over many files: batches of `batch`, two runs at a time; a batch that
    fails is retried file by file so one bad file costs only itself (its entry is None)."""
    chunks = [paths[i:i + batch] for i in range(0, len(paths), batch)]

    def one(chunk):
        try:
            return check_json(binary, chunk, config, cwd)
        except RuntimeError:
            res = {}
            for p in chunk:
                try:
                    res.update(check_json(binary, [p], config, cwd))
                except RuntimeError as e:
                    print(f"warning: {e}", file=sys.stderr)
                    res[os.path.abspath(os.path.join(cwd or ".", p))] = None
            return res

    out = {}
    for r in pmap(one, chunks):
        out.update(r)
    return out


TEXT_HALVES = {"all": "0123456789abcdef", "dev": "01234567", "held": "89abcdef"}


def text_files(folder: str, split: str) -> list[tuple[str, str]]:
    """Every .txt file under `folder` in one half of it, chosen by the first hex
    digit of the MD5 of its path relative to `folder` (dev 0-7, held 8-f):
    [(relative path, path)], sorted."""
    import hashlib
    halves = TEXT_HALVES[split]
    out = []
    for root, _, files in os.walk(folder):
        for f in sorted(files):
            if f.endswith(".txt"):
                rel = os.path.relpath(os.path.join(root, f), folder)
                if hashlib.md5(rel.encode()).hexdigest()[0] in halves:
                    out.append((rel, os.path.join(root, f)))
    return sorted(out)


def pmap(fn, items, workers: int = WORKERS):
    """map over a thread pool of `workers` (the work is in the subprocesses)."""
    items = list(items)
    if workers <= 1 or len(items) <= 1:
        return [fn(x) for x in items]
    with ThreadPoolExecutor(max_workers=workers) as ex:
        return list(ex.map(fn, items))


# ---------------------------------------------------------------- positions

_LINE_END = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Converts between string offsets and LSP positions (UTF-16 columns)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0]
        self.ends = []  # end of each line's content (before its line break)
        for m in _LINE_END.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    def line_of(self, offset: int) -> int:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def line_text(self, line: int) -> str:
        if line < 0 or line >= len(self.starts):
            return ""
        return self.text[self.starts[line]:self.ends[line]]

    def offset(self, pos: dict) -> int:
        """LSP position {line, character} (UTF-16) -> string offset; clamped like copydesk."""
        line = pos["line"]
        if line >= len(self.starts):
            return len(self.text)
        if line < 0:
            return 0
        i, end = self.starts[line], self.ends[line]
        units = pos["character"]
        while i < end and units > 0:
            units -= 2 if ord(self.text[i]) > 0xFFFF else 1
            if units < 0:  # inside a surrogate pair: clamp to the character's start
                break
            i += 1
        return i

    def position(self, offset: int) -> dict:
        """string offset -> LSP position (UTF-16 column)."""
        line = self.line_of(offset)
        seg = self.text[self.starts[line]:min(offset, self.ends[line])]
        return {"line": line, "character": utf16_len(seg)}

    def span(self, rng: dict) -> tuple[int, int]:
        return self.offset(rng["start"]), self.offset(rng["end"])


def utf16_len(s: str) -> int:
    return sum(2 if ord(c) > 0xFFFF else 1 for c in s)


# ---------------------------------------------------------------- text helpers

OPEN_DOUBLE = "“„«\""
CLOSE_DOUBLE = "”“»\""
QUOTE_CHARS = "“”„«»‘’‚‹›\"'"


def fold(s: str) -> str:
    """Case, diacritics (NFKD) and possessive folded: `Sánchez’s` -> `sanchez`."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "'")
    if s.endswith("'s"):
        s = s[:-2]
    return s.strip("'.,;:!?()[]{}\"“”‘")


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def snippet(text: str, start: int, end: int, width: int = 110) -> str:
    """The text around [start, end) on its paragraph, the span marked with ⟦ ⟧, one line."""
    ls = max(text.rfind("\n", 0, start) + 1, 0)
    le = text.find("\n", end)
    if le < 0:
        le = len(text)
    a = max(ls, start - width)
    b = min(le, end + width)
    inner = text[start:end]
    if len(inner) > 2 * width + 40:
        inner = inner[:width] + " … " + inner[-width:]
    s = ("…" if a > ls else "") + text[a:start] + "⟦" + inner + "⟧" + text[end:b] + ("…" if b < le else "")
    return s.replace("\n", " ⏎ ")


def pct(n: int, d: int) -> str:
    return f"{100.0 * n / d:5.1f}% ({n}/{d})" if d else "   n/a (0/0)"


def rate(n: float, d: float, per: float = 1.0) -> str:
    return f"{per * n / d:.2f}" if d else "n/a"


def write_json(path: str | None, counters: dict) -> None:
    """Write raw counters (for before/after comparisons) when --json was given."""
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(dict(sorted(counters.items())), fh, indent=1, ensure_ascii=False)
