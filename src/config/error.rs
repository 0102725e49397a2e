//! What is wrong with a configuration, and where: [`ConfigError`] (the
//! file, line and key) and [`ConfigProblem`], and the key paths validation
//! finds problems at.

use std::path::{Path, PathBuf};

use thiserror::Error;

/// A configuration that cannot be used, and where: the file (none for the
/// editor's settings), the line when known, and the setting's key
/// (`rules.boilerplate.enabled`, `boilerplate.patterns[2]`) when known.
///
/// Shown as `copydesk.toml:6: `placeholder.patterns`: invalid type: …`.
#[derive(Debug, Error)]
#[error("{}{problem}", self.place())]
pub struct ConfigError {
    /// The file, or `None` for the editor's `copydesk` settings.
    pub path: Option<PathBuf>,
    /// 1-based line in the file.
    pub line: Option<usize>,
    /// The setting's key, dotted, with `[i]` for an array element.
    pub key: Option<String>,
    /// What is wrong.
    pub problem: ConfigProblem,
}

/// What is wrong with a configuration.
#[derive(Debug, Error)]
pub enum ConfigProblem {
    #[error("cannot read the file: {0}")]
    Read(#[source] std::io::Error),
    /// Not TOML (JSON), or a value of the wrong type or an unknown key.
    #[error("{0}")]
    Invalid(String),
    #[error("unknown rule `{rule}` (known rules: {known})")]
    UnknownRule { rule: String, known: String },
    #[error(
        "`{pattern}` is not a valid regular expression: {}",
        regex_message(source)
    )]
    BadPattern {
        pattern: String,
        #[source]
        source: Box<regex::Error>,
    },
    #[error("the empty pattern matches every line; remove it")]
    EmptyPattern,
    #[error("`{pattern}` matches every line (it matches an empty line, or lines of every shape)")]
    MatchesEverything { pattern: String },
    #[error("`{pattern}` is too large once compiled (over {} KiB); use fewer repetitions, or ASCII classes such as [A-Za-z] rather than \\w", limit / 1024)]
    PatternTooBig { pattern: String, limit: usize },
    #[error("{count} patterns, more than the {max} a section may hold")]
    TooManyPatterns { count: usize, max: usize },
    #[error("{0}")]
    BadValue(String),
}

/// The last line of a regex error (the first ones repeat the pattern).
fn regex_message(e: &regex::Error) -> String {
    let text = e.to_string();
    let last = text
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    last.trim().trim_start_matches("error: ").to_string()
}

impl ConfigError {
    fn place(&self) -> String {
        let mut out = match &self.path {
            Some(p) => p.display().to_string(),
            None => "settings `copydesk`".to_string(),
        };
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        if let Some(key) = &self.key {
            out.push_str(&format!(": `{key}`"));
        }
        out.push_str(": ");
        out
    }

    /// A problem with a file as a whole (it cannot be read).
    pub fn read(path: &Path, source: std::io::Error) -> Self {
        Self {
            path: Some(path.to_path_buf()),
            line: None,
            key: None,
            problem: ConfigProblem::Read(source),
        }
    }
}

/// One step of a key path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Step {
    Key(String),
    Index(usize),
}

/// A key path as shown: `rules.boilerplate.enabled`, `boilerplate.patterns[2]`.
pub(super) fn show_key(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                let bare = !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if bare {
                    out.push_str(k);
                } else {
                    out.push_str(&format!("{k:?}"));
                }
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// A problem found by validation, at a key path.
pub(super) struct Invalid {
    pub(super) path: Vec<Step>,
    pub(super) problem: ConfigProblem,
}

impl Invalid {
    pub(super) fn at(path: &[&str], problem: ConfigProblem) -> Self {
        Self {
            path: path.iter().map(|k| Step::Key((*k).to_string())).collect(),
            problem,
        }
    }

    pub(super) fn index(mut self, i: usize) -> Self {
        self.path.push(Step::Index(i));
        self
    }

    pub(super) fn into_error(self) -> ConfigError {
        ConfigError {
            path: None,
            line: None,
            key: Some(show_key(&self.path)),
            problem: self.problem,
        }
    }
}
