//! Finding `Content-Length: N` lines: where a whole one starts in the
//! bytes (a frame starts there; no JSON body can hold one), and the value
//! of one in a header line.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

static CONTENT_LENGTH: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["content-length"])
        .ok()
});

/// After a `content-length` name: optional blanks, a colon, the rest of the
/// value; how far the colon's end is.
fn colon_after(rest: &[u8]) -> Option<usize> {
    let blanks = rest
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count();
    (rest.get(blanks) == Some(&b':')).then_some(blanks + 1)
}

/// Where a whole `Content-Length: N` line (digits, then a line break) starts
/// in `bytes`, if one does.
pub(super) fn find_header(bytes: &[u8]) -> Option<usize> {
    let ac = CONTENT_LENGTH.as_ref()?;
    ac.find_iter(bytes)
        .map(|m| (m.start(), m.end()))
        .find(|&(_, end)| {
            let rest = &bytes[end..];
            let Some(colon) = colon_after(rest) else {
                return false;
            };
            let value = &rest[colon..];
            let blanks = value
                .iter()
                .take_while(|b| **b == b' ' || **b == b'\t')
                .count();
            let digits = value[blanks..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let after = &value[blanks + digits..];
            let trailing = after
                .iter()
                .take_while(|b| **b == b' ' || **b == b'\t')
                .count();
            digits > 0
                && digits <= 20
                && matches!(&after[trailing..], [b'\n', ..] | [b'\r', b'\n', ..])
        })
        .map(|(start, _)| start)
}

/// The value of the last `Content-Length:` header in a line, and where its
/// name starts.
pub(super) fn content_length_in(line: &[u8]) -> Option<(usize, &[u8])> {
    let ac = CONTENT_LENGTH.as_ref()?;
    ac.find_iter(line)
        .filter_map(|m| {
            let colon = colon_after(&line[m.end()..])?;
            Some((m.start(), &line[m.end() + colon..]))
        })
        .last()
}

/// Whether the bytes could be a whole JSON object or array (worth parsing).
pub(super) fn ends_like_json(bytes: &[u8]) -> bool {
    matches!(
        bytes.iter().rev().find(|b| !b.is_ascii_whitespace()),
        Some(b'}' | b']')
    )
}
