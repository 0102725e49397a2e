//! The style book's names, scanned like copy.

use super::scan::scan_mentions;

/// A style-book entry, scanned like copy.
pub(super) struct StyleEntry {
    pub(super) given: Option<(String, String)>,
    pub(super) surname: String,
    pub(super) surname_key: String,
}

pub(super) fn style_entries(style_book: &[String]) -> Vec<StyleEntry> {
    style_book
        .iter()
        .filter_map(|e| {
            let m = scan_mentions(e.trim()).into_iter().next()?;
            Some(StyleEntry {
                given: m.given_text.clone().zip(m.given_key.clone()),
                surname: m.surname_text,
                surname_key: m.surname_key,
            })
        })
        .collect()
}
