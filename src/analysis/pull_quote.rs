//! Pull quotes: a paragraph that only repeats a sentence (or a quote) of
//! the body near it, as a page sets one in large type between paragraphs.
//!
//! Paragraph facts, so that the article pass compares fingerprints, never
//! text: every paragraph lists the fingerprints of its sentences and of the
//! quotes inside them ([`PullFacts::keys`]), and a paragraph of one
//! sentence or one quote, perhaps signed (`— Jane Doe`), is a candidate
//! with its own fingerprint ([`PullFacts::candidate`]). A fingerprint is a
//! hash of the words in lower case without punctuation, so curly or
//! straight quotes, a dropped full stop, NBSP or line breaks do not matter.

/// The fewest words a sentence or a candidate needs to be compared: a
/// short one (`He said no.`) repeats by chance.
const MIN_WORDS: usize = 5;
/// The most words a candidate may have.
const MAX_WORDS: usize = 45;

/// What a paragraph holds for the pull-quote check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PullFacts {
    /// The fingerprint of the whole paragraph when it is one sentence or
    /// one quote (its signature after a dash left off).
    pub candidate: Option<u64>,
    /// The fingerprints of its sentences and of the quotes in them, sorted.
    pub keys: Vec<u64>,
}

impl PullFacts {
    /// Whether the paragraph holds a sentence or a quote with this fingerprint.
    pub fn holds(&self, key: u64) -> bool {
        self.keys.binary_search(&key).is_ok()
    }
}

/// Reads a paragraph's text.
pub fn scan(text: &str) -> PullFacts {
    let mut keys = Vec::new();
    for s in sentences(text) {
        keys.extend(fingerprint(s));
        for q in quotes(s) {
            keys.extend(fingerprint(q));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    PullFacts {
        candidate: candidate(text),
        keys,
    }
}

/// A paragraph of one sentence or one quote: its fingerprint.
fn candidate(text: &str) -> Option<u64> {
    let body = unsigned(text.trim());
    let words = body.split_whitespace().count();
    if !(MIN_WORDS..=MAX_WORDS).contains(&words) {
        return None;
    }
    // One sentence: none ends before the last (a quote of two sentences
    // is one quote).
    let inner = strip_quote_marks(body);
    let one_quote = inner.len() < body.len();
    if !one_quote && sentences(body).nth(1).is_some() {
        return None;
    }
    fingerprint(inner)
}

/// The paragraph without a signature after a dash (`“…” — Jane Doe`,
/// `… - Jane Doe, councillor`): the dash after a sentence or a quote.
fn unsigned(text: &str) -> &str {
    for dash in ['—', '―', '–'] {
        if let Some(i) = text.rfind(dash) {
            let (head, tail) = (text[..i].trim_end(), &text[i + dash.len_utf8()..]);
            let signed = head.ends_with(['”', '"', '’', '.', '!', '?', '»'])
                && (1..=8).contains(&tail.split_whitespace().count());
            if signed {
                return head;
            }
        }
    }
    text
}

/// Text without the quote marks that wrap it whole (`“…”`, `"…"`, `«…»`).
fn strip_quote_marks(text: &str) -> &str {
    let t = text.trim_end_matches(['.', ' ']);
    for (open, close) in [('“', '”'), ('"', '"'), ('«', '»'), ('‘', '’'), ('„', '“')]
    {
        if let Some(inner) = t.strip_prefix(open).and_then(|t| {
            t.trim_end_matches(['.', ',', ' '])
                .strip_suffix(close)
                .or_else(|| t.strip_suffix(close))
        }) {
            // Wrapped whole: no closing mark inside (`“A,” she said, “B”`).
            if !inner.contains(close) {
                return inner;
            }
        }
    }
    text
}

/// The sentences of a text: ends at `.`, `!` or `?` (and any closing quote
/// or bracket after it) before a space and a capital, a quote mark or the
/// end. Abbreviations (`Mr.`, `U.S.`) may split a sentence: a split only
/// loses a comparison.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((_, c)) = chars.next() {
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            while chars.next_if(|&(_, c)| "”\"’')»".contains(c)).is_some() {}
            let end = chars.peek().map_or(text.len(), |&(b, _)| b);
            let spaced = chars.peek().is_none_or(|&(_, c)| c.is_whitespace());
            let next = text[end..].trim_start().chars().next();
            let opens = next.is_none_or(|c| c.is_uppercase() || "“\"‘«".contains(c));
            if spaced && opens {
                let s = &text[start..end];
                start = end;
                if !s.trim().is_empty() {
                    return Some(s);
                }
            }
        }
        let rest = &text[start..];
        start = text.len();
        (!rest.trim().is_empty()).then_some(rest)
    })
}

/// The quoted passages of a sentence (curly, straight or guillemets;
/// single marks are apostrophes too often to pair).
fn quotes(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in s.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '„') => open = Some((i + c.len_utf8(), c)),
            (None, '"') => open = Some((i + 1, '"')),
            (Some((from, o)), '”' | '»' | '"' | '“')
                if matches!(
                    (o, c),
                    ('“', '”') | ('«', '»') | ('"', '"') | ('„', '“' | '”')
                ) =>
            {
                out.push(&s[from..i]);
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// The fingerprint of a text's words (lower case, letters and digits,
/// apostrophes dropped), if it has enough of them.
fn fingerprint(text: &str) -> Option<u64> {
    // FNV-1a: deterministic from run to run and machine to machine.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if !in_word && words > 0 {
                hash = (hash ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
            }
            if !in_word {
                words += 1;
            }
            in_word = true;
            if c.is_ascii() {
                hash =
                    (hash ^ u64::from(c.to_ascii_lowercase() as u8)).wrapping_mul(0x0100_0000_01b3);
                continue;
            }
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
                }
            }
        } else if matches!(c, '\'' | '’' | 'ʼ') && in_word {
            // `won’t` and `won't` are one word.
        } else {
            in_word = false;
        }
    }
    (words >= MIN_WORDS).then_some(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_set_apart_matches_its_sentence() {
        let body = scan(
            "Residents said they had been kept in the dark. “We were never told anything about the closure,” said Maureen Hale, 71. She has lived on the estate for 40 years.",
        );
        for pull in [
            "“We were never told anything about the closure”",
            "\"We were never told anything about the closure.\"",
            "“We were never told anything about the closure” — Maureen Hale",
            "We were never told anything about the closure",
        ] {
            let p = scan(pull);
            let key = p.candidate.unwrap_or_else(|| panic!("{pull}"));
            assert!(body.holds(key), "{pull}");
        }
        // A sentence of the body set apart.
        let p = scan("She has lived on the estate for 40 years.");
        assert!(p.candidate.is_some_and(|k| body.holds(k)));
    }

    #[test]
    fn paragraphs_of_copy_are_no_candidates() {
        for text in [
            "The council said the plan would go ahead. It will cost £4m.",
            "He said no.",
            "",
        ] {
            assert_eq!(scan(text).candidate, None, "{text}");
        }
    }

    #[test]
    fn sentences_end_at_a_stop_before_a_capital_or_a_quote() {
        let s: Vec<&str> =
            sentences("He left. “Why?” she asked. It was 3.5m away! the end").collect();
        assert_eq!(
            s,
            [
                "He left.",
                " “Why?” she asked.",
                " It was 3.5m away! the end"
            ]
        );
    }

    #[test]
    fn fingerprints_ignore_case_marks_and_spaces() {
        assert_eq!(
            fingerprint("We won’t stop\u{a0}now, ever"),
            fingerprint("we WON'T stop now ever")
        );
        assert_ne!(
            fingerprint("we will not stop now ever"),
            fingerprint("we will not stop ever now")
        );
    }
}
