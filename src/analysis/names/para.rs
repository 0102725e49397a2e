//! The paragraph being scanned for names: its text, tokens and what is
//! known of them.

use std::ops::Range;

use super::tokens::{is_space, is_suffix, line_kinds, tokenize, Shape, Tok};
use crate::lexicon::names::{Gender, Lexical, GAZETTEER};
use crate::text::words::lower_into;

/// The paragraph being scanned: text, tokens and what is known of them.
pub(super) struct Scan<'t> {
    pub(super) text: &'t str,
    pub(super) toks: Vec<Tok>,
    pub(super) kinds: Vec<(bool, bool)>,
    /// Each token's gazetteer entry, looked up once.
    pub(super) lex: Vec<Option<Lexical>>,
}

impl<'t> Scan<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        let mut toks = tokenize(text);
        // A quoted nickname inside a name (`Cedric “Ced” Richmond`) is no
        // word of it: the name reads as if it were not there.
        let nicknames = nicknames(text);
        if !nicknames.is_empty() {
            toks.retain(|t| {
                let k = nicknames.partition_point(|n| n.end <= t.start);
                !nicknames.get(k).is_some_and(|n| n.contains(&t.start))
            });
        }
        let lex: Vec<Option<Lexical>> = toks
            .iter()
            .map(|t| {
                let w = text[t.start..t.end].trim_end_matches('.');
                // `President-elect`, `Prime Minister-designate`: still a title.
                let base = w
                    .strip_suffix("-elect")
                    .or_else(|| w.strip_suffix("-designate"))
                    .unwrap_or(w);
                GAZETTEER.lexical(base)
            })
            .collect();
        let lines = crate::analysis::line_spans(text);
        let kinds = line_kinds(text, &lines);
        let mut line = 0;
        for i in 0..toks.len() {
            while line + 1 < lines.len() && toks[i].start > lines[line].end {
                line += 1;
            }
            toks[i].line = line;
            let gap_start = if i == 0 { 0 } else { toks[i - 1].outer_end };
            let gap = &text[gap_start..toks[i].start];
            toks[i].gap_space = i > 0
                && !gap.is_empty()
                && (gap.chars().all(is_space) || {
                    // (The nickname in the gap, if any: the first after its start.)
                    let k = nicknames.partition_point(|n| n.start <= gap_start);
                    nicknames.get(k).is_some_and(|n| {
                        n.end < toks[i].start
                            && text[gap_start..n.start].chars().all(is_space)
                            && text[n.end..toks[i].start].chars().all(is_space)
                    })
                });
            toks[i].gap_dot_space =
                i > 0 && gap.starts_with('.') && gap.len() > 1 && gap[1..].chars().all(is_space);
            toks[i].sentence_start = if i == 0 {
                true
            } else {
                let prev = &toks[i - 1];
                let pw = &text[prev.start..prev.end];
                let abbrev = matches!(prev.shape, Shape::Letter | Shape::Initials)
                    || matches!(
                        lex[i - 1],
                        Some(Lexical::Honorific(_) | Lexical::Title { .. })
                    )
                    || is_suffix(pw)
                    || matches!(pw, "St" | "No" | "Co" | "vs" | "v");
                // An opening quote right before the word, after a space or
                // punctuation: `said, “We`, `(AP) — “Blinken`.
                let mut rev = gap.chars().rev();
                let opens = rev.next().is_some_and(|q| "“‘«„\"'".contains(q))
                    && rev
                        .next()
                        .is_none_or(|c| is_space(c) || "([—–-:;,".contains(c));
                // A dateline's dash (`WASHINGTON — Supporters of …`,
                // `LONDON (Reuters) – …`) opens the story's first sentence.
                let dateline = prev.shape == Shape::AllCaps && gap.contains(['—', '–']);
                gap.contains(['!', '?', '…', ':', '#', '•'])
                    || (gap.contains('.') && !abbrev)
                    || dateline
                    || opens
                    || (gap.contains(['\n', '\r']) && kinds.get(prev.line).is_some_and(|k| k.0))
            };
        }
        Scan {
            text,
            toks,
            kinds,
            lex,
        }
    }

    pub(super) fn word(&self, i: usize) -> &'t str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    pub(super) fn lexical(&self, i: usize) -> Option<Lexical> {
        self.lex.get(i).copied().flatten()
    }

    /// Whether token `a + 1` continues a name or title from token `a`.
    pub(super) fn joined(&self, a: usize) -> bool {
        !self.toks[a].possessive && self.adjacent(a)
    }

    /// Whether only spaces (or an abbreviation's full stop) separate tokens
    /// `a` and `a + 1`; a possessive may stand before (`Ukraine’s Foreign Minister`).
    pub(super) fn adjacent(&self, a: usize) -> bool {
        let Some(next) = self.toks.get(a + 1) else {
            return false;
        };
        let t = &self.toks[a];
        next.gap_space
            || (next.gap_dot_space
                && t.period
                && (matches!(t.shape, Shape::Letter | Shape::Initials)
                    || matches!(
                        self.lexical(a),
                        Some(Lexical::Honorific(_) | Lexical::Title { .. })
                    )))
    }

    /// Whether token `i` opens an item of a list in a sentence (a comma or
    /// semicolon right before it): a capital `A` there is no article, which
    /// copy writes `a` mid-sentence, but an initial (`J White, A Hogg, D
    /// Hansen`).
    fn listed(&self, i: usize) -> bool {
        i > 0 && !self.toks[i].sentence_start && {
            let gap = &self.text[self.toks[i - 1].outer_end..self.toks[i].start];
            gap.contains([',', ';']) && gap.chars().all(|c| is_space(c) || c == ',' || c == ';')
        }
    }

    pub(super) fn is_initial(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.shape {
            Shape::Initials => true,
            Shape::Letter => {
                let w = self.word(i);
                (t.period || (w != "I" && w != "A") || (w == "A" && self.listed(i)))
                    && self.joined(i)
                    && self.name_like(i + 1)
            }
            // `JD Vance`, `AJ Tracey`: two capitals as initials before a name.
            Shape::AllCaps => {
                self.word(i).len() == 2
                    && self.lexical(i).is_none()
                    && self.joined(i)
                    && self.toks[i + 1].shape == Shape::Cap
                    && self.lexical(i + 1).is_none()
            }
            _ => false,
        }
    }

    /// A token that can be part of a name (not checking the gazetteer).
    pub(super) fn name_like(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        match t.shape {
            Shape::Cap => true,
            Shape::Letter | Shape::Initials => self.is_initial(i),
            Shape::Particle => {
                self.joined(i)
                    && self
                        .toks
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.shape, Shape::Cap | Shape::Particle))
            }
            _ => false,
        }
    }

    pub(super) fn given_name(&self, i: usize) -> Option<Option<Gender>> {
        GAZETTEER.given(self.word(i))
    }

    /// Length of a multi-word place starting at token `i` (0 when none).
    pub(super) fn multi_place(&self, i: usize, buf: &mut String) -> usize {
        if !GAZETTEER.multi_start(self.word(i)) {
            return 0;
        }
        let mut best = 0;
        buf.clear();
        buf.push_str(self.word(i));
        let mut j = i;
        while j + 1 < self.toks.len() && j + 1 - i < GAZETTEER.max_multi() && self.joined(j) {
            j += 1;
            buf.push(' ');
            buf.push_str(self.word(j));
            if GAZETTEER.is_multi_place(buf) {
                best = j + 1 - i;
            }
        }
        best
    }

    pub(super) fn role_word(&self, i: usize) -> Option<bool> {
        let mut buf = [0u8; 48];
        let w = self.word(i);
        lower_into(w, &mut buf).and_then(|l| GAZETTEER.role(l))
    }

    /// A title token: a capitalised title, or a lower-case role word when `lower`.
    pub(super) fn title_head(&self, i: usize) -> Option<bool> {
        match self.lexical(i) {
            Some(Lexical::Title { head, .. }) => Some(head),
            _ => None,
        }
    }

    pub(super) fn normalised(&self, r: Range<usize>) -> String {
        let mut out = String::with_capacity(r.len());
        let mut space = false;
        let mut skip_to = r.start;
        for (i, c) in self.text[r.clone()].char_indices() {
            let at = r.start + i;
            if at < skip_to {
                continue;
            }
            // (A quoted nickname is no part of the name's spelling.)
            if let Some(end) = crate::text::words::nickname_end(self.text, at) {
                skip_to = end;
                space = true;
                continue;
            }
            if is_space(c) {
                space = true;
            } else {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
        out
    }
}

/// The quoted nicknames inside names in `text` (`“Ced”` in `Cedric “Ced”
/// Richmond`), marks included.
fn nicknames(text: &str) -> Vec<Range<usize>> {
    text.char_indices()
        .filter(|&(_, c)| matches!(c, '“' | '‘' | '"'))
        .filter_map(|(at, _)| Some(at..crate::text::words::nickname_end(text, at)?))
        .collect()
}
