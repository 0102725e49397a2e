//! `copydesk.toml` and the editor's `copydesk` settings section: one schema.
//!
//! ```toml
//! [rules.boilerplate]
//! enabled = true
//! severity = "warning"      # error | warning | information | hint
//!
//! [boilerplate]
//! patterns = ["^Sponsored by "]   # extra regexes; a matching line is furniture
//!
//! [placeholder]
//! patterns = ["\\bFIXME\\b"]       # extra regexes; each match is a placeholder
//!
//! [names]
//! canonical = ["Volodymyr Zelensky"]
//!
//! [limits]
//! max_file_mb = 64                # the command line refuses larger files
//!
//! [sources]
//! paths = ["transcripts/{stem}.txt"]   # quotes are checked against these files
//! ```
//!
//! The editor sends the same shape as JSON under the section `copydesk`.
//!
//! A configuration is all or nothing: one wrong value is a [`ConfigError`]
//! naming the file, line and key, never a quiet fall back to the defaults.
//! Patterns are vetted: at most [`MAX_PATTERNS`] a section, each within
//! [`PATTERN_SIZE_LIMIT`] once compiled, none matching an empty line or
//! every line (an empty pattern would make a whole article furniture).

mod error;
mod limits;
mod load;
mod locate;
mod settings;
mod validate;

#[cfg(test)]
mod tests;

use std::path::Path;

use error::{show_key, Step};
pub use error::{ConfigError, ConfigProblem};
pub use limits::{
    CONFIG_FILE, DEFAULT_MAX_FILE_MB, MAX_CONFIG_BYTES, MAX_FILE_MB_CEILING, MAX_PATTERNS,
    PATTERN_SIZE_LIMIT,
};
pub use settings::{
    Config, FileSettings, LimitSettings, NameSettings, Origin, PatternSettings, RuleSettings,
    Severity, SourceSettings,
};
pub use validate::compile_patterns;

impl Config {
    /// How the paragraphs of a document in `language` are found.
    pub fn paragraphing(&self, language: crate::analysis::Language) -> crate::text::Paragraphing {
        crate::text::Paragraphing::new(
            self.paragraphs,
            language == crate::analysis::Language::Markdown,
        )
    }

    /// The `[files]` globs, compiled (checked valid when the file was read).
    pub fn file_globs(&self) -> (globset::GlobSet, globset::GlobSet) {
        let build = |globs: &[String]| {
            let mut b = globset::GlobSetBuilder::new();
            for g in globs {
                if let Ok(g) = globset::Glob::new(g) {
                    b.add(g);
                }
            }
            b.build().unwrap_or_else(|_| globset::GlobSet::empty())
        };
        (build(&self.files.include), build(&self.files.exclude))
    }

    /// The folder of the file this configuration was read from (what
    /// `[sources] paths` are relative to); `None` for editor settings.
    pub fn folder(&self) -> Option<&Path> {
        self.origin.path.as_deref().and_then(Path::parent)
    }

    /// The largest file the command line reads, in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.limits.max_file_mb.unwrap_or(DEFAULT_MAX_FILE_MB) * 1024 * 1024
    }

    /// Whether a rule is switched on: as configured, else `default`.
    pub fn enabled_or(&self, rule: &str, default: bool) -> bool {
        self.rules
            .get(rule)
            .and_then(|r| r.enabled)
            .unwrap_or(default)
    }

    /// The severity of a rule: as configured, else `default`.
    pub fn severity_or(&self, rule: &str, default: Severity) -> Severity {
        self.rules
            .get(rule)
            .and_then(|r| r.severity)
            .unwrap_or(default)
    }

    /// An error for the first rule under `[rules]` that `is_rule` does not
    /// know, naming the file and line it came from; `known` lists the codes.
    pub fn check_rule_names(
        &self,
        is_rule: impl Fn(&str) -> bool,
        known: &str,
    ) -> Result<(), ConfigError> {
        match self.rules.keys().find(|r| !is_rule(r)) {
            None => Ok(()),
            Some(rule) => Err(ConfigError {
                path: self.origin.path.clone(),
                line: self.origin.rule_lines.get(rule).copied(),
                key: Some(show_key(&[
                    Step::Key("rules".to_string()),
                    Step::Key(rule.clone()),
                ])),
                problem: ConfigProblem::UnknownRule {
                    rule: rule.clone(),
                    known: known.to_string(),
                },
            }),
        }
    }
}
