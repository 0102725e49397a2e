//! Picture credits, captions, bylines and embedded posts' signatures: the
//! lines that stand around a picture or an embed, and the byline that is
//! the article's own.

use std::sync::LazyLock;

use regex::Regex;

use super::text::{ascii_regex, word_count};
use crate::lexicon::alternation as alt;
use crate::lexicon::furniture as lists;
use crate::lexicon::people;

/// What a line is to a picture, a post or a byline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Credit {
    /// A credit and nothing else (`Jane Doe/Getty Images`): the caption it
    /// goes with, if any, is the line next to it.
    Only,
    /// A credit with no agency (`Jane Doe/Example News`): probably one.
    Probable,
    /// A caption by its own label (`Above: …`, `FILE PHOTO: …`).
    Caption,
    /// An embedded post's signature (`— Jane Doe (@jdoe) March 3, 2024`).
    Signature,
}

struct Shapes {
    author_box: Regex,
    only: Regex,
    caption: Regex,
    agency: Regex,
    /// What follows a handle in a post's signature: ` March 3, 2024`.
    signed_on: Regex,
}

static SHAPES: LazyLock<Option<Shapes>> = LazyLock::new(|| {
    let build = || -> Result<Shapes, regex::Error> {
        Ok(Shapes {
            author_box: ascii_regex(&format!("^(?:{}) (.+)$", alt(lists::author_box())))?,
            only: ascii_regex(&format!("^(?:{})$", alt(lists::credit_only_patterns())))?,
            caption: ascii_regex(&format!("^(?:{})", alt(lists::caption_openers())))?,
            agency: ascii_regex(&format!("^(?:{})$", alt(lists::agency_names())))?,
            signed_on: ascii_regex(
                r"^ (?:on )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}, \d{4}$",
            )?,
        })
    };
    build()
        .map_err(|e| tracing::error!("credit shapes: {e}"))
        .ok()
});

/// What a line is to a picture or a post, from its core (`core`) and its
/// normalised form (`n`).
pub(super) fn credit(core: &str, n: &str) -> Option<Credit> {
    let shapes = SHAPES.as_ref()?;
    let words = word_count(n);
    if shapes.caption.is_match(n) {
        return Some(Credit::Caption);
    }
    if words <= 25 && signature(n, &shapes.signed_on) {
        return Some(Credit::Signature);
    }
    if words > 12 {
        return None;
    }
    if shapes.only.is_match(n) {
        return Some(Credit::Only);
    }
    name_credit(core, &shapes.agency)
}

/// Whether the normalised line `n` is an embedded post's signature: `—
/// Jane Doe (@jdoe) …` (at most 80 characters before the handle, 40
/// after), `Jane Doe (@jdoe) March 3, 2024`, `A post shared by …` or a
/// `pic.twitter.com/…` link. Read by hand, not by one pattern: with
/// bounded runs of any character the pattern took 20 ms to compile and
/// ran on the slowest engine.
fn signature(n: &str, signed_on: &Regex) -> bool {
    // Handles and links are ASCII (`@jdoe`, `pic.twitter.com/AbC123`).
    let handle_char = |c: char| c.is_ascii_alphanumeric() || c == '_';
    if let Some(link) = n.strip_prefix("pic.twitter.com/") {
        return !link.is_empty() && link.chars().all(handle_char);
    }
    if let Some(who) = n.strip_prefix("a post shared by ") {
        return (1..=80).contains(&who.chars().count());
    }
    for (at, _) in n.match_indices("(@") {
        let after = &n[at + 2..];
        let handle = after.len() - after.trim_start_matches(handle_char).len();
        let Some(tail) = after[handle..].strip_prefix(')') else {
            continue;
        };
        if !(1..=30).contains(&handle) {
            continue;
        }
        let before = &n[..at];
        // `— Jane Doe (@jdoe) …`: a dash, a name, the handle, a little more.
        let dashed = before
            .strip_prefix('-')
            .map(str::trim_start)
            .is_some_and(|name| {
                !name.is_empty() && name.chars().count() <= 81 && tail.chars().count() <= 40
            });
        if dashed || (before.chars().count() <= 80 && signed_on.is_match(tail)) {
            return true;
        }
    }
    false
}

/// `Jane Doe/Getty Images`, `Jo Ray | Bloomberg | Getty Images`, `Sam
/// Lee, AP`: capitalised names joined by `/`, `|` or `,`, one part an
/// agency; without one (`Jane Doe/Example News`), probably a credit.
fn name_credit(core: &str, agency: &Regex) -> Option<Credit> {
    // `(Example Pictures Ltd.)` alone: a credit, probably.
    if let Some(inner) = core.strip_prefix('(').and_then(|c| c.strip_suffix(')')) {
        let words = word_count(inner);
        let named = (2..=5).contains(&words)
            && names_only(inner)
            && !inner.contains(['(', ')'])
            && inner.chars().any(char::is_lowercase);
        return named.then_some(Credit::Probable);
    }
    let trimmed = core.trim_end_matches(['.', ' ']);
    if trimmed.contains([':', '!', '?', ';']) || !core.contains(['/', '|', ',']) {
        return None;
    }
    let parts: Vec<&str> = trimmed
        .split(['/', '|', ','])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() < 2 || parts.iter().any(|p| word_count(p) > 5 || !names_only(p)) {
        return None;
    }
    let mut buf = String::new();
    let named = parts.iter().any(|p| {
        super::text::normalise(p, &mut buf);
        agency.is_match(&buf)
    });
    if named {
        return Some(Credit::Only);
    }
    // `/` between names: a credit; commas alone join lists and places.
    core.contains('/').then_some(Credit::Probable)
}

/// Every word capitalised (or a joining word: `of`, `the`, `via`, `de`).
fn names_only(part: &str) -> bool {
    part.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c == '@' || c == '©')
            || lists::name_joiners().contains(w)
    })
}

/// A person's name: two to four capitalised words, a given name first.
pub(super) fn person(core: &str) -> bool {
    let words = word_count(core);
    let first = core.split_whitespace().next().unwrap_or("");
    (2..=4).contains(&words)
        && names_only(core)
        && core
            .split_whitespace()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c)))
        && people::given_names().contains(first)
}

/// The heading of an author box (`About Jane Doe`).
pub(super) fn author_box(core: &str, n: &str) -> bool {
    let Some(shapes) = SHAPES.as_ref() else {
        return false;
    };
    shapes.author_box.is_match(n) && person(super::lines::skip_words(core, 1))
}

/// The article's own byline (`By Jane Doe`, `Jane Doe`, `Political
/// correspondent`): copy, never furniture, and a line of the byline block.
pub(super) fn byline(core: &str, n: &str) -> bool {
    let words = word_count(n);
    if words == 0 || words > 10 {
        return false;
    }
    if let Some(rest) = n.strip_prefix("by").filter(|r| r.starts_with([' ', ':'])) {
        let rest = rest.trim_start_matches([' ', ':']);
        return !rest.is_empty() && !rest.contains(['.', '!', '?']);
    }
    if words <= 4 && n.split(' ').any(|w| lists::byline_roles().contains(w)) {
        return true;
    }
    person(core)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<Credit> {
        let mut buf = String::new();
        let core = super::super::text::core(line);
        super::super::text::normalise(core, &mut buf);
        credit(core, &buf)
    }

    #[test]
    fn credits_captions_and_signatures() {
        use Credit::*;
        for (line, want) in [
            ("Credit...Doug Lane/The Example Times", Only),
            ("Image copyright Getty Images", Only),
            ("Image Credit: Harbour Labs", Only),
            ("Sam Ortiz/Hindhead Times/Getty Images", Only),
            ("Jo Ray | Bloomberg | Getty Images", Only),
            ("Al Brooks, Associated Press", Only),
            ("Chris Bell Submitted photo", Only),
            ("Courtesy of the Hale family", Only),
            ("Photo by Kim Lee/Getty Images", Only),
            ("Jason Cole/Example Tech", Probable),
            ("Above: A co-working space in San Francisco.", Caption),
            (
                "FILE PHOTO: Traders work on the floor of the exchange.",
                Caption,
            ),
            (
                "Image caption Residents were moved to a leisure centre",
                Caption,
            ),
            ("— Jane Doe (@janedoe) March 3, 2024", Signature),
            (
                "— Harbour Council (@HarbourCouncil) November 9, 2023",
                Signature,
            ),
        ] {
            assert_eq!(read(line), Some(want), "{line}");
        }
        for line in [
            "London, Paris, Berlin",
            "The minister, who resigned, said nothing.",
            "Getty, the oil dynasty, funded the gallery",
            "Smith, Jones and Patel",
        ] {
            assert_eq!(read(line), None, "{line}");
        }
    }

    #[test]
    fn the_articles_own_byline() {
        let b = |line: &str| {
            let mut buf = String::new();
            super::super::text::normalise(line, &mut buf);
            byline(line, &buf)
        };
        assert!(b("By Tom Aldridge") && b("by: Kayla Brooks") && b("BY DANA RUIZ Meridian Press"));
        assert!(b("Aisha Rahman") && b("Political correspondent") && b("Sports Staff"));
        assert!(
            !b("Business") && !b("Minnesota Wild") && !b("By the end of the year, prices rose.")
        );
    }
}
