//! Decoding (byte order marks, UTF-16, Windows-1252, binary files) and
//! word processors' documents.

use std::path::Path;

use super::file_kinds::document_error;
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
