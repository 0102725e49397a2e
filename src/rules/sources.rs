//! What the source rules share: each quote piece of the part of the
//! article asked for, found in the article's sources
//! ([`crate::analysis::sources`]), and how a place in a source is named.
//!
//! A piece is the words of one quote in one paragraph (a quote that runs
//! over paragraphs is looked for paragraph by paragraph), so every finding
//! belongs to its paragraph and reads its words only ([`super::Scope::OwnWords`]).
//! Nothing is reported for an article without sources.

use std::ops::Range;
use std::sync::Arc;

use super::rule::{Cx, Part};
use crate::analysis::sources::{Located, SourceFile, SourceSet};
use crate::analysis::{Article, Quote};

/// The source the rules' examples are checked against (`copydesk explain`
/// shows it with them).
pub const EXAMPLE_SOURCE: &str = "[00:41:07] CLLR AMIRA HADDAD: We have looked at every option, and if the grant does not come through we will have to close the library in March.\n[00:41:30] MAYOR DEREK OYELARAN: We will find the money. That is a promise to this town.\n";

/// One quote's words in one paragraph, and where they are in the sources.
pub struct Piece<'q> {
    /// Absolute bytes of the words in the article.
    pub range: Range<usize>,
    /// The words as written.
    pub text: &'q str,
    /// The quote they belong to, when the article pass has it.
    pub quote: Option<&'q Quote>,
    pub located: Arc<Located>,
}

/// Every piece of the part asked for whose words could be looked for.
pub fn pieces<'q>(cx: &'q Cx<'_, '_>, part: Part<'_>) -> Vec<Piece<'q>> {
    let article = cx.article;
    if cx.sources.is_empty() || article.is_foreign() {
        return Vec::new();
    }
    let all = 0..article.paragraphs.len();
    let paras = match part {
        Part::All => all,
        Part::Paragraphs(p) => p.start..p.end.min(all.end),
        Part::People(_) => return Vec::new(),
    };
    let mut out = Vec::new();
    for p in paras {
        let para = article.paragraphs.at(p);
        if para.facts.said.is_empty() {
            continue;
        }
        let spans: Vec<_> = para.facts.quotes.outer().collect();
        let covering = covering(article, p);
        for said in &para.facts.said {
            let Some(span) = spans.get(said.quote) else {
                continue;
            };
            let range = para.start + span.content.start..para.start + span.content.end;
            if !article.is_copy(range.start) {
                continue;
            }
            // The pass's quote for this span, when they line up one to one
            // (quotes in code or front matter are not the pass's).
            let quote = (covering.len() == spans.len())
                .then(|| covering.get(said.quote).copied())
                .flatten();
            if quote.is_some_and(|q| q.headline) || (quote.is_none() && para.facts.quotes.heading) {
                continue;
            }
            let Some(located) = cx.sources.locate(&said.text) else {
                continue;
            };
            out.push(Piece {
                range,
                text: &said.text,
                quote,
                located,
            });
        }
    }
    out
}

/// The quotes with a piece in paragraph `p`, in order: one running on from
/// earlier paragraphs, then those that open in it. Read by paragraph
/// index, never by offset (a pass kept across an edit may not have moved
/// its quotes yet).
fn covering<'q>(article: &'q Article<'_>, p: usize) -> Vec<&'q Quote> {
    let quotes = article.quotes();
    let from = quotes.partition_point(|q| q.paragraphs.start < p);
    let to = quotes.partition_point(|q| q.paragraphs.start <= p);
    let mut out = Vec::new();
    if let Some(q) = from.checked_sub(1).map(|i| &quotes[i]) {
        if q.paragraphs.end > p {
            out.push(q);
        }
    }
    out.extend(&quotes[from..to]);
    out
}

/// `hearing.txt:42` (and the time stamp, when the transcript has one).
pub fn place(file: &SourceFile, located: &Located) -> String {
    let line = file.line_col(located.passage.start).0 + 1;
    match located.turn.as_ref().and_then(|t| t.timestamp.as_deref()) {
        Some(ts) => format!("{}:{line}, {ts}", file.name),
        None => format!("{}:{line}", file.name),
    }
}

/// The file a located quote was found in.
pub fn file_of<'s>(sources: &'s SourceSet, located: &Located) -> Option<&'s SourceFile> {
    located
        .file
        .and_then(|f| sources.files.get(f))
        .map(|f| &**f)
}

/// Words of a text, on one line, shortened to about `max` characters.
pub fn words(text: &str, max: usize) -> String {
    let one: Vec<&str> = text.split_whitespace().collect();
    let mut out = one.join(" ");
    if out.chars().count() > max {
        out = out.chars().take(max).collect::<String>();
        out = out.trim_end().to_string() + "…";
    }
    out
}
