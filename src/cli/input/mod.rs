//! What the command line reads: the paths given, folders walked for
//! articles, and each file's bytes turned into text.
//!
//! - A folder walk reads the articles (`.txt`, `.md`, `.markdown`) as the
//!   tools people use walk a tree (the `ignore` crate, ripgrep's walker):
//!   `.gitignore` and `.ignore` files are honoured (in a git checkout or
//!   not), hidden files and folders are skipped, and so are `node_modules/`
//!   and `target/` and README, CHANGELOG and LICENSE files, which are not
//!   copy; `[files] include`/`exclude` globs in copydesk.toml choose among
//!   the rest. A file named on the command line is always read. `--verbose`
//!   names every file passed over, and why.
//! - A folder walk never leaves the folder: symbolic links in it are not
//!   followed (those leading out are named as skipped), and files found in
//!   it are opened without following a link. A file named on the command
//!   line may be a link; it is followed.
//! - Only regular files are read (a FIFO or `/dev/zero` is refused before
//!   it can block or run forever), up to `[limits] max_file_mb`.
//! - Word, RTF, PDF, OpenDocument and Pages files are named with how to
//!   save them as plain text.
//! - Text is UTF-8 (with or without a byte order mark), UTF-16 with a byte
//!   order mark, or else read as Windows-1252 with a note; the encoding is
//!   kept so that `fix` writes the file back in it.
//!
//! `folders` expands the paths given and walks folders, `reading` reads a
//! file safely, `encoding` turns its bytes into text, `file_kinds` names
//! what is not plain text.

mod encoding;
mod file_kinds;
mod folders;
mod reading;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::analysis::Language;

pub use encoding::{decode, TextEncoding};
pub use folders::{sources, FileFilter, Sources};
pub use reading::{inside, read, FileStamp};

/// The UTF-8 byte order mark. It is not copy: it is set aside before the
/// text is checked, so line 1 column 1 is the first character after it.
pub const BOM: &str = "\u{feff}";

/// Why a file could not be read or written. Each names the file.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("{path}: no such file or folder")]
    Missing { path: String },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a text file (it contains NUL bytes; if it is UTF-16 without a byte order mark, save it as UTF-8); skipped")]
    Binary { path: String },
    #[error("{path}: not valid {encoding} (its byte order mark says {encoding}); skipped")]
    BadEncoding {
        path: String,
        encoding: &'static str,
    },
    #[error("{path}: not a regular file ({kind}); skipped")]
    NotRegular { path: String, kind: &'static str },
    #[error("{path}: larger than the {limit_mb} MiB limit{}; skipped (raise `limits.max_file_mb` in copydesk.toml to read it)",
        size.map(|s| format!(" ({:.1} MiB)", s as f64 / 1048576.0)).unwrap_or_default())]
    TooLarge {
        path: String,
        size: Option<u64>,
        limit_mb: u64,
    },
    #[error("{path}: {kind}, not plain text; save it as plain text to check it ({how})")]
    Document {
        path: String,
        kind: &'static str,
        how: &'static str,
    },
    #[error("{path}: skipped: a symbolic link to {target}, outside {folder}")]
    LinkOutside {
        path: String,
        target: String,
        folder: String,
    },
    #[error("{path}: read-only; not fixed (make it writable to fix it)")]
    ReadOnly { path: String },
    #[error("{path}: kept changing while it was being fixed; nothing written (save it, then run fix again)")]
    KeptChanging { path: String },
    #[error("{path}: cannot be written back byte for byte as {encoding}; not fixed (convert it to UTF-8 first)")]
    CannotEncode {
        path: String,
        encoding: &'static str,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

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

/// An article's text, decoded.
#[derive(Debug)]
pub struct SourceText {
    pub source: Source,
    pub encoding: TextEncoding,
    /// The text, without a byte order mark.
    pub text: String,
    /// The bytes as read.
    pub bytes: Vec<u8>,
    /// The file as it was when read; `None` for stdin.
    pub stamp: Option<FileStamp>,
}

impl SourceText {
    /// A note for stderr when the text was not plain UTF-8.
    pub fn note(&self) -> Option<String> {
        let name = self.source.display();
        match self.encoding {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => None,
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => Some(format!(
                "{name}: read as {}; fix writes it back in that encoding",
                self.encoding.name()
            )),
            TextEncoding::Windows1252 => Some(format!(
                "{name}: not UTF-8; read as Windows-1252 (Western European), and fix writes it back in that encoding. If accented letters look wrong, convert the file to UTF-8"
            )),
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
