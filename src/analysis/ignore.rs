//! Ignore comments: what a desk writes to silence a finding it has judged.
//!
//! - `<!-- copydesk-ignore CODE -->`: the next paragraph with copy (or the
//!   copy after the comment when it shares its paragraph, as a comment line
//!   on top of a hard-wrapped paragraph does);
//! - `<!-- copydesk-disable CODE -->` … `<!-- copydesk-enable -->`: a region
//!   (an enable naming codes ends only the disables of those codes; one
//!   never closed runs to the end);
//! - `<!-- copydesk-ignore-file CODE -->`: the whole article.
//!
//! CODE is one rule code, several (spaces or commas between them), or none
//! for every rule. The comments are HTML comments, so never copy: no rule
//! flags, quotes or names what is in them, and `fix` never removes them.
//!
//! [`scan`] reads a paragraph's directives (paragraph-relative, a pure
//! function of its text); [`plan`] pairs them over the article in paragraph
//! terms (which an edit that changes no fact leaves as they are), and
//! [`regions`] places them in bytes for the checks to apply. `directives`
//! holds the paragraph's part ([`scan`]).

pub(super) mod directives;

use std::ops::Range;

use crate::text::Paragraphs;

use super::facts::ParagraphFacts;
pub use directives::{scan, Directive, DirectiveKind, IgnoreFacts};

/// Where a directive's reach ends, in paragraph terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Until {
    /// The end of paragraph `.0`.
    Paragraph(usize),
    /// The start of the directive `directive` of paragraph `para` (the
    /// enable that closes a disable).
    Directive { para: usize, directive: usize },
    /// The end of the article.
    End,
    /// Nothing: an ignore with no copy after it, an enable that closes
    /// nothing.
    Nowhere,
}

/// A directive of the article and its reach, in paragraph terms: what an
/// edit that changes no fact leaves as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub para: usize,
    pub directive: usize,
    pub until: Until,
}

/// Pairs the article's directives: `in_code` says whether an absolute
/// offset is in Markdown code (a directive there is an example, not a
/// directive).
pub fn plan(
    paragraphs: Paragraphs<'_, ParagraphFacts>,
    in_code: impl Fn(usize) -> bool,
) -> Vec<Planned> {
    let mut out: Vec<Planned> = Vec::new();
    // Indices into `out` of the disables still open.
    let mut open: Vec<usize> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for (d, dir) in p.facts.ignore.directives.iter().enumerate() {
            if in_code(p.start + dir.range.start) {
                continue;
            }
            let until = match dir.kind {
                DirectiveKind::IgnoreFile => Until::End,
                DirectiveKind::Disable => {
                    open.push(out.len());
                    Until::End
                }
                DirectiveKind::Ignore if dir.copy_after => Until::Paragraph(i),
                DirectiveKind::Ignore => (i + 1..paragraphs.len())
                    .find(|&j| !paragraphs.at(j).facts.ignore.comment_only)
                    .map_or(Until::Nowhere, Until::Paragraph),
                DirectiveKind::Enable => {
                    let mut closed = false;
                    open.retain(|&k| {
                        let Planned {
                            para, directive, ..
                        } = out[k];
                        let disable = &paragraphs.at(para).facts.ignore.directives[directive];
                        let ends = dir.codes.is_empty()
                            || disable.codes.is_empty()
                            || disable.codes.iter().any(|c| dir.codes.contains(c));
                        if ends {
                            out[k].until = Until::Directive {
                                para: i,
                                directive: d,
                            };
                            closed = true;
                        }
                        !ends
                    });
                    if closed {
                        continue;
                    }
                    Until::Nowhere
                }
            };
            out.push(Planned {
                para: i,
                directive: d,
                until,
            });
        }
    }
    out
}

/// A directive placed in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    /// The comment itself.
    pub comment: Range<usize>,
    pub kind: DirectiveKind,
    /// Its codes; empty for every rule.
    pub codes: Vec<String>,
    /// The bytes whose findings it silences (empty when it reaches nothing).
    pub reach: Range<usize>,
    /// What to delete to remove it: its line with the line break when it
    /// is alone on its line, else the comment.
    pub removal: Range<usize>,
}

impl Region {
    /// Whether it silences a finding of rule `code` starting at `at`.
    pub fn silences(&self, code: &str, at: usize) -> bool {
        (self.codes.is_empty() || self.codes.iter().any(|c| c == code)) && self.reach.contains(&at)
    }
}

/// The planned directives placed in bytes.
pub fn regions(paragraphs: Paragraphs<'_, ParagraphFacts>, planned: &[Planned]) -> Vec<Region> {
    let doc_end = paragraphs.last().map_or(0, |p| p.end());
    let placed = |para: usize, directive: usize| {
        let p = paragraphs.get(para)?;
        let d = p.facts.ignore.directives.get(directive)?;
        Some((p.start + d.range.start..p.start + d.range.end, d))
    };
    let removal = |para: usize, comment: &Range<usize>| {
        let Some(p) = paragraphs.get(para) else {
            return comment.clone();
        };
        let lines = &p.facts.lines;
        let at = comment.start - p.start;
        match lines.iter().position(|l| l.start <= at && at <= l.end) {
            Some(i) if lines[i] == (at..comment.end - p.start) => {
                let end = match lines.get(i + 1) {
                    Some(next) => p.start + next.start,
                    // Alone in its paragraph: up to the next one.
                    None if lines.len() == 1 => {
                        paragraphs.get(para + 1).map_or(p.end(), |n| n.start)
                    }
                    None => p.end(),
                };
                p.start + lines[i].start..end
            }
            _ => comment.clone(),
        }
    };
    planned
        .iter()
        .filter_map(|x| {
            let (comment, d) = placed(x.para, x.directive)?;
            let start = match d.kind {
                DirectiveKind::IgnoreFile => 0,
                _ => comment.end,
            };
            let end = match &x.until {
                Until::Paragraph(j) => paragraphs.get(*j).map_or(start, |p| p.end()),
                Until::Directive { para, directive } => {
                    placed(*para, *directive).map_or(doc_end, |(r, _)| r.start)
                }
                Until::End => doc_end,
                Until::Nowhere => start,
            };
            Some(Region {
                removal: removal(x.para, &comment),
                comment,
                kind: d.kind,
                codes: d.codes.clone(),
                reach: start..end.max(start),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::markdown::syntax::comment_marks;

    fn facts(text: &str) -> IgnoreFacts {
        scan(text, &comment_marks(text))
    }

    #[test]
    fn directives_are_read_with_their_codes() {
        let f = facts("<!-- copydesk-ignore unattributed-quote, name-variant -->");
        assert_eq!(f.directives.len(), 1);
        assert_eq!(f.directives[0].kind, DirectiveKind::Ignore);
        assert_eq!(
            f.directives[0].codes,
            ["unattributed-quote", "name-variant"]
        );
        assert!(!f.directives[0].copy_after);
        assert!(f.comment_only);

        let f = facts("<!--copydesk-disable-->\n“We will not be moved,” she said.");
        assert_eq!(f.directives[0].kind, DirectiveKind::Disable);
        assert!(f.directives[0].codes.is_empty());
        assert!(f.directives[0].copy_after);
        assert!(!f.comment_only);
    }

    #[test]
    fn other_comments_are_not_directives() {
        assert!(facts("<!-- subbed by JH, 14:20 -->").directives.is_empty());
        assert!(facts("<!-- copydesk-ignored -->").directives.is_empty());
        assert!(facts("The copydesk-ignore word in copy.")
            .directives
            .is_empty());
        assert!(facts("<!-- note -->").comment_only);
        assert!(!facts("Café <!-- note -->").comment_only);
    }
}
