//! What a file is when it is not an article to read: a word processor's
//! document (named with how to save it as plain text) or a special file
//! (a FIFO, a device, a socket, a folder).

use std::path::Path;

use super::error::InputError;

pub(super) fn extension(path: &Path) -> Option<String> {
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

pub(super) fn document_error(path: &Path) -> Option<InputError> {
    document_kind(path).map(|(kind, how)| InputError::Document {
        path: path.display().to_string(),
        kind,
        how,
    })
}

/// What a file that is not regular is, for messages.
pub(super) fn special_kind(file_type: std::fs::FileType) -> &'static str {
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
