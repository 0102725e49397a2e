//! Writing a fixed article back without losing anyone's words or the
//! file's identity.
//!
//! - Right before the file is replaced, it is checked to be the file that
//!   was read (same device and inode, size, modification and change times,
//!   and the same bytes); if an editor saved it meanwhile, nothing is
//!   written and the caller reads it again.
//! - Normally the new text goes to a temporary file beside the article that
//!   takes the article's owner, group, extended attributes (Linux) and
//!   permissions, is synced, and is renamed over it; the folder is synced
//!   after. A reader sees the old file or the new one, never half of one.
//! - When the replacement cannot carry the file's identity (it has other
//!   hard links, or its owner or an attribute cannot be set), the file is
//!   written in place instead, after a synced backup copy beside it that is
//!   removed once the new text is synced.
//! - A read-only file is refused.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use super::input::FileStamp;

/// Why a file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file is not as it was read: someone else wrote it.
    Changed,
    /// The file is read-only.
    ReadOnly,
    Io(std::io::Error),
}

impl From<std::io::Error> for WriteError {
    fn from(e: std::io::Error) -> Self {
        WriteError::Io(e)
    }
}

/// How the file was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// A new file renamed over the old one.
    Replaced,
    /// The old file rewritten (it has other hard links, or its identity
    /// could not be given to a new one).
    InPlace,
}

const TEMP_PREFIX: &str = ".copydesk-fix-";

/// Whether the file at `path` is read-only: no write permission bit at all
/// (even root is refused), or not writable by this user.
pub fn is_read_only(path: &Path) -> std::io::Result<bool> {
    let meta = std::fs::metadata(path)?;
    if meta.permissions().readonly() {
        return Ok(true);
    }
    #[cfg(unix)]
    {
        match rustix::fs::access(path, rustix::fs::Access::WRITE_OK) {
            Ok(()) => Ok(false),
            Err(rustix::io::Errno::ACCESS | rustix::io::Errno::ROFS | rustix::io::Errno::PERM) => {
                Ok(true)
            }
            Err(e) => Err(e.into()),
        }
    }
    #[cfg(not(unix))]
    Ok(false)
}

/// Opens `path` without following a link, and checks it is still the file
/// that was read, bytes and all. Returns it open for reading.
fn still_as_read(path: &Path, stamp: &FileStamp, bytes: &[u8]) -> Result<File, WriteError> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(WriteError::Changed),
        Err(e) => return Err(e.into()),
    };
    if !meta.is_file() || FileStamp::of(&meta) != *stamp {
        return Err(WriteError::Changed);
    }
    let file = open(path, false)?;
    if FileStamp::of(&file.metadata()?) != *stamp {
        return Err(WriteError::Changed);
    }
    let mut now = Vec::with_capacity(bytes.len());
    (&file).take(bytes.len() as u64 + 1).read_to_end(&mut now)?;
    if now != bytes {
        return Err(WriteError::Changed);
    }
    Ok(file)
}

/// Opens a file for reading (or writing) without following a link.
fn open(path: &Path, write: bool) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(!write).write(write);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    options.open(path)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Syncs a folder, so that a rename or a removal in it is durable.
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Writes `contents` to `path` in place of the `bytes` read from it when it
/// had `stamp`, refusing if the file changed since (see the module doc).
pub fn write_back(
    path: &Path,
    stamp: &FileStamp,
    bytes: &[u8],
    contents: &[u8],
) -> Result<Written, WriteError> {
    if is_read_only(path)? {
        return Err(WriteError::ReadOnly);
    }
    let original = still_as_read(path, stamp, bytes)?;
    let meta = original.metadata()?;
    #[cfg(unix)]
    let linked = {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    };
    #[cfg(not(unix))]
    let linked = false;
    if !linked {
        match replace(path, &original, &meta, stamp, bytes, contents) {
            Ok(()) => return Ok(Written::Replaced),
            Err(Replace::Identity(e)) => {
                tracing::debug!(path = %path.display(), "a new file cannot take this one's identity ({e}); writing in place");
            }
            Err(Replace::Failed(e)) => return Err(e),
        }
    }
    in_place(path, stamp, bytes, contents)?;
    Ok(Written::InPlace)
}

enum Replace {
    /// The new file could not be given the old one's identity.
    Identity(std::io::Error),
    Failed(WriteError),
}

/// A temporary file with the old one's identity, renamed over it.
fn replace(
    path: &Path,
    original: &File,
    meta: &std::fs::Metadata,
    stamp: &FileStamp,
    bytes: &[u8],
    contents: &[u8],
) -> Result<(), Replace> {
    let failed = |e: std::io::Error| Replace::Failed(WriteError::Io(e));
    let dir = folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)
        .map_err(failed)?;
    tmp.write_all(contents).map_err(failed)?;
    take_identity(tmp.as_file(), original, meta).map_err(Replace::Identity)?;
    tmp.as_file().sync_all().map_err(failed)?;
    // The last look, as close to the rename as it can be.
    still_as_read(path, stamp, bytes).map_err(Replace::Failed)?;
    tmp.persist(path).map_err(|e| failed(e.error))?;
    sync_folder(dir).map_err(failed)?;
    Ok(())
}

/// Gives `new` the owner, group, extended attributes and permissions of
/// `original`.
fn take_identity(new: &File, original: &File, meta: &std::fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mine = new.metadata()?;
        if (mine.uid(), mine.gid()) != (meta.uid(), meta.gid()) {
            std::os::unix::fs::fchown(new, Some(meta.uid()), Some(meta.gid()))?;
        }
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    copy_xattrs(original, new)?;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let _ = original;
    new.set_permissions(meta.permissions())?;
    Ok(())
}

/// Copies every extended attribute (ACLs and security labels included).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn copy_xattrs(from: &File, to: &File) -> std::io::Result<()> {
    use rustix::fs::{fgetxattr, fgetxattr_query, flistxattr, flistxattr_query, fsetxattr};
    let size = match flistxattr_query(from) {
        Ok(n) => n,
        Err(rustix::io::Errno::NOTSUP) => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    if size == 0 {
        return Ok(());
    }
    let mut list = vec![0u8; size];
    let n = flistxattr(from, &mut list[..])?;
    for name in list[..n].split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = std::ffi::CString::new(name).map_err(std::io::Error::other)?;
        let len = fgetxattr_query(from, name.as_c_str())?;
        let mut value = vec![0u8; len];
        let got = if len == 0 {
            0
        } else {
            fgetxattr(from, name.as_c_str(), &mut value[..])?
        };
        fsetxattr(
            to,
            name.as_c_str(),
            &value[..got],
            rustix::fs::XattrFlags::empty(),
        )?;
    }
    Ok(())
}

/// Rewrites the file itself, after a synced backup copy beside it.
fn in_place(
    path: &Path,
    stamp: &FileStamp,
    bytes: &[u8],
    contents: &[u8],
) -> Result<(), WriteError> {
    let dir = folder_of(path);
    let mut backup = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".orig")
        .tempfile_in(dir)?;
    backup.write_all(bytes)?;
    backup.as_file().sync_all()?;
    still_as_read(path, stamp, bytes)?;
    let mut file = open(path, true)?;
    if FileStamp::of(&file.metadata()?) != *stamp {
        return Err(WriteError::Changed);
    }
    let written = write_all_at_start(&mut file, contents);
    if let Err(e) = written {
        // Put the old text back; if even that fails, keep the backup.
        if write_all_at_start(&mut file, bytes).is_err() {
            let kept = backup.into_temp_path();
            let kept_at = kept.to_path_buf();
            if let Err(keep) = kept.keep() {
                tracing::error!("cannot keep the backup copy: {keep}");
            }
            return Err(WriteError::Io(std::io::Error::other(format!(
                "{e}; the file may be damaged: its original text is in {}",
                kept_at.display()
            ))));
        }
        return Err(WriteError::Io(e));
    }
    drop(backup);
    sync_folder(dir)?;
    Ok(())
}

fn write_all_at_start(file: &mut File, contents: &[u8]) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom};
    file.seek(SeekFrom::Start(0))?;
    file.write_all(contents)?;
    file.set_len(contents.len() as u64)?;
    file.sync_all()
}
