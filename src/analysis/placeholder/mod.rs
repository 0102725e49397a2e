//! Desk placeholders left in copy: `TK`, `XX` for a figure, `[CHECK]`, `[[notes]]`.
//!
//! One pass of a small Aho-Corasick automaton finds the only places a
//! built-in placeholder can start (`TK`, `XX`/`xx`, `[`); each candidate is
//! then judged by its token and its neighbouring words, so the cost is linear
//! in the text and nothing is allocated where nothing matches.
//!
//! Shapes:
//! - `TK`/`TKTK` as a whole token ([`PlaceholderKind::ToCome`]), unless it is
//!   part of a name (`TK Maxx`: next word capitalised), a handle, a domain or a
//!   compound (`@TK`, `site.TK`, `TK-421`), or a currency (`TK 500`, taka).
//!   Glued to a word in lower case it still is one (`a TK-year-old man`);
//!   as a sum (`£TKm`, `US$TKbn`, `TKm`) it is a [`PlaceholderKind::Figure`].
//! - a figure written with X ([`PlaceholderKind::Figure`]): `£XXm`, `$XX billion`,
//!   `XX per cent`, `XX%`, `XXX people`, `aged XX`, `20XX`, `1,XXX`, lower-case
//!   `xx` alike. A bare `XX` counts only with a figure beside it (a unit or
//!   count noun after, a figure cue such as `aged`/`about`/`of` before, or a
//!   sentence end after); after another capitalised word it is a Roman
//!   numeral or a name (`Pope Pius XX`, `Super Bowl XX`, `The xx`), and before
//!   an ordinary noun it is a term (`the XX chromosome`). After an honorific
//!   (`Mr XX`) it stands for a name: [`PlaceholderKind::ToCome`].
//! - `[CHECK]`, `[TK]`, `[TBC: date]`, `[INSERT QUOTE]`, `[NAME]`… (a desk
//!   keyword at the start of a bracket, any case; `name`, `link`, `figure` and
//!   other words that also occur in editorial insertions count only alone, with
//!   a colon or in capitals): [`PlaceholderKind::DeskNote`]. Markdown links
//!   `[Link](…)`, footnotes `[^1]`, `[sic]`, `[pictured]`, `[2]` are not notes.
//! - `[[anything]]`: [`PlaceholderKind::EditorNote`].

mod around;
mod figures;
mod kind;
mod notes;
#[cfg(test)]
mod tests;
mod to_come;

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

pub use kind::{PlaceholderHit, PlaceholderKind};

/// Finds placeholders. Built-in shapes plus configured regexes.
#[derive(Debug)]
pub struct PlaceholderMatcher {
    extra: Vec<Regex>,
}

/// Where a built-in placeholder can start.
static CANDIDATES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(["[[", "[", "TK", "XX", "xx"])
        .map_err(|e| tracing::error!("placeholder automaton: {e}"))
        .ok()
});

impl PlaceholderMatcher {
    pub fn new(extra: Vec<Regex>) -> Self {
        Self { extra }
    }

    /// Hits in a paragraph's text, ordered by start, non-overlapping.
    pub fn scan(&self, text: &str) -> Vec<PlaceholderHit> {
        let mut out: Vec<PlaceholderHit> = Vec::new();
        if let Some(ac) = CANDIDATES.as_ref() {
            let mut resume = 0;
            for m in ac.find_iter(text) {
                if m.start() < resume {
                    continue;
                }
                let found = match &text.as_bytes()[m.start()] {
                    b'[' if m.len() == 2 => Some(notes::editor_note(text, m.start())),
                    b'[' => notes::desk_note(text, m.start()),
                    b'T' => to_come::to_come(text, m.start()),
                    _ => figures::figure(text, m.start()),
                };
                if let Some((range, kind)) = found {
                    resume = range.end;
                    push(&mut out, text, range, kind);
                } else {
                    // Skip the rest of the token that was judged (`XXXX`, `TKTK`).
                    resume = m.end();
                }
            }
        }
        for r in &self.extra {
            for m in r.find_iter(text).filter(|m| !m.is_empty()) {
                push(&mut out, text, m.range(), PlaceholderKind::Custom);
            }
        }
        if !self.extra.is_empty() {
            // Earliest first; of two at one start, the longer; drop overlaps.
            out.sort_by_key(|h| (h.range.start, std::cmp::Reverse(h.range.end)));
            let mut kept: Vec<PlaceholderHit> = Vec::with_capacity(out.len());
            for h in out {
                if kept.last().is_none_or(|k| h.range.start >= k.range.end) {
                    kept.push(h);
                }
            }
            out = kept;
        }
        out
    }
}

fn push(out: &mut Vec<PlaceholderHit>, text: &str, range: Range<usize>, kind: PlaceholderKind) {
    if let Some(t) = text.get(range.clone()) {
        out.push(PlaceholderHit {
            range,
            kind,
            text: t.to_string(),
        });
    }
}
