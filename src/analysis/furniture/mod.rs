//! Web furniture left in copy by a paste, judged a whole line at a time.
//!
//! A line is furniture by its whole shape, never by a keyword: `Share on
//! Facebook` is a share prompt, `Share prices fell 3% on Monday.` is copy.
//! Each line is first reduced to its core (bullets, Markdown marks, emoji and
//! spaces of any kind trimmed). A cheap gate (the first word looked up in a
//! sorted table, the first and last character, three phrases found by a
//! packed SIMD searcher) lets most body lines through without a copy or a
//! regex and says which checks the rest are worth; only those are normalised
//! (case, curly apostrophes, dashes, spaces) into one reused buffer and tried
//! against mostly anchored regexes.
//!
//! Link blocks: a heading (`READ MORE:`, `DON’T MISS`, `MORE ON THIS STORY`,
//! `Related stories`…) takes with it the following lines of its paragraph
//! while they are shaped like link headlines (short, capitalised, no full
//! stop, perhaps bulleted, a Markdown link or ending in a `[TAG]`). Body copy
//! ends a block. Neighbouring hits of one kind are joined into one hit.

mod blocks;
mod gate;
mod lines;
mod prompts;
#[cfg(test)]
mod tests;
mod text;

use regex::Regex;

use crate::text::is_wrapped;

pub use blocks::{blocks, Block, LineRef};
use lines::{Rules, RULES};
use text::core;

/// What sort of furniture a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoilerplateKind {
    /// `READ MORE:` / `DON'T MISS:` / `MORE ON THIS STORY` and the link lines under it.
    LinkBlock,
    /// A line ending in a link tag such as `[REPORT]`.
    LinkTag,
    CommentPrompt,
    /// `Got a story? Email …`, `Have you been affected? Get in touch`.
    ContactPrompt,
    SharePrompt,
    Newsletter,
    SocialFollow,
    Advertisement,
    PictureCredit,
    SourceLine,
    ClickHere,
    /// `Published 4 March 2025`, `Updated at 14.32 GMT`: a web page's time stamp.
    Timestamp,
    /// Live-page and site controls: `Key events`, `Show key events only`,
    /// `Scroll down for video`, `Reuse this content`, app promotions.
    PageChrome,
    Copyright,
    /// Matched a pattern from the configuration.
    Custom,
}

/// How one line of a paragraph reads on its own: a paragraph fact. Only
/// lines with something to say are listed. Blocks of furniture are put
/// together from these across paragraphs ([`blocks`]), so a `READ MORE:`
/// heading takes its link lines whether the copy puts them in one paragraph,
/// a line each, or blank lines between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoilerplateHit {
    /// Line index within the paragraph.
    pub line: usize,
    /// What the line is on its own, if furniture.
    pub class: Option<LineClass>,
    /// Shaped like a line under a link-block heading (a link, or a headline).
    pub link: bool,
    /// How many lines it covers: one, or a hard-wrapped paragraph's all.
    pub span: usize,
}

/// What a line of furniture is on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineClass {
    /// A link-block heading (`READ MORE:`): takes the link lines after it.
    Heading,
    /// One line of furniture.
    Line(BoilerplateKind),
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

    /// How each line of a paragraph (line texts without terminators) reads
    /// on its own, for the lines that are furniture or link-shaped, in order.
    /// A hard-wrapped paragraph ([`is_wrapped`]) whose first or last line
    /// reads as the whole does is one line, covering the rest.
    pub fn scan(&self, lines: &[&str]) -> Vec<BoilerplateHit> {
        let mut out: Vec<BoilerplateHit> = Vec::new();
        let Some(rules) = RULES.as_ref() else {
            return out;
        };
        let mut buf = String::new();
        let wrapped = is_wrapped(lines.iter().copied());
        if wrapped {
            // Read as one line when its first or last line reads as the whole
            // does (`Have you been affected? Get in touch:` wrapped before the
            // address, a caption wrapped before its credit); a body line with
            // furniture under it is read line by line.
            let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
            let class = self.classify(rules, &joined, &mut buf);
            let link = rules.is_link_line(core(&joined));
            let first = lines.first().copied().unwrap_or_default();
            let last = lines.last().copied().unwrap_or_default();
            let same = match class {
                Some(_) => {
                    class == self.classify(rules, first, &mut buf)
                        || class == self.classify(rules, last, &mut buf)
                }
                None => link && rules.is_link_line(core(first)),
            };
            if same {
                out.push(BoilerplateHit {
                    line: 0,
                    class,
                    link,
                    span: lines.len(),
                });
                return out;
            }
        }
        for (i, line) in lines.iter().enumerate() {
            let class = self.classify(rules, line, &mut buf);
            // A piece of a hard-wrapped text is no link line on its own.
            let link = !wrapped && rules.is_link_line(core(line));
            if class.is_some() || link {
                out.push(BoilerplateHit {
                    line: i,
                    class,
                    link,
                    span: 1,
                });
            }
        }
        out
    }

    fn classify(&self, rules: &Rules, line: &str, buf: &mut String) -> Option<LineClass> {
        rules.classify(line, buf).or_else(|| {
            let t = line.trim();
            self.extra
                .iter()
                .any(|r| r.is_match(t))
                .then_some(LineClass::Line(BoilerplateKind::Custom))
        })
    }
}
