//! Roles tied to names (`Foreign Minister Dmytro Kuleba`, `Antony Blinken,
//! the US secretary of state,`) and capitalised words that may be a
//! surname used alone.

use crate::analysis::marks::QuoteSpan;
use crate::lexicon::quotes as lex;

use super::items::{bare, is_name_word, items, Item};
use super::phrase::phrase;
use super::types::{PhraseKind, RoleLink};
use super::words::normalise;

/// Capitalised words outside quotes that may be a person's surname used alone
/// (`Morozova, who had not dropped a set`), paragraph-relative, with their text.
pub fn name_words(text: &str, spans: &[QuoteSpan]) -> Vec<(usize, String)> {
    let outer: Vec<&QuoteSpan> = spans.iter().filter(|s| s.depth == 0).collect();
    name_words_in(text, &items(text, &outer))
}

/// [`name_words`] of a paragraph's items.
pub(super) fn name_words_in(text: &str, items: &[Item]) -> Vec<(usize, String)> {
    (0..items.len())
        .filter(|&k| is_name_word(text, items, k))
        .map(|k| {
            (
                items[k].start(),
                bare(&text[items[k].start()..items[k].end()]).into_owned(),
            )
        })
        .collect()
}

/// Roles tied to names in a paragraph (`Foreign Minister Dmytro Kuleba`,
/// `Antony Blinken, the US secretary of state,`, `the health secretary, Julian Frost,`).
pub fn role_links(text: &str, spans: &[QuoteSpan]) -> Vec<RoleLink> {
    let outer: Vec<&QuoteSpan> = spans.iter().filter(|s| s.depth == 0).collect();
    role_links_in(text, &items(text, &outer))
}

/// [`role_links`] of a paragraph's items.
pub(super) fn role_links_in(text: &str, items: &[Item]) -> Vec<RoleLink> {
    let mut out = Vec::new();
    let n = items.len();
    let mut k = 0;
    let is_word = |k: usize| matches!(items.get(k), Some(Item::Word { .. }));
    let w = |k: usize| bare(&text[items[k].start()..items[k].end()]);
    while k < n {
        if !is_word(k) {
            k += 1;
            continue;
        }
        // A maximal run of words (no punctuation between).
        let s = k;
        while k < n && is_word(k) {
            k += 1;
        }
        let e = k;
        // The apposition's phrase starts after the run's last clause word or
        // verb (`… and Labour’s defence spokesman, Owen Pritchard`).
        let app_s = (s..e)
            .rev()
            .find(|&j| {
                let lw = w(j);
                lex::clause_words().contains(lw.as_ref())
                    || lex::speech_verbs().contains(lw.as_ref())
                        && !text[items[j].start()..items[j].end()].starts_with(char::is_uppercase)
            })
            .map_or(s, |c| c + 1);
        // Pre-modifying role: the last role noun followed by name words.
        if let Some(r) = (s..e).rev().find(|&j| {
            lex::role_nouns().contains(&w(j)) && j + 1 < e && is_name_word(text, items, j + 1)
        }) {
            let name_end = (r + 1..e)
                .take_while(|&j| is_name_word(text, items, j))
                .last()
                .unwrap_or(r + 1);
            let mut rs = r;
            // (The role opens at an article after a preposition: in `The
            // director of a biopic of the folk singer Bridget Calloway` her
            // role is `folk singer`, not `director`.)
            let opens_after_of = |j: usize| {
                j >= s + 2
                    && lex::articles().contains(&w(j - 1))
                    && matches!(w(j - 2).as_ref(), "of" | "for" | "about" | "with")
            };
            while rs > s
                && !lex::clause_words().contains(&w(rs - 1))
                && !lex::speech_verbs().contains(&w(rs - 1))
                && !opens_after_of(rs)
            {
                rs -= 1;
            }
            out.push(RoleLink {
                name: items[r + 1].start()..items[name_end].end(),
                role: items[rs].start()..items[r].end(),
                name_text: String::new(),
                role_text: String::new(),
            });
        }
        // Apposition: run , run , with one a name and the other a role.
        if matches!(items.get(e), Some(Item::Punct { ch: ',', .. })) && is_word(e + 1) {
            let mut e2 = e + 1;
            while e2 < n && is_word(e2) {
                e2 += 1;
            }
            if matches!(items.get(e2), Some(Item::Punct { ch: ',' | '.', .. })) {
                let a = phrase(text, items, app_s, e);
                let b = phrase(text, items, e + 1, e2);
                if let (Some(a), Some(b)) = (a, b) {
                    let (name, role) = match (a.kind, b.kind) {
                        (PhraseKind::Named, PhraseKind::Role | PhraseKind::Anonymous) => (a, b),
                        (PhraseKind::Role | PhraseKind::Anonymous, PhraseKind::Named) => (b, a),
                        _ => continue,
                    };
                    if let Some(nr) = name.name.clone() {
                        out.push(RoleLink {
                            name: nr,
                            role: role.range.clone(),
                            name_text: String::new(),
                            role_text: String::new(),
                        });
                    }
                }
            }
        }
    }
    for link in &mut out {
        link.name_text = normalise(&text[link.name.clone()]);
        link.role_text = normalise(&text[link.role.clone()]);
    }
    out
}
