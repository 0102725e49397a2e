//! The configuration ([`Config`]), its sections (`[rules.<code>]`,
//! `[boilerplate]`, `[names]`, `[limits]`, `[sources]`, `[files]`) and
//! [`Severity`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::text::LayoutSetting;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    #[serde(alias = "info")]
    Information,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// Switch and severity for one rule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSettings {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
}

/// Extra patterns for a pattern-driven rule.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSettings {
    #[serde(default)]
    pub patterns: Vec<String>,
}

/// The newsroom style book for names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameSettings {
    #[serde(default)]
    pub canonical: Vec<String>,
}

/// Limits on what the command line reads.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitSettings {
    /// Files larger than this many MiB are refused (default
    /// [`DEFAULT_MAX_FILE_MB`](super::DEFAULT_MAX_FILE_MB), at most [`MAX_FILE_MB_CEILING`](super::MAX_FILE_MB_CEILING)).
    pub max_file_mb: Option<u64>,
}

/// The files quotes are checked against (see `crate::sources`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSettings {
    /// Files for every article, relative to the configuration's folder;
    /// `{stem}` stands for the article's file name without its extension.
    #[serde(default)]
    pub paths: Vec<String>,
}

/// Which files a folder walk checks (the command line's `check FOLDER` and
/// `fix FOLDER`): globs matched against a file's path inside the folder
/// walked, with `/` between folders (`drafts/**`, `**/*.notes.md`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    /// When not empty, only files matching one of these are checked.
    #[serde(default)]
    pub include: Vec<String>,
    /// Files matching one of these are skipped.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// Where a configuration came from, to name it in errors found after it was
/// parsed: its file, and the line of each `[rules.<code>]` key. Not part of
/// the settings: two configurations of the same settings are equal wherever
/// they came from.
#[derive(Clone, Debug, Default)]
pub struct Origin {
    pub(super) path: Option<PathBuf>,
    pub(super) rule_lines: BTreeMap<String, usize>,
}

impl PartialEq for Origin {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Origin {}

/// The whole configuration. It knows no rule: the rule names under
/// `[rules]` are checked against the registry by the engine
/// (`crate::checks::validate`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSettings>,
    #[serde(default)]
    pub boilerplate: PatternSettings,
    #[serde(default)]
    pub placeholder: PatternSettings,
    #[serde(default)]
    pub names: NameSettings,
    #[serde(default)]
    pub limits: LimitSettings,
    #[serde(default)]
    pub sources: SourceSettings,
    #[serde(default)]
    pub files: FileSettings,
    /// How paragraphs are found: `auto` (from the copy's own line shapes),
    /// `blank-line` or `line` (every line a paragraph).
    #[serde(default)]
    pub paragraphs: LayoutSetting,
    #[serde(skip)]
    pub(super) origin: Origin,
}
