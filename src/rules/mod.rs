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
mod rule;
pub mod sources;
pub mod unattributed_quote;
pub mod unbalanced_quote;
pub mod unused_ignore;

use crate::config::{Config, Severity};

pub use quotes::{families, needs_speaker, no_speaker_label, Shared, NEAR};
pub use rule::{Cx, Edit, Finding, Fix, Part, Rule, RuleInfo, Scope, Setting, SettingKind};

/// The codes of the rules that read the sources.
pub const SOURCE_CODES: &[&str] = &[
    quote_not_in_source::CODE,
    quote_altered::CODE,
    quote_omission::CODE,
    quote_speaker_mismatch::CODE,
];

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
    use crate::analysis::sources::SourceSet;

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
            if info.scope.reads_words() {
                // Its fix-all edits would not be redone with its findings.
                let text = info.bad;
                // The source rules' examples are checked against their source.
                let sources = if SOURCE_CODES.contains(&info.code) {
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
                if SOURCE_CODES.contains(&info.code) {
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
                            .all(|f| !SOURCE_CODES.contains(&f.code)),
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
