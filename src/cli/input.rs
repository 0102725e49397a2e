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

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::analysis::Language;

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

/// The encoding an article came in, and goes back in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    /// UTF-8 with a byte order mark.
    Utf8Bom,
    /// UTF-16, little-endian, with a byte order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte order mark.
    Utf16Be,
    /// Not UTF-8 and no byte order mark: read as Windows-1252 (a superset
    /// of ISO-8859-1, what legacy Western newsroom systems write).
    Windows1252,
}

impl TextEncoding {
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with a byte order mark",
            TextEncoding::Utf16Le => "UTF-16 (little-endian)",
            TextEncoding::Utf16Be => "UTF-16 (big-endian)",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }

    /// `text` in this encoding, byte order mark included; `None` when a
    /// character has no place in it.
    pub fn encode(self, text: &str) -> Option<Vec<u8>> {
        match self {
            TextEncoding::Utf8 => Some(text.as_bytes().to_vec()),
            TextEncoding::Utf8Bom => Some(format!("{BOM}{text}").into_bytes()),
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
                let mut out = Vec::with_capacity(2 + 2 * text.len());
                for unit in std::iter::once(0xFEFF).chain(text.encode_utf16()) {
                    out.extend(if self == TextEncoding::Utf16Le {
                        unit.to_le_bytes()
                    } else {
                        unit.to_be_bytes()
                    });
                }
                Some(out)
            }
            TextEncoding::Windows1252 => {
                let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
                (!unmappable).then(|| bytes.into_owned())
            }
        }
    }
}

/// The file as it was when read: what `fix` compares before writing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    pub dev: u64,
    #[cfg(unix)]
    pub ino: u64,
    /// Status change time (seconds, nanoseconds).
    #[cfg(unix)]
    pub changed: (i64, i64),
}

impl FileStamp {
    pub fn of(meta: &std::fs::Metadata) -> Self {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            dev: meta.dev(),
            #[cfg(unix)]
            ino: meta.ino(),
            #[cfg(unix)]
            changed: (meta.ctime(), meta.ctime_nsec()),
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

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

const SOFFICE: &str = "or `soffice --headless --convert-to txt:Text FILE`";

/// A word processor's file that is not plain text: what it is and how to
/// save it as text.
fn document_kind(path: &Path) -> Option<(&'static str, &'static str)> {
    Some(match extension(path)?.as_str() {
        "docx" | "doc" | "docm" | "dotx" => (
            "a Word document",
            "in Word, File › Save As › Plain Text (.txt), encoding UTF-8; or `soffice --headless --convert-to txt:Text FILE`",
        ),
        "odt" => (
            "an OpenDocument text",
            "in LibreOffice, File › Save As › Text (.txt); or `soffice --headless --convert-to txt:Text FILE`",
        ),
        "rtf" => (
            "a Rich Text file",
            "in your word processor, Save As › Plain Text (.txt), encoding UTF-8; or `soffice --headless --convert-to txt:Text FILE`",
        ),
        "pdf" => (
            "a PDF",
            "export its text as plain text, e.g. `pdftotext -enc UTF-8 FILE`",
        ),
        "pages" => ("a Pages document", "in Pages, File › Export To › Plain Text"),
        "wpd" => ("a WordPerfect document", SOFFICE),
        _ => return None,
    })
}

fn document_error(path: &Path) -> Option<InputError> {
    document_kind(path).map(|(kind, how)| InputError::Document {
        path: path.display().to_string(),
        kind,
        how,
    })
}

/// What a file that is not regular is, for messages.
fn special_kind(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        return "a folder";
    }
    "not a file"
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

/// Opens a file for reading without blocking (a FIFO would) and, for a file
/// found in a folder, without following a link.
fn open_for_reading(path: &Path, follow: bool) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    {
        use rustix::fs::{Mode, OFlags};
        let mut flags = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NONBLOCK | OFlags::NOCTTY;
        if !follow {
            flags |= OFlags::NOFOLLOW;
        }
        Ok(std::fs::File::from(rustix::fs::open(
            path,
            flags,
            Mode::empty(),
        )?))
    }
    #[cfg(not(unix))]
    {
        let _ = follow;
        std::fs::File::open(path)
    }
}

/// Whether `path` (a file found in `folder`) still lies inside it once
/// every link on the way is resolved.
pub fn inside(path: &Path, folder: &Path) -> bool {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent).is_ok_and(|p| p.starts_with(folder))
}

/// Reads a source, at most `max_bytes`, and decodes it.
pub fn read(source: &Source, max_bytes: u64) -> Result<SourceText, InputError> {
    let name = source.display();
    let limit_mb = max_bytes.div_ceil(1024 * 1024);
    let too_large = |size| InputError::TooLarge {
        path: name.clone(),
        size,
        limit_mb,
    };
    let read_err = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::NotFound {
            InputError::Missing { path: name.clone() }
        } else {
            InputError::Read {
                path: name.clone(),
                source: e,
            }
        }
    };
    let mut bytes = Vec::new();
    let stamp = match source {
        Source::Stdin => {
            std::io::stdin()
                .lock()
                .take(max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(read_err)?;
            if bytes.len() as u64 > max_bytes {
                return Err(too_large(None));
            }
            None
        }
        Source::File(p) | Source::InFolder { path: p, .. } => {
            let in_folder = matches!(source, Source::InFolder { .. });
            // Look before opening: opening some special files has effects.
            let meta = if in_folder {
                std::fs::symlink_metadata(p)
            } else {
                std::fs::metadata(p)
            }
            .map_err(read_err)?;
            if !meta.is_file() {
                return Err(InputError::NotRegular {
                    path: name.clone(),
                    kind: special_kind(meta.file_type()),
                });
            }
            if let Source::InFolder { folder, .. } = source {
                if !inside(p, folder) {
                    return Err(InputError::Read {
                        path: name.clone(),
                        source: std::io::Error::other("it is no longer inside the folder given"),
                    });
                }
            }
            let file = open_for_reading(p, !in_folder).map_err(read_err)?;
            // And look again at what was opened.
            let meta = file.metadata().map_err(read_err)?;
            if !meta.is_file() {
                return Err(InputError::NotRegular {
                    path: name.clone(),
                    kind: special_kind(meta.file_type()),
                });
            }
            if meta.len() > max_bytes {
                return Err(too_large(Some(meta.len())));
            }
            (&file)
                .take(max_bytes + 1)
                .read_to_end(&mut bytes)
                .map_err(read_err)?;
            if bytes.len() as u64 > max_bytes {
                return Err(too_large(None));
            }
            Some(FileStamp::of(&meta))
        }
    };
    let mut text = decode(source.clone(), bytes)?;
    text.stamp = stamp;
    Ok(text)
}

/// Decodes bytes: UTF-8 (a byte order mark set aside), UTF-16 with a byte
/// order mark, else Windows-1252. NUL bytes mean it is not text.
pub fn decode(source: Source, bytes: Vec<u8>) -> Result<SourceText, InputError> {
    let bad = |encoding| InputError::BadEncoding {
        path: source.display(),
        encoding,
    };
    let (encoding, text) = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((enc, bom_len)) if enc == encoding_rs::UTF_8 => {
            let text = std::str::from_utf8(&bytes[bom_len..]).map_err(|_| bad("UTF-8"))?;
            (TextEncoding::Utf8Bom, text.to_string())
        }
        Some((enc, bom_len)) => {
            let encoding = if enc == encoding_rs::UTF_16LE {
                TextEncoding::Utf16Le
            } else {
                TextEncoding::Utf16Be
            };
            let text = enc
                .decode_without_bom_handling_and_without_replacement(&bytes[bom_len..])
                .ok_or_else(|| bad("UTF-16"))?;
            (encoding, text.into_owned())
        }
        None if bytes.contains(&0) => {
            return Err(InputError::Binary {
                path: source.display(),
            })
        }
        None => match std::str::from_utf8(&bytes) {
            Ok(text) => (TextEncoding::Utf8, text.to_string()),
            Err(_) => {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
                (TextEncoding::Windows1252, text.into_owned())
            }
        },
    };
    if text.contains('\0') {
        return Err(InputError::Binary {
            path: source.display(),
        });
    }
    Ok(SourceText {
        source,
        encoding,
        text,
        bytes,
        stamp: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_set_aside_and_binary_is_refused() {
        let a = decode(Source::Stdin, "\u{feff}Mr Hale said.\r\n".into()).unwrap();
        assert_eq!(a.encoding, TextEncoding::Utf8Bom);
        assert_eq!(a.text, "Mr Hale said.\r\n");
        let e = decode(Source::File("pic.txt".into()), b"GIF89a\0\x01".to_vec()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("pic.txt: not a text file (it contains NUL bytes"),
            "{e}"
        );
    }

    #[test]
    fn utf16_and_windows_1252_round_trip() {
        let text = "Ms Fennelly said the café would close – for good 🌧.\r\n";
        for enc in [TextEncoding::Utf16Le, TextEncoding::Utf16Be] {
            let bytes = enc.encode(text).unwrap();
            let a = decode(Source::Stdin, bytes.clone()).unwrap();
            assert_eq!((a.encoding, a.text.as_str()), (enc, text));
            assert_eq!(enc.encode(&a.text).unwrap(), bytes);
        }
        // Every byte of Windows-1252 comes back as it went in.
        let legacy: Vec<u8> = (1..=255u8).collect();
        let a = decode(Source::Stdin, legacy.clone()).unwrap();
        assert_eq!(a.encoding, TextEncoding::Windows1252);
        assert!(a.text.contains('é') && a.text.contains('–'));
        assert_eq!(TextEncoding::Windows1252.encode(&a.text).unwrap(), legacy);
        assert_eq!(TextEncoding::Windows1252.encode("🌧"), None);
        // A byte order mark that lies is refused by name.
        let e = decode(Source::File("odd.txt".into()), vec![0xFF, 0xFE, 0x41]).unwrap_err();
        assert!(e.to_string().contains("not valid UTF-16"), "{e}");
    }

    #[test]
    fn documents_say_how_to_export() {
        let e = document_error(Path::new("desk/Budget Story.DOCX")).unwrap();
        assert!(e.to_string().starts_with(
            "desk/Budget Story.DOCX: a Word document, not plain text; save it as plain text"
        ));
        assert!(document_error(Path::new("story.txt")).is_none());
    }
}
