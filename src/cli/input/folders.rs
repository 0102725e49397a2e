//! The command line's paths expanded into articles: `-` for stdin, files
//! as named, folders walked with the `ignore` crate (ignore files and
//! hidden entries honoured, links not followed, `[files]` globs applied).

use std::path::{Path, PathBuf};

use super::error::InputError;
use super::file_kinds::{document_error, extension, special_kind};
use super::source::{shown, Source};

/// The command line's paths expanded.
#[derive(Debug, Default)]
pub struct Sources {
    /// Articles to read, in order, or why a path given cannot be.
    pub found: Vec<Result<Source, InputError>>,
    /// Files a folder walk passed over that the user should hear about:
    /// links out of the folder, documents that are not plain text, special
    /// files with an article's name.
    pub skipped: Vec<InputError>,
    /// Articles a folder walk passed over by design (ignored, hidden,
    /// excluded, not copy), each with why: listed with `--verbose`.
    pub passed_over: Vec<(String, String)>,
}

/// Which files of a folder are articles to read: the `[files]` globs of
/// copydesk.toml, over the walk's own rules.
#[derive(Clone, Debug)]
pub struct FileFilter {
    include: globset::GlobSet,
    exclude: globset::GlobSet,
    /// Whether to find out which files ignore files and hiding passed over
    /// (a second walk, for `--verbose`).
    list_ignored: bool,
}

impl Default for FileFilter {
    fn default() -> Self {
        Self::new(&crate::config::Config::default(), false)
    }
}

impl FileFilter {
    pub fn new(config: &crate::config::Config, list_ignored: bool) -> Self {
        let (include, exclude) = config.file_globs();
        Self {
            include,
            exclude,
            list_ignored,
        }
    }

    /// Why an article found in a folder (at `rel`, its path inside it) is
    /// not read; `None` when it is.
    fn passes_over(&self, rel: &Path) -> Option<String> {
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_uppercase())
            .unwrap_or_default();
        for what in ["README", "CHANGELOG", "LICENSE"] {
            if name.starts_with(what) {
                return Some(format!("a {what} file, not copy"));
            }
        }
        let rel = slashed(rel);
        if self.exclude.is_match(&rel) {
            return Some("matches `files.exclude` in copydesk.toml".to_string());
        }
        if !self.include.is_empty() && !self.include.is_match(&rel) {
            return Some("matches no `files.include` glob in copydesk.toml".to_string());
        }
        None
    }
}

/// A relative path with `/` between its parts, for globs.
fn slashed(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Folders a walk never enters: what tools and builds keep there is not copy.
const NOT_COPY_FOLDERS: &[&str] = &["node_modules", "target"];

/// Whether a file name is an article a folder walk picks up.
fn is_article(path: &Path) -> bool {
    matches!(extension(path).as_deref(), Some("txt" | "md" | "markdown"))
}

/// Expands the command line's paths into sources, in order: `-` is stdin, a
/// folder gives its `.txt` and `.md` files (recursively, sorted by name,
/// hidden entries skipped, links not followed). A path that cannot be
/// listed gives an error in its place; the rest go on.
pub fn sources(paths: &[PathBuf], filter: &FileFilter) -> Sources {
    let mut out = Sources::default();
    for path in paths {
        if path.as_os_str() == "-" {
            out.found.push(Ok(Source::Stdin));
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.found.push(Err(InputError::Missing {
                    path: path.display().to_string(),
                }));
                continue;
            }
            Err(e) => {
                out.found.push(Err(InputError::Read {
                    path: path.display().to_string(),
                    source: e,
                }));
                continue;
            }
        };
        if !meta.is_dir() {
            out.found.push(match document_error(path) {
                Some(e) => Err(e),
                None => Ok(Source::File(path.clone())),
            });
            continue;
        }
        walk(path, filter, &mut out);
    }
    out
}

/// The walker over a folder: ignore files and hidden entries honoured
/// (`standard`), or nothing left out (to find what those left out), links
/// never followed, entries sorted by name, `node_modules/` and `target/`
/// never entered.
/// `passed` collects the folders not entered.
fn walker(
    root: &Path,
    standard: bool,
    passed: Option<std::sync::Arc<std::sync::Mutex<Vec<PathBuf>>>>,
) -> ignore::Walk {
    ignore::WalkBuilder::new(root)
        .standard_filters(standard)
        .git_global(false)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .filter_entry(move |e| {
            let enter = e.depth() == 0
                || !(e.file_type().is_some_and(|t| t.is_dir())
                    && NOT_COPY_FOLDERS.iter().any(|n| e.file_name() == *n));
            if !enter {
                if let Some(list) = &passed {
                    if let Ok(mut list) = list.lock() {
                        list.push(e.path().to_path_buf());
                    }
                }
            }
            enter
        })
        .build()
}

/// A folder's articles, without leaving it.
fn walk(root: &Path, filter: &FileFilter, out: &mut Sources) {
    let folder = match std::fs::canonicalize(root) {
        Ok(f) => f,
        Err(e) => {
            out.found.push(Err(InputError::Read {
                path: root.display().to_string(),
                source: e,
            }));
            return;
        }
    };
    let rel = |path: &Path| path.strip_prefix(root).unwrap_or(path).to_path_buf();
    let mut seen = std::collections::HashSet::new();
    for entry in walker(root, true, None) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                match e.io_error() {
                    // A broken ignore file says so and the walk goes on.
                    None => tracing::warn!("{e}"),
                    Some(_) => out.found.push(Err(InputError::Read {
                        path: root.display().to_string(),
                        source: e
                            .into_io_error()
                            .unwrap_or_else(|| std::io::Error::other("folder loop")),
                    })),
                }
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        let path = entry.path();
        let Some(file_type) = entry.file_type() else {
            continue;
        };
        if filter.list_ignored {
            seen.insert(path.to_path_buf());
        }
        if file_type.is_symlink() {
            match std::fs::canonicalize(path) {
                Ok(target) if target.starts_with(&folder) => {
                    // Its target is in the folder and is walked as itself.
                    tracing::debug!(path = %path.display(), "symbolic link inside the folder: not followed");
                }
                Ok(target) => {
                    if target.is_dir() || is_article(path) || is_article(&target) {
                        out.skipped.push(InputError::LinkOutside {
                            path: path.display().to_string(),
                            target: shown(&target),
                            folder: root.display().to_string(),
                        });
                    }
                }
                Err(e) => tracing::debug!(path = %path.display(), "broken symbolic link: {e}"),
            }
        } else if file_type.is_file() {
            if is_article(path) {
                match filter.passes_over(&rel(path)) {
                    Some(why) => out.passed_over.push((path.display().to_string(), why)),
                    None => out.found.push(Ok(Source::InFolder {
                        path: path.to_path_buf(),
                        folder: folder.clone(),
                    })),
                }
            } else if let Some(e) = document_error(path) {
                out.skipped.push(e);
            }
        } else if !file_type.is_dir() && is_article(path) {
            out.skipped.push(InputError::NotRegular {
                path: path.display().to_string(),
                kind: special_kind(file_type),
            });
        }
    }
    if filter.list_ignored {
        // What the ignore files and hiding left out: the articles of a
        // walk that leaves nothing out, less those seen.
        let folders = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        for entry in walker(root, false, Some(std::sync::Arc::clone(&folders))).flatten() {
            let path = entry.path();
            if entry.depth() == 0
                || seen.contains(path)
                || !entry.file_type().is_some_and(|t| t.is_file())
                || !is_article(path)
            {
                continue;
            }
            let hidden = rel(path)
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            let why = if hidden {
                "hidden"
            } else {
                "ignored by a .gitignore or .ignore file"
            };
            out.passed_over
                .push((path.display().to_string(), why.to_string()));
        }
        if let Ok(folders) = folders.lock() {
            for f in folders.iter() {
                out.passed_over.push((
                    format!("{}/", f.display()),
                    "a folder of tools' or builds' files, not copy".to_string(),
                ));
            }
        }
        out.passed_over.sort();
    }
}
