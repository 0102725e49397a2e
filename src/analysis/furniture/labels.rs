//! Whole-line labels: buttons, page controls and widget labels
//! (`data/furniture/labels.txt`, by kind), section and topic names
//! (`sections.txt`), gallery counters (`1 of 6`, `Image 3 of 12`) and
//! reading times (`5 min read`).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::text::ascii_regex;
use super::types::BoilerplateKind;
use crate::lexicon::furniture as lists;

/// A label's kind, whether it heads a list of tags, and whether it is a
/// button (furniture only among other furniture).
type Label = (BoilerplateKind, bool, bool);

/// The labels of `labels.txt`, each with its kind.
static LABELS: LazyLock<HashMap<&'static str, Label>> = LazyLock::new(|| {
    let mut kind = (BoilerplateKind::PageChrome, false, false);
    let mut out = HashMap::new();
    for e in lists::labels() {
        if let Some(section) = e.strip_prefix('[').and_then(|e| e.strip_suffix(']')) {
            let (name, button) = match section.strip_suffix(" buttons") {
                Some(name) => (name, true),
                None => (section, false),
            };
            kind = match name {
                "share" => (BoilerplateKind::SharePrompt, false, button),
                "advert" => (BoilerplateKind::Advertisement, false, button),
                "comment" => (BoilerplateKind::CommentPrompt, false, button),
                "newsletter" => (BoilerplateKind::Newsletter, false, button),
                "follow" => (BoilerplateKind::SocialFollow, false, button),
                "tags" => (BoilerplateKind::PageChrome, true, button),
                _ => (BoilerplateKind::PageChrome, false, button),
            };
            continue;
        }
        out.insert(*e, kind);
    }
    out
});

struct Shapes {
    counter: Regex,
    count: Regex,
    reading: Regex,
    /// `Tags:`, `Topics`, `Filed under` at the start of a line of tags.
    tag_lead: Regex,
    /// An email address, a `@handle`, or a profile's address.
    contact: Regex,
    promos: Vec<(Regex, BoilerplateKind)>,
    /// Every promotion pattern in one: most lines fail it in one pass.
    any_promo: Regex,
    /// Sign-offs of the copy (`Additional reporting by …`).
    sign_off: Regex,
}

/// The promotion patterns, each with the kind its `[section]` says.
fn promos() -> Result<Vec<(Regex, BoilerplateKind)>, regex::Error> {
    let mut kind = BoilerplateKind::PageChrome;
    let mut out = Vec::new();
    for e in lists::promo_patterns() {
        if let Some(section) = e.strip_prefix('[').and_then(|e| e.strip_suffix(']')) {
            kind = match section {
                "newsletter" => BoilerplateKind::Newsletter,
                "share" => BoilerplateKind::SharePrompt,
                _ => BoilerplateKind::PageChrome,
            };
            continue;
        }
        out.push((ascii_regex(e)?, kind));
    }
    Ok(out)
}

static SHAPES: LazyLock<Option<Shapes>> = LazyLock::new(|| {
    let build = || -> Result<Shapes, regex::Error> {
        Ok(Shapes {
            // `1 of 6`, `1 / 23`, `Image 3 of 12`, `1 - 5 of 36`, `Photo 2/9`.
            counter: ascii_regex(
                r"^(?:(?:image|photo|picture|slide|gallery|video)s?\s+)?\d{1,3}(?:\s*-\s*\d{1,3})?\s*(?:/|of)\s*\d{1,4}$",
            )?,
            // `858 shares`, `0 replies`, `12 comments`, `4.5k views`.
            count: ascii_regex(
                r"^\d[\d.,]*k?\s*(?:shares?|replies|reply|comments?|views?|likes?|reactions?)$",
            )?,
            reading: ascii_regex(&crate::lexicon::alternation(lists::reading_time()))?,
            tag_lead: ascii_regex(
                r"^(?:tags?|topics|trends|categories|filed under|related tags|related topics)\b\s*(:)?\s*(\S.*)$",
            )?,
            contact: ascii_regex(
                r"^(?:[a-z0-9._+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+|@[a-z0-9_]{2,30}|(?:https?://)?(?:www\.)?(?:twitter|x|instagram|facebook|linkedin|tiktok)\.com/\S+)$",
            )?,
            promos: promos()?,
            any_promo: ascii_regex(&crate::lexicon::alternation(
                &lists::promo_patterns()
                    .iter()
                    .copied()
                    .filter(|e| !e.starts_with('['))
                    .collect::<Vec<_>>(),
            ))?,
            sign_off: ascii_regex(&crate::lexicon::alternation(lists::sign_off_patterns()))?,
        })
    };
    build()
        .map_err(|e| tracing::error!("label shapes: {e}"))
        .ok()
});

/// The label key of a normalised line: without bullets, a trailing colon,
/// `»`, `›`, `|`, `…` or a count in brackets (`comments (12)`).
pub(super) fn key(n: &str) -> &str {
    let mut k = n.trim_matches(|c: char| c.is_whitespace() || "•·-–—*|»›>«‹<:…".contains(c));
    if let Some(open) = k.rfind(" (") {
        if k.ends_with(')') && k[open + 2..k.len() - 1].bytes().all(|b| b.is_ascii_digit()) {
            k = k[..open].trim_end();
        }
    }
    k.trim_end_matches(['.', ':', '…']).trim_end()
}

/// A whole-line label: its kind, and whether it is only a button (`Email`,
/// `Twitter`: furniture among other furniture, maybe copy on its own).
pub(super) fn label(n: &str) -> Option<(BoilerplateKind, bool)> {
    let k = key(n);
    if let Some((kind, _, button)) = LABELS.get(k).or_else(|| LABELS.get(n)) {
        // With a count (`Comments (12)`) a button is one for sure.
        let counted = n.ends_with(')') && !k.ends_with(')');
        return Some((*kind, *button && !counted));
    }
    let shapes = SHAPES.as_ref()?;
    if shapes.counter.is_match(k) || shapes.reading.is_match(k) && k.split(' ').count() <= 8 {
        return Some((BoilerplateKind::PageChrome, false));
    }
    if shapes.count.is_match(k) {
        let kind = if k.contains("comment") || k.contains("repl") {
            BoilerplateKind::CommentPrompt
        } else {
            BoilerplateKind::SharePrompt
        };
        return Some((kind, false));
    }
    label_row(n)
}

/// A row of labels and buttons between separators (`Email this story ·
/// Print`, `Share | Tweet | Email`): every part a label, the first one's
/// kind; buttons together are no longer only buttons.
fn label_row(n: &str) -> Option<(BoilerplateKind, bool)> {
    if !n.contains(['·', '|', '•', '/']) {
        return None;
    }
    let mut kind = None;
    let mut parts = 0;
    for part in n
        .split(['·', '|', '•', '/'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (k, _, _) = LABELS.get(key(part))?;
        kind.get_or_insert(*k);
        parts += 1;
    }
    (parts >= 2).then_some(())?;
    kind.map(|k| (k, false))
}

/// A line of tags after its label (`Tags: Alibaba`, `Tags Kristi Noem South
/// Dakota`, `Topics: Hong Kong, Opinion`): after a colon anything short,
/// without one only capitalised words and hashtags.
pub(super) fn tag_line(core: &str, n: &str) -> bool {
    let Some(c) = SHAPES.as_ref().and_then(|s| s.tag_lead.captures(n)) else {
        return false;
    };
    let colon = c.get(1).is_some();
    let rest_words = c
        .get(2)
        .map_or(0, |m| m.as_str().split_whitespace().count());
    if rest_words == 0 || rest_words > 15 || n.ends_with(['.', '!', '?']) {
        return false;
    }
    colon
        || core
            .split_whitespace()
            .skip(1)
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c == '#' || c.is_ascii_digit()))
}

/// A reporter's contact line: an email address, a `@handle` or a profile
/// link, alone or after a name and role (`Jane Doe @janedoe`, `News
/// reporter @jdoe`). Its kind: a follow line or a contact prompt.
pub(super) fn contact_line(core: &str, n: &str) -> Option<BoilerplateKind> {
    let shapes = SHAPES.as_ref()?;
    let words: Vec<&str> = n.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let mut kind = None;
    let mut rest: Vec<&str> = Vec::new();
    for (w, orig) in words.iter().zip(core.split_whitespace()) {
        let w = w.trim_matches(|c: char| ",;|/·•()".contains(c));
        if w.is_empty() {
            continue;
        }
        let token = if shapes.contact.is_match(w) {
            Some(w)
        } else {
            glued(w).filter(|h| shapes.contact.is_match(h))
        };
        match token {
            Some(t) => {
                kind = Some(if t.starts_with('@') || t.contains(".com/") {
                    BoilerplateKind::SocialFollow
                } else {
                    BoilerplateKind::ContactPrompt
                });
                if t.len() < w.len() {
                    rest.push(&orig[..orig.find('@').unwrap_or(orig.len())]);
                }
            }
            // `2 days` after a handle: how long ago the page was posted.
            None if w.bytes().all(|b| b.is_ascii_digit())
                || matches!(w, "days" | "day" | "hours" | "ago") => {}
            None => rest.push(orig),
        }
    }
    // The words beside it are a reporter's name or role, or none.
    let rest = rest.join(" ");
    let byline = rest.is_empty()
        || super::credits::person(&rest)
        || rest.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase) || lists::byline_roles().contains(&w.to_lowercase())
        });
    kind.filter(|_| byline && !rest.contains(':'))
}

/// A breadcrumb trail (`Home › News › Politics`, `BLOG > Nutrition > Meal
/// Plans`): three or more short capitalised steps between `>`, `›` or `»`.
pub(super) fn breadcrumb(core: &str) -> bool {
    let core = core
        .strip_prefix("You are here")
        .map_or(core, |r| r.trim_start_matches([':', ' ']));
    let steps: Vec<&str> = core.split(['>', '›', '»']).map(str::trim).collect();
    steps.len() >= 3
        && steps.iter().all(|s| {
            (1..=4).contains(&s.split_whitespace().count())
                && s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !s.ends_with(['.', '!', '?', ','])
        })
}

/// `Natasha Turak@NatashaTurak`: a handle glued to a name.
fn glued(w: &str) -> Option<&str> {
    w.find('@').filter(|&i| i > 0).map(|i| &w[i..])
}

/// A promotion, disclosure or legal line, and its kind.
pub(super) fn promo(n: &str) -> Option<BoilerplateKind> {
    let shapes = SHAPES.as_ref()?;
    if !shapes.any_promo.is_match(n) {
        return None;
    }
    shapes
        .promos
        .iter()
        .find(|(re, _)| re.is_match(n))
        .map(|(_, kind)| *kind)
}

/// Whether the line is a sign-off of the copy (`Additional reporting by
/// …`, `… contributed to this report.`): copy, never furniture.
pub(super) fn sign_off(n: &str) -> bool {
    SHAPES.as_ref().is_some_and(|s| s.sign_off.is_match(n))
}

/// Whether the line is a label over a list of tags (`Tags:`, `Related Topics`).
pub(super) fn tags(n: &str) -> bool {
    LABELS.get(key(n)).is_some_and(|(_, tags, _)| *tags)
}

/// Whether the line is a section or topic name (`Business`, `Latest News`);
/// not with a full stop (`In brief.` opens copy).
pub(super) fn section(n: &str) -> bool {
    let stop = n.ends_with('.') && !n.ends_with("..");
    !stop && lists::sections().contains(key(n))
}

/// Whether the line is only a number (`4553`, `0`): a share count, a
/// ranking, a score.
pub(super) fn bare_number(n: &str) -> bool {
    !n.is_empty() && n.len() <= 6 && n.bytes().all(|b| b.is_ascii_digit() || b == b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut buf = String::new();
        super::super::text::normalise(s, &mut buf);
        buf
    }

    #[test]
    fn labels_by_kind() {
        use BoilerplateKind::*;
        for (line, kind) in [
            ("Print this article", SharePrompt),
            ("Share this:", SharePrompt),
            ("858shares", SharePrompt),
            ("Skip ad", PageChrome),
            ("Text size", PageChrome),
            ("Story continues below", PageChrome),
            ("Image 1 of 5", PageChrome),
            ("1 / 23", PageChrome),
            ("1 of 6", PageChrome),
            ("5 Min Read", PageChrome),
            ("Tags:", PageChrome),
            ("Iklan", Advertisement),
            ("Comments (12)", CommentPrompt),
            ("0 replies", CommentPrompt),
            ("Follow us", SocialFollow),
        ] {
            assert_eq!(label(&norm(line)), Some((kind, false)), "{line}");
        }
        assert_eq!(label(&norm("Email")), Some((SharePrompt, true)));
        assert_eq!(
            label(&norm("Email this story · Print")),
            Some((SharePrompt, false))
        );
        assert_eq!(
            label(&norm("Share | Tweet | Email")),
            Some((SharePrompt, false))
        );
        assert_eq!(label(&norm("Business | Opinion")), None);
        assert_eq!(label(&norm("Pause.")), Some((PageChrome, true)));
        for line in [
            "The email was sent on Monday.",
            "Share prices fell",
            "X X X",
            "1. Amazon",
            "2001-2005",
            "Business",
        ] {
            assert_eq!(label(&norm(line)), None, "{line}");
        }
        assert!(section(&norm("Business")) && section(&norm("Latest News")));
        assert!(tags(&norm("Related Topics:")) && !tags(&norm("Email")));
        assert!(!section(&norm("Business rates")));
    }
}
