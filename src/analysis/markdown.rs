//! What in a Markdown document is not copy: fenced code blocks (``` or ~~~,
//! which may hold blank lines and so span paragraphs) and front matter
//! (`---` or `+++` on the very first line, up to the matching line).

use std::ops::Range;

use crate::text::{Paragraph, Paragraphs};

use super::ParagraphFacts;

/// A line that may open or close a fence, or delimit front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FenceLine {
    /// Index of the line in its paragraph.
    pub line: usize,
    pub kind: FenceKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FenceKind {
    /// A code fence: its character and length, and whether it has an info
    /// string (then it can only open, not close).
    Code { marker: u8, len: usize, info: bool },
    /// `---` or `+++` alone on a line.
    FrontMatter { marker: u8 },
}

/// Fence and front-matter lines among a paragraph's lines.
pub fn fence_lines(lines: &[&str]) -> Vec<FenceLine> {
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let trimmed_end = rest.trim_end();
        if indent == 0 && (trimmed_end == "---" || trimmed_end == "+++") {
            out.push(FenceLine {
                line: i,
                kind: FenceKind::FrontMatter {
                    marker: rest.as_bytes()[0],
                },
            });
        }
        if indent > 3 {
            continue;
        }
        for marker in [b'`', b'~'] {
            let len = rest.bytes().take_while(|&b| b == marker).count();
            if len >= 3 {
                let info = rest[len..].trim();
                if marker == b'`' && info.contains('`') {
                    continue;
                }
                out.push(FenceLine {
                    line: i,
                    kind: FenceKind::Code {
                        marker,
                        len,
                        info: !info.is_empty(),
                    },
                });
            }
        }
    }
    out
}

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
    out
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
    fn a_rule_in_the_body_is_not_front_matter_and_unclosed_fence_runs_to_end() {
        let text = "Intro.\n\n---\n\n~~~~\ncode\n~~~\nstill code\n";
        assert_eq!(excluded(text), vec!["~~~~\ncode\n~~~\nstill code"]);
    }
}
