//! Vetting a configuration once parsed: limits in range, source paths and
//! `[files]` globs that can be used, and each section's patterns compiled
//! within the budget, none matching an empty line or every line.

use super::error::{ConfigError, ConfigProblem, Invalid, Step};
use super::limits::{MAX_FILE_MB_CEILING, MAX_PATTERNS, PATTERN_SIZE_LIMIT};
use super::settings::Config;

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

impl Config {
    /// Checks rule names, limits and the patterns (each must compile within
    /// the budget and match neither an empty line nor every line).
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.check().map_err(Invalid::into_error)
    }

    pub(super) fn check(&self) -> Result<(), Invalid> {
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
