//! Words that describe people, read from the names gazetteer's files (the
//! first field of each entry): honorifics, given names and role nouns, for
//! scanners that only need to know whether a word is one.

use std::sync::LazyLock;

use super::WordList;

/// The first field of every entry of a data file, as a list.
fn first_fields(data: &'static str) -> WordList {
    let words: Vec<&str> = super::entries(data)
        .filter_map(|e| e.split_whitespace().next())
        .collect();
    WordList::of(&words)
}

macro_rules! first_field_lists {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name() -> &'static WordList {
                static LIST: LazyLock<WordList> = LazyLock::new(|| {
                    first_fields(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $file)))
                });
                &LIST
            }
        )*
    };
}

first_field_lists! {
    /// Courtesy honorifics (`Mr`, `Dr`, `Sheikh`).
    honorifics = "names/honorifics.txt";
    /// Given names (`Anna`, `Rodrigo`).
    given_names = "names/given_names.txt";
    /// Role nouns and their modifiers (`minister`, `correspondent`, `foreign`).
    role_words = "names/roles.txt";
}
