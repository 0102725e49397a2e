//! Why a file could not be read or written.

use thiserror::Error;

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
