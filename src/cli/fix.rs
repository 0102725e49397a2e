//! `copydesk fix`: every safe fix applied and the file written back safely
//! ([`super::write`]: refused if it changed since it was read or is
//! read-only, otherwise replaced atomically keeping its identity); the file
//! keeps its encoding; `--dry-run` prints a unified diff instead.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::input::{self, InputError, Source, SourceText};
use super::output::Stdout;
use super::write::{self, WriteError, Written};
use crate::checks::{apply_edits, check_text};
use crate::config::Config;

/// How many times a file that changed while it was being fixed is read and
/// fixed again before fix gives up on it.
const TRIES: usize = 3;

/// Test-only: milliseconds to sleep between working out a file's fixes and
/// writing it, so that a test can change the file in that window. Not for
/// use outside the test suite.
const TEST_PAUSE: &str = "COPYDESK_TEST_PAUSE_BEFORE_WRITE";

fn test_pause(name: &str) {
    let Some(ms) = std::env::var(TEST_PAUSE)
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    else {
        return;
    };
    let ms = ms.min(10_000);
    tracing::warn!("{TEST_PAUSE}: pausing {ms} ms before writing {name} (a test hook)");
    std::thread::sleep(Duration::from_millis(ms));
}

/// An article with its safe fixes applied.
struct Fixed {
    count: usize,
    old: String,
    new: String,
}

fn fixes(article: &SourceText, config: &Config) -> Fixed {
    let checked = check_text(&article.text, article.source.language(), config);
    let count = if checked.safe_edits.is_empty() {
        0
    } else {
        checked
            .findings
            .iter()
            .filter(|f| f.fixes.iter().any(|x| x.safe))
            .count()
            .max(1)
    };
    Fixed {
        count,
        old: article.text.clone(),
        new: apply_edits(&article.text, &checked.safe_edits),
    }
}

/// The bytes of the fixed text in the article's own encoding, checked to
/// give back the bytes read when nothing changes.
fn encoded(article: &SourceText, text: &str) -> Result<Vec<u8>, InputError> {
    let cannot = || InputError::CannotEncode {
        path: article.source.display(),
        encoding: article.encoding.name(),
    };
    if article.encoding.encode(&article.text).as_deref() != Some(&article.bytes[..]) {
        return Err(cannot());
    }
    article.encoding.encode(text).ok_or_else(cannot)
}

/// Prints a note about how a file was read.
fn note(article: &SourceText) {
    if let Some(n) = article.note() {
        eprintln!("copydesk: note: {n}");
    }
}

/// Fixes one source; returns the line to print on stderr.
pub fn fix_source(
    source: &Source,
    config: &Config,
    dry_run: bool,
    out: &mut Stdout,
) -> Result<String, InputError> {
    let name = source.display();
    let max = config.max_file_bytes();
    let stdout_err = |e: std::io::Error| InputError::Write {
        path: "<stdout>".to_string(),
        source: e,
    };
    if dry_run {
        let article = input::read(source, max)?;
        note(&article);
        let fixed = fixes(&article, config);
        if fixed.old != fixed.new {
            let diff = similar::TextDiff::from_lines(&fixed.old, &fixed.new)
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{name}"), &format!("b/{name}"))
                .to_string();
            out.print(&diff).map_err(stdout_err)?;
        }
        return Ok(format!(
            "{name}: {} (dry run, nothing written)",
            would(fixed.count)
        ));
    }
    let path = match source {
        Source::Stdin => {
            let article = input::read(source, max)?;
            note(&article);
            let fixed = fixes(&article, config);
            let bytes = encoded(&article, &fixed.new)?;
            out.write(&bytes).map_err(stdout_err)?;
            return Ok(format!("{name}: {}", applied(fixed.count)));
        }
        // A link named on the command line: fix the file it leads to.
        Source::File(p) => std::fs::canonicalize(p).map_err(|e| InputError::Read {
            path: name.clone(),
            source: e,
        })?,
        Source::InFolder { path, .. } => path.clone(),
    };
    fix_file(source, &path, config)
}

/// Reads, fixes and writes back a file, reading it again when someone else
/// wrote it in between.
fn fix_file(source: &Source, path: &Path, config: &Config) -> Result<String, InputError> {
    let name = source.display();
    let resolved = match source {
        Source::File(_) => Source::File(PathBuf::from(path)),
        other => other.clone(),
    };
    for attempt in 1..=TRIES {
        let mut article = input::read(&resolved, config.max_file_bytes())?;
        article.source = source.clone();
        if attempt == 1 {
            note(&article);
        }
        let fixed = fixes(&article, config);
        if fixed.old == fixed.new {
            return Ok(format!("{name}: {}", applied(0)));
        }
        if write::is_read_only(path).unwrap_or(false) {
            return Err(InputError::ReadOnly { path: name });
        }
        let bytes = encoded(&article, &fixed.new)?;
        if let Source::InFolder { folder, .. } = source {
            if !input::inside(path, folder) {
                return Err(InputError::Write {
                    path: name,
                    source: std::io::Error::other("it is no longer inside the folder given"),
                });
            }
        }
        test_pause(&name);
        let Some(stamp) = &article.stamp else {
            return Err(InputError::Write {
                path: name,
                source: std::io::Error::other("no file to write"),
            });
        };
        match write::write_back(path, stamp, &article.bytes, &bytes) {
            Ok(how) => {
                if how == Written::InPlace {
                    tracing::debug!(path = %path.display(), "written in place");
                }
                return Ok(format!("{name}: {}", applied(fixed.count)));
            }
            Err(WriteError::Changed) => {
                eprintln!(
                    "copydesk: note: {name}: changed while it was being fixed; reading it again"
                );
            }
            Err(WriteError::ReadOnly) => return Err(InputError::ReadOnly { path: name }),
            Err(WriteError::Io(e)) => {
                return Err(InputError::Write {
                    path: name,
                    source: e,
                })
            }
        }
    }
    Err(InputError::KeptChanging { path: name })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        "fix"
    } else {
        "fixes"
    }
}

fn applied(n: usize) -> String {
    if n == 0 {
        "nothing to fix".to_string()
    } else {
        format!("{n} {} applied", plural(n))
    }
}

fn would(n: usize) -> String {
    if n == 0 {
        "nothing to fix".to_string()
    } else {
        format!("{n} {} would be applied", plural(n))
    }
}
