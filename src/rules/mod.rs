//! Rules: one file per rule, and the registry that lists them.
//!
//! A rule is one unit, as in ruff: its file holds its code, default severity,
//! a one-line summary, an explanation with a bad and a good example, its
//! settings, its scope and its check. Everything else that names rules —
//! the SARIF descriptors, `copydesk rules` and `copydesk explain`, the VS
//! Code settings, the JSON Schema of `copydesk.toml` and the README's rule
//! table — is generated from [`REGISTRY`] (see [`docs`]).
//!
//! A rule reads the article model (`crate::analysis::Article`) and writes
//! [`Finding`]s: a code, a severity, a byte range, a message naming the fix
//! and the fixes as byte-range edits. Nothing here knows what a diagnostic
//! or a line number is.
//!
//! Adding a rule: write `src/rules/<code>.rs` with its [`RuleInfo`] and a
//! [`Rule`] implementation, and add it to [`REGISTRY`]. Its fixtures go in
//! `tests/rules/<code>/`.

pub mod boilerplate;
pub mod docs;
pub mod first_reference;
pub mod name_variant;
pub mod not_english;
mod people;
pub mod placeholder;
pub mod pull_quote;
pub mod quote_altered;
pub mod quote_marks;
pub mod quote_not_in_source;
pub mod quote_omission;
pub mod quote_speaker_mismatch;
pub mod quote_style;
mod quotes;
pub mod sources;
pub mod unattributed_quote;
pub mod unbalanced_quote;
pub mod unused_ignore;

use std::ops::Range;

use serde::Serialize;

use crate::analysis::sources::SourceSet;
use crate::analysis::{Article, ParagraphFacts, PersonId};
use crate::config::{Config, Severity};

pub use quotes::{families, needs_speaker, Shared, NEAR};

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

/// What a rule found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub range: Range<usize>,
    pub message: String,
    pub fixes: Vec<Fix>,
}

/// What a rule's findings depend on, which decides what an edit makes the
/// engine redo (`crate::checks::Pass::update`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// A finding belongs to a paragraph and reads what the article pass
    /// resolved within [`NEAR`] paragraphs of it: redone in a window around
    /// the paragraphs an edit changed.
    Paragraph,
    /// A finding belongs to a person: redone for the people an edit named
    /// or regrouped.
    Person,
    /// As [`Scope::Paragraph`], but the finding reads the words of the
    /// paragraphs near it (their fingerprints, which an edit that changes no
    /// other fact may change): redone around every edited paragraph, even
    /// when the rest of the pass is reused. Such a rule makes no fix-all
    /// edits.
    Words,
    /// A finding reads runs of paragraphs of any length (furniture blocks):
    /// redone over the whole article unless the edit is clear of every
    /// paragraph the rule reads ([`Rule::reads`]).
    Article,
}

/// The type of a rule's setting, for the JSON Schema and the docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SettingKind {
    /// A list of regular expressions.
    Patterns,
    /// A list of names.
    Names,
    /// A list of file paths.
    Paths,
}

/// A setting a rule reads from `copydesk.toml` (and the editor's settings).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Setting {
    /// The key, dotted from the top of `copydesk.toml` (`boilerplate.patterns`).
    pub key: &'static str,
    pub kind: SettingKind,
    pub description: &'static str,
}

/// What the registry knows of a rule.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct RuleInfo {
    pub code: &'static str,
    pub severity: Severity,
    /// Whether the rule runs unless the configuration turns it off.
    pub enabled: bool,
    pub scope: Scope,
    /// One line: what it finds.
    pub summary: &'static str,
    /// Why it matters and how it decides, in a paragraph or two (Markdown).
    pub explanation: &'static str,
    /// Copy the rule flags, and the same copy as the desk would fix it.
    pub bad: &'static str,
    pub good: &'static str,
    /// The settings it reads besides `rules.<code>.enabled` and `.severity`.
    pub settings: &'static [Setting],
}

/// Where the engine asks a rule to look.
#[derive(Clone, Copy, Debug)]
pub enum Part<'p> {
    /// The whole article.
    All,
    /// The findings that belong to these paragraphs ([`Scope::Paragraph`]).
    Paragraphs(&'p Range<usize>),
    /// The findings of these people ([`Scope::Person`]).
    People(&'p [PersonId]),
}

/// What a rule is given to check with.
pub struct Cx<'c, 'a> {
    pub article: &'c Article<'a>,
    pub config: &'c Config,
    /// The rule's severity, as configured.
    pub severity: Severity,
    /// What the quote rules read from the whole article.
    pub shared: &'c Shared,
    /// The article's sources (none for most articles).
    pub sources: &'c SourceSet,
}

/// A rule.
pub trait Rule: Sync {
    fn info(&self) -> &'static RuleInfo;

    /// The findings in `part` of the article (for a [`Scope::Article`] rule,
    /// always all of it).
    fn check(&self, cx: &Cx<'_, '_>, part: Part<'_>, out: &mut Vec<Finding>);

    /// The edits `copydesk fix` and the fix-all action make without asking.
    fn fix_all(&self, _cx: &Cx<'_, '_>) -> Vec<Edit> {
        Vec::new()
    }

    /// For a [`Scope::Article`] rule: whether the rule reads this paragraph,
    /// so that an edit to it (or next to it) may change the findings.
    fn reads(&self, _facts: &ParagraphFacts) -> bool {
        true
    }
}

/// Every rule copydesk knows, in the order of the docs.
pub static REGISTRY: &[&dyn Rule] = &[
    &unattributed_quote::UnattributedQuote,
    &unbalanced_quote::UnbalancedQuote,
    &quote_marks::QuoteMarks,
    &quote_style::QuoteStyle,
    &name_variant::NameVariant,
    &first_reference::FirstReference,
    &not_english::NotEnglish,
    &boilerplate::Boilerplate,
    &placeholder::Placeholder,
    &pull_quote::PullQuote,
    &quote_not_in_source::QuoteNotInSource,
    &quote_altered::QuoteAltered,
    &quote_omission::QuoteOmission,
    &quote_speaker_mismatch::QuoteSpeakerMismatch,
    &unused_ignore::UnusedIgnore,
];

/// The rule with this code.
pub fn find(code: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.info().code == code)
}

/// The codes of every rule.
pub fn codes() -> impl Iterator<Item = &'static str> {
    REGISTRY.iter().map(|r| r.info().code)
}

/// Whether a rule runs under this configuration.
pub fn enabled(config: &Config, info: &RuleInfo) -> bool {
    config.enabled_or(info.code, info.enabled)
}

/// A rule's severity under this configuration.
pub fn severity(config: &Config, info: &RuleInfo) -> Severity {
    config.severity_or(info.code, info.severity)
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

/// The findings of rule `code` on `text` (plain text, default settings): for
/// the rules' unit tests.
#[cfg(test)]
pub(crate) fn findings_of(text: &str, code: &str) -> Vec<Finding> {
    crate::checks::check_text(
        text,
        crate::analysis::Language::PlainText,
        &crate::config::Config::default(),
    )
    .findings
    .into_iter()
    .filter(|f| f.code == code)
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example_sources() -> SourceSet {
        SourceSet::new(vec![std::sync::Arc::new(
            crate::analysis::sources::SourceFile::new(
                "council.txt".to_string(),
                "council.txt".into(),
                sources::EXAMPLE_SOURCE.to_string(),
            ),
        )])
    }

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for rule in REGISTRY {
            let info = rule.info();
            assert!(seen.insert(info.code), "{} twice", info.code);
            assert!(
                info.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                info.code
            );
            assert!(!info.summary.is_empty() && !info.summary.ends_with('.'));
            assert!(info.explanation.len() > 80, "{}", info.code);
            assert_ne!(info.bad, info.good, "{}", info.code);
            if info.scope == Scope::Words {
                // Its fix-all edits would not be redone with its findings.
                let text = info.bad;
                // The source rules' examples are checked against their source.
                let sources = if sources::CODES.contains(&info.code) {
                    example_sources()
                } else {
                    SourceSet::default()
                };
                let checked = crate::checks::check_text_with(
                    text,
                    crate::analysis::Language::PlainText,
                    &Config::default(),
                    std::sync::Arc::new(sources),
                    crate::checks::ignores::Ignoring::Obey,
                );
                if sources::CODES.contains(&info.code) {
                    let good = crate::checks::check_text_with(
                        info.good,
                        crate::analysis::Language::PlainText,
                        &Config::default(),
                        std::sync::Arc::new(example_sources()),
                        crate::checks::ignores::Ignoring::Obey,
                    );
                    assert!(
                        good.findings
                            .iter()
                            .all(|f| !sources::CODES.contains(&f.code)),
                        "{}: the good example passes: {:?}",
                        info.code,
                        good.findings
                    );
                }
                assert!(
                    checked.findings.iter().any(|f| f.code == info.code),
                    "{}: the bad example is flagged",
                    info.code
                );
                assert!(checked
                    .findings
                    .iter()
                    .filter(|f| f.code == info.code)
                    .all(|f| f.fixes.iter().all(|x| !x.safe)));
            }
            assert!(find(info.code).is_some());
        }
    }
}
