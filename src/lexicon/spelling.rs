//! British and American spellings folded to one form, so that a quote
//! respelt by the desk still matches its source (`colour`/`color`,
//! `organise`/`organize`, `centre`/`center`). The word pairs are in
//! `data/sources/british_american.txt`; the regular endings are folded by
//! rule. Folding is applied to both sides of a comparison, so a rule only
//! has to send the two spellings to the same form, and never two different
//! words to one (hence the length floors below).

use std::collections::HashMap;
use std::sync::LazyLock;

/// British → American, from the data file.
fn pairs() -> &'static HashMap<&'static str, &'static str> {
    static PAIRS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
        super::entries(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/sources/british_american.txt"
        )))
        .filter_map(|e| {
            let mut f = e.split_whitespace();
            Some((f.next()?, f.next()?))
        })
        .collect()
    });
    &PAIRS
}

crate::word_lists! {
    /// Transcript speaker labels that name no one (`Q`, `A`, `Interviewer`).
    anonymous_labels = "sources/labels.txt";
}

/// Regular British endings and the American ones they fold to.
const ENDINGS: &[(&str, &str, usize)] = &[
    // (British ending, American ending, shortest word the rule applies to)
    ("isations", "izations", 9),
    ("isation", "ization", 8),
    ("ising", "izing", 7),
    ("ised", "ized", 6),
    ("ises", "izes", 6),
    ("ise", "ize", 6),
    ("ysing", "yzing", 6),
    ("ysed", "yzed", 6),
    ("yse", "yze", 6),
    ("ours", "ors", 7),
    ("our", "or", 6),
    ("ourite", "orite", 8),
    ("tres", "ters", 6),
    ("tre", "ter", 5),
    ("elled", "eled", 7),
    ("elling", "eling", 8),
    ("eller", "eler", 7),
];

/// `word` (lower case) in the one spelling both sides are compared in.
pub fn fold(word: &str) -> std::borrow::Cow<'_, str> {
    if let Some(us) = pairs().get(word) {
        return std::borrow::Cow::Borrowed(us);
    }
    for (uk, us, min) in ENDINGS {
        if word.len() >= *min && word.ends_with(uk) {
            let stem = &word[..word.len() - uk.len()];
            return std::borrow::Cow::Owned(format!("{stem}{us}"));
        }
    }
    std::borrow::Cow::Borrowed(word)
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn british_and_american_spellings_meet() {
        for (uk, us) in [
            ("colour", "color"),
            ("organise", "organize"),
            ("organisation", "organization"),
            ("analysed", "analyzed"),
            ("centre", "center"),
            ("travelled", "traveled"),
            ("neighbourhood", "neighborhood"),
            ("programme", "program"),
            ("defence", "defense"),
            ("honour", "honor"),
        ] {
            assert_eq!(fold(uk), fold(us), "{uk}/{us}");
        }
        // Short words keep their letters: four is not for, hour not hor.
        for (a, b) in [
            ("four", "for"),
            ("hour", "hor"),
            ("rise", "rize"),
            ("tour", "tor"),
        ] {
            assert_ne!(fold(a), fold(b), "{a}/{b}");
        }
    }
}
