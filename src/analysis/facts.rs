//! Step 1 of the engine: one paragraph's text turned into its
//! [`ParagraphFacts`] by the [`Scanner`], a pure function of the text and
//! the configuration.

use super::furniture::{BoilerplateHit, BoilerplateMatcher};
use super::ignore::directives::{self, IgnoreFacts};
use super::lines::{line_spans, LineSpan};
use super::markdown::syntax::{self, FenceLine};
use super::marks::QuoteKind;
use super::names::{scan_mentions, Mention};
use super::placeholder::{PlaceholderHit, PlaceholderMatcher};
use super::quotes::QuoteFacts;
use super::{pull_quote, quotes, sources};
use crate::config::{compile_patterns, Config};
use crate::lexicon::english::Tongue;
use crate::text::{LineShape, Scan};

/// Everything the engine needs to know about one paragraph's text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphFacts {
    /// Each line's content range, relative to the paragraph.
    pub lines: Vec<LineSpan>,
    /// How each line starts and ends (for wrapped sentences).
    pub shapes: Vec<LineShape>,
    /// Lines that read as web furniture, or as links, on their own.
    pub boilerplate: Vec<BoilerplateHit>,
    /// Desk placeholders.
    pub placeholders: Vec<PlaceholderHit>,
    /// Lines that open or close a Markdown code fence, or delimit front matter.
    pub fences: Vec<FenceLine>,
    /// HTML comment delimiters (`<!--` opens, `-->` closes): paragraph-relative
    /// byte offset of each, and whether it opens.
    pub comments: Vec<(usize, bool)>,
    /// Ignore comments (`<!-- copydesk-ignore … -->`) and whether the
    /// paragraph is nothing but comments.
    pub ignore: IgnoreFacts,
    /// References to people by name.
    pub mentions: Vec<Mention>,
    /// Quote marks, quotes, attribution cues and role phrases.
    pub quotes: QuoteFacts,
    /// Whether the paragraph reads in English ([`Tongue`]): copy in another
    /// language gets no name or quote findings ([`Article::is_foreign`](super::Article::is_foreign)).
    pub tongue: Tongue,
    /// Fingerprints of its sentences and quotes, for pull quotes.
    pub pull: pull_quote::PullFacts,
    /// The words of its quotes, to look for in the article's sources.
    pub said: Vec<sources::said::Said>,
}

/// Scans paragraphs. Built once per configuration.
#[derive(Debug)]
pub struct Scanner {
    boilerplate: BoilerplateMatcher,
    placeholder: PlaceholderMatcher,
}

impl Default for Scanner {
    fn default() -> Self {
        Self::new(&Config::default())
    }
}

impl Scanner {
    /// A scanner with the built-in patterns plus the configuration's (invalid
    /// extra patterns are skipped; [`Config::validate`] reports them).
    pub fn new(config: &Config) -> Self {
        let extra_bp =
            compile_patterns("boilerplate", &config.boilerplate.patterns).unwrap_or_default();
        let extra_ph =
            compile_patterns("placeholder", &config.placeholder.patterns).unwrap_or_default();
        Self {
            boilerplate: BoilerplateMatcher::new(extra_bp),
            placeholder: PlaceholderMatcher::new(extra_ph),
        }
    }

    /// The facts of one paragraph. Pure: same text, same facts.
    pub fn scan(&self, text: &str) -> ParagraphFacts {
        let lines = line_spans(text);
        let line_texts: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        let quotes = quotes::scan(text);
        let comments = syntax::comment_marks(text);
        let mut facts = ParagraphFacts {
            said: sources::said::scan(text, &quotes),
            ignore: directives::scan(text, &comments),
            shapes: line_texts.iter().map(|l| LineShape::of(l)).collect(),
            boilerplate: self.boilerplate.scan(&line_texts),
            placeholders: self.placeholder.scan(text),
            fences: syntax::fence_lines(&line_texts),
            comments,
            mentions: outside_titles(scan_mentions(text), &quotes),
            quotes,
            tongue: Tongue::of(text),
            pull: pull_quote::scan(text),
            lines,
        };
        facts.shrink();
        facts
    }
}

impl ParagraphFacts {
    /// Gives back the room the scanners' lists grew into and do not use:
    /// the facts of every paragraph are kept for as long as the document is
    /// open, and a list grown by doubling holds up to twice what it needs
    /// (a paragraph's one mention took the room of four).
    fn shrink(&mut self) {
        self.lines.shrink_to_fit();
        self.shapes.shrink_to_fit();
        self.boilerplate.shrink_to_fit();
        self.placeholders.shrink_to_fit();
        self.fences.shrink_to_fit();
        self.comments.shrink_to_fit();
        self.ignore.directives.shrink_to_fit();
        self.mentions.shrink_to_fit();
        self.pull.keys.shrink_to_fit();
        self.said.shrink_to_fit();
        let q = &mut self.quotes;
        q.spans.shrink_to_fit();
        q.issues.shrink_to_fit();
        q.cues.shrink_to_fit();
        q.quote_cues.shrink_to_fit();
        q.roles.shrink_to_fit();
        q.name_words.shrink_to_fit();
        q.subject_pronouns.shrink_to_fit();
        q.subject_roles.shrink_to_fit();
        q.subject_names.shrink_to_fit();
    }
}

/// The mentions that are no words of a quoted title (`“It Keeps You
/// Runnin’”`, `“Long Train Running”`): a song's or a show's title names no
/// one, and is spelled its own way.
fn outside_titles(mut mentions: Vec<Mention>, quotes: &QuoteFacts) -> Vec<Mention> {
    let titles: Vec<&std::ops::Range<usize>> = quotes
        .spans
        .iter()
        .filter(|q| q.kind == QuoteKind::Title)
        .map(|q| &q.content)
        .collect();
    if !titles.is_empty() {
        mentions.retain(|m| {
            !titles
                .iter()
                .any(|t| t.start <= m.name.start && m.name.end <= t.end)
        });
    }
    mentions
}

impl Scan<ParagraphFacts> for Scanner {
    fn scan(&self, text: &str) -> ParagraphFacts {
        Scanner::scan(self, text)
    }
}
