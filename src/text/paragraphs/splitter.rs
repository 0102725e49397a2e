//! The paragraph splitter: where paragraphs break in a text, in a layout
//! (blank lines; in plain text also lines too long to be hard-wrapped and
//! a sentence ended short of the wrap width, unless the line closes a quote
//! the line before left open; in Markdown the blocks CommonMark starts on a
//! line of their own; a line that is one HTML comment).

use std::ops::Range;

use crate::text::layout::{
    is_blank, is_long, is_markdown_heading, line_ranges, starts_markdown_block, Layout, LONG_LINE,
};

/// Whether a line is one HTML comment and nothing else (`<!-- … -->`, as
/// an ignore comment is written): it is a paragraph of its own, as
/// CommonMark makes it a block of its own, so that the copy under it is
/// read as it would be without it.
fn is_comment_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 7
        && t.starts_with("<!--")
        && t.ends_with("-->")
        && t[4..].find("-->") == Some(t.len() - 7)
}

/// Splits text into paragraph ranges (relative to `text`), paragraphs made
/// by blank lines (and, in plain text, lines too long to be hard-wrapped;
/// in any text, a line that is one HTML comment;
/// in Markdown, the blocks CommonMark starts on a line of their own). A
/// line is blank when it holds only whitespace; lines end at `\n`, `\r\n`
/// or `\r`.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    split(text, Layout::BlankLine, false)
}

/// Splits text into paragraph ranges (relative to `text`) in a layout.
pub fn split(text: &str, layout: Layout, markdown: bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut prev: Option<&str> = None;
    for r in line_ranges(text) {
        let line = &text[r.clone()];
        if is_blank(line) {
            if let Some(p) = current.take() {
                out.push(p);
            }
            prev = None;
            continue;
        }
        let breaks = match (layout, prev) {
            (_, None) => false,
            // (A quote pasted with its source on a line of its own.)
            (Layout::Line, Some(p)) => !(closes_quote_left_open(p, line) && names_source(line)),
            (Layout::BlankLine, Some(p)) if markdown => {
                is_markdown_heading(p)
                    || starts_markdown_block(line)
                    || is_comment_line(p)
                    || is_comment_line(line)
            }
            (Layout::BlankLine, Some(p)) => {
                is_comment_line(p)
                    || is_comment_line(line)
                    || (is_long(p) || is_long(line) || ends_short(p, line))
                        && !closes_quote_left_open(p, line)
            }
        };
        if breaks {
            if let Some(p) = current.take() {
                out.push(p);
            }
        }
        match &mut current {
            Some(p) => p.end = r.end,
            None => current = Some(r),
        }
        prev = Some(line);
    }
    if let Some(p) = current {
        out.push(p);
    }
    out
}

/// Whether the writer, not a wrapping tool, broke the line `p` before
/// `line`: `p` ends a sentence (or a headline's clause at a semicolon:
/// `Ryan backs Trump;` ⏎ `Criticism within party…`), `line` starts a new
/// one, and `line`'s first
/// word would have fitted on `p` at the width the text is wrapped to, as
/// `line` shows it (a line of [`FITS`] characters or more). Copy with one
/// paragraph a line inside blank-line blocks, hard-wrapped, keeps its
/// paragraphs; a stack of short lines stays one.
fn ends_short(p: &str, line: &str) -> bool {
    let p = p.trim_end();
    let closed = p.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    if !closed.ends_with(['.', '!', '?', '…', ';']) {
        return false;
    }
    let next = line.trim_start();
    if line.len() != next.len()
        || !next.starts_with(|c: char| c.is_uppercase() || "“\"‘'".contains(c))
    {
        return false;
    }
    let word = next
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    let width = line.trim_end().chars().count();
    (FITS..=LONG_LINE).contains(&width) && p.chars().count() + 1 + word <= width
}

/// Whether `line` closes a quote `p` left open, and opens none: the break
/// between them is inside one paragraph, whatever their lengths (a quote
/// pasted with its source on a line of its own: `"I worry that we may
/// see…` then `Dean Baker, Center for Economic and Policy Research."`). A
/// quote running on into a new paragraph opens it with a mark.
fn closes_quote_left_open(p: &str, line: &str) -> bool {
    let count = |s: &str, c: char| s.chars().filter(|&x| x == c).count();
    let left_open = count(p, '“') > count(p, '”')
        || count(p, '"') % 2 == 1
            && !p.contains(['“', '”'])
            && p.rfind('"').is_some_and(|i| {
                i == 0 || p[..i].ends_with(|c: char| c.is_whitespace() || "([—–-".contains(c))
            });
    if !left_open {
        return false;
    }
    let t = line.trim_end();
    let closer = if t.ends_with('”') { '”' } else { '"' };
    t.ends_with(closer)
        && t[..t.len() - closer.len_utf8()].ends_with(['.', '!', '?', ','])
        && !line.contains('“')
        && count(line, '"') + count(line, '”') == 1
}

/// Whether a line closing a quote reads as its source's credit: a name of
/// two to six capitalised words, then at most what they are after a comma
/// (`Dean Baker, Center for Economic and Policy Research."`), a dozen words
/// in all; not the words of a paragraph that lost its opening mark.
fn names_source(line: &str) -> bool {
    let t = line
        .trim()
        .trim_end_matches(['"', '”'])
        .trim_end_matches('.');
    let name: Vec<&str> = t
        .split(',')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    t.split_whitespace().count() <= 12
        && (2..=6).contains(&name.len())
        && name.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// A line this long or longer can show the width a text is wrapped to.
const FITS: usize = 60;
