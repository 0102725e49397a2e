//! Reading an article's file safely: only a regular file, opened without
//! blocking (and, found in a folder, without following a link or leaving
//! the folder), up to the size limit, its stamp kept for `fix`.

use std::io::Read;
use std::path::Path;

use super::encoding::{decode, SourceText};
use super::error::InputError;
use super::file_kinds::special_kind;
use super::source::Source;
use super::stamp::FileStamp;

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
