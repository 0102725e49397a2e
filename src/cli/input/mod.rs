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
//! `source` is where an article comes from, `folders` expands the paths
//! given and walks folders, `reading` reads a file safely (`stamp` is the
//! file as read), `encoding` turns its bytes into text, `file_kinds` names
//! what is not plain text, `error` says why a file was not read or written.

mod encoding;
mod error;
mod file_kinds;
mod folders;
mod reading;
mod source;
mod stamp;

#[cfg(test)]
mod tests;

pub use encoding::{decode, SourceText, TextEncoding, BOM};
pub use error::InputError;
pub use folders::{sources, FileFilter, Sources};
pub use reading::{inside, read};
pub use source::{shown, Source};
pub use stamp::FileStamp;
