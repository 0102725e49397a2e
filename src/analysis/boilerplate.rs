//! Web furniture left in copy by a paste, judged a whole line at a time.

use std::ops::Range;

use regex::Regex;

/// What sort of furniture a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoilerplateKind {
    /// `READ MORE:` / `DON'T MISS:` / `MORE ON THIS STORY` and the link lines under it.
    LinkBlock,
    /// A line ending in a link tag such as `[REPORT]`.
    LinkTag,
    CommentPrompt,
    SharePrompt,
    Newsletter,
    SocialFollow,
    Advertisement,
    PictureCredit,
    SourceLine,
    ClickHere,
    Copyright,
    /// Matched a pattern from the configuration.
    Custom,
}

/// A run of whole lines of furniture within one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoilerplateHit {
    /// Line indices within the paragraph.
    pub lines: Range<usize>,
    pub kind: BoilerplateKind,
}

/// Finds furniture lines. Built-in shapes plus configured regexes.
#[derive(Debug)]
pub struct BoilerplateMatcher {
    extra: Vec<Regex>,
}

impl BoilerplateMatcher {
    pub fn new(extra: Vec<Regex>) -> Self {
        Self { extra }
    }

    /// Hits among a paragraph's lines (line texts without terminators), in order.
    pub fn scan(&self, lines: &[&str]) -> Vec<BoilerplateHit> {
        let mut out = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim();
            if self.extra.iter().any(|r| r.is_match(t)) {
                out.push(BoilerplateHit {
                    lines: i..i + 1,
                    kind: BoilerplateKind::Custom,
                });
            }
        }
        out
    }
}
