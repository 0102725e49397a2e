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
//! ```
//!
//! The editor sends the same shape as JSON under the section `copydesk`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text::LayoutSetting;

/// The file name looked for at a workspace root.
pub const CONFIG_FILE: &str = "copydesk.toml";

/// Every rule code copydesk knows, with its default severity.
pub const RULES: &[(&str, Severity)] = &[
    ("boilerplate", Severity::Warning),
    ("placeholder", Severity::Error),
    ("unattributed-quote", Severity::Warning),
    ("unbalanced-quote", Severity::Error),
    ("quote-marks", Severity::Information),
    ("name-variant", Severity::Warning),
    ("first-reference", Severity::Information),
];

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

/// A malformed configuration. The defaults stay in force when one is reported.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Toml {
        path: PathBuf,
        source: Box<toml::de::Error>,
    },
    #[error("settings `copydesk`: {0}")]
    Json(#[from] serde_json::Error),
    #[error("unknown rule `{rule}` (known rules: {known})")]
    UnknownRule { rule: String, known: String },
    #[error("`{section}.patterns`: `{pattern}` is not a valid regular expression: {source}")]
    BadPattern {
        section: &'static str,
        pattern: String,
        source: Box<regex::Error>,
    },
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

/// The whole configuration.
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
    /// How paragraphs are found: `auto` (from the copy's own line shapes),
    /// `blank-line` or `line` (every line a paragraph).
    #[serde(default)]
    pub paragraphs: LayoutSetting,
}

impl Config {
    /// How the paragraphs of a document in `language` are found.
    pub fn paragraphing(&self, language: crate::analysis::Language) -> crate::text::Paragraphing {
        crate::text::Paragraphing::new(
            self.paragraphs,
            language == crate::analysis::Language::Markdown,
        )
    }

    /// Parses and validates TOML; `path` is only used in messages.
    pub fn from_toml(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Toml {
            path: path.to_path_buf(),
            source: Box::new(e),
        })?;
        config.validate()?;
        Ok(config)
    }

    /// Reads, parses and validates a TOML file.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read {
            path: path.to_path_buf(),
            source: e,
        })?;
        Self::from_toml(&text, path)
    }

    /// Parses and validates the editor's `copydesk` settings section. `null`
    /// (no settings) gives the defaults.
    pub fn from_json(value: serde_json::Value) -> Result<Self, ConfigError> {
        if value.is_null() {
            return Ok(Self::default());
        }
        let config: Config = serde_json::from_value(value)?;
        config.validate()?;
        Ok(config)
    }

    /// The configuration file for a folder: `copydesk.toml` in it or the
    /// nearest ancestor that has one.
    pub fn find_file(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|d| d.join(CONFIG_FILE))
            .find(|p| p.is_file())
    }

    /// Checks rule names and compiles the patterns.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for rule in self.rules.keys() {
            if !RULES.iter().any(|(code, _)| code == rule) {
                let known = RULES.iter().map(|(c, _)| *c).collect::<Vec<_>>().join(", ");
                return Err(ConfigError::UnknownRule {
                    rule: rule.clone(),
                    known,
                });
            }
        }
        compile_patterns("boilerplate", &self.boilerplate.patterns)?;
        compile_patterns("placeholder", &self.placeholder.patterns)?;
        Ok(())
    }

    /// This configuration with `overlay` laid over it: the overlay's rule
    /// settings win key by key, its patterns and names are added.
    pub fn merged(&self, overlay: &Config) -> Config {
        let mut out = self.clone();
        for (rule, settings) in &overlay.rules {
            let entry = out.rules.entry(rule.clone()).or_default();
            if settings.enabled.is_some() {
                entry.enabled = settings.enabled;
            }
            if settings.severity.is_some() {
                entry.severity = settings.severity;
            }
        }
        let add = |to: &mut Vec<String>, from: &[String]| {
            for item in from {
                if !to.contains(item) {
                    to.push(item.clone());
                }
            }
        };
        add(&mut out.boilerplate.patterns, &overlay.boilerplate.patterns);
        add(&mut out.placeholder.patterns, &overlay.placeholder.patterns);
        add(&mut out.names.canonical, &overlay.names.canonical);
        out
    }

    /// Whether a rule is switched on (all are by default).
    pub fn enabled(&self, rule: &str) -> bool {
        self.rules.get(rule).and_then(|r| r.enabled).unwrap_or(true)
    }

    /// The severity of a rule: the configured one, else its default.
    pub fn severity(&self, rule: &str) -> Severity {
        self.rules
            .get(rule)
            .and_then(|r| r.severity)
            .unwrap_or_else(|| {
                RULES
                    .iter()
                    .find(|(c, _)| *c == rule)
                    .map(|(_, s)| *s)
                    .unwrap_or(Severity::Warning)
            })
    }
}

/// Compiles a section's extra patterns (case-sensitive unless the pattern says `(?i)`).
pub fn compile_patterns(
    section: &'static str,
    patterns: &[String],
) -> Result<Vec<regex::Regex>, ConfigError> {
    patterns
        .iter()
        .map(|p| {
            regex::Regex::new(p).map_err(|e| ConfigError::BadPattern {
                section,
                pattern: p.clone(),
                source: Box::new(e),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_switches_rules_and_adds_patterns() {
        let c = Config::from_toml(
            "[rules.placeholder]\nenabled = false\n[rules.boilerplate]\nseverity = \"error\"\n[boilerplate]\npatterns = [\"^Sponsored by \"]\n",
            Path::new("copydesk.toml"),
        )
        .unwrap();
        assert!(!c.enabled("placeholder"));
        assert!(c.enabled("boilerplate"));
        assert_eq!(c.severity("boilerplate"), Severity::Error);
        assert_eq!(c.severity("placeholder"), Severity::Error);
        assert_eq!(c.boilerplate.patterns, vec!["^Sponsored by "]);
    }

    #[test]
    fn editor_settings_overlay_the_file() {
        let file = Config::from_toml(
            "[rules.boilerplate]\nseverity = \"error\"\n[names]\ncanonical = [\"Volodymyr Zelensky\"]",
            Path::new("copydesk.toml"),
        )
        .unwrap();
        let editor = Config::from_json(serde_json::json!({
            "rules": {"boilerplate": {"enabled": false}},
            "names": {"canonical": ["Pedro Sánchez"]},
            "boilerplate": {"patterns": []}
        }))
        .unwrap();
        let c = file.merged(&editor);
        assert!(!c.enabled("boilerplate"));
        assert_eq!(c.severity("boilerplate"), Severity::Error);
        assert_eq!(
            c.names.canonical,
            vec!["Volodymyr Zelensky", "Pedro Sánchez"]
        );
    }

    #[test]
    fn malformed_config_is_a_clear_error() {
        let e = Config::from_toml(
            "[rules.boilerplate\nenabled = 1",
            Path::new("desk/copydesk.toml"),
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("desk/copydesk.toml:"), "{e}");
        let e = Config::from_toml("[rules.boilerplte]\nenabled = false", Path::new("c.toml"))
            .unwrap_err();
        assert!(e.to_string().contains("unknown rule `boilerplte`"), "{e}");
        let e = Config::from_toml(
            "[boilerplate]\npatterns = [\"(unclosed\"]",
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .contains("`(unclosed` is not a valid regular expression"),
            "{e}"
        );
        let e =
            Config::from_json(serde_json::json!({"rules": {"boilerplate": {"severity": "loud"}}}))
                .unwrap_err();
        assert!(e.to_string().contains("loud"), "{e}");
    }
}
