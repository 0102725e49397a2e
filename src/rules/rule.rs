//! What a rule is: its registry entry, what it is given to check with,
//! what it finds and how a finding is fixed.

use std::ops::Range;

use serde::Serialize;

use super::quotes::Shared;
use crate::analysis::sources::SourceSet;
use crate::analysis::{Article, ParagraphFacts, PersonId};
use crate::config::{Config, Severity};

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
    /// resolved within [`NEAR`](super::NEAR) paragraphs of it: redone in a window around
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
    /// As [`Scope::Words`], but the finding reads the words of its own
    /// paragraph only (and what the article pass resolved near it): after
    /// an edit that changes no other fact, redone only in the edited
    /// paragraphs. Such a rule makes no fix-all edits.
    OwnWords,
    /// A finding reads runs of paragraphs of any length (furniture blocks):
    /// redone over the whole article unless the edit is clear of every
    /// paragraph the rule reads ([`Rule::reads`]).
    Article,
}

impl Scope {
    /// Whether a finding of this scope reads the words of the paragraphs
    /// (redone around an edit that changes no other fact).
    pub fn reads_words(self) -> bool {
        matches!(self, Scope::Words | Scope::OwnWords)
    }

    /// Whether a finding of this scope belongs to a paragraph.
    pub fn by_paragraph(self) -> bool {
        matches!(self, Scope::Paragraph | Scope::Words | Scope::OwnWords)
    }
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
