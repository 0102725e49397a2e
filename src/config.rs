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

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::text::LayoutSetting;

/// The file name looked for at a workspace root.
pub const CONFIG_FILE: &str = "copydesk.toml";

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

/// Patterns a section may hold: each is run on every line of every article.
pub const MAX_PATTERNS: usize = 100;

/// The most a pattern may take once compiled (the regex crate's
/// `size_limit`; its lazy DFA gets the same `dfa_size_limit`). A hundred
/// patterns at this size stay under about 50 MB; `\w{100}` (Unicode word
/// characters) would take 12 MB on its own.
pub const PATTERN_SIZE_LIMIT: usize = 256 * 1024;

/// The default limit on the size of a file the command line reads, in MiB
/// (`[limits] max_file_mb`).
pub const DEFAULT_MAX_FILE_MB: u64 = 64;

/// The largest configuration file read (a 100,000-name style book is about
/// 3 MB).
pub const MAX_CONFIG_BYTES: u64 = 64 * 1024 * 1024;

/// The highest `max_file_mb` accepted.
pub const MAX_FILE_MB_CEILING: u64 = 4096;

/// Lines of unlike shape: a pattern that matches all of them (or the empty
/// line) would take every line of an article for furniture.
const UNLIKE_LINES: &[&str] = &[
    "Council tax in Harrowfield is set to rise by the maximum 4.99 per cent.",
    "“We have cut, we have merged,” Mr Ashworth said.",
    "READ MORE: Town centre scheme delayed again",
    "He added:",
    "A",
    "7",
    "—",
    "…",
];

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
enum Step {
    Key(String),
    Index(usize),
}

/// A key path as shown: `rules.boilerplate.enabled`, `boilerplate.patterns[2]`.
fn show_key(path: &[Step]) -> String {
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
struct Invalid {
    path: Vec<Step>,
    problem: ConfigProblem,
}

impl Invalid {
    fn at(path: &[&str], problem: ConfigProblem) -> Self {
        Self {
            path: path.iter().map(|k| Step::Key((*k).to_string())).collect(),
            problem,
        }
    }

    fn index(mut self, i: usize) -> Self {
        self.path.push(Step::Index(i));
        self
    }

    fn into_error(self) -> ConfigError {
        ConfigError {
            path: None,
            line: None,
            key: Some(show_key(&self.path)),
            problem: self.problem,
        }
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Where keys and values sit in a TOML text (from `toml_edit`'s spans):
/// the key path at a byte offset, and the line of a key path.
mod locate {
    use super::Step;
    use toml_edit::{Item, TableLike, Value};

    fn contains(span: Option<std::ops::Range<usize>>, at: usize) -> bool {
        span.is_some_and(|s| s.start <= at && at < s.end.max(s.start + 1))
    }

    /// The deepest key path whose key or value covers byte `at`.
    pub fn path_at(text: &str, at: usize) -> Option<Vec<Step>> {
        let doc = toml_edit::ImDocument::parse(text).ok()?;
        let mut path = Vec::new();
        in_table(doc.as_table(), at, &mut path).then_some(path)
    }

    fn in_table(table: &dyn TableLike, at: usize, path: &mut Vec<Step>) -> bool {
        for (k, item) in table.iter() {
            path.push(Step::Key(k.to_string()));
            if in_item(item, at, path) {
                return true;
            }
            let key_span = table.key(k).and_then(|k| k.span());
            if contains(key_span, at) || contains(item.span(), at) {
                return true;
            }
            path.pop();
        }
        false
    }

    fn in_item(item: &Item, at: usize, path: &mut Vec<Step>) -> bool {
        match item {
            Item::None => false,
            Item::Value(v) => in_value(v, at, path),
            Item::Table(t) => in_table(t, at, path),
            Item::ArrayOfTables(a) => {
                for (i, t) in a.iter().enumerate() {
                    path.push(Step::Index(i));
                    if in_table(t, at, path) || contains(t.span(), at) {
                        return true;
                    }
                    path.pop();
                }
                false
            }
        }
    }

    fn in_value(value: &Value, at: usize, path: &mut Vec<Step>) -> bool {
        match value {
            Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    path.push(Step::Index(i));
                    if in_value(v, at, path) || contains(v.span(), at) {
                        return true;
                    }
                    path.pop();
                }
                false
            }
            Value::InlineTable(t) => in_table(t, at, path),
            _ => false,
        }
    }

    /// The byte offset where a key path is written: the element for an
    /// index, else the key.
    pub fn offset_of(text: &str, path: &[Step]) -> Option<usize> {
        let doc = toml_edit::ImDocument::parse(text).ok()?;
        let mut item: &Item = doc.as_item();
        let mut at = None;
        for step in path {
            match step {
                Step::Key(k) => {
                    let table = item.as_table_like()?;
                    let (key, child) = table.get_key_value(k)?;
                    at = key.span().or_else(|| child.span()).map(|s| s.start).or(at);
                    item = child;
                }
                Step::Index(i) => {
                    let value = item.as_array()?.get(*i)?;
                    return value.span().map(|s| s.start).or(at);
                }
            }
        }
        at
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
    /// [`DEFAULT_MAX_FILE_MB`], at most [`MAX_FILE_MB_CEILING`]).
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
    path: Option<PathBuf>,
    rule_lines: BTreeMap<String, usize>,
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
    origin: Origin,
}

impl Config {
    /// How the paragraphs of a document in `language` are found.
    pub fn paragraphing(&self, language: crate::analysis::Language) -> crate::text::Paragraphing {
        crate::text::Paragraphing::new(
            self.paragraphs,
            language == crate::analysis::Language::Markdown,
        )
    }

    /// Parses and validates TOML; `path` is only used in messages. An error
    /// names the file, the line and the key.
    pub fn from_toml(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let at = e.span().map(|s| s.start);
            let message = e
                .message()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("; ");
            ConfigError {
                path: Some(path.to_path_buf()),
                line: at.map(|at| line_of(text, at)),
                key: at
                    .and_then(|at| locate::path_at(text, at))
                    .map(|p| show_key(&p)),
                problem: ConfigProblem::Invalid(message.trim_end_matches('.').to_string()),
            }
        })?;
        config.check().map_err(|invalid| {
            let line = locate::offset_of(text, &invalid.path).map(|at| line_of(text, at));
            let mut e = invalid.into_error();
            e.path = Some(path.to_path_buf());
            e.line = line;
            e
        })?;
        let mut config = config;
        config.origin = Origin {
            path: Some(path.to_path_buf()),
            rule_lines: config
                .rules
                .keys()
                .filter_map(|rule| {
                    let key = [Step::Key("rules".to_string()), Step::Key(rule.clone())];
                    let at = locate::offset_of(text, &key)?;
                    Some((rule.clone(), line_of(text, at)))
                })
                .collect(),
        };
        Ok(config)
    }

    /// Reads, parses and validates a TOML file (a regular file of at most
    /// [`MAX_CONFIG_BYTES`]).
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        use std::io::Read;
        let read = |e| ConfigError::read(path, e);
        let meta = std::fs::metadata(path).map_err(read)?;
        if !meta.is_file() {
            return Err(read(std::io::Error::other("not a regular file")));
        }
        let too_big = || {
            read(std::io::Error::other(format!(
                "larger than {} MiB",
                MAX_CONFIG_BYTES / (1024 * 1024)
            )))
        };
        if meta.len() > MAX_CONFIG_BYTES {
            return Err(too_big());
        }
        let mut text = String::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_CONFIG_BYTES + 1).read_to_string(&mut text))
            .map_err(read)?;
        if text.len() as u64 > MAX_CONFIG_BYTES {
            return Err(too_big());
        }
        Self::from_toml(&text, path)
    }

    /// Parses and validates the editor's `copydesk` settings section. `null`
    /// (no settings) gives the defaults.
    pub fn from_json(value: serde_json::Value) -> Result<Self, ConfigError> {
        if value.is_null() {
            return Ok(Self::default());
        }
        let config: Config = serde_json::from_value(value).map_err(|e| ConfigError {
            path: None,
            line: None,
            key: None,
            problem: ConfigProblem::Invalid(e.to_string()),
        })?;
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

    /// Checks rule names, limits and the patterns (each must compile within
    /// the budget and match neither an empty line nor every line).
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.check().map_err(Invalid::into_error)
    }

    fn check(&self) -> Result<(), Invalid> {
        if let Some(mb) = self.limits.max_file_mb {
            if !(1..=MAX_FILE_MB_CEILING).contains(&mb) {
                return Err(Invalid::at(
                    &["limits", "max_file_mb"],
                    ConfigProblem::BadValue(format!(
                        "{mb} is out of range: a size in MiB from 1 to {MAX_FILE_MB_CEILING}"
                    )),
                ));
            }
        }
        check_patterns("boilerplate", &self.boilerplate.patterns)?;
        check_patterns("placeholder", &self.placeholder.patterns)?;
        for (i, p) in self.sources.paths.iter().enumerate() {
            let problem = if p.trim().is_empty() {
                Some("an empty path names no file".to_string())
            } else if p.contains('\0') {
                Some(format!("{p:?} is not a file path"))
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(
                    Invalid::at(&["sources", "paths"], ConfigProblem::BadValue(problem)).index(i),
                );
            }
        }
        for (key, globs) in [
            ("include", &self.files.include),
            ("exclude", &self.files.exclude),
        ] {
            for (i, g) in globs.iter().enumerate() {
                if let Err(e) = globset::Glob::new(g) {
                    let mut invalid = Invalid::at(
                        &["files", key],
                        ConfigProblem::BadValue(format!("{g:?} is not a glob: {}", e.kind())),
                    );
                    invalid.path.push(Step::Index(i));
                    return Err(invalid);
                }
            }
        }
        Ok(())
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

    /// This configuration with `overlay` laid over it: the overlay's rule
    /// settings and limits win key by key, its patterns and names are added
    /// (each once, in order). Linear in the number of entries.
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
        if overlay.limits.max_file_mb.is_some() {
            out.limits.max_file_mb = overlay.limits.max_file_mb;
        }
        if overlay.paragraphs != LayoutSetting::Auto {
            out.paragraphs = overlay.paragraphs;
        }
        add_new(&mut out.boilerplate.patterns, &overlay.boilerplate.patterns);
        add_new(&mut out.placeholder.patterns, &overlay.placeholder.patterns);
        add_new(&mut out.names.canonical, &overlay.names.canonical);
        add_new(&mut out.sources.paths, &overlay.sources.paths);
        add_new(&mut out.files.include, &overlay.files.include);
        add_new(&mut out.files.exclude, &overlay.files.exclude);
        out
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

/// Appends the items of `from` not already in `to` (nor earlier in `from`).
fn add_new(to: &mut Vec<String>, from: &[String]) {
    let fresh: Vec<String> = {
        let mut seen: HashSet<&str> = to.iter().map(String::as_str).collect();
        from.iter()
            .filter(|item| seen.insert(item.as_str()))
            .cloned()
            .collect()
    };
    to.extend(fresh);
}

/// Compiles and vets a section's patterns.
fn check_patterns(
    section: &'static str,
    patterns: &[String],
) -> Result<Vec<regex::Regex>, Invalid> {
    if patterns.len() > MAX_PATTERNS {
        return Err(Invalid::at(
            &[section, "patterns"],
            ConfigProblem::TooManyPatterns {
                count: patterns.len(),
                max: MAX_PATTERNS,
            },
        ));
    }
    patterns
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let at = |problem| Invalid::at(&[section, "patterns"], problem).index(i);
            if p.is_empty() {
                return Err(at(ConfigProblem::EmptyPattern));
            }
            let regex = regex::RegexBuilder::new(p)
                .size_limit(PATTERN_SIZE_LIMIT)
                .dfa_size_limit(PATTERN_SIZE_LIMIT)
                .build()
                .map_err(|e| match e {
                    regex::Error::CompiledTooBig(limit) => at(ConfigProblem::PatternTooBig {
                        pattern: p.clone(),
                        limit,
                    }),
                    e => at(ConfigProblem::BadPattern {
                        pattern: p.clone(),
                        source: Box::new(e),
                    }),
                })?;
            if regex.is_match("") || UNLIKE_LINES.iter().all(|l| regex.is_match(l)) {
                return Err(at(ConfigProblem::MatchesEverything { pattern: p.clone() }));
            }
            Ok(regex)
        })
        .collect()
}

/// Compiles a section's extra patterns (case-sensitive unless the pattern
/// says `(?i)`), within the budget ([`MAX_PATTERNS`],
/// [`PATTERN_SIZE_LIMIT`]); a pattern that matches an empty line or every
/// line is refused.
pub fn compile_patterns(
    section: &'static str,
    patterns: &[String],
) -> Result<Vec<regex::Regex>, ConfigError> {
    check_patterns(section, patterns).map_err(Invalid::into_error)
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
        assert!(!c.enabled_or("placeholder", true));
        assert!(c.enabled_or("boilerplate", true));
        assert_eq!(
            c.severity_or("boilerplate", Severity::Warning),
            Severity::Error
        );
        assert_eq!(
            c.severity_or("placeholder", Severity::Error),
            Severity::Error
        );
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
        assert!(!c.enabled_or("boilerplate", true));
        assert_eq!(
            c.severity_or("boilerplate", Severity::Warning),
            Severity::Error
        );
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
        let c = Config::from_toml("\n[rules.boilerplte]\nenabled = false", Path::new("c.toml"))
            .unwrap();
        let e = c
            .check_rule_names(|r| r == "boilerplate", "boilerplate")
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "c.toml:2: `rules.boilerplte`: unknown rule `boilerplte` (known rules: boilerplate)"
        );
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

    #[test]
    fn errors_name_the_file_line_and_key() {
        let path = Path::new("desk/copydesk.toml");
        let text = "# house settings\n[rules.boilerplate]\nenabled = \"no\"\n";
        let e = Config::from_toml(text, path).unwrap_err();
        assert_eq!(
            (e.line, e.key.as_deref()),
            (Some(3), Some("rules.boilerplate.enabled"))
        );
        assert_eq!(
            e.to_string(),
            "desk/copydesk.toml:3: `rules.boilerplate.enabled`: invalid type: string \"no\", expected a boolean"
        );
        let e =
            Config::from_toml("[names]\ncanonical = [\"Pedro Sánchez\", 3]\n", path).unwrap_err();
        assert_eq!(
            (e.line, e.key.as_deref()),
            (Some(2), Some("names.canonical[1]"))
        );
        let e = Config::from_toml("\u{feff}[names]\ncanon = []\n", path).unwrap_err();
        assert_eq!(
            (e.line, e.key.as_deref()),
            (Some(2), Some("names.canon")),
            "{e}"
        );
        let e = Config::from_toml(
            "[rules]\nboilerplate.enabled = true\n\n[rules.boilerplte]\nenabled = false\n",
            path,
        )
        .and_then(|c| c.check_rule_names(|r| r == "boilerplate", "boilerplate"))
        .unwrap_err();
        assert_eq!(
            (e.line, e.key.as_deref()),
            (Some(4), Some("rules.boilerplte")),
            "{e}"
        );
        let e = Config::from_toml(
            "[placeholder]\npatterns = [\n  \"TK\",\n  \"(unclosed\",\n]\n",
            path,
        )
        .unwrap_err();
        assert_eq!(
            (e.line, e.key.as_deref()),
            (Some(4), Some("placeholder.patterns[1]")),
            "{e}"
        );
        assert!(
            e.to_string()
                .ends_with("is not a valid regular expression: unclosed group"),
            "{e}"
        );
        let e = Config::from_toml("[limits]\nmax_file_mb = 0\n", path).unwrap_err();
        assert_eq!(
            (e.line, e.key.as_deref()),
            (Some(2), Some("limits.max_file_mb")),
            "{e}"
        );
        // Editor settings have no file or line, but a key where validation knows it.
        let e =
            Config::from_json(serde_json::json!({"boilerplate": {"patterns": ["^"]}})).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("boilerplate.patterns[0]"));
        assert!(
            e.to_string()
                .starts_with("settings `copydesk`: `boilerplate.patterns[0]`: "),
            "{e}"
        );
    }

    #[test]
    fn patterns_that_match_every_line_are_refused() {
        for bad in [
            "", "^", "$", ".*", "x?", "(?m)^", ".", "\\S", "(?s).+", "[^\\n]",
        ] {
            let e = compile_patterns("boilerplate", &[bad.to_string()]).unwrap_err();
            assert!(e.to_string().contains("every line"), "{bad:?}: {e}");
        }
        for good in [
            "^Sponsored by ",
            "(?i)^listen to this article$",
            "\\[REPORT\\]$",
            "^\\d+ comments?$",
            "\\bTK\\b",
            "£XXm",
        ] {
            compile_patterns("boilerplate", &[good.to_string()]).unwrap();
        }
    }

    #[test]
    fn patterns_have_a_budget() {
        let big = vec!["\\w{100}".to_string()];
        let e = compile_patterns("placeholder", &big).unwrap_err();
        assert!(
            matches!(e.problem, ConfigProblem::PatternTooBig { .. }),
            "{e}"
        );
        assert!(
            e.to_string()
                .contains("too large once compiled (over 256 KiB)"),
            "{e}"
        );
        let many: Vec<String> = (0..=MAX_PATTERNS)
            .map(|i| format!("^Sponsor {i}$"))
            .collect();
        let e = compile_patterns("placeholder", &many).unwrap_err();
        assert_eq!(e.key.as_deref(), Some("placeholder.patterns"));
        assert!(
            e.to_string().contains("101 patterns, more than the 100"),
            "{e}"
        );
        assert_eq!(
            compile_patterns("placeholder", &many[..MAX_PATTERNS])
                .unwrap()
                .len(),
            100
        );
        // A realistic desk pattern with Unicode classes fits.
        compile_patterns(
            "boilerplate",
            &["(?i)^\\w+ \\w+ contributed to this report\\.?$".to_string()],
        )
        .unwrap();
    }

    #[test]
    fn limits_default_and_overlay() {
        assert_eq!(Config::default().max_file_bytes(), 64 * 1024 * 1024);
        let file = Config::from_toml("[limits]\nmax_file_mb = 8\n", Path::new("c.toml")).unwrap();
        assert_eq!(file.max_file_bytes(), 8 * 1024 * 1024);
        assert_eq!(
            file.merged(&Config::default()).max_file_bytes(),
            8 * 1024 * 1024
        );
        let editor = Config::from_json(serde_json::json!({"limits": {"max_file_mb": 2}})).unwrap();
        assert_eq!(file.merged(&editor).max_file_bytes(), 2 * 1024 * 1024);
    }

    /// A 100,000-name style book loads and merges correctly (and, measured,
    /// in well under a second: it used to take seconds, the merge being
    /// quadratic).
    #[test]
    fn a_hundred_thousand_name_style_book_loads_and_merges() {
        let names: Vec<String> = (0..100_000)
            .map(|i| format!("Reporter Number{i}"))
            .collect();
        let list = names
            .iter()
            .map(|n| format!("  \"{n}\",\n"))
            .collect::<String>();
        let text = format!("[names]\ncanonical = [\n{list}]\n");
        let file = Config::from_toml(&text, Path::new("copydesk.toml")).unwrap();
        assert_eq!(file.names.canonical, names);
        // The editor repeats half of them and adds 50,000 more (one twice).
        let mut extra: Vec<String> = names[50_000..].to_vec();
        extra.extend((100_000..150_000).map(|i| format!("Reporter Number{i}")));
        extra.push("Reporter Number120000".to_string());
        let editor = Config::from_json(serde_json::json!({"names": {"canonical": extra}})).unwrap();
        let merged = file.merged(&editor);
        assert_eq!(merged.names.canonical.len(), 150_000);
        assert!(merged
            .names
            .canonical
            .iter()
            .enumerate()
            .all(|(i, n)| *n == format!("Reporter Number{i}")));
    }
}
