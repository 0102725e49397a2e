"""Stanford CoreNLP XML (tokens and coreference chains) aligned to the article text.

PolNeAR ships one CoreNLP annotation per article at DATA/<split>/corenlp/<article>.txt.xml.
Only what quotes.py needs is read: each token's word, character offsets, POS and NER,
and the `<coreference>` chains (mentions by sentence, 1-based start token, exclusive
end token and head token). Standard library only.

Alignment. CoreNLP's CharacterOffsetBegin/End are Java string indices (UTF-16 code
units) into the same text file; they are converted to Python string offsets (they
differ only after a character outside the BMP) and every token is checked against
the text: the letters and digits of the token's word (PTB escapes such as -LRB- and
`` undone) must equal those of the text it points at. A token that does not match
is searched for in the next 300 characters after the previous aligned token (and, if
that fails, a little before); when found the shift is kept for the tokens after it,
so a constant or drifting offset (a BOM, CRLF line ends, a header added to the file)
is absorbed. Tokens not found stay unaligned (no offsets) and mentions whose head
token is unaligned are dropped. An article with fewer than 90% of its word tokens
aligned is not used at all (`Doc.usable` is False).

Chain identity. A mention is a *proper mention* when its head token is proper (POS
NNP/NNPS, or NER PERSON/ORGANIZATION) and not a date, time or number by NER. Its name
is the run of proper tokens around the head inside the mention (when the head has an
NER class, only tokens of that class: `Daily Ledger Hit Piece` in a title-case
headline gives `Daily Ledger`), cut at a possessive `'s`. A chain's identity is
the set of its proper mentions' names.
"""

from __future__ import annotations

import bisect
import html
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

PROPER_POS = {"NNP", "NNPS"}
PROPER_NER = {"PERSON", "ORGANIZATION"}
NOT_NAME_NER = {"DATE", "TIME", "DURATION", "SET", "NUMBER", "ORDINAL", "MONEY", "PERCENT"}
MIN_ALIGNED = 0.90
SEARCH_AHEAD = 300
SEARCH_BACK = 60

_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_ALNUM = re.compile(r"[^\W_]+")


def path_for(text_path: str) -> str:
    """DATA/<split>/text/<a>.txt -> DATA/<split>/corenlp/<a>.txt.xml"""
    d = os.path.dirname(os.path.dirname(os.path.abspath(text_path)))
    return os.path.join(d, "corenlp", os.path.basename(text_path) + ".xml")


def _key(s: str) -> str:
    """Letters and digits only, case folded: what a token and its text must share."""
    return "".join(_ALNUM.findall(_PTB.get(s, s))).casefold()


@dataclass
class Token:
    sent: int
    idx: int  # 1-based in its sentence
    word: str
    pos: str
    ner: str
    begin: int | None  # Python offsets into the text; None when unaligned
    end: int | None

    @property
    def proper(self) -> bool:
        return (self.pos in PROPER_POS or self.ner in PROPER_NER) and self.ner not in NOT_NAME_NER


@dataclass
class Mention:
    sent: int
    start: int  # token indices, 1-based, end exclusive
    end: int
    head: int
    text: str
    representative: bool = False
    span: tuple[int, int] | None = None  # character span (aligned tokens only)
    head_span: tuple[int, int] | None = None
    name: list = field(default_factory=list)  # the proper name's tokens (proper mentions only)


@dataclass
class Chain:
    id: int
    mentions: list

    @property
    def proper(self) -> list:
        return [m for m in self.mentions if m.name]

    def names(self) -> list[str]:
        """The distinct proper names, in text order (for display)."""
        out = []
        for m in sorted(self.proper, key=lambda m: m.head_span):
            s = " ".join(t.word for t in m.name)
            if s not in out:
                out.append(s)
        return out


@dataclass
class Doc:
    sentences: list  # [[Token]]
    chains: list
    n_tokens: int = 0
    n_exact: int = 0  # aligned at the XML's own offsets
    n_shifted: int = 0  # aligned after a shift
    n_unaligned: int = 0
    usable: bool = True
    _heads: list = field(default_factory=list)  # [(head_begin, head_end, chain, mention)] sorted

    def token(self, sent: int, idx: int) -> Token | None:
        if 1 <= sent <= len(self.sentences) and 1 <= idx <= len(self.sentences[sent - 1]):
            return self.sentences[sent - 1][idx - 1]
        return None

    def sentence_span(self, offset: int) -> tuple[int, int] | None:
        """The character span of the sentence holding `offset` (aligned tokens only)."""
        for toks in self.sentences:
            al = [t for t in toks if t.begin is not None]
            if al and al[0].begin <= offset < al[-1].end:
                return al[0].begin, al[-1].end
        return None

    def sentence_spans(self) -> list[tuple[int, int]]:
        out = []
        for toks in self.sentences:
            al = [t for t in toks if t.begin is not None]
            if al:
                out.append((al[0].begin, al[-1].end))
        return out

    def chain_for(self, head: tuple[int, int]) -> tuple[Chain, Mention] | None:
        """The chain of the mention that stands for a source head [a, b): a mention whose
        head token holds the head's last character (`the campaign spokesman`: head token
        `spokesman`), else the smallest mention containing the whole head. A mention nested
        inside the head as a modifier (`Ohio` in `the Ohio governor`) is not it."""
        if not self.usable:
            return None
        a, b = head
        best = None
        for ch in self.chains:
            for m in ch.mentions:
                if m.span is None or m.span[1] <= a or m.span[0] >= b:
                    continue
                hs = m.head_span
                if hs[0] < b <= hs[1]:
                    rank = 0
                elif m.span[0] <= a and b <= m.span[1]:
                    rank = 1
                else:
                    continue
                key = (rank, m.span[1] - m.span[0])
                if best is None or key < best[0]:
                    best = (key, ch, m)
        return (best[1], best[2]) if best else None


# ---------------------------------------------------------------- reading

_TOKEN = re.compile(
    r'<token id="(\d+)">\s*<word>(.*?)</word>.*?<CharacterOffsetBegin>(-?\d+)</CharacterOffsetBegin>\s*'
    r'<CharacterOffsetEnd>(-?\d+)</CharacterOffsetEnd>\s*<POS>(.*?)</POS>\s*<NER>(.*?)</NER>', re.S)
_FIELD = {k: re.compile(rf"<{k}>(.*?)</{k}>", re.S) for k in ("sentence", "start", "end", "head", "text")}
_CHAIN = re.compile(r"<coreference>\s*(<mention.*?)</coreference>", re.S)
_MENTION = re.compile(r"<mention([^>]*)>(.*?)</mention>", re.S)
_U = html.unescape


def _f(block: str, key: str, default: str = "") -> str:
    m = _FIELD[key].search(block)
    return _U(m.group(1)) if m else default


def _parse_regex(xml: str):
    """(sentences of raw tokens, chains of raw mentions) by regular expressions over each
    sentence's <tokens> block and the <coreference> part; the CoreNLP XML writer's layout
    is regular (word, lemma, offsets, POS, NER in that order), and this is several times
    faster than a parser. `load` checks the token count and falls back to ElementTree."""
    sents = []
    i = 0
    while True:
        a = xml.find("<tokens>", i)
        if a < 0:
            break
        b = xml.find("</tokens>", a)
        if b < 0:
            break
        sents.append([(int(m.group(1)), _U(m.group(2)), m.group(5), m.group(6), int(m.group(3)), int(m.group(4)))
                      for m in _TOKEN.finditer(xml, a, b)])
        i = b
    cut = xml.find("</sentences>", i)
    chains = []
    for c in _CHAIN.finditer(xml, max(cut, i)):
        ms = []
        for mm in _MENTION.finditer(c.group(1)):
            b = mm.group(2)
            ms.append((int(_f(b, "sentence")), int(_f(b, "start")), int(_f(b, "end")), int(_f(b, "head")),
                       _f(b, "text"), "representative" in mm.group(1)))
        chains.append(ms)
    return sents, chains


def _parse_tree(path: str):
    """The same with ElementTree (used when the regular expressions disagree with the file)."""
    root = ET.parse(path).getroot()
    doc = root.find("document")
    sents = []
    for s in doc.iter("sentence"):
        toks = s.find("tokens")
        if toks is None:
            continue
        sents.append([(int(t.get("id")), t.findtext("word", ""), t.findtext("POS", ""), t.findtext("NER", "O"),
                       int(t.findtext("CharacterOffsetBegin", "-1")), int(t.findtext("CharacterOffsetEnd", "-1")))
                      for t in toks.findall("token")])
    chains = []
    outer = doc.find("coreference")
    for c in (outer.findall("coreference") if outer is not None else []):
        chains.append([(int(m.findtext("sentence")), int(m.findtext("start")), int(m.findtext("end")),
                        int(m.findtext("head")), m.findtext("text", ""), m.get("representative") == "true")
                       for m in c.findall("mention")])
    return sents, chains


def _utf16_to_py(text: str):
    """A function mapping UTF-16 offsets to Python offsets (identity for BMP-only text)."""
    astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
    if not astral:
        return lambda o: o
    # UTF-16 offset of each astral char's second unit; offsets past it lose one per char
    starts = [i + k + 1 for k, i in enumerate(astral)]

    def conv(o):
        return o - bisect.bisect_right(starts, o - 1) if o > 0 else o
    return conv


def load(path: str, text: str) -> Doc | None:
    """The CoreNLP annotation at `path` aligned to `text`; None when there is no file."""
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as fh:
        xml = fh.read()
    raw_sents, raw_chains = _parse_regex(xml)
    if sum(map(len, raw_sents)) != xml.count("<token id="):
        raw_sents, raw_chains = _parse_tree(path)
    return build(raw_sents, raw_chains, text)


def build(raw_sents, raw_chains, text: str) -> Doc:
    conv = _utf16_to_py(text)
    doc = Doc([], [])
    shift = 0
    prev_end = 0
    words = 0
    aligned_words = 0
    for si, rs in enumerate(raw_sents, 1):
        toks = []
        for idx, word, pos, ner, b, e in rs:
            t = Token(si, idx, word, pos, ner, None, None)
            toks.append(t)
            doc.n_tokens += 1
            k = _key(word)
            if b < 0 or e < b:
                doc.n_unaligned += 1
                continue
            b, e = conv(b), conv(e)
            if k:
                words += 1
            if not k:  # punctuation: trust the offsets, shifted like its neighbours
                if 0 <= b + shift <= e + shift <= len(text):
                    t.begin, t.end = b + shift, e + shift
                    doc.n_exact += shift == 0
                    doc.n_shifted += shift != 0
                else:
                    doc.n_unaligned += 1
                continue
            if 0 <= b + shift and e + shift <= len(text) and _key(text[b + shift:e + shift]) == k:
                t.begin, t.end = b + shift, e + shift  # the current shift first: short words
                doc.n_exact += shift == 0              # ("a") can match by chance elsewhere
                doc.n_shifted += shift != 0
            elif _key(text[b:e]) == k and len(k) > 2:
                t.begin, t.end, shift = b, e, 0
                doc.n_exact += 1
            else:
                hit = _search(text, k, prev_end, prev_end + SEARCH_AHEAD + (e - b))
                if hit is None:
                    doc.n_unaligned += 1
                    continue
                t.begin, t.end = hit
                shift = hit[0] - b
                doc.n_shifted += 1
            aligned_words += 1
            prev_end = t.end
        doc.sentences.append(toks)
    doc.usable = words > 0 and aligned_words >= MIN_ALIGNED * words
    for ci, rc in enumerate(raw_chains):
        ch = Chain(ci, [])
        for sent, start, end, head, mtext, rep in rc:
            m = Mention(sent, start, end, head, mtext, rep)
            toks = [doc.token(sent, i) for i in range(start, end)]
            toks = [t for t in toks if t is not None and t.begin is not None]
            ht = doc.token(sent, head)
            if not toks or ht is None or ht.begin is None:
                continue
            m.span = (toks[0].begin, toks[-1].end)
            m.head_span = (ht.begin, ht.end)
            m.name = _name_run(doc, m, ht)
            ch.mentions.append(m)
        if ch.mentions:
            doc.chains.append(ch)
    return doc


def _search(text: str, key: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where a token spelling `key` (letters and digits) starts in text[lo:hi]: forward
    from `lo` first, then up to SEARCH_BACK characters before it; the match must start
    and end at a word boundary (soft hyphens, apostrophes and dots inside are skipped)."""
    for a, b, back in ((lo, hi, False), (max(0, lo - SEARCH_BACK), lo, True)):
        hits = []
        for i in range(a, min(b, len(text))):
            c = text[i]
            if c.casefold()[:1] != key[0] or (i > 0 and text[i - 1].isalnum()):
                continue
            j, got = i, ""
            while j < len(text) and len(got) < len(key):
                ch = text[j]
                if ch.isalnum():
                    got += ch.casefold()
                elif ch not in "\u00ad\u200b'’.":
                    break
                j += 1
            if got == key and (j >= len(text) or not text[j].isalnum()):
                hits.append((i, j))
                if not back:
                    break
        if hits:
            return hits[-1]
    return None


def _name_run(doc: Doc, m: Mention, ht: Token) -> list:
    """The proper tokens around the head inside the mention (see the module doc)."""
    if not ht.proper:
        return []
    ner = ht.ner if ht.ner not in ("O", "") else None

    def ok(t):
        return t is not None and t.begin is not None and t.proper and (ner is None or t.ner == ner) and t.pos != "POS"

    run = [ht]
    i = m.head - 1
    while i >= m.start and ok(doc.token(m.sent, i)):
        run.insert(0, doc.token(m.sent, i))
        i -= 1
    i = m.head + 1
    while i < m.end and ok(doc.token(m.sent, i)):
        run.append(doc.token(m.sent, i))
        i += 1
    return run


# ---------------------------------------------------------------- writing (selftests)


def to_xml(text: str, sentences, chains) -> str:
    """A CoreNLP-shaped XML for made-up samples. sentences: [[(begin, end, POS, NER)]] with
    Python offsets into `text` (written as UTF-16 offsets, as CoreNLP does); chains:
    [[(sentence, start, end, head)]] (1-based tokens, end exclusive), the first mention
    representative. Parse trees and dependencies are stubbed so readers must skip them."""
    def u16(o):
        return o + sum(1 for c in text[:o] if ord(c) > 0xFFFF)
    esc = html.escape
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<root>", "  <document>", "    <sentences>"]
    for si, toks in enumerate(sentences, 1):
        out.append(f'      <sentence id="{si}">')
        out.append("        <tokens>")
        for ti, (b, e, pos, ner) in enumerate(toks, 1):
            w = text[b:e]
            w = {"(": "-LRB-", ")": "-RRB-", "“": "``", "”": "''"}.get(w, w)
            out += [f'          <token id="{ti}">', f"            <word>{esc(w, False)}</word>",
                    f"            <lemma>{esc(w.lower(), False)}</lemma>",
                    f"            <CharacterOffsetBegin>{u16(b)}</CharacterOffsetBegin>",
                    f"            <CharacterOffsetEnd>{u16(e)}</CharacterOffsetEnd>",
                    f"            <POS>{esc(pos, False)}</POS>", f"            <NER>{ner}</NER>",
                    "            <Speaker>PER0</Speaker>", "          </token>"]
        out.append("        </tokens>")
        out.append("        <parse>(ROOT (S (NP (NNP x)) (VP (VBD y)) (. .)))</parse>")
        out.append('        <dependencies type="basic-dependencies"><dep type="root"><governor idx="0">ROOT</governor>'
                   '<dependent idx="1">x</dependent></dep></dependencies>')
        out.append("      </sentence>")
    out += ["    </sentences>", "    <coreference>"]
    for ch in chains:
        out.append("      <coreference>")
        for k, (s, a, b, h) in enumerate(ch):
            words = " ".join(text[x:y] for x, y, _, _ in sentences[s - 1][a - 1:b - 1])
            out += ['        <mention representative="true">' if k == 0 else "        <mention>",
                    f"          <sentence>{s}</sentence>", f"          <start>{a}</start>", f"          <end>{b}</end>",
                    f"          <head>{h}</head>", f"          <text>{esc(words, False)}</text>", "        </mention>"]
        out.append("      </coreference>")
    out += ["    </coreference>", "  </document>", "</root>", ""]
    return "\n".join(out)
