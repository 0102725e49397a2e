//! How a document makes its paragraphs: by blank lines (Markdown, hard-wrapped
//! text) or one line each (Word and Google Docs plain-text exports, CMS
//! exports, wire feeds, copy pasted from a web form or an email).
//!
//! The layout is decided from the document's own line shapes
//! ([`LineStats`]): where most single line breaks fall mid-sentence (the next
//! line goes on in lower case), lines are hard-wrapped and a paragraph is a
//! run of non-blank lines; where single breaks outnumber blank lines and
//! almost none falls mid-sentence, every line is a paragraph. Markdown follows
//! CommonMark (a single line break is a soft break inside a paragraph). A
//! setting can force either layout.
//!
//! The line statistics are sums over lines and pairs of neighbouring lines,
//! so an edit updates them from the few lines around it
//! ([`LineStats::edited`]) and the decision costs nothing per keystroke.

use std::ops::Range;

use ropey::Rope;
use serde::{Deserialize, Serialize};

/// Which layout to use: decided from the text, or forced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LayoutSetting {
    #[default]
    Auto,
    /// A paragraph is a run of non-blank lines.
    BlankLine,
    /// Every non-blank line is a paragraph.
    Line,
}

/// How the paragraphs of one document are made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    /// Paragraphs are separated by blank lines; a single line break is a soft
    /// break inside a paragraph (Markdown, hard-wrapped text). In plain text a
    /// line too long to be hard-wrapped still ends its paragraph.
    BlankLine,
    /// Every non-blank line is a paragraph.
    Line,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::BlankLine => "blank-line",
            Layout::Line => "line",
        }
    }
}

/// What decides a document's layout: the setting and whether the document
/// is Markdown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Paragraphing {
    pub setting: LayoutSetting,
    pub markdown: bool,
}

impl Paragraphing {
    pub fn new(setting: LayoutSetting, markdown: bool) -> Self {
        Self { setting, markdown }
    }

    /// The layout for a document with these line statistics.
    pub fn decide(self, stats: &LineStats) -> Layout {
        match self.setting {
            LayoutSetting::BlankLine => Layout::BlankLine,
            LayoutSetting::Line => Layout::Line,
            LayoutSetting::Auto if self.markdown => Layout::BlankLine,
            LayoutSetting::Auto => {
                if stats.joined > 0 && stats.wrapped * 5 < stats.joined && stats.gaps < stats.joined
                {
                    Layout::Line
                } else {
                    Layout::BlankLine
                }
            }
        }
    }
}

impl Paragraphing {
    /// Why a document with these statistics gets the layout it gets, in one
    /// line for people (`copydesk check --explain-layout`).
    pub fn explain(self, stats: &LineStats) -> String {
        let layout = match self.decide(stats) {
            Layout::BlankLine => "paragraphs end at blank lines",
            Layout::Line => "every line is a paragraph",
        };
        let why = match self.setting {
            LayoutSetting::BlankLine | LayoutSetting::Line => {
                "set by `paragraphs` in the configuration".to_string()
            }
            LayoutSetting::Auto if self.markdown => "Markdown (CommonMark)".to_string(),
            LayoutSetting::Auto => format!(
                "detected: {} lines, {} line breaks between two lines ({} mid-sentence, as hard wrapping leaves them), {} blank-line gaps, {} lines over {LONG_LINE} characters",
                stats.lines, stats.joined, stats.wrapped, stats.gaps, stats.long
            ),
        };
        format!("{layout} ({why})")
    }
}

/// In plain text laid out by blank lines, a line longer than this (in
/// characters) cannot be part of a hard-wrapped paragraph: the line breaks
/// on either side of it end paragraphs.
pub const LONG_LINE: usize = 100;

/// Counts over a document's lines that decide its layout. Every count is a
/// sum over lines or over pairs of neighbouring lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineStats {
    /// Non-blank lines.
    pub lines: usize,
    /// Line breaks between two non-blank lines.
    pub joined: usize,
    /// Of those, the breaks that fall mid-sentence: the line before does not
    /// end a sentence and the next goes on in lower case.
    pub wrapped: usize,
    /// Non-blank lines followed by a blank line.
    pub gaps: usize,
    /// Non-blank lines longer than [`LONG_LINE`].
    pub long: usize,
}

impl LineStats {
    /// The statistics of a text made of whole lines.
    pub fn of(text: &str) -> Self {
        let mut stats = Self::default();
        let mut prev: Option<&str> = None;
        for line in lines(text) {
            let blank = is_blank(line);
            if !blank {
                stats.lines += 1;
                if line.chars().count() > LONG_LINE {
                    stats.long += 1;
                }
            }
            if let Some(p) = prev {
                match (is_blank(p), blank) {
                    (false, false) => {
                        stats.joined += 1;
                        if continues(p, line) {
                            stats.wrapped += 1;
                        }
                    }
                    (false, true) => stats.gaps += 1,
                    _ => {}
                }
            }
            prev = Some(line);
        }
        stats
    }

    /// The statistics of a whole rope.
    pub fn of_rope(rope: &Rope) -> Self {
        let text: std::borrow::Cow<'_, str> = rope.slice(..).into();
        Self::of(&text)
    }

    fn add(&mut self, other: &Self) {
        self.lines += other.lines;
        self.joined += other.joined;
        self.wrapped += other.wrapped;
        self.gaps += other.gaps;
        self.long += other.long;
    }

    fn sub(&mut self, other: &Self) {
        self.lines -= other.lines;
        self.joined -= other.joined;
        self.wrapped -= other.wrapped;
        self.gaps -= other.gaps;
        self.long -= other.long;
    }

    /// These statistics (of `old`) after the bytes `edit` of `old` were
    /// replaced, giving `new`: only the lines around the edit are read again.
    pub fn edited(&self, old: &Rope, new: &Rope, edit: Range<usize>, new_len: usize) -> Self {
        let (a, b_old) = window(old, edit.clone());
        let b_new = (b_old + new_len).saturating_sub(edit.len());
        let before: std::borrow::Cow<'_, str> = old.byte_slice(a..b_old).into();
        let after: std::borrow::Cow<'_, str> = new.byte_slice(a..b_new).into();
        let mut out = *self;
        out.sub(&Self::of(&before));
        out.add(&Self::of(&after));
        out
    }
}

/// The whole lines around the bytes `edit` of `rope`, two more on each side:
/// the lines just outside are the same text before and after the edit, so
/// the statistics change only within.
fn window(rope: &Rope, edit: Range<usize>) -> (usize, usize) {
    let lines = rope.len_lines();
    let first = rope.byte_to_line(edit.start).saturating_sub(2);
    let last = rope.byte_to_line(edit.end) + 2;
    let a = rope.line_to_byte(first);
    let b = if last + 1 < lines {
        rope.line_to_byte(last + 1)
    } else {
        rope.len_bytes()
    };
    (a, b)
}

/// A line holds only whitespace.
pub fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// The lines of a text without their terminators (`\n`, `\r\n`, `\r`). A
/// text ending in a terminator has no empty line after it.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    line_ranges(text).map(move |r| &text[r])
}

/// The content ranges of [`lines`].
pub fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let rel = memchr::memchr2(b'\n', b'\r', &bytes[at..]);
        match rel {
            None => {
                at = bytes.len();
                Some(start..bytes.len())
            }
            Some(i) => {
                let end = start + i;
                at = end + 1;
                if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    at += 1;
                }
                Some(start..end)
            }
        }
    })
}

/// Whether the break between `line` and `next` falls mid-sentence: `line`
/// does not end as a sentence, heading or list item ends, and `next` goes on
/// in lower case.
pub fn continues(line: &str, next: &str) -> bool {
    LineShape::of(line).continues_into(LineShape::of(next))
}

/// How a line starts and ends, as far as wrapping goes: a paragraph fact,
/// one per line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LineShape(u8);

impl LineShape {
    const ENDS: u8 = 1;
    const LOWER: u8 = 2;
    const INDENTED: u8 = 4;

    pub fn of(line: &str) -> Self {
        let last = line.trim_end().chars().next_back();
        let ends = matches!(
            last,
            Some('.' | '!' | '?' | '…' | ':' | ';' | '"' | '”' | '’' | '\'' | ')' | ']' | '»')
        );
        let lower = line
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        // Four spaces or a tab before words: a Markdown indented code line.
        let indented =
            (line.starts_with("    ") || line.starts_with('\t')) && !line.trim().is_empty();
        Self(
            if ends { Self::ENDS } else { 0 }
                | if lower { Self::LOWER } else { 0 }
                | if indented { Self::INDENTED } else { 0 },
        )
    }

    /// The line is indented by four spaces or a tab.
    pub fn indented(self) -> bool {
        self.0 & Self::INDENTED != 0
    }

    /// The line ends as a sentence, heading or list item ends.
    pub fn ends_sentence(self) -> bool {
        self.0 & Self::ENDS != 0
    }

    /// The line starts in lower case.
    pub fn starts_lower(self) -> bool {
        self.0 & Self::LOWER != 0
    }

    /// The break between this line and `next` falls mid-sentence.
    pub fn continues_into(self, next: Self) -> bool {
        !self.ends_sentence() && next.starts_lower()
    }
}

/// The width a paragraph's lines were wrapped to by a tool, when one of
/// its lines, filled to a width a wrapping tool leaves (see
/// [`is_wrapped`]), breaks off mid-sentence: after a comma or a dash, or
/// with the next line going on in lower case. Its widest line. (A stack of
/// headlines has no such break.)
pub fn wrap_width(lines: &[&str]) -> Option<usize> {
    let width = |l: &str| l.trim_end().chars().count();
    let soft = lines.windows(2).any(|w| {
        (WRAP_MIN..=LONG_LINE).contains(&width(w[0]))
            && (continues(w[0], w[1]) || w[0].trim_end().ends_with([',', '—', '–']))
    });
    soft.then(|| lines.iter().map(|l| width(l)).max().unwrap_or(0))
}

/// Whether the wrapping tool, not the writer, moved `line` off `prev` in a
/// paragraph wrapped at `width` ([`wrap_width`]): `prev` is filled to a
/// width a tool leaves and `line`'s first word would not have fitted on
/// it (`… poster (2015).` ⏎ `(Picture: Harbour Trust.)`).
pub fn wrapped_onto(prev: &str, line: &str, width: usize) -> bool {
    let prev = prev.trim_end().chars().count();
    let word = line
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    prev >= WRAP_MIN && prev + 1 + word > width
}

/// Lines shorter than this (in characters) end where the writer ended them:
/// a hard-wrapping tool fills lines to well past it.
pub const WRAP_MIN: usize = 40;

/// Whether a paragraph's lines are one text hard-wrapped: two or more lines,
/// each but the last filled to a width a wrapping tool leaves (at least
/// [`WRAP_MIN`], at most [`LONG_LINE`] characters), and most of them
/// breaking off mid-sentence (not after a full stop, question or
/// exclamation mark). A stack of short lines (a link block, share buttons, a
/// headline over a byline), or of whole sentences, is not.
pub fn is_wrapped<'a>(lines: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut breaks, mut soft) = (0, 0);
    let mut prev: Option<&str> = None;
    for line in lines.into_iter().filter(|l| !is_blank(l)) {
        if let Some(p) = prev {
            let p = p.trim_end();
            if !(WRAP_MIN..=LONG_LINE).contains(&p.chars().count()) {
                return false;
            }
            breaks += 1;
            let closed = p.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
            if !closed.ends_with(['.', '!', '?', '…']) {
                soft += 1;
            }
        }
        prev = Some(line);
    }
    breaks >= 1 && soft * 2 > breaks
}

/// Whether `line` is too long to be part of a hard-wrapped paragraph.
pub fn is_long(line: &str) -> bool {
    // Bytes first: most lines are short, and a line of at most LONG_LINE
    // bytes has at most that many characters.
    line.len() > LONG_LINE && line.chars().count() > LONG_LINE
}

/// Whether a Markdown line starts a block of its own (CommonMark: an ATX
/// heading, a list item, a block quote, a thematic break), so that the
/// paragraph before it ends.
pub fn starts_markdown_block(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let rest = &line[indent..];
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && matches!(rest.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
    {
        return true;
    }
    if rest.starts_with('>') {
        return true;
    }
    let mut chars = rest.chars();
    match chars.next() {
        Some('-' | '*' | '+') => {
            let next = chars.next();
            if matches!(next, Some(' ' | '\t')) {
                return true;
            }
            // `---`, `***`: a thematic break.
            let marker = rest.as_bytes()[0];
            let plain: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
            plain.len() >= 3 && plain.bytes().all(|b| b == marker)
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            digits <= 9
                && matches!(rest.as_bytes().get(digits), Some(b'.' | b')'))
                && matches!(rest.as_bytes().get(digits + 1), None | Some(b' ' | b'\t'))
        }
        _ => false,
    }
}

/// Whether a Markdown line is a heading (ATX), which is a block of one line.
pub fn is_markdown_heading(line: &str) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let rest = &line[indent..];
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && matches!(rest.as_bytes().get(hashes), None | Some(b' ' | b'\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Layout {
        Paragraphing::default().decide(&LineStats::of(text))
    }

    #[test]
    fn one_line_per_paragraph_is_read_as_such() {
        let text = "Council approves budget\r\nBy Jo Hart\r\nThe council voted 7-2 on Tuesday to approve the budget.\r\n“We had no choice,” said Cllr Amira Haddad.\r\nThe vote followed a long debate.\r\n";
        assert_eq!(layout(text), Layout::Line);
    }

    #[test]
    fn hard_wrapped_copy_keeps_its_paragraphs() {
        let text = "The council voted on Tuesday to approve a budget that\nwill raise council tax by 4.99 per cent, the highest rise\nallowed without a referendum.\n\n“We had no choice,” said Cllr Amira Haddad, who leads\nthe council. “The alternative was closing libraries.”\n";
        assert_eq!(layout(text), Layout::BlankLine);
    }

    #[test]
    fn blank_lines_between_paragraphs_and_markdown_are_blank_line_layouts() {
        assert_eq!(layout("One.\n\nTwo.\n\nThree.\n"), Layout::BlankLine);
        let md = Paragraphing::new(LayoutSetting::Auto, true);
        assert_eq!(
            md.decide(&LineStats::of("One.\nTwo.\nThree.\n")),
            Layout::BlankLine
        );
        let forced = Paragraphing::new(LayoutSetting::Line, true);
        assert_eq!(
            forced.decide(&LineStats::of("One.\n\nTwo.\n")),
            Layout::Line
        );
    }

    #[test]
    fn edited_statistics_equal_statistics_from_scratch() {
        let text = "Headline here\r\nBy Jo Hart\r\n\r\nFirst par goes on and\nwraps here.\rSecond.\n\nLast line";
        let old = Rope::from_str(text);
        for start in 0..text.len() {
            if !text.is_char_boundary(start) {
                continue;
            }
            for end in start..(start + 6).min(text.len()) {
                if !text.is_char_boundary(end) {
                    continue;
                }
                for insert in ["", "\n", "\r", "\r\n\r\n", "x", "\nnew line\n"] {
                    let mut new_text = text.to_string();
                    new_text.replace_range(start..end, insert);
                    let new = Rope::from_str(&new_text);
                    let got = LineStats::of(text).edited(&old, &new, start..end, insert.len());
                    assert_eq!(
                        got,
                        LineStats::of(&new_text),
                        "replacing {start}..{end} by {insert:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn wrapped_paragraphs_and_stacks_of_lines() {
        assert!(is_wrapped([
            "Have you been affected by the flooding? Get in touch:",
            "newsdesk@denbygazette.example",
        ]));
        assert!(!is_wrapped([
            "Share on Facebook",
            "Share on X",
            "Share via email"
        ]));
        assert!(!is_wrapped([
            "WASHINGTON — The Senate passed the bill late Tuesday night.",
            "ADVERTISEMENT",
            "The vote was 52 to 48.",
        ]));
        assert!(!is_wrapped([
            "One line only, however long it happens to be."
        ]));
    }

    #[test]
    fn markdown_blocks_that_interrupt_a_paragraph() {
        for line in [
            "# Heading",
            "## Sub",
            "- item",
            "* item",
            "1. item",
            "> quote",
            "---",
        ] {
            assert!(starts_markdown_block(line), "{line}");
        }
        for line in [
            "#hashtag",
            "-5 degrees",
            "2024 was",
            "    - code",
            "Mr. Smith",
        ] {
            assert!(!starts_markdown_block(line), "{line}");
        }
    }
}
