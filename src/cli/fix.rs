//! `copydesk fix`: every safe fix applied, the file replaced atomically (a
//! temporary file in the same folder, renamed over it, permissions kept);
//! `--dry-run` prints a unified diff instead.

use std::io::Write;
use std::path::Path;

use super::input::{self, InputError, Source, BOM};
use crate::checks::{apply_edits, check_text};
use crate::config::Config;

/// Fixes one source; returns the line to print on stderr.
pub fn fix_source(source: &Source, config: &Config, dry_run: bool) -> Result<String, InputError> {
    let article = input::read(source)?;
    let name = source.display();
    let checked = check_text(&article.text, source.language(), config);
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
    let fixed_body = apply_edits(&article.text, &checked.safe_edits);
    let prefix = if article.bom { BOM } else { "" };
    let (old, new) = (
        format!("{prefix}{}", article.text),
        format!("{prefix}{fixed_body}"),
    );
    let stdout_err = |e: std::io::Error| InputError::Write {
        path: "<stdout>".to_string(),
        source: e,
    };
    if dry_run {
        if old != new {
            let diff = similar::TextDiff::from_lines(&old, &new)
                .unified_diff()
                .context_radius(3)
                .header(&format!("a/{name}"), &format!("b/{name}"))
                .to_string();
            let mut out = std::io::stdout().lock();
            out.write_all(diff.as_bytes()).map_err(stdout_err)?;
        }
        return Ok(format!(
            "{name}: {} (dry run, nothing written)",
            would(count)
        ));
    }
    match source {
        Source::Stdin => {
            let mut out = std::io::stdout().lock();
            out.write_all(new.as_bytes()).map_err(stdout_err)?;
        }
        Source::File(path) => {
            if old != new {
                write_atomically(path, new.as_bytes()).map_err(|e| InputError::Write {
                    path: name.clone(),
                    source: e,
                })?;
            }
        }
    }
    Ok(format!("{name}: {}", applied(count)))
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

/// Replaces a file's contents: temporary file beside it, same permissions,
/// renamed over it, so a reader never sees half a file.
fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    // Through a symbolic link, replace the file it points to, not the link.
    let resolved = std::fs::canonicalize(path)?;
    let path = resolved.as_path();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".copydesk-fix-")
        .tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), permissions)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
