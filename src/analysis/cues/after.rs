//! The speaker after a verb (`said Ortega`, `said the Bank’s governor, Sir
//! Alan Cresswell`, `according to a senior official`).

use crate::lexicon::quotes as lex;

use super::items::{is_abbrev_dot, lower, Item};
use super::phrase::phrase;
use super::types::{PhraseKind, SpeakerPhrase};
use super::walk::{org_name_on, post_head};

/// The speaker after the verb at item `v` (`said Ortega`, `said the Russian`).
pub(super) fn speaker_after(
    text: &str,
    items: &[Item],
    v: usize,
    ceil: usize,
) -> Option<SpeakerPhrase> {
    let start = v + 1;
    let mut e = start;
    while e < ceil {
        match &items[e] {
            Item::Word { range, cap } => {
                let w = lower(text, range);
                if e > start
                    && lex::speaker_stops().contains(&w)
                    && !(w == "on" && org_name_on(text, items, e, start))
                    && !post_head(text, items, e, start)
                {
                    break;
                }
                if e > start
                    && !cap
                    && matches!(items[e - 1], Item::Word { cap: true, .. })
                    && lex::after_name_stops().contains(w.as_str())
                {
                    break;
                }
                // `said analyst Vadim Mitroshin The dispute with …`: an
                // article in capitals after the name opens the next
                // sentence, its full stop left out.
                if e > start + 1
                    && *cap
                    && matches!(w.as_str(), "the" | "a" | "an")
                    && matches!(items[e - 1], Item::Word { cap: true, .. })
                {
                    break;
                }
                // `said their views were changed by the Vietnam War`: a
                // clause of reported speech, whose verb no speaker phrase
                // runs through.
                if e > start && !cap && lex::auxiliaries().contains(&w) {
                    return None;
                }
                e += 1;
            }
            Item::Punct { ch: '.', at }
                if e > start
                    && matches!(&items[e - 1], Item::Word { range, .. } if range.end == *at && lex::abbreviations().contains(lower(text, range).as_str())) =>
            {
                e += 1
            }
            // `said John A. Finlayson`: a middle initial, even the one that
            // is also the article.
            Item::Punct { ch: '.', .. }
                if e > start + 1
                    && is_abbrev_dot(text, items, e)
                    && matches!(&items[e - 1], Item::Word { range, cap: true } if range.len() == 1)
                    && matches!(items.get(e + 1), Some(Item::Word { cap: true, .. })) =>
            {
                e += 1
            }
            // `said 9/11 widow Terry Strada`: a slash inside a word.
            Item::Punct { ch: '/', at }
                if e > start
                    && items[e - 1].end() == *at
                    && items.get(e + 1).is_some_and(|n| n.start() == at + 1) =>
            {
                e += 1
            }
            _ => break,
        }
        if e - start > 8 {
            break;
        }
    }
    let first = phrase(text, items, start, e)?;
    // `said the Bank’s governor, Sir Alan Cresswell`: the name after the comma.
    if first.kind != PhraseKind::Named && matches!(items.get(e), Some(Item::Punct { ch: ',', .. }))
    {
        let s2 = e + 1;
        let mut e2 = s2;
        while e2 < ceil
            && e2 - s2 < 6
            && (matches!(items[e2], Item::Word { .. }) || is_abbrev_dot(text, items, e2))
        {
            e2 += 1;
        }
        // The name must close the phrase (`…, Sir Alan Cresswell.`), not
        // open a clause of its own (`according to the complaint, Mr.
        // Kołodziej used …`).
        let closes = e2 >= ceil || !matches!(items.get(e2), Some(Item::Word { .. }));
        if let Some(mut second) =
            phrase(text, items, s2, e2).filter(|p| p.kind == PhraseKind::Named && closes)
        {
            second.role = Some(first.range.clone());
            second.range = first.range.start..second.range.end;
            return Some(second);
        }
    }
    if first.kind == PhraseKind::Named {
        let mut named = first;
        // `said Ian Grady, the chief executive of …`: a role after the name.
        if named.role.is_none() && matches!(items.get(e), Some(Item::Punct { ch: ',', .. })) {
            let s2 = e + 1;
            let mut e2 = s2;
            while e2 < ceil && e2 - s2 < 8 && matches!(items[e2], Item::Word { .. }) {
                e2 += 1;
            }
            if let Some(role) = phrase(text, items, s2, e2)
                .filter(|p| p.kind == PhraseKind::Role || p.kind == PhraseKind::Anonymous)
            {
                named.role = Some(role.range);
            }
        }
        return Some(named);
    }
    Some(first)
}
