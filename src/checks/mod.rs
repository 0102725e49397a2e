//! Checks: one module per rule, turning the article model into findings.
//!
//! A finding is a code, a severity, a byte range into the document, a
//! one-line message naming the fix, and the fixes themselves as byte-range
//! edits. Nothing here knows what a diagnostic or a line number is.

pub mod boilerplate;
pub mod names;
pub mod placeholder;
pub mod quotes;

use std::ops::Range;

use crate::analysis::{Article, ArticleParts, Language, ParagraphFacts, Reused, Scanner};
use crate::config::{Config, Severity};
use crate::text::{Diff, Document, Paragraph, Splice};

/// Replace `range` (bytes of the current text) with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub range: Range<usize>,
    pub new_text: String,
}

/// One way to fix a finding. `safe` fixes are applied by `copydesk fix` and
/// the fix-all action without asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    pub safe: bool,
}

/// What a check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub range: Range<usize>,
    pub message: String,
    pub fixes: Vec<Fix>,
}

/// Runs every enabled check. Findings come ordered by position, then code.
pub fn run(article: &Article<'_>, config: &Config) -> Vec<Finding> {
    let mut out = Vec::new();
    if config.enabled(boilerplate::CODE) {
        boilerplate::check(article, config.severity(boilerplate::CODE), &mut out);
    }
    if config.enabled(placeholder::CODE) {
        placeholder::check(article, config.severity(placeholder::CODE), &mut out);
    }
    if config.enabled(names::VARIANT) {
        names::check_variants(article, config.severity(names::VARIANT), &mut out);
    }
    if config.enabled(names::FIRST_REFERENCE) {
        names::check_first_reference(article, config.severity(names::FIRST_REFERENCE), &mut out);
    }
    quotes::check(article, config, &mut out);
    out.sort_by(|a, b| {
        (a.range.start, a.range.end, a.code).cmp(&(b.range.start, b.range.end, b.code))
    });
    out
}

/// The edits of every safe fix, merged so they can be applied together:
/// sorted, non-overlapping.
pub fn safe_edits(article: &Article<'_>, config: &Config) -> Vec<Edit> {
    if config.enabled(boilerplate::CODE) {
        boilerplate::remove_all(article)
    } else {
        Vec::new()
    }
}

/// Applies sorted, non-overlapping edits to a text.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        debug_assert!(e.range.start >= at, "edits must be sorted and disjoint");
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.new_text);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// A whole text checked from scratch: the document, its findings and the
/// merged safe edits. What the command line uses.
pub struct Checked {
    pub document: Document<ParagraphFacts>,
    pub findings: Vec<Finding>,
    pub safe_edits: Vec<Edit>,
}

/// Checks a text from scratch.
pub fn check_text(text: &str, language: Language, config: &Config) -> Checked {
    let scanner = Scanner::new(config);
    let document = Document::new(text, 0, &scanner);
    let article = Article::with_style_book(
        document.index().paragraphs(),
        language,
        &config.names.canonical,
    );
    let findings = run(&article, config);
    let safe_edits = safe_edits(&article, config);
    Checked {
        document,
        findings,
        safe_edits,
    }
}

/// The analysis of one version of a document: the article pass, its findings
/// and the fix-all edits. Built from scratch, or from the pass of an earlier
/// version ([`Pass::update`]) with the same result.
#[derive(Clone, Debug)]
pub struct Pass {
    pub parts: ArticleParts,
    pub findings: Vec<Finding>,
    pub safe_edits: Vec<Edit>,
}

impl Pass {
    /// Analyses `paragraphs` from scratch.
    pub fn new(
        paragraphs: &[Paragraph<ParagraphFacts>],
        language: Language,
        config: &Config,
    ) -> Self {
        let article = Article::with_style_book(paragraphs, language, &config.names.canonical);
        Self::of(&article, config)
    }

    fn of(article: &Article<'_>, config: &Config) -> Self {
        Self {
            findings: run(article, config),
            safe_edits: safe_edits(article, config),
            parts: article.parts(),
        }
    }

    /// Analyses `paragraphs`, reusing this pass, made with the same language
    /// and configuration over `earlier`, whose text the edits `diff`
    /// describes turned into theirs. When no fact changed, findings are the earlier ones moved by
    /// the splice, and the cost does not grow with the document.
    pub fn update(
        self,
        earlier: &[Paragraph<ParagraphFacts>],
        paragraphs: &[Paragraph<ParagraphFacts>],
        diff: &Diff,
        language: Language,
        config: &Config,
    ) -> (Self, Reused) {
        let splice = &diff.splice;
        let Pass {
            parts,
            mut findings,
            mut safe_edits,
        } = self;
        let (parts, reused) =
            parts.update(earlier, paragraphs, diff, language, &config.names.canonical);
        if reused == Reused::Everything
            && move_findings(&mut findings, splice)
            && move_edits(&mut safe_edits, splice)
        {
            let pass = Self {
                parts,
                findings,
                safe_edits,
            };
            return (pass, reused);
        }
        let article = Article::from_parts(paragraphs, language, parts);
        (Self::of(&article, config), reused)
    }

    /// The article model of this pass over the paragraphs it was made for.
    pub fn article<'a>(
        &self,
        paragraphs: &'a [Paragraph<ParagraphFacts>],
        language: Language,
    ) -> Article<'a> {
        Article::from_parts(paragraphs, language, self.parts.clone())
    }
}

/// Moves findings (and their fixes) by `splice`; `false` if a range falls inside it.
fn move_findings(findings: &mut [Finding], splice: &Splice) -> bool {
    findings.iter_mut().all(|f| {
        splice.move_range(&mut f.range)
            && f.fixes.iter_mut().all(|x| move_edits(&mut x.edits, splice))
    })
}

fn move_edits(edits: &mut [Edit], splice: &Splice) -> bool {
    edits.iter_mut().all(|e| splice.move_range(&mut e.range))
}
