//! What a run of words names as a speaker: a pronoun, a name (with its
//! role), a role noun, an anonymous source or an organisation.

use crate::analysis::names::Gender;
use crate::lexicon::quotes as lex;

use super::items::{bare, is_abbrev_dot, is_name_word, is_possessive, Item};
use super::types::{PhraseKind, Pronoun, SpeakerPhrase, PRONOUNS};
use super::walk::org_name_on;
use super::words::is_person_noun;

pub(super) fn gender_of(head: &str) -> Option<Gender> {
    if lex::female_nouns().contains(head) {
        Some(Gender::Female)
    } else if lex::male_nouns().contains(head) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Classifies the words `from..to` (item indices) as a speaker phrase.
/// Whether the phrase `words` ends in a full name (two name words or more)
/// after lower-case role words with a preposition among them and no
/// determiner first (`master of ceremonies Asab Tabchi`, `director of
/// communications Jen Psaki`); not `director of Acme Corp` (the name right
/// after the preposition) or `the head of Lyle Group`.
fn closing_name(text: &str, items: &[Item], words: &[usize], starts_with_det: bool) -> bool {
    let w = |k: usize| bare(&text[items[k].start()..items[k].end()]);
    if starts_with_det || words.len() < 4 {
        return false;
    }
    let run = words
        .iter()
        .rev()
        .take_while(|&&k| is_name_word(text, items, k))
        .count();
    let before = words.len() - run;
    run >= 2
        && before >= 2
        && !lex::head_breaks().contains(&w(words[before - 1]))
        && words[1..before]
            .iter()
            .any(|&k| lex::head_breaks().contains(&w(k)))
        && words[..before]
            .iter()
            .all(|&k| matches!(items[k], Item::Word { cap: false, .. }) || k == words[0])
}

pub(super) fn phrase(text: &str, items: &[Item], from: usize, to: usize) -> Option<SpeakerPhrase> {
    if from >= to {
        return None;
    }
    let words: Vec<usize> = (from..to)
        .filter(|&k| matches!(items[k], Item::Word { .. }))
        .collect();
    // A negated verb reports no words (`the mega donor didn’t disclose`,
    // `Comey cannot say that …`): its subject is nobody's speaker. (Before
    // a quote it is the subject of the quoted words: `Johnson won’t “send
    // you to war”`.)
    if matches!(items.get(to), Some(Item::Word { .. }))
        && words.last().is_some_and(|&k| {
            let w = bare(&text[items[k].start()..items[k].end()]);
            w.ends_with("n’t") || w.ends_with("n't") || w == "cannot"
        })
    {
        return None;
    }
    let first = *words.first()?;
    let last = *words.last()?;
    let range = items[first].start()..items[last].end();
    let w = |k: usize| bare(&text[items[k].start()..items[k].end()]);
    if words.len() == 1 && matches!(w(first).as_ref(), "i" | "we") {
        // The writer (`“Okay,” I said`), or the writer's side (`we said`).
        return Some(SpeakerPhrase {
            head: Some(w(first).into_owned()),
            ..SpeakerPhrase::of(range, PhraseKind::Anonymous)
        });
    }
    if words.len() == 1 {
        if let Some(&(_, p)) = PRONOUNS.iter().find(|(p, _)| *p == w(first)) {
            return Some(pronoun(range, p));
        }
    }
    let first_word = w(first);
    // `No 10 said`, `said Number 10`: Downing Street, in UK copy.
    if words.len() == 2
        && matches!(first_word.as_ref(), "no" | "number")
        && matches!(items[first], Item::Word { cap: true, .. })
        && w(last) == "10"
    {
        return Some(SpeakerPhrase {
            head: Some("10".to_string()),
            ..SpeakerPhrase::of(range, PhraseKind::Organisation)
        });
    }
    let starts_with_det = lex::determiners().contains(&first_word);
    // The head noun: the last word before a preposition or relative word;
    // but a full name closing a role that opens with no determiner is the
    // head (`said master of ceremonies Asab Tabchi`).
    let mut head_at = last;
    if !closing_name(text, items, &words, starts_with_det) {
        for &k in &words {
            let lw = w(k);
            // (`on` only inside an organisation's name: `the Commission
            // on Presidential Debates`.)
            if k > first
                && (lex::head_breaks().contains(&lw)
                    || lw == "on" && org_name_on(text, items, k, first)
                    || lex::post_head_words().contains(&lw) && is_person_noun(&w(head_at)))
            {
                break;
            }
            head_at = k;
        }
    }
    let head = w(head_at);
    // `John A. Finlayson`: a middle initial (even `A`) inside a name.
    let initial = |k: usize| {
        matches!(&items[k], Item::Word { range, cap: true } if range.len() == 1)
            && k + 2 <= last
            && is_abbrev_dot(text, items, k + 1)
            && is_name_word(text, items, k + 2)
    };
    // A run of name words ending the phrase (or ending at the head).
    let name_words: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&k| k <= head_at && (is_name_word(text, items, k) || initial(k)))
        // `Protesters chanted`: a capitalised source noun alone is a
        // group of people, not a name.
        .filter(|&k| words.len() > 1 || !lex::source_nouns().contains(&w(k)))
        // (`People familiar with the matter said`: nor is one opening
        // its phrase before a postmodifier, capitalised as the first word.)
        .filter(|&k| {
            k != first
                || !is_person_noun(&w(k))
                || !words
                    .get(1)
                    .is_some_and(|&n| lex::post_head_words().contains(&w(n)))
        })
        .collect();
    // `of Republican claims`, `Only European immigrants`: a demonym or a
    // party's adjective alone after another word is no one's name (but
    // `said Cuban` may be Mark Cuban, and `the Saudis` are a people).
    let attributive = words.len() > 1 && first_word != "the";
    let name_words = if let ([only], true) = (&name_words[..], attributive) {
        let only = *only;
        let written = &text[items[only].start()..items[only].end()];
        let demonym = matches!(
            crate::lexicon::names::GAZETTEER.lexical(written),
            Some(crate::lexicon::names::Lexical::Demonym)
        );
        if demonym {
            Vec::new()
        } else {
            name_words
        }
    } else {
        name_words
    };
    let org_head = lex::org_nouns().contains(&head);
    let the_proper = first_word == "the"
        && name_words.len() == words.len().saturating_sub(1)
        && !name_words.is_empty()
        && !lex::role_nouns().contains(&head);
    // `several said`; `the two said`, `the three agreed`: people the
    // reader has just met, counted.
    let counted = words.len() == 2 && first_word == "the" && lex::numbers().contains(&head);
    if lex::quantifiers().contains(&first_word) || counted {
        return Some(SpeakerPhrase {
            head: Some(head.into_owned()),
            ..SpeakerPhrase::of(range, PhraseKind::Anonymous)
        });
    }
    // `said one`, `another added`: one of the people just described.
    if words.len() == 1 && matches!(first_word.as_ref(), "one" | "another") {
        return Some(SpeakerPhrase {
            head: Some(first_word.into_owned()),
            ..SpeakerPhrase::of(range, PhraseKind::Anonymous)
        });
    }
    if words.len() == 1 && starts_with_det {
        return None;
    }
    if !name_words.is_empty() && !org_head && !the_proper {
        // Name tokens: the trailing run of name words, after any role noun.
        let mut start = name_words.len();
        while start > 0 {
            let k = name_words[start - 1];
            if lex::role_nouns().contains(&w(k))
                || w(k).contains("-of-")
                || (start < name_words.len()
                    && name_words[start] != k + 1
                    && !(name_words[start] == k + 2 && is_abbrev_dot(text, items, k + 1)))
            {
                break;
            }
            start -= 1;
        }
        let mut run = &name_words[start..];
        while run.len() > 1 && lex::name_honorifics().contains(&w(run[0])) {
            run = &run[1..];
        }
        if let (Some(&a), Some(&b)) = (run.first(), run.last()) {
            if b == head_at {
                // The words before the name, less its honorific (`Mr`,
                // `Dr`): those are no role.
                let honorific = |k: usize| lex::name_honorifics().contains(&w(k));
                let mut end = a;
                while end > first {
                    if honorific(end - 1) {
                        end -= 1;
                    } else if end - 1 > first
                        && is_abbrev_dot(text, items, end - 1)
                        && honorific(end - 2)
                    {
                        end -= 2;
                    } else {
                        break;
                    }
                }
                let role = (end > first).then(|| items[first].start()..items[end - 1].end());
                return Some(SpeakerPhrase {
                    name: Some(items[a].start()..items[b].end()),
                    role,
                    ..SpeakerPhrase::of(range, PhraseKind::Named)
                });
            }
        }
    }
    let gender = gender_of(&head);
    let kind = if org_head || the_proper {
        PhraseKind::Organisation
    } else if first_word == "the"
        // `Trump’s spokesman`, `Ms Okafor's family` (an honorific before
        // the owner).
        || words
            .iter()
            .find(|&&k| !lex::name_honorifics().contains(&w(k)))
            .is_some_and(|&k| is_possessive(&text[items[k].start()..items[k].end()]))
        || matches!(first_word.as_ref(), "his" | "her" | "their" | "its")
    {
        PhraseKind::Role
    } else if starts_with_det
        || lex::source_nouns().contains(head.as_ref())
        || super::words::is_people_plural(&head)
    {
        PhraseKind::Anonymous
    } else if lex::role_nouns().contains(head.as_ref()) {
        PhraseKind::Role
    } else {
        return None;
    };
    Some(SpeakerPhrase {
        head: Some(head.into_owned()),
        gender,
        ..SpeakerPhrase::of(range, kind)
    })
}

/// A speaker phrase that is a pronoun, with the gender it shows (`he`,
/// and `his` standing for it).
pub(super) fn pronoun(r: std::ops::Range<usize>, p: Pronoun) -> SpeakerPhrase {
    let gender = match p {
        Pronoun::He => Some(Gender::Male),
        Pronoun::She => Some(Gender::Female),
        _ => None,
    };
    SpeakerPhrase {
        gender,
        ..SpeakerPhrase::of(r, PhraseKind::Pronoun(p))
    }
}

/// A speaker phrase that is a name and nothing else (`Hannah Ruiz:`, or
/// one word between a quote and its verb: `“…,” From said`).
pub(super) fn named(r: std::ops::Range<usize>) -> SpeakerPhrase {
    SpeakerPhrase {
        name: Some(r.clone()),
        ..SpeakerPhrase::of(r, PhraseKind::Named)
    }
}

pub(super) fn elided(items: &[Item], at: usize) -> SpeakerPhrase {
    let r = items[at].start()..items[at].end();
    SpeakerPhrase::of(r, PhraseKind::Elided)
}
