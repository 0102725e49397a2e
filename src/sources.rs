//! Which files are an article's sources, and reading them (the engine's
//! side is [`crate::analysis::sources`]).
//!
//! An article's sources are, in this order and each file once:
//! 1. the files its front matter names (`sources: [hearing.txt, release.md]`
//!    or a `sources:` list of `- file` lines), relative to the article;
//! 2. the files `copydesk.toml` names for every article (`[sources] paths`),
//!    relative to the file's folder; `{stem}` stands for the article's file
//!    name without its extension, and such a file may be missing;
//! 3. every `.txt` and `.md` file in the folder `<article>.sources/` beside
//!    the article (`story.md` → `story.sources/`).
//!
//! A named file that cannot be used (missing, not a regular file, larger
//! than [`MAX_SOURCE_BYTES`], binary) is a [`SourceError`]; the caller
//! says so and checks no quote of that article against its sources (a
//! partial set would report quotes from the missing file as not found).
//! Files are read once per change: [`SourceCache`] keeps each by path,
//! size and modification time.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use thiserror::Error;

pub use crate::analysis::sources::{SourceFile, SourceSet, MAX_SOURCE_BYTES};
use crate::config::Config;

/// A source that cannot be used.
#[derive(Debug, Error)]
pub enum SourceError {
    #[error("cannot read source {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("source {} is not a regular file", path.display())]
    NotAFile { path: PathBuf },
    #[error("source {} is larger than {} MiB", path.display(), MAX_SOURCE_BYTES / (1024 * 1024))]
    TooLarge { path: PathBuf },
    #[error("source {} is not text (save it as plain text or Markdown)", path.display())]
    Binary { path: PathBuf },
}

/// A file named as a source of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub path: PathBuf,
    /// As shown in findings (as written, or relative to the article).
    pub name: String,
    /// Named outright (a missing file is an error), rather than by a
    /// `{stem}` pattern or the folder convention.
    pub required: bool,
}

/// The files the front matter of an article names as its sources.
pub fn front_matter_sources(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut in_list = false;
    for line in lines.take(200) {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            break;
        }
        if in_list {
            if let Some(item) = t.trim_start().strip_prefix("- ") {
                out.push(unquote(item));
                continue;
            }
            in_list = false;
        }
        let Some(rest) = t.strip_prefix("sources:") else {
            continue;
        };
        let rest = rest.trim();
        if rest.is_empty() {
            in_list = true;
        } else if let Some(inner) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            out.extend(inner.split(',').map(unquote).filter(|s| !s.is_empty()));
        } else {
            out.push(unquote(rest));
        }
    }
    out
}

fn unquote(s: &str) -> String {
    s.trim()
        .trim_matches(|c| c == '"' || c == '\'')
        .trim()
        .to_string()
}

/// The sources of the article at `article` (none for stdin or an unsaved
/// document) whose text is `text`: see the module's doc for the order.
/// `root` is what configuration paths are relative to when the
/// configuration came from no file (the editor's settings).
pub fn named_for(
    article: Option<&Path>,
    text: &str,
    config: &Config,
    root: Option<&Path>,
) -> Vec<Named> {
    let mut out: Vec<Named> = Vec::new();
    let add = |n: Named, out: &mut Vec<Named>| {
        if !out.iter().any(|o| o.path == n.path) {
            out.push(n);
        }
    };
    let folder = article.and_then(Path::parent).map(Path::to_path_buf);
    let here = |p: &str| match &folder {
        Some(f) if !Path::new(p).is_absolute() => f.join(p),
        _ => PathBuf::from(p),
    };
    for name in front_matter_sources(text) {
        add(
            Named {
                path: here(&name),
                name,
                required: true,
            },
            &mut out,
        );
    }
    let stem = article
        .and_then(Path::file_stem)
        .and_then(|s| s.to_str())
        .map(str::to_string);
    let base = config.folder().or(root).map(Path::to_path_buf);
    for p in &config.sources.paths {
        let patterned = p.contains("{stem}");
        let name = match (&stem, patterned) {
            (Some(stem), true) => p.replace("{stem}", stem),
            (None, true) => continue,
            (_, false) => p.clone(),
        };
        let path = match &base {
            Some(b) if !Path::new(&name).is_absolute() => b.join(&name),
            _ => PathBuf::from(&name),
        };
        if patterned && !path.is_file() {
            continue;
        }
        add(
            Named {
                path,
                name,
                required: !patterned,
            },
            &mut out,
        );
    }
    if let (Some(article), Some(stem)) = (article, &stem) {
        let dir = article.with_file_name(format!("{stem}.sources"));
        if let Ok(entries) = std::fs::read_dir(&dir) {
            let mut files: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && matches!(
                            p.extension().and_then(|e| e.to_str()),
                            Some("txt" | "md" | "markdown")
                        )
                })
                .collect();
            files.sort();
            for path in files {
                let file = path.file_name().map(|f| f.to_string_lossy().into_owned());
                let name = format!("{stem}.sources/{}", file.unwrap_or_default());
                add(
                    Named {
                        path,
                        name,
                        required: false,
                    },
                    &mut out,
                );
            }
        }
    }
    out
}

/// The size and time of a file as last read.
type Stamp = (u64, Option<SystemTime>);

/// Sources read, by path: a file is read and indexed again only when its
/// size or modification time changed.
#[derive(Default)]
pub struct SourceCache {
    files: Mutex<HashMap<PathBuf, (Stamp, Arc<SourceFile>)>>,
}

impl std::fmt::Debug for SourceCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SourceCache")
    }
}

impl SourceCache {
    /// The file at `named`, from the cache when it has not changed.
    pub fn load(&self, named: &Named) -> Result<Arc<SourceFile>, SourceError> {
        let path = &named.path;
        let read = |source| SourceError::Read {
            path: PathBuf::from(&named.name),
            source,
        };
        let meta = std::fs::metadata(path).map_err(read)?;
        if !meta.is_file() {
            return Err(SourceError::NotAFile {
                path: PathBuf::from(&named.name),
            });
        }
        let stamp: Stamp = (meta.len(), meta.modified().ok());
        if let Some((s, file)) = self.lock().get(path) {
            if *s == stamp && file.name == named.name {
                return Ok(Arc::clone(file));
            }
        }
        if meta.len() > MAX_SOURCE_BYTES as u64 {
            return Err(SourceError::TooLarge {
                path: PathBuf::from(&named.name),
            });
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_SOURCE_BYTES as u64 + 1).read_to_end(&mut bytes))
            .map_err(read)?;
        if bytes.len() > MAX_SOURCE_BYTES {
            return Err(SourceError::TooLarge {
                path: PathBuf::from(&named.name),
            });
        }
        let text = decode(&bytes).ok_or_else(|| SourceError::Binary {
            path: PathBuf::from(&named.name),
        })?;
        let started = std::time::Instant::now();
        let file = Arc::new(SourceFile::new(named.name.clone(), path.clone(), text));
        tracing::debug!(
            source = %named.name,
            words = file.word_count(),
            ms = started.elapsed().as_millis() as u64,
            "source indexed"
        );
        self.lock().insert(path.clone(), (stamp, Arc::clone(&file)));
        Ok(file)
    }

    /// Every named file, or the errors of those that cannot be used.
    pub fn resolve(&self, named: &[Named]) -> Result<SourceSet, Vec<SourceError>> {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for n in named {
            match self.load(n) {
                Ok(f) => files.push(f),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(SourceSet::new(files))
        } else {
            Err(errors)
        }
    }

    /// Forgets files no longer named by anyone (called when sources change).
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, (Stamp, Arc<SourceFile>)>> {
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A source's text: UTF-8 (a byte order mark dropped), UTF-16 with a byte
/// order mark, else Windows-1252; `None` for binary data.
fn decode(bytes: &[u8]) -> Option<String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return Some(text.into_owned());
    }
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if head.contains(&0) || controls * 20 > head.len().max(1) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_string()),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Some(text.into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_names_sources_inline_or_as_a_list() {
        assert_eq!(
            front_matter_sources(
                "---\ntitle: Budget\nsources: [hearing.txt, \"release.md\"]\n---\nBody"
            ),
            ["hearing.txt", "release.md"]
        );
        assert_eq!(
            front_matter_sources("---\nsources:\n  - a.txt\n  - 'b c.md'\nauthor: x\n---\n"),
            ["a.txt", "b c.md"]
        );
        assert!(front_matter_sources("sources: [a.txt]\n").is_empty());
    }

    #[test]
    fn binary_and_missing_sources_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("x.txt");
        std::fs::write(&bin, b"\x00\x01\x02PK\x03\x04").unwrap();
        let cache = SourceCache::default();
        let named = |p: &Path| Named {
            path: p.to_path_buf(),
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            required: true,
        };
        assert!(matches!(
            cache.load(&named(&bin)),
            Err(SourceError::Binary { .. })
        ));
        let gone = dir.path().join("gone.txt");
        let e = cache.load(&named(&gone)).unwrap_err();
        assert!(
            e.to_string().starts_with("cannot read source gone.txt: "),
            "{e}"
        );
        assert!(matches!(
            cache.load(&named(dir.path())),
            Err(SourceError::NotAFile { .. })
        ));
    }

    #[test]
    fn a_file_is_read_again_only_when_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("t.txt");
        std::fs::write(&p, "MAYOR JONES: We will find the money.\n").unwrap();
        let cache = SourceCache::default();
        let n = Named {
            path: p.clone(),
            name: "t.txt".into(),
            required: true,
        };
        let a = cache.load(&n).unwrap();
        assert!(Arc::ptr_eq(&a, &cache.load(&n).unwrap()));
        std::fs::write(&p, "MAYOR JONES: We will find the money, I promise.\n").unwrap();
        assert!(!Arc::ptr_eq(&a, &cache.load(&n).unwrap()));
    }
}
