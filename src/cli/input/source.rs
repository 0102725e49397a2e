//! Where an article comes from, and how a path is shown.

use std::path::{Path, PathBuf};

use crate::analysis::Language;

/// Where an article comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    /// A file named on the command line (a symbolic link named there is
    /// followed).
    File(PathBuf),
    /// A file found walking `folder` (the folder given, resolved): read and
    /// written only inside it, never through a link.
    InFolder {
        path: PathBuf,
        folder: PathBuf,
    },
}

impl Source {
    /// The name shown to the user: the path as given (joined for files found
    /// in a folder), or `<stdin>`.
    pub fn display(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) | Source::InFolder { path: p, .. } => p.display().to_string(),
        }
    }

    /// The file's path; `None` for stdin.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Stdin => None,
            Source::File(p) | Source::InFolder { path: p, .. } => Some(p),
        }
    }

    pub fn language(&self) -> Language {
        match self.path() {
            None => Language::PlainText,
            Some(p) => Language::from_path(p),
        }
    }
}

/// A path shown relative to the current folder when it is inside it.
pub fn shown(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}
