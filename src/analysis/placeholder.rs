//! Desk placeholders left in copy: `TK`, `XX` for a figure, `[CHECK]`, `[[notes]]`.

use std::ops::Range;

use regex::Regex;

/// What a placeholder stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceholderKind {
    /// `TK` / `TKTK`: a fact to come.
    ToCome,
    /// `XX` / `XXX` / `£XXm`: a figure to fill in.
    Figure,
    /// `[CHECK]` and other bracketed desk notes.
    DeskNote,
    /// `[[…]]`: an editor's note.
    EditorNote,
    /// Matched a pattern from the configuration.
    Custom,
}

/// One placeholder, paragraph-relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceholderHit {
    pub range: Range<usize>,
    pub kind: PlaceholderKind,
    /// The placeholder as written (for the message).
    pub text: String,
}

/// Finds placeholders. Built-in shapes plus configured regexes.
#[derive(Debug)]
pub struct PlaceholderMatcher {
    extra: Vec<Regex>,
}

impl PlaceholderMatcher {
    pub fn new(extra: Vec<Regex>) -> Self {
        Self { extra }
    }

    /// Hits in a paragraph's text, ordered by start.
    pub fn scan(&self, text: &str) -> Vec<PlaceholderHit> {
        let mut out: Vec<PlaceholderHit> = self
            .extra
            .iter()
            .flat_map(|r| r.find_iter(text))
            .filter(|m| !m.is_empty())
            .map(|m| PlaceholderHit {
                range: m.range(),
                kind: PlaceholderKind::Custom,
                text: m.as_str().to_string(),
            })
            .collect();
        out.sort_by_key(|h| (h.range.start, h.range.end));
        out.dedup_by(|a, b| a.range.start < b.range.end);
        out
    }
}
