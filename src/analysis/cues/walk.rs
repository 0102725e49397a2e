//! Noun phrases walking back from a verb, and whether a speech-verb form is
//! a noun here (`the report`, `two nursing posts`).

use crate::lexicon::quotes as lex;

use super::items::{is_abbrev_dot, is_possessive, lower, Item};
use super::words::is_org_word;

/// A word right after a determiner or possessive is a noun (`the report`,
/// `her post`, `Labour’s claims`), not a speech verb.
/// Whether a number or a plural determiner comes shortly before item `k` in
/// its sentence (`two nursing posts`, `these reports`).
pub(super) fn counted(text: &str, items: &[Item], floor: usize, k: usize) -> bool {
    (floor..k).rev().take(3).any(|j| match &items[j] {
        Item::Word { range, .. } => {
            let w = lower(text, range);
            w.chars().all(|c| c.is_ascii_digit()) || lex::counting_words().contains(&w)
        }
        _ => false,
    })
}

/// Whether the word before item `k` can be the subject of a bare verb form
/// (or the verb follows a quote or opens the sentence, where word order is
/// inverted: `“…,” say analysts`).
pub(super) fn takes_base_form(text: &str, items: &[Item], k: usize) -> bool {
    match k.checked_sub(1).map(|j| &items[j]) {
        Some(Item::Word { range, .. }) => {
            let w = lower(text, range);
            // `the Saudis state`, `Israelis say`: a people, in capitals
            // (not `this`, `his`, `analysis`).
            let people = w.ends_with("is")
                && w.chars().count() > 4
                && text[range.clone()].starts_with(char::is_uppercase);
            lex::plural_subjects().contains(w.as_str())
                // `he will say`, `they would argue`.
                || lex::auxiliaries().contains(w.as_str())
                // `he was due to say`.
                || to_say_frame(text, items, k, 0) > 0
                || (w.ends_with('s')
                    && !["ss", "us", "is", "’s", "'s"]
                        .iter()
                        .any(|e| w.ends_with(e)))
                || people
                || w.ends_with("ly")
        }
        _ => true,
    }
}

pub(super) fn after_determiner(text: &str, items: &[Item], k: usize) -> bool {
    match k.checked_sub(1).map(|j| &items[j]) {
        Some(Item::Word { range, .. }) => {
            let w = lower(text, range);
            // `the two said`, `the two write`: counted people, then a verb
            // that is no plural noun (not `the two reports`).
            let counted_people = lex::numbers().contains(w.as_str())
                && k >= 2
                && matches!(&items[k - 2], Item::Word { range, .. } if lower(text, range) == "the")
                && matches!(&items[k], Item::Word { range, .. } if {
                    let v = lower(text, range);
                    !lex::noun_plurals().contains(v.as_str())
                });
            // `one said`, `another added`, `several told`: a determiner
            // that stands for people, then a verb that is no noun (nor
            // `read`, which things do: `One read: “…”` is a message).
            let standing_alone = (matches!(w.as_str(), "one" | "another")
                || lex::quantifiers().contains(w.as_str()))
                && matches!(&items[k], Item::Word { range, .. } if {
                    let v = lower(text, range);
                    !lex::noun_bases().contains(v.as_str())
                        && !lex::noun_plurals().contains(v.as_str())
                        && !matches!(v.as_str(), "read" | "reads")
                });
            !counted_people
                && !standing_alone
                && (lex::determiners().contains(w.as_str()) || is_possessive(&w))
        }
        _ => false,
    }
}

/// Where a noun phrase ending before item `end` starts: back over words to a
/// clause word, a lower-case verb, punctuation, or just past its determiner.
pub(super) fn walk_back(text: &str, items: &[Item], end: usize, floor: usize) -> usize {
    let mut s = end;
    while s > floor {
        match &items[s - 1] {
            Item::Word { range, .. } => {
                let w = lower(text, range);
                let verb = lex::speech_verbs().contains(w.as_str())
                    && !text[range.clone()].starts_with(char::is_uppercase)
                    && !after_determiner(text, items, s - 1)
                    && (!lex::noun_bases().contains(w.as_str())
                        || takes_base_form(text, items, s - 1));
                // `sources close to Mr Adeyemi`: one phrase.
                if w == "to" && close_to(text, items, s - 1, floor) {
                    s -= 2;
                    continue;
                }
                // `a source familiar with Cruz’s thinking`, `officials
                // briefed on the plan`: the postmodifier of a noun for people.
                if matches!(w.as_str(), "with" | "on" | "about" | "in" | "to")
                    && post_head(text, items, s - 1, floor)
                {
                    s -= 2;
                    continue;
                }
                if w == "and" {
                    // `the Department of Health and Social Care`: one name.
                    if let Some(head) = org_list_start(text, items, s - 1, floor) {
                        s = head;
                        continue;
                    }
                    // `the singer and guitarist`, `its founder and chief
                    // executive`: two roles of one person.
                    let role = |k: usize| {
                        matches!(items.get(k), Some(Item::Word { range, cap: false })
                            if lex::role_nouns().contains(lower(text, range).as_str()))
                    };
                    if s >= floor + 2 && role(s) && role(s - 2) {
                        s -= 1;
                        continue;
                    }
                }
                // `the Commission on Presidential Debates`, `the Council on
                // Foreign Relations`: one name.
                if w == "on" && org_name_on(text, items, s - 1, floor) {
                    s -= 1;
                    continue;
                }
                if lex::clause_words().contains(w.as_str()) || verb {
                    break;
                }
                s -= 1;
                if lex::determiners().contains(w.as_str()) {
                    let before =
                        s.checked_sub(1)
                            .filter(|&b| b >= floor)
                            .and_then(|b| match &items[b] {
                                Item::Word { range, .. } => Some(lower(text, range)),
                                _ => None,
                            });
                    // `a spokesman for the ministry`, and `one backbencher
                    // with a rural seat` (`with` and `in` only after a noun,
                    // not a verb).
                    let noun_before_with = || {
                        s.checked_sub(2)
                            .filter(|&b| b >= floor)
                            .is_some_and(|b| match &items[b] {
                                Item::Word { range, .. } => {
                                    let w = lower(text, range);
                                    !lex::clause_words().contains(w.as_str())
                                        && !lex::speech_verbs().contains(w.as_str())
                                        && !w.ends_with("ed")
                                        && !w.ends_with("ing")
                                }
                                _ => false,
                            })
                    };
                    match before.as_deref() {
                        Some("for" | "of" | "at" | "from") => {}
                        // `a narrator in the Clinton ad`, `a woman in
                        // the crowd` (after a noun, not `speaking in the`).
                        Some("with" | "in") if noun_before_with() => s -= 1,
                        // `people briefed on the talks`.
                        Some("on" | "about" | "to") if post_head(text, items, s - 1, floor) => {
                            s -= 1
                        }
                        // `a source close to the actress`.
                        Some("to") if close_to(text, items, s - 1, floor) => s -= 2,
                        // `the two said`: the people just named, counted.
                        Some("the") if lex::numbers().contains(w.as_str()) => {
                            s -= 1;
                            break;
                        }
                        _ => break,
                    }
                }
            }
            _ if is_abbrev_dot(text, items, s - 1) => s -= 1,
            _ => break,
        }
    }
    s
}

/// Whether the `on` at item `on` joins an organisation's name: a
/// capitalised head word of one before it, a capitalised word after it.
pub(super) fn org_name_on(text: &str, items: &[Item], on: usize, floor: usize) -> bool {
    let cap_word = |k: usize| match items.get(k) {
        Some(Item::Word { range, cap: true }) => Some(&text[range.clone()]),
        _ => None,
    };
    on > floor && cap_word(on - 1).is_some_and(is_org_word) && cap_word(on + 1).is_some()
}

/// Whether the `to` at item `to` follows `close` (`a source close to the
/// actress`), `near` or `loyal`, within the sentence from `floor`.
pub(super) fn close_to(text: &str, items: &[Item], to: usize, floor: usize) -> bool {
    to > floor
        && matches!(&items[to - 1], Item::Word { range, .. }
            if matches!(lower(text, range).as_str(), "close" | "closest" | "near" | "loyal"))
}

/// Whether the preposition at item `prep` follows a word that opens the
/// postmodifier of a noun for people (`familiar`, `briefed`: `people
/// familiar with`, `an official briefed on`).
pub(super) fn post_head(text: &str, items: &[Item], prep: usize, floor: usize) -> bool {
    let word = |k: usize| match items.get(k) {
        Some(Item::Word { range, .. }) => Some(lower(text, range)),
        _ => None,
    };
    prep >= floor + 2
        && word(prep - 1).is_some_and(|w| lex::post_head_words().contains(w.as_str()))
        && word(prep - 2).is_some_and(|w| super::words::is_person_noun(&w))
}

/// When the `and` at item `and` joins the capitalised parts of one
/// organisation's name (`the Department for Environment, Food and Rural
/// Affairs`): the item of the name's head word (`Department`).
pub(super) fn org_list_start(
    text: &str,
    items: &[Item],
    and: usize,
    floor: usize,
) -> Option<usize> {
    let cap = |i: usize| matches!(&items[i], Item::Word { cap: true, .. });
    if !items.get(and + 1).is_some_and(|_| cap(and + 1)) || and == floor || !cap(and - 1) {
        return None;
    }
    let mut i = and;
    while i > floor {
        match &items[i - 1] {
            Item::Word { range, cap: true } => {
                if is_org_word(&text[range.clone()]) && i < and {
                    // The head must be followed by `of` or `for`.
                    if matches!(&items[i], Item::Word { range, .. } if matches!(lower(text, range).as_str(), "of" | "for"))
                    {
                        return Some(i - 1);
                    }
                }
                i -= 1;
            }
            Item::Word { range, cap: false }
                if matches!(lower(text, range).as_str(), "of" | "for" | "and") =>
            {
                i -= 1
            }
            Item::Punct { ch: ',', .. } => i -= 1,
            _ => return None,
        }
        if and - i > 12 {
            return None;
        }
    }
    None
}

/// How many items before the verb at `v` (back to `floor`) say it is to be
/// said (`was due to`, `is expected to`, `set to`): a word of
/// `before_to_say.txt` and `to`, with a form of `be` before it if there is
/// one. None is 0.
pub(super) fn to_say_frame(text: &str, items: &[Item], v: usize, floor: usize) -> usize {
    let word = |k: usize| match &items[k] {
        Item::Word { range, cap: false } => Some(lower(text, range)),
        _ => None,
    };
    if v < floor + 2
        || word(v - 1).as_deref() != Some("to")
        || !word(v - 2).is_some_and(|w| lex::before_to_say().contains(w.as_str()))
    {
        return 0;
    }
    let be = v >= floor + 3 && word(v - 3).is_some_and(|w| lex::be_forms().contains(w.as_str()));
    if be {
        3
    } else {
        2
    }
}
