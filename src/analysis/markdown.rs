//! What in a document is not copy: in Markdown, fenced code blocks (``` or
//! ~~~, which may hold blank lines and so span paragraphs), indented code
//! blocks (a paragraph whose every line is indented by four spaces or a tab)
//! and front matter (`---` or `+++` on the very first line, up to the
//! matching line); in any text, HTML comments (`<!-- … -->`, which may span
//! paragraphs; one left open runs to the end, as in CommonMark).
//!
//! `syntax` reads one paragraph's fence lines and comment marks (paragraph
//! facts); this file puts them together over the article.

pub(super) mod syntax;

use std::ops::Range;

use crate::text::{Paragraph, Paragraphs};

use super::facts::ParagraphFacts;
pub use syntax::{FenceKind, FenceLine};

/// Byte ranges of code blocks and front matter, in order.
pub fn excluded_ranges(paragraphs: Paragraphs<'_, ParagraphFacts>) -> Vec<Range<usize>> {
    let line_range = |p: Paragraph<'_, ParagraphFacts>, line: usize| {
        let l = &p.facts.lines[line];
        p.start + l.start..p.start + l.end
    };
    let doc_end = paragraphs.last().map_or(0, |p| p.end());
    let mut out = Vec::new();
    let mut fences = paragraphs
        .iter()
        .flat_map(|p| p.facts.fences.iter().map(move |f| (p, f)));

    // Front matter: the document's first line, up to the next same delimiter.
    let mut skip_until = 0;
    if let Some(first) = paragraphs.first().filter(|p| p.start == 0) {
        if let Some(FenceLine {
            line: 0,
            kind: FenceKind::FrontMatter { marker },
        }) = first.facts.fences.first()
        {
            let close = paragraphs
                .iter()
                .flat_map(|p| p.facts.fences.iter().map(move |f| (p, f)))
                .skip(1)
                .find(|(_, f)| f.kind == FenceKind::FrontMatter { marker: *marker });
            if let Some((p, f)) = close {
                let end = line_range(p, f.line).end;
                out.push(0..end);
                skip_until = end;
            }
        }
    }

    let mut open: Option<(usize, u8, usize)> = None;
    for (p, f) in fences.by_ref() {
        let range = line_range(p, f.line);
        if range.start < skip_until {
            continue;
        }
        let FenceKind::Code { marker, len, info } = f.kind else {
            continue;
        };
        match open {
            None => open = Some((range.start, marker, len)),
            Some((start, m, l)) if m == marker && len >= l && !info => {
                out.push(start..range.end);
                open = None;
            }
            Some(_) => {}
        }
    }
    if let Some((start, _, _)) = open {
        out.push(start..doc_end);
    }
    // Indented code: a paragraph of indented lines only (it cannot continue
    // a paragraph, and paragraphs here are split at blank lines).
    for p in paragraphs.iter() {
        let shapes = &p.facts.shapes;
        if !shapes.is_empty() && shapes.iter().all(|s| s.indented()) {
            out.push(p.start..p.end());
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

/// `code` (sorted ranges that are not copy) with the HTML comments outside
/// them added, sorted and merged.
pub fn with_comments(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    mut code: Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let doc_end = paragraphs.last().map_or(0, |p| p.end());
    let in_code = |at: usize, code: &[Range<usize>]| code.iter().any(|r| r.contains(&at));
    let mut comments = Vec::new();
    let mut open: Option<usize> = None;
    for p in paragraphs.iter().filter(|p| !p.facts.comments.is_empty()) {
        for &(at, opens) in &p.facts.comments {
            let at = p.start + at;
            match (open, opens) {
                (None, true) if !in_code(at, &code) => open = Some(at),
                // `-->` ends a comment only after its `<!--` (`<!-->` does not).
                (Some(start), false) if at >= start + 4 => {
                    comments.push(start..at + 3);
                    open = None;
                }
                _ => {}
            }
        }
    }
    if let Some(start) = open {
        comments.push(start..doc_end);
    }
    // Merged even with no comment: an indented paragraph inside a fence
    // (`    A` between two ``` lines) is a range inside another, and the
    // readers of these ranges want them disjoint.
    code.extend(comments);
    code.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(code.len());
    for r in code {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Article, Language, Scanner};
    use crate::text::ParagraphIndex;

    fn excluded(text: &str) -> Vec<&str> {
        let scanner = Scanner::default();
        let rope = ropey::Rope::from_str(text);
        let index = ParagraphIndex::build(&rope, &scanner);
        let article = Article::new(index.paragraphs(), Language::Markdown);
        article.excluded.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn front_matter_and_fences_with_blank_lines_are_not_copy() {
        let text = "---\ntitle: Budget\n\nauthor: TK\n---\n\nCopy here.\n\n```text\nREAD MORE: x\n\nFollow me on Twitter\n```\n\nMore copy.\n";
        assert_eq!(
            excluded(text),
            vec![
                "---\ntitle: Budget\n\nauthor: TK\n---",
                "```text\nREAD MORE: x\n\nFollow me on Twitter\n```"
            ]
        );
    }

    #[test]
    fn html_comments_and_indented_code_are_not_copy() {
        let text = "Copy.\n\n<!-- note\n\nREAD MORE: x -->\n\n    let x = 1;\n    READ MORE: y\n\n```\n<!-- in code\n```\n\nEnd <!-- open";
        assert_eq!(
            excluded(text),
            vec![
                "<!-- note\n\nREAD MORE: x -->",
                "    let x = 1;\n    READ MORE: y",
                "```\n<!-- in code\n```",
                "<!-- open"
            ]
        );
    }

    #[test]
    fn indented_lines_inside_a_fence_make_one_range() {
        // With no HTML comment in the document as with one.
        let text = "```\n\n    let x = 1;\n\n“a“\n\n```\n\nCopy.";
        assert_eq!(excluded(text), vec!["```\n\n    let x = 1;\n\n“a“\n\n```"]);
        let text = "```\n\n    let x = 1;\n\n“a“\n\n```\n\nCopy. <!-- open";
        assert_eq!(
            excluded(text),
            vec!["```\n\n    let x = 1;\n\n“a“\n\n```", "<!-- open"]
        );
    }

    #[test]
    fn a_rule_in_the_body_is_not_front_matter_and_unclosed_fence_runs_to_end() {
        let text = "Intro.\n\n---\n\n~~~~\ncode\n~~~\nstill code\n";
        assert_eq!(excluded(text), vec!["~~~~\ncode\n~~~\nstill code"]);
    }
}
