//! Web furniture left in copy by a paste, judged a line at a time and then
//! in its place.
//!
//! **A line on its own** ([`BoilerplateMatcher::scan`], a paragraph fact).
//! A line is furniture by its whole shape, never by a keyword: `Share on
//! Facebook` is a share prompt, `Share prices fell 3% on Monday.` is copy.
//! Each line is reduced to its core (bullets, Markdown marks, emoji and
//! spaces of any kind trimmed). A cheap gate (the first word looked up in a
//! sorted table, the first and last character, three phrases found by a
//! packed SIMD searcher) lets most body lines through without a copy or a
//! regex and says which checks the rest are worth; only those are normalised
//! (case, curly apostrophes, dashes, spaces) and tried against mostly
//! anchored regexes built from the lists in `data/furniture/`. Short lines
//! that are no sentence of copy are read further: whole-line labels
//! ([`labels`]), dates and times ([`stamps`]), credits, captions, bylines
//! and embedded posts' signatures ([`credits`]). What a line is on its own
//! is its class, certain or probable ([`Confidence`]); what it may be in
//! its place is a set of [`Cues`] (a bare date, a section name, a byline, a
//! short sentence that could be a caption).
//!
//! **A line in its place** ([`blocks`], over the facts of all paragraphs).
//! A heading (`READ MORE:`, `Most read`) takes the link lines after it; a
//! short sentence just before a credit is its caption; in the page's own
//! furniture above the article's first paragraph, a bare date is the page's
//! time stamp and a section name or short label the page's navigation; a
//! label over tags takes the tags. A verdict reads only a line's
//! neighbours: runs of lines with cues, and the line on each side of a run,
//! so that an edit changes verdicts only next to a paragraph the rule reads.

mod blocks;
mod credits;
mod gate;
mod labels;
mod lines;
mod prompts;
mod read;
mod stamps;
#[cfg(test)]
mod tests;
mod text;
mod types;

use regex::Regex;

use crate::text::{continues, is_wrapped, wrap_width, wrapped_onto};

pub use blocks::{blocks, Block, LineRef};
use lines::{Rules, RULES};
pub use types::{BoilerplateHit, BoilerplateKind, Confidence, Cues, LineClass};

/// Whether `line` carries on the line before: it goes on with a sentence
/// `prev` broke off (`fake emails intended to get a person to` ⏎ `click on
/// a link…`), or a wrapping tool moved it there (in a paragraph wrapped at
/// `width`, its first word would not have fitted on `prev`). A piece of
/// the paragraph's copy, not furniture of its own.
fn carried(prev: &str, line: &str, width: Option<usize>) -> bool {
    continues(prev, line) || width.is_some_and(|w| wrapped_onto(prev, line, w))
}

/// Whether a paragraph's lines say anything to the furniture judge: an
/// edit to it, or next to it, may change the furniture around it.
pub fn reads(hits: &[BoilerplateHit]) -> bool {
    hits.iter().any(BoilerplateHit::is_signal)
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
    /// on its own, for the lines that say something, in order. A
    /// hard-wrapped paragraph ([`is_wrapped`]) is read as one text: as one
    /// line when one of its lines reads as the whole does (`…Just click
    /// here, enter your email…` wrapped over three lines), else line
    /// by line for furniture under a line of copy, else as one line (a
    /// promo or a caption wrapped over two lines).
    pub fn scan(&self, lines: &[&str]) -> Vec<BoilerplateHit> {
        let mut out: Vec<BoilerplateHit> = Vec::new();
        let Some(rules) = RULES.as_ref() else {
            return out;
        };
        let mut buf = String::new();
        if is_wrapped(lines.iter().copied()) {
            self.scan_wrapped(rules, lines, &mut buf, &mut out);
            return out;
        }
        let width = wrap_width(lines);
        let mut i = 0;
        while i < lines.len() {
            // (A line that carries on the sentence of the line before is
            // no furniture: see `scan_wrapped`.)
            let carried = i > 0 && carried(lines[i - 1], lines[i], width);
            let Some(r) = (!carried)
                .then(|| self.read(rules, lines[i], &mut buf))
                .flatten()
            else {
                i += 1;
                continue;
            };
            // A line of furniture broken off mid-sentence takes the lines
            // that carry on its sentence (`Sign up to get an email from
            // reporter Ryan Grim when he publishes a new` / `story.`).
            let mut span = 1;
            while r.class.is_some()
                && i + span < lines.len()
                && continues(lines[i + span - 1], lines[i + span])
            {
                span += 1;
            }
            out.push(BoilerplateHit {
                line: i,
                class: r.class,
                link: r.link,
                cues: r.cues,
                span,
            });
            i += span;
        }
        out
    }

    fn scan_wrapped(
        &self,
        rules: &Rules,
        lines: &[&str],
        buf: &mut String,
        out: &mut Vec<BoilerplateHit>,
    ) {
        let joined = lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
        let whole = self.read(rules, &joined, buf).unwrap_or_default();
        let first = lines.first().copied().unwrap_or_default();
        let class_of =
            |line: &str, buf: &mut String| self.read(rules, line, buf).and_then(|r| r.class);
        // A piece of a wrapped text on its own is read for its shape only
        // (never for a date or a label: `until 6am. In an update posted…`).
        let shape_of = |line: &str, buf: &mut String| self.classify(rules, line, buf);
        let same = match whole.class {
            Some(_) => lines.iter().any(|line| whole.class == class_of(line, buf)),
            None => whole.link && rules.is_link_line(text::core(first)),
        };
        if same {
            out.push(BoilerplateHit {
                line: 0,
                class: whole.class,
                link: whole.link,
                cues: whole.cues,
                span: lines.len(),
            });
            return;
        }
        // Furniture under a line of copy; a piece of a wrapped text is no
        // link line, and its cues are the whole's.
        let width = wrap_width(lines);
        for (i, line) in lines.iter().enumerate() {
            // A line after one that breaks off mid-sentence carries on that
            // sentence (`fake emails intended to get a person to` / `click
            // on a link that would install malware`): no furniture.
            if i > 0 && carried(lines[i - 1], line, width) {
                continue;
            }
            if let Some(class) = shape_of(line, buf) {
                out.push(BoilerplateHit {
                    line: i,
                    class: Some(class),
                    link: false,
                    cues: Cues::NONE,
                    span: 1,
                });
            }
        }
        // No line is furniture on its own: the whole is what it reads as
        // (`Listen to HuffPost’s analysis of Thursday’s debate in the
        // podcast` / `embedded above. Subscribe here.`), or else its cues.
        if out.is_empty() && (whole.class.is_some() || !whole.cues.is_empty()) {
            out.push(BoilerplateHit {
                line: 0,
                class: whole.class,
                link: false,
                cues: whole.cues,
                span: lines.len(),
            });
        }
    }

    /// What a line is by its shape alone, with the configured patterns
    /// after the built-in shapes.
    fn classify(&self, rules: &Rules, line: &str, buf: &mut String) -> Option<LineClass> {
        rules.classify(line, buf).or_else(|| {
            let t = line.trim();
            self.extra
                .iter()
                .any(|x| x.is_match(t))
                .then_some(LineClass::Line(
                    BoilerplateKind::Custom,
                    Confidence::Certain,
                ))
        })
    }

    /// How a line reads, with the configured patterns after the built-in shapes.
    fn read(&self, rules: &Rules, line: &str, buf: &mut String) -> Option<read::Read> {
        let mut r = rules.read(line, buf);
        if r.as_ref().is_none_or(|r| r.class.is_none()) {
            let t = line.trim();
            if self.extra.iter().any(|x| x.is_match(t)) {
                let r = r.get_or_insert_with(read::Read::default);
                r.class = Some(LineClass::Line(
                    BoilerplateKind::Custom,
                    Confidence::Certain,
                ));
            }
        }
        r
    }
}
