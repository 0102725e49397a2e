//! Reading a configuration: `copydesk.toml` (parsed and validated, an
//! error placed at its file, line and key), the editor's settings as JSON,
//! the file that applies to a folder, and one configuration laid over
//! another.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::error::{show_key, ConfigError, ConfigProblem, Step};
use super::limits::{CONFIG_FILE, MAX_CONFIG_BYTES};
use super::locate::{self, line_of};
use super::settings::{Config, Origin};
use crate::text::LayoutSetting;

impl Config {
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
