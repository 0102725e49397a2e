//! The sections of the configuration (`[rules.<code>]`, `[boilerplate]`,
//! `[names]`, `[limits]`, `[sources]`, `[files]`) and [`Severity`].

use serde::{Deserialize, Serialize};

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
