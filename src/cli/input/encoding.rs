//! Bytes into text and back: UTF-8 (a byte order mark set aside), UTF-16
//! with a byte order mark, else Windows-1252, the encoding kept for
//! `fix` to write the file back in.

use super::error::InputError;
use super::source::Source;
use super::stamp::FileStamp;

/// The UTF-8 byte order mark. It is not copy: it is set aside before the
/// text is checked, so line 1 column 1 is the first character after it.
pub const BOM: &str = "\u{feff}";

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
