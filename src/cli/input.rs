//! What the command line reads: the paths given, folders walked for
//! articles, and each file's text checked to be text.

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::analysis::Language;

/// The UTF-8 byte order mark. It is not copy: it is set aside before the
/// text is checked, so line 1 column 1 is the first character after it.
pub const BOM: &str = "\u{feff}";

/// Why a file could not be checked. Each names the file.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("{path}: no such file or folder")]
    Missing { path: String },
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not a text file (it contains NUL bytes); skipped")]
    Binary { path: String },
    #[error("{path}: not a text file (invalid UTF-8 at byte {at}); skipped")]
    NotUtf8 { path: String, at: usize },
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
    File(PathBuf),
}

impl Source {
    /// The name shown to the user: the path as given (joined for files found
    /// in a folder), or `<stdin>`.
    pub fn display(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    pub fn language(&self) -> Language {
        match self {
            Source::Stdin => Language::PlainText,
            Source::File(p) => Language::from_path(p),
        }
    }
}

/// An article's text, with its byte order mark set aside.
#[derive(Debug)]
pub struct SourceText {
    pub source: Source,
    /// Whether the file started with a UTF-8 byte order mark.
    pub bom: bool,
    /// The text after the byte order mark.
    pub text: String,
}

/// Whether a file name is an article a folder walk picks up.
fn is_article(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "markdown")
    )
}

/// Expands the command line's paths into sources, in order: `-` is stdin, a
/// folder gives its `.txt` and `.md` files (recursively, sorted by name,
/// hidden entries skipped). A path that cannot be listed gives an error in
/// its place; the rest go on.
pub fn sources(paths: &[PathBuf]) -> Vec<Result<Source, InputError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Source::Stdin));
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.push(Err(InputError::Missing {
                    path: path.display().to_string(),
                }));
                continue;
            }
            Err(e) => {
                out.push(Err(InputError::Read {
                    path: path.display().to_string(),
                    source: e,
                }));
                continue;
            }
        };
        if !meta.is_dir() {
            out.push(Ok(Source::File(path.clone())));
            continue;
        }
        let walk = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            match entry {
                Ok(e) if e.file_type().is_file() && is_article(e.path()) => {
                    out.push(Ok(Source::File(e.into_path())));
                }
                Ok(_) => {}
                Err(e) => {
                    let p = e.path().unwrap_or(path).display().to_string();
                    let source = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("folder loop"));
                    out.push(Err(InputError::Read { path: p, source }));
                }
            }
        }
    }
    out
}

/// Reads a source and checks that it is text: no NUL bytes, valid UTF-8.
pub fn read(source: &Source) -> Result<SourceText, InputError> {
    let name = source.display();
    let bytes = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|e| InputError::Read {
                    path: name.clone(),
                    source: e,
                })?;
            buf
        }
        Source::File(p) => std::fs::read(p).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                InputError::Missing { path: name.clone() }
            } else {
                InputError::Read {
                    path: name.clone(),
                    source: e,
                }
            }
        })?,
    };
    decode(source.clone(), bytes)
}

/// Checks bytes are text and sets a byte order mark aside.
pub fn decode(source: Source, bytes: Vec<u8>) -> Result<SourceText, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary {
            path: source.display(),
        });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: source.display(),
        at: e.utf8_error().valid_up_to(),
    })?;
    let bom = text.starts_with(BOM);
    if bom {
        text.drain(..BOM.len());
    }
    Ok(SourceText { source, bom, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_set_aside_and_binary_is_refused() {
        let a = decode(Source::Stdin, "\u{feff}Mr Hale said.\r\n".into()).unwrap();
        assert!(a.bom);
        assert_eq!(a.text, "Mr Hale said.\r\n");
        let e = decode(Source::File("pic.txt".into()), b"GIF89a\0\x01".to_vec()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "pic.txt: not a text file (it contains NUL bytes); skipped"
        );
        let e = decode(
            Source::File("latin1.txt".into()),
            b"caf\xe9 au lait".to_vec(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("invalid UTF-8 at byte 3"), "{e}");
    }
}
