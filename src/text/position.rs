//! Conversion between byte offsets and `(line, character)` positions.
//!
//! Lines end only at `\n`, `\r\n` and `\r` (ropey's `cr_lines` feature without
//! the Unicode line breaks). Characters are counted in the negotiated encoding:
//! UTF-16 code units (LSP's default, the only one VS Code offers) or UTF-8
//! bytes. Every conversion clamps instead of failing: a column inside a
//! surrogate pair goes to the start of that character, a column past a line's
//! end goes to the line's end, a line past the document goes to its end.

use ropey::Rope;
use serde::Serialize;

/// How the `character` of a position is counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PositionEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// Code units of UTF-16 (LSP's default).
    #[default]
    Utf16,
}

/// A zero-based line and character, in some [`PositionEncoding`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LineCol {
    pub line: u32,
    pub character: u32,
}

impl LineCol {
    pub const fn new(line: u32, character: u32) -> Self {
        Self { line, character }
    }
}

/// Byte offset of the end of a line's content (before its terminator).
fn line_content_end(rope: &Rope, line: usize) -> usize {
    let start = rope.line_to_byte(line);
    let end = rope.line_to_byte(line + 1);
    let slice = rope.byte_slice(start..end);
    let mut content = end - start;
    // Strip one terminator: "\r\n", "\n" or "\r".
    let mut bytes = slice.bytes_at(content);
    match bytes.prev() {
        Some(b'\n') => {
            content -= 1;
            if content > 0 && bytes.prev() == Some(b'\r') {
                content -= 1;
            }
        }
        Some(b'\r') => content -= 1,
        _ => {}
    }
    start + content
}

/// The position of a byte offset. Offsets past the end, or inside a UTF-8
/// sequence, are clamped to the nearest character boundary at or before them.
pub fn offset_to_position(rope: &Rope, offset: usize, encoding: PositionEncoding) -> LineCol {
    let mut offset = offset.min(rope.len_bytes());
    // Step back to a char boundary.
    let char_idx = rope.byte_to_char(offset);
    offset = rope.char_to_byte(char_idx);
    let line = rope.byte_to_line(offset);
    let line_start = rope.line_to_byte(line);
    // A position between "\r" and "\n" is not a position in the editor: treat it as the line end.
    let content_end = line_content_end(rope, line);
    let offset = offset.min(content_end);
    let character = match encoding {
        PositionEncoding::Utf8 => offset - line_start,
        PositionEncoding::Utf16 => {
            let start_char = rope.byte_to_char(line_start);
            let end_char = rope.byte_to_char(offset);
            rope.char_to_utf16_cu(end_char) - rope.char_to_utf16_cu(start_char)
        }
    };
    LineCol::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(character).unwrap_or(u32::MAX),
    )
}

/// The byte offset of a position, clamped as the module documentation says.
/// The second value is `true` when the position had to be clamped.
pub fn position_to_offset(rope: &Rope, pos: LineCol, encoding: PositionEncoding) -> (usize, bool) {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return (rope.len_bytes(), true);
    }
    let line_start = rope.line_to_byte(line);
    let content_end = line_content_end(rope, line);
    let want = pos.character as usize;
    match encoding {
        PositionEncoding::Utf8 => {
            let target = line_start.saturating_add(want);
            if target > content_end {
                return (content_end, true);
            }
            let ch = rope.byte_to_char(target);
            let boundary = rope.char_to_byte(ch);
            (boundary, boundary != target)
        }
        PositionEncoding::Utf16 => {
            let start_char = rope.byte_to_char(line_start);
            let end_char = rope.byte_to_char(content_end);
            let start_cu = rope.char_to_utf16_cu(start_char);
            let end_cu = rope.char_to_utf16_cu(end_char);
            let target_cu = start_cu.saturating_add(want);
            if target_cu > end_cu {
                return (content_end, true);
            }
            // utf16_cu_to_char rounds down inside a surrogate pair.
            let ch = rope.utf16_cu_to_char(target_cu);
            let exact = rope.char_to_utf16_cu(ch) == target_cu;
            (rope.char_to_byte(ch), !exact)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rope(s: &str) -> Rope {
        Rope::from_str(s)
    }

    #[test]
    fn only_newline_cr_and_crlf_end_lines() {
        let r = rope("one\u{2028}still one\r\ntwo\rthree\nfour\u{85}\u{0b}\u{0c}");
        assert_eq!(r.len_lines(), 4);
        assert_eq!(
            offset_to_position(&r, r.len_bytes(), PositionEncoding::Utf8).line,
            3
        );
    }

    #[test]
    fn utf16_columns_count_surrogate_pairs_as_two() {
        let r = rope("Fans 🎉 cheered “loudly”\n");
        let after_emoji = "Fans 🎉".len();
        assert_eq!(
            offset_to_position(&r, after_emoji, PositionEncoding::Utf16),
            LineCol::new(0, 7)
        );
        assert_eq!(
            offset_to_position(&r, after_emoji, PositionEncoding::Utf8),
            LineCol::new(0, 9)
        );
        assert_eq!(
            position_to_offset(&r, LineCol::new(0, 7), PositionEncoding::Utf16),
            (after_emoji, false)
        );
    }

    #[test]
    fn column_inside_surrogate_pair_clamps_to_char_start() {
        let r = rope("a🎉b");
        assert_eq!(
            position_to_offset(&r, LineCol::new(0, 2), PositionEncoding::Utf16),
            (1, true)
        );
        // Inside a UTF-8 sequence too.
        assert_eq!(
            position_to_offset(&r, LineCol::new(0, 3), PositionEncoding::Utf8),
            (1, true)
        );
    }

    #[test]
    fn past_line_end_and_document_end_clamp() {
        let r = rope("short\r\nline two");
        assert_eq!(
            position_to_offset(&r, LineCol::new(0, 99), PositionEncoding::Utf16),
            (5, true)
        );
        assert_eq!(
            position_to_offset(&r, LineCol::new(7, 0), PositionEncoding::Utf16),
            (r.len_bytes(), true)
        );
        assert_eq!(
            offset_to_position(&r, 6, PositionEncoding::Utf16),
            LineCol::new(0, 5),
            "between \\r and \\n is the end of the line"
        );
        assert_eq!(
            offset_to_position(&r, 10_000, PositionEncoding::Utf16),
            LineCol::new(1, 8)
        );
    }

    #[test]
    fn empty_document_has_one_line() {
        let r = rope("");
        assert_eq!(
            position_to_offset(&r, LineCol::new(0, 0), PositionEncoding::Utf16),
            (0, false)
        );
        assert_eq!(
            offset_to_position(&r, 0, PositionEncoding::Utf16),
            LineCol::new(0, 0)
        );
    }
}
